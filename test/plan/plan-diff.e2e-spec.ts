/**
 * GET /v1/designs/{id}/diff?from=&to= and GraphQL `designDiff`: the spec changes between two saved revisions and how the
 * plan moved, each revision planned with the catalog it names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesignSpec } from '../../src/domain/spec/design-spec.types.js';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** validDesign() with its `general` node group in one /28 (11 usable addresses, one per node). */
function tightDesign(maxSize: number, cidr = '10.0.4.0/28'): DesignSpec {
  const spec = validDesign();
  spec.subnets.push({ name: 'tiny', az: 'us-east-1a', cidr, roles: ['NODES'] });
  spec.nodeGroups[0] = { ...spec.nodeGroups[0], subnets: ['tiny'], maxSize };
  return spec;
}

const SUBNET_FULL = {
  code: 'SUBNET_FULL_AT_MAX',
  severity: 'ERROR',
  path: 'subnets[12]',
  message:
    'Subnet tiny (10.0.4.0/28) needs 12 addresses with every node group at max size but has 11 usable (1 short); it holds about 11 nodes.',
  fix: expect.stringContaining('Use a larger subnet'),
};

describe('design diff', () => {
  let t: TestApp;
  /** Revision 1: 10 nodes in the /28; 2: maxSize 12, one too many; 3: the /28 widened to a /27. */
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    id = (await t.http.post('/v1/designs').send(tightDesign(10)).expect(201)).body.id;
    await t.http.put(`/v1/designs/${id}`).set('If-Match', '"1"').send(tightDesign(12)).expect(200);
    await t.http.put(`/v1/designs/${id}`).set('If-Match', '"2"').send(tightDesign(12, '10.0.4.0/27')).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('raising a maxSize: the spec change by name, the subnets whose addresses moved, the finding it adds and the one it resolves', async () => {
    const { body } = await t.http.get(`/v1/designs/${id}/diff`).query({ from: 1, to: 2 }).expect(200);
    expect(body.designId).toBe(id);
    expect(body.from).toBe(1);
    expect(body.to).toBe(2);
    expect(body.spec).toEqual([{ path: 'nodeGroups["general"].maxSize', kind: 'CHANGED', before: 10, after: 12 }]);
    expect(body.plan.nodeGroups).toEqual([
      {
        name: 'general',
        maxPods: { before: 20, after: 20, delta: 0 },
        effectiveMaxPods: { before: 11, after: 11, delta: 0 },
        podCapacityAtMax: { before: 90, after: 108, delta: 18 },
      },
    ]);
    // Two more nodes: one address each in the /28, and their pod ENIs in the ENIConfig subnet of us-east-1a.
    expect(body.plan.subnets).toEqual([
      { name: 'pods-a', freeIpsAtMax: { before: 16045, after: 16019, delta: -26 }, usedIpsAtMax: { before: 334, after: 360, delta: 26 } },
      { name: 'tiny', freeIpsAtMax: { before: 1, after: -1, delta: -2 }, usedIpsAtMax: { before: 10, after: 12, delta: 2 } },
    ]);
    expect(body.plan.findings.new).toEqual([{ key: 'SUBNET_FULL_AT_MAX subnets["tiny"]', finding: SUBNET_FULL }]);
    expect(body.plan.findings.resolved).toEqual([
      { key: 'SUBNET_LOW_HEADROOM_AT_MAX subnets["tiny"]', finding: expect.objectContaining({ severity: 'WARNING', path: 'subnets[12]' }) },
    ]);
    expect(body.plan.summary).toEqual({
      errors: { before: 0, after: 1, delta: 1 },
      warnings: { before: 8, after: 7, delta: -1 },
      infos: { before: 4, after: 4, delta: 0 },
      usedIpsAtMax: { before: 795, after: 823, delta: 28 },
    });
  });

  it('widening the subnet resolves the error; the same revision twice is no change; backwards is the mirror image', async () => {
    const widened = (await t.http.get(`/v1/designs/${id}/diff`).query({ from: 2, to: 3 }).expect(200)).body;
    expect(widened.spec).toEqual([{ path: 'subnets["tiny"].cidr', kind: 'CHANGED', before: '10.0.4.0/28', after: '10.0.4.0/27' }]);
    expect(widened.plan.subnets).toEqual([
      { name: 'tiny', freeIpsAtMax: { before: -1, after: 15, delta: 16 }, usedIpsAtMax: { before: 12, after: 12, delta: 0 } },
    ]);
    expect(widened.plan.findings).toEqual({ new: [], resolved: [{ key: 'SUBNET_FULL_AT_MAX subnets["tiny"]', finding: SUBNET_FULL }] });
    expect(widened.plan.nodeGroups).toEqual([]);

    const same = (await t.http.get(`/v1/designs/${id}/diff`).query({ from: 3, to: 3 }).expect(200)).body;
    expect(same.spec).toEqual([]);
    expect(same.plan).toMatchObject({
      nodeGroups: [],
      subnets: [],
      findings: { new: [], resolved: [] },
      summary: { errors: { before: 0, after: 0, delta: 0 } },
    });

    const backwards = (await t.http.get(`/v1/designs/${id}/diff`).query({ from: 3, to: 2 }).expect(200)).body;
    expect(backwards.spec).toEqual([{ path: 'subnets["tiny"].cidr', kind: 'CHANGED', before: '10.0.4.0/27', after: '10.0.4.0/28' }]);
    expect(backwards.plan.findings.new).toEqual(widened.plan.findings.resolved);
  });

  it('plans each revision with the catalog it names', async () => {
    const m5large = (await t.http.get('/v1/catalogs/aws/instance-types/m5.large').expect(200)).body;
    const others = await Promise.all(
      ['m5.xlarge', 'c5.2xlarge', 'm6i.xlarge'].map(
        async (name) => (await t.http.get(`/v1/catalogs/aws/instance-types/${name}`).expect(200)).body,
      ),
    );
    // The same m5.large with one ENI fewer: under custom networking and a trunk ENI it has no ENI left for pods.
    const smaller = { ...m5large, maxEnis: 2, networkCards: [{ index: 0, maxEnis: 2 }] };
    await t.http
      .post('/v1/catalogs')
      .send({ name: 'plan-diff-small', instanceTypes: [smaller, ...others] })
      .expect(201);

    const designId = (await t.http.post('/v1/designs').send(validDesign()).expect(201)).body.id;
    await t.http
      .put(`/v1/designs/${designId}`)
      .set('If-Match', '"1"')
      .send({ ...validDesign(), catalog: 'plan-diff-small' })
      .expect(200);
    const { body } = await t.http.get(`/v1/designs/${designId}/diff`).query({ from: 1, to: 2 }).expect(200);
    expect(body.spec).toEqual([{ path: 'catalog', kind: 'ADDED', before: null, after: 'plan-diff-small' }]);
    expect(body.plan.nodeGroups).toEqual([
      {
        name: 'general',
        maxPods: { before: 20, after: 11, delta: -9 },
        effectiveMaxPods: { before: 11, after: 2, delta: -9 },
        podCapacityAtMax: { before: 108, after: 0, delta: -108 },
      },
    ]);
    expect(body.plan.findings.new.map((c: { key: string }) => c.key)).toEqual([
      'WORKLOAD_EXCEEDS_POD_CAPACITY workloads["payments/ledger"].replicas',
    ]);
    expect((await t.http.get(`/v1/designs/${designId}/plan`).expect(200)).body.nodeGroups[0].maxPods).toBe(11);
    expect((await t.http.get(`/v1/designs/${designId}/plan`).query({ revision: 1 }).expect(200)).body.nodeGroups[0].maxPods).toBe(20);
  });

  it('answers 400 unless from and to are both positive 32-bit integers, 404 for unknown designs and revisions', async () => {
    const bad: Record<string, string>[] = [
      {},
      { from: '1' },
      { to: '2' },
      { from: '0', to: '1' },
      { from: '1', to: '-2' },
      { from: 'a', to: '2' },
      { from: '1.5', to: '2' },
      { from: '1', to: '2147483648' },
      { from: '99999999999999999999', to: '1' },
      { from: '', to: '' },
      { from: '0x1', to: '2' },
    ];
    for (const query of bad) {
      const response = await t.http.get(`/v1/designs/${id}/diff`).query(query).expect(400);
      expect(response.body.error.code, JSON.stringify(query)).toBe('VALIDATION_FAILED');
      const expected = ['from', 'to'].filter((key) => !/^[1-9][0-9]{0,8}$/.test(query[key] ?? ''));
      expect(response.body.error.details.map((d: { path: string }) => d.path).sort(), JSON.stringify(query)).toEqual(expected);
    }
    expect((await t.http.get(`/v1/designs/${id}/diff?from=1&from=2&to=3`).expect(400)).body.error.details[0].path).toBe('from');
    expect((await t.http.get(`/v1/designs/${id}/diff`).query({ from: 1, to: 4 }).expect(404)).body.error.code).toBe('REVISION_NOT_FOUND');
    expect((await t.http.get(`/v1/designs/${id}/diff`).query({ from: 2_147_483_647, to: 1 }).expect(404)).body.error.code).toBe(
      'REVISION_NOT_FOUND',
    );
    expect(
      (await t.http.get('/v1/designs/00000000-0000-4000-8000-000000000000/diff').query({ from: 1, to: 2 }).expect(404)).body.error.code,
    ).toBe('DESIGN_NOT_FOUND');
    expect((await t.http.get('/v1/designs/nope/diff').query({ from: 1, to: 2 }).expect(404)).body.error.code).toBe('DESIGN_NOT_FOUND');
  });

  describe('GraphQL designDiff', () => {
    it('returns the same diff, with any JSON value in before/after', async () => {
      const rest = (await t.http.get(`/v1/designs/${id}/diff`).query({ from: 1, to: 2 }).expect(200)).body;
      const { body } = await t.graphql(
        `query($id: ID!) { designDiff(id: $id, from: 1, to: 2) {
          designId from to
          spec { path kind before after }
          plan {
            nodeGroups { name maxPods { before after delta } effectiveMaxPods { delta } podCapacityAtMax { before after delta } }
            subnets { name freeIpsAtMax { before after delta } usedIpsAtMax { before after delta } }
            findings { new { key finding { code severity path message } } resolved { key } }
            summary { errors { before after delta } warnings { delta } infos { delta } usedIpsAtMax { delta } }
          }
        } }`,
        { id },
      );
      expect(body.errors).toBeUndefined();
      const diff = body.data!.designDiff;
      expect(diff).toMatchObject({ designId: id, from: 1, to: 2, spec: rest.spec });
      expect(diff.plan.subnets).toEqual(rest.plan.subnets);
      expect(diff.plan.nodeGroups[0]).toEqual({
        name: 'general',
        maxPods: rest.plan.nodeGroups[0].maxPods,
        effectiveMaxPods: { delta: 0 },
        podCapacityAtMax: rest.plan.nodeGroups[0].podCapacityAtMax,
      });
      expect(diff.plan.findings.new).toEqual([
        {
          key: 'SUBNET_FULL_AT_MAX subnets["tiny"]',
          finding: { code: 'SUBNET_FULL_AT_MAX', severity: 'ERROR', path: 'subnets[12]', message: SUBNET_FULL.message },
        },
      ]);
      expect(diff.plan.findings.resolved).toEqual([{ key: 'SUBNET_LOW_HEADROOM_AT_MAX subnets["tiny"]' }]);
      expect(diff.plan.summary).toEqual({
        errors: { before: 0, after: 1, delta: 1 },
        warnings: { delta: -1 },
        infos: { delta: 0 },
        usedIpsAtMax: { delta: 28 },
      });

      // Objects and lists come through the JSON scalar as they are.
      const withPeer = validDesign();
      withPeer.vpc.peers = [...withPeer.vpc.peers!, { name: 'partner', cidrs: ['10.9.0.0/16'], via: 'VPN' }];
      withPeer.tags = ['prod'];
      const designId = (await t.http.post('/v1/designs').send(validDesign()).expect(201)).body.id;
      await t.http.put(`/v1/designs/${designId}`).set('If-Match', '"1"').send(withPeer).expect(200);
      const peers = await t.graphql('query($id: ID!) { designDiff(id: $id, from: 1, to: 2) { spec { path kind before after } } }', {
        id: designId,
      });
      expect(peers.body.errors).toBeUndefined();
      // Postgres jsonb stores object keys in its own order (shorter first), and the diff walks keys in stored order.
      const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
      expect([...peers.body.data!.designDiff.spec].sort(byPath)).toEqual([
        { path: 'tags', kind: 'CHANGED', before: ['prod', 'pci'], after: ['prod'] },
        { path: 'vpc.peers["partner"]', kind: 'ADDED', before: null, after: { name: 'partner', cidrs: ['10.9.0.0/16'], via: 'VPN' } },
      ]);
    });

    it('answers coded errors for unknown revisions and bad numbers, never an internal error', async () => {
      const query = 'query($id: ID!, $from: Int!, $to: Int!) { designDiff(id: $id, from: $from, to: $to) { from } }';
      expect((await t.graphql(query, { id, from: 1, to: 9 })).body.errors?.[0].extensions?.code).toBe('REVISION_NOT_FOUND');
      expect((await t.graphql(query, { id: 'x', from: 1, to: 2 })).body.errors?.[0].extensions?.code).toBe('DESIGN_NOT_FOUND');
      const zero = await t.graphql(query, { id, from: 0, to: -1 });
      expect(zero.body.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
      expect(zero.body.errors?.[0].extensions?.details?.map((d) => d.path)).toEqual(['from', 'to']);
      for (const variables of [
        { id, from: 2 ** 31, to: 1 },
        { id, from: '1', to: 2 },
        { id, from: null, to: 2 },
        { id, to: 2 },
        { id: { deep: [[[1]]] }, from: 1, to: 2 },
      ]) {
        const response = await t.graphql(query, variables);
        expect(response.status, JSON.stringify(variables)).toBe(400);
        expect(response.body.errors?.[0].extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      }
      const literal = await t.graphql(`{ designDiff(id: "${id}", from: 1, to: 1e12) { from } }`);
      expect(literal.status).toBe(400);
      expect(literal.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});
