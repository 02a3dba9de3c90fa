import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { startTestApp, type TestApp } from '../support/test-app.js';

const INTERNET_HTTPS = {
  expose: { audience: 'INTERNET', protocol: 'HTTPS', port: 443 },
  workload: { name: 'web', namespace: 'shop', targetPort: 8080 },
};

/** Two documents: a Service with a misspelt scheme annotation and a NodePort out of range, an Ingress with a misspelt target type. */
const BROKEN_MANIFESTS = `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-shceme: internet-facing
spec:
  type: NodePort
  selector:
    app: api
  ports:
    - port: 80
      nodePort: 40000
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    alb.ingress.kubernetes.io/target-typ: ip
spec:
  ingressClassName: alb
  rules: []
`;

const EXPECTED_FINDINGS = [
  {
    code: 'UNKNOWN_ANNOTATION',
    severity: 'ERROR',
    resource: 'Service/shop/api',
    path: 'metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-shceme"]',
    line: 7,
  },
  {
    code: 'NODE_PORT_OUT_OF_RANGE',
    severity: 'ERROR',
    resource: 'Service/shop/api',
    path: 'spec.ports[0].nodePort',
    line: 14,
    rule: 'V-NODEPORT-RANGE',
  },
  {
    code: 'UNKNOWN_ANNOTATION',
    severity: 'ERROR',
    resource: 'Ingress/shop/web',
    path: 'metadata.annotations["alb.ingress.kubernetes.io/target-typ"]',
    line: 22,
  },
];

describe('service exposure over REST and GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /v1/exposure/recommend', () => {
    it('puts an internet HTTPS workload behind an internet-facing ALB Ingress with ip targets, with manifests that say so', async () => {
      const { body } = await t.http.post('/v1/exposure/recommend').send(INTERNET_HTTPS).expect(200);
      expect(body).toMatchObject({
        kind: 'ALB_INGRESS',
        controller: 'LBC',
        serviceType: 'ClusterIP',
        targetType: 'IP',
        scheme: 'INTERNET_FACING',
        clientIpVia: 'X_FORWARDED_FOR',
        externalTrafficPolicy: null,
        preserveClientIp: null,
        errors: [],
      });
      expect(body.annotations).toEqual({
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/target-type': 'ip',
      });
      expect(body.rationale.map((r: { rule: string }) => r.rule)).toContain('R3');
      expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(['HTTPS_WITHOUT_CERTIFICATE']);
      const [service, ingress] = parseAllDocuments(body.manifests).map((document) => document.toJS());
      expect(service).toMatchObject({
        kind: 'Service',
        metadata: { name: 'web', namespace: 'shop' },
        spec: { type: 'ClusterIP', ports: [{ port: 443, targetPort: 8080 }] },
      });
      expect(ingress).toMatchObject({ kind: 'Ingress', spec: { ingressClassName: 'alb' }, metadata: { annotations: body.annotations } });
    });

    it('answers an internal NLB with client IP preservation for a VPC TCP service that needs the client address', async () => {
      const { body } = await t.http
        .post('/v1/exposure/recommend')
        .send({
          expose: { audience: 'VPC', protocol: 'TCP', port: 443, needClientIp: true },
          workload: { name: 'checkout', targetPort: 8443 },
        })
        .expect(200);
      expect(body).toMatchObject({
        kind: 'NLB',
        controller: 'LBC',
        loadBalancerClass: 'service.k8s.aws/nlb',
        targetType: 'IP',
        scheme: 'INTERNAL',
        clientIpVia: 'L3_SOURCE',
        preserveClientIp: true,
      });
      expect(body.annotations).toMatchObject({
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
        'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes': 'preserve_client_ip.enabled=true',
      });
      expect(body.warnings.map((w: { code: string }) => w.code)).toContain('NLB_HAIRPIN_WITH_CLIENT_IP_PRESERVATION');
    });

    it('falls back to a Classic Load Balancer with an HTTP listener when only the in-tree controller exists', async () => {
      const { body } = await t.http
        .post('/v1/exposure/recommend')
        .send({
          expose: { audience: 'INTERNET', protocol: 'HTTP', port: 80 },
          context: { controller: 'CCM_ONLY' },
          workload: { name: 'web' },
        })
        .expect(200);
      expect(body).toMatchObject({ kind: 'CLB', controller: 'CCM', targetType: 'INSTANCE', clientIpVia: 'X_FORWARDED_FOR' });
      expect(body.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-backend-protocol': 'http' });
    });

    it('reports broken Kubernetes rules as errors of a 200 answer, with the upstream message', async () => {
      const { body } = await t.http
        .post('/v1/exposure/recommend')
        .send({
          expose: { audience: 'INTERNET', protocol: 'TCP', port: 80, kind: 'NODE_PORT', nodePort: 40000 },
          workload: { name: 'web' },
        })
        .expect(200);
      expect(body.kind).toBe('NODE_PORT');
      expect(body.errors).toEqual([expect.objectContaining({ code: 'NODE_PORT_OUT_OF_RANGE', rule: 'V-NODEPORT-RANGE' })]);
      expect(body.errors[0].message).toContain('The range of valid ports is 30000-32767');
    });

    it('rejects bad input with every problem and its path, and answers the engine rules the DTOs cannot see', async () => {
      const bad = await t.http
        .post('/v1/exposure/recommend')
        .send({
          expose: { audience: 'MOON', protocol: 5, port: 70000, extra: true, privateIpv4Addresses: ['10.0.0.300'] },
          context: { subnets: 'all', lbcVersion: 'latest' },
          workload: { name: 'Web_1', targetPort: { port: 1 } },
        })
        .expect(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
      expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'context.lbcVersion',
        'context.subnets',
        'expose.audience',
        'expose.extra',
        'expose.port',
        'expose.privateIpv4Addresses',
        'expose.protocol',
        'workload.name',
        'workload.targetPort',
      ]);
      expect(bad.body.error.details.find((d: { path: string }) => d.path === 'expose.port').message).toBe(
        'port must not be greater than 65535',
      );
      expect(bad.body.error.details.find((d: { path: string }) => d.path === 'context.subnets').message).toBe('subnets must be an array');
      const noPort = await t.http
        .post('/v1/exposure/recommend')
        .send({ expose: { audience: 'INTERNET', protocol: 'TCP' }, workload: { name: 'web' } })
        .expect(400);
      expect(noPort.body.error.details).toEqual([{ path: 'expose.port', message: 'is required' }]);
      const missing = await t.http.post('/v1/exposure/recommend').send({}).expect(400);
      expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual(['expose', 'workload']);
    });

    it('serves exposureRecommendation over GraphQL with annotations as name/value pairs', async () => {
      const { body } = await t.graphql(
        `query($input: ExposureRequestInput!) {
        exposureRecommendation(input: $input) { kind targetType scheme clientIpVia annotations { name value } manifests errors { code } }
      }`,
        { input: { ...INTERNET_HTTPS, workload: { name: 'web', namespace: 'shop', targetPort: 'http' } } },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.exposureRecommendation).toMatchObject({
        kind: 'ALB_INGRESS',
        targetType: 'IP',
        scheme: 'INTERNET_FACING',
        clientIpVia: 'X_FORWARDED_FOR',
        errors: [],
      });
      expect(body.data!.exposureRecommendation.annotations).toEqual([
        { name: 'alb.ingress.kubernetes.io/scheme', value: 'internet-facing' },
        { name: 'alb.ingress.kubernetes.io/target-type', value: 'ip' },
      ]);
      expect(body.data!.exposureRecommendation.manifests).toContain('targetPort: http');
      const invalid = await t.graphql(
        '{ exposureRecommendation(input: { expose: { audience: INTERNET, protocol: TCP, port: 0 }, workload: { name: "web" } }) { kind } }',
      );
      expect(invalid.body.errors?.[0].extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ path: 'expose.port' })],
      });
    });
  });

  describe('POST /v1/exposure/lint', () => {
    it('finds the typo annotations and the out-of-range NodePort of a multi-document YAML, with their lines', async () => {
      const { body } = await t.http.post('/v1/exposure/lint').send({ manifests: BROKEN_MANIFESTS }).expect(200);
      expect(body.findings).toHaveLength(3);
      expect(body.findings).toEqual(EXPECTED_FINDINGS.map((finding) => expect.objectContaining(finding)));
      expect(body.findings[0].message).toContain('did you mean service.beta.kubernetes.io/aws-load-balancer-scheme?');
    });

    it('takes the YAML itself as application/yaml or text/yaml and finds the same', async () => {
      const json = await t.http.post('/v1/exposure/lint').send({ manifests: BROKEN_MANIFESTS }).expect(200);
      for (const type of ['application/yaml', 'text/yaml']) {
        const raw = await t.http.post('/v1/exposure/lint').set('content-type', type).send(BROKEN_MANIFESTS).expect(200);
        expect(raw.body).toEqual(json.body);
      }
      const empty = await t.http.post('/v1/exposure/lint').set('content-type', 'application/yaml').send('').expect(200);
      expect(empty.body).toEqual({ findings: [] });
    });

    it('applies the cluster context: the same clean Service is wrong for an in-tree-only cluster', async () => {
      const nlb =
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  type: LoadBalancer\n  loadBalancerClass: service.k8s.aws/nlb\n  ports:\n    - port: 443\n';
      const withLbc = await t.http.post('/v1/exposure/lint').send({ manifests: nlb }).expect(200);
      const ccmOnly = await t.http
        .post('/v1/exposure/lint')
        .send({ manifests: nlb, context: { controller: 'CCM_ONLY' } })
        .expect(200);
      expect(withLbc.body.findings.map((f: { code: string; severity: string }) => [f.code, f.severity])).toEqual([
        ['NLB_HAIRPIN_WITH_CLIENT_IP_PRESERVATION', 'WARNING'],
      ]);
      expect(ccmOnly.body.findings).toEqual([
        expect.objectContaining({
          code: 'SERVICE_NOT_RECONCILED',
          severity: 'ERROR',
          resource: 'Service/default/api',
          path: 'spec.loadBalancerClass',
          line: 7,
          rule: 'V-NOT-RECONCILED',
        }),
      ]);
    });

    it('answers malformed YAML with 400 MALFORMED_YAML naming the line, on REST and GraphQL', async () => {
      const malformed = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [api\n  namespace: shop\n';
      const rest = await t.http.post('/v1/exposure/lint').set('content-type', 'application/yaml').send(malformed).expect(400);
      expect(rest.body.error.code).toBe('MALFORMED_YAML');
      expect(rest.body.error.message).toMatch(/at line \d+, column \d+/);
      expect(rest.body.error.details[0].path).toBe('manifests[0]');
      const json = await t.http.post('/v1/exposure/lint').send({ manifests: 'a: 1\na: 2\n' }).expect(400);
      expect(json.body.error).toMatchObject({ code: 'MALFORMED_YAML' });
      expect(json.body.error.message).toContain('line 2');
      const graphql = await t.graphql('query($m: String!) { lintManifests(manifests: $m) { findings { code } } }', { m: malformed });
      expect(graphql.body.errors?.[0].extensions?.code).toBe('MALFORMED_YAML');
    });

    it('answers 413 for too much YAML: over the body limit, or more documents than the engine takes', async () => {
      const huge = await t.http
        .post('/v1/exposure/lint')
        .set('content-type', 'application/yaml')
        .send(`# ${'x'.repeat(1_100_000)}\n`)
        .expect(413);
      expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      const documents = await t.http
        .post('/v1/exposure/lint')
        .send({ manifests: 'a: 1\n---\n'.repeat(2001) })
        .expect(413);
      expect(documents.body.error.code).toBe('MANIFESTS_TOO_LARGE');
    });

    it('serves lintManifests over GraphQL with the context as an input', async () => {
      const { body } = await t.graphql(
        `query($m: String!, $c: LintContextInput) {
        lintManifests(manifests: $m, context: $c) { findings { code severity resource path line rule } }
      }`,
        { m: BROKEN_MANIFESTS, c: { controller: 'LBC', lbcVersion: '2.13.0' } },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.lintManifests.findings).toEqual(EXPECTED_FINDINGS.map((finding) => expect.objectContaining(finding)));
      const invalid = await t.graphql('query($c: LintContextInput) { lintManifests(manifests: "", context: $c) { findings { code } } }', {
        c: { defaultNamespace: 'Not A Namespace' },
      });
      expect(invalid.body.errors?.[0].extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ path: 'defaultNamespace' })],
      });
    });
  });

  describe('hostile input never gets a 500', () => {
    it('wrong types and shapes in the lint body', async () => {
      const cases: [unknown, string][] = [
        [{ manifests: 42 }, 'manifests'],
        [{ manifests: ['a: 1'] }, 'manifests'],
        [{ manifests: 'a: 1', context: 'LBC' }, 'context'],
        [{ manifests: 'a: 1', context: { compute: 'LAMBDA', previousManifests: 7 } }, 'context.compute'],
        [{ manifests: 'a: 1', unknown: 1 }, 'unknown'],
        [[{ manifests: 'a: 1' }], ''],
      ];
      for (const [body, path] of cases) {
        const response = await t.http
          .post('/v1/exposure/lint')
          .send(body as object)
          .expect(400);
        expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      const plainNumber = await t.http.post('/v1/exposure/lint').set('content-type', 'application/json').send('42').expect(400);
      expect(plainNumber.body.error.code).toBe('VALIDATION_FAILED');
      const badJson = await t.http.post('/v1/exposure/lint').set('content-type', 'application/json').send('{"manifests": ').expect(400);
      expect(badJson.body.error.message).toMatch(/JSON/);
    });

    it('YAML bombs, deep flow collections and huge strings', async () => {
      const bomb = [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        ...'bcdefghij'.split('').map(
          (key, i) =>
            `${key}: &${key} [${Array(9)
              .fill(`*${String.fromCharCode(97 + i)}`)
              .join(',')}]`,
        ),
      ].join('\n');
      const bombed = await t.http.post('/v1/exposure/lint').set('content-type', 'application/yaml').send(bomb).expect(400);
      expect(bombed.body.error.code).toBe('YAML_ALIAS_LIMIT_EXCEEDED');
      const deep = await t.http
        .post('/v1/exposure/lint')
        .set('content-type', 'application/yaml')
        .send(`a: ${'['.repeat(5000)}`);
      expect(deep.status).toBe(400);
      const longName = await t.http
        .post('/v1/exposure/recommend')
        .send({ ...INTERNET_HTTPS, workload: { name: 'a'.repeat(300_000) } })
        .expect(400);
      expect(longName.body.error.details[0].path).toBe('workload.name');
      const longGroup = await t.http
        .post('/v1/exposure/recommend')
        .send({ ...INTERNET_HTTPS, expose: { ...INTERNET_HTTPS.expose, shareGroup: 'g'.repeat(10_000) } })
        .expect(400);
      expect(longGroup.body.error.details[0].path).toBe('expose.shareGroup');
    });

    it('deeply nested JSON is refused before validation walks it', async () => {
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      for (const path of ['/v1/exposure/recommend', '/v1/exposure/lint']) {
        const response = await t.http.post(path).set('content-type', 'application/json').send(`{"expose":${deep}}`).expect(400);
        expect(response.body.error.code).toBe('BODY_TOO_DEEP');
      }
      // GraphQL literals are bounded by the schema: a nested list where an input object belongs is a validation error.
      const graphql = await t.graphql(
        `{ exposureRecommendation(input: { expose: ${'['.repeat(500)}${']'.repeat(500)}, workload: { name: "web" } }) { kind } }`,
      );
      expect(graphql.status).toBe(400);
      expect(graphql.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('GraphQL arguments of the wrong type are GraphQL validation errors', async () => {
      const wrong = await t.graphql('{ lintManifests(manifests: 42) { findings { code } } }');
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const targetPort = await t.graphql(
        '{ exposureRecommendation(input: { expose: { audience: CLUSTER, protocol: TCP, port: 80 }, workload: { name: "web", targetPort: 1.5 } }) { kind } }',
      );
      expect(targetPort.status).toBeLessThan(500);
      expect(targetPort.body.errors?.[0].extensions?.code).toBeDefined();
    });
  });
});
