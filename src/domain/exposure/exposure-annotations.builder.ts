/**
 * Annotations that carry an exposure plan (exposure.md §6 templates, §4 catalogue). Values are strings,
 * as Kubernetes requires; anything equal to the controller default is still stated when the default differs between
 * controllers (scheme, target type) so the manifest means the same thing whoever reconciles it.
 */
import { INGRESS_ANNOTATION_PREFIX as ALB, SERVICE_ANNOTATION_PREFIX as SVC } from '../kubernetes/load-balancer-controller.js';
import type { ExposurePlan } from './exposure-decision.engine.js';

type Annotations = Record<string, string>;

const SCHEME_VALUE = { INTERNAL: 'internal', INTERNET_FACING: 'internet-facing' } as const;

/** Annotations of the object that defines the load balancer: the Service for NLB/CLB, the Ingress for ALB. */
export function primaryAnnotations(plan: ExposurePlan): Annotations {
  return plan.decision.kind === 'ALB_INGRESS' ? ingressAnnotations(plan) : serviceAnnotations(plan);
}

export function serviceAnnotations(plan: ExposurePlan): Annotations {
  const { decision } = plan;
  switch (decision.kind) {
    case 'NLB':
      return decision.controller === 'LBC' ? lbcNlbAnnotations(plan) : inTreeAnnotations(plan);
    case 'CLB':
      return inTreeAnnotations(plan);
    default:
      return {};
  }
}

function lbcNlbAnnotations(plan: ExposurePlan): Annotations {
  const { decision, settings, request } = plan;
  const annotations: Annotations = {};
  if (settings.loadBalancerTypeAnnotation === 'external') annotations[`${SVC}aws-load-balancer-type`] = 'external';
  annotations[`${SVC}aws-load-balancer-nlb-target-type`] = decision.targetType === 'INSTANCE' ? 'instance' : 'ip';
  annotations[`${SVC}aws-load-balancer-scheme`] = SCHEME_VALUE[decision.scheme ?? 'INTERNAL'];
  if (decision.ipAddressType === 'DUALSTACK') annotations[`${SVC}aws-load-balancer-ip-address-type`] = 'dualstack';
  // R5: ip target groups do not preserve the client IP unless told to; UDP always does.
  if (decision.targetType === 'IP' && decision.preserveClientIp && request.expose.protocol !== 'UDP') {
    annotations[`${SVC}aws-load-balancer-target-group-attributes`] = 'preserve_client_ip.enabled=true';
  }
  addCommonL4(plan, annotations);
  if (settings.privateIpv4Addresses.length > 0) {
    annotations[`${SVC}aws-load-balancer-private-ipv4-addresses`] = settings.privateIpv4Addresses.join(',');
  }
  return annotations;
}

/** The in-tree controller: CLB by default, NLB with `aws-load-balancer-type: nlb` (§6). */
function inTreeAnnotations(plan: ExposurePlan): Annotations {
  const { decision, settings } = plan;
  const annotations: Annotations = {};
  if (settings.loadBalancerTypeAnnotation === 'nlb') annotations[`${SVC}aws-load-balancer-type`] = 'nlb';
  // [CCM-AWS] L2453-2460: the in-tree controller ignores -scheme; -internal is what makes it internal.
  if (decision.scheme === 'INTERNAL') annotations[`${SVC}aws-load-balancer-internal`] = 'true';
  if (decision.kind === 'CLB' && settings.clbBackendProtocol) {
    annotations[`${SVC}aws-load-balancer-backend-protocol`] = settings.clbBackendProtocol;
  }
  addCommonL4(plan, annotations);
  return annotations;
}

function addCommonL4(plan: ExposurePlan, annotations: Annotations): void {
  const { decision, settings } = plan;
  if (decision.proxyProtocol) annotations[`${SVC}aws-load-balancer-proxy-protocol`] = '*';
  if (decision.certificateArn) {
    annotations[`${SVC}aws-load-balancer-ssl-cert`] = decision.certificateArn;
    annotations[`${SVC}aws-load-balancer-ssl-ports`] = settings.sslPorts.join(',');
  }
  if (settings.eipAllocations.length > 0) {
    annotations[`${SVC}aws-load-balancer-eip-allocations`] = settings.eipAllocations.join(',');
  }
  if (settings.pinnedSubnets.length > 0) annotations[`${SVC}aws-load-balancer-subnets`] = settings.pinnedSubnets.join(',');
}

export function ingressAnnotations(plan: ExposurePlan): Annotations {
  const { decision, settings } = plan;
  const annotations: Annotations = {
    [`${ALB}scheme`]: SCHEME_VALUE[decision.scheme ?? 'INTERNAL'],
    [`${ALB}target-type`]: decision.targetType === 'INSTANCE' ? 'instance' : 'ip',
  };
  if (decision.ipAddressType === 'DUALSTACK') annotations[`${ALB}ip-address-type`] = 'dualstack';
  if (decision.certificateArn) annotations[`${ALB}certificate-arn`] = decision.certificateArn;
  if (settings.listenPorts) annotations[`${ALB}listen-ports`] = settings.listenPorts;
  if (settings.sslRedirect !== null) annotations[`${ALB}ssl-redirect`] = String(settings.sslRedirect);
  if (settings.backendProtocolVersion) annotations[`${ALB}backend-protocol-version`] = settings.backendProtocolVersion;
  if (settings.groupName) annotations[`${ALB}group.name`] = settings.groupName;
  if (settings.groupOrder !== null) annotations[`${ALB}group.order`] = String(settings.groupOrder);
  if (settings.frontendNlb) {
    annotations[`${ALB}enable-frontend-nlb`] = 'true';
    annotations[`${ALB}frontend-nlb-scheme`] = SCHEME_VALUE[settings.frontendNlb.scheme];
    if (settings.frontendNlb.eipAllocations.length > 0) {
      annotations[`${ALB}frontend-nlb-eip-allocations`] = settings.frontendNlb.eipAllocations.join(',');
    }
  }
  return annotations;
}
