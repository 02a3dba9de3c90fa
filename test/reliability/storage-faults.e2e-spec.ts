/**
 * Postgres goes away under a running service: readiness turns 503 within 5 s, the engines keep answering (the `aws`
 * catalog is in memory), persistence answers 503 STORAGE_UNAVAILABLE, and everything recovers when Postgres returns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { EmbeddedPostgresServer } from '../../src/platform/persistence/embedded-postgres.js';
import { freePort } from '../support/built-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('storage faults', () => {
  let dataDir: string;
  let port: number;
  let postgres: EmbeddedPostgresServer;
  let t: TestApp;
  let designId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planner-fault-pg-'));
    port = await freePort();
    postgres = await EmbeddedPostgresServer.start({ dataDir, port, database: 'planner' });
    t = await startTestApp({ DATABASE_URL: postgres.connectionString });
    designId = (await t.http.post('/v1/designs').send(validDesign()).expect(201)).body.id;
  });

  afterAll(async () => {
    await t?.close();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('degrades while Postgres is down and recovers without a restart when it returns', async () => {
    await t.http.get('/health/ready').expect(200);
    await postgres.stop();

    const notReadyAfter = await waitFor(async () => (await t.http.get('/health/ready')).status === 503, 5_000);
    expect(notReadyAfter).toBeLessThan(5_000);
    const notReady = await t.http.get('/health/ready').expect(503);
    expect(notReady.body.error).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: 'Not ready: the design store (Postgres) does not answer; try again shortly.',
    });
    expect(Number(notReady.headers['retry-after'])).toBeGreaterThan(0);
    await t.http.get('/health/live').expect(200);

    const maxPods = await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.large' }).expect(200);
    expect(maxPods.body.maxPods).toBe(29);
    await t.http.get('/v1/capacity/max-pods-table').query({ family: 'm5' }).expect(200);
    await t.http
      .post('/v1/capacity/subnet-usage')
      .send({ subnet: { cidr: '10.0.0.0/24' }, nodeGroups: [{ instanceType: 'm5.large', nodes: 2, podsPerNode: 10 }] })
      .expect(200);

    for (const request of [
      t.http.get(`/v1/designs/${designId}`),
      t.http.get('/v1/designs'),
      t.http.post('/v1/designs').send(validDesign()),
      t.http.get('/v1/catalogs'),
    ]) {
      const response = await request;
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('STORAGE_UNAVAILABLE');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    const gql = await t.graphql(`query($id: ID!) { design(id: $id) { id } }`, { id: designId });
    expect(gql.body.errors?.[0].extensions?.code).toBe('STORAGE_UNAVAILABLE');

    postgres = await EmbeddedPostgresServer.start({ dataDir, port, database: 'planner' });
    await waitFor(async () => (await t.http.get('/health/ready')).status === 200, 15_000);
    const again = await t.http.get(`/v1/designs/${designId}`).expect(200);
    expect(again.body.spec).toEqual(validDesign());
    await t.http.post('/v1/designs').send(validDesign()).expect(201);
  }, 60_000);
});
