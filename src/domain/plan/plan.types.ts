/**
 * The design plan: every engine run over one saved DesignSpec (docs/api.md "Saved designs": GET /v1/designs/{id}/plan,
 * POST /v1/plan, GraphQL `design.plan`). JSON-friendly on purpose: plain objects, numbers, strings, UPPER_SNAKE enums, no Maps.
 */
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import type { Launcher, NodeOs, PodAddressMode } from '../capacity/index.js';
import type { Finding } from '../findings/finding.js';
import type { ClientIpVia, ExposureController, ExposureKind, LbScheme, ServiceType } from '../exposure/index.js';
import type { AmiFamily, IpFamily, NodeGroupKind, SubnetRole, TargetType, TrafficPolicy } from '../spec/design-spec.types.js';

export interface PlanDependencies {
  /** Resolves an instance type of the design's catalog; undefined when the catalog has no such type. */
  lookupInstanceType(name: string): InstanceTypeRecord | undefined;
}

/** A figure at the node group's minSize, desiredSize and maxSize. */
export interface AtSizes {
  min: number;
  desired: number;
  max: number;
}

export interface DesignPlan {
  designName: string;
  ipFamily: IpFamily;
  cluster: ClusterPlan;
  nodeGroups: NodeGroupPlan[];
  subnets: SubnetPlan[];
  workloads: WorkloadPlan[];
  /** Every finding of every engine, sorted by severity (ERROR, WARNING, INFO), then path, then code. */
  findings: Finding[];
  summary: PlanSummary;
  /** How the plan models what the design does not say (node spread, pods per node, surge, ...). */
  assumptions: string[];
}

export const SERVICE_CIDR_SOURCES = ['DESIGN', 'EKS_DEFAULT', 'NOT_APPLICABLE'] as const;
export type ServiceCidrSource = (typeof SERVICE_CIDR_SOURCES)[number];

export interface ClusterPlan {
  /** The Kubernetes service IPv4 range: the design's, or the one EKS picks when it is absent; null for IPv6 clusters. */
  serviceIpv4Cidr: string | null;
  serviceIpv4CidrSource: ServiceCidrSource;
  /** The CoreDNS ClusterIP (`.10` of the service range), as the EKS AMI bootstrap computes it. */
  clusterDnsIp: string | null;
  /** Availability Zones of the design's subnets, sorted. */
  availabilityZones: string[];
  endpointPublic: boolean;
  endpointPrivate: boolean;
  /** The CIDRs allowed to reach the public endpoint (EKS default 0.0.0.0/0); empty when the endpoint is private only. */
  publicAccessCidrs: string[];
}

export interface InstanceTypePlan {
  instanceType: string;
  /** False when the type cannot run in this design (unknown to the catalog, or an impossible combination). */
  supported: boolean;
  /** The finding code that explains `supported: false`. */
  unsupportedCode: string | null;
  launcher: Launcher | null;
  /** What the kubelet is told. */
  maxPods: number | null;
  /** Pods that can get an address (ENI formula counting, +2 host-network pods on Linux); null when unlimited (IPv6). */
  ipLimitedPods: number | null;
  /** min(maxPods, ipLimitedPods). */
  effectivePods: number | null;
  /** Branch-ENI pods with security groups for pods; 0 when off; null when unknown. */
  branchEniPods: number | null;
  cap: number | null;
  capApplied: boolean;
  kubeReservedMemoryMiB: number | null;
  kubeReservedCpuMillicores: number | null;
  podAddressMode: PodAddressMode | null;
}

/** One node of a group at one size: pods it holds and the addresses it takes. */
export interface NodeLoad {
  nodes: number;
  /** Pods per node that need a VPC address (branch-ENI pods included). */
  podsPerNode: number;
  branchPodsPerNode: number;
  /** The instance type the figures are for: the group's type with the highest per-node address cost. */
  sizingInstanceType: string | null;
  /** Addresses per node charged to the node subnet. */
  nodeSubnetIpsPerNode: number;
  /** Addresses per node charged to the ENIConfig subnet of the node's AZ (custom networking); 0 otherwise. */
  podSubnetIpsPerNode: number;
  enisPerNode: number;
  prefixesPerNode: number;
  /** Allocated but unused pod addresses per node (the CNI warm pool). */
  warmIpsPerNode: number;
}

export interface NodeGroupPlan {
  name: string;
  /** Index in the DesignSpec's `nodeGroups`. */
  index: number;
  kind: NodeGroupKind;
  amiFamily: AmiFamily | null;
  os: NodeOs;
  /** The capacity-engine launcher the kind and AMI family map to. */
  launcher: Launcher;
  instanceTypes: InstanceTypePlan[];
  /** The kubelet maxPods of the group: the lowest across its supported instance types (1 for Fargate). */
  maxPods: number | null;
  /** The pods a node can really run: the lowest effective max pods across its supported instance types. */
  effectiveMaxPods: number | null;
  /** Pods per node that can get a VPC address without a branch ENI (the kubelet maxPods less the host-network daemons, capped by the pod addresses). */
  podIpSlotsPerNode: number | null;
  /** Branch-ENI pods per node (lowest across types); 0 without security groups for pods; null when unknown. */
  branchEniPodsPerNode: number | null;
  sizes: AtSizes;
  /** Extra nodes during a rolling replacement (the group's maxSurge, default 1); Fargate: extra pods. */
  surgeNodes: number;
  /** Replicas of the workloads on the group. */
  replicas: { podIp: number; branchEni: number; hostNetwork: number };
  /** Per size; for Fargate every pod is a node with one address. */
  loads: { min: NodeLoad; desired: NodeLoad; max: NodeLoad };
  /** Pods with a VPC address the group can hold at maxSize (nodes × pod slots per node). */
  podCapacityAtMax: number | null;
  /** The largest node count (pods for Fargate) that fits in the group's subnets at their other consumers' max size. */
  maxNodesThatFit: number | null;
  /** Nodes per subnet at max size, following the spread rule. */
  placementAtMax: Array<{ subnet: string; az: string; nodes: number }>;
}

export const SUBNET_CHARGE_KINDS = ['NODE_IPS', 'POD_ENI_IPS', 'FARGATE_POD_IPS', 'NAT_GATEWAY'] as const;
export type SubnetChargeKind = (typeof SUBNET_CHARGE_KINDS)[number];

/** One consumer of a subnet's addresses. */
export interface SubnetCharge {
  kind: SubnetChargeKind;
  /** The node group (or NAT gateway) that consumes the addresses. */
  consumer: string;
  nodes: AtSizes;
  ipsPerNodeAtMax: number;
  usedIps: AtSizes;
  prefixesAtMax: number;
  /** Addresses a rolling replacement adds at max size (surge nodes × per-node addresses). */
  surgeIps: number;
}

export interface PrefixBlockPlan {
  /** Aligned /28 blocks in the subnet: 2^(28 − N). */
  alignedBlocks: number;
  /** Blocks that can ever become a prefix (the first and last hold AWS-reserved addresses). */
  assignableBlocks: number;
  /** /28 prefixes the nodes need at max size. */
  neededBlocks: number;
  /** Addresses outside prefixes; each can spoil a block. */
  individualIps: number;
  /** Blocks left when the individual addresses are packed as tightly as possible (best case). */
  bestCaseAvailableBlocks: number;
}

/** More nodes of one group that fit in a subnet's observed free addresses. */
export interface AdditionalNodes {
  nodeGroup: string;
  kind: SubnetChargeKind;
  /** Addresses one more node placed in this subnet takes here (max-size cost: node, pod ENIs, warm pool); Fargate: per pod. */
  ipsPerNode: number;
  /** More nodes (Fargate: pods) of the group that fit in the addresses left right now. */
  now: number;
  /** More nodes beyond the group's max size once every group is at max size. */
  beyondMax: number;
}

/** The design against the free addresses AWS reported for the subnet. */
export interface SubnetObservedPlan {
  availableIps: number;
  at: string;
  /** Addresses the design uses at max size less what it uses at current size (running nodes are already out of availableIps). */
  additionalIpsAtMax: number;
  /** availableIps − additionalIpsAtMax. */
  headroomAtMax: number;
  /** headroomAtMax ≥ 0. */
  fits: boolean;
  additionalNodes: AdditionalNodes[];
}

export interface SubnetPlan {
  name: string;
  /** Index in the DesignSpec's `subnets`. */
  index: number;
  az: string;
  cidr: string;
  roles: SubnetRole[];
  totalIps: number;
  /** totalIps less the 5 AWS-reserved addresses. */
  usableIps: number;
  /** Addresses in use with every group at min, desired and max size (CNI warm pools included). */
  usedIps: AtSizes;
  freeIpsAtMax: number;
  /** usedIps.max / usableIps (above 1 when it does not fit). */
  utilizationAtMax: number;
  /** Addresses the rolling replacements of the groups charged here add at max size. */
  surgeIps: number;
  /** freeIpsAtMax − surgeIps. */
  freeIpsAfterSurge: number;
  /** The largest node count the subnet holds with its node mix at max size; null when no node is charged here. */
  maxNodes: number | null;
  prefixBlocks: PrefixBlockPlan | null;
  /** IPv6 /80 prefixes nodes take from the subnet's /64 at max size (IPv6 clusters); null otherwise. */
  ipv6Prefixes80AtMax: number | null;
  charges: SubnetCharge[];
  /** Only when the subnet carries an observation (`subnets[].observed`). */
  observed?: SubnetObservedPlan;
}

/** The exposure engine's recommendation, without manifests (ask POST /v1/exposure/recommend for those). */
export interface WorkloadExposurePlan {
  kind: ExposureKind;
  controller: ExposureController;
  serviceType: ServiceType;
  targetType: TargetType | null;
  scheme: LbScheme | null;
  externalTrafficPolicy: TrafficPolicy | null;
  clientIpVia: ClientIpVia;
  annotations: Record<string, string>;
  /** Design subnets the load balancer lands in; null for in-cluster exposures. */
  subnets: string[] | null;
  rationale: string[];
}

export interface WorkloadPlan {
  name: string;
  namespace: string | null;
  /** Index in the DesignSpec's `workloads`. */
  index: number;
  nodeGroup: string;
  replicas: number;
  hostNetwork: boolean;
  /** Pods get branch ENIs (pod security groups with security groups for pods on). */
  branchEni: boolean;
  /** Pods of this workload the node group can hold at max size if it ran alone; null for Fargate (no per-node limit). */
  podCapacityAtMax: number | null;
  exposure: WorkloadExposurePlan | null;
}

export interface TightestSubnet {
  name: string;
  usedIpsAtMax: number;
  freeIpsAtMax: number;
  utilization: number;
  /** When the design has observations: the tightest subnet is the one with the least observed headroom at max size. */
  observed?: SubnetObservedPlan;
}

export const PLAN_STATUSES = ['OK', 'WARNINGS', 'ERRORS'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface PlanSummary {
  status: PlanStatus;
  errors: number;
  warnings: number;
  infos: number;
  tightestSubnet: TightestSubnet | null;
  nodeGroups: number;
  subnets: number;
  workloads: number;
  /** EC2 nodes with every group at max size (Fargate pods not included). */
  nodesAtMax: number;
  /** Pods with a VPC address the EC2 node groups hold at max size. */
  podCapacityAtMax: number;
  /** Addresses in use across all subnets at max size. */
  usedIpsAtMax: number;
}

// Diffs (GET /v1/designs/{id}/diff?from=&to=)

export const SPEC_CHANGE_KINDS = ['ADDED', 'REMOVED', 'CHANGED'] as const;
export type SpecChangeKind = (typeof SPEC_CHANGE_KINDS)[number];

/** JSON values as they appear in a DesignSpec. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface SpecChange {
  /**
   * Where the change is. Named list entries are addressed by name, so reordering is not a change:
   * `nodeGroups["general"].maxSize`, `workloads["payments/checkout"].replicas`, `cni.eniConfigs["us-east-1a"].subnet`.
   */
  path: string;
  kind: SpecChangeKind;
  before: JsonValue | null;
  after: JsonValue | null;
}

export interface NumberMove {
  before: number | null;
  after: number | null;
  /** after − before; null when either side is missing. */
  delta: number | null;
}

export interface FindingChange {
  /** Code and name-based path, so a finding keeps its identity when list entries move. */
  key: string;
  finding: Finding;
}

export interface PlanDiff {
  /** Node groups whose max pods or effective max pods moved (or that were added or removed). */
  nodeGroups: Array<{ name: string; maxPods: NumberMove; effectiveMaxPods: NumberMove; podCapacityAtMax: NumberMove }>;
  /** Subnets whose free addresses at max size moved (or that were added or removed). */
  subnets: Array<{ name: string; freeIpsAtMax: NumberMove; usedIpsAtMax: NumberMove }>;
  findings: { new: FindingChange[]; resolved: FindingChange[] };
  summary: { errors: NumberMove; warnings: NumberMove; infos: NumberMove; usedIpsAtMax: NumberMove };
}

export interface DesignDiff {
  spec: SpecChange[];
  plan: PlanDiff;
}
