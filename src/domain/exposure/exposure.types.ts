/**
 * Types of the Service-exposure engine (docs/api.md "Service exposure"; rules in exposure.md).
 * Enum values are the UPPER_SNAKE strings REST and GraphQL use.
 */
import type { Expose, IpFamily, Subnet, TargetType, TrafficPolicy } from '../spec/design-spec.types.js';
import type { Citation } from '../sources/citations.js';

export const EXPOSURE_KINDS = ['CLUSTER_IP', 'NODE_PORT', 'CLB', 'NLB', 'ALB_INGRESS'] as const;
export type ExposureKind = (typeof EXPOSURE_KINDS)[number];

/** Who turns the Kubernetes object into traffic plumbing (exposure.md §0). */
export const EXPOSURE_CONTROLLERS = ['KUBE_PROXY', 'LBC', 'CCM'] as const;
export type ExposureController = (typeof EXPOSURE_CONTROLLERS)[number];

export const COMPUTE_KINDS = ['EC2', 'FARGATE', 'MIXED'] as const;
export type ComputeKind = (typeof COMPUTE_KINDS)[number];

/** The load-balancer controller installed in the cluster: the AWS Load Balancer Controller, or only the in-tree one. */
export const CLUSTER_LB_CONTROLLERS = ['LBC', 'CCM_ONLY'] as const;
export type ClusterLbController = (typeof CLUSTER_LB_CONTROLLERS)[number];

export const POD_SECURITY_GROUP_MODES = ['OFF', 'STRICT', 'STANDARD'] as const;
export type PodSecurityGroupMode = (typeof POD_SECURITY_GROUP_MODES)[number];

export const CNI_KINDS = ['VPC_CNI', 'OTHER'] as const;
export type CniKind = (typeof CNI_KINDS)[number];

export const LB_SCHEMES = ['INTERNAL', 'INTERNET_FACING'] as const;
export type LbScheme = (typeof LB_SCHEMES)[number];

export const CLIENT_IP_VIAS = ['L3_SOURCE', 'X_FORWARDED_FOR', 'PROXY_PROTOCOL_V2', 'PROXY_PROTOCOL_V1', 'NONE'] as const;
export type ClientIpVia = (typeof CLIENT_IP_VIAS)[number];

export const LB_IP_ADDRESS_TYPES = ['IPV4', 'DUALSTACK'] as const;
export type LbIpAddressType = (typeof LB_IP_ADDRESS_TYPES)[number];

export const PROXY_PROTOCOL_VERSIONS = ['V1', 'V2'] as const;
export type ProxyProtocolVersion = (typeof PROXY_PROTOCOL_VERSIONS)[number];
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

/** Cluster facts that change the answer. Every field has a default (DEFAULT_EXPOSURE_CONTEXT). */
export interface ExposureContext {
  compute: ComputeKind;
  ipFamily: IpFamily;
  controller: ClusterLbController;
  /** AWS Load Balancer Controller version, e.g. `2.13.0` or `v2.13.0`. */
  lbcVersion: string;
  /** Helm `enableServiceMutatorWebhook` (default true; the webhook exists from LBC v2.5). */
  serviceMutatorWebhook: boolean;
  podSecurityGroups: PodSecurityGroupMode;
  cni: CniKind;
  /** LBC feature gate `EnableIPTargetType` (default true, [LBC-CFG]). */
  enableIpTargetType: boolean;
  /** Design subnets; when given, load-balancer subnet discovery is simulated ([LBC-SUB]). */
  subnets?: Subnet[];
  /** Emit the `alb` IngressClass too (the LBC Helm chart normally creates it). */
  includeIngressClass: boolean;
  /** Namespace of manifests that do not name one. */
  defaultNamespace: string;
}

export type ExposureContextInput = Partial<ExposureContext>;

export const DEFAULT_LBC_VERSION = '2.13.0';

export const DEFAULT_EXPOSURE_CONTEXT: Readonly<ExposureContext> = Object.freeze({
  compute: 'EC2',
  ipFamily: 'IPV4',
  controller: 'LBC',
  lbcVersion: DEFAULT_LBC_VERSION,
  serviceMutatorWebhook: true,
  podSecurityGroups: 'OFF',
  cni: 'VPC_CNI',
  enableIpTargetType: true,
  includeIngressClass: false,
  defaultNamespace: 'default',
});

/** `workloads[].expose` plus the explicit overrides only this endpoint takes. */
export interface ExposeRequest extends Expose {
  /** Ask for one exposure kind instead of the recommended one (e.g. `NODE_PORT`, R2). */
  kind?: ExposureKind;
  /** Fixed NodePort (30000-32767 by default). */
  nodePort?: number;
  /** Carry the client address in a proxy-protocol header (v2 on NLB, v1 on CLB). */
  proxyProtocol?: boolean;
  /** Elastic IP allocation IDs for an internet-facing NLB (one per subnet). */
  eipAllocations?: string[];
  /** Private IPv4 addresses for an internal NLB (one per subnet, inside each subnet). */
  privateIpv4Addresses?: string[];
  /** `alb.ingress.kubernetes.io/group.order`, an integer in [-1000, 1000]. */
  groupOrder?: number;
  /** Whether pods of this cluster call the load balancer (NLB hairpin, anchors-path.md §3 #7). Unknown = assume yes. */
  clientsInCluster?: boolean;
}

export interface ExposureWorkload {
  name: string;
  namespace?: string;
  /** Service port; defaults to `expose.port`. */
  port?: number;
  /** Container port (number or port name); defaults to `expose.targetPort`, then the Service port. */
  targetPort?: number | string;
}

export interface ExposureRequest {
  expose: ExposeRequest;
  context?: ExposureContextInput;
  workload: ExposureWorkload;
}

/** Why a choice was made, citing the rule row (`rule`) and its source tags (`source`), resolved in `citations`. */
export interface RationaleEntry {
  code: string;
  message: string;
  source: string;
  rule?: string;
  /** The tags of `source` and `message`, each with its URL (docs/sources.md). */
  citations: Citation[];
}

export interface ExposureIssue {
  code: string;
  message: string;
  rule?: string;
  source?: string;
  /** The tags of `source` and `message`, each with its URL (docs/sources.md). */
  citations: Citation[];
}

/** An entry while the engine collects it; the decision resolves its citations once, when it is complete. */
export type Uncited<T extends { citations: Citation[] }> = Omit<T, 'citations'>;

/** The decision without annotations or manifests; the traffic-path engine and the design plan call this. */
export interface ExposureDecision {
  kind: ExposureKind;
  controller: ExposureController;
  /** The Service type that carries the exposure (for ALB: the backend Service). */
  serviceType: ServiceType;
  /** `spec.loadBalancerClass` the manifest sets, or null. */
  loadBalancerClass: string | null;
  targetType: TargetType | null;
  scheme: LbScheme | null;
  externalTrafficPolicy: TrafficPolicy | null;
  clientIpVia: ClientIpVia;
  /** Target-group `preserve_client_ip.enabled` (NLB only). */
  preserveClientIp: boolean | null;
  proxyProtocol: ProxyProtocolVersion | null;
  ipAddressType: LbIpAddressType | null;
  /** TLS terminates at the load balancer with this certificate. */
  certificateArn: string | null;
  /** Subnets (design names) the load balancer lands in, when the design's subnets were given. */
  subnets: string[] | null;
  rationale: RationaleEntry[];
  warnings: ExposureIssue[];
  errors: ExposureIssue[];
}

export interface ExposureRecommendation extends ExposureDecision {
  /** Annotations of the primary object: the Service for NLB/CLB, the Ingress for ALB. */
  annotations: Record<string, string>;
  /** Ready-to-apply YAML, documents joined by `---`. */
  manifests: string;
}

export const LINT_SEVERITIES = ['ERROR', 'WARNING'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

export interface LintFinding {
  code: string;
  severity: LintSeverity;
  /** `Service/<namespace>/<name>`, `Ingress/<namespace>/<name>`, or `IngressGroup/<name>`. */
  resource: string;
  /** Path inside the object, e.g. `metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"]`. */
  path: string;
  message: string;
  /** 1-based line of the offending node in the submitted YAML, when known. */
  line?: number;
  /** The exposure.md row the finding comes from (`V-EIP-SCHEME`, `§3`, …). */
  rule?: string;
}

export interface LintContext extends ExposureContext {
  /** The manifests as currently applied, to catch changes that replace or orphan load balancers. */
  previousManifests?: string;
}

export type LintContextInput = Partial<LintContext>;

export interface LintResult {
  findings: LintFinding[];
}
