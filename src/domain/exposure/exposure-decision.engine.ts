/**
 * The exposure decision: exposure.md §1 as a pipeline of small steps, each citing the row it applies.
 * `decideExposure` answers kind / controller / target type / traffic policy / client-IP path / scheme; the
 * recommendation (annotations, manifests) is built from the same plan by exposure-recommendation.engine.ts.
 */
import { ValidationFailedError, type ErrorDetail } from '../errors/planning-error.js';
import { citationsIn, type Citation } from '../sources/citations.js';
import { addressAt, cidrContainsAddress, cidrSize, parseAddress, parseCidrResult } from '../network/cidr.js';
import {
  AUDIENCES,
  EXPOSE_PROTOCOLS,
  IP_FAMILIES,
  TARGET_TYPES,
  TRAFFIC_POLICIES,
  type ExposeProtocol,
  type Subnet,
} from '../spec/design-spec.types.js';
import { DECISION_RULES, VALIDATION_RULES, type DecisionRuleId } from './exposure-rules.data.js';
import {
  CLUSTER_LB_CONTROLLERS,
  CNI_KINDS,
  COMPUTE_KINDS,
  DEFAULT_EXPOSURE_CONTEXT,
  EXPOSURE_KINDS,
  POD_SECURITY_GROUP_MODES,
  type ExposeRequest,
  type ExposureContext,
  type ExposureContextInput,
  type ExposureDecision,
  type ExposureIssue,
  type ExposureKind,
  type ExposureRequest,
  type LbScheme,
  type RationaleEntry,
  type Uncited,
} from './exposure.types.js';
import { lbcSupports, requireVersion, webhookActive, type Version } from './lbc-version.util.js';
import { discoverLoadBalancerSubnets } from './subnet-discovery.engine.js';
import { isDns1035Label, isDns1123Label, isPortName } from '../kubernetes/kubernetes-names.js';
import { INGRESS_GROUP_ORDER_RANGE, LBC_LOAD_BALANCER_CLASS, groupNameProblem } from '../kubernetes/load-balancer-controller.js';
import { isInNodePortRange, nodePortRangeMessage } from '../kubernetes/service-ports.js';
import { OPTION_BOUNDS } from '../spec/option-bounds.js';

const L7_PROTOCOLS: readonly ExposeProtocol[] = ['HTTP', 'HTTPS', 'GRPC'];
const LOAD_BALANCER_KINDS: readonly ExposureKind[] = ['CLB', 'NLB', 'ALB_INGRESS'];

export interface NormalizedExposureRequest {
  expose: ExposeRequest;
  context: ExposureContext;
  lbcVersion: Version;
  workload: { name: string; namespace: string; port: number; targetPort: number | string };
}

/** What the manifests need beyond the public decision. */
export interface ExposureSettings {
  /** `aws-load-balancer-type` to set: `external` for LBC before loadBalancerClass existed, `nlb` for the in-tree NLB. */
  loadBalancerTypeAnnotation: 'external' | 'nlb' | null;
  /** CLB listener: `http` parses HTTP and adds X-Forwarded-For; `tcp` passes bytes through. */
  clbBackendProtocol: 'http' | 'tcp' | null;
  sslPorts: number[];
  eipAllocations: string[];
  privateIpv4Addresses: string[];
  /** Subnet names pinned with `aws-load-balancer-subnets` so that the address count matches the subnet count. */
  pinnedSubnets: string[];
  frontendNlb: { scheme: LbScheme; eipAllocations: string[] } | null;
  listenPorts: string | null;
  sslRedirect: number | null;
  backendProtocolVersion: 'GRPC' | null;
  groupName: string | null;
  groupOrder: number | null;
  nodePort: number | null;
}

export interface ExposurePlan {
  request: NormalizedExposureRequest;
  decision: ExposureDecision;
  settings: ExposureSettings;
}

/** The smaller decision function the traffic-path engine and the design plan call. */
export function decideExposure(request: ExposureRequest): ExposureDecision {
  return planExposure(request).decision;
}

/** The decision while the pipeline builds it: the design subnets themselves, and what the steps read on the way. */
interface Draft extends Omit<ExposureDecision, 'subnets' | 'rationale' | 'warnings' | 'errors'> {
  rationale: Uncited<RationaleEntry>[];
  warnings: Uncited<ExposureIssue>[];
  errors: Uncited<ExposureIssue>[];
  readonly request: NormalizedExposureRequest;
  readonly layer: 'L4' | 'L7';
  readonly webhookActive: boolean;
  subnets: Subnet[] | null;
  settings: ExposureSettings;
}

interface DecisionStep {
  readonly name: string;
  /** exposure.md rows this step applies. */
  readonly rows: readonly string[];
  readonly run: (draft: Draft) => void;
}

/** The pipeline, in order. Later steps read what earlier ones chose. */
export const DECISION_PIPELINE: readonly DecisionStep[] = [
  { name: 'exposure kind', rows: ['R1', 'R2', 'R3', 'R4', 'R11'], run: chooseKind },
  { name: 'who reconciles it', rows: ['§0', 'R10', 'R11'], run: chooseOwner },
  { name: 'target type', rows: ['R3a', 'R3b', 'R9', 'R10', 'R11', 'R13', 'V-IPAM-TG-TYPE'], run: chooseTargetType },
  { name: 'scheme', rows: ['R3', 'R4', 'R11'], run: chooseScheme },
  { name: 'node port', rows: ['R2', 'V-NODEPORT-RANGE'], run: chooseNodePort },
  { name: 'external traffic policy', rows: ['R6', 'R12', 'V-ETP-CLUSTERIP'], run: chooseTrafficPolicy },
  { name: 'client IP path', rows: ['R5', 'R5u', 'R6', 'R7', 'W-PPV2-LOCAL'], run: chooseClientIpPath },
  { name: 'IP address type', rows: ['R10'], run: chooseIpAddressType },
  { name: 'TLS', rows: ['R3', 'R4'], run: chooseTls },
  { name: 'subnets', rows: ['§1 subnets', 'V-SUBNET-COUNT', 'V-SUBNET-NONE'], run: placeSubnets },
  { name: 'static addresses', rows: ['R8', 'V-EIP-SCHEME', 'V-EIP-COUNT', 'V-PRIV-IP-SCHEME'], run: chooseStaticAddresses },
  { name: 'IngressGroup', rows: ['R14', '§3'], run: chooseIngressGroup },
  { name: 'hairpin', rows: ['anchors-path §3 #7'], run: checkHairpin },
];

export function planExposure(request: ExposureRequest): ExposurePlan {
  const normalized = normalizeExposureRequest(request);
  const { context } = normalized;
  const draft: Draft = {
    request: normalized,
    layer: L7_PROTOCOLS.includes(normalized.expose.protocol) ? 'L7' : 'L4',
    webhookActive: webhookActive(context, normalized.lbcVersion),
    kind: 'CLUSTER_IP',
    controller: 'KUBE_PROXY',
    serviceType: 'ClusterIP',
    loadBalancerClass: null,
    targetType: null,
    scheme: null,
    externalTrafficPolicy: null,
    clientIpVia: 'NONE',
    preserveClientIp: null,
    proxyProtocol: null,
    ipAddressType: null,
    certificateArn: null,
    subnets: null,
    settings: {
      loadBalancerTypeAnnotation: null,
      clbBackendProtocol: null,
      sslPorts: [],
      eipAllocations: [],
      privateIpv4Addresses: [],
      pinnedSubnets: [],
      frontendNlb: null,
      listenPorts: null,
      sslRedirect: null,
      backendProtocolVersion: null,
      groupName: null,
      groupOrder: null,
      nodePort: null,
    },
    rationale: [],
    warnings: [],
    errors: [],
  };
  for (const step of DECISION_PIPELINE) step.run(draft);
  const decision: ExposureDecision = {
    kind: draft.kind,
    controller: draft.controller,
    serviceType: draft.serviceType,
    loadBalancerClass: draft.loadBalancerClass,
    targetType: draft.targetType,
    scheme: draft.scheme,
    externalTrafficPolicy: draft.externalTrafficPolicy,
    clientIpVia: draft.clientIpVia,
    preserveClientIp: draft.preserveClientIp,
    proxyProtocol: draft.proxyProtocol,
    ipAddressType: draft.ipAddressType,
    certificateArn: draft.certificateArn,
    subnets: draft.subnets?.map((subnet) => subnet.name) ?? null,
    rationale: draft.rationale.map(cite),
    warnings: draft.warnings.map(cite),
    errors: draft.errors.map(cite),
  };
  return { request: normalized, decision, settings: draft.settings };
}

// ---------------------------------------------------------------------------------------------------------------------
// Recording

/** Resolves the tags an entry cites (its source, then its message) to their URLs. */
function cite<T extends { message: string; source?: string }>(entry: T): T & { citations: Citation[] } {
  return { ...entry, citations: citationsIn(entry.source, entry.message) };
}

function because(draft: Draft, rule: DecisionRuleId, code: string, message: string): void {
  const { row, source } = DECISION_RULES[rule];
  draft.rationale.push({ code, message, source, rule: row });
}

type RuleCode = keyof typeof VALIDATION_RULES;

function fail(draft: Draft, code: RuleCode, message: string): void {
  const rule = VALIDATION_RULES[code];
  draft.errors.push({ code, message, rule: rule.row, source: rule.source });
}

/** Errors this engine adds on top of §2 (conflicting requests), each tied to the §1 row it protects. */
function failRow(draft: Draft, code: string, message: string, rule: DecisionRuleId): void {
  draft.errors.push({ code, message, rule: DECISION_RULES[rule].row, source: DECISION_RULES[rule].source });
}

function warn(draft: Draft, code: string, message: string, source?: string, rule?: string): void {
  draft.warnings.push({ code, message, ...(rule ? { rule } : {}), ...(source ? { source } : {}) });
}

function isLoadBalancer(kind: ExposureKind): boolean {
  return LOAD_BALANCER_KINDS.includes(kind);
}

// ---------------------------------------------------------------------------------------------------------------------
// Steps

function chooseKind(draft: Draft): void {
  const { expose, context } = draft.request;
  const explicit = expose.kind;
  if (explicit) {
    draft.kind = explicit;
    checkExplicitKind(draft, explicit);
    return;
  }
  if (expose.audience === 'CLUSTER') {
    draft.kind = 'CLUSTER_IP';
    because(
      draft,
      'R1',
      'CLUSTER_AUDIENCE_CLUSTER_IP',
      'Only clients inside the cluster call it: a ClusterIP Service is enough and is reachable only from within the cluster.',
    );
    return;
  }
  if (context.controller === 'LBC') {
    if (draft.layer === 'L7') {
      draft.kind = 'ALB_INGRESS';
      because(
        draft,
        'R3',
        'L7_ALB_INGRESS',
        `${expose.protocol} to the ${expose.audience === 'INTERNET' ? 'internet' : 'VPC'}: an Ingress reconciled by the AWS Load Balancer Controller into an ALB (HTTP routing, TLS termination, X-Forwarded-For).`,
      );
    } else {
      draft.kind = 'NLB';
      because(
        draft,
        'R4',
        'L4_NLB',
        `${expose.protocol} to the ${expose.audience === 'INTERNET' ? 'internet' : 'VPC'}: a LoadBalancer Service reconciled by the AWS Load Balancer Controller into an NLB.`,
      );
    }
    return;
  }
  if (draft.layer === 'L7' && expose.protocol !== 'GRPC') {
    draft.kind = 'CLB';
    because(
      draft,
      'R11',
      'CCM_ONLY_L7_CLB',
      'Without the AWS Load Balancer Controller there is no Ingress/ALB ("Service Controller does not support Kubernetes Ingress resources"); a Classic Load Balancer with an HTTP listener is the in-tree way to get L7 and X-Forwarded-For.',
    );
  } else {
    draft.kind = 'NLB';
    because(
      draft,
      'R11',
      'CCM_ONLY_L4_NLB',
      'Without the AWS Load Balancer Controller the in-tree controller builds the load balancer: `aws-load-balancer-type: nlb` gives an NLB (instance targets only); leaving it out would give a Classic Load Balancer, which has no UDP and hides the client address.',
    );
  }
}

function checkExplicitKind(draft: Draft, kind: ExposureKind): void {
  const { expose, context } = draft.request;
  switch (kind) {
    case 'CLUSTER_IP':
      because(draft, 'R1', 'EXPLICIT_CLUSTER_IP', 'ClusterIP was requested explicitly.');
      if (expose.audience !== 'CLUSTER') {
        failRow(
          draft,
          'CLUSTER_IP_UNREACHABLE_FOR_AUDIENCE',
          `A ClusterIP Service is only reachable from within the cluster, but the audience is ${expose.audience}.`,
          'R1',
        );
      }
      return;
    case 'NODE_PORT':
      because(draft, 'R2', 'EXPLICIT_NODE_PORT', 'NodePort was requested explicitly: every node forwards the port to the Service.');
      if (expose.audience === 'INTERNET') {
        warn(
          draft,
          'NODE_PORT_EXPOSES_NODES',
          'Internet clients would have to reach node IPs directly: the nodes need public IPs and a security group that opens the NodePort to the internet. A load balancer is the usual way to publish a Service.',
          DECISION_RULES.R2.source,
          'R2',
        );
      }
      return;
    case 'ALB_INGRESS':
      because(draft, 'R3', 'EXPLICIT_ALB', 'An Ingress (ALB) was requested explicitly.');
      if (context.controller === 'CCM_ONLY') {
        failRow(
          draft,
          'INGRESS_REQUIRES_LBC',
          'Service Controller does not support Kubernetes Ingress resources: an ALB Ingress needs the AWS Load Balancer Controller.',
          'R11',
        );
      }
      if (draft.layer === 'L4') {
        failRow(
          draft,
          'ALB_REQUIRES_HTTP',
          `An ALB listens for HTTP and HTTPS only ("listen protocol must be within [HTTP, HTTPS]"); ${expose.protocol} needs an NLB.`,
          'R3',
        );
      }
      return;
    case 'CLB':
      because(
        draft,
        'OWNER_CCM_CLB',
        'EXPLICIT_CLB',
        'A Classic Load Balancer was requested explicitly; only the in-tree controller builds one.',
      );
      if (expose.protocol === 'UDP') {
        failRow(draft, 'CLB_DOES_NOT_SUPPORT_UDP', 'A Classic Load Balancer has no UDP listeners; use an NLB.', 'R11');
      }
      if (draft.webhookActive) {
        failRow(
          draft,
          'CLB_BLOCKED_BY_LBC_WEBHOOK',
          'The AWS Load Balancer Controller service mutator webhook sets spec.loadBalancerClass on every new LoadBalancer Service, so the in-tree controller never builds a Classic Load Balancer in this cluster (disable enableServiceMutatorWebhook or use an NLB).',
          'OWNER_LBC_WEBHOOK',
        );
      }
      return;
    case 'NLB':
      because(
        draft,
        draft.request.context.controller === 'LBC' ? 'R4' : 'R11',
        'EXPLICIT_NLB',
        draft.layer === 'L7'
          ? `An NLB was requested explicitly for ${expose.protocol}: it forwards TCP without parsing HTTP, so there is no X-Forwarded-For.`
          : 'An NLB was requested explicitly.',
      );
      return;
  }
}

function chooseOwner(draft: Draft): void {
  const { context, lbcVersion } = draft.request;
  switch (draft.kind) {
    case 'CLUSTER_IP':
    case 'NODE_PORT':
      draft.controller = 'KUBE_PROXY';
      draft.serviceType = draft.kind === 'CLUSTER_IP' ? 'ClusterIP' : 'NodePort';
      return;
    case 'ALB_INGRESS':
      draft.controller = 'LBC';
      because(
        draft,
        'OWNER_LBC_INGRESS',
        'INGRESS_CLASS_ALB',
        'spec.ingressClassName: alb — the IngressClass `alb` (controller ingress.k8s.aws/alb) is created by the LBC Helm chart (createIngressClassResource: true); set includeIngressClass to emit it as well.',
      );
      break;
    case 'CLB':
      draft.controller = 'CCM';
      draft.serviceType = 'LoadBalancer';
      draft.settings.clbBackendProtocol = 'tcp';
      because(
        draft,
        'OWNER_CCM_CLB',
        'IN_TREE_CLB',
        'type LoadBalancer without loadBalancerClass or aws-load-balancer-type is reconciled by the in-tree controller into a Classic Load Balancer with instance (node) targets.',
      );
      break;
    case 'NLB':
      draft.serviceType = 'LoadBalancer';
      if (context.controller === 'LBC') {
        draft.controller = 'LBC';
        if (lbcSupports(lbcVersion, 'loadBalancerClass')) {
          draft.loadBalancerClass = LBC_LOAD_BALANCER_CLASS;
          because(
            draft,
            'OWNER_LBC_CLASS',
            'LBC_LOAD_BALANCER_CLASS',
            `spec.loadBalancerClass: ${LBC_LOAD_BALANCER_CLASS} hands the Service to the AWS Load Balancer Controller and keeps the in-tree controller away.`,
          );
          if (draft.webhookActive) {
            because(
              draft,
              'OWNER_LBC_WEBHOOK',
              'WEBHOOK_WOULD_SET_CLASS',
              'The service mutator webhook would set this class on a new LoadBalancer Service anyway; stating it keeps ownership independent of the webhook, and the scheme is stated because the LBC default is internal.',
            );
          }
        } else {
          draft.settings.loadBalancerTypeAnnotation = 'external';
          because(
            draft,
            'OWNER_LBC_EXTERNAL',
            'LBC_EXTERNAL_TYPE',
            'LBC before v2.4 has no loadBalancerClass: `aws-load-balancer-type: external` with an explicit nlb-target-type hands the Service to it.',
          );
        }
      } else {
        draft.controller = 'CCM';
        draft.settings.loadBalancerTypeAnnotation = 'nlb';
        because(
          draft,
          'OWNER_CCM_NLB',
          'IN_TREE_NLB',
          '`aws-load-balancer-type: nlb` makes the in-tree controller build an NLB; it creates instance targets only.',
        );
      }
      break;
  }
  if (context.ipFamily === 'IPV6' && draft.controller === 'CCM') {
    fail(draft, 'IPV6_REQUIRES_LBC', 'The in-tree service controller does not support IPv6; install the AWS Load Balancer Controller.');
  }
}

/**
 * The errors chooseTargetType records when a target type cannot work here; the trace raises the same one
 * (through the plan's exposure mapper) instead of re-deriving the rules.
 */
export const TARGET_TYPE_CONFLICT_CODES = [
  'FARGATE_REQUIRES_IP_TARGETS',
  'IPV6_REQUIRES_IP_TARGETS',
  'CCM_SUPPORTS_INSTANCE_TARGETS_ONLY',
  'ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS',
  'IP_TARGET_TYPE_DISABLED',
] as const;
export type TargetTypeConflictCode = (typeof TARGET_TYPE_CONFLICT_CODES)[number];

interface TargetConstraint {
  code: TargetTypeConflictCode;
  rule: DecisionRuleId;
  reason: string;
  message: string;
}

function chooseTargetType(draft: Draft): void {
  const { expose, context } = draft.request;
  if (draft.kind === 'CLUSTER_IP' || draft.kind === 'NODE_PORT') {
    if (expose.targetType) {
      warn(
        draft,
        'TARGET_TYPE_IGNORED',
        `targetType ${expose.targetType} only applies to load balancers; a ${draft.serviceType} Service has no targets.`,
      );
    }
    return;
  }
  const needsIp: TargetConstraint[] = [];
  const needsInstance: TargetConstraint[] = [];
  if (context.compute === 'FARGATE') {
    needsIp.push({
      code: 'FARGATE_REQUIRES_IP_TARGETS',
      rule: 'R9',
      reason: 'pods on Fargate',
      message: 'Pods on AWS Fargate can only be load balanced as IP targets; set target type `ip`.',
    });
  }
  if (context.ipFamily === 'IPV6') {
    needsIp.push({
      code: 'IPV6_REQUIRES_IP_TARGETS',
      rule: 'R10',
      reason: 'IPv6 pods',
      message: 'IPv6 pods can only be load balanced to IP targets, not instance targets.',
    });
  }
  if (draft.controller === 'CCM') {
    needsInstance.push({
      code: 'CCM_SUPPORTS_INSTANCE_TARGETS_ONLY',
      rule: 'R11',
      reason: 'the in-tree controller',
      message:
        'The AWS cloud provider load balancer controller creates load balancers with instance targets only; ip targets need the AWS Load Balancer Controller.',
    });
  }
  if (context.cni === 'OTHER' && context.compute !== 'FARGATE') {
    needsInstance.push({
      code: 'ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS',
      rule: 'R13',
      reason: 'an alternate CNI',
      message:
        'ip targets need pod IPs that are native VPC IPs (Amazon VPC CNI); with an alternate CNI the controller can only load balance to instance targets.',
    });
  }
  if (draft.controller === 'LBC' && !context.enableIpTargetType) {
    needsInstance.push({
      code: 'IP_TARGET_TYPE_DISABLED',
      rule: 'R4',
      reason: 'EnableIPTargetType=false',
      message: 'unsupported targetType: ip when EnableIPTargetType is false.',
    });
  }

  const explicit = expose.targetType;
  const violated = explicit === 'INSTANCE' ? needsIp : needsInstance;
  const opposite = explicit === 'INSTANCE' ? needsInstance : needsIp;
  if (explicit && violated.length === 0) {
    draft.targetType = explicit;
    because(
      draft,
      draft.kind === 'ALB_INGRESS' ? 'R3' : draft.controller === 'CCM' ? 'R11' : 'R4',
      'EXPLICIT_TARGET_TYPE',
      `Target type ${explicit} was requested explicitly.`,
    );
  } else if (explicit && opposite.length === 0) {
    // The requested type can never receive traffic here (e.g. instance targets for Fargate pods): the recommendation is
    // the type that works, and `errors` keeps what was asked, why it cannot work and what was chosen instead.
    const corrected = explicit === 'INSTANCE' ? 'IP' : 'INSTANCE';
    const chosen = corrected === 'IP' ? 'ip' : 'instance';
    for (const constraint of violated) {
      recordConstraint(draft, {
        ...constraint,
        message: `targetType ${explicit} was requested, but ${lowerFirst(constraint.message)} The recommendation uses ${chosen} targets instead.`,
      });
    }
    draft.targetType = corrected;
    for (const constraint of violated) {
      because(
        draft,
        constraint.rule,
        'EXPLICIT_TARGET_TYPE_CORRECTED',
        `${chosen} targets instead of the requested ${explicit === 'INSTANCE' ? 'instance' : 'ip'}: ${constraint.reason} need ${chosen} targets.`,
      );
    }
  } else if (needsIp.length > 0 && needsInstance.length > 0) {
    for (const constraint of needsInstance) {
      recordConstraint(draft, {
        ...constraint,
        message: `${constraint.message} But ${needsIp.map((c) => c.reason).join(' and ')} need ip targets.`,
      });
    }
    draft.targetType = draft.controller === 'CCM' ? 'INSTANCE' : 'IP';
  } else if (needsIp.length > 0) {
    draft.targetType = 'IP';
    for (const constraint of needsIp) because(draft, constraint.rule, 'IP_TARGETS_REQUIRED', `ip targets: ${constraint.message}`);
  } else if (needsInstance.length > 0) {
    draft.targetType = 'INSTANCE';
    for (const constraint of needsInstance)
      because(draft, constraint.rule, 'INSTANCE_TARGETS_REQUIRED', `instance targets: ${constraint.message}`);
  } else {
    draft.targetType = 'IP';
    because(
      draft,
      draft.kind === 'ALB_INGRESS' ? 'R3' : 'R4',
      'IP_TARGETS_RECOMMENDED',
      'ip targets: the load balancer sends traffic straight to pod IPs — no NodePort hop, no kube-proxy SNAT, and the same setup works for Fargate and IPv6.',
    );
  }
  if (draft.kind === 'CLB' && draft.targetType === 'IP') draft.targetType = 'INSTANCE';
  if (context.compute === 'MIXED' && draft.targetType === 'INSTANCE') {
    warn(
      draft,
      'MIXED_COMPUTE_INSTANCE_TARGETS',
      'Instance targets are nodes: replicas scheduled on Fargate are not reachable through them; use ip targets.',
      DECISION_RULES.R9.source,
      'R9',
    );
  }
  if (draft.kind === 'ALB_INGRESS') {
    if (draft.targetType === 'IP') {
      draft.serviceType = 'ClusterIP';
      because(
        draft,
        'R3a',
        'ALB_IP_BACKEND_CLUSTER_IP',
        'With ip targets the Service type does not matter, so the backend Service is a ClusterIP.',
      );
    } else {
      draft.serviceType = 'NodePort';
      because(
        draft,
        'R3b',
        'ALB_INSTANCE_BACKEND_NODE_PORT',
        'With instance targets the ALB sends traffic to a NodePort, so the backend Service must be NodePort or LoadBalancer.',
      );
    }
  }
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function recordConstraint(draft: Draft, constraint: TargetConstraint): void {
  if (constraint.code in VALIDATION_RULES) fail(draft, constraint.code as RuleCode, constraint.message);
  else failRow(draft, constraint.code, constraint.message, constraint.rule);
}

function chooseScheme(draft: Draft): void {
  if (!isLoadBalancer(draft.kind)) return;
  const { audience } = draft.request.expose;
  draft.scheme = audience === 'INTERNET' ? 'INTERNET_FACING' : 'INTERNAL';
  const scheme = draft.scheme === 'INTERNET_FACING' ? 'internet-facing' : 'internal';
  // Say only what the manifest carries: the in-tree controller gets no scheme annotation when internet-facing (its
  // default) and `aws-load-balancer-internal: "true"` when internal, since it ignores -scheme ([CCM-AWS] L2453-2460).
  const why =
    draft.controller !== 'CCM'
      ? 'the AWS Load Balancer Controller defaults to internal (since v2.2.0), so the manifest says it explicitly.'
      : draft.scheme === 'INTERNET_FACING'
        ? 'that is the in-tree controller’s default, so the manifest carries no scheme annotation.'
        : 'the in-tree controller defaults to internet-facing and ignores aws-load-balancer-scheme, so the manifest sets aws-load-balancer-internal: "true".';
  because(
    draft,
    draft.kind === 'ALB_INGRESS' ? 'R3' : draft.controller === 'CCM' ? 'R11' : 'R4',
    'SCHEME_FROM_AUDIENCE',
    `Audience ${audience} → ${scheme}; ${why}`,
  );
  if (audience === 'CLUSTER') {
    because(
      draft,
      'R1',
      'LOAD_BALANCER_FOR_CLUSTER_AUDIENCE',
      'The audience is the cluster itself; the load balancer is internal, although a ClusterIP would already serve in-cluster clients.',
    );
  }
}

/** workload.port wins over expose.port for the Service (normalizeExposureRequest); say so when both are set and differ. */
function warnOnPortMismatch(draft: Draft): void {
  const { expose, workload } = draft.request;
  if (expose.port === undefined || expose.port === workload.port) return;
  const backend = draft.kind === 'ALB_INGRESS' ? ' and the Ingress backend' : '';
  warn(
    draft,
    'WORKLOAD_PORT_OVERRIDES_EXPOSE_PORT',
    `workload.port ${workload.port} differs from expose.port ${expose.port}: the Service${backend} uses workload.port ${workload.port} (spec.ports[0].port); expose.port ${expose.port} is not used. Set one of them, or make them equal.`,
  );
}

function chooseNodePort(draft: Draft): void {
  warnOnPortMismatch(draft);
  const { nodePort } = draft.request.expose;
  if (nodePort === undefined) return;
  const hasNodePorts = draft.serviceType === 'NodePort' || draft.serviceType === 'LoadBalancer';
  if (!hasNodePorts) {
    warn(
      draft,
      'NODE_PORT_IGNORED',
      `nodePort ${nodePort} is ignored: a ClusterIP Service has no node ports.`,
      DECISION_RULES.R2.source,
      'R2',
    );
    return;
  }
  if (!isInNodePortRange(nodePort)) fail(draft, 'NODE_PORT_OUT_OF_RANGE', nodePortRangeMessage('spec.ports[0].nodePort', nodePort));
  draft.settings.nodePort = nodePort;
}

function chooseTrafficPolicy(draft: Draft): void {
  const { expose, context } = draft.request;
  const explicit = expose.externalTrafficPolicy;
  if (draft.serviceType === 'ClusterIP') {
    if (explicit && draft.kind === 'ALB_INGRESS') {
      warn(
        draft,
        'TRAFFIC_POLICY_IGNORED_FOR_IP_TARGETS',
        `externalTrafficPolicy ${explicit} is not set: with ip targets the ALB bypasses kube-proxy and the backend is a ClusterIP Service.`,
        DECISION_RULES.R3a.source,
        'R3a',
      );
    } else if (explicit) {
      fail(
        draft,
        'EXTERNAL_TRAFFIC_POLICY_ON_CLUSTER_IP',
        `spec.externalTrafficPolicy: Invalid value: "${explicit === 'LOCAL' ? 'Local' : 'Cluster'}": may only be set for externally-accessible services`,
      );
    }
    return;
  }
  if (draft.kind === 'ALB_INGRESS' || draft.kind === 'CLB') {
    // Both proxy the connection: the backend never sees the client as the L3 source, whatever the policy.
    draft.externalTrafficPolicy = explicit ?? 'CLUSTER';
    if (explicit === 'LOCAL' && context.podSecurityGroups === 'STRICT') failStrictLocal(draft);
    return;
  }
  if (draft.targetType === 'IP') {
    draft.externalTrafficPolicy = explicit ?? 'CLUSTER';
    if (explicit === 'LOCAL') {
      warn(
        draft,
        'LOCAL_POLICY_BYPASSED_BY_IP_TARGETS',
        'With ip targets the NLB sends traffic straight to pods, so externalTrafficPolicy Local and the healthCheckNodePort are not used by the load balancer (LBC #1813).',
        DECISION_RULES.R6.source,
        'R6',
      );
    }
    return;
  }
  // NodePort, or NLB with instance targets: traffic enters through kube-proxy on a node.
  const wantsLocal = explicit ? explicit === 'LOCAL' : Boolean(expose.needClientIp) && !expose.proxyProtocol;
  if (wantsLocal && context.podSecurityGroups === 'STRICT') {
    if (explicit === 'LOCAL') {
      failStrictLocal(draft);
      draft.externalTrafficPolicy = 'LOCAL';
    } else {
      draft.externalTrafficPolicy = 'CLUSTER';
      warn(
        draft,
        'POD_SG_STRICT_KEEPS_CLUSTER_POLICY',
        'The client IP would need externalTrafficPolicy Local, which strict pod security groups do not support with instance targets; the policy stays Cluster (node SNAT). Use POD_SECURITY_GROUP_ENFORCING_MODE=standard or proxy protocol to keep the client address.',
        VALIDATION_RULES.POD_SG_STRICT_FORBIDS_INSTANCE_LOCAL.source,
        'R12',
      );
    }
    return;
  }
  draft.externalTrafficPolicy = wantsLocal ? 'LOCAL' : 'CLUSTER';
  if (wantsLocal && !explicit) {
    because(
      draft,
      'R6',
      'LOCAL_KEEPS_CLIENT_IP',
      draft.kind === 'NODE_PORT'
        ? 'externalTrafficPolicy Local: the node delivers only to local pods and does not SNAT, so pods see the client address.'
        : 'externalTrafficPolicy Local: instance targets already preserve the client IP, but Cluster would SNAT at the node; the LBC then health-checks HTTP /healthz on spec.healthCheckNodePort so only nodes with a ready pod get traffic.',
    );
  }
}

function failStrictLocal(draft: Draft): void {
  fail(
    draft,
    'POD_SG_STRICT_FORBIDS_INSTANCE_LOCAL',
    'With POD_SECURITY_GROUP_ENFORCING_MODE=strict, NodePort/LoadBalancer instance targets with externalTrafficPolicy Local are not supported for pods with security groups; use ip targets or standard mode.',
  );
}

function chooseClientIpPath(draft: Draft): void {
  const { expose } = draft.request;
  const needClientIp = Boolean(expose.needClientIp);
  switch (draft.kind) {
    case 'CLUSTER_IP':
      draft.clientIpVia = 'L3_SOURCE';
      if (expose.proxyProtocol) warn(draft, 'PROXY_PROTOCOL_IGNORED', 'proxyProtocol only applies to load balancers.');
      return;
    case 'NODE_PORT':
      draft.clientIpVia = draft.externalTrafficPolicy === 'LOCAL' ? 'L3_SOURCE' : 'NONE';
      if (expose.proxyProtocol) warn(draft, 'PROXY_PROTOCOL_IGNORED', 'proxyProtocol only applies to load balancers.');
      break;
    case 'ALB_INGRESS':
      draft.clientIpVia = 'X_FORWARDED_FOR';
      because(
        draft,
        'R7',
        'ALB_X_FORWARDED_FOR',
        'An ALB terminates the connection and never preserves the L3 source; the client address arrives in X-Forwarded-For (routing.http.xff_header_processing.mode append).',
      );
      if (expose.proxyProtocol)
        warn(draft, 'PROXY_PROTOCOL_IGNORED', 'An ALB does not send proxy protocol; read X-Forwarded-For.', DECISION_RULES.R7.source, 'R7');
      return;
    case 'CLB':
      chooseClbClientIp(draft, needClientIp);
      break;
    case 'NLB':
      chooseNlbClientIp(draft, needClientIp);
      break;
  }
  if (needClientIp && draft.clientIpVia === 'NONE') {
    warn(
      draft,
      'CLIENT_IP_NOT_PRESERVED',
      'The client IP was asked for but pods will see a node or load-balancer address; see the warnings above for what blocks it.',
    );
  }
}

function chooseClbClientIp(draft: Draft, needClientIp: boolean): void {
  const { expose } = draft.request;
  const httpListener = expose.protocol === 'HTTP' || (expose.protocol === 'HTTPS' && Boolean(expose.certificateArn));
  if (httpListener) {
    draft.settings.clbBackendProtocol = 'http';
    draft.clientIpVia = 'X_FORWARDED_FOR';
    because(
      draft,
      'R11',
      'CLB_HTTP_X_FORWARDED_FOR',
      '`aws-load-balancer-backend-protocol: http` gives the CLB an HTTP listener that adds X-Forwarded-For.',
    );
    return;
  }
  if (needClientIp || expose.proxyProtocol) {
    draft.proxyProtocol = 'V1';
    draft.clientIpVia = 'PROXY_PROTOCOL_V1';
    because(
      draft,
      'R11',
      'CLB_PROXY_PROTOCOL_V1',
      '`aws-load-balancer-proxy-protocol: "*"` makes the CLB send a proxy protocol v1 header with the client address; the app must parse it.',
    );
  } else {
    draft.clientIpVia = 'NONE';
  }
}

function chooseNlbClientIp(draft: Draft, needClientIp: boolean): void {
  const { expose } = draft.request;
  const instance = draft.targetType === 'INSTANCE';
  const local = draft.externalTrafficPolicy === 'LOCAL';
  if (expose.protocol === 'UDP') {
    draft.preserveClientIp = true;
    draft.clientIpVia = instance && !local ? 'NONE' : 'L3_SOURCE';
    because(
      draft,
      'R5u',
      'UDP_PRESERVES_CLIENT_IP',
      'UDP target groups always preserve the client IP ("enabled (and can\'t be disabled)").',
    );
    if (expose.proxyProtocol) {
      warn(
        draft,
        'PROXY_PROTOCOL_UNSUPPORTED_FOR_UDP',
        'Proxy protocol v2 is for TCP and TLS target groups; UDP keeps the client address as the packet source instead.',
        DECISION_RULES.R5u.source,
        'R5u',
      );
    }
    if (instance && !local && needClientIp) {
      warn(
        draft,
        'CLUSTER_POLICY_SNATS_CLIENT',
        'With instance targets and externalTrafficPolicy Cluster, kube-proxy SNATs at the node and pods see the node IP.',
        DECISION_RULES.R6.source,
        'R6',
      );
    }
    return;
  }
  // [LBC-CODE-TG] L396-415: preserve_client_ip defaults to true for instance targets, false for ip targets.
  draft.preserveClientIp = instance;
  if (expose.proxyProtocol) {
    draft.proxyProtocol = 'V2';
    draft.clientIpVia = 'PROXY_PROTOCOL_V2';
    because(
      draft,
      'R5',
      'PROXY_PROTOCOL_V2',
      '`aws-load-balancer-proxy-protocol: "*"` adds a proxy protocol v2 header with the client address; the app must parse it.',
    );
    if (instance && local) {
      draft.warnings.push({
        code: 'PROXY_PROTOCOL_WITH_LOCAL_INSTANCE',
        rule: VALIDATION_RULES.PROXY_PROTOCOL_WITH_LOCAL_INSTANCE.row,
        source: VALIDATION_RULES.PROXY_PROTOCOL_WITH_LOCAL_INSTANCE.source,
        message:
          "you shouldn't configure proxy protocol v2 with NLB instance mode and externalTrafficPolicy set to Local: the kube-proxy health-check port does not speak proxy protocol.",
      });
    }
    return;
  }
  if (!instance) {
    draft.preserveClientIp = needClientIp;
    draft.clientIpVia = needClientIp ? 'L3_SOURCE' : 'NONE';
    if (needClientIp) {
      because(
        draft,
        'R5',
        'PRESERVE_CLIENT_IP_FOR_IP_TARGETS',
        '`preserve_client_ip.enabled=true` in aws-load-balancer-target-group-attributes: ip target groups do not preserve the client IP by default (LBC #1825).',
      );
    }
    return;
  }
  draft.clientIpVia = local ? 'L3_SOURCE' : 'NONE';
  if (needClientIp && !local) {
    warn(
      draft,
      'CLUSTER_POLICY_SNATS_CLIENT',
      'With instance targets and externalTrafficPolicy Cluster, kube-proxy SNATs at the node and pods see the node IP.',
      DECISION_RULES.R6.source,
      'R6',
    );
  }
}

function chooseIpAddressType(draft: Draft): void {
  if (draft.kind !== 'NLB' && draft.kind !== 'ALB_INGRESS') {
    if (draft.kind === 'CLB') draft.ipAddressType = 'IPV4';
    return;
  }
  if (draft.request.context.ipFamily === 'IPV6') {
    draft.ipAddressType = 'DUALSTACK';
    because(
      draft,
      'R10',
      'IPV6_DUALSTACK',
      'An IPv6 cluster needs a dualstack load balancer with ip targets (IPv6 target groups only exist on dualstack load balancers).',
    );
  } else {
    draft.ipAddressType = 'IPV4';
  }
}

const CERTIFICATE_ARN = /^arn:aws[a-z-]*:(acm|iam):[a-z0-9-]*:\d{12}:(certificate|server-certificate)\/.+$/;

function chooseTls(draft: Draft): void {
  const { expose, workload } = draft.request;
  const certificateArn = expose.certificateArn;
  if (certificateArn !== undefined && !CERTIFICATE_ARN.test(certificateArn)) {
    failRow(
      draft,
      'INVALID_CERTIFICATE_ARN',
      `"${certificateArn}" is not an ACM or IAM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>).`,
      'R3',
    );
  }
  switch (draft.kind) {
    case 'CLUSTER_IP':
    case 'NODE_PORT':
      if (certificateArn)
        warn(
          draft,
          'CERTIFICATE_IGNORED',
          'No load balancer terminates TLS for this exposure; the certificate is not used (pods terminate TLS themselves).',
        );
      return;
    case 'ALB_INGRESS':
      if (expose.protocol === 'GRPC') draft.settings.backendProtocolVersion = 'GRPC';
      if (certificateArn) {
        draft.certificateArn = certificateArn;
        draft.settings.listenPorts = '[{"HTTP": 80}, {"HTTPS": 443}]';
        draft.settings.sslRedirect = 443;
        because(
          draft,
          'R3',
          'ALB_TLS_TERMINATION',
          'TLS terminates at the ALB with the ACM certificate: listeners HTTPS:443 and HTTP:80, with HTTP redirected to HTTPS (without listen-ports the default would become HTTPS:443 only).',
        );
      } else if (expose.protocol === 'GRPC') {
        failRow(draft, 'GRPC_REQUIRES_HTTPS_LISTENER', 'An ALB routes gRPC only on HTTPS listeners; give certificateArn.', 'R3');
      } else if (expose.protocol === 'HTTPS') {
        warn(
          draft,
          'HTTPS_WITHOUT_CERTIFICATE',
          'HTTPS was asked for without certificateArn: the LBC can only discover ACM certificates from the Ingress hosts, and this Ingress has none, so the ALB listens on HTTP:80.',
          DECISION_RULES.R3.source,
          'R3',
        );
      }
      return;
    case 'NLB':
    case 'CLB':
      if (!certificateArn) {
        if (expose.protocol === 'TLS' || expose.protocol === 'HTTPS' || expose.protocol === 'GRPC') {
          because(
            draft,
            draft.kind === 'NLB' ? 'R4' : 'R11',
            'TLS_PASSTHROUGH',
            'No certificate: the load balancer passes TLS through on a TCP listener and the pods terminate it.',
          );
        }
        return;
      }
      if (expose.protocol === 'UDP') {
        warn(draft, 'CERTIFICATE_IGNORED_FOR_UDP', 'UDP listeners cannot terminate TLS; the certificate is not used.');
        return;
      }
      draft.certificateArn = certificateArn;
      draft.settings.sslPorts = [workload.port];
      because(
        draft,
        draft.kind === 'NLB' ? 'R4' : 'R11',
        'TLS_AT_LOAD_BALANCER',
        `aws-load-balancer-ssl-cert with aws-load-balancer-ssl-ports: "${workload.port}" terminates TLS at the load balancer; pods receive plain ${draft.kind === 'CLB' && draft.settings.clbBackendProtocol === 'http' ? 'HTTP' : 'TCP'}.`,
      );
      return;
  }
}

function placeSubnets(draft: Draft): void {
  const { context, lbcVersion } = draft.request;
  if (!context.subnets || !isLoadBalancer(draft.kind) || !draft.scheme) return;
  const result = discoverLoadBalancerSubnets({
    subnets: context.subnets,
    scheme: draft.scheme,
    family: draft.kind === 'ALB_INGRESS' ? 'ALB' : draft.kind === 'CLB' ? 'CLB' : 'NLB',
    owner: draft.controller === 'CCM' ? 'CCM' : 'LBC',
    lbcVersion,
  });
  draft.subnets = result.chosen;
  draft.errors.push(...result.errors);
  draft.warnings.push(...result.warnings);
  if (result.chosen.length > 0) {
    const how = {
      ROLE_TAGS: 'role tags',
      REACHABILITY: 'internet-gateway reachability (no subnet has role tags)',
      ROUTE_TABLES: 'route tables',
    }[result.method];
    because(
      draft,
      'SUBNETS',
      'SUBNET_DISCOVERY',
      `Subnets found by ${how}, one per Availability Zone: ${result.chosen.map((s) => `${s.name} (${s.az})`).join(', ')}.`,
    );
  }
}

function chooseStaticAddresses(draft: Draft): void {
  const { expose } = draft.request;
  const givenEips = expose.eipAllocations ?? [];
  const givenPrivate = expose.privateIpv4Addresses ?? [];
  const wantsStatic = Boolean(expose.staticIps) || givenEips.length > 0 || givenPrivate.length > 0;
  if (!wantsStatic) return;
  switch (draft.kind) {
    case 'CLUSTER_IP':
    case 'NODE_PORT':
      warn(
        draft,
        'STATIC_IPS_IGNORED',
        `A ${draft.serviceType} Service has no load-balancer addresses to pin; its ClusterIP is already stable for the Service's lifetime.`,
        DECISION_RULES.R8.source,
        'R8',
      );
      return;
    case 'CLB':
      failRow(
        draft,
        'STATIC_IPS_UNSUPPORTED_ON_CLB',
        'A Classic Load Balancer has no static addresses ("LoadBalancerIP cannot be specified for AWS ELB"); use an NLB.',
        'R8',
      );
      return;
    case 'NLB':
      chooseNlbAddresses(draft, givenEips, givenPrivate);
      return;
    case 'ALB_INGRESS':
      chooseFrontendNlb(draft, givenEips, givenPrivate);
      return;
  }
}

function chooseNlbAddresses(draft: Draft, givenEips: string[], givenPrivate: string[]): void {
  const subnetCount = draft.subnets?.length;
  if (draft.scheme === 'INTERNET_FACING') {
    if (givenPrivate.length > 0) {
      fail(draft, 'PRIVATE_IPS_ON_INTERNET_FACING', 'private IPv4 addresses can only be set for internal load balancers');
    }
    if (givenEips.length > 0 && subnetCount !== undefined && givenEips.length !== subnetCount) {
      fail(draft, 'EIP_COUNT_MISMATCH', `count of EIP allocations (${givenEips.length}) and subnets (${subnetCount}) must match`);
    }
    draft.settings.eipAllocations = givenEips.length > 0 ? givenEips : placeholderAllocations(draft, subnetCount);
    because(
      draft,
      'R8',
      'NLB_ELASTIC_IPS',
      'Static public addresses: aws-load-balancer-eip-allocations gives the internet-facing NLB one Elastic IP per subnet.',
    );
  } else {
    if (givenEips.length > 0)
      fail(draft, 'EIP_ON_INTERNAL_LOAD_BALANCER', 'EIP allocations can only be set for internet facing load balancers');
    if (draft.controller === 'CCM') {
      failRow(
        draft,
        'STATIC_PRIVATE_IPS_REQUIRE_LBC',
        'The in-tree controller cannot pin private addresses; aws-load-balancer-private-ipv4-addresses needs the AWS Load Balancer Controller.',
        'R8',
      );
      return;
    }
    draft.settings.privateIpv4Addresses =
      givenPrivate.length > 0 ? checkPrivateAddresses(draft, givenPrivate) : proposePrivateAddresses(draft);
    if (draft.settings.privateIpv4Addresses.length > 0) {
      because(
        draft,
        'R8',
        'NLB_PRIVATE_IPS',
        "Static private addresses: aws-load-balancer-private-ipv4-addresses gives the internal NLB one address per subnet, from each subnet's range.",
      );
    }
  }
  if (draft.subnets && draft.subnets.length > 0) draft.settings.pinnedSubnets = draft.subnets.map((subnet) => subnet.name);
}

function placeholderAllocations(draft: Draft, subnetCount: number | undefined): string[] {
  const count = subnetCount ?? 2;
  warn(
    draft,
    'STATIC_IP_PLACEHOLDERS',
    subnetCount === undefined
      ? 'Replace the eipalloc placeholders with Elastic IP allocation IDs; the count must equal the number of subnets the load balancer uses (2 assumed — pass the design subnets to know).'
      : `Replace the ${count} eipalloc placeholders with Elastic IP allocation IDs, one per subnet in the order listed in aws-load-balancer-subnets.`,
    DECISION_RULES.R8.source,
    'R8',
  );
  const names = draft.subnets?.map((subnet) => subnet.name);
  return Array.from({ length: count }, (_, index) => `eipalloc-REPLACE-${names?.[index] ?? index + 1}`);
}

function checkPrivateAddresses(draft: Draft, addresses: string[]): string[] {
  const subnets = draft.subnets;
  if (subnets && addresses.length !== subnets.length) {
    failRow(
      draft,
      'PRIVATE_IP_COUNT_MISMATCH',
      `count of private IPv4 addresses (${addresses.length}) and subnets (${subnets.length}) must match`,
      'R8',
    );
  }
  for (const address of addresses) {
    if (parseAddress(address)?.version !== 4) {
      failRow(draft, 'INVALID_PRIVATE_IPV4_ADDRESS', `"${address}" is not an IPv4 address.`, 'R8');
      continue;
    }
    if (subnets && !subnets.some((subnet) => inSubnet(subnet, address))) {
      failRow(
        draft,
        'PRIVATE_IP_OUTSIDE_SUBNETS',
        `${address} is in none of the load balancer's subnets (${subnets.map((s) => `${s.name} ${s.cidr}`).join(', ')}).`,
        'R8',
      );
    }
  }
  return addresses;
}

function inSubnet(subnet: Subnet, address: string): boolean {
  const parsed = parseCidrResult(subnet.cidr, 4);
  return parsed.ok && cidrContainsAddress(parsed.cidr, address);
}

/** Without given addresses, propose the last usable address of each subnet (AWS reserves the very last one). */
function proposePrivateAddresses(draft: Draft): string[] {
  const subnets = draft.subnets;
  if (!subnets || subnets.length === 0) {
    failRow(
      draft,
      'STATIC_PRIVATE_IPS_NEED_ADDRESSES',
      'Static private IPs need privateIpv4Addresses (one per subnet) or the design subnets to choose them from.',
      'R8',
    );
    return [];
  }
  const proposed: string[] = [];
  for (const subnet of subnets) {
    const parsed = parseCidrResult(subnet.cidr, 4);
    if (!parsed.ok) continue;
    proposed.push(addressAt(parsed.cidr, cidrSize(parsed.cidr) - 2n));
  }
  warn(
    draft,
    'STATIC_PRIVATE_IPS_PROPOSED',
    `Proposed ${proposed.join(', ')} (the last usable address of each subnet); reserve them with an EC2 subnet CIDR reservation so no ENI takes them first.`,
    DECISION_RULES.R8.source,
    'R8',
  );
  return proposed;
}

function chooseFrontendNlb(draft: Draft, givenEips: string[], givenPrivate: string[]): void {
  const { lbcVersion } = draft.request;
  if (!lbcSupports(lbcVersion, 'frontendNlb')) {
    failRow(
      draft,
      'FRONTEND_NLB_REQUIRES_LBC_2_13',
      'Static IPs for an ALB come from a frontend NLB (alb.ingress.kubernetes.io/enable-frontend-nlb), which needs the AWS Load Balancer Controller v2.13.0 or later.',
      'R8',
    );
    return;
  }
  const scheme = draft.scheme ?? 'INTERNAL';
  let eipAllocations: string[] = [];
  if (scheme === 'INTERNET_FACING') {
    if (givenPrivate.length > 0)
      fail(draft, 'PRIVATE_IPS_ON_INTERNET_FACING', 'private IPv4 addresses can only be set for internal load balancers');
    const subnetCount = draft.subnets?.length;
    if (givenEips.length > 0 && subnetCount !== undefined && givenEips.length !== subnetCount) {
      fail(draft, 'EIP_COUNT_MISMATCH', `count of EIP allocations (${givenEips.length}) and subnets (${subnetCount}) must match`);
    }
    eipAllocations = givenEips.length > 0 ? givenEips : placeholderAllocations(draft, subnetCount);
  } else {
    if (givenEips.length > 0)
      fail(draft, 'EIP_ON_INTERNAL_LOAD_BALANCER', 'EIP allocations can only be set for internet facing load balancers');
    if (givenPrivate.length > 0) {
      warn(
        draft,
        'FRONTEND_NLB_PRIVATE_IPS_NOT_SETTABLE',
        "There is no annotation to choose the frontend NLB's private addresses; an internal NLB keeps one private address per subnet for its lifetime.",
        DECISION_RULES.R8.source,
        'R8',
      );
    }
  }
  draft.settings.frontendNlb = { scheme, eipAllocations };
  because(
    draft,
    'R8',
    'ALB_FRONTEND_NLB',
    `Static addresses for an ALB: alb.ingress.kubernetes.io/enable-frontend-nlb puts an ${scheme === 'INTERNET_FACING' ? 'internet-facing NLB with Elastic IPs' : 'internal NLB (fixed private address per subnet)'} in front of the ALB.`,
  );
}

function chooseIngressGroup(draft: Draft): void {
  const { expose, workload } = draft.request;
  if (expose.shareGroup !== undefined) {
    if (draft.kind !== 'ALB_INGRESS') {
      warn(
        draft,
        'SHARE_GROUP_IGNORED',
        `shareGroup only applies to ALB Ingresses; a ${draft.kind} is not shared.`,
        DECISION_RULES.R14.source,
        'R14',
      );
    } else {
      const name = expose.shareGroup;
      const problem = groupNameProblem(name);
      if (problem) fail(draft, 'INVALID_INGRESS_GROUP_NAME', `invalid ingress group: ${problem}`);
      draft.settings.groupName = name;
      because(
        draft,
        'R14',
        'INGRESS_GROUP',
        `alb.ingress.kubernetes.io/group.name: ${name} shares one ALB with the other Ingresses of the group; exclusive settings (scheme, subnets, security groups, …) must agree across the group, and anyone who can edit an Ingress can join it, so keep a group inside one trust boundary.`,
      );
    }
  }
  if (expose.groupOrder !== undefined) {
    if (draft.kind !== 'ALB_INGRESS' || expose.shareGroup === undefined) {
      warn(
        draft,
        'GROUP_ORDER_IGNORED',
        'groupOrder only matters for an Ingress that shares an ALB (shareGroup).',
        DECISION_RULES.R14.source,
        'R14',
      );
      return;
    }
    const order = expose.groupOrder;
    if (order < INGRESS_GROUP_ORDER_RANGE.min || order > INGRESS_GROUP_ORDER_RANGE.max) {
      fail(
        draft,
        'INVALID_INGRESS_GROUP_ORDER',
        `explicit Ingress group order must be within [-1000:1000], Ingress: ${workload.namespace}/${workload.name}, order: ${order}`,
      );
    }
    draft.settings.groupOrder = order;
  }
}

function checkHairpin(draft: Draft): void {
  const { expose } = draft.request;
  if (draft.kind !== 'NLB' || draft.scheme !== 'INTERNAL' || draft.preserveClientIp !== true || expose.clientsInCluster === false) return;
  const where = draft.targetType === 'INSTANCE' ? "the caller's own node" : "a pod on the caller's own node";
  warn(
    draft,
    'NLB_HAIRPIN_WITH_CLIENT_IP_PRESERVATION',
    `Pods of this cluster that call this internal NLB time out when it picks ${where}: NAT loopback (hairpin) is not supported with client IP preservation. Call the Service's ClusterIP from inside the cluster${draft.targetType === 'INSTANCE' ? ', use ip targets,' : ''} or set preserve_client_ip.enabled=false.`,
    'anchors-path.md §3 #7: aws/amazon-vpc-cni-k8s#840; LBC #1842, #1864',
    'R5',
  );
}

// ---------------------------------------------------------------------------------------------------------------------
// Input normalization: shapes that cannot be planned are thrown; contradictions the user can fix are reported as errors.

export function normalizeExposureRequest(request: ExposureRequest): NormalizedExposureRequest {
  const details: ErrorDetail[] = [];
  const problem = (path: string, message: string): void => {
    details.push({ path, message });
  };
  const oneOf = <T extends string>(path: string, value: unknown, allowed: readonly T[], optional: boolean): void => {
    if (value === undefined && optional) return;
    if (typeof value !== 'string' || !allowed.includes(value as T)) problem(path, `must be one of ${allowed.join(', ')}`);
  };
  const integer = (path: string, value: unknown, min: number, max: number): void => {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problem(path, `must be an integer in [${min}, ${max}]`);
    }
  };
  const stringList = (path: string, value: unknown): void => {
    if (value === undefined) return;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
      problem(path, 'must be a list of non-empty strings');
    }
  };

  if (!request || typeof request !== 'object') {
    throw new ValidationFailedError([{ path: '', message: 'the request must be an object with expose, context and workload' }]);
  }
  const expose = request.expose ?? {};
  const workload = request.workload ?? {};
  const contextInput = request.context ?? {};
  if (typeof request.expose !== 'object' || request.expose === null) problem('expose', 'is required');
  if (typeof request.workload !== 'object' || request.workload === null) problem('workload', 'is required');

  oneOf('expose.audience', expose.audience, AUDIENCES, false);
  oneOf('expose.protocol', expose.protocol, EXPOSE_PROTOCOLS, false);
  oneOf('expose.kind', expose.kind, EXPOSURE_KINDS, true);
  oneOf('expose.targetType', expose.targetType, TARGET_TYPES, true);
  oneOf('expose.externalTrafficPolicy', expose.externalTrafficPolicy, TRAFFIC_POLICIES, true);
  integer('expose.nodePort', expose.nodePort, OPTION_BOUNDS.port.min, OPTION_BOUNDS.port.max);
  if (expose.groupOrder !== undefined && (typeof expose.groupOrder !== 'number' || !Number.isInteger(expose.groupOrder))) {
    problem('expose.groupOrder', 'must be an integer');
  }
  stringList('expose.eipAllocations', expose.eipAllocations);
  stringList('expose.privateIpv4Addresses', expose.privateIpv4Addresses);
  for (const flag of ['needClientIp', 'staticIps', 'proxyProtocol', 'clientsInCluster'] as const) {
    if (expose[flag] !== undefined && typeof expose[flag] !== 'boolean') problem(`expose.${flag}`, 'must be a boolean');
  }
  if (expose.shareGroup !== undefined && typeof expose.shareGroup !== 'string') problem('expose.shareGroup', 'must be a string');
  if (expose.certificateArn !== undefined && typeof expose.certificateArn !== 'string')
    problem('expose.certificateArn', 'must be a string');

  if (!isDns1035Label(workload.name)) {
    problem(
      'workload.name',
      'must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter, at most 63 characters)',
    );
  }
  if (workload.namespace !== undefined && !isDns1123Label(workload.namespace)) {
    problem('workload.namespace', 'must be a DNS-1123 label');
  }
  const port = workload.port ?? expose.port;
  if (port === undefined) problem('expose.port', 'is required');
  integer(workload.port !== undefined ? 'workload.port' : 'expose.port', port, OPTION_BOUNDS.port.min, OPTION_BOUNDS.port.max);
  const targetPort = workload.targetPort ?? expose.targetPort ?? port;
  if (typeof targetPort === 'string') {
    if (!isPortName(targetPort)) problem('workload.targetPort', 'must be a port number or an IANA service name (≤ 15 characters)');
  } else {
    integer(
      workload.targetPort !== undefined ? 'workload.targetPort' : 'expose.targetPort',
      targetPort,
      OPTION_BOUNDS.port.min,
      OPTION_BOUNDS.port.max,
    );
  }

  const { context, version: lbcVersion } = normalizeExposureContext(contextInput, details);
  return {
    expose,
    context,
    lbcVersion,
    workload: {
      name: workload.name,
      namespace: workload.namespace ?? context.defaultNamespace,
      port: port,
      targetPort: targetPort,
    },
  };
}

/**
 * The cluster context as the decision and the manifest lint both take it. Fields of the wrong kind are added to
 * `details`, after any the caller found, and thrown together; unset (`undefined`) fields take DEFAULT_EXPOSURE_CONTEXT.
 */
export function normalizeExposureContext<C extends ExposureContext = ExposureContext>(
  input: Partial<C>,
  details: ErrorDetail[] = [],
): { context: C; version: Version } {
  const fields: ExposureContextInput = input;
  const problem = (field: keyof ExposureContext, message: string): void => {
    details.push({ path: `context.${field}`, message });
  };
  const oneOf = (field: keyof ExposureContext, allowed: readonly string[]): void => {
    const value = fields[field];
    if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value)))
      problem(field, `must be one of ${allowed.join(', ')}`);
  };
  oneOf('compute', COMPUTE_KINDS);
  oneOf('ipFamily', IP_FAMILIES);
  oneOf('controller', CLUSTER_LB_CONTROLLERS);
  oneOf('podSecurityGroups', POD_SECURITY_GROUP_MODES);
  oneOf('cni', CNI_KINDS);
  for (const flag of ['serviceMutatorWebhook', 'enableIpTargetType', 'includeIngressClass'] as const) {
    if (fields[flag] !== undefined && typeof fields[flag] !== 'boolean') problem(flag, 'must be a boolean');
  }
  if (fields.subnets !== undefined && !Array.isArray(fields.subnets)) {
    problem('subnets', 'must be a list of subnets');
  } else {
    fields.subnets?.forEach((subnet, index) => {
      if (!subnet || typeof subnet.name !== 'string' || typeof subnet.az !== 'string' || !parseCidrResult(subnet.cidr).ok) {
        details.push({ path: `context.subnets[${index}]`, message: 'needs a name, an az and a valid cidr' });
      }
    });
  }
  if (fields.lbcVersion !== undefined && typeof fields.lbcVersion !== 'string') problem('lbcVersion', 'must be a string');
  if (details.length > 0) throw new ValidationFailedError(details);

  const defined = Object.fromEntries(Object.entries(input).filter(([, entry]) => entry !== undefined));
  const context = { ...DEFAULT_EXPOSURE_CONTEXT, ...defined } as C;
  return { context, version: requireVersion(context.lbcVersion, 'context.lbcVersion') };
}
