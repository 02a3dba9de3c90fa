/**
 * Public types of the pure traffic-path engine (docs/api.md "Traffic path", POST /v1/paths/trace).
 * Research and sources: traffic-path.md (cited below as [TP §n]) and anchors-path.md.
 * The result mirrors Reachability Analyzer: one header per hop after that hop's rewrite, a stable drop code, and the
 * assumptions the engine had to make where the design leaves a fact open.
 */
import type { Citation } from '../sources/citations.js';
import type { DesignSpec, Workload } from '../spec/design-spec.types.js';
import type { InvalidInputCode } from '../errors/error-codes.js';

/** [TP §0] hop kinds, upper-cased. `VPN_GATEWAY` is our addition for VPN / Direct Connect peers (see trace-codes.ts). */
export const HOP_KINDS = [
  'POD',
  'NODE',
  'VPC',
  'VPC_PEERING',
  'TRANSIT_GATEWAY',
  'VPN_GATEWAY',
  'NAT_GATEWAY',
  'INTERNET_GATEWAY',
  'EGRESS_ONLY_INTERNET_GATEWAY',
  'NLB',
  'ALB',
  'CLB',
  'EKS_API_PUBLIC_ENDPOINT',
  'EKS_API_PRIVATE_ENDPOINT',
  'INTERNET',
  'CLIENT',
] as const;
export type HopKind = (typeof HOP_KINDS)[number];

/** Derived from the packet: SNAT when the source changed (even if the destination changed too), DNAT when only the destination did. */
export const HOP_ACTIONS = ['FORWARD', 'SNAT', 'DNAT', 'DELIVER', 'DROP'] as const;
export type HopAction = (typeof HOP_ACTIONS)[number];

/** [TP §0] source-IP roles, upper-cased, plus NODE_IPV6 for nodes talking IPv6 in an IPv6 cluster. */
export const SOURCE_IP_ROLES = [
  'POD_IP',
  'POD_IPV6',
  'NODE_PRIMARY_IP',
  'NODE_PUBLIC_IP',
  'NODE_IPV6',
  'NAT_GATEWAY_EIP',
  'CLIENT_IP',
  'LB_PRIVATE_IP',
  'LB_IPV6',
] as const;
export type SourceIpRole = (typeof SOURCE_IP_ROLES)[number];

/**
 * Roles of any address in a hop header. Besides the source roles: the IPv6 pod's host-local IPv4 (169.254.172.0/22,
 * [TP §1]), the addresses a client dials (LB public address, ClusterIP, NodePort on a node, EKS endpoints) and
 * HOST_IP for a destination outside the cluster (internet, VPC or peer host).
 */
export const ADDRESS_ROLES = [
  ...SOURCE_IP_ROLES,
  'POD_HOST_LOCAL_IPV4',
  'LB_PUBLIC_IP',
  'CLUSTER_IP',
  'EKS_API_PUBLIC_IP',
  'EKS_API_PRIVATE_IP',
  'HOST_IP',
] as const;
export type AddressRole = (typeof ADDRESS_ROLES)[number];

/** [TP §0] `clientIpVia`, upper-cased. */
export const CLIENT_IP_VIAS = ['L3_SOURCE', 'X_FORWARDED_FOR', 'PROXY_PROTOCOL_V2', 'PROXY_PROTOCOL_V1', 'NONE'] as const;
export type ClientIpVia = (typeof CLIENT_IP_VIAS)[number];

export const FLOW_PROTOCOLS = ['TCP', 'UDP', 'ICMP'] as const;
export type FlowProtocol = (typeof FLOW_PROTOCOLS)[number];

export interface PodEndpoint {
  kind: 'POD';
  workload: string;
  /** Only needed when two workloads share a name in different namespaces. */
  namespace?: string;
  /** As a destination: on the same node as the source (pod or node). Default false. */
  sameNode?: boolean;
  /** As a destination on another node: in the source's AZ (true) or another AZ (false). Default: same AZ when possible. */
  sameAz?: boolean;
}

export interface NodeEndpoint {
  kind: 'NODE';
  nodeGroup: string;
  /** As a destination: the source pod's own node. Default false. */
  sameNode?: boolean;
}

export interface InternetEndpoint {
  kind: 'INTERNET';
  ip: string;
}

export interface VpcHostEndpoint {
  kind: 'VPC_HOST';
  ip: string;
}

export interface PeerEndpoint {
  kind: 'PEER';
  /** The name of a `vpc.peers[]` entry. */
  network: string;
  ip: string;
}

export const SERVICE_ENTRIES = ['CLUSTER_IP', 'NODE_PORT', 'LOAD_BALANCER'] as const;
export type ServiceEntry = (typeof SERVICE_ENTRIES)[number];

export interface ServiceEndpoint {
  kind: 'SERVICE';
  workload: string;
  namespace?: string;
  /**
   * How the client reaches the Service. Default: CLUSTER_IP from a pod or node, otherwise through the exposure
   * (LOAD_BALANCER for CLB/NLB/ALB_INGRESS, NODE_PORT for NODE_PORT, CLUSTER_IP for CLUSTER_IP).
   */
  via?: ServiceEntry;
  /**
   * Whether the node that receives the traffic (the LB-chosen node for instance targets, the node hit on its
   * NodePort, the client pod's node for a ClusterIP) runs a ready endpoint. Default true when it can.
   * `false` with externalTrafficPolicy/internalTrafficPolicy Local models D-LOCAL-NO-ENDPOINT.
   */
  localEndpoint?: boolean;
  /** Internal NLB with instance targets, client in the cluster: the NLB picks the client's own node (D-HAIRPIN). Default false. */
  lbPicksSourceNode?: boolean;
  /** The Service's NodePort. Default: the flow port when it is in 30000-32767 and `via` is NODE_PORT, else 30000 + workload index. */
  nodePort?: number;
}

export interface EksApiEndpoint {
  kind: 'EKS_API';
}

export type Endpoint = PodEndpoint | NodeEndpoint | InternetEndpoint | VpcHostEndpoint | PeerEndpoint | ServiceEndpoint | EksApiEndpoint;
export type EndpointKind = Endpoint['kind'];
/** Every endpoint kind, in the order the API documents them. */
export const ENDPOINT_KINDS = [
  'POD',
  'NODE',
  'INTERNET',
  'VPC_HOST',
  'PEER',
  'SERVICE',
  'EKS_API',
] as const satisfies readonly EndpointKind[];

export const TRACE_VERDICTS = ['REACHABLE', 'DROPPED'] as const;
export type TraceVerdict = (typeof TRACE_VERDICTS)[number];
export const SG_DIRECTIONS = ['INGRESS', 'EGRESS'] as const;
export type SecurityGroupDirection = (typeof SG_DIRECTIONS)[number];

export interface Flow {
  from: Endpoint;
  to: Endpoint;
  protocol: FlowProtocol;
  /** Destination port the client dials (the listener, Service port, NodePort, 443 for the API server). */
  port: number;
  /** Elastic IPs of NAT gateways by name; default placeholders from 203.0.113.0/24 (RFC 5737 TEST-NET-3). */
  natGatewayEips?: Record<string, string>;
}

// ---- exposure port (the exposure engine is wired in by the lead; tests pass explicit decisions) ----

export interface ResolvedExposure {
  kind: 'CLUSTER_IP' | 'NODE_PORT' | 'CLB' | 'NLB' | 'ALB_INGRESS';
  targetType: 'IP' | 'INSTANCE' | null;
  /** The Service type the exposure engine builds; a ClusterIP Service has no NodePort. */
  serviceType: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /**
   * The exposure engine's error when the requested target type cannot work here (it then recommends the other type);
   * the trace raises it rather than tracing the corrected type, so both answers agree.
   */
  targetTypeConflict?: { code: InvalidInputCode; message: string } | null;
  scheme: 'INTERNAL' | 'INTERNET_FACING' | null;
  externalTrafficPolicy: 'CLUSTER' | 'LOCAL' | null;
  /** NLB target-group attribute preserve_client_ip.enabled; null = the AWS default for the target type. */
  preserveClientIp: boolean | null;
  proxyProtocol: 'V1' | 'V2' | null;
  clbListener?: 'HTTP' | 'TCP';
  /** Service spec.internalTrafficPolicy; null/absent = Cluster. */
  internalTrafficPolicy?: 'CLUSTER' | 'LOCAL' | null;
  /**
   * Whether the LB controller (LBC, or the in-tree CCM for CLB/NLB) adds the target-ENI security-group rules for
   * the LB's traffic ([TP §2] LBC ≥ 2.6 manage-backend-security-group-rules). Default true. With false the
   * target's security groups from the design are evaluated as written.
   */
  manageBackendSecurityGroupRules?: boolean | null;
}

export type ResolveExposure = (workload: Workload, design: DesignSpec) => ResolvedExposure;

export interface TracePathDeps {
  resolveExposure: ResolveExposure;
}

// ---- result (API.md) ----

export interface HopPacket {
  src: string;
  srcRole: AddressRole;
  dst: string;
  dstRole: AddressRole;
  /** Destination port after this hop (a NodePort after the LB, the target port after kube-proxy DNAT). */
  dstPort: number;
}

export interface SecurityGroupVerdict {
  name: string;
  direction: SecurityGroupDirection;
  allowed: boolean;
  /** The rule that allowed the packet, in `TCP 443 from 10.0.0.0/16` form. */
  rule?: string;
}

export interface Hop {
  kind: HopKind;
  name: string;
  action: HopAction;
  /** The header after this hop's rewrite (Reachability Analyzer's OutboundHeader). */
  packet: HopPacket;
  securityGroups: SecurityGroupVerdict[];
  note: string;
  /** The source tags the note cites, each with its URL (docs/sources.md). */
  citations: Citation[];
}

export interface CodedMessage {
  code: string;
  message: string;
}

/** A coded message with the sources it rests on: the tags of its message (and, for a drop, of its drop code), resolved. */
export interface CitedMessage extends CodedMessage {
  citations: Citation[];
}

export interface TraceResult {
  verdict: TraceVerdict;
  dropReason: CitedMessage | null;
  hops: Hop[];
  /**
   * Role of the source address the destination sees: also when the destination itself refuses the packet (the EKS
   * public endpoint outside publicAccessCidrs); null when the packet is dropped before it.
   */
  sourceIpSeenByDestination: SourceIpRole | null;
  /** The destination application can learn the original client's address. */
  clientIpPreserved: boolean;
  clientIpVia: ClientIpVia;
  assumptions: CitedMessage[];
  diagram: { mermaid: string };
}
