/** Planning only computes: a caller with the `read` scope may plan saved designs, inline specs and diffs, POST included. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/platform/auth/static-tokens.js';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const READER = `reader-${randomBytes(8).toString('hex')}`;
const WRITER = `writer-${randomBytes(8).toString('hex')}`;
const API_TOKENS = JSON.stringify([
  { subject: 'reader', sha256: sha256Hex(READER), scopes: ['read'] },
  { subject: 'writer', sha256: sha256Hex(WRITER), scopes: ['write'] },
]);

describe('plan scopes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_TOKENS });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets a read-only caller plan and diff over REST and GraphQL, and nobody without a token', async () => {
    const reader = { authorization: `Bearer ${READER}` };
    const id = (
      await t.http
        .post('/v1/designs')
        .set({ authorization: `Bearer ${WRITER}` })
        .send(validDesign())
        .expect(201)
    ).body.id as string;
    expect((await t.http.post('/v1/designs').set(reader).send(validDesign())).status).toBe(403);

    const calls = [
      () => t.http.post('/v1/plan').send(validDesign()),
      () => t.http.get(`/v1/designs/${id}/plan`),
      () => t.http.get(`/v1/designs/${id}/diff`).query({ from: 1, to: 1 }),
    ];
    for (const call of calls) {
      const allowed = await call().set(reader);
      expect(allowed.status).toBe(200);
      expect((await call()).status).toBe(401);
    }
    expect((await t.http.post('/v1/plan').set(reader).send(validDesign())).body.summary.status).toBe('WARNINGS');

    const graphql = await t.http
      .post('/graphql')
      .set(reader)
      .send({
        query:
          'query($spec: DesignSpecInput!, $id: ID!) { plan(spec: $spec) { summary { errors } } design(id: $id) { plan { revision } } designDiff(id: $id, from: 1, to: 1) { spec { path } } }',
        variables: { spec: validDesign(), id },
      });
    expect(graphql.body.errors).toBeUndefined();
    expect(graphql.body.data).toEqual({ plan: { summary: { errors: 0 } }, design: { plan: { revision: 1 } }, designDiff: { spec: [] } });
  });
});
