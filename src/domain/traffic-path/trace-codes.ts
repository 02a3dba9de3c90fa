/**
 * Stable codes of the traffic-path engine: one drop code per way a packet dies, and the assumption codes the engine
 * attaches where the design leaves a fact open (like Reachability Analyzer's ASSUMPTION_PRESERVE_CLIENT_IP_IS_*).
 * `key` is the traffic-path.md catalogue entry ([TP §4]) or the section the code comes from.
 */

export const DROP_CODES = {
  /** externalTrafficPolicy / internalTrafficPolicy Local and no ready endpoint on the receiving node. */
  LOCAL_NO_ENDPOINT: { key: 'D-LOCAL-NO-ENDPOINT', source: '[K8S-VIP] #traffic-policies; [K8S-SRCIP]' },
  /** Stateful SG at the ENI where the packet enters has no matching rule. */
  SG_INGRESS_DENIED: { key: 'D-SG-INGRESS', source: '[EKS-SGP]; RA ENI_SG_RULES_MISMATCH' },
  /** No route for the destination (no NAT GW / IGW route, ClusterIP from outside, private address from the internet). */
  NO_ROUTE: { key: 'D-NO-ROUTE', source: 'RA CANNOT_ROUTE family' },
  /** Reaches the IGW with a private source that has no public mapping. */
  NO_PUBLIC_IP: { key: 'D-NO-PUBLIC-IP', source: '[EKS-SGP] L39; [EKS-SNAT] L13' },
  /** Internet-initiated IPv6 towards a subnet behind an egress-only IGW. */
  EIGW_INBOUND: { key: 'D-EIGW-INBOUND', source: '[VPC-EIGW]' },
  /** Internal NLB, instance targets, client IP preservation, the NLB picks the client's own node. */
  HAIRPIN: { key: 'D-HAIRPIN', source: '[ELB-NLB-TS]' },
  /** Source not in publicAccessCidrs of the public API endpoint. */
  API_CIDR_DENIED: { key: 'D-API-CIDR', source: '[EKS-EP] L145, L153' },
  /** Internet client against a private-only API endpoint. */
  API_PRIVATE_ONLY: { key: 'D-API-PRIVATE-ONLY', source: '[EKS-EP] L123-124' },
  /** Private API endpoint: the cluster security group lacks 443 from the source. */
  API_SG_DENIED: { key: 'D-API-SG', source: '[EKS-EP] L241, L245' },
  /** No healthy target (no replicas; PPv2 with instance targets and Local fails the health checks). */
  LB_UNHEALTHY: { key: 'D-LB-UNHEALTHY', source: '[LBC-SA] L478-479; [LBC-NLB] L158' },
  /** The Service / LB / API server has no listener for this protocol and port. */
  PORT_NOT_EXPOSED: { key: '§3 F2b/F6/F7 (listener)', source: 'RA ELB_LISTENER_PORT_RESTRICTION' },
  /** A Service with no ready endpoints at all: kube-proxy rejects. */
  NO_ENDPOINTS: { key: '§3 F2b', source: '[K8S-VIP]' },
  /**
   * Off-VPC source reaches a pod whose replies the CNI routes out of the primary ENI (CNI < 1.8.0, SNAT not exempted):
   * EC2's source/destination check drops them.
   */
  ASYMMETRIC_RETURN_PATH: {
    key: '§3 F3 (inbound from the peer)',
    source: '[EKS-SNAT] L14-16; [ISSUE] amazon-vpc-cni-k8s#1392, fixed by PR #1475 in v1.8.0',
  },
  /** SG-for-pods strict pods behind NodePort / instance targets with externalTrafficPolicy Local. */
  POD_SG_LOCAL_UNSUPPORTED: { key: '§2 SG-for-pods strict', source: '[EKS-SGP] L38' },
} as const;
export type DropCode = keyof typeof DROP_CODES;

export const ASSUMPTION_CODES = [
  'ADDRESS_PLACEHOLDERS',
  'CLIENT_IP_ON_SECONDARY_ENI',
  'CLUSTER_SECURITY_GROUP_DEFAULT',
  'EGRESS_ONLY_IGW_FOR_PRIVATE_IPV6',
  'EKS_DEFAULT_NODE_SECURITY_GROUPS',
  'ENDPOINT_ACCESS_DEFAULT',
  'EXTERNAL_TRAFFIC_POLICY_DEFAULT',
  'FARGATE_POD_OWN_ENI',
  'HAIRPIN_IF_OWN_NODE',
  'HEALTH_CHECK_ROUTES_AROUND_EMPTY_NODES',
  'HOST_HAS_PUBLIC_IP',
  'KUBE_PROXY_ENDPOINT_CHOICE',
  'LB_BACKEND_SG_RULES_MANAGED',
  'LB_FRONTEND_ALLOWS_CLIENT',
  'LB_SCHEME_DEFAULT',
  'LB_SUBNET_INFERRED',
  'LB_SENT_TO_NODE_WITHOUT_ENDPOINT',
  'LB_TARGET_SELECTION',
  'LB_TARGET_TYPE_DEFAULT',
  'NACL_DEFAULT_ALLOW',
  'NODE_HAS_PUBLIC_IP',
  'NODE_PLACEMENT',
  'NODE_PORT_ASSIGNED',
  'PEER_ATTACHMENT_VGW',
  'PEER_ROUTES_PRESENT',
  'PRESERVE_CLIENT_IP_IS_DISABLED',
  'PRESERVE_CLIENT_IP_IS_ENABLED',
  'RANDOMIZED_SNAT_PORTS',
  'REMOTE_HOST_SECURITY_NOT_MODELLED',
  'SECURITY_GROUP_EGRESS_ALLOW_ALL',
  'SERVICE_CIDR_DEFAULT',
  'SUBNET_IPV6_DERIVED',
  'TCP_EARLY_DEMUX_DISABLED',
  'V4_EGRESS_ENABLED',
  'VPC_DNS_ENABLED',
  'WORKLOAD_SECURITY_GROUPS_IGNORED',
] as const;
export type AssumptionCode = (typeof ASSUMPTION_CODES)[number];
