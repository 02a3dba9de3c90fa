import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, ValidationFailedError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import type { Subnet } from '../spec/design-spec.types.js';
import { DECISION_PIPELINE, decideExposure } from './exposure-decision.engine.js';
import { recommendExposure as sut } from './exposure-recommendation.engine.js';
import { DECISION_RULES } from './exposure-rules.data.js';
import type { ExposeRequest, ExposureContextInput, ExposureIssue, ExposureRecommendation, ExposureRequest } from './exposure.types.js';

const SVC = 'service.beta.kubernetes.io/';
const ALB = 'alb.ingress.kubernetes.io/';
const CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/0f6c1e2a-1111-2222-3333-444455556666';

function request(expose: Partial<ExposeRequest>, context: ExposureContextInput = {}): ExposureRequest {
  return { expose: { audience: 'VPC', protocol: 'TCP', port: 443, ...expose }, context, workload: { name: 'api', namespace: 'shop' } };
}

const codes = (issues: readonly ExposureIssue[]): string[] => issues.map((issue) => issue.code);
const rules = (recommendation: ExposureRecommendation): string[] => recommendation.rationale.map((entry) => entry.rule ?? '');

function documents(recommendation: ExposureRecommendation): Array<Record<string, any>> {
  return parseAllDocuments(recommendation.manifests).map((document) => document.toJS() as Record<string, any>);
}

function manifest(recommendation: ExposureRecommendation, kind: string): Record<string, any> {
  const found = documents(recommendation).find((document) => document.kind === kind);
  if (!found) throw new Error(`no ${kind} in manifests`);
  return found;
}

const designSubnets: Subnet[] = [
  { name: 'public-a', az: 'eu-west-1a', cidr: '10.0.0.0/24', public: true, roles: ['ELB'] },
  { name: 'public-b', az: 'eu-west-1b', cidr: '10.0.1.0/24', public: true, roles: ['ELB'] },
  { name: 'private-a', az: 'eu-west-1a', cidr: '10.0.16.0/20', roles: ['NODES', 'INTERNAL_ELB'] },
  { name: 'private-b', az: 'eu-west-1b', cidr: '10.0.32.0/20', roles: ['NODES', 'INTERNAL_ELB'] },
];

const coveredRows = new Set<string>();
function row(id: string): string {
  coveredRows.add(id);
  return id;
}

describe('exposure decision table (exposure.md §1)', () => {
  it(`${row('R1')}: audience cluster → ClusterIP, no annotations`, () => {
    const result = sut(request({ audience: 'CLUSTER', protocol: 'HTTP', port: 80, targetPort: 8080 }));
    expect(result).toMatchObject({
      kind: 'CLUSTER_IP',
      controller: 'KUBE_PROXY',
      serviceType: 'ClusterIP',
      targetType: null,
      scheme: null,
      externalTrafficPolicy: null,
      clientIpVia: 'L3_SOURCE',
      preserveClientIp: null,
      annotations: {},
      errors: [],
    });
    expect(rules(result)).toContain('R1');
    const service = manifest(result, 'Service');
    expect(service.spec).toEqual({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': 'api' },
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }],
    });
    expect(service.metadata.annotations).toBeUndefined();
  });

  it(`${row('R2')}: explicit NodePort with a fixed nodePort; client IP keeps Local`, () => {
    const result = sut(request({ kind: 'NODE_PORT', nodePort: 30443, needClientIp: true }));
    expect(result).toMatchObject({
      kind: 'NODE_PORT',
      controller: 'KUBE_PROXY',
      serviceType: 'NodePort',
      targetType: null,
      externalTrafficPolicy: 'LOCAL',
      clientIpVia: 'L3_SOURCE',
      errors: [],
    });
    expect(manifest(result, 'Service').spec).toMatchObject({
      type: 'NodePort',
      externalTrafficPolicy: 'Local',
      ports: [{ port: 443, nodePort: 30443 }],
    });
    expect(rules(result)).toEqual(expect.arrayContaining(['R2', 'R6']));
  });

  it(`${row('R3')}: HTTP to the internet with LBC → Ingress/ALB, ip targets, internet-facing`, () => {
    const result = sut(request({ audience: 'INTERNET', protocol: 'HTTP', port: 80 }));
    expect(result).toMatchObject({
      kind: 'ALB_INGRESS',
      controller: 'LBC',
      targetType: 'IP',
      scheme: 'INTERNET_FACING',
      clientIpVia: 'X_FORWARDED_FOR',
      errors: [],
    });
    expect(result.annotations).toEqual({ [`${ALB}scheme`]: 'internet-facing', [`${ALB}target-type`]: 'ip' });
    const ingress = manifest(result, 'Ingress');
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
    expect(ingress.spec.ingressClassName).toBe('alb');
    expect(ingress.spec.rules[0].http.paths[0]).toEqual({
      path: '/',
      pathType: 'Prefix',
      backend: { service: { name: 'api', port: { number: 80 } } },
    });
    expect(documents(result).map((d) => d.kind)).toEqual(['Service', 'Ingress']);
  });

  it(`${row('R3')}: HTTPS with a certificate → certificate-arn, HTTP+HTTPS listeners and a redirect; VPC audience stays internal`, () => {
    const result = sut(request({ audience: 'VPC', protocol: 'HTTPS', port: 443, targetPort: 8080, certificateArn: CERT }));
    expect(result).toMatchObject({ kind: 'ALB_INGRESS', scheme: 'INTERNAL', certificateArn: CERT, errors: [] });
    expect(result.annotations).toMatchObject({
      [`${ALB}scheme`]: 'internal',
      [`${ALB}certificate-arn`]: CERT,
      [`${ALB}listen-ports`]: '[{"HTTP": 80}, {"HTTPS": 443}]',
      [`${ALB}ssl-redirect`]: '443',
    });
  });

  it('R3: the IngressClass is only emitted when asked for (the Helm chart creates it)', () => {
    const without = sut(request({ protocol: 'HTTP', port: 80 }));
    expect(documents(without).map((d) => d.kind)).toEqual(['Service', 'Ingress']);
    expect(without.rationale.map((entry) => entry.code)).toContain('INGRESS_CLASS_ALB');
    const withClass = sut(request({ protocol: 'HTTP', port: 80 }, { includeIngressClass: true }));
    expect(manifest(withClass, 'IngressClass')).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'alb', labels: { 'app.kubernetes.io/name': 'aws-load-balancer-controller' } },
      spec: { controller: 'ingress.k8s.aws/alb' },
    });
  });

  it(`${row('R3a')}: ALB with ip targets → backend Service is ClusterIP`, () => {
    const result = sut(request({ protocol: 'HTTP', port: 80 }));
    expect(result).toMatchObject({ targetType: 'IP', serviceType: 'ClusterIP', externalTrafficPolicy: null });
    expect(manifest(result, 'Service').spec.type).toBe('ClusterIP');
    expect(rules(result)).toContain('R3a');
  });

  it(`${row('R3b')}: ALB with instance targets → backend Service is NodePort`, () => {
    const result = sut(request({ protocol: 'HTTP', port: 80, targetType: 'INSTANCE' }));
    expect(result).toMatchObject({
      kind: 'ALB_INGRESS',
      targetType: 'INSTANCE',
      serviceType: 'NodePort',
      externalTrafficPolicy: 'CLUSTER',
      errors: [],
    });
    expect(result.annotations[`${ALB}target-type`]).toBe('instance');
    expect(manifest(result, 'Service').spec.type).toBe('NodePort');
    expect(rules(result)).toContain('R3b');
  });

  it(`${row('R4')}: TCP to the VPC with LBC → NLB via loadBalancerClass, ip targets, internal`, () => {
    const result = sut(request({ protocol: 'TCP', port: 5432 }));
    expect(result).toMatchObject({
      kind: 'NLB',
      controller: 'LBC',
      serviceType: 'LoadBalancer',
      loadBalancerClass: 'service.k8s.aws/nlb',
      targetType: 'IP',
      scheme: 'INTERNAL',
      externalTrafficPolicy: 'CLUSTER',
      preserveClientIp: false,
      clientIpVia: 'NONE',
      errors: [],
    });
    expect(result.annotations).toEqual({
      [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip',
      [`${SVC}aws-load-balancer-scheme`]: 'internal',
    });
    expect(manifest(result, 'Service').spec).toMatchObject({ type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' });
  });

  it('R4: internet audience → internet-facing NLB', () => {
    const result = sut(request({ audience: 'INTERNET', protocol: 'TLS', port: 443 }));
    expect(result.annotations[`${SVC}aws-load-balancer-scheme`]).toBe('internet-facing');
    expect(result.rationale.map((entry) => entry.code)).toContain('TLS_PASSTHROUGH');
  });

  it('R4: TLS with a certificate terminates at the NLB (ssl-cert + ssl-ports)', () => {
    const result = sut(request({ protocol: 'TLS', port: 8443, certificateArn: CERT }));
    expect(result.annotations).toMatchObject({ [`${SVC}aws-load-balancer-ssl-cert`]: CERT, [`${SVC}aws-load-balancer-ssl-ports`]: '8443' });
  });

  it(`${row('R5')}: client IP on ip targets over TCP → preserve_client_ip.enabled=true`, () => {
    const result = sut(request({ protocol: 'TCP', needClientIp: true }));
    expect(result).toMatchObject({ targetType: 'IP', preserveClientIp: true, clientIpVia: 'L3_SOURCE', proxyProtocol: null });
    expect(result.annotations[`${SVC}aws-load-balancer-target-group-attributes`]).toBe('preserve_client_ip.enabled=true');
    expect(rules(result)).toContain('R5');
  });

  it('R5: proxy protocol v2 instead → aws-load-balancer-proxy-protocol "*", client IP in the header', () => {
    const result = sut(request({ protocol: 'TCP', needClientIp: true, proxyProtocol: true }));
    expect(result).toMatchObject({ proxyProtocol: 'V2', clientIpVia: 'PROXY_PROTOCOL_V2', preserveClientIp: false });
    expect(result.annotations[`${SVC}aws-load-balancer-proxy-protocol`]).toBe('*');
    expect(result.annotations[`${SVC}aws-load-balancer-target-group-attributes`]).toBeUndefined();
  });

  it(`${row('R5u')}: UDP always preserves the client IP, no attribute needed`, () => {
    const result = sut(request({ protocol: 'UDP', port: 53, needClientIp: true }));
    expect(result).toMatchObject({ kind: 'NLB', targetType: 'IP', preserveClientIp: true, clientIpVia: 'L3_SOURCE', errors: [] });
    expect(result.annotations[`${SVC}aws-load-balancer-target-group-attributes`]).toBeUndefined();
    expect(manifest(result, 'Service').spec.ports[0]).toMatchObject({ name: 'udp', protocol: 'UDP', port: 53 });
    expect(rules(result)).toContain('R5u');
  });

  it('R5u: proxy protocol is not offered for UDP', () => {
    const result = sut(request({ protocol: 'UDP', port: 53, proxyProtocol: true }));
    expect(result.proxyProtocol).toBeNull();
    expect(codes(result.warnings)).toContain('PROXY_PROTOCOL_UNSUPPORTED_FOR_UDP');
  });

  it(`${row('R6')}: instance targets + client IP → externalTrafficPolicy Local`, () => {
    const result = sut(request({ protocol: 'TCP', needClientIp: true }, { cni: 'OTHER' }));
    expect(result).toMatchObject({
      targetType: 'INSTANCE',
      externalTrafficPolicy: 'LOCAL',
      preserveClientIp: true,
      clientIpVia: 'L3_SOURCE',
      errors: [],
    });
    expect(manifest(result, 'Service').spec.externalTrafficPolicy).toBe('Local');
    expect(rules(result)).toContain('R6');
  });

  it('R6: instance targets without the client-IP need keep Cluster (node SNAT)', () => {
    const result = sut(request({ protocol: 'TCP' }, { cni: 'OTHER' }));
    expect(result).toMatchObject({ targetType: 'INSTANCE', externalTrafficPolicy: 'CLUSTER', preserveClientIp: true, clientIpVia: 'NONE' });
  });

  it(`${row('R7')}: an ALB gives the client IP in X-Forwarded-For only`, () => {
    const result = sut(request({ audience: 'INTERNET', protocol: 'HTTP', port: 80, needClientIp: true }));
    expect(result).toMatchObject({ kind: 'ALB_INGRESS', clientIpVia: 'X_FORWARDED_FOR', preserveClientIp: null, warnings: [] });
    expect(rules(result)).toContain('R7');
  });

  it(`${row('R8')}: internet-facing NLB with Elastic IPs pinned to the discovered subnets`, () => {
    const result = sut(
      request(
        { audience: 'INTERNET', staticIps: true, eipAllocations: ['eipalloc-0a1b2c3d4e5f60718', 'eipalloc-0a1b2c3d4e5f60719'] },
        { subnets: designSubnets },
      ),
    );
    expect(result).toMatchObject({ kind: 'NLB', scheme: 'INTERNET_FACING', subnets: ['public-a', 'public-b'], errors: [] });
    expect(result.annotations).toMatchObject({
      [`${SVC}aws-load-balancer-eip-allocations`]: 'eipalloc-0a1b2c3d4e5f60718,eipalloc-0a1b2c3d4e5f60719',
      [`${SVC}aws-load-balancer-subnets`]: 'public-a,public-b',
    });
    expect(rules(result)).toContain('R8');
  });

  it('R8: internal NLB gets private addresses (proposed from the subnets when none are given)', () => {
    const result = sut(request({ audience: 'VPC', staticIps: true }, { subnets: designSubnets }));
    expect(result.annotations).toMatchObject({
      [`${SVC}aws-load-balancer-private-ipv4-addresses`]: '10.0.31.254,10.0.47.254',
      [`${SVC}aws-load-balancer-subnets`]: 'private-a,private-b',
    });
    expect(codes(result.warnings)).toContain('STATIC_PRIVATE_IPS_PROPOSED');
    expect(result.errors).toEqual([]);
  });

  it('R8: internal static IPs without addresses or subnets cannot be chosen', () => {
    const result = sut(request({ audience: 'VPC', staticIps: true }));
    expect(codes(result.errors)).toEqual(['STATIC_PRIVATE_IPS_NEED_ADDRESSES']);
  });

  it('R8: an ALB gets static IPs from a frontend NLB (LBC ≥ 2.13)', () => {
    const result = sut(request({ audience: 'INTERNET', protocol: 'HTTP', port: 80, staticIps: true }));
    expect(result.annotations).toMatchObject({
      [`${ALB}enable-frontend-nlb`]: 'true',
      [`${ALB}frontend-nlb-scheme`]: 'internet-facing',
      [`${ALB}frontend-nlb-eip-allocations`]: 'eipalloc-REPLACE-1,eipalloc-REPLACE-2',
    });
    expect(codes(result.warnings)).toContain('STATIC_IP_PLACEHOLDERS');
    const old = sut(request({ audience: 'INTERNET', protocol: 'HTTP', port: 80, staticIps: true }, { lbcVersion: 'v2.12.0' }));
    expect(codes(old.errors)).toEqual(['FRONTEND_NLB_REQUIRES_LBC_2_13']);
  });

  it('R8: a Classic Load Balancer has no static addresses', () => {
    const result = sut(request({ protocol: 'HTTP', port: 80, staticIps: true }, { controller: 'CCM_ONLY' }));
    expect(result.kind).toBe('CLB');
    expect(codes(result.errors)).toEqual(['STATIC_IPS_UNSUPPORTED_ON_CLB']);
  });

  it(`${row('R9')}: Fargate forces ip targets for NLB and ALB`, () => {
    const nlb = sut(request({ protocol: 'TCP', needClientIp: true }, { compute: 'FARGATE', cni: 'OTHER' }));
    expect(nlb).toMatchObject({ kind: 'NLB', targetType: 'IP', errors: [] });
    expect(nlb.rationale.find((entry) => entry.code === 'IP_TARGETS_REQUIRED')?.rule).toBe('R9');
    const alb = sut(request({ protocol: 'HTTP', port: 80 }, { compute: 'FARGATE' }));
    expect(alb).toMatchObject({ kind: 'ALB_INGRESS', targetType: 'IP', serviceType: 'ClusterIP' });
  });

  it('R9: mixed compute with instance targets warns that Fargate replicas are unreachable', () => {
    const result = sut(request({ protocol: 'TCP', targetType: 'INSTANCE' }, { compute: 'MIXED' }));
    expect(result.targetType).toBe('INSTANCE');
    expect(codes(result.warnings)).toContain('MIXED_COMPUTE_INSTANCE_TARGETS');
  });

  it(`${row('R10')}: IPv6 → dualstack load balancer with ip targets`, () => {
    const nlb = sut(request({ protocol: 'TCP' }, { ipFamily: 'IPV6' }));
    expect(nlb).toMatchObject({ kind: 'NLB', controller: 'LBC', targetType: 'IP', ipAddressType: 'DUALSTACK', errors: [] });
    expect(nlb.annotations[`${SVC}aws-load-balancer-ip-address-type`]).toBe('dualstack');
    const alb = sut(request({ protocol: 'HTTP', port: 80 }, { ipFamily: 'IPV6' }));
    expect(alb.annotations[`${ALB}ip-address-type`]).toBe('dualstack');
    expect(rules(alb)).toContain('R10');
  });

  it(`${row('R11')}: in-tree only, HTTP → CLB with an HTTP listener (X-Forwarded-For), internal via -internal`, () => {
    const result = sut(request({ protocol: 'HTTP', port: 80 }, { controller: 'CCM_ONLY' }));
    expect(result).toMatchObject({
      kind: 'CLB',
      controller: 'CCM',
      serviceType: 'LoadBalancer',
      loadBalancerClass: null,
      targetType: 'INSTANCE',
      scheme: 'INTERNAL',
      clientIpVia: 'X_FORWARDED_FOR',
      errors: [],
    });
    expect(result.annotations).toEqual({
      [`${SVC}aws-load-balancer-internal`]: 'true',
      [`${SVC}aws-load-balancer-backend-protocol`]: 'http',
    });
    expect(manifest(result, 'Service').spec.loadBalancerClass).toBeUndefined();
  });

  it('R11: in-tree only, TCP → NLB with aws-load-balancer-type: nlb and instance targets; client IP via Local', () => {
    const result = sut(request({ audience: 'INTERNET', protocol: 'TCP', needClientIp: true }, { controller: 'CCM_ONLY' }));
    expect(result).toMatchObject({
      kind: 'NLB',
      controller: 'CCM',
      targetType: 'INSTANCE',
      scheme: 'INTERNET_FACING',
      externalTrafficPolicy: 'LOCAL',
      clientIpVia: 'L3_SOURCE',
      errors: [],
    });
    expect(result.annotations).toEqual({ [`${SVC}aws-load-balancer-type`]: 'nlb' });
  });

  it('R11: in-tree only refuses Ingress, IPv6 and ip targets', () => {
    expect(codes(sut(request({ protocol: 'HTTP', kind: 'ALB_INGRESS' }, { controller: 'CCM_ONLY' })).errors)).toContain(
      'INGRESS_REQUIRES_LBC',
    );
    expect(codes(sut(request({ protocol: 'TCP' }, { controller: 'CCM_ONLY', ipFamily: 'IPV6' })).errors)).toContain('IPV6_REQUIRES_LBC');
    expect(codes(sut(request({ protocol: 'TCP', targetType: 'IP' }, { controller: 'CCM_ONLY' })).errors)).toEqual([
      'CCM_SUPPORTS_INSTANCE_TARGETS_ONLY',
    ]);
  });

  it('R11: a CLB over TCP sends the client address with proxy protocol v1', () => {
    const result = sut(request({ protocol: 'TCP', kind: 'CLB', needClientIp: true }, { controller: 'CCM_ONLY' }));
    expect(result).toMatchObject({ kind: 'CLB', proxyProtocol: 'V1', clientIpVia: 'PROXY_PROTOCOL_V1' });
    expect(result.annotations).toMatchObject({
      [`${SVC}aws-load-balancer-proxy-protocol`]: '*',
      [`${SVC}aws-load-balancer-backend-protocol`]: 'tcp',
    });
  });

  it(`${row('R12')}: strict pod security groups keep ip targets (no Local needed) for the client IP`, () => {
    const result = sut(request({ protocol: 'TCP', needClientIp: true }, { podSecurityGroups: 'STRICT' }));
    expect(result).toMatchObject({ targetType: 'IP', externalTrafficPolicy: 'CLUSTER', preserveClientIp: true, errors: [] });
  });

  it('R12: strict pod security groups with forced instance targets do not use Local', () => {
    const result = sut(request({ protocol: 'TCP', needClientIp: true }, { podSecurityGroups: 'STRICT', cni: 'OTHER' }));
    expect(result).toMatchObject({ targetType: 'INSTANCE', externalTrafficPolicy: 'CLUSTER', clientIpVia: 'NONE', errors: [] });
    expect(result.warnings.find((w) => w.code === 'POD_SG_STRICT_KEEPS_CLUSTER_POLICY')?.rule).toBe('R12');
  });

  it(`${row('R13')}: an alternate CNI forces instance targets`, () => {
    const result = sut(request({ protocol: 'TCP' }, { cni: 'OTHER' }));
    expect(result).toMatchObject({ targetType: 'INSTANCE', errors: [] });
    expect(result.annotations[`${SVC}aws-load-balancer-nlb-target-type`]).toBe('instance');
    expect(rules(result)).toContain('R13');
  });

  it(`${row('R14')}: shareGroup → group.name and group.order on the Ingress`, () => {
    const result = sut(request({ protocol: 'HTTP', port: 80, shareGroup: 'shop-public', groupOrder: 10 }));
    expect(result.annotations).toMatchObject({ [`${ALB}group.name`]: 'shop-public', [`${ALB}group.order`]: '10' });
    expect(rules(result)).toContain('R14');
  });

  it('R14: shareGroup on a non-ALB exposure is ignored with a warning', () => {
    const result = sut(request({ protocol: 'TCP', shareGroup: 'shop' }));
    expect(codes(result.warnings)).toContain('SHARE_GROUP_IGNORED');
  });
});

describe('who reconciles it (exposure.md §0)', () => {
  it(`${row('§0')}: with the LBC webhook the class is still stated, so ownership does not depend on the webhook`, () => {
    const result = sut(request({ protocol: 'TCP' }));
    expect(result.rationale.map((entry) => entry.code)).toEqual(
      expect.arrayContaining(['LBC_LOAD_BALANCER_CLASS', 'WEBHOOK_WOULD_SET_CLASS']),
    );
  });

  it('§0: LBC before v2.4 has no loadBalancerClass → aws-load-balancer-type: external + explicit target type', () => {
    const result = sut(request({ protocol: 'TCP' }, { lbcVersion: '2.3.1' }));
    expect(result.loadBalancerClass).toBeNull();
    expect(result.annotations).toMatchObject({
      [`${SVC}aws-load-balancer-type`]: 'external',
      [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip',
    });
  });

  it('§0: a CLB cannot be had while the LBC webhook claims every new LoadBalancer Service', () => {
    expect(codes(sut(request({ protocol: 'TCP', kind: 'CLB' })).errors)).toEqual(['CLB_BLOCKED_BY_LBC_WEBHOOK']);
    const withoutWebhook = sut(request({ protocol: 'TCP', kind: 'CLB' }, { serviceMutatorWebhook: false }));
    expect(withoutWebhook).toMatchObject({ kind: 'CLB', controller: 'CCM', errors: [] });
    const webhookTooOld = sut(request({ protocol: 'TCP', kind: 'CLB' }, { lbcVersion: '2.4.7' }));
    expect(webhookTooOld.errors).toEqual([]);
  });
});

describe('other decisions', () => {
  it('warns about NLB hairpin for internal NLBs with client IP preservation, unless no in-cluster client calls it', () => {
    const instance = sut(request({ protocol: 'TCP' }, { cni: 'OTHER' }));
    expect(instance.warnings.find((w) => w.code === 'NLB_HAIRPIN_WITH_CLIENT_IP_PRESERVATION')?.message).toContain("the caller's own node");
    expect(codes(sut(request({ protocol: 'TCP', clientsInCluster: false }, { cni: 'OTHER' })).warnings)).not.toContain(
      'NLB_HAIRPIN_WITH_CLIENT_IP_PRESERVATION',
    );
    expect(codes(sut(request({ audience: 'INTERNET', protocol: 'TCP' }, { cni: 'OTHER' })).warnings)).not.toContain(
      'NLB_HAIRPIN_WITH_CLIENT_IP_PRESERVATION',
    );
  });

  it('gRPC through an ALB needs an HTTPS listener and sets backend-protocol-version GRPC', () => {
    expect(codes(sut(request({ protocol: 'GRPC', port: 50051 })).errors)).toEqual(['GRPC_REQUIRES_HTTPS_LISTENER']);
    const result = sut(request({ protocol: 'GRPC', port: 50051, certificateArn: CERT }));
    expect(result.annotations[`${ALB}backend-protocol-version`]).toBe('GRPC');
  });

  it('subnet discovery falls back to reachability only from LBC 2.12.1 and needs two AZs for an ALB', () => {
    const untagged: Subnet[] = [
      { name: 'pub-a', az: 'eu-west-1a', cidr: '10.1.0.0/24', public: true },
      { name: 'pub-b', az: 'eu-west-1b', cidr: '10.1.1.0/24', public: true },
    ];
    expect(sut(request({ audience: 'INTERNET', protocol: 'HTTP', port: 80 }, { subnets: untagged })).subnets).toEqual(['pub-a', 'pub-b']);
    expect(
      codes(sut(request({ audience: 'INTERNET', protocol: 'HTTP', port: 80 }, { subnets: untagged, lbcVersion: '2.11.0' })).errors),
    ).toEqual(['NO_SUBNETS_DISCOVERED']);
    expect(codes(sut(request({ audience: 'INTERNET', protocol: 'HTTP', port: 80 }, { subnets: [untagged[0]] })).errors)).toEqual([
      'TOO_FEW_SUBNETS',
    ]);
  });

  it('decideExposure answers without annotations or manifests, agreeing with the recommendation', () => {
    const input = request({ audience: 'INTERNET', protocol: 'TCP', needClientIp: true });
    const decision = decideExposure(input);
    const { annotations, manifests, ...recommended } = sut(input);
    expect(decision).toEqual(recommended);
    expect(decision).not.toHaveProperty('manifests');
    expect(Object.keys(annotations).length).toBeGreaterThan(0);
    expect(manifests.length).toBeGreaterThan(0);
  });

  it('every pipeline step names the rows it applies, and every rationale cites a known row', () => {
    for (const step of DECISION_PIPELINE) expect(step.rows.length).toBeGreaterThan(0);
    const knownRows = new Set<string>(Object.values(DECISION_RULES).map((rule) => rule.row));
    const result = sut(
      request(
        { audience: 'INTERNET', protocol: 'HTTPS', certificateArn: CERT, staticIps: true, shareGroup: 'web', needClientIp: true },
        { subnets: designSubnets },
      ),
    );
    for (const entry of result.rationale) expect(knownRows.has(entry.rule ?? '')).toBe(true);
  });

  it('refuses requests that cannot be planned', () => {
    expect(() => sut(request({ audience: 'EVERYONE' as never }))).toThrow(ValidationFailedError);
    expect(() => sut(request({ port: 70000 }))).toThrow(ValidationFailedError);
    expect(() => sut({ expose: { audience: 'VPC', protocol: 'TCP', port: 80 }, workload: { name: 'Bad_Name' } })).toThrow(
      ValidationFailedError,
    );
    expect(thrownBy(() => sut(request({}, { lbcVersion: 'latest' })), InvalidInputError).code).toBe('INVALID_LBC_VERSION');
  });

  it("an invalid shareGroup is reported in the controller's words, as the lint reports group.name", () => {
    const invalid = (shareGroup: string) =>
      sut(request({ audience: 'INTERNET', protocol: 'HTTP', port: 80, shareGroup }))
        .errors.filter((error) => error.code === 'INVALID_INGRESS_GROUP_NAME')
        .map((error) => error.message);
    expect(invalid('Bad_Group')).toEqual([
      "invalid ingress group: groupName must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
    ]);
    expect(invalid('g'.repeat(64))).toEqual(['invalid ingress group: groupName must be no more than 63 characters']);
    expect(invalid('g'.repeat(63))).toEqual([]);
  });

  it('a targetPort name follows IANA_SVC_NAME as the request DTO does: no "--" (the engine used to accept it)', () => {
    const named = (targetPort: string): ExposureRequest => ({
      expose: { audience: 'CLUSTER', protocol: 'TCP', port: 80 },
      workload: { name: 'api', targetPort },
    });
    expect(thrownBy(() => sut(named('http--alt')), ValidationFailedError).details).toEqual([
      { path: 'workload.targetPort', message: 'must be a port number or an IANA service name (≤ 15 characters)' },
    ]);
    for (const bad of ['-http', 'http-', '8080', 'Http', 'http-alternative1', ''])
      expect(() => sut(named(bad))).toThrow(ValidationFailedError);
    expect(manifest(sut(named('http-alt')), 'Service').spec.ports[0].targetPort).toBe('http-alt');
  });

  it('covers every row of the decision table', () => {
    expect([...coveredRows].sort()).toEqual([
      'R1',
      'R10',
      'R11',
      'R12',
      'R13',
      'R14',
      'R2',
      'R3',
      'R3a',
      'R3b',
      'R4',
      'R5',
      'R5u',
      'R6',
      'R7',
      'R8',
      'R9',
      '§0',
    ]);
  });
});

describe('exposure wording (issue 17 item 8)', () => {
  // [CCM-AWS] L2453-2460 (kubernetes/cloud-provider-aws pkg/providers/v1/aws.go): the in-tree controller is
  // internet-facing unless aws-load-balancer-internal is set, and reads no -scheme annotation.
  const scheme = (recommendation: ExposureRecommendation) =>
    recommendation.rationale.find((entry) => entry.code === 'SCHEME_FROM_AUDIENCE')?.message ?? '';

  it('a CLB of the in-tree controller for the internet emits no scheme annotation, and the rationale says it is the default', () => {
    const result = sut(request({ audience: 'INTERNET', kind: 'CLB' }, { controller: 'CCM_ONLY' }));
    expect(result).toMatchObject({ kind: 'CLB', controller: 'CCM', scheme: 'INTERNET_FACING' });
    expect(Object.keys(result.annotations).filter((key) => key.includes('scheme') || key.includes('-internal'))).toEqual([]);
    expect(scheme(result)).toContain('default, so the manifest carries no scheme annotation');
    expect(scheme(result)).not.toContain('says it explicitly');
  });

  it('an internal in-tree load balancer names the annotation it does carry', () => {
    const result = sut(request({ audience: 'VPC', kind: 'CLB' }, { controller: 'CCM_ONLY' }));
    expect(result.annotations[`${SVC}aws-load-balancer-internal`]).toBe('true');
    expect(result.annotations[`${SVC}aws-load-balancer-scheme`]).toBeUndefined();
    expect(scheme(result)).toContain('aws-load-balancer-internal: "true"');
  });

  it('every annotation a rationale names is in the manifest (LBC and in-tree, both audiences)', () => {
    for (const controller of ['LBC', 'CCM_ONLY'] as const) {
      for (const audience of ['INTERNET', 'VPC'] as const) {
        const result = sut(request({ audience }, { controller }));
        const named = result.rationale.flatMap((entry) => entry.message.match(/aws-load-balancer-[a-z-]+(?=: ")/g) ?? []);
        for (const key of named) expect(Object.keys(result.annotations)).toContain(`${SVC}${key}`);
      }
    }
  });

  it('a workload.port that differs from expose.port gets a warning saying the Service uses workload.port', () => {
    const result = sut({
      expose: { audience: 'VPC', protocol: 'TCP', port: 443 },
      context: {},
      workload: { name: 'api', namespace: 'shop', port: 8443 },
    });
    expect(manifest(result, 'Service').spec.ports[0].port).toBe(8443);
    const warning = result.warnings.find((entry) => entry.code === 'WORKLOAD_PORT_OVERRIDES_EXPOSE_PORT');
    expect(warning?.message).toContain('the Service uses workload.port 8443');
    expect(warning?.message).toContain('expose.port 443 is not used');
    const same = sut({ expose: { audience: 'VPC', protocol: 'TCP', port: 443 }, context: {}, workload: { name: 'api', port: 443 } });
    expect(codes(same.warnings)).not.toContain('WORKLOAD_PORT_OVERRIDES_EXPOSE_PORT');
  });
});
