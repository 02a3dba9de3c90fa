/**
 * A lookup over parsed manifests plus the facts every lint rule needs about a Service or Ingress: which controller
 * reconciles it (exposure.md §0), its target type and scheme as the controller would compute them, and its ports.
 */
import { INGRESS_ANNOTATION_PREFIX as ALB, SERVICE_ANNOTATION_PREFIX as SVC } from '../kubernetes/load-balancer-controller.js';
import { parseGoBool, parseListenPorts } from './annotation-value.parser.js';
import { LBC_LOAD_BALANCER_CLASS } from '../kubernetes/load-balancer-controller.js';
import type { LintContext } from './exposure.types.js';
import type { Version } from './lbc-version.util.js';
import { ALB_INGRESS_CLASS, ALB_INGRESS_CONTROLLER } from '../kubernetes/load-balancer-controller.js';
import { isRecord, type K8sResource, type PathSegment } from './manifest-documents.parser.js';

export interface NormalizedLintContext extends LintContext {
  version: Version;
  webhookActive: boolean;
}

export type Reconciler = 'LBC' | 'CCM' | 'KUBE_PROXY' | 'NONE';

export interface ServicePortView {
  index: number;
  name?: string;
  port?: number;
  protocol: string;
  targetPort?: number | string;
  nodePort?: number;
}

export interface ServiceView {
  resource: K8sResource;
  type: string;
  annotations: Map<string, string>;
  spec: Record<string, unknown>;
  ports: ServicePortView[];
  externalTrafficPolicy: 'Local' | 'Cluster' | undefined;
  loadBalancerClass: string | undefined;
  reconciler: Reconciler;
  /** Why this reconciler (or nobody) picks it up; shown in messages. */
  reconcilerReason: string;
  /** The LBC webhook will set loadBalancerClass on create. */
  viaWebhook: boolean;
  loadBalancerFamily: 'NLB' | 'CLB' | null;
  /** As the reconciler computes it (LBC: [LBC-CODE-TG] buildTargetType; in-tree: always instance). */
  targetType: 'ip' | 'instance' | null;
  scheme: 'internal' | 'internet-facing' | null;
  dualstack: boolean;
  /** Service.spec.ipFamilies (or the cluster family) includes IPv6. */
  ipv6: boolean;
}

export interface IngressBackendRef {
  path: PathSegment[];
  serviceName: string;
  portNumber?: number;
  portName?: string;
  isDefault: boolean;
}

export interface IngressClassParamsView {
  name: string;
  groupName?: string;
  scheme?: string;
  ipAddressType?: string;
}

export interface IngressView {
  resource: K8sResource;
  annotations: Map<string, string>;
  className: string | undefined;
  managed: boolean;
  params: IngressClassParamsView | undefined;
  backends: IngressBackendRef[];
  hasDefaultBackend: boolean;
  /** Ports the Ingress listens on (declared or default); undefined when `listen-ports` is malformed. */
  listenPorts: Map<number, 'HTTP' | 'HTTPS'> | undefined;
  listenPortsDeclared: boolean;
}

export class ManifestIndex {
  public readonly services: ServiceView[];
  public readonly ingresses: IngressView[];
  private readonly serviceById = new Map<string, ServiceView>();

  public constructor(
    public readonly resources: readonly K8sResource[],
    public readonly context: NormalizedLintContext,
  ) {
    this.services = resources.filter((r) => r.kind === 'Service' && r.apiVersion === 'v1').map((r) => serviceView(r, context));
    for (const view of this.services) this.serviceById.set(view.resource.id, view);
    const classes = resources.filter((r) => r.kind === 'IngressClass');
    const params = resources.filter((r) => r.kind === 'IngressClassParams');
    this.ingresses = resources
      .filter((r) => r.kind === 'Ingress' && r.apiVersion.startsWith('networking.k8s.io/'))
      .map((r) => ingressView(r, classes, params));
  }

  public service(namespace: string, name: string): ServiceView | undefined {
    return this.serviceById.get(`Service/${namespace}/${name}`);
  }
}

export function stringAnnotations(resource: K8sResource): Map<string, string> {
  const metadata = isRecord(resource.object.metadata) ? resource.object.metadata : {};
  const raw = isRecord(metadata.annotations) ? metadata.annotations : {};
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    result.set(key, typeof value === 'string' ? value : String(value));
  }
  return result;
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function serviceView(resource: K8sResource, context: NormalizedLintContext): ServiceView {
  const spec = isRecord(resource.object.spec) ? resource.object.spec : {};
  const annotations = stringAnnotations(resource);
  const type = typeof spec.type === 'string' ? spec.type : 'ClusterIP';
  const ports: ServicePortView[] = (Array.isArray(spec.ports) ? spec.ports : []).filter(isRecord).map((port, index) => ({
    index,
    name: typeof port.name === 'string' ? port.name : undefined,
    port: asNumber(port.port),
    protocol: typeof port.protocol === 'string' ? port.protocol : 'TCP',
    targetPort: typeof port.targetPort === 'string' ? port.targetPort : asNumber(port.targetPort),
    nodePort: asNumber(port.nodePort),
  }));
  const etp = spec.externalTrafficPolicy === 'Local' ? 'Local' : spec.externalTrafficPolicy === 'Cluster' ? 'Cluster' : undefined;
  const loadBalancerClass =
    typeof spec.loadBalancerClass === 'string' && spec.loadBalancerClass !== '' ? spec.loadBalancerClass : undefined;
  const ipFamilies = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : undefined;
  const ipv6 = ipFamilies ? ipFamilies.includes('IPv6') : context.ipFamily === 'IPV6';
  const owner = classifyService(type, loadBalancerClass, annotations, context);
  const view: ServiceView = {
    resource,
    type,
    annotations,
    spec,
    ports,
    externalTrafficPolicy: etp,
    loadBalancerClass,
    ...owner,
    targetType: null,
    scheme: null,
    dualstack: annotations.get(`${SVC}aws-load-balancer-ip-address-type`) === 'dualstack',
    ipv6,
  };
  if (view.reconciler === 'LBC') {
    const lbType = annotations.get(`${SVC}aws-load-balancer-type`);
    view.targetType = lbType === 'nlb-ip' || annotations.get(`${SVC}aws-load-balancer-nlb-target-type`) === 'ip' ? 'ip' : 'instance';
    view.scheme = lbcScheme(annotations);
  } else if (view.reconciler === 'CCM') {
    view.targetType = 'instance';
    // [CCM-AWS] L2453-2460: internal unless the annotation is absent or "false".
    const internal = annotations.get(`${SVC}aws-load-balancer-internal`);
    view.scheme = internal !== undefined && internal !== 'false' ? 'internal' : 'internet-facing';
  }
  return view;
}

/** LBC: `-scheme` wins, then the legacy `-internal`, then the controller default `internal` (LBC buildLoadBalancerScheme). */
function lbcScheme(annotations: Map<string, string>): 'internal' | 'internet-facing' {
  const scheme = annotations.get(`${SVC}aws-load-balancer-scheme`);
  if (scheme === 'internal' || scheme === 'internet-facing') return scheme;
  const internal = annotations.get(`${SVC}aws-load-balancer-internal`);
  if (internal !== undefined && parseGoBool(internal) === false) return 'internet-facing';
  return 'internal';
}

type Ownership = Pick<ServiceView, 'reconciler' | 'reconcilerReason' | 'viaWebhook' | 'loadBalancerFamily'>;

/** exposure.md §0, with LBC `IsServiceSupported` and the service mutator webhook. */
export function classifyService(
  type: string,
  loadBalancerClass: string | undefined,
  annotations: Map<string, string>,
  context: NormalizedLintContext,
): Ownership {
  const lbType = annotations.get(`${SVC}aws-load-balancer-type`);
  const targetType = annotations.get(`${SVC}aws-load-balancer-nlb-target-type`);
  const isLoadBalancer = type === 'LoadBalancer';
  const nobody = (reason: string): Ownership => ({
    reconciler: 'NONE',
    reconcilerReason: reason,
    viaWebhook: false,
    loadBalancerFamily: null,
  });
  const lbc = (reason: string, viaWebhook = false): Ownership => ({
    reconciler: 'LBC',
    reconcilerReason: reason,
    viaWebhook,
    loadBalancerFamily: 'NLB',
  });
  const ccm = (): Ownership => ({
    reconciler: 'CCM',
    reconcilerReason:
      lbType === 'nlb' ? 'aws-load-balancer-type: nlb with the in-tree controller' : 'type LoadBalancer with the in-tree controller',
    viaWebhook: false,
    loadBalancerFamily: lbType === 'nlb' ? 'NLB' : 'CLB',
  });

  if (context.controller === 'CCM_ONLY') {
    if (!isLoadBalancer) return { reconciler: 'KUBE_PROXY', reconcilerReason: `type ${type}`, viaWebhook: false, loadBalancerFamily: null };
    if (loadBalancerClass)
      return nobody(
        `the in-tree controller ignores Services with spec.loadBalancerClass (${loadBalancerClass}) and the AWS Load Balancer Controller is not installed`,
      );
    if (lbType === 'external' || lbType === 'nlb-ip')
      return nobody(
        `the in-tree controller ignores aws-load-balancer-type: ${lbType} and the AWS Load Balancer Controller is not installed`,
      );
    return ccm();
  }
  if (loadBalancerClass) {
    return loadBalancerClass === LBC_LOAD_BALANCER_CLASS
      ? lbc(`spec.loadBalancerClass: ${LBC_LOAD_BALANCER_CLASS}`)
      : nobody(
          `spec.loadBalancerClass: ${loadBalancerClass} belongs to another controller; the AWS Load Balancer Controller ignores it "regardless of the aws-load-balancer-type annotation" and the in-tree controller ignores any Service with a class`,
        );
  }
  if (lbType === 'nlb-ip') return lbc('aws-load-balancer-type: nlb-ip');
  if (lbType === 'external' && (targetType === 'ip' || targetType === 'instance')) {
    return lbc(`aws-load-balancer-type: external with aws-load-balancer-nlb-target-type: ${targetType}`);
  }
  if (isLoadBalancer && context.webhookActive) {
    return lbc('the AWS Load Balancer Controller service mutator webhook sets spec.loadBalancerClass on new LoadBalancer Services', true);
  }
  if (lbType === 'external') {
    return nobody(
      'the in-tree controller ignores aws-load-balancer-type: external, and the AWS Load Balancer Controller only reconciles it when aws-load-balancer-nlb-target-type is ip or instance',
    );
  }
  if (isLoadBalancer) return ccm();
  return { reconciler: 'KUBE_PROXY', reconcilerReason: `type ${type}`, viaWebhook: false, loadBalancerFamily: null };
}

function ingressView(resource: K8sResource, classes: readonly K8sResource[], params: readonly K8sResource[]): IngressView {
  const spec = isRecord(resource.object.spec) ? resource.object.spec : {};
  const annotations = stringAnnotations(resource);
  const classAnnotation = annotations.get('kubernetes.io/ingress.class');
  const specClass = typeof spec.ingressClassName === 'string' ? spec.ingressClassName : undefined;
  let managed: boolean;
  let className: string | undefined;
  let classResource: K8sResource | undefined;
  if (classAnnotation !== undefined) {
    // LBC classifyIngress: the annotation takes priority over spec.ingressClassName.
    className = classAnnotation;
    managed = classAnnotation === ALB_INGRESS_CLASS;
  } else if (specClass !== undefined) {
    className = specClass;
    classResource = classes.find((c) => c.name === specClass);
    managed = classResource ? controllerOf(classResource) === ALB_INGRESS_CONTROLLER : specClass === ALB_INGRESS_CLASS;
  } else {
    // The apiserver gives a class-less Ingress the default IngressClass on create.
    classResource = classes.find((c) => isDefaultClass(c));
    className = classResource?.name;
    managed = classResource !== undefined && controllerOf(classResource) === ALB_INGRESS_CONTROLLER;
  }
  const paramsView = classResource ? classParams(classResource, params) : undefined;
  const backends: IngressBackendRef[] = [];
  if (isRecord(spec.defaultBackend)) addBackend(backends, spec.defaultBackend, ['spec', 'defaultBackend'], true);
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule, ruleIndex) => {
    if (!isRecord(rule) || !isRecord(rule.http) || !Array.isArray(rule.http.paths)) return;
    rule.http.paths.forEach((path, pathIndex) => {
      if (isRecord(path) && isRecord(path.backend)) {
        addBackend(backends, path.backend, ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex, 'backend'], false);
      }
    });
  });
  const rawListenPorts = annotations.get(`${ALB}listen-ports`);
  const certificates = annotations.get(`${ALB}certificate-arn`);
  let listenPorts: Map<number, 'HTTP' | 'HTTPS'> | undefined;
  if (rawListenPorts !== undefined) {
    const parsed = parseListenPorts(rawListenPorts);
    listenPorts = parsed.problem ? undefined : parsed.ports;
  } else {
    // [LBC-IA] L154: HTTP:80 by default, HTTPS:443 once a certificate is set.
    listenPorts = new Map([certificates ? [443, 'HTTPS'] : [80, 'HTTP']]);
  }
  return {
    resource,
    annotations,
    className,
    managed,
    params: paramsView,
    backends,
    hasDefaultBackend: isRecord(spec.defaultBackend),
    listenPorts,
    listenPortsDeclared: rawListenPorts !== undefined,
  };
}

function addBackend(into: IngressBackendRef[], backend: Record<string, unknown>, path: PathSegment[], isDefault: boolean): void {
  if (!isRecord(backend.service) || typeof backend.service.name !== 'string') return;
  const port = isRecord(backend.service.port) ? backend.service.port : {};
  into.push({
    path: [...path, 'service'],
    serviceName: backend.service.name,
    portNumber: asNumber(port.number),
    portName: typeof port.name === 'string' ? port.name : undefined,
    isDefault,
  });
}

function controllerOf(resource: K8sResource): string | undefined {
  const spec = isRecord(resource.object.spec) ? resource.object.spec : {};
  return typeof spec.controller === 'string' ? spec.controller : undefined;
}

function isDefaultClass(resource: K8sResource): boolean {
  const annotations = stringAnnotations(resource);
  return annotations.get('ingressclass.kubernetes.io/is-default-class') === 'true';
}

function classParams(classResource: K8sResource, params: readonly K8sResource[]): IngressClassParamsView | undefined {
  const spec = isRecord(classResource.object.spec) ? classResource.object.spec : {};
  const ref = isRecord(spec.parameters) ? spec.parameters : undefined;
  if (!ref || ref.kind !== 'IngressClassParams' || typeof ref.name !== 'string') return undefined;
  const found = params.find((p) => p.name === ref.name);
  if (!found) return { name: ref.name };
  const paramsSpec = isRecord(found.object.spec) ? found.object.spec : {};
  const group = isRecord(paramsSpec.group) ? paramsSpec.group : {};
  return {
    name: ref.name,
    groupName: typeof group.name === 'string' ? group.name : undefined,
    scheme: typeof paramsSpec.scheme === 'string' ? paramsSpec.scheme : undefined,
    ipAddressType: typeof paramsSpec.ipAddressType === 'string' ? paramsSpec.ipAddressType : undefined,
  };
}
