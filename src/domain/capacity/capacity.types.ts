/**
 * Public types of the pure capacity engine: max pods per node (docs/api.md "Capacity", GET /v1/capacity/max-pods)
 * and subnet IP usage (POST /v1/capacity/subnet-usage). Research and sources: capacity.md.
 */
import type { AmiFamily, IpFamily } from '../spec/design-spec.types.js';

/** Who decides the kubelet's maxPods (capacity.md §2). */
export const LAUNCHERS = ['ENI_FORMULA', 'CALCULATOR', 'MANAGED_NODE_GROUP', 'NODEADM', 'KARPENTER', 'AUTO_MODE', 'FARGATE'] as const;
export type Launcher = (typeof LAUNCHERS)[number];

export const NODE_OPERATING_SYSTEMS = ['LINUX', 'WINDOWS'] as const;
export type NodeOs = (typeof NODE_OPERATING_SYSTEMS)[number];

/** How pod addresses are handed out on the node. */
export const POD_ADDRESS_MODES = ['SECONDARY_IP', 'PREFIX_DELEGATION', 'IPV6_PREFIX', 'FARGATE'] as const;
export type PodAddressMode = (typeof POD_ADDRESS_MODES)[number];

export const DEFAULT_LAUNCHER: Launcher = 'CALCULATOR';

export interface MaxPodsOptions {
  /** Default `CALCULATOR` (max-pods-calculator.sh). */
  launcher?: Launcher;
  /** Default `LINUX`; `WINDOWS` when `amiFamily` is `WINDOWS`. */
  os?: NodeOs;
  /** Default `IPV4`. */
  ipFamily?: IpFamily;
  /** ENABLE_PREFIX_DELEGATION. Default false; forced true for IPv6 and defaulted true for Auto Mode. */
  prefixDelegation?: boolean;
  /** AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG with an ENIConfig. */
  customNetworking?: boolean;
  /** ENABLE_POD_ENI (security groups for pods). */
  securityGroupsForPods?: boolean;
  /** max-pods-calculator.sh `--show-max-allowed` (no 110/250 cap). */
  showMaxAllowed?: boolean;
  /** Amazon VPC CNI version, default `1.20.0`; `v1.18.3-eksbuild.1` style is accepted. */
  cniVersion?: string;
  /** `--cni-max-eni` / MAX_ENI: at most this many ENIs are attached. */
  maxEnis?: number;
  /** A kubelet maxPods set explicitly (kubelet config, `--max-pods`, EC2NodeClass `spec.kubelet.maxPods`). */
  kubeletMaxPods?: number;
  /** Karpenter `spec.kubelet.podsPerCore`. */
  podsPerCore?: number;
  /** Karpenter `--reserved-enis` / RESERVED_ENIS. */
  reservedEnis?: number;
  /** Karpenter EC2NodeClass `networkInterfaces` of `interfaceType: efa-only` on network card 0 (each takes an ENI slot). */
  efaOnlyInterfaces?: number;
  /** nodeadm `spec.kubelet.maxPodsExpression` (CEL over `default_enis`, `ips_per_eni`, `max_pods`). */
  maxPodsExpression?: string;
  /** Karpenter AMI family (default AL2023; WINDOWS → 110 pods; BOTTLEROCKET ignores podsPerCore). */
  amiFamily?: AmiFamily;
}

/** GET /v1/capacity/max-pods: one instance type of a catalog (the `aws` one by default). */
export interface MaxPodsQuery extends MaxPodsOptions {
  instanceType: string;
  catalog?: string;
}

/** GET /v1/capacity/max-pods-table: every type of a catalog, optionally one family or at least some vCPUs. */
export interface MaxPodsTableQuery extends MaxPodsOptions {
  catalog?: string;
  family?: string;
  minVcpu?: number;
}

/** One line of the arithmetic: what rule was applied, the number it produced, and where the rule comes from. */
export interface CalculationStep {
  rule: string;
  value: number;
  source: string;
}

export interface CapacityWarning {
  /** UPPER_SNAKE, stable. */
  code: string;
  message: string;
}

export interface MaxPodsResult {
  instanceType: string;
  launcher: Launcher;
  os: NodeOs;
  ipFamily: IpFamily;
  /** What the kubelet will be told. */
  maxPods: number;
  /** The launcher's value before any 110/250 (or Auto Mode 110) cap. */
  uncappedMaxPods: number;
  /**
   * Pods that can really get an IP on the node in this CNI mode, counting the 2 host-network pods like the ENI formula
   * does (Linux); Windows counts pod IPs only. Null when addresses do not limit pods (IPv6: one /80 per node).
   * Branch-ENI pods (security groups for pods) are extra: see `branchEniPods`.
   */
  ipLimitedPods: number | null;
  /** min(maxPods, ipLimitedPods): pods that can run without branch ENIs. */
  effectivePods: number;
  /** 110 / 250 (calculator, managed node group) or 110 (Auto Mode); null when no cap applies. */
  cap: number | null;
  capApplied: boolean;
  /** Branch-ENI pods (vpc.amazonaws.com/pod-eni) with security groups for pods; 0 when off; null when unknown. */
  branchEniPods: number | null;
  /** 11 × maxPods + 255 (Linux EC2 nodes); null for Windows and Fargate, where the rule does not apply. */
  kubeReservedMemoryMiB: number | null;
  /** kube-reserved CPU from the vCPU table; null when vCPUs are unknown, for Windows and Fargate. */
  kubeReservedCpuMillicores: number | null;
  podAddressMode: PodAddressMode;
  /** ENIs whose addresses pods can use. */
  podEnis: number;
  steps: CalculationStep[];
  warnings: CapacityWarning[];
}

/** CNI warm-pool settings (ipamd env vars); unset means the CNI default. */
export interface WarmPoolSettings {
  /** WARM_ENI_TARGET, default 1. */
  warmEniTarget?: number;
  /** WARM_IP_TARGET; overrides WARM_ENI_TARGET / WARM_PREFIX_TARGET when set (> 0). */
  warmIpTarget?: number;
  /** MINIMUM_IP_TARGET; overrides WARM_ENI_TARGET / WARM_PREFIX_TARGET when set (> 0). */
  minimumIpTarget?: number;
  /** WARM_PREFIX_TARGET, default 1 (the value in the CNI manifest; the code default is 0). */
  warmPrefixTarget?: number;
}

/** Windows IPAM settings (ConfigMap `amazon-vpc-cni`); unset means the VPC resource controller defaults. */
export interface WindowsWarmPoolSettings {
  /** `warm-ip-target`: default 3 (secondary IP mode) or 1 (prefix mode). */
  warmIpTarget?: number;
  /** `minimum-ip-target`: default 3. */
  minimumIpTarget?: number;
  /** `warm-prefix-target`: default 0. */
  warmPrefixTarget?: number;
}

export interface CniSettingsForCapacity extends WarmPoolSettings {
  version?: string;
  prefixDelegation?: boolean;
  customNetworking?: boolean;
  securityGroupsForPods?: boolean;
  /** MAX_ENI */
  maxEni?: number;
  windows?: WindowsWarmPoolSettings;
}

/** Which subnet the request describes; only matters with custom networking (node IP vs ENIConfig pod subnet). */
export const SUBNET_USAGE_ROLES = ['NODES', 'PODS'] as const;
export type SubnetUsageRole = (typeof SUBNET_USAGE_ROLES)[number];

export interface SubnetUsageNodeGroup {
  name?: string;
  /** Required except for Fargate. */
  instanceType?: string;
  /** Nodes in the group (for Fargate: pods, each is its own node). */
  nodes: number;
  /** Pods per node that need a VPC address (exclude hostNetwork pods), including branch-ENI pods. */
  podsPerNode: number;
  /** Of `podsPerNode`, pods that get a branch ENI (security groups for pods). */
  branchPodsPerNode?: number;
  /** The node's kubelet maxPods, when known; otherwise computed with `launcher` and the CNI settings. */
  maxPods?: number;
  /** Extra nodes that exist during a rolling replacement; default 0. */
  surgeNodes?: number;
  /** Default CALCULATOR. */
  launcher?: Launcher;
  os?: NodeOs;
  amiFamily?: AmiFamily;
  kubeletMaxPods?: number;
  podsPerCore?: number;
  reservedEnis?: number;
  efaOnlyInterfaces?: number;
  maxPodsExpression?: string;
}

export interface SubnetUsageRequest {
  subnet: { cidr: string; role?: SubnetUsageRole };
  /** Default IPV4, or IPV6 when the subnet CIDR is IPv6. */
  ipFamily?: IpFamily;
  cni?: CniSettingsForCapacity;
  nodeGroups: SubnetUsageNodeGroup[];
}

/** IP_ADDRESS for an IPv4 subnet; PREFIX_80 for an IPv6 subnet, where each node takes one /80. */
export const SUBNET_USAGE_UNITS = ['IP_ADDRESS', 'PREFIX_80'] as const;
export type SubnetUsageUnit = (typeof SUBNET_USAGE_UNITS)[number];

export interface PrefixBlockUsage {
  /** Aligned /28 blocks in the subnet: 2^(28 − N). */
  alignedBlocks: number;
  /** Blocks that can ever be a prefix: the first and last hold AWS-reserved addresses (2^(28 − N) − 2). */
  assignableBlocks: number;
  /** /28 prefixes the node groups need. */
  neededBlocks: number;
  /** Addresses outside prefixes (ENI primaries, node IPs, branch ENIs); each can spoil a block. */
  individualIps: number;
  /** Blocks left for prefixes when individual addresses are packed as tightly as possible (best case). */
  bestCaseAvailableBlocks: number;
}

export interface SubnetUsageNodeGroupResult {
  name: string | null;
  instanceType: string | null;
  launcher: Launcher;
  os: NodeOs;
  nodes: number;
  surgeNodes: number;
  podsPerNode: number;
  branchPodsPerNode: number;
  maxPods: number;
  ipLimitedPods: number | null;
  podAddressMode: PodAddressMode;
  /** Units charged to this subnet per node (addresses, or /80 prefixes for an IPv6 subnet). */
  ipsPerNode: number;
  enisPerNode: number;
  prefixesPerNode: number;
  secondaryIpsPerNode: number;
  /** Allocated but unused pod addresses per node (the warm pool). */
  warmIpsPerNode: number;
  /** Units charged per node once the pool has grown to the node's maxPods (conservative upper bound). */
  maxIpsPerNode: number;
  /** (nodes + surgeNodes) × ipsPerNode */
  totalIps: number;
  /** Largest node count of this group that fits while the other groups keep their size; null when it costs nothing here. */
  maxNodes: number | null;
  steps: CalculationStep[];
}

export interface SubnetUsageResult {
  subnet: { cidr: string; ipVersion: 4 | 6; prefixLength: number; role: SubnetUsageRole };
  ipFamily: IpFamily;
  unit: SubnetUsageUnit;
  /** Units in the subnet (addresses, or /80 blocks for an IPv6 subnet). */
  totalIps: number;
  /** AWS reserves the first four and the last address of every subnet. */
  awsReservedIps: 5;
  /** Units lost to the reserved addresses (5 addresses, or the 2 /80 blocks holding them). */
  awsReservedUnits: number;
  usableIps: number;
  usedIps: number;
  /** usableIps − usedIps; negative when the node groups do not fit. */
  freeIps: number;
  shortfallIps: number;
  fits: boolean;
  /**
   * Largest total node count that fits when every node group is scaled by the same factor (each group rounded down),
   * surge nodes included as requested; null when no node group costs anything in this subnet.
   */
  maxNodes: number | null;
  /** The per-group node counts behind `maxNodes`. */
  maxNodesByGroup: number[] | null;
  prefixBlocks: PrefixBlockUsage | null;
  perNodeGroup: SubnetUsageNodeGroupResult[];
  warnings: CapacityWarning[];
}
