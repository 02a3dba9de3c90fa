/**
 * IngressGroup checks (exposure.md §3): one ALB per group; an Exclusive annotation with two values, a bad
 * group.order or two default backends makes the controller fail the ENTIRE group ("no updates will be applied to any
 * member", [LBC-IA] L113-116). Ingresses with the same explicit group name share an ALB; every other Ingress is a
 * group of its own (implicit group).
 */
import { INGRESS_ANNOTATIONS, type AnnotationSpec } from './annotation-catalog.data.js';
import { INGRESS_ANNOTATION_PREFIX as ALB } from '../kubernetes/load-balancer-controller.js';
import { parseGoInt, parseJson, parseStringMap, splitList } from './annotation-value.parser.js';
import { INGRESS_GROUP_ORDER_RANGE, groupNameProblem } from '../kubernetes/load-balancer-controller.js';
import { annotationPath, type FindingCollector } from './lint-findings.collector.js';
import type { PathSegment } from './manifest-documents.parser.js';
import type { IngressView, ManifestIndex } from './manifest.index.js';

export interface IngressGroup {
  /** Explicit group name, or `<namespace>/<name>` for an implicit group. */
  id: string;
  explicit: boolean;
  members: IngressView[];
}

const GROUP_NAME_KEY = `${ALB}group.name`;
const GROUP_ORDER_KEY = `${ALB}group.order`;
const WHOLE_GROUP = 'the controller fails the entire IngressGroup until this is resolved: no member is updated';

/** Groups of the Ingresses the LBC manages, members in the controller's order (group.order, then namespace/name). */
export function buildIngressGroups(index: ManifestIndex, findings?: FindingCollector): IngressGroup[] {
  const groups = new Map<string, IngressGroup>();
  for (const ingress of index.ingresses.filter((candidate) => candidate.managed)) {
    const annotationName = ingress.annotations.get(GROUP_NAME_KEY);
    const paramsName = ingress.params?.groupName;
    if (paramsName !== undefined && annotationName !== undefined && paramsName !== annotationName) {
      findings?.report(ingress.resource, {
        code: 'GROUP_NAME_OVERRIDDEN_BY_CLASS_PARAMS',
        path: annotationPath(GROUP_NAME_KEY),
        message: `IngressClassParams ${ingress.params!.name} sets group ${paramsName}, which takes priority over this annotation (${annotationName}).`,
      });
    }
    const explicitName = paramsName ?? annotationName;
    if (explicitName !== undefined) {
      const problem = groupNameProblem(explicitName);
      if (problem) {
        findings?.report(ingress.resource, {
          code: 'INVALID_INGRESS_GROUP_NAME',
          path: annotationPath(GROUP_NAME_KEY),
          message: `invalid ingress group: ${problem} ("${explicitName}"); the Ingress is not reconciled.`,
        });
        continue;
      }
    }
    const id = explicitName ?? `${ingress.resource.namespace}/${ingress.resource.name}`;
    const key = `${explicitName !== undefined ? 'explicit' : 'implicit'}:${id}`;
    const group = groups.get(key) ?? { id, explicit: explicitName !== undefined, members: [] };
    group.members.push(ingress);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.members.sort(compareMembers);
  return [...groups.values()];
}

function orderOf(ingress: IngressView): number {
  return parseGoInt(ingress.annotations.get(GROUP_ORDER_KEY) ?? '0') ?? 0;
}

function key(ingress: IngressView): string {
  return `${ingress.resource.namespace}/${ingress.resource.name}`;
}

function compareMembers(a: IngressView, b: IngressView): number {
  return orderOf(a) - orderOf(b) || key(a).localeCompare(key(b));
}

export function lintIngressGroups(index: ManifestIndex, findings: FindingCollector): void {
  if (index.context.controller === 'CCM_ONLY') return;
  for (const group of buildIngressGroups(index, findings)) {
    lintOrder(group, findings);
    lintExclusive(group, findings);
    lintListenerConflicts(group, findings);
    lintDefaultBackends(group, findings);
    lintSharing(group, findings);
    lintIpFamily(group, index, findings);
  }
}

function lintOrder(group: IngressGroup, findings: FindingCollector): void {
  const explicitOrders = new Map<number, IngressView[]>();
  for (const member of group.members) {
    const raw = member.annotations.get(GROUP_ORDER_KEY);
    if (raw === undefined) continue;
    const order = parseGoInt(raw);
    if (order === undefined) {
      findings.report(member.resource, {
        code: 'INVALID_INGRESS_GROUP_ORDER',
        path: annotationPath(GROUP_ORDER_KEY),
        message: `failed to load Ingress group order for ingress: ${key(member)}: "${raw}" is not an integer; ${WHOLE_GROUP} (${group.id}).`,
      });
      continue;
    }
    if (order < INGRESS_GROUP_ORDER_RANGE.min || order > INGRESS_GROUP_ORDER_RANGE.max) {
      findings.report(member.resource, {
        code: 'INVALID_INGRESS_GROUP_ORDER',
        path: annotationPath(GROUP_ORDER_KEY),
        message: `explicit Ingress group order must be within [-1000:1000], Ingress: ${key(member)}, order: ${order}; ${WHOLE_GROUP} (${group.id}).`,
      });
      continue;
    }
    explicitOrders.set(order, [...(explicitOrders.get(order) ?? []), member]);
  }
  if (!group.explicit) return;
  for (const [order, members] of explicitOrders) {
    if (members.length < 2) continue;
    for (const member of members) {
      findings.report(member.resource, {
        code: 'DUPLICATE_INGRESS_GROUP_ORDER',
        path: annotationPath(GROUP_ORDER_KEY),
        message: `group.order ${order} is shared by ${members.map(key).join(', ')} in group ${group.id}; ties are broken by namespace/name, so rule priority depends on names. Give each Ingress its own order.`,
      });
    }
  }
}

/** IngressClassParams fields that replace the annotation for members of that class ([LBC-CODE-ILB] buildLoadBalancerScheme). */
function paramsValue(member: IngressView, suffix: string): string | undefined {
  if (suffix === 'scheme') return member.params?.scheme;
  if (suffix === 'ip-address-type') return member.params?.ipAddressType;
  return undefined;
}

function normalize(spec: AnnotationSpec, raw: string): string {
  if (spec.type === 'stringList') {
    const items = splitList(raw);
    // cmp.Equal on security groups is order-sensitive upstream; subnets and others compare as sets.
    return (spec.key.endsWith('/security-groups') ? items : [...items].sort()).join(',');
  }
  return raw.trim();
}

function lintExclusive(group: IngressGroup, findings: FindingCollector): void {
  if (group.members.length < 2) return;
  for (const spec of INGRESS_ANNOTATIONS.filter((candidate) => candidate.merge === 'EXCLUSIVE')) {
    const suffix = spec.key.slice(ALB.length);
    if (spec.type === 'stringMap') {
      lintExclusiveMap(group, spec, findings);
      continue;
    }
    const holders = new Map<string, IngressView[]>();
    for (const member of group.members) {
      const raw = paramsValue(member, suffix) ?? member.annotations.get(spec.key);
      if (raw === undefined) continue;
      const value = normalize(spec, raw);
      holders.set(value, [...(holders.get(value) ?? []), member]);
    }
    if (holders.size < 2) continue;
    const scheme = suffix === 'scheme';
    const summary = [...holders.entries()].map(([value, members]) => `${members.map(key).join(', ')}: ${value}`).join(' | ');
    for (const members of holders.values()) {
      for (const member of members) {
        findings.report(member.resource, {
          code: scheme ? 'INGRESS_GROUP_SCHEME_CONFLICT' : 'INGRESS_GROUP_CONFLICT',
          path: annotationPath(spec.key),
          message: `conflicting ${suffix} in IngressGroup ${group.id}: ${summary}; ${WHOLE_GROUP}.${scheme ? ' One group is one ALB with one scheme; changing it replaces the ALB (LBC #2020).' : ''}`,
        });
      }
    }
  }
}

function lintExclusiveMap(group: IngressGroup, spec: AnnotationSpec, findings: FindingCollector): void {
  const byAttribute = new Map<string, Map<string, IngressView[]>>();
  for (const member of group.members) {
    const raw = member.annotations.get(spec.key);
    const parsed = raw === undefined ? undefined : parseStringMap(raw);
    for (const [attribute, value] of parsed ?? []) {
      const values = byAttribute.get(attribute) ?? new Map<string, IngressView[]>();
      values.set(value, [...(values.get(value) ?? []), member]);
      byAttribute.set(attribute, values);
    }
  }
  for (const [attribute, values] of byAttribute) {
    if (values.size < 2) continue;
    const summary = [...values.entries()].map(([value, members]) => `${members.map(key).join(', ')}: ${value}`).join(' | ');
    for (const member of [...values.values()].flat()) {
      findings.report(member.resource, {
        code: 'INGRESS_GROUP_CONFLICT',
        path: annotationPath(spec.key),
        message: `conflicting ${spec.key.slice(ALB.length)} ${attribute} in IngressGroup ${group.id}: ${summary}; ${WHOLE_GROUP}.`,
      });
    }
  }
}

interface PortSetting {
  label: string;
  annotation: string;
  httpsOnly: boolean;
  read: (member: IngressView) => string | undefined;
}

/** Listener settings merged per port (LBC mergeListenPortConfigs): one value per port across the group. */
const PORT_SETTINGS: readonly PortSetting[] = [
  {
    label: 'inbound-cidrs',
    annotation: `${ALB}inbound-cidrs`,
    httpsOnly: false,
    read: (m) => setOf(m.annotations.get(`${ALB}inbound-cidrs`)),
  },
  {
    label: 'inbound-prefix-lists',
    annotation: `${ALB}security-group-prefix-lists`,
    httpsOnly: false,
    read: (m) => setOf(m.annotations.get(`${ALB}security-group-prefix-lists`)),
  },
  { label: 'sslPolicy', annotation: `${ALB}ssl-policy`, httpsOnly: true, read: (m) => m.annotations.get(`${ALB}ssl-policy`)?.trim() },
  {
    label: 'mTLS Attributes',
    annotation: `${ALB}mutual-authentication`,
    httpsOnly: true,
    read: (m) => canonicalJson(m.annotations.get(`${ALB}mutual-authentication`)),
  },
];

function setOf(raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : [...new Set(splitList(raw))].sort().join(',');
}

function canonicalJson(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = parseJson(raw);
  return parsed.ok ? JSON.stringify(parsed.value) : raw;
}

function lintListenerConflicts(group: IngressGroup, findings: FindingCollector): void {
  const byPort = new Map<number, Array<{ member: IngressView; protocol: 'HTTP' | 'HTTPS' }>>();
  for (const member of group.members) {
    for (const [port, protocol] of member.listenPorts ?? []) byPort.set(port, [...(byPort.get(port) ?? []), { member, protocol }]);
  }
  for (const [port, entries] of byPort) {
    if (entries.length < 2) continue;
    const protocols = new Set(entries.map((entry) => entry.protocol));
    if (protocols.size > 1) {
      const summary = entries.map((entry) => `${key(entry.member)}: ${entry.protocol}`).join(' | ');
      for (const entry of entries) {
        findings.report(entry.member.resource, {
          code: 'INGRESS_GROUP_LISTENER_CONFLICT',
          path: annotationPath(`${ALB}listen-ports`),
          message: `failed to merge listenPort config for port: ${port}: conflicting protocol, ${summary}; ${WHOLE_GROUP} (${group.id}).`,
        });
      }
      continue;
    }
    const https = protocols.has('HTTPS');
    for (const setting of PORT_SETTINGS) {
      if (setting.httpsOnly && !https) continue;
      const values = entries
        .map((entry) => ({ member: entry.member, value: setting.read(entry.member) }))
        .filter((entry) => entry.value !== undefined);
      if (new Set(values.map((entry) => entry.value)).size < 2) continue;
      const summary = values.map((entry) => `${key(entry.member)}: ${entry.value}`).join(' | ');
      for (const entry of values) {
        findings.report(entry.member.resource, {
          code: 'INGRESS_GROUP_LISTENER_CONFLICT',
          path: annotationPath(setting.annotation),
          message: `failed to merge listenPort config for port: ${port}: conflicting ${setting.label}, ${summary}; ${WHOLE_GROUP} (${group.id}).`,
        });
      }
    }
  }
  lintSslRedirect(group, byPort, findings);
}

function lintSslRedirect(
  group: IngressGroup,
  byPort: Map<number, Array<{ protocol: 'HTTP' | 'HTTPS' }>>,
  findings: FindingCollector,
): void {
  const redirectKey = `${ALB}ssl-redirect`;
  for (const member of group.members) {
    const raw = member.annotations.get(redirectKey);
    const port = raw === undefined ? undefined : parseGoInt(raw);
    if (port === undefined) continue;
    const listener = byPort.get(port);
    if (!listener) {
      findings.report(member.resource, {
        code: 'SSL_REDIRECT_PORT_INVALID',
        path: annotationPath(redirectKey),
        message: `listener does not exist for SSLRedirect port: ${port} in IngressGroup ${group.id}.`,
        rule: '§4.2',
      });
    } else if (!listener.some((entry) => entry.protocol === 'HTTPS')) {
      findings.report(member.resource, {
        code: 'SSL_REDIRECT_PORT_INVALID',
        path: annotationPath(redirectKey),
        message: `listener protocol non-SSL for SSLRedirect port: ${port} in IngressGroup ${group.id}.`,
        rule: '§4.2',
      });
    }
  }
}

function lintDefaultBackends(group: IngressGroup, findings: FindingCollector): void {
  const withDefault = group.members.filter((member) => member.hasDefaultBackend);
  if (withDefault.length < 2) return;
  for (const member of withDefault) {
    findings.report(member.resource, {
      code: 'INGRESS_GROUP_MULTIPLE_DEFAULT_BACKENDS',
      path: ['spec', 'defaultBackend'],
      message: `multiple ingress defined default backend: [${withDefault.map(key).join(' ')}] in IngressGroup ${group.id}; ${WHOLE_GROUP}.`,
    });
  }
}

function lintSharing(group: IngressGroup, findings: FindingCollector): void {
  if (!group.explicit || group.members.length < 2) return;
  const first = group.members[0];
  const namespaces = [...new Set(group.members.map((member) => member.resource.namespace))];
  if (namespaces.length > 1) {
    findings.report(first.resource, {
      code: 'INGRESS_GROUP_SPANS_NAMESPACES',
      path: annotationPath(GROUP_NAME_KEY),
      message: `IngressGroup ${group.id} spans namespaces ${namespaces.join(', ')}: anyone who can edit an Ingress can join the group and override its rules, so keep a group inside one trust boundary.`,
    });
  }
  const classes = [...new Set(group.members.map((member) => member.className ?? '(default)'))];
  if (classes.length > 1) {
    findings.report(first.resource, {
      code: 'INGRESS_GROUP_MIXED_CLASSES',
      path: ['spec', 'ingressClassName'],
      message: `IngressGroup ${group.id} mixes IngressClasses ${classes.join(', ')}; their IngressClassParams (scheme, group, subnets) apply per member and can conflict inside the one ALB.`,
    });
  }
  const declared = group.members.filter((member) => member.listenPortsDeclared);
  if (declared.length === 0 || declared.length === group.members.length) return;
  const declaredPorts = new Set(declared.flatMap((member) => [...(member.listenPorts?.keys() ?? [])]));
  for (const member of group.members.filter((candidate) => !candidate.listenPortsDeclared)) {
    const own = [...(member.listenPorts?.keys() ?? [])];
    const missing = [...declaredPorts].filter((port) => !own.includes(port));
    if (missing.length === 0) continue;
    findings.report(member.resource, {
      code: 'INGRESS_GROUP_LISTEN_PORTS_DIFFER',
      path: ['metadata', 'annotations'],
      message: `Other members of IngressGroup ${group.id} listen on ${[...declaredPorts].join(', ')}, but this Ingress declares no listen-ports, so its rules attach only to port ${own.join(', ')} and not to ${missing.join(', ')}. Declare listen-ports on every member.`,
    });
  }
}

function lintIpFamily(group: IngressGroup, index: ManifestIndex, findings: FindingCollector): void {
  const backendsIpv6 = group.members.some((member) =>
    member.backends.some((backend) => index.service(member.resource.namespace, backend.serviceName)?.ipv6 === true),
  );
  if (index.context.ipFamily !== 'IPV6' && !backendsIpv6) return;
  const explicit = group.members
    .map((member) => paramsValue(member, 'ip-address-type') ?? member.annotations.get(`${ALB}ip-address-type`))
    .filter((value): value is string => value !== undefined);
  const effective = explicit.length > 0 ? explicit[0] : 'ipv4';
  if (effective.startsWith('dualstack')) return;
  for (const member of group.members) {
    const path: PathSegment[] = member.annotations.has(`${ALB}ip-address-type`)
      ? annotationPath(`${ALB}ip-address-type`)
      : ['metadata', 'annotations'];
    findings.report(member.resource, {
      code: 'IPV6_REQUIRES_DUALSTACK',
      path,
      message: 'unsupported IPv6 configuration, lb not dual-stack: set alb.ingress.kubernetes.io/ip-address-type: dualstack.',
    });
  }
}
