/**
 * Storage contention answers 503 STORAGE_UNAVAILABLE with Retry-After, never 500, and never hangs (issue 16 item 5):
 * a row lock held from another connection is given up after DATABASE_LOCK_TIMEOUT_MS, a statement running longer than
 * DATABASE_STATEMENT_TIMEOUT_MS is cancelled, and what is saved does not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { classifyError } from '../../src/platform/errors/error-classification.js';
import { PrismaService } from '../../src/platform/persistence/prisma.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('storage contention', () => {
  let t: TestApp;
  let designId: string;
  let locker: pg.Client;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_LOCK_TIMEOUT_MS: '300', DATABASE_STATEMENT_TIMEOUT_MS: '1000' });
    designId = (await t.http.post('/v1/designs').send(validDesign()).expect(201)).body.id;
    locker = new pg.Client({ connectionString: t.databaseUrl });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await t?.close();
  });

  it('answers 503 with Retry-After when another connection holds the row lock, and saves nothing', async () => {
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM "Design" WHERE id = $1 FOR UPDATE', [designId]);
    try {
      const started = Date.now();
      const blocked = await t.http
        .put(`/v1/designs/${designId}`)
        .set('if-match', '"1"')
        .send({ ...validDesign(), name: 'renamed-under-lock' });
      expect(blocked.status).toBe(503);
      expect(blocked.body.error.code).toBe('STORAGE_UNAVAILABLE');
      expect(blocked.headers['retry-after']).toBeDefined();
      // The lock is still held: only lock_timeout can have ended the wait (far below the test's own timeout).
      expect(Date.now() - started).toBeLessThan(30_000);
      const graphql = await t.graphql(
        'mutation($id: ID!, $spec: DesignSpecInput!) { updateDesign(id: $id, expectedRevision: 1, spec: $spec) { revision } }',
        {
          id: designId,
          spec: { ...validDesign(), name: 'renamed-under-lock' },
        },
      );
      expect(graphql.body.errors?.[0].extensions).toMatchObject({ code: 'STORAGE_UNAVAILABLE', status: 503 });
    } finally {
      await locker.query('ROLLBACK');
    }
    const saved = await t.http.get(`/v1/designs/${designId}`).expect(200);
    expect(saved.body.revision).toBe(1);
    expect(saved.body.spec.name).toBe(validDesign().name);
    await t.http.put(`/v1/designs/${designId}`).set('if-match', '"1"').send(validDesign()).expect(200);
  });

  it('cancels a statement over DATABASE_STATEMENT_TIMEOUT_MS: 503, not 500 and not a hang', async () => {
    const prisma = t.app.get(PrismaService);
    const error = await prisma.$queryRaw`SELECT pg_sleep(5)`.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(classifyError(error)).toMatchObject({ status: 503, code: 'STORAGE_UNAVAILABLE' });
  });

  it('classifies a transaction that could not start in time (P2028) or expired as 503 STORAGE_UNAVAILABLE', async () => {
    const prisma = t.app.get(PrismaService);
    const expired = await prisma
      .$transaction(
        async (tx) => {
          await new Promise((done) => setTimeout(done, 300));
          await tx.$queryRaw`SELECT 1`;
        },
        { timeout: 50 },
      )
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(classifyError(expired)).toMatchObject({ status: 503, code: 'STORAGE_UNAVAILABLE' });
    expect(
      classifyError({ name: 'PrismaClientKnownRequestError', code: 'P2028', message: 'Unable to start a transaction in the given time.' }),
    ).toMatchObject({
      status: 503,
      code: 'STORAGE_UNAVAILABLE',
    });
  });
});
