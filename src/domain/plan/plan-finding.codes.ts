/**
 * The finding codes the plan itself emits, with what each means. The plan also passes on the codes of the engines it
 * runs: the capacity cluster checks (src/domain/capacity/cluster-checks.ts), the capacity engine's warnings (mapped by
 * CAPACITY_WARNING_SEVERITY) and the exposure engine's errors and warnings (ERROR / WARNING at `workloads[i].expose`).
 */
import type { FindingSeverity } from '../findings/finding.js';

export const PLAN_FINDING_CODES = {
  // Node groups and instance types
  INSTANCE_TYPE_UNKNOWN: 'An instance type of a node group is not in the catalog; the plan skips it.',
  NODE_GROUP_NOT_PLANNABLE: 'No instance type of the node group can run in this design; its capacity and addresses are not planned.',
  NODE_GROUP_SINGLE_AZ: 'All subnets of the node group are in one Availability Zone.',
  NODES_SINGLE_AZ: 'Every EC2 node of the cluster runs in one Availability Zone although the design has more.',
  PODS_PER_CORE_IGNORED: 'podsPerCore is set where the kubelet is not configurable or the AMI family has no such setting.',

  // Subnets
  SUBNET_FULL_AT_MAX: 'The subnet cannot hold its nodes, pods and warm pools with every node group at max size.',
  SUBNET_LOW_HEADROOM_AT_MAX: 'Less than 15% of the subnet is free with every node group at max size.',
  SUBNET_NO_SURGE_ROOM: 'At max size the subnet has no room for the extra nodes of a rolling replacement.',
  OBSERVED_IPS_EXHAUSTED: 'The addresses AWS reports free in the subnet cannot hold the growth of its node groups to max size.',
  OBSERVED_IPS_LOW: 'Less than 10% of the addresses AWS reports free in the subnet would remain with every node group at max size.',
  PREFIX_BLOCKS_NEVER_AVAILABLE: 'Prefix-mode nodes need more aligned /28 blocks than the subnet can ever hold.',
  PREFIX_BLOCKS_INSUFFICIENT: 'Even packed tightly, the individual addresses leave too few aligned /28 blocks for the prefixes.',
  PREFIX_FRAGMENTATION_RISK: 'The prefixes need more than half of the free aligned /28 blocks; fragmentation can make attachment fail.',

  // Workloads
  WORKLOAD_EXCEEDS_POD_CAPACITY: 'The workload has more replicas than its node group can run at max size.',
  WORKLOAD_EXCEEDS_BRANCH_ENI_CAPACITY:
    'The workload has more pods with security groups than the branch ENIs of its node group at max size.',
  NODE_GROUP_POD_CAPACITY_EXCEEDED: 'The workloads of the node group together need more pods than it can run at max size.',
  POD_SECURITY_GROUPS_NOT_ENABLED: 'A workload names pod security groups but security groups for pods (ENABLE_POD_ENI) is off.',
  POD_SECURITY_GROUPS_UNSUPPORTED: 'A workload with pod security groups runs on nodes that cannot attach a trunk ENI.',
  FARGATE_HOST_NETWORK_UNSUPPORTED: 'Fargate does not run pods with hostNetwork.',
  EXPOSURE_REQUEST_INVALID: "The exposure engine could not plan the workload's expose block.",

  // Cluster
  SERVICE_CIDR_DEFAULTED: 'The design has no serviceIpv4Cidr; EKS picks 172.20.0.0/16 or 10.100.0.0/16 from the VPC CIDRs.',
  DEFAULT_SERVICE_CIDR_OVERLAPS_VPC: 'The service CIDR EKS would pick overlaps a VPC CIDR.',
  SERVICE_CIDR_OVERLAPS_PEER: 'The service CIDR overlaps a peered network: pods cannot reach those peer addresses.',
  PUBLIC_ENDPOINT_UNRESTRICTED: 'The public cluster endpoint accepts any source address (0.0.0.0/0).',
  PUBLIC_ENDPOINT_CIDRS_BLOCK_NODES:
    'Public-only endpoint with restricted CIDRs: nodes reach it from their NAT or public addresses, which must be allowed.',
  PRIVATE_ENDPOINT_DISABLED: 'The private endpoint is off: node and pod traffic to the Kubernetes API leaves the VPC.',
  PRIVATE_ENDPOINT_ONLY: 'The endpoint is private only: clients outside the VPC need a network path into it.',
  CNI_SETTINGS_INVALID: 'The CNI settings could not be read; defaults were planned instead.',
} as const;

export type PlanFindingCode = keyof typeof PLAN_FINDING_CODES;

/** How the capacity engine's warnings (CapacityWarning codes) rank as plan findings; unlisted codes are INFO. */
export const CAPACITY_WARNING_SEVERITY: Readonly<Record<string, FindingSeverity>> = {
  // The #331 / #375 / #2051 class: the kubelet admits pods that never get an address.
  MAX_PODS_EXCEEDS_POD_IPS: 'WARNING',
  MANAGED_NODE_GROUP_OVERRIDES_MAX_PODS: 'WARNING',
  KARPENTER_NO_USABLE_ENIS: 'ERROR',
  PREFIX_DELEGATION_UNSUPPORTED_INSTANCE: 'WARNING',
  PREFIX_DELEGATION_REQUIRES_CNI_1_9: 'WARNING',
  PREFIX_DELEGATION_BARE_METAL_REQUIRES_CNI_1_11: 'WARNING',
  KARPENTER_RESERVED_ENIS_RECOMMENDED: 'WARNING',
  NODEADM_CONFIGURES_AL2023_ONLY: 'WARNING',
  WARM_IP_TARGETS_ZERO_UNSUPPORTED: 'WARNING',
  WARM_PREFIX_TARGET_ZERO_UNSUPPORTED: 'WARNING',
  PODS_EXCEED_NODE_ADDRESSES: 'WARNING',
};

/** What to change, for capacity warnings the plan passes on. */
export const CAPACITY_WARNING_FIX: Readonly<Record<string, string>> = {
  MAX_PODS_EXCEEDS_POD_IPS: 'Set the node group maxPods to the pods that can get an address, or enable prefix delegation.',
  MANAGED_NODE_GROUP_OVERRIDES_MAX_PODS:
    'Use a launch template with a custom AMI (self-managed bootstrap) to set maxPods, or remove maxPods.',
  KARPENTER_NO_USABLE_ENIS: 'Lower RESERVED_ENIS or use instance types with more ENIs.',
  PREFIX_DELEGATION_UNSUPPORTED_INSTANCE: 'Use Nitro-based instance types to get prefix delegation.',
  PREFIX_DELEGATION_REQUIRES_CNI_1_9: 'Upgrade the VPC CNI to 1.9.0 or later.',
  PREFIX_DELEGATION_BARE_METAL_REQUIRES_CNI_1_11: 'Upgrade the VPC CNI to 1.11.0 or later.',
  NODEADM_CONFIGURES_AL2023_ONLY: 'Use AL2023 with nodeadm, or model the node group with its own launcher (AL2: bootstrap.sh).',
  LAUNCHER_NOT_PREFIX_DELEGATION_AWARE: 'Set maxPods on the node group to use the prefix-delegation density.',
  IPV6_MAX_PODS_NOT_RAISED: 'Set maxPods on the node group (110, or 250 for instances with more than 30 vCPUs).',
  WARM_IP_TARGETS_ZERO_UNSUPPORTED: 'Leave WARM_IP_TARGET and MINIMUM_IP_TARGET unset, or set them above 0.',
  WARM_PREFIX_TARGET_ZERO_UNSUPPORTED: 'Set WARM_PREFIX_TARGET to 1, or set WARM_IP_TARGET / MINIMUM_IP_TARGET.',
};
