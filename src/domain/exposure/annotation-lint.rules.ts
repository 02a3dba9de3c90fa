/**
 * Annotation checks on every Service and Ingress: unknown or misspelled keys (with a did-you-mean), values of the wrong
 * form, annotations the reconciling controller does not read, and deprecated ones (exposure.md §4).
 */
import { isValidCidr } from '../network/cidr.js';
import { INGRESS_ANNOTATION_PREFIX as ALB, SERVICE_ANNOTATION_PREFIX as SVC } from '../kubernetes/load-balancer-controller.js';
import {
  catalogPrefixOf,
  findAnnotationSpec,
  nearMissAnnotationKey,
  suggestAnnotation,
  type AnnotationOwner,
  type AnnotationResource,
  type AnnotationSpec,
} from './annotation-catalog.data.js';
import { checkAnnotationValue, parseGoBool, parseListenPorts, parseStringMap, splitList } from './annotation-value.parser.js';
import { annotationPath, type FindingCollector } from './lint-findings.collector.js';
import { isRecord, type K8sResource } from './manifest-documents.parser.js';
import type { ManifestIndex, Reconciler } from './manifest.index.js';

/** Checked by the IngressGroup rules, which know the whole group. */
const GROUP_KEYS = new Set([`${ALB}group.name`, `${ALB}group.order`]);
const CIDR_LISTS = new Set([`${SVC}load-balancer-source-ranges`, `${ALB}inbound-cidrs`]);

export function lintAnnotations(index: ManifestIndex, findings: FindingCollector): void {
  for (const service of index.services) {
    lintObjectAnnotations(service.resource, 'Service', service.reconciler, findings);
  }
  // Ingresses of another class are not read by the LBC at all; the Ingress rules say so once instead.
  for (const ingress of index.ingresses.filter((candidate) => candidate.managed)) {
    lintObjectAnnotations(ingress.resource, 'Ingress', 'LBC', findings);
  }
}

function lintObjectAnnotations(resource: K8sResource, kind: AnnotationResource, reconciler: Reconciler, findings: FindingCollector): void {
  const metadata = isRecord(resource.object.metadata) ? resource.object.metadata : {};
  if (metadata.annotations !== undefined && metadata.annotations !== null && !isRecord(metadata.annotations)) {
    findings.report(resource, {
      code: 'ANNOTATIONS_NOT_A_MAP',
      path: ['metadata', 'annotations'],
      message: 'metadata.annotations must be a map of string keys to string values.',
    });
    return;
  }
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  for (const [key, rawValue] of Object.entries(annotations)) {
    const path = annotationPath(key);
    if (rawValue !== null && rawValue !== undefined && typeof rawValue !== 'string') {
      // The apiserver rejects the whole object: annotations are map[string]string.
      findings.report(resource, {
        code: 'ANNOTATION_VALUE_NOT_STRING',
        path,
        message: `${key}: the value ${JSON.stringify(rawValue)} is a YAML ${typeof rawValue}; annotation values must be strings, so quote it ("${String(rawValue)}").`,
      });
    }
    if (!catalogPrefixOf(key)) {
      reportNearMissPrefix(resource, key, findings);
      continue;
    }
    const value = rawValue === null || rawValue === undefined ? '' : String(rawValue);
    const spec = findAnnotationSpec(key);
    if (!spec) {
      reportUnknown(resource, key, findings);
      continue;
    }
    if (!spec.resources.includes(kind)) {
      findings.report(resource, {
        code: 'ANNOTATION_NOT_READ_HERE',
        severity: 'WARNING',
        path,
        message: `${key} is read from ${spec.resources.join(' and ')} objects, not from a ${kind}; it has no effect here.`,
        rule: kind === 'Service' ? '§4.2' : '§4.1',
      });
      continue;
    }
    const owner = ownerFor(spec, kind, reconciler);
    if (kind === 'Service' && (reconciler === 'LBC' || reconciler === 'CCM') && key.startsWith(SVC) && !spec.owners.includes(reconciler)) {
      reportIgnored(resource, key, value, reconciler, findings);
      continue;
    }
    if (spec.deprecatedFor && owner === 'LBC' && reconciler === 'LBC') {
      findings.report(resource, {
        code: 'DEPRECATED_ANNOTATION',
        severity: 'WARNING',
        path,
        message: `${key} is deprecated; use ${spec.deprecatedFor}.`,
        rule: '§4',
      });
    }
    if (GROUP_KEYS.has(key)) continue;
    const problem = checkValue(spec, key, value, owner);
    if (problem)
      findings.report(resource, {
        code: problem.code,
        path,
        message: problem.message,
        ...(problem.severity ? { severity: problem.severity } : {}),
      });
  }
}

function ownerFor(spec: AnnotationSpec, kind: AnnotationResource, reconciler: Reconciler): AnnotationOwner {
  if (kind === 'Service' && reconciler === 'CCM' && spec.owners.includes('CCM')) return 'CCM';
  return spec.owners.includes('LBC') ? 'LBC' : 'CCM';
}

function reportUnknown(resource: K8sResource, key: string, findings: FindingCollector): void {
  const suggestion = suggestAnnotation(key);
  // A near miss of a known key is almost certainly a typo: the setting it meant is silently not applied.
  findings.report(resource, {
    code: 'UNKNOWN_ANNOTATION',
    severity: suggestion ? 'ERROR' : 'WARNING',
    path: annotationPath(key),
    message: suggestion
      ? `${key} is not an annotation the load-balancer controllers read; did you mean ${suggestion}?`
      : `${key} is not an annotation the AWS Load Balancer Controller or the in-tree controller reads; it has no effect.`,
    rule: '§4',
  });
}

/** Outside both prefixes, so possibly another controller's key: a WARNING, with the key the LBC would read. */
function reportNearMissPrefix(resource: K8sResource, key: string, findings: FindingCollector): void {
  const meant = nearMissAnnotationKey(key);
  if (!meant) return;
  findings.report(resource, {
    code: 'UNKNOWN_ANNOTATION',
    severity: 'WARNING',
    path: annotationPath(key),
    message: `${key} is not read by the load-balancer controllers, which look annotations up by their exact prefix; did you mean ${meant}?`,
    rule: '§4',
  });
}

function reportIgnored(resource: K8sResource, key: string, value: string, reconciler: 'LBC' | 'CCM', findings: FindingCollector): void {
  const path = annotationPath(key);
  if (reconciler === 'CCM' && key === `${SVC}aws-load-balancer-scheme` && value === 'internal') {
    findings.report(resource, {
      code: 'SCHEME_IGNORED_BY_IN_TREE_CONTROLLER',
      path,
      message:
        'The in-tree controller does not read aws-load-balancer-scheme, so this load balancer will be internet-facing; use service.beta.kubernetes.io/aws-load-balancer-internal: "true" (or hand the Service to the AWS Load Balancer Controller).',
      rule: '§0',
    });
    return;
  }
  findings.report(resource, {
    code: 'ANNOTATION_IGNORED',
    severity: 'WARNING',
    path,
    message:
      reconciler === 'CCM'
        ? `${key} is only read by the AWS Load Balancer Controller; the in-tree controller reconciling this Service ignores it.`
        : `${key} is only read by the in-tree controller; the AWS Load Balancer Controller reconciling this Service ignores it.`,
    rule: '§4.3',
  });
}

interface Problem {
  code: string;
  message: string;
  severity?: 'ERROR' | 'WARNING';
}

function checkValue(spec: AnnotationSpec, key: string, value: string, owner: AnnotationOwner): Problem | undefined {
  if (key === `${SVC}aws-load-balancer-proxy-protocol` && owner === 'CCM' && value !== '*') {
    // [CCM-AWS] L2567-2570
    return {
      code: 'INVALID_PROXY_PROTOCOL_VALUE',
      message: `annotation "${key}"="${value}" detected, but the only value supported currently is '*'`,
    };
  }
  const generic = checkAnnotationValue(spec, key, value, owner);
  if (generic) return generic;
  if (key === `${SVC}aws-load-balancer-type` && value === 'nlb-ip') {
    return {
      code: 'DEPRECATED_ANNOTATION',
      severity: 'WARNING',
      message:
        'aws-load-balancer-type: nlb-ip is deprecated; use spec.loadBalancerClass: service.k8s.aws/nlb (or type external) with aws-load-balancer-nlb-target-type: ip.',
    };
  }
  if (CIDR_LISTS.has(key)) {
    const bad = splitList(value).filter((cidr) => !isValidCidr(cidr));
    if (bad.length > 0)
      return {
        code: 'INVALID_ANNOTATION_VALUE',
        message: `${key}: ${bad.join(', ')} ${bad.length === 1 ? 'is not a CIDR block' : 'are not CIDR blocks'}.`,
      };
  }
  if (key === `${ALB}listen-ports`) {
    const parsed = parseListenPorts(value);
    if (parsed.problem) return { code: 'INVALID_LISTEN_PORTS', message: parsed.problem };
  }
  if (key === `${SVC}aws-load-balancer-target-group-attributes` || key === `${ALB}target-group-attributes`) {
    const preserve = parseStringMap(value)?.get('preserve_client_ip.enabled');
    if (preserve !== undefined && parseGoBool(preserve) === undefined) {
      return { code: 'INVALID_ANNOTATION_VALUE', message: `failed to parse attribute preserve_client_ip.enabled=${preserve}` };
    }
  }
  if (key === `${SVC}aws-load-balancer-eip-allocations` || key === `${ALB}frontend-nlb-eip-allocations`) {
    const odd = splitList(value).filter((id) => !/^eipalloc-[0-9a-f]{8,17}$/.test(id));
    if (odd.length > 0) {
      return {
        code: 'EIP_ALLOCATION_ID_FORMAT',
        severity: 'WARNING',
        message: `${odd.join(', ')} ${odd.length === 1 ? 'does' : 'do'} not look like an Elastic IP allocation ID (eipalloc-…); replace placeholders before applying.`,
      };
    }
  }
  return undefined;
}
