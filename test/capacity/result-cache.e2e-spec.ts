import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapacityResultCachePlugin } from '../../src/app/capacity/capacity-result-cache.plugin.js';
import { sha256Hex } from '../../src/platform/auth/static-tokens.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TOKENS = {
  admin: `admin-${randomBytes(8).toString('hex')}`,
  reader: `reader-${randomBytes(8).toString('hex')}`,
  counted: `counted-${randomBytes(8).toString('hex')}`,
  none: `none-${randomBytes(8).toString('hex')}`,
};
const API_TOKENS = JSON.stringify([
  { subject: 'admin', sha256: sha256Hex(TOKENS.admin), scopes: ['admin'] },
  { subject: 'reader', sha256: sha256Hex(TOKENS.reader), scopes: ['read'] },
  { subject: 'counted', sha256: sha256Hex(TOKENS.counted), scopes: ['read'] },
  { subject: 'no-scope', sha256: sha256Hex(TOKENS.none), scopes: [] },
]);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const TABLE = 'query Table($launcher: Launcher!) { maxPodsTable(input: { launcher: $launcher }) { items { instanceType maxPods } } }';
const MAX_PODS = 'query MaxPods($catalog: String) { maxPods(input: { instanceType: "x1.small", catalog: $catalog }) { maxPods } }';
/** One whole-catalog table entry is about 2 × 55 KB; the bound holds one, not two. */
const GRAPHQL_BOUND = 150_000;
/** One REST whole-catalog table is about 3 MB (a little less with the ENI formula); the bound holds one, not two. */
const REST_BOUND = 3_100_000;

const customType = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  maxEnis: 3,
  ipv4PerEni: 10,
  hypervisor: 'NITRO',
  bareMetal: false,
  vcpu: 2,
  ...overrides,
});

describe('answer caches (GraphQL capacity results, REST immutable answers)', () => {
  let t: TestApp;
  let plugin: CapacityResultCachePlugin;
  beforeAll(async () => {
    t = await startTestApp({
      API_TOKENS,
      RATE_LIMIT_PER_MINUTE: '60',
      GRAPHQL_RESULT_CACHE_MAX_BYTES: String(GRAPHQL_BOUND),
      REST_RESPONSE_CACHE_MAX_BYTES: String(REST_BOUND),
    });
    plugin = t.app.get(CapacityResultCachePlugin);
  });
  afterAll(async () => {
    await t.close();
  });

  const gql = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    t.http.post('/graphql').set(bearer(token)).send({ query, variables });
  const engineRuns = async (engine: string) => {
    const metrics = await t.http.get('/metrics').set(bearer(TOKENS.admin)).expect(200);
    const line = metrics.text.split('\n').find((l) => l.startsWith('planner_engine_duration_seconds_count{') && l.includes(`"${engine}"`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('computes a whole-catalog GraphQL table once and serves the same bytes again, within its bound', async () => {
    const before = await engineRuns('capacity.max_pods_table');
    const first = await gql(TOKENS.admin, TABLE, { launcher: 'CALCULATOR' }).expect(200);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.maxPodsTable.items).toHaveLength(1391);
    const second = await gql(TOKENS.admin, TABLE, { launcher: 'CALCULATOR' }).expect(200);
    expect(second.text).toBe(first.text);
    expect(await engineRuns('capacity.max_pods_table')).toBe(before + 1);
    expect(plugin.stats.entries).toBe(1);
    expect(plugin.stats.bytes).toBeGreaterThan(2 * first.text.length);

    // Other variables are another answer; the bound holds one table, so the older one goes and is computed again.
    const other = await gql(TOKENS.admin, TABLE, { launcher: 'ENI_FORMULA' }).expect(200);
    expect(other.text).not.toBe(first.text);
    expect(plugin.stats).toMatchObject({ entries: 1, maxBytes: GRAPHQL_BOUND });
    expect(plugin.stats.bytes).toBeLessThanOrEqual(GRAPHQL_BOUND);
    expect((await gql(TOKENS.admin, TABLE, { launcher: 'CALCULATOR' }).expect(200)).text).toBe(first.text);
    expect(await engineRuns('capacity.max_pods_table')).toBe(before + 3);
  });

  it('never keeps an answer with errors, and serves cached answers only to callers the resolver would serve', async () => {
    const entries = plugin.stats.entries;
    for (let i = 0; i < 2; i++) {
      const unknown = await gql(TOKENS.admin, MAX_PODS, { catalog: 'no-such-catalog' });
      expect(unknown.body.errors[0].extensions.code).toBe('CATALOG_NOT_FOUND');
      const missing = await gql(TOKENS.admin, 'query { maxPods(input: { instanceType: "zz9.huge" }) { maxPods } }');
      expect(missing.body.errors[0].extensions.code).toBe('INSTANCE_TYPE_NOT_FOUND');
    }
    expect(plugin.stats.entries).toBe(entries);

    const query = 'query { maxPods(input: { instanceType: "m5.large" }) { maxPods } }';
    expect((await gql(TOKENS.reader, query).expect(200)).body.data.maxPods.maxPods).toBe(29);
    expect((await gql(TOKENS.reader, query).expect(200)).body.data.maxPods.maxPods).toBe(29);
    // A field-level refusal, as without the cache (200 with the error and no data).
    const refused = await gql(TOKENS.none, query);
    expect(refused.body.errors[0].extensions.code).toBe('INSUFFICIENT_SCOPE');
    expect(refused.body.data).toBeNull();
  });

  it('counts cached answers against the rate limit, once per request', async () => {
    const query = 'query { maxPods(input: { instanceType: "c5.xlarge" }) { maxPods } }';
    const statuses: number[] = [];
    for (let i = 0; i < 63; i++) statuses.push((await gql(TOKENS.counted, query)).status);
    expect(statuses.slice(0, 60)).toEqual(Array(60).fill(200));
    expect(statuses.slice(60)).toEqual([429, 429, 429]);
  });

  it('invalidates a custom catalog’s answers when the catalog changes, and keeps the aws ones', async () => {
    await t.http
      .post('/v1/catalogs')
      .set(bearer(TOKENS.admin))
      .send({ name: 'lab', instanceTypes: [customType('x1.small')] })
      .expect(201);
    const ask = async () => (await gql(TOKENS.admin, MAX_PODS, { catalog: 'lab' }).expect(200)).body.data.maxPods.maxPods as number;
    // 3 ENIs × (10 − 1) + 2, then 3 × (6 − 1) + 2 once the type is edited, then gone with the type.
    expect(await ask()).toBe(29);
    expect(await ask()).toBe(29);
    await t.http
      .put('/v1/catalogs/lab/instance-types/x1.small')
      .set(bearer(TOKENS.admin))
      .send(customType('x1.small', { ipv4PerEni: 6 }))
      .expect(200);
    expect(await ask()).toBe(17);
    await t.http.put('/v1/catalogs/lab/instance-types/x1.large').set(bearer(TOKENS.admin)).send(customType('x1.large')).expect(201);
    await t.http.delete('/v1/catalogs/lab/instance-types/x1.small').set(bearer(TOKENS.admin)).expect(204);
    const gone = await gql(TOKENS.admin, MAX_PODS, { catalog: 'lab' });
    expect(gone.body.errors[0].extensions.code).toBe('INSTANCE_TYPE_NOT_FOUND');

    const before = await engineRuns('capacity.max_pods_table');
    await gql(TOKENS.admin, TABLE, { launcher: 'CALCULATOR' }).expect(200);
    expect(await engineRuns('capacity.max_pods_table')).toBe(before);
  });

  it('keeps REST whole-catalog answers within REST_RESPONSE_CACHE_MAX_BYTES', async () => {
    const table = (launcher: string) => t.http.get('/v1/capacity/max-pods-table').query({ launcher }).set(bearer(TOKENS.admin)).expect(200);
    const before = await engineRuns('capacity.max_pods_table');
    const first = await table('CALCULATOR');
    expect((await table('CALCULATOR')).text).toBe(first.text);
    expect(await engineRuns('capacity.max_pods_table')).toBe(before + 1);
    await table('ENI_FORMULA');
    await table('CALCULATOR');
    expect(await engineRuns('capacity.max_pods_table')).toBe(before + 3);
  });
});
