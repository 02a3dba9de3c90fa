/**
 * Kubernetes manifests for an exposure plan (exposure.md §6), emitted with the `yaml` Document API in a
 * fixed key order: apiVersion, kind, metadata {name, namespace, labels, annotations (sorted)}, spec.
 */
import { Document } from 'yaml';
import type { ExposurePlan } from './exposure-decision.engine.js';
import { ingressAnnotations, serviceAnnotations } from './exposure-annotations.builder.js';
import { ALB_INGRESS_CLASS, ALB_INGRESS_CONTROLLER } from '../kubernetes/load-balancer-controller.js';

/** The label the Service selects; the workload's pod template must carry it. */
export const WORKLOAD_LABEL = 'app.kubernetes.io/name';

export type ManifestObject = Record<string, unknown>;

export function buildManifestObjects(plan: ExposurePlan): ManifestObject[] {
  const objects: ManifestObject[] = [];
  if (plan.decision.kind === 'ALB_INGRESS' && plan.request.context.includeIngressClass) objects.push(ingressClass());
  objects.push(service(plan));
  if (plan.decision.kind === 'ALB_INGRESS') objects.push(ingress(plan));
  return objects;
}

export function renderManifests(objects: readonly ManifestObject[]): string {
  return objects.map((object) => new Document(object).toString({ lineWidth: 0 })).join('---\n');
}

function metadata(
  name: string,
  namespace: string | undefined,
  labels: Record<string, string>,
  annotations: Record<string, string>,
): ManifestObject {
  const result: ManifestObject = { name };
  if (namespace !== undefined) result.namespace = namespace;
  result.labels = labels;
  const sorted = Object.keys(annotations).sort();
  if (sorted.length > 0) result.annotations = Object.fromEntries(sorted.map((key) => [key, annotations[key]]));
  return result;
}

function portName(plan: ExposurePlan): string {
  const { protocol } = plan.request.expose;
  return plan.decision.kind === 'ALB_INGRESS' && protocol === 'HTTPS' ? 'http' : protocol.toLowerCase();
}

function service(plan: ExposurePlan): ManifestObject {
  const { decision, request, settings } = plan;
  const { workload, expose } = request;
  const labels = { [WORKLOAD_LABEL]: workload.name };
  const spec: ManifestObject = { type: decision.serviceType };
  if (decision.loadBalancerClass) spec.loadBalancerClass = decision.loadBalancerClass;
  if (decision.externalTrafficPolicy && decision.serviceType !== 'ClusterIP') {
    spec.externalTrafficPolicy = decision.externalTrafficPolicy === 'LOCAL' ? 'Local' : 'Cluster';
  }
  spec.selector = { [WORKLOAD_LABEL]: workload.name };
  const port: ManifestObject = {
    name: portName(plan),
    protocol: expose.protocol === 'UDP' ? 'UDP' : 'TCP',
    port: workload.port,
    targetPort: workload.targetPort,
  };
  if (settings.nodePort !== null && decision.serviceType !== 'ClusterIP') port.nodePort = settings.nodePort;
  spec.ports = [port];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(workload.name, workload.namespace, labels, serviceAnnotations(plan)),
    spec,
  };
}

function ingress(plan: ExposurePlan): ManifestObject {
  const { workload } = plan.request;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadata(workload.name, workload.namespace, { [WORKLOAD_LABEL]: workload.name }, ingressAnnotations(plan)),
    spec: {
      ingressClassName: ALB_INGRESS_CLASS,
      rules: [
        {
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: workload.name, port: { number: workload.port } } } }],
          },
        },
      ],
    },
  };
}

/** The LBC Helm chart creates this (createIngressClassResource: true, [LBC-HELM] L144, L172); emitted only on request. */
function ingressClass(): ManifestObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: ALB_INGRESS_CLASS, labels: { [WORKLOAD_LABEL]: 'aws-load-balancer-controller' } },
    spec: { controller: ALB_INGRESS_CONTROLLER },
  };
}
