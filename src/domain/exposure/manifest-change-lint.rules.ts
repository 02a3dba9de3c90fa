/**
 * Changes against the manifests as applied that replace, orphan or silently re-home load balancers:
 * V-LBTYPE-MUTATE, V-LBCLASS (changed later), W-SCHEME-CHANGE, and moving an Ingress between groups ([LBC-IA] L118-125).
 */
import { INGRESS_ANNOTATION_PREFIX as ALB, SERVICE_ANNOTATION_PREFIX as SVC } from '../kubernetes/load-balancer-controller.js';
import { LBC_LOAD_BALANCER_CLASS } from '../kubernetes/load-balancer-controller.js';
import { buildIngressGroups } from './ingress-group-lint.rules.js';
import { annotationPath, type FindingCollector } from './lint-findings.collector.js';
import type { ManifestIndex, ServiceView } from './manifest.index.js';

const TYPE_KEY = `${SVC}aws-load-balancer-type`;

export function lintChanges(current: ManifestIndex, previous: ManifestIndex, findings: FindingCollector): void {
  for (const service of current.services) {
    const before = previous.service(service.resource.namespace, service.resource.name);
    if (before) lintServiceChange(before, service, findings);
  }
  lintIngressChanges(current, previous, findings);
}

/** The class the object in the cluster carries: the webhook added it on create and preserves it on update. */
function effectiveClass(service: ServiceView): string | undefined {
  return service.loadBalancerClass ?? (service.viaWebhook ? LBC_LOAD_BALANCER_CLASS : undefined);
}

function lintServiceChange(before: ServiceView, after: ServiceView, findings: FindingCollector): void {
  const wasLoadBalancer = before.type === 'LoadBalancer';
  const typeBefore = before.annotations.get(TYPE_KEY);
  const typeAfter = after.annotations.get(TYPE_KEY);
  if (wasLoadBalancer && typeBefore !== typeAfter) {
    findings.report(after.resource, {
      code: 'LOAD_BALANCER_TYPE_CHANGED',
      path: annotationPath(TYPE_KEY),
      message: `aws-load-balancer-type changes from ${typeBefore ?? '(unset)'} to ${typeAfter ?? '(unset)'} on an existing Service. Do not add or modify this annotation on an existing Service: it can result in leaked AWS resources or expose the NLB to the internet. Delete and recreate the Service instead.`,
    });
  }
  const classBefore = effectiveClass(before);
  const classAfter = effectiveClass(after);
  if (wasLoadBalancer && after.type === 'LoadBalancer' && classAfter !== undefined && classBefore !== classAfter) {
    findings.report(after.resource, {
      code: 'LOAD_BALANCER_CLASS_CHANGED',
      path: ['spec', 'loadBalancerClass'],
      message: `spec.loadBalancerClass changes from ${classBefore ?? '(unset)'} to ${classAfter}: once set it cannot be changed (and it cannot be added to an existing LoadBalancer Service). Delete and recreate the Service.`,
    });
  }
  if (before.scheme && after.scheme && before.scheme !== after.scheme && before.reconciler === after.reconciler) {
    findings.report(after.resource, {
      code: 'SCHEME_CHANGE_REPLACES_LOAD_BALANCER',
      path: ['metadata', 'annotations'],
      message: `The scheme changes from ${before.scheme} to ${after.scheme}: the controller creates a replacement load balancer with a new DNS name and addresses.`,
    });
  }
}

function groupScheme(members: readonly { annotations: Map<string, string>; params?: { scheme?: string } }[]): string {
  for (const member of members) {
    const value = member.params?.scheme ?? member.annotations.get(`${ALB}scheme`);
    if (value !== undefined) return value;
  }
  return 'internal';
}

function lintIngressChanges(current: ManifestIndex, previous: ManifestIndex, findings: FindingCollector): void {
  const previousGroups = buildIngressGroups(previous);
  const previousGroupOf = new Map<string, { id: string; scheme: string }>();
  for (const group of previousGroups) {
    const scheme = groupScheme(group.members);
    for (const member of group.members) previousGroupOf.set(member.resource.id, { id: group.id, scheme });
  }
  for (const group of buildIngressGroups(current)) {
    const scheme = groupScheme(group.members);
    for (const member of group.members) {
      const before = previousGroupOf.get(member.resource.id);
      if (!before) continue;
      if (before.id !== group.id) {
        findings.report(member.resource, {
          code: 'INGRESS_GROUP_CHANGED',
          severity: 'WARNING',
          path: annotationPath(`${ALB}group.name`),
          message: `The Ingress moves from IngressGroup ${before.id} to ${group.id}, i.e. to another ALB; a group left empty has its ALB deleted, even with deletion protection.`,
          rule: '§3',
        });
      } else if (before.scheme !== scheme) {
        findings.report(member.resource, {
          code: 'SCHEME_CHANGE_REPLACES_LOAD_BALANCER',
          path: annotationPath(`${ALB}scheme`),
          message: `The scheme of IngressGroup ${group.id} changes from ${before.scheme} to ${scheme}, which causes the controller to create a replacement Application Load Balancer (new DNS name).`,
        });
      }
    }
  }
}
