/**
 * DesignSpec: one saved EKS cluster network design (docs/api.md "Saved designs").
 * The single type shared by the designs module, the plan and every engine; transports map to and from it.
 * Enum values are the same UPPER_SNAKE strings in REST and GraphQL.
 */

export const IP_FAMILIES = ['IPV4', 'IPV6'] as const;
export type IpFamily = (typeof IP_FAMILIES)[number];

export const PEER_CONNECTIONS = ['VPC_PEERING', 'TRANSIT_GATEWAY', 'VPN', 'DIRECT_CONNECT'] as const;
export type PeerConnection = (typeof PEER_CONNECTIONS)[number];

export const SUBNET_ROLES = ['NODES', 'PODS', 'CLUSTER_ENDPOINTS', 'ELB', 'INTERNAL_ELB'] as const;
export type SubnetRole = (typeof SUBNET_ROLES)[number];

export const NODE_GROUP_KINDS = ['MANAGED', 'SELF_MANAGED', 'KARPENTER', 'FARGATE', 'AUTO_MODE'] as const;
export type NodeGroupKind = (typeof NODE_GROUP_KINDS)[number];

export const AMI_FAMILIES = ['AL2023', 'AL2', 'BOTTLEROCKET', 'WINDOWS'] as const;
export type AmiFamily = (typeof AMI_FAMILIES)[number];
/** Windows Server AMIs (eksctl's WindowsServer<year><Core|Full>Container families); WINDOWS alone means 2022 Core. */
export const WINDOWS_VARIANTS = [
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2025_CORE',
  'WINDOWS_SERVER_2025_FULL',
] as const;
export type WindowsVariant = (typeof WINDOWS_VARIANTS)[number];

export const POD_SG_ENFORCING_MODES = ['STRICT', 'STANDARD'] as const;
export type PodSecurityGroupEnforcingMode = (typeof POD_SG_ENFORCING_MODES)[number];

export const AUDIENCES = ['CLUSTER', 'VPC', 'INTERNET'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const EXPOSE_PROTOCOLS = ['HTTP', 'HTTPS', 'GRPC', 'TCP', 'UDP', 'TLS'] as const;
export type ExposeProtocol = (typeof EXPOSE_PROTOCOLS)[number];

export const TRAFFIC_POLICIES = ['CLUSTER', 'LOCAL'] as const;
export type TrafficPolicy = (typeof TRAFFIC_POLICIES)[number];

export const TARGET_TYPES = ['IP', 'INSTANCE'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const SG_PROTOCOLS = ['TCP', 'UDP', 'ICMP', 'ALL'] as const;
export type SecurityGroupProtocol = (typeof SG_PROTOCOLS)[number];

export interface VpcPeer {
  name: string;
  cidrs: string[];
  via: PeerConnection;
}

export interface Vpc {
  /** The existing VPC's ID (`vpc-0abc…`): the design describes a VPC that is already there. */
  id?: string;
  /** Primary IPv4 CIDR first, then any associated IPv4 CIDRs. */
  cidrs: string[];
  /** Secondary CIDRs (e.g. 100.64.0.0/16 for custom networking); also "associated to your VPC" for CNI SNAT. */
  secondaryCidrs?: string[];
  /** Amazon-provided IPv6 CIDR(s), required for an IPV6 cluster. */
  ipv6Cidrs?: string[];
  peers?: VpcPeer[];
}

/** What AWS said about a subnet at one moment (DescribeSubnets `AvailableIpAddressCount`). */
export interface SubnetObservation {
  /** Free IPv4 addresses in the subnet right now: everything already running there is no longer counted. */
  availableIps: number;
  /** When it was observed (ISO 8601 date-time). */
  at: string;
}

export interface Subnet {
  name: string;
  /** The existing subnet's ID (`subnet-0abc…`). */
  id?: string;
  /** Availability Zone name (`us-east-1a`) or AZ id (`use1-az1`). */
  az: string;
  cidr: string;
  ipv6Cidr?: string;
  /** Route 0.0.0.0/0 → internet gateway, instances get public IPv4 addresses. */
  public?: boolean;
  /** For private subnets: the NAT gateway (by name) their 0.0.0.0/0 route points at. */
  natGateway?: string;
  roles?: SubnetRole[];
  /** Free addresses AWS reported; the plan then checks the design against what is really left. */
  observed?: SubnetObservation;
}

export interface NatGateway {
  name: string;
  /** The existing NAT gateway's ID (`nat-0abc…`). */
  id?: string;
  /** The public IPv4 address (Elastic IP) of the NAT gateway. */
  eip?: string;
  /** The public subnet the NAT gateway lives in. */
  subnet: string;
}

export interface EndpointAccess {
  public: boolean;
  private: boolean;
  /** Default `0.0.0.0/0` when public access is on. */
  publicAccessCidrs?: string[];
}

export interface EniConfig {
  az: string;
  subnet: string;
  securityGroups?: string[];
}

export interface CniSettings {
  /** Amazon VPC CNI version, default `1.20.0`. */
  version?: string;
  prefixDelegation?: boolean;
  customNetworking?: boolean;
  eniConfigs?: EniConfig[];
  /** AWS_VPC_K8S_CNI_EXTERNALSNAT */
  externalSnat?: boolean;
  /** AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS */
  excludeSnatCidrs?: string[];
  warmEniTarget?: number;
  warmIpTarget?: number;
  minimumIpTarget?: number;
  warmPrefixTarget?: number;
  /** MAX_ENI */
  maxEni?: number;
  /** ENABLE_POD_ENI */
  securityGroupsForPods?: boolean;
  /** POD_SECURITY_GROUP_ENFORCING_MODE, default STRICT. */
  podSecurityGroupEnforcingMode?: PodSecurityGroupEnforcingMode;
}

export interface LoadBalancerController {
  installed: boolean;
  version?: string;
  /** enableServiceMutatorWebhook (Helm default true from LBC v2.5). */
  serviceMutatorWebhook?: boolean;
}

export interface NodeGroup {
  name: string;
  kind: NodeGroupKind;
  amiFamily?: AmiFamily;
  /** Which Windows Server AMI, with amiFamily WINDOWS (networking is the same; kept so eksctl configs round-trip). */
  windowsVariant?: WindowsVariant;
  instanceTypes: string[];
  subnets: string[];
  minSize: number;
  desiredSize: number;
  maxSize: number;
  /** Nodes (Fargate: pods) running now; they already hold addresses, so observed free addresses do not count them. */
  currentSize?: number;
  /** A kubelet maxPods set explicitly (launch template, nodeadm NodeConfig, EC2NodeClass). */
  maxPods?: number;
  podsPerCore?: number;
  /** Extra nodes that exist during a rolling replacement; default 1. */
  maxSurge?: number;
  /** Node security groups (names from `securityGroups`). */
  securityGroups?: string[];
}

export interface Expose {
  audience: Audience;
  protocol: ExposeProtocol;
  port: number;
  /** Container port, when it differs from `port`. */
  targetPort?: number;
  needClientIp?: boolean;
  staticIps?: boolean;
  /** IngressGroup name to share one ALB. */
  shareGroup?: string;
  externalTrafficPolicy?: TrafficPolicy;
  targetType?: TargetType;
  /** ACM certificate ARN for HTTPS/TLS listeners. */
  certificateArn?: string;
}

export interface Workload {
  name: string;
  namespace?: string;
  nodeGroup: string;
  replicas: number;
  /** Pod security groups (SecurityGroupPolicy), names from `securityGroups`. */
  securityGroups?: string[];
  hostNetwork?: boolean;
  expose?: Expose;
}

export interface SecurityGroupRule {
  protocol: SecurityGroupProtocol;
  /** `443`, `30000-32767`; absent means all ports. */
  ports?: string;
  /** A CIDR or the name of a security group in this design. */
  from: string;
}

export interface SecurityGroup {
  name: string;
  /** The existing security group's ID (`sg-0abc…`). */
  id?: string;
  ingress: SecurityGroupRule[];
}

export interface DesignSpec {
  name: string;
  region: string;
  /** The EKS cluster's name when it differs from the design's (an existing cluster). */
  clusterName?: string;
  /** Who owns the design (team or person); used to filter lists. */
  owner?: string;
  tags?: string[];
  /** Instance-type catalog the node groups refer to; default `aws`. */
  catalog?: string;
  kubernetesVersion?: string;
  ipFamily: IpFamily;
  vpc: Vpc;
  subnets: Subnet[];
  natGateways?: NatGateway[];
  endpointAccess?: EndpointAccess;
  serviceIpv4Cidr?: string;
  cni?: CniSettings;
  loadBalancerController?: LoadBalancerController;
  nodeGroups: NodeGroup[];
  workloads?: Workload[];
  securityGroups?: SecurityGroup[];
  /** The EKS cluster security group (name from `securityGroups`); absent means the EKS default. */
  clusterSecurityGroup?: string;
}

/** AWS resource IDs: the prefix and 8 (older resources) or 17 lower-case hex digits. */
export const AWS_ID_PATTERNS = {
  vpc: /^vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  subnet: /^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  securityGroup: /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  natGateway: /^nat-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
} as const;

export const DEFAULT_CNI_VERSION = '1.20.0';
export const DEFAULT_CATALOG = 'aws';

/** What validation needs to know beyond the spec itself: which instance types a catalog holds. */
export interface DesignValidationContext {
  /** The instance-type names of a catalog, or undefined when there is no such catalog. */
  instanceTypeNames(catalog: string): ReadonlySet<string> | undefined;
}
