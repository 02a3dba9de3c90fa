/**
 * Known load-balancer annotations, as data (exposure.md §4.1 Service/NLB, §4.2 Ingress/ALB, §4.3 in-tree).
 * Suffixes that exposure.md does not list but the controller reads are taken from LBC `pkg/annotations/constants.go`
 * and the in-tree `docs/service_controller.md` ([CCM-DOC]); the code wins over doc typos (e.g. the frontend-NLB
 * health-check suffixes end in `-seconds` / `-count` in code). Keys no controller source contains are left out (e.g.
 * `service.beta.kubernetes.io/aws-load-balancer-eip-allocations-discovery-tags`, in no file of the LBC at the pinned
 * commit 225f44568848eb25f13e304a5f1cc68c0cd9415d), so the lint calls them unknown.
 *
 * Citation tags beyond exposure.md's table: [LBC-CODE-PARSER] = LBC pkg/annotations/parser.go at that commit.
 */
import { distance } from 'fastest-levenshtein';

import { INGRESS_ANNOTATION_PREFIX, SERVICE_ANNOTATION_PREFIX } from '../kubernetes/load-balancer-controller.js';

export type AnnotationValueType = 'boolean' | 'int' | 'string' | 'stringList' | 'stringMap' | 'json';
export type AnnotationOwner = 'LBC' | 'CCM';
export type AnnotationResource = 'Service' | 'Ingress';
/** How an Ingress annotation combines across an IngressGroup (exposure.md §3, [LBC-IA] L22-91). */
export type GroupMerge = 'EXCLUSIVE' | 'EXCLUSIVE_PER_PORT' | 'MERGE';

export interface AnnotationSpec {
  /** Full key; for patterned keys a readable template such as `alb.ingress.kubernetes.io/actions.${action-name}`. */
  readonly key: string;
  /** For patterned keys: the suffix (after the prefix) this matches. */
  readonly suffixPattern?: RegExp;
  readonly type: AnnotationValueType;
  /** Allowed values (exact unless `caseInsensitive`). */
  readonly values?: readonly string[];
  readonly caseInsensitive?: boolean;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  /** `int` read with ParseInt32Annotation (32) rather than ParseInt64Annotation (64, the default). */
  readonly bits?: 32 | 64;
  /** Controllers that read it. */
  readonly owners: readonly AnnotationOwner[];
  /** Objects it is read from. */
  readonly resources: readonly AnnotationResource[];
  readonly merge?: GroupMerge;
  readonly defaultValue?: string;
  /** Set when the LBC documents the annotation as deprecated: what to use instead. */
  readonly deprecatedFor?: string;
  /** Lint code for a bad value when a §2 row names this check (else INVALID_ANNOTATION_VALUE). */
  readonly invalidCode?: string;
  readonly source: string;
}

type SpecOptions = Omit<Partial<AnnotationSpec>, 'key' | 'type'>;

const LBC_SA = '[LBC-SA] L21-68';
const LBC_IA = '[LBC-IA] L22-91';
const CCM_DOC = '[CCM-DOC]';
const LBC_CONSTANTS = 'LBC pkg/annotations/constants.go';

function svc(suffix: string, type: AnnotationValueType, options: SpecOptions = {}): AnnotationSpec {
  return { key: SERVICE_ANNOTATION_PREFIX + suffix, type, owners: ['LBC'], resources: ['Service'], source: LBC_SA, ...options };
}

function alb(suffix: string, type: AnnotationValueType, options: SpecOptions = {}): AnnotationSpec {
  return { key: INGRESS_ANNOTATION_PREFIX + suffix, type, owners: ['LBC'], resources: ['Ingress'], source: LBC_IA, ...options };
}

const BOTH: readonly AnnotationOwner[] = ['LBC', 'CCM'];
const CCM_ONLY: readonly AnnotationOwner[] = ['CCM'];
const INGRESS_AND_SERVICE: readonly AnnotationResource[] = ['Ingress', 'Service'];
const SCHEMES = ['internal', 'internet-facing'] as const;
const ON_OFF = ['on', 'off'] as const;

/** §4.1 + §4.3: `service.beta.kubernetes.io/…` read by the LBC and/or the in-tree controller. */
export const SERVICE_ANNOTATIONS: readonly AnnotationSpec[] = [
  svc('load-balancer-source-ranges', 'stringList', { owners: BOTH, defaultValue: '0.0.0.0/0' }),
  svc('aws-load-balancer-security-group-prefix-lists', 'stringList'),
  svc('aws-load-balancer-type', 'string', { owners: BOTH, values: ['nlb', 'external', 'nlb-ip'] }),
  svc('aws-load-balancer-nlb-target-type', 'string', { values: ['ip', 'instance'], invalidCode: 'INVALID_TARGET_TYPE' }),
  svc('aws-load-balancer-name', 'string', { maxLength: 32, invalidCode: 'LOAD_BALANCER_NAME_TOO_LONG' }),
  svc('aws-load-balancer-internal', 'boolean', {
    owners: BOTH,
    defaultValue: 'false',
    deprecatedFor: 'service.beta.kubernetes.io/aws-load-balancer-scheme',
  }),
  svc('aws-load-balancer-scheme', 'string', { values: SCHEMES, defaultValue: 'internal' }),
  svc('aws-load-balancer-proxy-protocol', 'string', { owners: BOTH, values: ['*'], invalidCode: 'INVALID_PROXY_PROTOCOL_VALUE' }),
  svc('aws-load-balancer-proxy-protocol-per-target-group', 'stringList'),
  svc('aws-load-balancer-ip-address-type', 'string', { values: ['ipv4', 'dualstack'], defaultValue: 'ipv4' }),
  svc('aws-load-balancer-access-log-enabled', 'boolean', {
    owners: BOTH,
    deprecatedFor: 'service.beta.kubernetes.io/aws-load-balancer-attributes (access_logs.s3.enabled)',
  }),
  svc('aws-load-balancer-access-log-s3-bucket-name', 'string', {
    owners: BOTH,
    deprecatedFor: 'service.beta.kubernetes.io/aws-load-balancer-attributes (access_logs.s3.bucket)',
  }),
  svc('aws-load-balancer-access-log-s3-bucket-prefix', 'string', {
    owners: BOTH,
    deprecatedFor: 'service.beta.kubernetes.io/aws-load-balancer-attributes (access_logs.s3.prefix)',
  }),
  svc('aws-load-balancer-access-log-emit-interval', 'int', { owners: CCM_ONLY, values: ['5', '60'], source: CCM_DOC }),
  svc('aws-load-balancer-cross-zone-load-balancing-enabled', 'boolean', {
    owners: BOTH,
    defaultValue: 'false',
    deprecatedFor: 'service.beta.kubernetes.io/aws-load-balancer-attributes (load_balancing.cross_zone.enabled)',
  }),
  svc('aws-load-balancer-ssl-cert', 'stringList', { owners: BOTH }),
  svc('aws-load-balancer-ssl-ports', 'stringList', { owners: BOTH }),
  svc('aws-load-balancer-ssl-negotiation-policy', 'string', { owners: BOTH, defaultValue: 'ELBSecurityPolicy-2016-08' }),
  svc('aws-load-balancer-backend-protocol', 'string', { owners: BOTH, values: ['tcp', 'ssl', 'http', 'https'], defaultValue: 'tcp' }),
  svc('aws-load-balancer-additional-resource-tags', 'stringMap', { owners: BOTH }),
  svc('aws-load-balancer-healthcheck-protocol', 'string', {
    owners: BOTH,
    values: ['TCP', 'HTTP', 'HTTPS'],
    caseInsensitive: true,
    defaultValue: 'TCP',
    invalidCode: 'UNSUPPORTED_HEALTH_CHECK_PROTOCOL',
  }),
  svc('aws-load-balancer-healthcheck-port', 'string', { owners: BOTH, defaultValue: 'traffic-port' }),
  svc('aws-load-balancer-healthcheck-path', 'string', { owners: BOTH, defaultValue: '/' }),
  svc('aws-load-balancer-healthcheck-healthy-threshold', 'int', { owners: BOTH, bits: 32, defaultValue: '3' }),
  svc('aws-load-balancer-healthcheck-unhealthy-threshold', 'int', { owners: BOTH, bits: 32, defaultValue: '3' }),
  svc('aws-load-balancer-healthcheck-timeout', 'int', { owners: BOTH, bits: 32, defaultValue: '10' }),
  svc('aws-load-balancer-healthcheck-interval', 'int', { owners: BOTH, bits: 32, defaultValue: '10' }),
  svc('aws-load-balancer-healthcheck-success-codes', 'string', { defaultValue: '200-399' }),
  svc('aws-load-balancer-eip-allocations', 'stringList', { owners: BOTH }),
  svc('aws-load-balancer-private-ipv4-addresses', 'stringList'),
  svc('aws-load-balancer-ipv6-addresses', 'stringList'),
  svc('aws-load-balancer-target-group-attributes', 'stringMap', { owners: BOTH }),
  svc('aws-load-balancer-target-group-attributes.${port}', 'stringMap', {
    suffixPattern: /^aws-load-balancer-target-group-attributes\.\d{1,5}$/,
  }),
  svc('aws-load-balancer-subnets', 'stringList', { owners: BOTH }),
  svc('aws-load-balancer-alpn-policy', 'string', {
    values: ['HTTP1Only', 'HTTP2Only', 'HTTP2Optional', 'HTTP2Preferred', 'None'],
    defaultValue: 'None',
  }),
  svc('aws-load-balancer-target-node-labels', 'stringMap', { owners: BOTH }),
  svc('aws-load-balancer-attributes', 'stringMap'),
  svc('aws-load-balancer-security-groups', 'stringList', { owners: BOTH }),
  svc('aws-load-balancer-extra-security-groups', 'stringList', { owners: CCM_ONLY, source: CCM_DOC }),
  svc('aws-load-balancer-manage-backend-security-group-rules', 'boolean', { defaultValue: 'true' }),
  svc('aws-load-balancer-inbound-sg-rules-on-private-link-traffic', 'string', { values: ON_OFF }),
  svc('aws-load-balancer-listener-attributes.${Protocol}-${Port}', 'stringMap', {
    suffixPattern: /^aws-load-balancer-listener-attributes\.[A-Za-z_]+-\d{1,5}$/,
  }),
  svc('aws-load-balancer-multi-cluster-target-group', 'boolean', { defaultValue: 'false' }),
  svc('aws-load-balancer-enable-prefix-for-ipv6-source-nat', 'string', { values: ON_OFF, defaultValue: 'off' }),
  svc('aws-load-balancer-source-nat-ipv6-prefixes', 'stringList'),
  svc('aws-load-balancer-minimum-load-balancer-capacity', 'stringMap'),
  svc('aws-load-balancer-enable-icmp-for-path-mtu-discovery', 'string', { values: ON_OFF }),
  svc('aws-load-balancer-enable-tcp-udp-listener', 'boolean', { defaultValue: 'false' }),
  svc('aws-load-balancer-disable-nlb-sg', 'boolean', { defaultValue: 'false' }),
  svc('aws-load-balancer-quic-enabled-ports', 'stringList'),
  svc('aws-load-balancer-connection-draining-enabled', 'boolean', { owners: CCM_ONLY, source: CCM_DOC }),
  svc('aws-load-balancer-connection-draining-timeout', 'int', {
    owners: CCM_ONLY,
    min: 1,
    max: 3600,
    defaultValue: '300',
    source: CCM_DOC,
  }),
  svc('aws-load-balancer-connection-idle-timeout', 'int', { owners: CCM_ONLY, min: 1, max: 4000, defaultValue: '60', source: CCM_DOC }),
  svc('actions.${protocol}-${port}', 'string', { suffixPattern: /^actions\.[A-Za-z_]+-\d{1,5}$/ }),
];

/** §4.2: `alb.ingress.kubernetes.io/…`; `resources` says whether a Service may carry it (Service values win, [LBC-IA] L11). */
export const INGRESS_ANNOTATIONS: readonly AnnotationSpec[] = [
  alb('load-balancer-name', 'string', { maxLength: 32, merge: 'EXCLUSIVE', invalidCode: 'LOAD_BALANCER_NAME_TOO_LONG' }),
  alb('group.name', 'string', { invalidCode: 'INVALID_INGRESS_GROUP_NAME', source: '[LBC-IA] L100-141; [LBC-CODE-GL] L23-29' }),
  alb('group.order', 'int', {
    bits: 32,
    min: -1000,
    max: 1000,
    defaultValue: '0',
    invalidCode: 'INVALID_INGRESS_GROUP_ORDER',
    source: '[LBC-IA] L130-137; [LBC-CODE-GL] L289-291',
  }),
  alb('tags', 'stringMap', { resources: INGRESS_AND_SERVICE, merge: 'MERGE' }),
  alb('ip-address-type', 'string', {
    values: ['ipv4', 'dualstack', 'dualstack-without-public-ipv4'],
    defaultValue: 'ipv4',
    merge: 'EXCLUSIVE',
  }),
  alb('scheme', 'string', { values: SCHEMES, defaultValue: 'internal', merge: 'EXCLUSIVE' }),
  alb('subnets', 'stringList', { merge: 'EXCLUSIVE' }),
  alb('security-groups', 'stringList', { merge: 'EXCLUSIVE' }),
  alb('manage-backend-security-group-rules', 'boolean', { merge: 'EXCLUSIVE' }),
  alb('customer-owned-ipv4-pool', 'string', { merge: 'EXCLUSIVE' }),
  alb('load-balancer-attributes', 'stringMap', { merge: 'EXCLUSIVE' }),
  alb('wafv2-acl-arn', 'string', { merge: 'EXCLUSIVE' }),
  alb('wafv2-acl-name', 'string', { merge: 'EXCLUSIVE', source: LBC_CONSTANTS }),
  alb('waf-acl-id', 'string', { merge: 'EXCLUSIVE' }),
  alb('web-acl-id', 'string', { merge: 'EXCLUSIVE', deprecatedFor: 'alb.ingress.kubernetes.io/waf-acl-id', source: LBC_CONSTANTS }),
  alb('shield-advanced-protection', 'boolean', { merge: 'EXCLUSIVE' }),
  alb('listen-ports', 'json', { merge: 'MERGE', defaultValue: '[{"HTTP": 80}]', invalidCode: 'INVALID_LISTEN_PORTS' }),
  alb('ssl-redirect', 'int', { bits: 32, merge: 'EXCLUSIVE' }),
  alb('inbound-cidrs', 'stringList', { merge: 'EXCLUSIVE_PER_PORT', defaultValue: '0.0.0.0/0' }),
  alb('security-group-prefix-lists', 'stringList', { merge: 'EXCLUSIVE_PER_PORT' }),
  alb('certificate-arn', 'stringList', { merge: 'MERGE' }),
  alb('ssl-policy', 'string', { merge: 'EXCLUSIVE_PER_PORT', defaultValue: 'ELBSecurityPolicy-2016-08' }),
  alb('target-type', 'string', {
    resources: INGRESS_AND_SERVICE,
    values: ['instance', 'ip'],
    defaultValue: 'instance',
    invalidCode: 'INVALID_TARGET_TYPE',
  }),
  alb('backend-protocol', 'string', { resources: INGRESS_AND_SERVICE, values: ['HTTP', 'HTTPS'], defaultValue: 'HTTP' }),
  alb('backend-protocol-version', 'string', { resources: INGRESS_AND_SERVICE, values: ['HTTP1', 'HTTP2', 'GRPC'], defaultValue: 'HTTP1' }),
  alb('target-group-attributes', 'stringMap', { resources: INGRESS_AND_SERVICE }),
  alb('healthcheck-port', 'string', { resources: INGRESS_AND_SERVICE, defaultValue: 'traffic-port' }),
  alb('healthcheck-protocol', 'string', {
    resources: INGRESS_AND_SERVICE,
    values: ['HTTP', 'HTTPS'],
    defaultValue: 'HTTP',
    invalidCode: 'UNSUPPORTED_HEALTH_CHECK_PROTOCOL',
  }),
  alb('healthcheck-path', 'string', { resources: INGRESS_AND_SERVICE, defaultValue: '/' }),
  alb('healthcheck-interval-seconds', 'int', { bits: 32, resources: INGRESS_AND_SERVICE, defaultValue: '15' }),
  alb('healthcheck-timeout-seconds', 'int', { bits: 32, resources: INGRESS_AND_SERVICE, defaultValue: '5' }),
  alb('healthy-threshold-count', 'int', { bits: 32, resources: INGRESS_AND_SERVICE, defaultValue: '2' }),
  alb('unhealthy-threshold-count', 'int', { bits: 32, resources: INGRESS_AND_SERVICE, defaultValue: '2' }),
  alb('success-codes', 'string', { resources: INGRESS_AND_SERVICE, defaultValue: '200' }),
  alb('auth-type', 'string', { resources: INGRESS_AND_SERVICE, values: ['none', 'oidc', 'cognito'], defaultValue: 'none' }),
  alb('auth-idp-cognito', 'json', { resources: INGRESS_AND_SERVICE }),
  alb('auth-idp-oidc', 'json', { resources: INGRESS_AND_SERVICE }),
  alb('auth-on-unauthenticated-request', 'string', {
    resources: INGRESS_AND_SERVICE,
    values: ['authenticate', 'allow', 'deny'],
    defaultValue: 'authenticate',
  }),
  alb('auth-scope', 'string', { resources: INGRESS_AND_SERVICE, defaultValue: 'openid' }),
  alb('auth-session-cookie', 'string', { resources: INGRESS_AND_SERVICE, defaultValue: 'AWSELBAuthSessionCookie' }),
  alb('auth-session-timeout', 'int', { resources: INGRESS_AND_SERVICE, defaultValue: '604800' }),
  alb('jwt-validation', 'json'),
  alb('actions.${action-name}', 'json', { suffixPattern: /^actions\.[^/]+$/ }),
  alb('transforms.${transform-name}', 'json', { suffixPattern: /^transforms\.[^/]+$/ }),
  alb('conditions.${condition-name}', 'json', { suffixPattern: /^conditions\.[^/]+$/ }),
  alb('use-regex-path-match', 'boolean'),
  alb('target-node-labels', 'stringMap', { resources: INGRESS_AND_SERVICE }),
  alb('mutual-authentication', 'json', { merge: 'EXCLUSIVE_PER_PORT' }),
  alb('multi-cluster-target-group', 'boolean', { resources: INGRESS_AND_SERVICE }),
  alb('listener-attributes.${Protocol}-${Port}', 'stringMap', {
    suffixPattern: /^listener-attributes\.[A-Za-z]+-\d{1,5}$/,
    merge: 'MERGE',
  }),
  alb('minimum-load-balancer-capacity', 'stringMap', { merge: 'EXCLUSIVE' }),
  alb('ipam-ipv4-pool-id', 'string', { merge: 'EXCLUSIVE' }),
  alb('enable-frontend-nlb', 'boolean', { defaultValue: 'false', merge: 'EXCLUSIVE' }),
  alb('frontend-nlb-scheme', 'string', { values: SCHEMES, defaultValue: 'internal', merge: 'EXCLUSIVE' }),
  alb('frontend-nlb-subnets', 'stringList', { merge: 'EXCLUSIVE' }),
  alb('frontend-nlb-security-groups', 'stringList', { merge: 'EXCLUSIVE' }),
  alb('frontend-nlb-tags', 'stringMap', { merge: 'EXCLUSIVE', source: LBC_CONSTANTS }),
  alb('frontend-nlb-listener-port-mapping', 'stringMap', { merge: 'MERGE' }),
  alb('frontend-nlb-healthcheck-port', 'string', { defaultValue: 'traffic-port' }),
  alb('frontend-nlb-healthcheck-protocol', 'string', {
    values: ['HTTP', 'HTTPS'],
    defaultValue: 'HTTP',
    invalidCode: 'UNSUPPORTED_HEALTH_CHECK_PROTOCOL',
  }),
  alb('frontend-nlb-healthcheck-path', 'string', { defaultValue: '/' }),
  alb('frontend-nlb-healthcheck-interval-seconds', 'int', { bits: 32, defaultValue: '15', source: LBC_CONSTANTS }),
  alb('frontend-nlb-healthcheck-timeout-seconds', 'int', { bits: 32, defaultValue: '5', source: LBC_CONSTANTS }),
  alb('frontend-nlb-healthcheck-healthy-threshold-count', 'int', { bits: 32, defaultValue: '3', source: LBC_CONSTANTS }),
  alb('frontend-nlb-healthcheck-unhealthy-threshold-count', 'int', { bits: 32, defaultValue: '3', source: LBC_CONSTANTS }),
  alb('frontend-nlb-healthcheck-success-codes', 'string', { defaultValue: '200', source: LBC_CONSTANTS }),
  alb('frontend-nlb-eip-allocations', 'stringList', { merge: 'EXCLUSIVE' }),
  alb('frontend-nlb-attributes', 'stringMap', { merge: 'EXCLUSIVE' }),
  alb('target-control-port.${service}.${port}', 'int', { bits: 32, suffixPattern: /^target-control-port\.[^/]+\.[^/.]+$/ }),
  alb('create-acm-cert', 'string', { source: LBC_CONSTANTS }),
  alb('acm-pca-arn', 'string', { source: LBC_CONSTANTS }),
];

const ALL_SPECS: readonly AnnotationSpec[] = [...SERVICE_ANNOTATIONS, ...INGRESS_ANNOTATIONS];
const EXACT = new Map(ALL_SPECS.filter((spec) => !spec.suffixPattern).map((spec) => [spec.key, spec]));
const PATTERNED = ALL_SPECS.filter((spec) => spec.suffixPattern);

/** The prefixes this catalogue is authoritative for; other annotations are not ours to judge. */
export function catalogPrefixOf(key: string): string | undefined {
  if (key.startsWith(SERVICE_ANNOTATION_PREFIX)) return SERVICE_ANNOTATION_PREFIX;
  if (key.startsWith(INGRESS_ANNOTATION_PREFIX)) return INGRESS_ANNOTATION_PREFIX;
  return undefined;
}

export function findAnnotationSpec(key: string): AnnotationSpec | undefined {
  const exact = EXACT.get(key);
  if (exact) return exact;
  const prefix = catalogPrefixOf(key);
  if (!prefix) return undefined;
  const suffix = key.slice(prefix.length);
  return PATTERNED.find((spec) => spec.key.startsWith(prefix) && spec.suffixPattern!.test(suffix));
}

export function annotationSpec(key: string): AnnotationSpec {
  const spec = findAnnotationSpec(key);
  if (!spec) throw new Error(`annotation ${key} is not in the catalogue`);
  return spec;
}

/** The stem of a patterned key (`actions.`), so `action.foo` can be corrected to `actions.foo`. */
function patternStem(spec: AnnotationSpec, prefix: string): string {
  const suffix = spec.key.slice(prefix.length);
  return suffix.slice(0, suffix.indexOf('.') + 1);
}

/**
 * The known key an unknown one most likely meant, or undefined when nothing is close. Closeness allows about one
 * edit per six characters (minimum two), which catches dropped letters and swapped words without matching unrelated keys.
 */
export function suggestAnnotation(key: string): string | undefined {
  const prefix = catalogPrefixOf(key);
  if (!prefix) return undefined;
  const suffix = key.slice(prefix.length);
  // `service.beta.kubernetes.io/scheme` lacks the `aws-load-balancer-` part of every NLB key.
  if (prefix === SERVICE_ANNOTATION_PREFIX && EXACT.has(prefix + 'aws-load-balancer-' + suffix)) {
    return prefix + 'aws-load-balancer-' + suffix;
  }
  // An Ingress annotation written with the Service prefix (or the reverse).
  const otherPrefix = prefix === SERVICE_ANNOTATION_PREFIX ? INGRESS_ANNOTATION_PREFIX : SERVICE_ANNOTATION_PREFIX;
  if (findAnnotationSpec(otherPrefix + suffix)) return otherPrefix + suffix;
  const allowed = Math.max(2, Math.floor(suffix.length / 6));
  let best: { candidate: string; cost: number } | undefined;
  const consider = (candidate: string, cost: number): void => {
    if (cost <= allowed && (!best || cost < best.cost)) best = { candidate, cost };
  };
  for (const spec of EXACT.values()) {
    if (spec.key.startsWith(prefix)) consider(spec.key, distance(suffix, spec.key.slice(prefix.length)));
  }
  const dot = suffix.indexOf('.');
  if (dot > 0) {
    const stem = suffix.slice(0, dot + 1);
    for (const spec of PATTERNED) {
      if (!spec.key.startsWith(prefix)) continue;
      const knownStem = patternStem(spec, prefix);
      if (knownStem) consider(prefix + knownStem + suffix.slice(dot + 1), distance(stem, knownStem));
    }
  }
  return best?.candidate;
}

/**
 * Prefixes one slip away from the two the controllers read. The LBC looks annotations up by exact `prefix/suffix`
 * ([LBC-CODE-PARSER] L186-202 buildAnnotationKeys), with `alb.ingress.kubernetes.io` for Ingresses (LBC
 * pkg/annotations/constants.go L14) and only `service.beta.kubernetes.io` for Services (LBC
 * controllers/service/service_controller.go L41, although a stale comment in constants.go L87 also names
 * `service.kubernetes.io`), so a key under any of these is silently ignored.
 */
const NEAR_MISS_PREFIXES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^alb\.ingress\.kubernetes\.io[.:]/, INGRESS_ANNOTATION_PREFIX],
  [/^alb\.ingress\.k8s\.aws\//, INGRESS_ANNOTATION_PREFIX],
  [/^service\.beta\.kubernetes\.io[.:]/, SERVICE_ANNOTATION_PREFIX],
  [/^service\.kubernetes\.io\//, SERVICE_ANNOTATION_PREFIX],
];
const KNOWN_PREFIX_DOMAINS = [INGRESS_ANNOTATION_PREFIX, SERVICE_ANNOTATION_PREFIX];

/**
 * For a key outside both catalogue prefixes whose prefix is a near miss of one (a dot for the slash, `k8s.aws`,
 * no `beta`, a letter or two off) and whose suffix is a known annotation there: the key that was meant.
 */
export function nearMissAnnotationKey(key: string): string | undefined {
  if (catalogPrefixOf(key)) return undefined;
  for (const [pattern, prefix] of NEAR_MISS_PREFIXES) {
    const match = pattern.exec(key);
    if (match) return knownOrSuggested(prefix + key.slice(match[0].length));
  }
  const slash = key.indexOf('/');
  if (slash <= 0) return undefined;
  const domain = key.slice(0, slash + 1);
  const prefix = KNOWN_PREFIX_DOMAINS.find((known) => distance(domain, known) <= 2);
  return prefix ? knownOrSuggested(prefix + key.slice(slash + 1)) : undefined;
}

function knownOrSuggested(key: string): string | undefined {
  return findAnnotationSpec(key) ? key : suggestAnnotation(key);
}

/** Every exact key, for tests and documentation. */
export function knownAnnotationKeys(): string[] {
  return [...EXACT.keys()];
}
