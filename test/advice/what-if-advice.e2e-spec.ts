/**
 * What-if, the advisor and plan.svg over REST, GraphQL and content negotiation: nothing is ever saved, a bad patch
 * answers 400 naming the operation, and a remedy's patch through what-if reproduces the remedy's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overflowDesign } from '../fixtures/advice/overflow-design.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const WARM_PATCH = [
  { op: 'add', path: '/cni/warmEniTarget', value: 0 },
  { op: 'add', path: '/cni/warmIpTarget', value: 4 },
  { op: 'add', path: '/cni/minimumIpTarget', value: 15 },
];

describe('what-if and advice', () => {
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    id = (await t.http.post('/v1/designs').send(overflowDesign()).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('POST /v1/designs/{id}/what-if: the changed spec, its plan and the diff in the shape of GET /diff; nothing saved', async () => {
    const { body } = await t.http.post(`/v1/designs/${id}/what-if`).send({ patch: WARM_PATCH }).expect(200);
    expect(body.spec.cni).toEqual({ version: '1.20.0', warmEniTarget: 0, warmIpTarget: 4, minimumIpTarget: 15 });
    expect(body.plan.summary).toMatchObject({ errors: 0, usedIpsAtMax: 1515 });
    expect(body.diff.spec).toEqual([
      { path: 'cni.warmEniTarget', kind: 'ADDED', before: null, after: 0 },
      { path: 'cni.warmIpTarget', kind: 'ADDED', before: null, after: 4 },
      { path: 'cni.minimumIpTarget', kind: 'ADDED', before: null, after: 15 },
    ]);
    expect(body.diff.plan.summary.usedIpsAtMax).toEqual({ before: 3243, after: 1515, delta: -1728 });
    expect(body.diff.plan.subnets).toContainEqual({
      name: 'private-a',
      freeIpsAtMax: { before: -61, after: 515, delta: 576 },
      usedIpsAtMax: { before: 1080, after: 504, delta: -576 },
    });
    // Same keys as the revision diff's spec and plan.
    const saved = await t.http.put(`/v1/designs/${id}`).set('If-Match', '"1"').send(overflowDesign()).expect(200);
    const revisionDiff = (await t.http.get(`/v1/designs/${id}/diff`).query({ from: 1, to: saved.body.revision }).expect(200)).body;
    expect(Object.keys(body.diff.plan).sort()).toEqual(Object.keys(revisionDiff.plan).sort());
    const design = (await t.http.get(`/v1/designs/${id}`).expect(200)).body;
    expect(design.spec.cni).toEqual({ version: '1.20.0' });
  });

  it('?revision= picks the revision to patch; an empty patch gives an all-zero diff', async () => {
    const { body } = await t.http.post(`/v1/designs/${id}/what-if`).query({ revision: 1 }).send({ patch: [] }).expect(200);
    expect(body.diff.spec).toEqual([]);
    expect(body.diff.plan.findings).toEqual({ new: [], resolved: [] });
    for (const move of Object.values<{ delta: number }>(body.diff.plan.summary)) expect(move.delta).toBe(0);
  });

  it('a bad patch answers 400 naming the operation index and path, and changes nothing', async () => {
    const before = (await t.http.get(`/v1/designs/${id}`).expect(200)).body;
    const failed = await t.http
      .post(`/v1/designs/${id}/what-if`)
      .send({ patch: [...WARM_PATCH, { op: 'test', path: '/nodeGroups/0/maxSize', value: 3 }] })
      .expect(400);
    expect(failed.body.error).toMatchObject({ code: 'PATCH_TEST_FAILED', details: [{ path: 'patch[3].path' }] });
    expect(failed.body.error.message).toContain('Patch operation 3 (test at "/nodeGroups/0/maxSize")');
    const missing = await t.http
      .post(`/v1/designs/${id}/what-if`)
      .send({ patch: [{ op: 'remove', path: '/nodeGroups/4' }] })
      .expect(400);
    expect(missing.body.error).toMatchObject({ code: 'PATCH_INVALID', details: [{ path: 'patch[0].path' }] });
    const invalid = await t.http
      .post(`/v1/designs/${id}/what-if`)
      .send({ patch: [{ op: 'replace', path: '/subnets/6/cidr', value: '10.0.16.1/22' }] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
    expect(invalid.body.error.details[0].path).toBe('subnets[6].cidr');
    const unknown = await t.http.post(`/v1/designs/${id}/what-if`).send({ patch: [], extra: 1 }).expect(400);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'extra', code: 'FIELD_UNKNOWN' })]);
    expect((await t.http.get(`/v1/designs/${id}`).expect(200)).body).toEqual(before);
  });

  it('POST /v1/what-if takes the spec inline; its problems are reported under spec.', async () => {
    const { body } = await t.http.post('/v1/what-if').send({ spec: overflowDesign(), patch: WARM_PATCH }).expect(200);
    expect(body.plan.summary.usedIpsAtMax).toBe(1515);
    const bad = await t.http
      .post('/v1/what-if')
      .send({ spec: { ...overflowDesign(), region: 'mars' }, patch: [] })
      .expect(400);
    expect(bad.body.error.details[0].path).toBe('spec.region');
  });

  it('GET /v1/designs/{id}/advice: remedies whose figures what-if reproduces', async () => {
    const { body } = await t.http.get(`/v1/designs/${id}/advice`).expect(200);
    expect(body.designId).toBe(id);
    expect(body.problems.map((problem: { code: string }) => problem.code)).toEqual(Array(3).fill('SUBNET_FULL_AT_MAX'));
    const kinds = body.remedies.map((remedy: { kind: string }) => remedy.kind);
    expect(kinds).toEqual(expect.arrayContaining(['PREFIX_DELEGATION', 'WARM_POOL_TUNING', 'CUSTOM_NETWORKING']));
    for (const remedy of body.remedies) {
      const result = (await t.http.post(`/v1/designs/${id}/what-if`).send({ patch: remedy.patch }).expect(200)).body;
      expect(remedy.after.usedIpsAtMax).toBe(result.plan.summary.usedIpsAtMax);
      expect(remedy.after.freeIpsAtMaxTightest).toBe(result.plan.summary.tightestSubnet?.freeIpsAtMax ?? null);
      expect(remedy.after.errors).toBe(result.plan.summary.errors);
      expect(remedy.after.warnings).toBe(result.plan.summary.warnings);
    }
    const inline = (await t.http.post('/v1/advice').send(overflowDesign()).expect(200)).body;
    expect(inline).toEqual({ ...body, designId: null, revision: null });
  });

  it('GraphQL: whatIf, whatIfSpec, advice(spec) and Design.advice', async () => {
    const { body } = await t.graphql(
      `query($id: ID!, $patch: [JsonPatchOperationInput!]!, $spec: DesignSpecInput!) {
        whatIf(id: $id, patch: $patch) { plan { summary { usedIpsAtMax } } diff { plan { summary { usedIpsAtMax { before after delta } } } } }
        whatIfSpec(spec: $spec, patch: $patch) { spec { cni { warmIpTarget } } }
        advice(spec: $spec) { problems { code path } remedies { kind rank disruption after { usedIpsAtMax } tradeOffs { source } } }
        design(id: $id) { advice { remedies { kind } } }
      }`,
      { id, patch: WARM_PATCH, spec: overflowDesign() },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.whatIf).toEqual({
      plan: { summary: { usedIpsAtMax: 1515 } },
      diff: { plan: { summary: { usedIpsAtMax: { before: 3243, after: 1515, delta: -1728 } } } },
    });
    expect(body.data!.whatIfSpec).toEqual({ spec: { cni: { warmIpTarget: 4 } } });
    const advice = body.data!.advice as { remedies: Array<{ kind: string; rank: number }> };
    expect(advice.remedies[0]).toMatchObject({ kind: 'WARM_POOL_TUNING', rank: 1, disruption: 'NONE', after: { usedIpsAtMax: 1515 } });
    expect((body.data!.design as { advice: { remedies: unknown[] } }).advice.remedies).toHaveLength(advice.remedies.length);
    const bad = await t.graphql(`query($id: ID!) { whatIf(id: $id, patch: [{ op: remove, path: "/nope" }]) { spec { name } } }`, { id });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'PATCH_INVALID', status: 400 });
  });

  it('plan.svg and Accept: image/svg+xml: one bar per subnet, on the plan routes and on what-if', async () => {
    const svg = await t.http.get(`/v1/designs/${id}/plan.svg`).buffer(true).parse(text).expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const bars = (document: string) => barCount(document, 'used-max');
    expect(bars(svg.body as string)).toBe(overflowDesign().subnets.length);
    expect(svg.body).toContain('private-a: 1080 used at max size');
    const negotiated = await t.http.get(`/v1/designs/${id}/plan`).set('Accept', 'image/svg+xml').buffer(true).parse(text).expect(200);
    expect(negotiated.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(bars(negotiated.body as string)).toBe(9);
    const inline = await t.http.post('/v1/plan').set('Accept', 'image/svg+xml').buffer(true).parse(text).send(overflowDesign()).expect(200);
    expect(bars(inline.body as string)).toBe(9);
    const after = await t.http
      .post('/v1/what-if')
      .set('Accept', 'image/svg+xml')
      .buffer(true)
      .parse(text)
      .send({ spec: overflowDesign(), patch: WARM_PATCH })
      .expect(200);
    expect(after.body).toContain('private-a: 504 used at max size');
    const json = await t.http.get(`/v1/designs/${id}/plan`).expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });
});

/** supertest's parser for a text body (the default parsers leave image/svg+xml as a Buffer). */
const text: Parameters<ReturnType<TestApp['http']['get']>['parse']>[0] = (response, done) => {
  let body = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (body += chunk));
  response.on('end', () => done(null, body));
};

/** Items of one Vega rect mark: `<g class="mark-rect role-mark NAME" …>` holds one `<path>` per datum. */
export function barCount(svg: string, mark: string): number {
  const start = svg.indexOf(`role-mark ${mark}"`);
  if (start === -1) return 0;
  const group = svg.slice(start, svg.indexOf('</g>', start));
  return group.split('<path').length - 1;
}
