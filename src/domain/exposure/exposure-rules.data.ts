/**
 * The rows of exposure.md as data: §0 ownership, §1 decision table (R1–R14), §2 validation rules and §3
 * IngressGroup rules. Every rationale, warning, error and lint finding names one of these rows, so a reader can go from
 * an answer to the upstream line that justifies it. Source tags resolve through src/domain/sources/sources.table.ts.
 */
import type { LintSeverity } from './exposure.types.js';

export interface DecisionRule {
  readonly row: string;
  readonly summary: string;
  readonly source: string;
}

export const DECISION_RULES = {
  OWNER_CCM_CLB: {
    row: '§0',
    summary: 'type LoadBalancer without class or LBC annotations, no LBC webhook → in-tree CLB',
    source: '[CCM-DOC] aws-load-balancer-type; [CCM-AWS] L2453-2460',
  },
  OWNER_CCM_NLB: {
    row: '§0',
    summary: '`aws-load-balancer-type: nlb` with the in-tree controller → NLB, instance targets only',
    source: '[CCM-LB] L84-89; [EKS-NLB] L93',
  },
  OWNER_LBC_EXTERNAL: {
    row: '§0',
    summary: '`aws-load-balancer-type: external` + `nlb-target-type` → LBC NLB',
    source: '[LBC-SA] L86-93; [LBC-CODE-SU] L64-76',
  },
  OWNER_LBC_CLASS: {
    row: '§0',
    summary: '`loadBalancerClass: service.k8s.aws/nlb` (LBC ≥ 2.4) → LBC NLB, default target type instance',
    source: '[LBC-NLB] L41, L51; [LBC-SA] L113',
  },
  OWNER_LBC_WEBHOOK: {
    row: '§0',
    summary: 'LBC ≥ 2.5 service mutator webhook sets loadBalancerClass on new LoadBalancer Services → LBC owns them, internal by default',
    source: '[LBC-SA] L724; [LBC-HELM] L484-485; [LBC-CODE-MUT] MutateCreate',
  },
  OWNER_LBC_INGRESS: {
    row: '§0',
    summary: 'Ingress with an IngressClass of controller ingress.k8s.aws/alb (Helm creates `alb`) → ALB',
    source: '[LBC-IC]; [LBC-HELM] L144, L172',
  },
  R1: { row: 'R1', summary: 'audience cluster → ClusterIP', source: '[K8S-SVC] #publishing-services-service-types' },
  R2: { row: 'R2', summary: 'explicit NodePort request → type NodePort, nodePort in 30000-32767', source: '[K8S-SVC] #type-nodeport' },
  R3: {
    row: 'R3',
    summary: 'L7 to VPC/internet with LBC → Ingress → ALB, target-type ip recommended',
    source: '[LBC-IA] L30, L216-231, L154; [BPG-LB] L108ff',
  },
  R3a: { row: 'R3a', summary: 'ALB ip targets → backend Service may be ClusterIP', source: '[LBC-IA] L231' },
  R3b: {
    row: 'R3b',
    summary: 'ALB instance targets → backend Service must be NodePort or LoadBalancer',
    source: '[LBC-IA] L221; [LBC-HIW] L46',
  },
  R4: {
    row: 'R4',
    summary: 'L4 to VPC/internet with LBC → LoadBalancer Service → NLB, ip targets recommended, internal by default',
    source: '[LBC-NLB] L6, L41; [LBC-SA] L651; [BPG-LB] L108ff',
  },
  R5: {
    row: 'R5',
    summary: 'NLB ip targets + TCP/TLS + client IP → preserve_client_ip.enabled=true (off by default) or proxy protocol v2',
    source: '[LBC-SA] L620-621, L301-306; [LBC-NLB] L149; [ELB-NLB-TGA]',
  },
  R5u: { row: 'R5u', summary: 'UDP / TCP_UDP / QUIC: client IP is always preserved', source: '[ELB-NLB-TGA]' },
  R6: {
    row: 'R6',
    summary: 'NLB instance targets + client IP → externalTrafficPolicy Local (Cluster SNATs at the node)',
    source: '[LBC-NLB] L149; [LBC-SA] L478-479, L494; [LBC-CODE-MB] L158-164',
  },
  R7: { row: 'R7', summary: 'ALB never preserves the L3 source; the app reads X-Forwarded-For', source: '[ELB-ALB-XFF]' },
  R8: {
    row: 'R8',
    summary: 'static IPs: NLB eip-allocations (internet-facing) or private-ipv4-addresses (internal); ALB via frontend NLB',
    source: '[LBC-SA] L168-190; [LBC-IA] L1283',
  },
  R9: { row: 'R9', summary: 'Fargate → target type must be ip', source: '[EKS-NLB] L93; [EKS-ALB] L47' },
  R10: {
    row: 'R10',
    summary: 'IPv6 → LBC only, dualstack load balancer, ip targets',
    source: '[EKS-IPV6] L30; [EKS-NLB] L68; [BPG-V6] L123',
  },
  R11: {
    row: 'R11',
    summary: 'in-tree controller only → CLB or NLB with instance targets; no Ingress, no IPv6, no ip targets',
    source: '[CCM-DOC]; [BPG-LB] L92; [BPG-V6] L123',
  },
  R12: {
    row: 'R12',
    summary: 'pod security groups strict → no instance targets with externalTrafficPolicy Local',
    source: '[EKS-SGP] L38',
  },
  R13: { row: 'R13', summary: 'alternate CNI → instance targets only', source: '[EKS-NLB] L32; [LBC-SA] L121-123' },
  R14: { row: 'R14', summary: 'share an ALB → alb.ingress.kubernetes.io/group.name (+ group.order)', source: '[LBC-IA] L100-141' },
  SUBNETS: {
    row: '§1 subnets',
    summary: 'LB subnets: role tag per scheme, one per AZ, ALB ≥ 2 AZs; LBC ≥ 2.12.1 falls back to route reachability',
    source: '[LBC-SUB] L17-68; [LBC-IA] L267; [LBC-SA] L136-139',
  },
} as const satisfies Record<string, DecisionRule>;

export type DecisionRuleId = keyof typeof DECISION_RULES;

export interface ValidationRule {
  /** The row name in exposure.md §2 / §3 (or `ENGINE` for checks this engine adds). */
  readonly row: string;
  readonly code: string;
  readonly severity: LintSeverity;
  readonly source: string;
}

/**
 * Every §2 row mapped to one stable UPPER_SNAKE code. Rows marked W- (and V-SG-CUSTOM, which upstream words as a
 * warning) are warnings; every other V- row is an error.
 */
export const VALIDATION_RULES = {
  NODE_PORT_OUT_OF_RANGE: {
    row: 'V-NODEPORT-RANGE',
    code: 'NODE_PORT_OUT_OF_RANGE',
    severity: 'ERROR',
    source: '[K8S-SVC] #type-nodeport',
  },
  EXTERNAL_TRAFFIC_POLICY_ON_CLUSTER_IP: {
    row: 'V-ETP-CLUSTERIP',
    code: 'EXTERNAL_TRAFFIC_POLICY_ON_CLUSTER_IP',
    severity: 'ERROR',
    source: 'kube-apiserver Service validation',
  },
  HEALTH_CHECK_NODE_PORT_OUT_OF_SCOPE: {
    row: 'V-HCNP-SCOPE',
    code: 'HEALTH_CHECK_NODE_PORT_OUT_OF_SCOPE',
    severity: 'ERROR',
    source: '[K8S-ELB] #preserving-the-client-source-ip',
  },
  LOAD_BALANCER_CLASS_ON_NON_LB: {
    row: 'V-LBCLASS',
    code: 'LOAD_BALANCER_CLASS_ON_NON_LB',
    severity: 'ERROR',
    source: '[K8S-SVC] #load-balancer-class',
  },
  LOAD_BALANCER_CLASS_CHANGED: {
    row: 'V-LBCLASS',
    code: 'LOAD_BALANCER_CLASS_CHANGED',
    severity: 'ERROR',
    source: '[K8S-SVC] #load-balancer-class',
  },
  LOAD_BALANCER_TYPE_CHANGED: { row: 'V-LBTYPE-MUTATE', code: 'LOAD_BALANCER_TYPE_CHANGED', severity: 'ERROR', source: '[LBC-SA] L95-97' },
  SERVICE_NOT_RECONCILED: {
    row: 'V-NOT-RECONCILED',
    code: 'SERVICE_NOT_RECONCILED',
    severity: 'ERROR',
    source: '[CCM-LB] L91-96; [LBC-CODE-SU] L64-76',
  },
  INSTANCE_TARGET_ON_CLUSTER_IP: {
    row: 'V-INSTANCE-CLUSTERIP (Service)',
    code: 'INSTANCE_TARGET_ON_CLUSTER_IP',
    severity: 'ERROR',
    source: '[LBC-CODE-TG] L536-538',
  },
  INGRESS_INSTANCE_BACKEND_CLUSTER_IP: {
    row: 'V-INSTANCE-CLUSTERIP (Ingress)',
    code: 'INGRESS_INSTANCE_BACKEND_CLUSTER_IP',
    severity: 'ERROR',
    source: '[LBC-CODE-ITG] L209; [LBC-IA] L221',
  },
  INSTANCE_TARGET_WITHOUT_NODE_PORT: {
    row: 'V-NO-NODEPORT',
    code: 'INSTANCE_TARGET_WITHOUT_NODE_PORT',
    severity: 'ERROR',
    source: '[LBC-CODE-TG] L539-541; [LBC-SA] L110, L116',
  },
  FARGATE_REQUIRES_IP_TARGETS: {
    row: 'V-FARGATE-IP',
    code: 'FARGATE_REQUIRES_IP_TARGETS',
    severity: 'ERROR',
    source: '[EKS-NLB] L93; [EKS-ALB] L47',
  },
  IPV6_REQUIRES_IP_TARGETS: {
    row: 'V-IPV6-IP',
    code: 'IPV6_REQUIRES_IP_TARGETS',
    severity: 'ERROR',
    source: '[EKS-IPV6] L30; [EKS-NLB] L68',
  },
  IPV6_REQUIRES_DUALSTACK: {
    row: 'V-IPV6-DUALSTACK',
    code: 'IPV6_REQUIRES_DUALSTACK',
    severity: 'ERROR',
    source: '[LBC-CODE-TG] L838; [LBC-CODE-ITG] L284',
  },
  IPV6_REQUIRES_LBC: { row: 'V-IPV6-CCM', code: 'IPV6_REQUIRES_LBC', severity: 'ERROR', source: '[BPG-V6] L123' },
  ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS: {
    row: 'V-ALT-CNI-IP',
    code: 'ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS',
    severity: 'ERROR',
    source: '[LBC-SA] L123; [LBC-IA] L226',
  },
  LOCAL_POLICY_TCP_HEALTH_CHECK: {
    row: 'V-LOCAL-TCP-HC',
    code: 'LOCAL_POLICY_TCP_HEALTH_CHECK',
    severity: 'ERROR',
    source: '[LBC-SA] L478-479',
  },
  INVALID_PROXY_PROTOCOL_VALUE: {
    row: 'V-PPV2-VALUE / V-CCM-PP',
    code: 'INVALID_PROXY_PROTOCOL_VALUE',
    severity: 'ERROR',
    source: '[LBC-CODE-TG] L371; [LBC-SA] L306; [CCM-AWS] L2567-2570',
  },
  PROXY_PROTOCOL_WITH_LOCAL_INSTANCE: {
    row: 'W-PPV2-LOCAL',
    code: 'PROXY_PROTOCOL_WITH_LOCAL_INSTANCE',
    severity: 'WARNING',
    source: '[LBC-NLB] L158',
  },
  NAMED_HEALTH_CHECK_PORT_WITH_NAMED_TARGET_PORT: {
    row: 'V-HC-NAMED-PORT',
    code: 'NAMED_HEALTH_CHECK_PORT_WITH_NAMED_TARGET_PORT',
    severity: 'ERROR',
    source: '[LBC-CODE-TG] L452',
  },
  UNSUPPORTED_HEALTH_CHECK_PROTOCOL: {
    row: 'V-HC-PROTO',
    code: 'UNSUPPORTED_HEALTH_CHECK_PROTOCOL',
    severity: 'ERROR',
    source: '[LBC-CODE-TG] L466; [LBC-CODE-ITG] L420',
  },
  LOAD_BALANCER_NAME_TOO_LONG: {
    row: 'V-LB-NAME',
    code: 'LOAD_BALANCER_NAME_TOO_LONG',
    severity: 'ERROR',
    source: '[LBC-CODE-LB] L582; [LBC-CODE-ILB] L115',
  },
  EIP_ON_INTERNAL_LOAD_BALANCER: {
    row: 'V-EIP-SCHEME',
    code: 'EIP_ON_INTERNAL_LOAD_BALANCER',
    severity: 'ERROR',
    source: '[LBC-CODE-LB] L332',
  },
  EIP_COUNT_MISMATCH: { row: 'V-EIP-COUNT', code: 'EIP_COUNT_MISMATCH', severity: 'ERROR', source: '[LBC-CODE-LB] L335' },
  PRIVATE_IPS_ON_INTERNET_FACING: {
    row: 'V-PRIV-IP-SCHEME',
    code: 'PRIVATE_IPS_ON_INTERNET_FACING',
    severity: 'ERROR',
    source: '[LBC-CODE-LB] L344',
  },
  IPV6_ADDRESSES_WITHOUT_DUALSTACK: {
    row: 'V-IPV6-ADDR',
    code: 'IPV6_ADDRESSES_WITHOUT_DUALSTACK',
    severity: 'ERROR',
    source: '[LBC-CODE-LB] L367',
  },
  IP_TARGET_TYPE_DISABLED: { row: 'V-IPAM-TG-TYPE', code: 'IP_TARGET_TYPE_DISABLED', severity: 'ERROR', source: '[LBC-CODE-TG] L532' },
  INVALID_TARGET_TYPE: { row: 'V-ALB-TARGET-TYPE', code: 'INVALID_TARGET_TYPE', severity: 'ERROR', source: '[LBC-CODE-ITG] L270' },
  TOO_FEW_SUBNETS: { row: 'V-SUBNET-COUNT', code: 'TOO_FEW_SUBNETS', severity: 'ERROR', source: '[LBC-CODE-SR] L717' },
  SUBNETS_SHARE_AZ: { row: 'V-SUBNET-AZ', code: 'SUBNETS_SHARE_AZ', severity: 'ERROR', source: '[LBC-CODE-SR] L689' },
  NO_SUBNETS_DISCOVERED: {
    row: 'V-SUBNET-NONE',
    code: 'NO_SUBNETS_DISCOVERED',
    severity: 'ERROR',
    source: '[LBC-CODE-SR] L537-540; [LBC-SUB] L24-57',
  },
  INVALID_LISTEN_PORTS: { row: 'V-LISTEN-PORT', code: 'INVALID_LISTEN_PORTS', severity: 'ERROR', source: '[LBC-CODE-IL] L259, L267' },
  CUSTOM_SECURITY_GROUPS_UNMANAGED: {
    row: 'V-SG-CUSTOM',
    code: 'CUSTOM_SECURITY_GROUPS_UNMANAGED',
    severity: 'WARNING',
    source: '[LBC-SA] L667-690; [LBC-SG]',
  },
  SOURCE_RANGES_IGNORED: { row: 'W-SOURCE-RANGES', code: 'SOURCE_RANGES_IGNORED', severity: 'WARNING', source: '[LBC-SA] L619, L628' },
  SCHEME_CHANGE_REPLACES_LOAD_BALANCER: {
    row: 'W-SCHEME-CHANGE',
    code: 'SCHEME_CHANGE_REPLACES_LOAD_BALANCER',
    severity: 'WARNING',
    source: '[LBC-IA] L704',
  },
  POD_SG_STRICT_FORBIDS_INSTANCE_LOCAL: {
    row: 'V-SGP-STRICT-LOCAL',
    code: 'POD_SG_STRICT_FORBIDS_INSTANCE_LOCAL',
    severity: 'ERROR',
    source: '[EKS-SGP] L38',
  },
  CCM_LOAD_BALANCER_IP_UNSUPPORTED: {
    row: 'V-CCM-LBIP',
    code: 'CCM_LOAD_BALANCER_IP_UNSUPPORTED',
    severity: 'ERROR',
    source: '[CCM-AWS] L2445',
  },

  // §3 IngressGroup rules
  INVALID_INGRESS_GROUP_NAME: {
    row: '§3 name',
    code: 'INVALID_INGRESS_GROUP_NAME',
    severity: 'ERROR',
    source: '[LBC-CODE-GL] L23, L29, L318-323; [LBC-IA] L104-105',
  },
  INVALID_INGRESS_GROUP_ORDER: {
    row: '§3 order',
    code: 'INVALID_INGRESS_GROUP_ORDER',
    severity: 'ERROR',
    source: '[LBC-CODE-GL] L289-291; [LBC-IA] L130-137',
  },
  DUPLICATE_INGRESS_GROUP_ORDER: {
    row: '§3 order',
    code: 'DUPLICATE_INGRESS_GROUP_ORDER',
    severity: 'WARNING',
    source: '[LBC-IA] L130-137; [EKS-ALB] L74, L77',
  },
  INGRESS_GROUP_SCHEME_CONFLICT: {
    row: '§3 exclusive',
    code: 'INGRESS_GROUP_SCHEME_CONFLICT',
    severity: 'ERROR',
    source: '[LBC-IA] L113-116; [LBC-CODE-ILB] L120',
  },
  INGRESS_GROUP_CONFLICT: {
    row: '§3 exclusive',
    code: 'INGRESS_GROUP_CONFLICT',
    severity: 'ERROR',
    source: '[LBC-IA] L113-116; [LBC-CODE-ILB] L156, L188, L244, L354',
  },
  INGRESS_GROUP_LISTENER_CONFLICT: {
    row: '§3 exclusive per port',
    code: 'INGRESS_GROUP_LISTENER_CONFLICT',
    severity: 'ERROR',
    source: '[LBC-IA] L709-712; LBC pkg/ingress/model_builder.go mergeListenPortConfigs',
  },
  INGRESS_GROUP_MULTIPLE_DEFAULT_BACKENDS: {
    row: '§3',
    code: 'INGRESS_GROUP_MULTIPLE_DEFAULT_BACKENDS',
    severity: 'ERROR',
    source: 'LBC pkg/ingress/model_build_listener.go buildListenerDefaultActions',
  },
  INGRESS_GROUP_SPANS_NAMESPACES: {
    row: '§3 security',
    code: 'INGRESS_GROUP_SPANS_NAMESPACES',
    severity: 'WARNING',
    source: '[LBC-IA] L107-112',
  },
  INGRESS_GROUP_MIXED_CLASSES: { row: '§3', code: 'INGRESS_GROUP_MIXED_CLASSES', severity: 'WARNING', source: '[LBC-CODE-GL] L234-241' },
  INGRESS_GROUP_LISTEN_PORTS_DIFFER: {
    row: '§3 merge',
    code: 'INGRESS_GROUP_LISTEN_PORTS_DIFFER',
    severity: 'WARNING',
    source: 'anchors-path.md §3 #14 (LBC #2471, #3395)',
  },
  GROUP_NAME_ON_NON_ALB_INGRESS: {
    row: '§3',
    code: 'GROUP_NAME_ON_NON_ALB_INGRESS',
    severity: 'WARNING',
    source: '[LBC-CODE-GL] classifyIngress',
  },
  GROUP_NAME_OVERRIDDEN_BY_CLASS_PARAMS: {
    row: '§3 name',
    code: 'GROUP_NAME_OVERRIDDEN_BY_CLASS_PARAMS',
    severity: 'WARNING',
    source: '[LBC-CODE-GL] L234-241',
  },
} as const satisfies Record<string, ValidationRule>;

export type ValidationCode = keyof typeof VALIDATION_RULES;
