/**
 * Every validation row of exposure.md §2, asserted through the recommendation (when the request can express
 * it) and through the manifest lint (when a manifest can), with the stable code each row maps to.
 */
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Subnet } from '../spec/design-spec.types.js';
import { recommendExposure } from './exposure-recommendation.engine.js';
import { VALIDATION_RULES } from './exposure-rules.data.js';
import type { ExposeRequest, ExposureContextInput, ExposureIssue, LintContextInput, LintFinding } from './exposure.types.js';
import { lintManifests } from './manifest-lint.engine.js';

const SVC = 'service.beta.kubernetes.io/';
const ALB = 'alb.ingress.kubernetes.io/';
const LBC_CLASS = 'service.k8s.aws/nlb';

type Obj = Record<string, unknown>;

function service(name: string, spec: Obj, annotations: Record<string, string> = {}): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'shop', ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: { selector: { app: name }, ports: [{ name: 'tcp', port: 443, targetPort: 8443, protocol: 'TCP' }], ...spec },
  };
}

function ingress(name: string, annotations: Record<string, string>, backend = 'web', extraSpec: Obj = {}): Obj {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'shop', annotations },
    spec: {
      ingressClassName: 'alb',
      rules: [
        { http: { paths: [{ path: `/${name}`, pathType: 'Prefix', backend: { service: { name: backend, port: { number: 80 } } } }] } },
      ],
      ...extraSpec,
    },
  };
}

const webService = service('web', { type: 'ClusterIP', ports: [{ name: 'http', port: 80, targetPort: 8080 }] });

function lint(objects: Obj[], context: LintContextInput = {}): LintFinding[] {
  return lintManifests(objects.map((object) => stringify(object)).join('---\n'), context).findings;
}

function withCode(findings: readonly LintFinding[], code: string): LintFinding[] {
  return findings.filter((finding) => finding.code === code);
}

function recommend(expose: Partial<ExposeRequest>, context: ExposureContextInput = {}) {
  return recommendExposure({
    expose: { audience: 'VPC', protocol: 'TCP', port: 443, ...expose },
    context,
    workload: { name: 'api', namespace: 'shop' },
  });
}

const errorCodes = (issues: readonly ExposureIssue[]): string[] => issues.map((issue) => issue.code);

const subnets: Subnet[] = [
  { name: 'public-a', az: 'eu-west-1a', cidr: '10.0.0.0/24', public: true, roles: ['ELB'] },
  { name: 'public-b', az: 'eu-west-1b', cidr: '10.0.1.0/24', public: true, roles: ['ELB'] },
  { name: 'public-a2', az: 'eu-west-1a', cidr: '10.0.2.0/24', public: true, roles: ['ELB'] },
  { name: 'private-a', az: 'eu-west-1a', cidr: '10.0.16.0/20', roles: ['INTERNAL_ELB'] },
  { name: 'private-b', az: 'eu-west-1b', cidr: '10.0.32.0/20', roles: ['INTERNAL_ELB'] },
];

const covered = new Set<string>();
const row = (id: string): string => {
  covered.add(id);
  return id;
};

/** The rows of exposure.md §2, verbatim. */
const SECTION_2_ROWS = [
  'V-NODEPORT-RANGE',
  'V-ETP-CLUSTERIP',
  'V-HCNP-SCOPE',
  'V-LBCLASS',
  'V-LBTYPE-MUTATE',
  'V-NOT-RECONCILED',
  'V-INSTANCE-CLUSTERIP (Service)',
  'V-INSTANCE-CLUSTERIP (Ingress)',
  'V-NO-NODEPORT',
  'V-FARGATE-IP',
  'V-IPV6-IP',
  'V-IPV6-DUALSTACK',
  'V-IPV6-CCM',
  'V-ALT-CNI-IP',
  'V-LOCAL-TCP-HC',
  'V-PPV2-VALUE',
  'W-PPV2-LOCAL',
  'V-HC-NAMED-PORT',
  'V-HC-PROTO',
  'V-LB-NAME',
  'V-EIP-SCHEME',
  'V-EIP-COUNT',
  'V-PRIV-IP-SCHEME',
  'V-IPV6-ADDR',
  'V-IPAM-TG-TYPE',
  'V-ALB-TARGET-TYPE',
  'V-SUBNET-COUNT',
  'V-SUBNET-AZ',
  'V-SUBNET-NONE',
  'V-LISTEN-PORT',
  'V-SG-CUSTOM',
  'W-SOURCE-RANGES',
  'W-SCHEME-CHANGE',
  'V-SGP-STRICT-LOCAL',
  'V-CCM-LBIP',
  'V-CCM-PP',
];

describe('exposure.md §2 validation rows', () => {
  it(`${row('V-NODEPORT-RANGE')} → NODE_PORT_OUT_OF_RANGE`, () => {
    expect(errorCodes(recommend({ kind: 'NODE_PORT', nodePort: 8080 }).errors)).toEqual(['NODE_PORT_OUT_OF_RANGE']);
    const [finding] = withCode(
      lint([service('db', { type: 'NodePort', ports: [{ port: 5432, nodePort: 80 }] })]),
      'NODE_PORT_OUT_OF_RANGE',
    );
    expect(finding).toMatchObject({
      severity: 'ERROR',
      resource: 'Service/shop/db',
      path: 'spec.ports[0].nodePort',
      message:
        'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
      rule: 'V-NODEPORT-RANGE',
    });
  });

  it(`${row('V-ETP-CLUSTERIP')} → EXTERNAL_TRAFFIC_POLICY_ON_CLUSTER_IP`, () => {
    const result = recommend({ audience: 'CLUSTER', externalTrafficPolicy: 'LOCAL' });
    expect(result.errors[0]).toMatchObject({
      code: 'EXTERNAL_TRAFFIC_POLICY_ON_CLUSTER_IP',
      message: 'spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services',
    });
    expect(
      withCode(lint([service('db', { type: 'ClusterIP', externalTrafficPolicy: 'Local' })]), 'EXTERNAL_TRAFFIC_POLICY_ON_CLUSTER_IP'),
    ).toHaveLength(1);
    expect(
      withCode(
        lint([service('db', { type: 'ClusterIP', externalTrafficPolicy: 'Local', externalIPs: ['10.0.0.10'] })]),
        'EXTERNAL_TRAFFIC_POLICY_ON_CLUSTER_IP',
      ),
    ).toHaveLength(0);
  });

  it(`${row('V-HCNP-SCOPE')} → HEALTH_CHECK_NODE_PORT_OUT_OF_SCOPE`, () => {
    const findings = lint([service('db', { type: 'NodePort', externalTrafficPolicy: 'Local', healthCheckNodePort: 31000 })]);
    expect(withCode(findings, 'HEALTH_CHECK_NODE_PORT_OUT_OF_SCOPE')[0]).toMatchObject({
      path: 'spec.healthCheckNodePort',
      severity: 'ERROR',
    });
    const fine = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS, externalTrafficPolicy: 'Local', healthCheckNodePort: 31000 },
        { [`${SVC}aws-load-balancer-nlb-target-type`]: 'instance', [`${SVC}aws-load-balancer-scheme`]: 'internet-facing' },
      ),
    ]);
    expect(withCode(fine, 'HEALTH_CHECK_NODE_PORT_OUT_OF_SCOPE')).toHaveLength(0);
  });

  it(`${row('V-LBCLASS')} → LOAD_BALANCER_CLASS_ON_NON_LB and LOAD_BALANCER_CLASS_CHANGED`, () => {
    expect(
      withCode(lint([service('db', { type: 'NodePort', loadBalancerClass: LBC_CLASS })]), 'LOAD_BALANCER_CLASS_ON_NON_LB')[0],
    ).toMatchObject({ path: 'spec.loadBalancerClass' });
    const before = stringify(service('db', { type: 'LoadBalancer', loadBalancerClass: 'example.com/metal' }));
    const findings = lint([service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS })], { previousManifests: before });
    expect(withCode(findings, 'LOAD_BALANCER_CLASS_CHANGED')[0].message).toContain('from example.com/metal to service.k8s.aws/nlb');
    // Created through the webhook, the object already carries the LBC class: stating it later is no change.
    const viaWebhook = lint([service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS })], {
      previousManifests: stringify(service('db', { type: 'LoadBalancer' })),
    });
    expect(withCode(viaWebhook, 'LOAD_BALANCER_CLASS_CHANGED')).toHaveLength(0);
  });

  it(`${row('V-LBTYPE-MUTATE')} → LOAD_BALANCER_TYPE_CHANGED`, () => {
    const before = stringify(service('db', { type: 'LoadBalancer' }, { [`${SVC}aws-load-balancer-type`]: 'nlb' }));
    const after = service(
      'db',
      { type: 'LoadBalancer' },
      { [`${SVC}aws-load-balancer-type`]: 'external', [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip' },
    );
    const [finding] = withCode(lint([after], { previousManifests: before, serviceMutatorWebhook: false }), 'LOAD_BALANCER_TYPE_CHANGED');
    expect(finding).toMatchObject({ severity: 'ERROR', path: `metadata.annotations["${SVC}aws-load-balancer-type"]` });
    expect(finding.message).toContain('Delete and recreate');
  });

  it(`${row('V-NOT-RECONCILED')} → SERVICE_NOT_RECONCILED`, () => {
    const external = service('db', { type: 'LoadBalancer' }, { [`${SVC}aws-load-balancer-type`]: 'external' });
    const [finding] = withCode(lint([external], { serviceMutatorWebhook: false }), 'SERVICE_NOT_RECONCILED');
    expect(finding.severity).toBe('ERROR');
    expect(finding.message).toContain('only reconciles it when aws-load-balancer-nlb-target-type is ip or instance');
    // The webhook gives new LoadBalancer Services the LBC class, so the same manifest is reconciled.
    expect(withCode(lint([external]), 'SERVICE_NOT_RECONCILED')).toHaveLength(0);
    const inTreeOnly = lint([service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS })], { controller: 'CCM_ONLY' });
    expect(withCode(inTreeOnly, 'SERVICE_NOT_RECONCILED')[0].severity).toBe('ERROR');
  });

  it(`${row('V-INSTANCE-CLUSTERIP (Service)')} → INSTANCE_TARGET_ON_CLUSTER_IP`, () => {
    const findings = lint([
      service(
        'db',
        { type: 'ClusterIP' },
        { [`${SVC}aws-load-balancer-type`]: 'external', [`${SVC}aws-load-balancer-nlb-target-type`]: 'instance' },
      ),
    ]);
    expect(withCode(findings, 'INSTANCE_TARGET_ON_CLUSTER_IP')[0].message).toBe(
      'unsupported service type "ClusterIP" for load balancer target type "instance"',
    );
  });

  it(`${row('V-INSTANCE-CLUSTERIP (Ingress)')} → INGRESS_INSTANCE_BACKEND_CLUSTER_IP, resolved across documents`, () => {
    const findings = lint([ingress('shop', { [`${ALB}scheme`]: 'internal' }), webService]);
    const [finding] = withCode(findings, 'INGRESS_INSTANCE_BACKEND_CLUSTER_IP');
    expect(finding).toMatchObject({ resource: 'Ingress/shop/shop', path: 'spec.rules[0].http.paths[0].backend.service.name' });
    expect(finding.message).toContain("When using Instance targets, your service be must of type 'NodePort' or 'LoadBalancer'");
    // The Service-level target type wins over the Ingress default ([LBC-IA] L11).
    const ipOnService = service('web', { type: 'ClusterIP', ports: [{ name: 'http', port: 80 }] }, { [`${ALB}target-type`]: 'ip' });
    expect(withCode(lint([ingress('shop', {}), ipOnService]), 'INGRESS_INSTANCE_BACKEND_CLUSTER_IP')).toHaveLength(0);
  });

  it(`${row('V-NO-NODEPORT')} → INSTANCE_TARGET_WITHOUT_NODE_PORT`, () => {
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS, allocateLoadBalancerNodePorts: false },
        { [`${SVC}aws-load-balancer-nlb-target-type`]: 'instance', [`${SVC}aws-load-balancer-scheme`]: 'internal' },
      ),
    ]);
    expect(withCode(findings, 'INSTANCE_TARGET_WITHOUT_NODE_PORT')[0]).toMatchObject({ path: 'spec.ports[0]', severity: 'ERROR' });
  });

  it(`${row('V-FARGATE-IP')} → FARGATE_REQUIRES_IP_TARGETS`, () => {
    expect(errorCodes(recommend({ targetType: 'INSTANCE' }, { compute: 'FARGATE' }).errors)).toEqual(['FARGATE_REQUIRES_IP_TARGETS']);
    const findings = lint(
      [service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS }, { [`${SVC}aws-load-balancer-scheme`]: 'internal' })],
      { compute: 'FARGATE' },
    );
    expect(withCode(findings, 'FARGATE_REQUIRES_IP_TARGETS')).toHaveLength(1);
  });

  it(`${row('V-IPV6-IP')} → IPV6_REQUIRES_IP_TARGETS`, () => {
    expect(errorCodes(recommend({ targetType: 'INSTANCE' }, { ipFamily: 'IPV6' }).errors)).toEqual(['IPV6_REQUIRES_IP_TARGETS']);
    const findings = lint(
      [
        service(
          'db',
          { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS },
          { [`${SVC}aws-load-balancer-nlb-target-type`]: 'instance', [`${SVC}aws-load-balancer-ip-address-type`]: 'dualstack' },
        ),
      ],
      { ipFamily: 'IPV6' },
    );
    expect(withCode(findings, 'IPV6_REQUIRES_IP_TARGETS')).toHaveLength(1);
  });

  describe('an invalid explicit targetType still gets a recommendation that works (issue 17 item 4)', () => {
    // [EKS-NLB] L93 / [EKS-ALB] L47: Fargate pods are reachable as ip targets only; [EKS-IPV6] L30: so are IPv6 pods, and
    // [LBC-CODE-TG] L836-839 (model_build_target_group.go@225f4456 buildTargetGroupIPAddressType) refuses an IPv6 target
    // group on a load balancer that is not dualstack, so the corrected IPv6 answer also carries ip-address-type: dualstack.
    it('Fargate with targetType INSTANCE: ip targets in the decision, annotations and manifests; the error names ask, reason and choice', () => {
      const result = recommend({ targetType: 'INSTANCE' }, { compute: 'FARGATE' });
      expect(result.targetType).toBe('IP');
      expect(result.annotations[`${SVC}aws-load-balancer-nlb-target-type`]).toBe('ip');
      expect(result.manifests).toContain('aws-load-balancer-nlb-target-type: ip');
      expect(result.manifests).not.toContain('target-type: instance');
      const [error] = result.errors;
      expect(errorCodes(result.errors)).toEqual(['FARGATE_REQUIRES_IP_TARGETS']);
      expect(error?.message).toMatch(/targetType INSTANCE was requested, but pods on AWS Fargate .* uses ip targets instead\./);
      expect(result.rationale.map((r) => r.code)).toContain('EXPLICIT_TARGET_TYPE_CORRECTED');
      // What the lint says about the corrected manifests: no Fargate finding is left.
      expect(withCode(lintManifests(result.manifests, { compute: 'FARGATE' }).findings, 'FARGATE_REQUIRES_IP_TARGETS')).toEqual([]);
    });

    it('IPv6 with targetType INSTANCE: ip targets on a dualstack NLB, and the lint of the result has no IPv6 error', () => {
      const result = recommend({ targetType: 'INSTANCE' }, { ipFamily: 'IPV6' });
      expect(result).toMatchObject({ targetType: 'IP', ipAddressType: 'DUALSTACK' });
      expect(result.annotations).toMatchObject({
        [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip',
        [`${SVC}aws-load-balancer-ip-address-type`]: 'dualstack',
      });
      expect(errorCodes(result.errors)).toEqual(['IPV6_REQUIRES_IP_TARGETS']);
      const findings = lintManifests(result.manifests, { ipFamily: 'IPV6' }).findings;
      expect(findings.filter((finding) => finding.severity === 'ERROR')).toEqual([]);
    });

    it('an ALB Ingress for Fargate pods asked with instance targets gets ip targets and a ClusterIP backend', () => {
      const result = recommend({ kind: 'ALB_INGRESS', protocol: 'HTTP', port: 80, targetType: 'INSTANCE' }, { compute: 'FARGATE' });
      expect(result).toMatchObject({ targetType: 'IP', serviceType: 'ClusterIP' });
      expect(result.annotations[`${ALB}target-type`]).toBe('ip');
      expect(errorCodes(result.errors)).toEqual(['FARGATE_REQUIRES_IP_TARGETS']);
    });
  });

  it(`${row('V-IPV6-DUALSTACK')} → IPV6_REQUIRES_DUALSTACK for NLB Services and ALB groups`, () => {
    const nlb = service(
      'db',
      { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS, ipFamilies: ['IPv6'] },
      { [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip' },
    );
    expect(withCode(lint([nlb]), 'IPV6_REQUIRES_DUALSTACK')[0].message).toContain('unsupported IPv6 configuration, lb not dual-stack');
    const alb = ingress('shop', { [`${ALB}target-type`]: 'ip' });
    expect(withCode(lint([alb, webService], { ipFamily: 'IPV6' }), 'IPV6_REQUIRES_DUALSTACK')).toHaveLength(1);
    const dual = ingress('shop', { [`${ALB}target-type`]: 'ip', [`${ALB}ip-address-type`]: 'dualstack' });
    expect(withCode(lint([dual, webService], { ipFamily: 'IPV6' }), 'IPV6_REQUIRES_DUALSTACK')).toHaveLength(0);
  });

  it(`${row('V-IPV6-CCM')} → IPV6_REQUIRES_LBC`, () => {
    expect(errorCodes(recommend({}, { controller: 'CCM_ONLY', ipFamily: 'IPV6' }).errors)).toContain('IPV6_REQUIRES_LBC');
    expect(
      withCode(lint([service('db', { type: 'LoadBalancer' })], { controller: 'CCM_ONLY', ipFamily: 'IPV6' }), 'IPV6_REQUIRES_LBC'),
    ).toHaveLength(1);
  });

  it(`${row('V-ALT-CNI-IP')} → ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS`, () => {
    expect(errorCodes(recommend({ targetType: 'IP' }, { cni: 'OTHER' }).errors)).toEqual(['ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS']);
    const findings = lint(
      [service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS }, { [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip' })],
      { cni: 'OTHER' },
    );
    expect(withCode(findings, 'ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS')[0].path).toBe(
      `metadata.annotations["${SVC}aws-load-balancer-nlb-target-type"]`,
    );
  });

  it(`${row('V-LOCAL-TCP-HC')} → LOCAL_POLICY_TCP_HEALTH_CHECK`, () => {
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS, externalTrafficPolicy: 'Local' },
        { [`${SVC}aws-load-balancer-nlb-target-type`]: 'instance', [`${SVC}aws-load-balancer-healthcheck-protocol`]: 'tcp' },
      ),
    ]);
    expect(withCode(findings, 'LOCAL_POLICY_TCP_HEALTH_CHECK')[0].severity).toBe('ERROR');
  });

  it(`${row('V-PPV2-VALUE')} → INVALID_PROXY_PROTOCOL_VALUE with the LBC message`, () => {
    const findings = lint([
      service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS }, { [`${SVC}aws-load-balancer-proxy-protocol`]: 'v2' }),
    ]);
    expect(withCode(findings, 'INVALID_PROXY_PROTOCOL_VALUE')[0].message).toBe(
      'invalid value v2 for Load Balancer proxy protocol v2 annotation, only value currently supported is *',
    );
  });

  it(`${row('W-PPV2-LOCAL')} → PROXY_PROTOCOL_WITH_LOCAL_INSTANCE (warning)`, () => {
    const result = recommend({ proxyProtocol: true, externalTrafficPolicy: 'LOCAL' }, { cni: 'OTHER' });
    expect(errorCodes(result.warnings)).toContain('PROXY_PROTOCOL_WITH_LOCAL_INSTANCE');
    expect(result.errors).toEqual([]);
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS, externalTrafficPolicy: 'Local' },
        { [`${SVC}aws-load-balancer-proxy-protocol`]: '*' },
      ),
    ]);
    expect(withCode(findings, 'PROXY_PROTOCOL_WITH_LOCAL_INSTANCE')[0].severity).toBe('WARNING');
  });

  it(`${row('V-HC-NAMED-PORT')} → NAMED_HEALTH_CHECK_PORT_WITH_NAMED_TARGET_PORT`, () => {
    const spec = {
      type: 'LoadBalancer',
      loadBalancerClass: LBC_CLASS,
      ports: [
        { name: 'tcp', port: 443, targetPort: 8443 },
        { name: 'health', port: 8081, targetPort: 'health-port' },
      ],
    };
    const findings = lint([
      service('db', spec, { [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip', [`${SVC}aws-load-balancer-healthcheck-port`]: 'health' }),
    ]);
    expect(withCode(findings, 'NAMED_HEALTH_CHECK_PORT_WITH_NAMED_TARGET_PORT')[0].message).toBe(
      "cannot use named healthCheckPort for IP TargetType when service's targetPort is a named port",
    );
    const unknownName = lint([service('db', spec, { [`${SVC}aws-load-balancer-healthcheck-port`]: 'nope' })]);
    expect(withCode(unknownName, 'HEALTH_CHECK_PORT_NOT_FOUND')).toHaveLength(1);
  });

  it(`${row('V-HC-PROTO')} → UNSUPPORTED_HEALTH_CHECK_PROTOCOL for NLB and ALB`, () => {
    const nlb = lint([
      service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS }, { [`${SVC}aws-load-balancer-healthcheck-protocol`]: 'UDP' }),
    ]);
    expect(withCode(nlb, 'UNSUPPORTED_HEALTH_CHECK_PROTOCOL')[0].message).toContain('unsupported health check protocol UDP');
    const alb = lint([ingress('shop', { [`${ALB}healthcheck-protocol`]: 'TCP', [`${ALB}target-type`]: 'ip' }), webService]);
    expect(withCode(alb, 'UNSUPPORTED_HEALTH_CHECK_PROTOCOL')[0].message).toBe('healthCheckProtocol must be within [HTTP, HTTPS]: TCP');
  });

  it(`${row('V-LB-NAME')} → LOAD_BALANCER_NAME_TOO_LONG`, () => {
    const name = 'shop-production-payments-gateway-nlb';
    const nlb = lint([service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS }, { [`${SVC}aws-load-balancer-name`]: name })]);
    expect(withCode(nlb, 'LOAD_BALANCER_NAME_TOO_LONG')[0].message).toContain('load balancer name cannot be longer than 32 characters');
    const alb = lint([ingress('shop', { [`${ALB}load-balancer-name`]: name, [`${ALB}target-type`]: 'ip' }), webService]);
    expect(withCode(alb, 'LOAD_BALANCER_NAME_TOO_LONG')).toHaveLength(1);
  });

  it(`${row('V-EIP-SCHEME')} → EIP_ON_INTERNAL_LOAD_BALANCER`, () => {
    expect(errorCodes(recommend({ audience: 'VPC', eipAllocations: ['eipalloc-0123456789abcdef0'] }, { subnets }).errors)).toContain(
      'EIP_ON_INTERNAL_LOAD_BALANCER',
    );
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS },
        { [`${SVC}aws-load-balancer-eip-allocations`]: 'eipalloc-0123456789abcdef0' },
      ),
    ]);
    expect(withCode(findings, 'EIP_ON_INTERNAL_LOAD_BALANCER')[0].message).toBe(
      'EIP allocations can only be set for internet facing load balancers',
    );
  });

  it(`${row('V-EIP-COUNT')} → EIP_COUNT_MISMATCH`, () => {
    const twoSubnets = subnets.filter((subnet) => subnet.name !== 'public-a2');
    expect(
      errorCodes(recommend({ audience: 'INTERNET', eipAllocations: ['eipalloc-0123456789abcdef0'] }, { subnets: twoSubnets }).errors),
    ).toEqual(['EIP_COUNT_MISMATCH']);
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS },
        {
          [`${SVC}aws-load-balancer-scheme`]: 'internet-facing',
          [`${SVC}aws-load-balancer-subnets`]: 'public-a,public-b',
          [`${SVC}aws-load-balancer-eip-allocations`]: 'eipalloc-0123456789abcdef0,eipalloc-0123456789abcdef1,eipalloc-0123456789abcdef2',
        },
      ),
    ]);
    expect(withCode(findings, 'EIP_COUNT_MISMATCH')[0].message).toBe('count of EIP allocations (3) and subnets (2) must match');
  });

  it(`${row('V-PRIV-IP-SCHEME')} → PRIVATE_IPS_ON_INTERNET_FACING`, () => {
    expect(errorCodes(recommend({ audience: 'INTERNET', privateIpv4Addresses: ['10.0.0.10'] }).errors)).toContain(
      'PRIVATE_IPS_ON_INTERNET_FACING',
    );
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS },
        { [`${SVC}aws-load-balancer-scheme`]: 'internet-facing', [`${SVC}aws-load-balancer-private-ipv4-addresses`]: '10.0.0.10' },
      ),
    ]);
    expect(withCode(findings, 'PRIVATE_IPS_ON_INTERNET_FACING')).toHaveLength(1);
  });

  it(`${row('V-IPV6-ADDR')} → IPV6_ADDRESSES_WITHOUT_DUALSTACK`, () => {
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS },
        { [`${SVC}aws-load-balancer-ipv6-addresses`]: '2600:1f14::10' },
      ),
    ]);
    expect(withCode(findings, 'IPV6_ADDRESSES_WITHOUT_DUALSTACK')[0].message).toBe(
      'IPv6 addresses can only be set for dualstack load balancers',
    );
  });

  it(`${row('V-IPAM-TG-TYPE')} → IP_TARGET_TYPE_DISABLED`, () => {
    expect(errorCodes(recommend({ targetType: 'IP' }, { enableIpTargetType: false }).errors)).toEqual(['IP_TARGET_TYPE_DISABLED']);
    expect(recommend({}, { enableIpTargetType: false }).targetType).toBe('INSTANCE');
    const findings = lint(
      [service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS }, { [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip' })],
      { enableIpTargetType: false },
    );
    expect(withCode(findings, 'IP_TARGET_TYPE_DISABLED')[0].message).toBe('unsupported targetType: ip when EnableIPTargetType is false');
  });

  it(`${row('V-ALB-TARGET-TYPE')} → INVALID_TARGET_TYPE`, () => {
    const alb = lint([ingress('shop', { [`${ALB}target-type`]: 'pod' }), webService]);
    expect(withCode(alb, 'INVALID_TARGET_TYPE')[0].message).toContain('unknown targetType: pod');
    const nlb = lint([
      service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS }, { [`${SVC}aws-load-balancer-nlb-target-type`]: 'IP' }),
    ]);
    expect(withCode(nlb, 'INVALID_TARGET_TYPE')).toHaveLength(1);
  });

  it(`${row('V-SUBNET-COUNT')} → TOO_FEW_SUBNETS`, () => {
    const oneAz = subnets.filter((subnet) => subnet.az === 'eu-west-1a');
    expect(errorCodes(recommend({ audience: 'INTERNET', protocol: 'HTTP', port: 80 }, { subnets: oneAz }).errors)).toEqual([
      'TOO_FEW_SUBNETS',
    ]);
    const findings = lint([ingress('shop', { [`${ALB}subnets`]: 'public-a', [`${ALB}target-type`]: 'ip' }), webService]);
    expect(withCode(findings, 'TOO_FEW_SUBNETS')[0].message).toBe(
      'subnets count less than minimal required count: 1 < 2 (an ALB needs subnets in two Availability Zones)',
    );
  });

  it(`${row('V-SUBNET-AZ')} → SUBNETS_SHARE_AZ`, () => {
    const findings = lint([ingress('shop', { [`${ALB}subnets`]: 'public-a,public-a2', [`${ALB}target-type`]: 'ip' }), webService], {
      subnets,
    });
    expect(withCode(findings, 'SUBNETS_SHARE_AZ')[0].message).toBe(
      'multiple subnets in same Availability Zone eu-west-1a: [public-a public-a2]',
    );
  });

  it(`${row('V-SUBNET-NONE')} → NO_SUBNETS_DISCOVERED`, () => {
    const onlyPrivate = subnets.filter((subnet) => subnet.roles?.includes('INTERNAL_ELB'));
    const result = recommend({ audience: 'INTERNET' }, { subnets: onlyPrivate });
    expect(errorCodes(result.errors)).toEqual(['NO_SUBNETS_DISCOVERED']);
    expect(result.errors[0].message).toContain('unable to resolve at least one subnet. Evaluated 2 subnets');
  });

  it(`${row('V-LISTEN-PORT')} → INVALID_LISTEN_PORTS`, () => {
    const badPort = lint([ingress('shop', { [`${ALB}listen-ports`]: '[{"HTTP": 70000}]', [`${ALB}target-type`]: 'ip' }), webService]);
    expect(withCode(badPort, 'INVALID_LISTEN_PORTS')[0].message).toBe('listen port must be within [1, 65535]: 70000');
    const badProtocol = lint([ingress('shop', { [`${ALB}listen-ports`]: '[{"TCP": 80}]', [`${ALB}target-type`]: 'ip' }), webService]);
    expect(withCode(badProtocol, 'INVALID_LISTEN_PORTS')[0].message).toBe('listen protocol must be within [HTTP, HTTPS]: TCP');
  });

  it(`${row('V-SG-CUSTOM')} → CUSTOM_SECURITY_GROUPS_UNMANAGED (warning)`, () => {
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS },
        { [`${SVC}aws-load-balancer-security-groups`]: 'sg-0123456789abcdef0' },
      ),
    ]);
    expect(withCode(findings, 'CUSTOM_SECURITY_GROUPS_UNMANAGED')[0].severity).toBe('WARNING');
    const managed = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS },
        {
          [`${SVC}aws-load-balancer-security-groups`]: 'sg-0123456789abcdef0',
          [`${SVC}aws-load-balancer-manage-backend-security-group-rules`]: 'true',
        },
      ),
    ]);
    expect(withCode(managed, 'CUSTOM_SECURITY_GROUPS_UNMANAGED')).toHaveLength(0);
  });

  it(`${row('W-SOURCE-RANGES')} → SOURCE_RANGES_IGNORED (warning) when ip targets do not preserve the client IP`, () => {
    const ranges = { [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip', [`${SVC}load-balancer-source-ranges`]: '203.0.113.0/24' };
    expect(
      withCode(lint([service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS }, ranges)]), 'SOURCE_RANGES_IGNORED')[0].severity,
    ).toBe('WARNING');
    const preserved = { ...ranges, [`${SVC}aws-load-balancer-target-group-attributes`]: 'preserve_client_ip.enabled=true' };
    expect(
      withCode(lint([service('db', { type: 'LoadBalancer', loadBalancerClass: LBC_CLASS }, preserved)]), 'SOURCE_RANGES_IGNORED'),
    ).toHaveLength(0);
  });

  it(`${row('W-SCHEME-CHANGE')} → SCHEME_CHANGE_REPLACES_LOAD_BALANCER (warning)`, () => {
    const before = [ingress('shop', { [`${ALB}scheme`]: 'internal', [`${ALB}target-type`]: 'ip' }), webService]
      .map((o) => stringify(o))
      .join('---\n');
    const findings = lint([ingress('shop', { [`${ALB}scheme`]: 'internet-facing', [`${ALB}target-type`]: 'ip' }), webService], {
      previousManifests: before,
    });
    expect(withCode(findings, 'SCHEME_CHANGE_REPLACES_LOAD_BALANCER')[0]).toMatchObject({
      severity: 'WARNING',
      resource: 'Ingress/shop/shop',
    });
  });

  it(`${row('V-SGP-STRICT-LOCAL')} → POD_SG_STRICT_FORBIDS_INSTANCE_LOCAL`, () => {
    const result = recommend({ targetType: 'INSTANCE', externalTrafficPolicy: 'LOCAL' }, { podSecurityGroups: 'STRICT' });
    expect(errorCodes(result.errors)).toEqual(['POD_SG_STRICT_FORBIDS_INSTANCE_LOCAL']);
    expect(recommend({ targetType: 'INSTANCE', externalTrafficPolicy: 'LOCAL' }, { podSecurityGroups: 'STANDARD' }).errors).toEqual([]);
    const findings = lint([service('db', { type: 'NodePort', externalTrafficPolicy: 'Local' })], { podSecurityGroups: 'STRICT' });
    expect(withCode(findings, 'POD_SG_STRICT_FORBIDS_INSTANCE_LOCAL')[0].path).toBe('spec.externalTrafficPolicy');
  });

  it(`${row('V-CCM-LBIP')} → CCM_LOAD_BALANCER_IP_UNSUPPORTED`, () => {
    const findings = lint([service('db', { type: 'LoadBalancer', loadBalancerIP: '203.0.113.10' })], { controller: 'CCM_ONLY' });
    expect(withCode(findings, 'CCM_LOAD_BALANCER_IP_UNSUPPORTED')[0].message).toBe('LoadBalancerIP cannot be specified for AWS ELB');
  });

  it(`${row('V-CCM-PP')} → INVALID_PROXY_PROTOCOL_VALUE with the in-tree message`, () => {
    const findings = lint([service('db', { type: 'LoadBalancer' }, { [`${SVC}aws-load-balancer-proxy-protocol`]: 'v1' })], {
      controller: 'CCM_ONLY',
    });
    expect(withCode(findings, 'INVALID_PROXY_PROTOCOL_VALUE')[0].message).toBe(
      `annotation "${SVC}aws-load-balancer-proxy-protocol"="v1" detected, but the only value supported currently is '*'`,
    );
  });

  it('covers every §2 row, and every §2 row has a code in VALIDATION_RULES', () => {
    expect([...covered].sort()).toEqual([...SECTION_2_ROWS].sort());
    const mappedRows = new Set(Object.values(VALIDATION_RULES).flatMap((rule) => rule.row.split(' / ')));
    for (const sectionRow of SECTION_2_ROWS) expect(mappedRows.has(sectionRow)).toBe(true);
  });
});
