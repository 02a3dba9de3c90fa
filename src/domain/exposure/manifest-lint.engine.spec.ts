import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, PlanningError, ValidationFailedError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import type { LintContextInput, LintFinding } from './exposure.types.js';
import { parseStringMap } from './annotation-value.parser.js';
import { MANIFEST_LIMITS } from './manifest-documents.parser.js';
import { lintManifests as sut } from './manifest-lint.engine.js';

const SVC = 'service.beta.kubernetes.io/';
const ALB = 'alb.ingress.kubernetes.io/';
const HELM_RELEASE = readFileSync(new URL('../../../test/fixtures/exposure/helm-release.yaml', import.meta.url), 'utf8');

type Obj = Record<string, unknown>;

/** 1-based line of the first line containing `needle` after the first line containing `after`. */
function lineOf(text: string, needle: string, after = ''): number {
  const lines = text.split('\n');
  const start = after ? lines.findIndex((line) => line.includes(after)) : 0;
  return lines.findIndex((line, index) => index >= start && line.includes(needle)) + 1;
}

function summary(findings: readonly LintFinding[]): string[] {
  return findings.map((finding) => `${finding.severity} ${finding.code} ${finding.resource}`);
}

function service(name: string, spec: Obj, annotations: Record<string, unknown> = {}, namespace = 'shop'): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }], ...spec },
  };
}

function ingress(name: string, annotations: Record<string, string>, spec: Obj = {}, namespace = 'shop'): Obj {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace, annotations },
    spec: {
      ingressClassName: 'alb',
      rules: [{ http: { paths: [{ path: `/${name}`, pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
      ...spec,
    },
  };
}

const web = service('web', { type: 'ClusterIP' });

function lint(objects: Obj[], context: LintContextInput = {}): LintFinding[] {
  return sut(objects.map((object) => stringify(object)).join('---\n'), context).findings;
}

const codesOf = (findings: readonly LintFinding[]): string[] => findings.map((finding) => finding.code);

describe('lintManifests on a Helm release', () => {
  const { findings } = sut(HELM_RELEASE);

  it('reports exactly the problems of the release, ignoring other kinds and empty documents', () => {
    expect(summary(findings).sort()).toEqual([
      'ERROR INGRESS_GROUP_CONFLICT Ingress/default/shop-api',
      'ERROR INGRESS_GROUP_CONFLICT Ingress/default/shop-web',
      'ERROR INGRESS_GROUP_SCHEME_CONFLICT Ingress/default/shop-admin',
      'ERROR INGRESS_GROUP_SCHEME_CONFLICT Ingress/default/shop-api',
      'ERROR INGRESS_GROUP_SCHEME_CONFLICT Ingress/default/shop-web',
      'ERROR INGRESS_INSTANCE_BACKEND_CLUSTER_IP Ingress/default/shop-admin',
      'ERROR INVALID_ANNOTATION_VALUE Ingress/default/shop-admin',
      'ERROR UNKNOWN_ANNOTATION Service/default/shop-mqtt',
      'WARNING DEPRECATED_ANNOTATION Service/default/shop-mqtt',
      'WARNING DUPLICATE_INGRESS_GROUP_ORDER Ingress/default/shop-api',
      'WARNING DUPLICATE_INGRESS_GROUP_ORDER Ingress/default/shop-web',
      'WARNING INGRESS_GROUP_LISTEN_PORTS_DIFFER Ingress/default/shop-admin',
    ]);
  });

  it('fails the whole IngressGroup on the scheme conflict, naming every member and its value', () => {
    const scheme = findings.filter((finding) => finding.code === 'INGRESS_GROUP_SCHEME_CONFLICT');
    expect(scheme.map((finding) => finding.line)).toEqual([
      lineOf(HELM_RELEASE, `${ALB}scheme`, 'ingress-api.yaml'),
      lineOf(HELM_RELEASE, `${ALB}scheme`, 'ingress-web.yaml'),
      lineOf(HELM_RELEASE, `${ALB}scheme`, 'ingress-admin.yaml'),
    ]);
    expect(scheme[0].message).toContain(
      'conflicting scheme in IngressGroup shop: default/shop-api, default/shop-web: internet-facing | default/shop-admin: internal',
    );
    expect(scheme[0].message).toContain('the controller fails the entire IngressGroup');
    expect(scheme[0]).toMatchObject({ path: `metadata.annotations["${ALB}scheme"]`, rule: '§3 exclusive' });
  });

  it('reports the exclusive load-balancer-attributes conflict attribute by attribute', () => {
    const conflict = findings.find(
      (finding) => finding.code === 'INGRESS_GROUP_CONFLICT' && finding.resource === 'Ingress/default/shop-web',
    );
    expect(conflict?.message).toContain(
      'conflicting load-balancer-attributes idle_timeout.timeout_seconds in IngressGroup shop: default/shop-api: 60 | default/shop-web: 120',
    );
    expect(conflict?.line).toBe(lineOf(HELM_RELEASE, 'load-balancer-attributes', 'ingress-web.yaml'));
  });

  it('resolves Ingress backends across documents (ClusterIP behind instance targets) and skips use-annotation actions', () => {
    const backend = findings.find((finding) => finding.code === 'INGRESS_INSTANCE_BACKEND_CLUSTER_IP');
    expect(backend).toMatchObject({
      path: 'spec.rules[0].http.paths[1].backend.service.name',
      line: lineOf(HELM_RELEASE, 'name: shop-admin', 'use-annotation'),
    });
    expect(codesOf(findings)).not.toContain('BACKEND_SERVICE_NOT_IN_MANIFESTS');
  });

  it('points the misspelled annotation at its line with a did-you-mean', () => {
    const unknown = findings.find((finding) => finding.code === 'UNKNOWN_ANNOTATION');
    expect(unknown).toMatchObject({
      severity: 'ERROR',
      path: `metadata.annotations["${SVC}aws-load-balancer-target-group-attribute"]`,
      line: lineOf(HELM_RELEASE, 'aws-load-balancer-target-group-attribute:'),
    });
    expect(unknown?.message).toContain(`did you mean ${SVC}aws-load-balancer-target-group-attributes?`);
  });
});

describe('annotation catalogue checks', () => {
  it('recognises patterned keys', () => {
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' },
        {
          [`${SVC}aws-load-balancer-scheme`]: 'internet-facing',
          [`${SVC}aws-load-balancer-target-group-attributes.8080`]: 'deregistration_delay.timeout_seconds=30',
          [`${SVC}aws-load-balancer-listener-attributes.TCP-80`]: 'tcp.idle_timeout.seconds=400',
        },
      ),
      ingress('api', {
        [`${ALB}target-type`]: 'ip',
        [`${ALB}conditions.web`]: '[{"field":"http-header","httpHeaderConfig":{"httpHeaderName":"X-Canary","values":["1"]}}]',
        [`${ALB}listener-attributes.HTTP-80`]: 'routing.http.response.server.enabled=false',
        [`${ALB}target-control-port.web.80`]: '3000',
      }),
      web,
    ]);
    expect(codesOf(findings)).not.toContain('UNKNOWN_ANNOTATION');
    expect(findings.filter((finding) => finding.severity === 'ERROR')).toEqual([]);
  });

  it('suggests the intended key for typos, pattern stems, a missing aws-load-balancer- and the wrong prefix', () => {
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' },
        {
          [`${SVC}aws-load-balancer-nlb-targettype`]: 'ip',
          [`${SVC}scheme`]: 'internal',
          [`${SVC}healthcheck-path`]: '/ready',
          [`${SVC}backend-protocol-version`]: 'GRPC',
        },
      ),
      ingress('api', { [`${ALB}action.forward`]: '{}', [`${ALB}target-type`]: 'ip', [`${ALB}completely-made-up-thing`]: 'x' }),
      web,
    ]);
    const suggestions = findings
      .filter((finding) => finding.code === 'UNKNOWN_ANNOTATION')
      .map((finding) => [finding.severity, finding.message.split('; ').pop()]);
    expect(suggestions).toEqual([
      ['ERROR', `did you mean ${SVC}aws-load-balancer-nlb-target-type?`],
      ['ERROR', `did you mean ${SVC}aws-load-balancer-scheme?`],
      ['ERROR', `did you mean ${SVC}aws-load-balancer-healthcheck-path?`],
      ['ERROR', `did you mean ${ALB}backend-protocol-version?`],
      ['ERROR', `did you mean ${ALB}actions.forward?`],
      ['WARNING', 'it has no effect.'],
    ]);
  });

  it('checks value forms the way the controller parses them', () => {
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' },
        {
          [`${SVC}aws-load-balancer-scheme`]: 'public',
          [`${SVC}aws-load-balancer-manage-backend-security-group-rules`]: 'yes',
          [`${SVC}aws-load-balancer-healthcheck-interval`]: '10s',
          [`${SVC}aws-load-balancer-attributes`]: 'deletion_protection.enabled',
          [`${SVC}aws-load-balancer-target-group-attributes`]: 'preserve_client_ip.enabled=maybe',
          [`${SVC}load-balancer-source-ranges`]: '203.0.113.0/24,10.0.0.0/33',
          [`${SVC}aws-load-balancer-healthcheck-healthy-threshold`]: '3',
          [`${SVC}aws-load-balancer-healthcheck-protocol`]: 'http',
        },
      ),
      ingress('api', { [`${ALB}target-type`]: 'ip', [`${ALB}auth-idp-oidc`]: '{"issuer": ', [`${ALB}shield-advanced-protection`]: 'TRUE' }),
      web,
    ]);
    const invalid = findings.filter((finding) => finding.code === 'INVALID_ANNOTATION_VALUE').map((finding) => finding.message);
    expect(invalid).toEqual([
      `unknown scheme: public (expected one of internal, internet-facing)`,
      `failed to parse bool annotation, ${SVC}aws-load-balancer-manage-backend-security-group-rules: yes (use "true" or "false")`,
      `failed to parse int32 annotation, ${SVC}aws-load-balancer-healthcheck-interval: 10s`,
      `failed to parse stringMap annotation, ${SVC}aws-load-balancer-attributes: deletion_protection.enabled (expected key1=value1,key2=value2)`,
      'failed to parse attribute preserve_client_ip.enabled=maybe',
      `${SVC}load-balancer-source-ranges: 10.0.0.0/33 is not a CIDR block.`,
      expect.stringContaining(`failed to parse json annotation, ${ALB}auth-idp-oidc: {"issuer": `),
    ]);
  });

  it('rejects annotation values that YAML reads as booleans or numbers (the apiserver refuses them)', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: db',
      '  annotations:',
      `    ${SVC}aws-load-balancer-internal: true`,
      `    ${SVC}aws-load-balancer-healthcheck-interval: 10`,
      'spec:',
      '  type: LoadBalancer',
      '',
    ].join('\n');
    const findings = sut(text, { controller: 'CCM_ONLY' }).findings.filter((finding) => finding.code === 'ANNOTATION_VALUE_NOT_STRING');
    expect(findings.map((finding) => [finding.line, finding.message])).toEqual([
      [6, `${SVC}aws-load-balancer-internal: the value true is a YAML boolean; annotation values must be strings, so quote it ("true").`],
      [
        7,
        `${SVC}aws-load-balancer-healthcheck-interval: the value 10 is a YAML number; annotation values must be strings, so quote it ("10").`,
      ],
    ]);
  });

  it('flags annotations on the wrong kind of object and ones the reconciling controller ignores', () => {
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' },
        {
          [`${ALB}scheme`]: 'internet-facing',
          [`${SVC}aws-load-balancer-scheme`]: 'internet-facing',
          [`${SVC}aws-load-balancer-connection-idle-timeout`]: '120',
        },
      ),
      ingress('api', { [`${SVC}aws-load-balancer-scheme`]: 'internal', [`${ALB}target-type`]: 'ip' }),
      web,
    ]);
    expect(findings.filter((finding) => finding.code === 'ANNOTATION_NOT_READ_HERE').map((finding) => finding.resource)).toEqual([
      'Service/shop/db',
      'Ingress/shop/api',
    ]);
    expect(findings.find((finding) => finding.code === 'ANNOTATION_IGNORED')?.message).toContain('only read by the in-tree controller');
  });

  it('an internal scheme the in-tree controller cannot read is an error: the load balancer would be public', () => {
    const findings = lint(
      [
        service(
          'db',
          { type: 'LoadBalancer' },
          { [`${SVC}aws-load-balancer-scheme`]: 'internal', [`${SVC}aws-load-balancer-nlb-target-type`]: 'ip' },
        ),
      ],
      { controller: 'CCM_ONLY' },
    );
    expect(summary(findings)).toEqual([
      'ERROR SCHEME_IGNORED_BY_IN_TREE_CONTROLLER Service/shop/db',
      'WARNING ANNOTATION_IGNORED Service/shop/db',
    ]);
  });
});

describe('Service ownership and allocation', () => {
  it('warns when the LBC webhook silently takes over a Service written for the in-tree controller', () => {
    const findings = lint([service('db', { type: 'LoadBalancer' }, { [`${SVC}aws-load-balancer-type`]: 'nlb' })]);
    const takeover = findings.find((finding) => finding.code === 'WEBHOOK_ASSIGNS_LOAD_BALANCER_CLASS');
    expect(takeover?.severity).toBe('WARNING');
    expect(takeover?.message).toContain('NLB with instance targets that is internal by default');
    expect(
      codesOf(
        lint([service('db', { type: 'LoadBalancer' }, { [`${SVC}aws-load-balancer-type`]: 'nlb' })], { serviceMutatorWebhook: false }),
      ),
    ).not.toContain('WEBHOOK_ASSIGNS_LOAD_BALANCER_CLASS');
  });

  it('finds node ports allocated twice across Services', () => {
    const findings = lint([
      service('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }),
      service('b', { type: 'NodePort', ports: [{ port: 81, nodePort: 30080 }] }),
      service('dns', {
        type: 'NodePort',
        ports: [
          { name: 'dns-udp', port: 53, protocol: 'UDP', nodePort: 30053 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', nodePort: 30053 },
        ],
      }),
    ]);
    expect(
      findings.filter((finding) => finding.code === 'NODE_PORT_CONFLICT').map((finding) => [finding.resource, finding.message]),
    ).toEqual([['Service/shop/b', 'Invalid value: 30080: provided port is already allocated (by Service/shop/a).']]);
  });

  it('reads kubectl List output and keeps line numbers', () => {
    const list = stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [service('db', { type: 'NodePort', ports: [{ port: 80, nodePort: 99 }] })],
    });
    const [finding] = sut(list).findings;
    expect(finding).toMatchObject({ code: 'NODE_PORT_OUT_OF_RANGE', resource: 'Service/shop/db', line: lineOf(list, 'nodePort: 99') });
  });
});

describe('Ingress classes and groups', () => {
  it('only ALB-class Ingresses are reconciled; ALB annotations elsewhere are flagged', () => {
    const nginx = {
      ...ingress('legacy', { [`${ALB}group.name`]: 'shop', [`${ALB}scheme`]: 'internal' }),
      spec: { ingressClassName: 'nginx' },
    };
    const findings = lint([nginx]);
    expect(summary(findings)).toEqual([
      'WARNING GROUP_NAME_ON_NON_ALB_INGRESS Ingress/shop/legacy',
      'WARNING ALB_ANNOTATIONS_ON_NON_ALB_INGRESS Ingress/shop/legacy',
    ]);
  });

  it('honours IngressClasses in the manifests: custom names, default classes and foreign controllers', () => {
    const internalClass = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'alb-internal' },
      spec: { controller: 'ingress.k8s.aws/alb' },
    };
    const custom = {
      ...ingress('api', { [`${ALB}target-type`]: 'pod' }),
      spec: { ...(ingress('api', {}).spec as Obj), ingressClassName: 'alb-internal' },
    };
    expect(codesOf(lint([internalClass, custom, web]))).toContain('INVALID_TARGET_TYPE');
    const defaultClass = {
      ...internalClass,
      metadata: { name: 'alb-internal', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
    };
    const classless = ingress('api', { [`${ALB}target-type`]: 'pod' });
    delete (classless.spec as Obj).ingressClassName;
    expect(codesOf(lint([defaultClass, classless, web]))).toContain('INVALID_TARGET_TYPE');
    const foreignAlb = { ...internalClass, metadata: { name: 'alb' }, spec: { controller: 'k8s.io/ingress-nginx' } };
    expect(codesOf(lint([foreignAlb, ingress('api', { [`${ALB}target-type`]: 'pod' }), web]))).toEqual([
      'ALB_ANNOTATIONS_ON_NON_ALB_INGRESS',
    ]);
  });

  it('IngressClassParams group and scheme take priority over annotations', () => {
    const params = {
      apiVersion: 'elbv2.k8s.aws/v1beta1',
      kind: 'IngressClassParams',
      metadata: { name: 'public' },
      spec: { group: { name: 'edge' }, scheme: 'internet-facing' },
    };
    const klass = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'alb-public' },
      spec: { controller: 'ingress.k8s.aws/alb', parameters: { apiGroup: 'elbv2.k8s.aws', kind: 'IngressClassParams', name: 'public' } },
    };
    const a = {
      ...ingress('a', { [`${ALB}group.name`]: 'other', [`${ALB}target-type`]: 'ip' }),
      spec: { ...(ingress('a', {}).spec as Obj), ingressClassName: 'alb-public' },
    };
    const b = ingress('b', { [`${ALB}group.name`]: 'edge', [`${ALB}scheme`]: 'internal', [`${ALB}target-type`]: 'ip' });
    const findings = lint([params, klass, a, b, web]);
    expect(summary(findings)).toEqual([
      'WARNING GROUP_NAME_OVERRIDDEN_BY_CLASS_PARAMS Ingress/shop/a',
      'ERROR INGRESS_GROUP_SCHEME_CONFLICT Ingress/shop/a',
      'WARNING INGRESS_GROUP_MIXED_CLASSES Ingress/shop/a',
      'ERROR INGRESS_GROUP_SCHEME_CONFLICT Ingress/shop/b',
    ]);
  });

  it('validates group names and orders', () => {
    const findings = lint([
      ingress('a', { [`${ALB}group.name`]: 'Shop_Public', [`${ALB}target-type`]: 'ip' }),
      ingress('b', { [`${ALB}group.name`]: 'shop', [`${ALB}group.order`]: 'first', [`${ALB}target-type`]: 'ip' }),
      ingress('c', { [`${ALB}group.name`]: 'shop', [`${ALB}group.order`]: '-1001', [`${ALB}target-type`]: 'ip' }),
      web,
    ]);
    expect(findings.map((finding) => [finding.code, finding.resource, finding.message.split(';')[0]])).toEqual([
      [
        'INVALID_INGRESS_GROUP_NAME',
        'Ingress/shop/a',
        `invalid ingress group: groupName must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character ("Shop_Public")`,
      ],
      [
        'INVALID_INGRESS_GROUP_ORDER',
        'Ingress/shop/b',
        'failed to load Ingress group order for ingress: shop/b: "first" is not an integer',
      ],
      [
        'INVALID_INGRESS_GROUP_ORDER',
        'Ingress/shop/c',
        'explicit Ingress group order must be within [-1000:1000], Ingress: shop/c, order: -1001',
      ],
    ]);
  });

  it('merges listeners per port: protocol, ssl-policy and inbound-cidrs must agree; ssl-redirect needs an HTTPS port', () => {
    const https = `[{"HTTPS": 443}]`;
    const findings = lint([
      ingress('a', {
        [`${ALB}group.name`]: 'g',
        [`${ALB}listen-ports`]: https,
        [`${ALB}certificate-arn`]: 'arn:aws:acm:eu-west-1:123456789012:certificate/a',
        [`${ALB}ssl-policy`]: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        [`${ALB}target-type`]: 'ip',
      }),
      ingress('b', {
        [`${ALB}group.name`]: 'g',
        [`${ALB}listen-ports`]: https,
        [`${ALB}certificate-arn`]: 'arn:aws:acm:eu-west-1:123456789012:certificate/b',
        [`${ALB}ssl-policy`]: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
        [`${ALB}target-type`]: 'ip',
      }),
      ingress('c', {
        [`${ALB}group.name`]: 'h',
        [`${ALB}listen-ports`]: `[{"HTTP": 8080}]`,
        [`${ALB}inbound-cidrs`]: '10.0.0.0/8',
        [`${ALB}target-type`]: 'ip',
      }),
      ingress('d', {
        [`${ALB}group.name`]: 'h',
        [`${ALB}listen-ports`]: `[{"HTTP": 8080}]`,
        [`${ALB}inbound-cidrs`]: '10.0.0.0/8,192.168.0.0/16',
        [`${ALB}ssl-redirect`]: '8080',
        [`${ALB}target-type`]: 'ip',
      }),
      ingress('e', { [`${ALB}group.name`]: 'i', [`${ALB}listen-ports`]: `[{"HTTP": 443}]`, [`${ALB}target-type`]: 'ip' }),
      ingress('f', {
        [`${ALB}group.name`]: 'i',
        [`${ALB}listen-ports`]: https,
        [`${ALB}certificate-arn`]: 'arn:aws:acm:eu-west-1:123456789012:certificate/f',
        [`${ALB}target-type`]: 'ip',
      }),
      web,
    ]);
    const listener = findings.filter((finding) => finding.code === 'INGRESS_GROUP_LISTENER_CONFLICT');
    expect(listener.map((finding) => [finding.resource, finding.message.split(';')[0]])).toEqual([
      [
        'Ingress/shop/a',
        'failed to merge listenPort config for port: 443: conflicting sslPolicy, shop/a: ELBSecurityPolicy-TLS13-1-2-2021-06 | shop/b: ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
      ],
      [
        'Ingress/shop/b',
        'failed to merge listenPort config for port: 443: conflicting sslPolicy, shop/a: ELBSecurityPolicy-TLS13-1-2-2021-06 | shop/b: ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
      ],
      [
        'Ingress/shop/c',
        'failed to merge listenPort config for port: 8080: conflicting inbound-cidrs, shop/c: 10.0.0.0/8 | shop/d: 10.0.0.0/8,192.168.0.0/16',
      ],
      [
        'Ingress/shop/d',
        'failed to merge listenPort config for port: 8080: conflicting inbound-cidrs, shop/c: 10.0.0.0/8 | shop/d: 10.0.0.0/8,192.168.0.0/16',
      ],
      ['Ingress/shop/e', 'failed to merge listenPort config for port: 443: conflicting protocol, shop/e: HTTP | shop/f: HTTPS'],
      ['Ingress/shop/f', 'failed to merge listenPort config for port: 443: conflicting protocol, shop/e: HTTP | shop/f: HTTPS'],
    ]);
    expect(findings.find((finding) => finding.code === 'SSL_REDIRECT_PORT_INVALID')?.message).toBe(
      'listener protocol non-SSL for SSLRedirect port: 8080 in IngressGroup h.',
    );
  });

  it('two default backends and a group spanning namespaces (findings in YAML order)', () => {
    const withDefault = (name: string, namespace: string) =>
      ingress(
        name,
        { [`${ALB}group.name`]: 'edge', [`${ALB}target-type`]: 'ip' },
        { defaultBackend: { service: { name: 'web', port: { number: 80 } } } },
        namespace,
      );
    const findings = lint([
      withDefault('a', 'shop'),
      withDefault('b', 'billing'),
      web,
      service('web', { type: 'ClusterIP' }, {}, 'billing'),
    ]);
    expect(summary(findings)).toEqual([
      'ERROR INGRESS_GROUP_MULTIPLE_DEFAULT_BACKENDS Ingress/shop/a',
      'WARNING INGRESS_GROUP_SPANS_NAMESPACES Ingress/billing/b',
      'ERROR INGRESS_GROUP_MULTIPLE_DEFAULT_BACKENDS Ingress/billing/b',
    ]);
  });

  it('an Ingress in an in-tree-only cluster is an error', () => {
    expect(summary(lint([ingress('api', { [`${ALB}target-type`]: 'ip' }), web], { controller: 'CCM_ONLY' }))).toEqual([
      'ERROR INGRESS_REQUIRES_LBC Ingress/shop/api',
    ]);
  });

  it('moving an Ingress to another group warns that the old ALB may be deleted', () => {
    const before = stringify(ingress('api', { [`${ALB}group.name`]: 'old', [`${ALB}target-type`]: 'ip' }));
    const findings = lint([ingress('api', { [`${ALB}group.name`]: 'new', [`${ALB}target-type`]: 'ip' }), web], {
      previousManifests: before,
    });
    expect(summary(findings)).toEqual(['WARNING INGRESS_GROUP_CHANGED Ingress/shop/api']);
  });
});

describe('hostile and malformed input', () => {
  it('malformed YAML → MALFORMED_YAML with line and column', () => {
    const invalid = thrownBy(
      () => sut('apiVersion: v1\nkind: Service\n---\nmetadata:\n  name: [unclosed\n  namespace: x\n'),
      InvalidInputError,
    );
    expect(invalid.code).toBe('MALFORMED_YAML');
    expect(invalid.message).toMatch(/^manifests is not valid YAML at line \d+, column \d+: /);
    expect(invalid.details[0]).toMatchObject({ path: 'manifests[1]' });
  });

  it('duplicate keys are malformed (kubectl refuses them too)', () => {
    expect(() => sut('apiVersion: v1\nkind: Service\nkind: Service\n')).toThrow(/line 3, column 1/);
  });

  it('a YAML bomb is refused before it expands', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      '',
    ].join('\n');
    expect(() => sut(bomb)).toThrow(expect.objectContaining({ code: 'YAML_ALIAS_LIMIT_EXCEEDED' }));
  });

  it('deeply nested flow collections are refused without reaching the parser', () => {
    const deep = 'a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n';
    expect(() => sut(deep)).toThrow(expect.objectContaining({ code: 'YAML_TOO_DEEP' }));
  });

  it('oversized input is refused as too large', () => {
    const huge = '#'.repeat(MANIFEST_LIMITS.maxChars + 1);
    const error = thrownBy(() => sut(huge), PlanningError);
    expect(error.kind).toBe('PAYLOAD_TOO_LARGE');
    expect(error.code).toBe('MANIFESTS_TOO_LARGE');
  });

  it('empty input, comments and null documents lint clean', () => {
    expect(sut('').findings).toEqual([]);
    expect(sut('# nothing here\n---\n---\nnull\n---\n- a\n- b\n').findings).toEqual([]);
  });

  it('an invalid context is refused', () => {
    expect(() => sut('', { controller: 'NGINX' as never })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => sut('', { lbcVersion: 'v-next' })).toThrow(expect.objectContaining({ code: 'INVALID_LBC_VERSION' }));
  });

  it('checks the context as the decision does: every flag, each subnet and the version type (one normalizeExposureContext)', () => {
    const invalid = thrownBy(
      () =>
        sut('', {
          previousManifests: 7 as never,
          includeIngressClass: 'yes' as never,
          subnets: [{ name: 'a', az: 'eu-west-1a', cidr: '10.0.0.0/24' }, { name: 'b', az: 'eu-west-1b' } as never],
          lbcVersion: 2 as never,
        }),
      ValidationFailedError,
    );
    expect(invalid.details).toEqual([
      { path: 'context.previousManifests', message: 'must be a YAML string' },
      { path: 'context.includeIngressClass', message: 'must be a boolean' },
      { path: 'context.subnets[1]', message: 'needs a name, an az and a valid cidr' },
      { path: 'context.lbcVersion', message: 'must be a string' },
    ]);
    expect(thrownBy(() => sut('', { subnets: 'public-a' as never }), ValidationFailedError).details).toEqual([
      { path: 'context.subnets', message: 'must be a list of subnets' },
    ]);
  });
});

describe('lint on real manifests: the controller’s own parsing (issue 17 item 6)', () => {
  const nlb = (annotations: Record<string, string>) =>
    service(
      'db',
      { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' },
      { [`${SVC}aws-load-balancer-scheme`]: 'internal', ...annotations },
    );
  const at = (findings: readonly LintFinding[], key: string) => findings.filter((finding) => finding.path.includes(key));

  it('stringMap: escaped commas, trimmed keys and values, `=` inside values, as splitKeyValuePairs does ([LBC-CODE-PARSER] L149-173, L217-253)', () => {
    // The shapes of LBC pkg/annotations/parser_test.go@225f4456 Test_serviceAnnotationParser_ParseStringMapAnnotation L247-348.
    expect(parseStringMap('Name=team\\,platform, CostCenter= 42, owner/with-slash=a\\,b\\,c, empty=')).toEqual(
      new Map([
        ['Name', 'team,platform'],
        ['CostCenter', '42'],
        ['owner/with-slash', 'a,b,c'],
        ['empty', ''],
      ]),
    );
    expect(parseStringMap('token=YWJj==, mixed=a=b=c')).toEqual(
      new Map([
        ['token', 'YWJj=='],
        ['mixed', 'a=b=c'],
      ]),
    );
    for (const malformed of ['first,second', '=value', 'Name=a,b']) expect(parseStringMap(malformed)).toBeUndefined();
    const findings = lint([nlb({ [`${SVC}aws-load-balancer-additional-resource-tags`]: 'Name=a\\,b, team=platform' })]);
    expect(at(findings, 'additional-resource-tags')).toEqual([]);
    const unescaped = lint([nlb({ [`${SVC}aws-load-balancer-additional-resource-tags`]: 'Name=a,b' })]);
    expect(at(unescaped, 'additional-resource-tags').map((finding) => finding.message)).toEqual([
      `failed to parse stringMap annotation, ${SVC}aws-load-balancer-additional-resource-tags: Name=a,b (expected key1=value1,key2=value2)`,
    ]);
  });

  it('near-miss prefixes get a WARNING with the key the controller reads ([LBC-CODE-PARSER] L186-202: exact prefix/suffix lookup)', () => {
    const findings = lint([
      service(
        'db',
        { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb' },
        { 'service.kubernetes.io/aws-load-balancer-scheme': 'internet-facing', 'service.kubernetes.io/topology-mode': 'Auto' },
      ),
      ingress('api', {
        'alb.ingress.kubernetes.io.scheme': 'internet-facing',
        'alb.ingress.k8s.aws/target-type': 'ip',
        'alb.ingres.kubernetes.io/healthcheck-path': '/healthz',
      }),
      web,
    ]);
    const nearMisses = findings
      .filter((finding) => finding.code === 'UNKNOWN_ANNOTATION')
      .map((finding) => ({ severity: finding.severity, meant: /did you mean (\S+)\?$/.exec(finding.message)?.[1] }));
    expect(nearMisses).toEqual([
      { severity: 'WARNING', meant: `${SVC}aws-load-balancer-scheme` },
      { severity: 'WARNING', meant: `${ALB}scheme` },
      { severity: 'WARNING', meant: `${ALB}target-type` },
      { severity: 'WARNING', meant: `${ALB}healthcheck-path` },
    ]);
    // service.kubernetes.io/topology-mode is Kubernetes' own annotation, not a near miss of a controller key.
    expect(at(findings, 'topology-mode')).toEqual([]);
  });

  it('aws-load-balancer-eip-allocations-discovery-tags, in no controller source, is unknown', () => {
    const findings = lint([nlb({ [`${SVC}aws-load-balancer-eip-allocations-discovery-tags`]: 'pool=nlb' })]);
    expect(at(findings, 'eip-allocations-discovery-tags').map((finding) => finding.code)).toEqual(['UNKNOWN_ANNOTATION']);
  });

  it('int32 annotations say int32 and refuse values past 2^31 − 1; int64 ones take them ([LBC-CODE-PARSER] L100-126)', () => {
    // ParseInt32Annotation reads the Service health-check numbers (LBC pkg/service/model_build_target_group.go L491-518)
    // and the Ingress ones (pkg/ingress/model_build_target_group.go L458-485); auth-session-timeout is ParseInt64Annotation.
    const findings = lint([
      nlb({ [`${SVC}aws-load-balancer-healthcheck-interval`]: '2147483648' }),
      ingress('api', {
        [`${ALB}healthy-threshold-count`]: '2147483648',
        [`${ALB}unhealthy-threshold-count`]: '2147483647',
        [`${ALB}auth-session-timeout`]: '2147483648',
      }),
      web,
    ]);
    expect(findings.filter((finding) => finding.code === 'INVALID_ANNOTATION_VALUE').map((finding) => finding.message)).toEqual([
      `failed to parse int32 annotation, ${SVC}aws-load-balancer-healthcheck-interval: 2147483648`,
      `failed to parse int32 annotation, ${ALB}healthy-threshold-count: 2147483648`,
    ]);
  });
});
