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
  /** Primary IPv4 CIDR first, then any associated IPv4 CIDRs. */
  cidrs: string[];
  /** Secondary CIDRs (e.g. 100.64.0.0/16 for custom networking); also "associated to your VPC" for CNI SNAT. */
  secondaryCidrs?: string[];
  /** Amazon-provided IPv6 CIDR(s), required for an IPV6 cluster. */
  ipv6Cidrs?: string[];
  peers?: VpcPeer[];
}

export interface Subnet {
  name: string;
  /** Availability Zone name (`us-east-1a`) or AZ id (`use1-az1`). */
  az: string;
  cidr: string;
  ipv6Cidr?: string;
  /** Route 0.0.0.0/0 → internet gateway, instances get public IPv4 addresses. */
  public?: boolean;
  /** For private subnets: the NAT gateway (by name) their 0.0.0.0/0 route points at. */
  natGateway?: string;
  roles?: SubnetRole[];
}

export interface NatGateway {
  name: string;
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
  instanceTypes: string[];
  subnets: string[];
  minSize: number;
  desiredSize: number;
  maxSize: number;
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
  ingress: SecurityGroupRule[];
}

export interface DesignSpec {
  name: string;
  region: string;
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

export const DEFAULT_CNI_VERSION = '1.20.0';
export const DEFAULT_CATALOG = 'aws';

/** What validation needs to know beyond the spec itself: which instance types a catalog holds. */
export interface DesignValidationContext {
  /** The instance-type names of a catalog, or undefined when there is no such catalog. */
  instanceTypeNames(catalog: string): ReadonlySet<string> | undefined;
}
