/**
 * Generated malformed and hostile requests to the plan routes (REST and GraphQL): wrong types, huge and negative revision
 * numbers, mutated designs, deep JSON. No response is ever ≥ 500 or an internal GraphQL error, and nothing stored changes.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDesign } from '../../src/designs/design-spec/fixtures/valid-design.fixture.js';
import { hostileBodyText, hostileJson, hostileNumber, hostileText, mutatedDesign } from '../support/hostile.arbitraries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const RUNS_PER_TARGET = Number(process.env.PLAN_FUZZ_RUNS ?? 300);

describe('plan routes under hostile input', () => {
  let t: TestApp;
  let designId: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '10000000' });
    designId = (await t.http.post('/v1/designs').send(validDesign()).expect(201)).body.id;
    await t.http.put(`/v1/designs/${designId}`).set('If-Match', '"1"').send({ ...validDesign(), tags: ['fuzz'] }).expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('never answers ≥ 500, never an internal GraphQL error, and keeps the design as it was', async () => {
    // Lone surrogates cannot be URL-encoded (encodeURIComponent throws), so they become U+FFFD.
    const text = hostileText.map((s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').slice(0, 3000));
    const revision = fc.oneof(text, hostileNumber.map(String), fc.constantFrom('1', '2', '3', '2147483647', '2147483648', '-0', '00001'));
    const id = fc.oneof(fc.constant(designId), fc.uuid(), text.map((s) => encodeURIComponent(s) || '%20'));
    const query = fc.dictionary(fc.constantFrom('revision', 'from', 'to', 'rev', '__proto__'), revision, { maxKeys: 3 });
    const graphqlVariable = fc.oneof(hostileJson, hostileNumber, fc.constantFrom(1, 2, 0, -1, 2 ** 31));
    const graphql = (document: string, variables: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<InjectOptions> =>
      variables.map((v) => ({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query: document, variables: v }) }));

    const targets: [string, fc.Arbitrary<InjectOptions>][] = [
      ['GET /v1/designs/:id/plan', fc.tuple(id, query).map(([i, q]) => ({ method: 'GET', url: `/v1/designs/${i}/plan`, query: q }))],
      ['GET /v1/designs/:id/diff', fc.tuple(id, query).map(([i, q]) => ({ method: 'GET', url: `/v1/designs/${i}/diff`, query: q }))],
      ['POST /v1/plan', fc.tuple(fc.oneof(hostileBodyText, mutatedDesign.map((d) => JSON.stringify(d))), fc.constantFrom('application/json', 'text/plain', 'application/yaml'))
        .map(([payload, type]) => ({ method: 'POST', url: '/v1/plan', headers: { 'content-type': type }, payload }))],
      ['GraphQL plan(spec:)', graphql('query($s: DesignSpecInput!) { plan(spec: $s) { summary { status } findings { code } } }', fc.record({ s: fc.oneof(hostileJson, mutatedDesign) }, { requiredKeys: [] }))],
      ['GraphQL design.plan', graphql('query($id: ID!, $r: Int) { design(id: $id) { plan(revision: $r) { revision summary { errors } } } }', fc.record({ id: fc.oneof(fc.constant(designId), hostileJson), r: graphqlVariable }, { requiredKeys: [] }))],
      ['GraphQL designDiff', graphql('query($id: ID!, $f: Int!, $t: Int!) { designDiff(id: $id, from: $f, to: $t) { spec { path before after } } }', fc.record({ id: fc.oneof(fc.constant(designId), hostileJson), f: graphqlVariable, t: graphqlVariable }, { requiredKeys: [] }))],
    ];

    const fastify = t.app.getHttpAdapter().getInstance();
    const statuses = new Map<number, number>();
    for (const [name, request] of targets) {
      await fc.assert(
        fc.asyncProperty(request, async (options) => {
          const response = await fastify.inject(options);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode >= 500) throw new Error(`${name}: ${response.statusCode} ${response.body.slice(0, 400)}`);
          if (options.url === '/graphql' && String(response.headers['content-type']).includes('json')) {
            const codes = ((JSON.parse(response.body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code);
            if (codes.some((c) => c === undefined || c === 'INTERNAL' || c === 'INTERNAL_SERVER_ERROR')) throw new Error(`${name}: ${response.body.slice(0, 400)}`);
          }
        }),
        { numRuns: RUNS_PER_TARGET, seed: Number(process.env.FUZZ_SEED ?? 20260101) },
      );
    }
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(targets.length * RUNS_PER_TARGET);
    // Real plans were computed along the way, not only refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    const design = await t.http.get(`/v1/designs/${designId}`).expect(200);
    expect(design.body).toMatchObject({ revision: 2, spec: { ...validDesign(), tags: ['fuzz'] } });
  }, 300_000);
});
