/**
 * Ingress checks that need one Ingress and the Services it routes to (exposure.md R3, R3a/R3b, §2):
 * backend Service type vs target type across documents, the cluster context, subnets and the frontend NLB.
 */
import type { Subnet } from '../spec/design-spec.types.js';
import { INGRESS_ANNOTATION_PREFIX as ALB } from '../kubernetes/load-balancer-controller.js';
import { parseGoBool, splitList } from './annotation-value.parser.js';
import { annotationPath, type FindingCollector } from './lint-findings.collector.js';
import { lbcSupports } from './lbc-version.util.js';
import type { PathSegment } from './manifest-documents.parser.js';
import type { IngressBackendRef, IngressView, ManifestIndex, NormalizedLintContext } from './manifest.index.js';
import { lintSubnetAzs } from './service-lint.rules.js';

export function lintIngresses(index: ManifestIndex, findings: FindingCollector): void {
  for (const ingress of index.ingresses) {
    if (!ingress.managed) {
      lintUnmanaged(ingress, findings);
      continue;
    }
    if (index.context.controller === 'CCM_ONLY') {
      findings.report(ingress.resource, {
        code: 'INGRESS_REQUIRES_LBC',
        path: ['spec', 'ingressClassName'],
        message: 'Service Controller does not support Kubernetes Ingress resources: an ALB Ingress needs the AWS Load Balancer Controller.',
        rule: 'R11',
      });
      continue;
    }
    for (const backend of ingress.backends) lintBackend(ingress, backend, index, findings);
    lintSubnets(ingress, index.context, findings);
    lintFrontendNlb(ingress, index.context, findings);
    lintListeners(ingress, findings);
  }
}

function lintUnmanaged(ingress: IngressView, findings: FindingCollector): void {
  const albKeys = [...ingress.annotations.keys()].filter((key) => key.startsWith(ALB));
  if (albKeys.length === 0) return;
  const groupKey = `${ALB}group.name`;
  const why =
    ingress.className === undefined
      ? 'it has no ingressClassName (and no default IngressClass is in these manifests)'
      : `its class "${ingress.className}" is not handled by the AWS Load Balancer Controller (controller ingress.k8s.aws/alb)`;
  if (ingress.annotations.has(groupKey)) {
    findings.report(ingress.resource, {
      code: 'GROUP_NAME_ON_NON_ALB_INGRESS',
      path: annotationPath(groupKey),
      message: `alb.ingress.kubernetes.io/group.name has no effect: ${why}, so the Ingress never joins the group.`,
    });
  }
  findings.report(ingress.resource, {
    code: 'ALB_ANNOTATIONS_ON_NON_ALB_INGRESS',
    severity: 'WARNING',
    path: ingress.className === undefined ? ['spec'] : ['spec', 'ingressClassName'],
    message: `${albKeys.length} alb.ingress.kubernetes.io annotation(s) are ignored: ${why}. Set spec.ingressClassName: alb.`,
    rule: '§0',
  });
}

/** Target type of one backend: the Service annotation wins over the Ingress one ([LBC-IA] L11), default instance. */
function backendTargetType(
  ingress: IngressView,
  serviceAnnotations: Map<string, string> | undefined,
): { value: string; path: PathSegment[]; onService: boolean } {
  const key = `${ALB}target-type`;
  const fromService = serviceAnnotations?.get(key);
  if (fromService !== undefined) return { value: fromService, path: annotationPath(key), onService: true };
  const fromIngress = ingress.annotations.get(key);
  return {
    value: fromIngress ?? 'instance',
    path: fromIngress !== undefined ? annotationPath(key) : ['metadata', 'annotations'],
    onService: false,
  };
}

function lintBackend(ingress: IngressView, backend: IngressBackendRef, index: ManifestIndex, findings: FindingCollector): void {
  const { resource } = ingress;
  const context = index.context;
  if (backend.portName === 'use-annotation') {
    const actionKey = `${ALB}actions.${backend.serviceName}`;
    if (!ingress.annotations.has(actionKey)) {
      findings.report(resource, {
        code: 'MISSING_ACTION_ANNOTATION',
        path: [...backend.path, 'port', 'name'],
        message: `port use-annotation refers to ${actionKey}, which this Ingress does not define.`,
        rule: '§4.2',
      });
    }
    return;
  }
  const service = index.service(resource.namespace, backend.serviceName);
  if (!service) {
    findings.report(resource, {
      code: 'BACKEND_SERVICE_NOT_IN_MANIFESTS',
      severity: 'WARNING',
      path: [...backend.path, 'name'],
      message: `Service ${resource.namespace}/${backend.serviceName} is not in these manifests, so its type and ports could not be checked.`,
      rule: 'R3a',
    });
  } else {
    const portExists = service.ports.some((port) =>
      backend.portNumber !== undefined ? port.port === backend.portNumber : port.name === backend.portName,
    );
    if (!portExists) {
      findings.report(resource, {
        code: 'BACKEND_PORT_NOT_FOUND',
        path: [...backend.path, 'port'],
        message: `Service ${service.resource.id} has no port ${backend.portNumber ?? `named "${backend.portName}"`}; the ALB target group cannot be built.`,
        rule: 'R3',
      });
    }
  }
  const targetType = backendTargetType(ingress, service?.annotations);
  const reportOn = targetType.onService && service ? service.resource : resource;
  if (targetType.value !== 'ip' && targetType.value !== 'instance') return; // the annotation lint reports INVALID_TARGET_TYPE
  const instance = targetType.value === 'instance';
  if (instance && service && service.type === 'ClusterIP') {
    findings.report(resource, {
      code: 'INGRESS_INSTANCE_BACKEND_CLUSTER_IP',
      path: [...backend.path, 'name'],
      message: `TargetGroup port is empty. When using Instance targets, your service be must of type 'NodePort' or 'LoadBalancer' (${service.resource.id} is ClusterIP; set alb.ingress.kubernetes.io/target-type: ip or make it NodePort).`,
    });
  }
  if (instance && context.compute === 'FARGATE') {
    findings.report(reportOn, {
      code: 'FARGATE_REQUIRES_IP_TARGETS',
      path: targetType.path,
      message: 'Pods on AWS Fargate can only be load balanced as IP targets; set alb.ingress.kubernetes.io/target-type: ip.',
    });
  }
  if (instance && context.ipFamily === 'IPV6') {
    findings.report(reportOn, {
      code: 'IPV6_REQUIRES_IP_TARGETS',
      path: targetType.path,
      message: 'IPv6 pods can only be load balanced to IP targets, not instance targets.',
    });
  }
  if (!instance && context.cni === 'OTHER' && context.compute !== 'FARGATE') {
    findings.report(reportOn, {
      code: 'ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS',
      path: targetType.path,
      message: 'ip targets need pod IPs that are native VPC IPs (Amazon VPC CNI); with an alternate CNI use instance targets.',
    });
  }
  if (!instance && !context.enableIpTargetType) {
    findings.report(reportOn, {
      code: 'IP_TARGET_TYPE_DISABLED',
      path: targetType.path,
      message: 'unsupported targetType: ip when EnableIPTargetType is false',
    });
  }
}

function lintSubnets(ingress: IngressView, context: NormalizedLintContext, findings: FindingCollector): void {
  const key = `${ALB}subnets`;
  const raw = ingress.annotations.get(key);
  if (raw === undefined) return;
  const named = splitList(raw);
  if (named.length < 2) {
    findings.report(ingress.resource, {
      code: 'TOO_FEW_SUBNETS',
      path: annotationPath(key),
      message: `subnets count less than minimal required count: ${named.length} < 2 (an ALB needs subnets in two Availability Zones)`,
    });
  }
  const designSubnets = context.subnets;
  if (!designSubnets) return;
  const resolved = named.map((ref) => designSubnets.find((subnet) => subnet.name === ref)).filter((s): s is Subnet => s !== undefined);
  if (resolved.length === named.length) lintSubnetAzs(ingress, resolved, annotationPath(key), findings);
}

function lintFrontendNlb(ingress: IngressView, context: NormalizedLintContext, findings: FindingCollector): void {
  const enableKey = `${ALB}enable-frontend-nlb`;
  const enabled = parseGoBool(ingress.annotations.get(enableKey) ?? '') === true;
  const frontendKeys = [...ingress.annotations.keys()].filter((key) => key.startsWith(`${ALB}frontend-nlb-`));
  if (!enabled) {
    if (frontendKeys.length > 0) {
      findings.report(ingress.resource, {
        code: 'FRONTEND_NLB_ANNOTATIONS_IGNORED',
        severity: 'WARNING',
        path: annotationPath(frontendKeys[0]),
        message: `${frontendKeys.length} frontend-nlb annotation(s) have no effect without alb.ingress.kubernetes.io/enable-frontend-nlb: "true".`,
        rule: 'R8',
      });
    }
    return;
  }
  if (!lbcSupports(context.version, 'frontendNlb')) {
    findings.report(ingress.resource, {
      code: 'FRONTEND_NLB_REQUIRES_LBC_2_13',
      path: annotationPath(enableKey),
      message: `enable-frontend-nlb needs the AWS Load Balancer Controller v2.13.0 or later (context: ${context.lbcVersion}).`,
      rule: 'R8',
    });
  }
  const eipKey = `${ALB}frontend-nlb-eip-allocations`;
  const scheme = ingress.annotations.get(`${ALB}frontend-nlb-scheme`) ?? 'internal';
  if (ingress.annotations.has(eipKey) && scheme === 'internal') {
    findings.report(ingress.resource, {
      code: 'EIP_ON_INTERNAL_LOAD_BALANCER',
      path: annotationPath(eipKey),
      message: 'EIP allocations can only be set for internet facing load balancers (frontend-nlb-scheme defaults to internal).',
    });
  }
}

function lintListeners(ingress: IngressView, findings: FindingCollector): void {
  const ports = ingress.listenPorts;
  if (!ports) return; // malformed listen-ports: reported by the annotation lint
  const https = [...ports.values()].includes('HTTPS');
  const certificate = ingress.annotations.has(`${ALB}certificate-arn`);
  const spec = ingress.resource.object.spec as Record<string, unknown> | undefined;
  const hasHosts =
    Array.isArray(spec?.tls) ||
    (Array.isArray(spec?.rules) && spec.rules.some((rule) => typeof (rule as Record<string, unknown>)?.host === 'string'));
  if (https && !certificate && !hasHosts) {
    findings.report(ingress.resource, {
      code: 'HTTPS_LISTENER_WITHOUT_CERTIFICATE',
      path: annotationPath(`${ALB}listen-ports`),
      message:
        'An HTTPS listener needs a certificate: set alb.ingress.kubernetes.io/certificate-arn (certificate discovery only works from spec.tls or rule hosts, and this Ingress has none).',
      rule: 'R3',
    });
  }
  if (ingress.annotations.get(`${ALB}backend-protocol-version`) === 'GRPC' && !https) {
    findings.report(ingress.resource, {
      code: 'GRPC_REQUIRES_HTTPS_LISTENER',
      path: annotationPath(`${ALB}backend-protocol-version`),
      message: 'An ALB routes gRPC only on HTTPS listeners; add an HTTPS listen port and a certificate.',
      rule: 'R3',
    });
  }
}
