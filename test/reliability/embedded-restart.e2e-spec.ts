/**
 * The embedded Postgres is looked after (issue 16 item 10): killed with SIGKILL under a running app, it is restarted by
 * its supervisor (with backoff, logged) and readiness recovers without a human; readiness logs the state change once.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EmbeddedPostgresServer } from '../../src/platform/persistence/embedded-postgres.js';
import { freePort } from '../support/built-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('embedded Postgres supervision', () => {
  let dataDir: string;
  let postgres: EmbeddedPostgresServer;
  let t: TestApp;
  const logs: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'planner-restart-pg-'));
    postgres = await EmbeddedPostgresServer.start({ dataDir, port: await freePort(), database: 'planner', log: (m) => logs.push(m) });
    t = await startTestApp({ DATABASE_URL: postgres.connectionString });
  });
  afterAll(async () => {
    await t?.close();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts a killed postmaster and readiness recovers; readiness logs once per state change', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn');
    await t.http.get('/health/ready').expect(200);
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');

    await waitFor(async () => (await t.http.get('/health/ready')).status === 503, 10_000);
    for (let i = 0; i < 3; i++) await t.http.get('/health/ready');
    await waitFor(async () => (await t.http.get('/health/ready')).status === 200, 60_000);

    expect(logs.some((line) => line.includes('is gone; restarting it'))).toBe(true);
    expect(logs.some((line) => line.startsWith('embedded Postgres restarted'))).toBe(true);
    const unreachable = warn.mock.calls.filter(([message]) => String(message).startsWith('postgres is unreachable'));
    expect(unreachable).toHaveLength(1);
    warn.mockRestore();
    await t.http.get('/v1/designs').expect(200);
  });
});
