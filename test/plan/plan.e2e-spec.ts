/**
 * The design plan over REST (GET /v1/designs/{id}/plan, POST /v1/plan) and GraphQL (`Design.plan`, `plan(spec:)`) on the
 * real app and Postgres. The figures are the engine's for validDesign(); the engine's own specs check how they are derived.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesignSpec } from '../../src/domain/spec/design-spec.types.js';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** validDesign() with its `general` node group moved into one /28: 12 nodes at max size need 12 of its 11 usable addresses. */
function tightDesign(maxSize = 12): DesignSpec {
  const spec = validDesign();
  spec.subnets.push({ name: 'tiny', az: 'us-east-1a', cidr: '10.0.4.0/28', roles: ['NODES'] });
  spec.nodeGroups[0] = { ...spec.nodeGroups[0], subnets: ['tiny'], maxSize };
  return spec;
}

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

describe('design plan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const save = async (spec: DesignSpec): Promise<string> => (await t.http.post('/v1/designs').send(spec).expect(201)).body.id as string;

  describe('REST', () => {
    it('plans a saved design by id and the same spec inline with identical results', async () => {
      const id = await save(validDesign());
      const saved = await t.http.get(`/v1/designs/${id}/plan`).expect(200);
      const inline = await t.http.post('/v1/plan').send(validDesign()).expect(200);

      expect(inline.body).not.toHaveProperty('designId');
      expect(inline.body).not.toHaveProperty('revision');
      expect(saved.body).toEqual({ designId: id, revision: 1, ...inline.body });

      const plan = saved.body;
      expect(plan.designName).toBe('payments-prod');
      expect(plan.ipFamily).toBe('IPV4');
      expect(plan.summary).toEqual({
        status: 'WARNINGS',
        errors: 0,
        warnings: 7,
        infos: 3,
        tightestSubnet: { name: 'pods-a', usedIpsAtMax: 256, freeIpsAtMax: 16123, utilization: 0.0156 },
        nodeGroups: 3,
        subnets: 12,
        workloads: 5,
        nodesAtMax: 62,
        podCapacityAtMax: 1508,
        usedIpsAtMax: 823,
      });
      expect(plan.cluster).toEqual({
        serviceIpv4Cidr: '172.20.0.0/16',
        serviceIpv4CidrSource: 'DESIGN',
        clusterDnsIp: '172.20.0.10',
        availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
        endpointPublic: true,
        endpointPrivate: true,
        publicAccessCidrs: ['203.0.113.0/24'],
      });

      const general = plan.nodeGroups[0];
      expect(general).toMatchObject({
        name: 'general',
        index: 0,
        kind: 'MANAGED',
        amiFamily: 'AL2023',
        os: 'LINUX',
        launcher: 'MANAGED_NODE_GROUP',
        maxPods: 20,
        effectiveMaxPods: 11,
        sizes: { min: 3, desired: 6, max: 12 },
        surgeNodes: 1,
        replicas: { podIp: 9, branchEni: 6, hostNetwork: 6 },
        podCapacityAtMax: 108,
      });
      expect(general.instanceTypes[0]).toMatchObject({
        instanceType: 'm5.large',
        supported: true,
        maxPods: 20,
        ipLimitedPods: 11,
        branchEniPods: 9,
        podAddressMode: 'SECONDARY_IP',
      });
      expect(general.loads.max).toMatchObject({
        nodes: 12,
        sizingInstanceType: 'm5.xlarge',
        nodeSubnetIpsPerNode: 1,
        podSubnetIpsPerNode: 13,
      });
      expect(general.placementAtMax).toEqual([
        { subnet: 'private-a', az: 'us-east-1a', nodes: 4 },
        { subnet: 'private-b', az: 'us-east-1b', nodes: 4 },
        { subnet: 'private-c', az: 'us-east-1c', nodes: 4 },
      ]);

      const privateA = plan.subnets.find((s: { name: string }) => s.name === 'private-a');
      expect(privateA).toMatchObject({
        index: 6,
        cidr: '10.0.32.0/19',
        roles: ['NODES', 'INTERNAL_ELB'],
        totalIps: 8192,
        usableIps: 8187,
        usedIps: { min: 2, desired: 3, max: 22 },
        freeIpsAtMax: 8165,
        surgeIps: 3,
        freeIpsAfterSurge: 8162,
        prefixBlocks: null,
      });
      expect(privateA.charges.map((c: { kind: string; consumer: string }) => `${c.kind}:${c.consumer}`)).toEqual([
        'NODE_IPS:general',
        'NODE_IPS:batch',
        'FARGATE_POD_IPS:system',
      ]);

      // REST keeps the annotation map as a JSON object.
      const checkout = plan.workloads[0];
      expect(checkout).toMatchObject({
        name: 'checkout',
        namespace: 'payments',
        nodeGroup: 'general',
        branchEni: true,
        podCapacityAtMax: 108,
      });
      expect(checkout.exposure).toMatchObject({
        kind: 'ALB_INGRESS',
        controller: 'LBC',
        targetType: 'IP',
        scheme: 'INTERNET_FACING',
        clientIpVia: 'X_FORWARDED_FOR',
        subnets: ['public-a', 'public-b', 'public-c'],
      });
      expect(checkout.exposure.annotations).toMatchObject({
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/group.name': 'public-web',
      });

      expect(plan.findings.map((f: { code: string; path: string }) => `${f.code} ${f.path}`)).toEqual([
        'MAX_PODS_EXCEEDS_POD_IPS nodeGroups[0]',
        'MAX_PODS_EXCEEDS_POD_IPS nodeGroups[1].maxPods',
        'CLUSTER_SUBNET_BELOW_RECOMMENDED_IPS subnets[3]',
        'CLUSTER_SUBNET_BELOW_RECOMMENDED_IPS subnets[4]',
        'CLUSTER_SUBNET_BELOW_RECOMMENDED_IPS subnets[5]',
        'NLB_HAIRPIN_WITH_CLIENT_IP_PRESERVATION workloads[1].expose',
        'STATIC_PRIVATE_IPS_PROPOSED workloads[1].expose',
        'CLUSTER_SUBNET_AZ_ID_UNKNOWN subnets[3].az',
        'CLUSTER_SUBNET_AZ_ID_UNKNOWN subnets[4].az',
        'CLUSTER_SUBNET_AZ_ID_UNKNOWN subnets[5].az',
      ]);
      expect(plan.assumptions.length).toBeGreaterThan(5);
    });

    it('reports a /28 node subnet that cannot hold the max size as SUBNET_FULL_AT_MAX at its path, counted in the summary', async () => {
      const { body } = await t.http.post('/v1/plan').send(tightDesign()).expect(200);
      expect(body.findings[0]).toEqual({
        code: 'SUBNET_FULL_AT_MAX',
        severity: 'ERROR',
        path: 'subnets[12]',
        message:
          'Subnet tiny (10.0.4.0/28) needs 12 addresses with every node group at max size but has 11 usable (1 short); it holds about 11 nodes.',
        fix: expect.stringContaining('Use a larger subnet'),
      });
      expect(body.findings.filter((f: { severity: string }) => f.severity === 'ERROR')).toHaveLength(1);
      expect(body.summary).toMatchObject({
        status: 'ERRORS',
        errors: 1,
        warnings: 7,
        infos: 4,
        tightestSubnet: { name: 'tiny', usedIpsAtMax: 12, freeIpsAtMax: -1, utilization: 1.0909 },
      });
      expect(body.subnets[12]).toMatchObject({ name: 'tiny', totalIps: 16, usableIps: 11, usedIps: { max: 12 }, freeIpsAtMax: -1 });
    });

    it('plans the latest revision without ?revision and any revision with it', async () => {
      const id = await save(validDesign());
      await t.http.put(`/v1/designs/${id}`).set('If-Match', '"1"').send(tightDesign()).expect(200);

      const latest = await t.http.get(`/v1/designs/${id}/plan`).expect(200);
      expect(latest.body).toMatchObject({ designId: id, revision: 2, summary: { status: 'ERRORS', errors: 1, subnets: 13 } });
      const first = await t.http.get(`/v1/designs/${id}/plan`).query({ revision: 1 }).expect(200);
      expect(first.body).toMatchObject({ designId: id, revision: 1, summary: { status: 'WARNINGS', errors: 0, subnets: 12 } });
      const second = await t.http.get(`/v1/designs/${id}/plan`).query({ revision: '2' }).expect(200);
      expect(second.body).toEqual(latest.body);
      // An upper-case id finds the design; the answer names it as stored.
      expect((await t.http.get(`/v1/designs/${id.toUpperCase()}/plan`).expect(200)).body.designId).toBe(id);
    });

    it('answers 404 for unknown designs and revisions', async () => {
      const id = await save(validDesign());
      expect((await t.http.get(`/v1/designs/${MISSING_ID}/plan`).expect(404)).body.error.code).toBe('DESIGN_NOT_FOUND');
      expect((await t.http.get('/v1/designs/not-a-uuid/plan').expect(404)).body.error.code).toBe('DESIGN_NOT_FOUND');
      expect((await t.http.get(`/v1/designs/${MISSING_ID}/plan`).query({ revision: 3 }).expect(404)).body.error.code).toBe(
        'DESIGN_NOT_FOUND',
      );
      expect((await t.http.get(`/v1/designs/${id}/plan`).query({ revision: 2 }).expect(404)).body.error.code).toBe('REVISION_NOT_FOUND');
      expect((await t.http.get(`/v1/designs/${id}/plan`).query({ revision: 2_147_483_647 }).expect(404)).body.error.code).toBe(
        'REVISION_NOT_FOUND',
      );
    });

    it('answers 400 with the parameter for revision numbers that are not positive 32-bit integers', async () => {
      const id = await save(validDesign());
      for (const revision of ['0', '-1', '1.5', 'abc', '', '2147483648', '99999999999999999999', '1e400', 'NaN', '0x1']) {
        const response = await t.http.get(`/v1/designs/${id}/plan`).query({ revision }).expect(400);
        expect(response.body.error.code, revision).toBe('VALIDATION_FAILED');
        expect(
          response.body.error.details.map((d: { path: string }) => d.path),
          revision,
        ).toEqual(['revision']);
      }
      const repeated = await t.http.get(`/v1/designs/${id}/plan?revision=1&revision=2`).expect(400);
      expect(repeated.body.error.details[0].path).toBe('revision');
      const unknown = await t.http.get(`/v1/designs/${id}/plan`).query({ rev: 1 }).expect(400);
      expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'rev', code: 'UNKNOWN_FIELD' })]);
    });

    it('refuses an invalid inline spec with every problem and its path', async () => {
      const spec = validDesign();
      const broken = {
        ...spec,
        unknownField: true,
        vpc: { ...spec.vpc, cidrs: ['10.0.0.0/33'] },
        nodeGroups: [{ ...spec.nodeGroups[0], instanceTypes: ['m5.enormous'], maxSize: -1 }, ...spec.nodeGroups.slice(1)],
      };
      const response = await t.http.post('/v1/plan').send(broken).expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      const paths = response.body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(
        expect.arrayContaining(['unknownField', 'vpc.cidrs[0]', 'nodeGroups[0].instanceTypes[0]', 'nodeGroups[0].maxSize']),
      );

      const unknownCatalog = await t.http
        .post('/v1/plan')
        .send({ ...spec, catalog: 'no-such-catalog' })
        .expect(400);
      expect(unknownCatalog.body.error.code).toBe('VALIDATION_FAILED');
      expect(unknownCatalog.body.error.details.map((d: { path: string }) => d.path)).toContain('catalog');
    });

    it('never answers 500 to bodies of the wrong type, malformed JSON or deep nesting', async () => {
      const bodies: [string, string][] = [
        ['[]', 'application/json'],
        ['"design"', 'application/json'],
        ['42', 'application/json'],
        ['null', 'application/json'],
        ['true', 'application/json'],
        ['{', 'application/json'],
        ['{"name":', 'application/json'],
        ['name: x', 'application/yaml'],
        ['hello', 'text/plain'],
        ['', 'application/json'],
        [`${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'],
        [JSON.stringify({ ...validDesign(), vpc: nest(200) }), 'application/json'],
        [JSON.stringify({ ...validDesign(), subnets: 'not-a-list', nodeGroups: [null], workloads: {} }), 'application/json'],
        [
          JSON.stringify({ ...validDesign(), __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
          'application/json',
        ],
      ];
      for (const [payload, type] of bodies) {
        const response = await t.http.post('/v1/plan').set('content-type', type).send(payload);
        expect(response.status, payload.slice(0, 60)).toBeGreaterThanOrEqual(400);
        expect(response.status, payload.slice(0, 60)).toBeLessThan(500);
        expect(response.body.error.code, payload.slice(0, 60)).toEqual(expect.any(String));
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const deep = await t.http
        .post('/v1/plan')
        .send({ ...validDesign(), vpc: nest(200) })
        .expect(400);
      expect(deep.body.error.code).toBe('BODY_TOO_DEEP');
    });
  });

  describe('GraphQL', () => {
    const PLAN_FIELDS = `designId revision designName summary { status errors warnings infos usedIpsAtMax tightestSubnet { name freeIpsAtMax } }
      findings { code severity path }
      nodeGroups { name maxPods effectiveMaxPods podCapacityAtMax sizes { max } loads { max { nodes podSubnetIpsPerNode } } instanceTypes { instanceType maxPods } }
      subnets { name totalIps usedIps { max } freeIpsAtMax prefixBlocks { alignedBlocks } charges { kind consumer usedIps { max } } }
      workloads { name exposure { kind scheme annotations { name value } } }
      cluster { clusterDnsIp serviceIpv4CidrSource } assumptions`;

    it('serves design(id) { plan } for the latest revision and plan(revision:) for an earlier one', async () => {
      const id = await save(validDesign());
      await t.http.put(`/v1/designs/${id}`).set('If-Match', '"1"').send(tightDesign()).expect(200);
      const { body } = await t.graphql(
        `query($id: ID!) { design(id: $id) {
          revision
          plan { revision summary { status errors } findings { code severity path } }
          first: plan(revision: 1) { revision summary { status errors } }
          latest: plan(revision: 2) { revision summary { status errors } }
        } }`,
        { id },
      );
      expect(body.errors).toBeUndefined();
      const design = body.data!.design;
      expect(design.plan.revision).toBe(2);
      expect(design.plan.summary).toEqual({ status: 'ERRORS', errors: 1 });
      expect(design.plan.findings[0]).toEqual({ code: 'SUBNET_FULL_AT_MAX', severity: 'ERROR', path: 'subnets[12]' });
      expect(design.first).toEqual({ revision: 1, summary: { status: 'WARNINGS', errors: 0 } });
      expect(design.latest).toEqual({ revision: 2, summary: { status: 'ERRORS', errors: 1 } });
    });

    it('plans an inline spec with plan(spec:) exactly like REST, annotations as name/value pairs', async () => {
      const spec = validDesign();
      const rest = (await t.http.post('/v1/plan').send(spec).expect(200)).body;
      const { body } = await t.graphql(`query($spec: DesignSpecInput!) { plan(spec: $spec) { ${PLAN_FIELDS} } }`, { spec });
      expect(body.errors).toBeUndefined();
      const plan = body.data!.plan;
      expect(plan.designId).toBeNull();
      expect(plan.revision).toBeNull();
      expect(plan.designName).toBe(rest.designName);
      expect(plan.summary).toEqual({
        status: 'WARNINGS',
        errors: 0,
        warnings: 7,
        infos: 3,
        usedIpsAtMax: 823,
        tightestSubnet: { name: 'pods-a', freeIpsAtMax: 16123 },
      });
      expect(plan.findings).toEqual(
        rest.findings.map(({ code, severity, path }: { code: string; severity: string; path: string }) => ({ code, severity, path })),
      );
      expect(plan.nodeGroups[0]).toEqual({
        name: 'general',
        maxPods: 20,
        effectiveMaxPods: 11,
        podCapacityAtMax: 108,
        sizes: { max: 12 },
        loads: { max: { nodes: 12, podSubnetIpsPerNode: 13 } },
        instanceTypes: [
          { instanceType: 'm5.large', maxPods: 20 },
          { instanceType: 'm5.xlarge', maxPods: 44 },
        ],
      });
      expect(plan.nodeGroups[2]).toMatchObject({ name: 'system', maxPods: 1, podCapacityAtMax: rest.nodeGroups[2].podCapacityAtMax });
      expect(plan.subnets[6]).toEqual({
        name: 'private-a',
        totalIps: 8192,
        usedIps: { max: 22 },
        freeIpsAtMax: 8165,
        prefixBlocks: null,
        charges: [
          { kind: 'NODE_IPS', consumer: 'general', usedIps: { max: 4 } },
          { kind: 'NODE_IPS', consumer: 'batch', usedIps: { max: 17 } },
          { kind: 'FARGATE_POD_IPS', consumer: 'system', usedIps: { max: 1 } },
        ],
      });
      const checkout = plan.workloads[0];
      expect(checkout.exposure.kind).toBe('ALB_INGRESS');
      expect(checkout.exposure.annotations).toEqual(
        Object.entries(rest.workloads[0].exposure.annotations).map(([name, value]) => ({ name, value })),
      );
      expect(checkout.exposure.annotations).toContainEqual({ name: 'alb.ingress.kubernetes.io/target-type', value: 'ip' });
      expect(plan.workloads.find((w: { name: string }) => w.name === 'reconciler').exposure).toBeNull();
      expect(plan.cluster).toEqual({ clusterDnsIp: '172.20.0.10', serviceIpv4CidrSource: 'DESIGN' });
      expect(plan.assumptions).toEqual(rest.assumptions);
    });

    it('answers coded errors: invalid spec with paths, unknown design or revision, bad revision numbers', async () => {
      const id = await save(validDesign());
      const spec = validDesign();
      const invalid = await t.graphql('query($spec: DesignSpecInput!) { plan(spec: $spec) { designName } }', {
        spec: { ...spec, nodeGroups: [{ ...spec.nodeGroups[0], subnets: ['nowhere'] }, ...spec.nodeGroups.slice(1)] },
      });
      expect(invalid.body.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      expect(invalid.body.errors?.[0].extensions?.details?.map((d) => d.path)).toContain('nodeGroups[0].subnets[0]');

      const query = 'query($id: ID!, $r: Int) { design(id: $id) { plan(revision: $r) { revision } } }';
      expect((await t.graphql(query, { id: MISSING_ID })).body.errors?.[0].extensions?.code).toBe('DESIGN_NOT_FOUND');
      expect((await t.graphql(query, { id, r: 5 })).body.errors?.[0].extensions?.code).toBe('REVISION_NOT_FOUND');
      for (const r of [0, -3]) {
        const response = await t.graphql(query, { id, r });
        expect(response.body.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
        expect(response.body.errors?.[0].extensions?.details?.map((d) => d.path)).toEqual(['revision']);
      }
      for (const r of [2 ** 31, 1.5, '1', 1e300]) {
        const response = await t.graphql(query, { id, r });
        expect(response.status, String(r)).toBe(400);
        expect(response.body.errors?.[0].extensions?.code, String(r)).toBe('BAD_USER_INPUT');
      }
      const literal = await t.graphql(`{ design(id: "${id}") { plan(revision: 99999999999) { revision } } }`);
      expect(literal.status).toBe(400);
      expect(literal.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('serves counts past 32-bit integers (a Fargate profile with 2.2 billion pods) as Float', async () => {
      const spec = validDesign();
      spec.workloads = Array.from({ length: 2200 }, (_, i) => ({
        name: `job-${i}`,
        namespace: 'batch',
        nodeGroup: 'system',
        replicas: 1_000_000,
      }));
      const rest = (await t.http.post('/v1/plan').send(spec).expect(200)).body;
      const { body } = await t.graphql(
        'query($spec: DesignSpecInput!) { plan(spec: $spec) { nodeGroups { name replicas { podIp } loads { max { nodes } } } summary { status usedIpsAtMax } } }',
        { spec },
      );
      expect(body.errors).toBeUndefined();
      const system = body.data!.plan.nodeGroups.find((g: { name: string }) => g.name === 'system');
      expect(system.replicas.podIp).toBe(2_200_000_000);
      expect(system.loads.max.nodes).toBe(2_200_000_000);
      expect(system.loads.max.nodes).toBeGreaterThan(2 ** 31);
      expect(body.data!.plan.summary).toEqual({ status: 'ERRORS', usedIpsAtMax: rest.summary.usedIpsAtMax });
      expect(rest.summary.usedIpsAtMax).toBeGreaterThan(2 ** 31);
    });

    it('costs a plan 100: fifty plans in one operation exceed the complexity limit', async () => {
      const spec = validDesign();
      const fifty = Array.from({ length: 50 }, (_, i) => `p${i}: plan(spec: $spec) { designName }`).join(' ');
      const response = await t.graphql(`query($spec: DesignSpecInput!) { ${fifty} }`, { spec });
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0].extensions?.code).toBe('GRAPHQL_COMPLEXITY_LIMIT');
      const two = await t.graphql(
        'query($spec: DesignSpecInput!) { a: plan(spec: $spec) { designName } b: plan(spec: $spec) { summary { errors } } }',
        { spec },
      );
      expect(two.body.data).toEqual({ a: { designName: 'payments-prod' }, b: { summary: { errors: 0 } } });
    });

    it('refuses deeply nested and wrongly typed variables without an internal error', async () => {
      const spec = validDesign();
      const cases: unknown[] = [
        null,
        'spec',
        42,
        [spec],
        { ...spec, vpc: nest(300) },
        { ...spec, subnets: 'nope' },
        { ...spec, nodeGroups: [{ ...spec.nodeGroups[0], maxSize: 2 ** 40 }] },
      ];
      for (const variable of cases) {
        const response = await t.graphql('query($spec: DesignSpecInput!) { plan(spec: $spec) { designName } }', { spec: variable });
        expect(response.status, JSON.stringify(variable).slice(0, 80)).toBeLessThan(500);
        // Bodies nested past 64 levels are refused before GraphQL sees them, with the REST error shape.
        const code = response.body.errors?.[0].extensions?.code ?? (response.body as { error?: { code?: string } }).error?.code;
        expect(['BAD_USER_INPUT', 'VALIDATION_FAILED', 'BODY_TOO_DEEP'], JSON.stringify(variable).slice(0, 80)).toContain(code);
      }
    });
  });
});

function nest(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { x: value };
  return value;
}
