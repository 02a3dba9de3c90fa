import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/platform/auth/static-tokens.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TOKENS = {
  a: `a-${randomBytes(8).toString('hex')}`,
  b: `b-${randomBytes(8).toString('hex')}`,
  c: `c-${randomBytes(8).toString('hex')}`,
  d: `d-${randomBytes(8).toString('hex')}`,
};
const API_TOKENS = JSON.stringify([
  { subject: 'caller-a', sha256: sha256Hex(TOKENS.a), scopes: ['admin'] },
  { subject: 'caller-b', sha256: sha256Hex(TOKENS.b), scopes: ['admin'] },
  { subject: 'caller-c', sha256: sha256Hex(TOKENS.c), scopes: ['read'] },
  { subject: 'caller-d', sha256: sha256Hex(TOKENS.d), scopes: ['read'] },
]);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('request limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      API_TOKENS,
      RATE_LIMIT_PER_MINUTE: '20',
      BODY_LIMIT_BYTES: '65536',
      GRAPHQL_MAX_DEPTH: '3',
      GRAPHQL_MAX_COMPLEXITY: '300',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 413 PAYLOAD_TOO_LARGE for bodies over BODY_LIMIT_BYTES', async () => {
    const response = await t.http
      .post('/v1/designs')
      .set(bearer(TOKENS.b))
      .send({ name: 'x'.repeat(70_000) })
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a whole helm template output over the body limit answers 413 naming the limit (issue 17 item 6)', async () => {
    const document = (i: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n`;
    const helmTemplate = Array.from({ length: 800 }, (_, i) => document(i)).join('---\n');
    expect(helmTemplate.length).toBeGreaterThan(65536);
    const response = await t.http
      .post('/v1/exposure/lint')
      .set(bearer(TOKENS.b))
      .set('content-type', 'application/yaml')
      .send(helmTemplate)
      .expect(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.body.error.message).toContain('limit of 65536 bytes');
    expect(response.body.error.message).toContain('BODY_LIMIT_BYTES');
    expect(response.body.error.message).toContain(`${Buffer.byteLength(helmTemplate)} bytes`);
  });

  it('rejects GraphQL operations that nest too deep or cost too much, before executing them', async () => {
    // Depth counts from the root field (0): design → spec → cni → eniConfigs → az is 4 levels below it.
    const deep = await t.http
      .post('/graphql')
      .set(bearer(TOKENS.b))
      .send({ query: '{ design(id: "x") { spec { cni { eniConfigs { az } } } } }' });
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].extensions.code).toBe('GRAPHQL_DEPTH_LIMIT');
    const shallow = await t.http
      .post('/graphql')
      .set(bearer(TOKENS.b))
      .send({ query: '{ instanceTypes(first: 1) { items { networkCards { index } } } }' });
    expect(shallow.body.data.instanceTypes.items).toHaveLength(1);
    const costly = await t.http
      .post('/graphql')
      .set(bearer(TOKENS.b))
      .send({ query: '{ a: maxPodsTable { items { maxPods } } b: maxPodsTable { items { maxPods } } }' });
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_COMPLEXITY_LIMIT', maxComplexity: 300 });
    expect(costly.body.data).toBeUndefined();
  });

  it('limits each token separately, REST and GraphQL together, and says when to retry', async () => {
    let limited:
      | { status: number; headers: Record<string, string>; body: { error?: { code: string }; errors?: { extensions: { code: string } }[] } }
      | undefined;
    for (let i = 0; i < 30 && !limited; i++) {
      const response =
        i % 2 === 0
          ? await t.http.get('/v1/catalogs').set(bearer(TOKENS.a))
          : await t.http
              .post('/graphql')
              .set(bearer(TOKENS.a))
              .send({ query: '{ catalogs { name } instanceType(name: "m5.large") { name } }' });
      if (response.status === 429 || response.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED') limited = response;
    }
    expect(limited).toBeDefined();
    const rest = await t.http.get('/v1/catalogs').set(bearer(TOKENS.a)).expect(429);
    expect(rest.body.error.code).toBe('RATE_LIMITED');
    expect(Number(rest.headers['retry-after'])).toBeGreaterThan(0);
    await t.http.get('/v1/catalogs').set(bearer(TOKENS.b)).expect(200);
    await t.http.get('/health/ready').expect(200);
    const gql = await t.http.post('/graphql').set(bearer(TOKENS.a)).send({ query: '{ catalogs { name } }' });
    expect(gql.status).toBe(429);
    expect(gql.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(gql.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits GraphQL on its own, counting each request once', async () => {
    const token = TOKENS.c;
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await t.http
        .post('/graphql')
        .set(bearer(token))
        .send({ query: '{ a: catalogs { name } b: catalogs { name } c: instanceType(name: "m5.large") { name } }' });
      statuses.push(response.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED' ? 429 : response.status);
    }
    // 20 per minute, however many root fields a request selects.
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
  });

  it('runs no root field of an operation over the limit: every field shares the 429', async () => {
    const token = TOKENS.d;
    const maxPodsRuns = async () => {
      const metrics = await t.http.get('/metrics').set(bearer(TOKENS.b)).expect(200);
      const line = metrics.text
        .split('\n')
        .find((l) => l.startsWith('planner_engine_duration_seconds_count{') && l.includes('engine="capacity.max_pods"'));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    for (let i = 0; i < 20; i++) await t.http.get('/v1/catalogs').set(bearer(token)).expect(200);
    const before = await maxPodsRuns();
    const response = await t.http
      .post('/graphql')
      .set(bearer(token))
      .send({ query: '{ catalogs { name } maxPods(input: { instanceType: "m5.large" }) { maxPods } }' });
    expect(response.status).toBe(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect(response.body.data).toBeNull();
    // The second root field is not computed for a caller over the limit (it used to pass the guard and run).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await maxPodsRuns()).toBe(before);
  });
});

async function redisReachable(): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
    socket.connect(6379, '127.0.0.1');
  });
}

describe.skipIf(!(await redisReachable()))('rate limits shared through Redis', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('counts one caller across two replicas', async () => {
    const token = `r-${randomBytes(8).toString('hex')}`;
    const env = {
      API_TOKENS: JSON.stringify([{ subject: `replica-test-${token}`, sha256: sha256Hex(token), scopes: ['read'] }]),
      RATE_LIMIT_PER_MINUTE: '10',
      RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:6379',
    };
    apps.push(await startTestApp(env));
    apps.push(await startTestApp({ ...env, DATABASE_URL: apps[0].databaseUrl }));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await apps[i % 2].http.get('/v1/catalogs').set(bearer(token))).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
