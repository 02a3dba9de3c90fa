/**
 * The real process with the embedded Postgres: signals drain in-flight requests, then stop Postgres (no orphan), data
 * survives restarts, a grace period bounds the drain, and a postmaster orphaned by SIGKILL is cleaned up on restart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeDesign } from '../fixtures/spec/large-design.fixture.js';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { buildAppOnce, isProcessAlive, postmasterPid, type RunningApp, spawnApp } from '../support/built-app.js';

let main: string;
const dataDirs: string[] = [];

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'planner-lifecycle-'));
  dataDirs.push(dir);
  return dir;
}

/** Starts a POST whose body is only half sent, so the request is in flight until `finish` sends the rest. */
function slowPost(app: RunningApp, path: string, body: string): { finish: () => void; response: Promise<string>; socket: Socket } {
  const socket = connect(app.port, '127.0.0.1');
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: close\r\n\r\n`,
  );
  socket.write(bytes.subarray(0, half));
  let received = '';
  const response = new Promise<string>((done) => {
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('close', () => done(received));
    socket.on('error', () => undefined);
  });
  return { finish: () => socket.write(bytes.subarray(half)), response, socket };
}

beforeAll(async () => {
  main = await buildAppOnce();
}, 240_000);

afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe.each(['SIGTERM', 'SIGINT'] as const)('%s', (signal) => {
  it('finishes the request in flight, stops the embedded Postgres and keeps the data for the next start', async () => {
    const dataDir = newDataDir();
    const app = await spawnApp(main, { EMBEDDED_PG_DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: '10000' });
    const postgres = postmasterPid(dataDir);
    expect(isProcessAlive(postgres)).toBe(true);

    const inFlight = slowPost(app, '/v1/designs', JSON.stringify(validDesign()));
    await new Promise((done) => setTimeout(done, 300));
    app.process.kill(signal);
    await new Promise((done) => setTimeout(done, 500));
    expect(app.process.exitCode).toBeNull();
    inFlight.finish();

    const response = await inFlight.response;
    expect(response).toMatch(/^HTTP\/1\.1 201/);
    const id = /"id":"([0-9a-f-]{36})"/.exec(response)![1];
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(isProcessAlive(postgres)).toBe(false);
    expect(app.output()).toContain('shutdown complete');

    const restarted = await spawnApp(main, { EMBEDDED_PG_DATA_DIR: dataDir });
    const saved = await fetch(`${restarted.baseUrl}/v1/designs/${id}`);
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { spec: unknown }).spec).toEqual(validDesign());
    restarted.process.kill('SIGTERM');
    expect((await restarted.exited).code).toBe(0);
  }, 120_000);
});

it('drains: readiness answers 503 while a multi-MB plan is in flight, the plan arrives whole, then the listener closes', async () => {
  const dataDir = newDataDir();
  const app = await spawnApp(main, { EMBEDDED_PG_DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: '60000' });
  // Half the body is sent, so the plan request is in flight (deterministically) when SIGTERM arrives.
  const inFlight = slowPost(app, '/v1/plan', JSON.stringify(largeDesign({ subnets: 1500, nodeGroups: 500 })));
  await new Promise((done) => setTimeout(done, 300));
  app.process.kill('SIGTERM');
  for (let waited = 0; !app.output().includes('SIGTERM received'); waited += 50) {
    if (waited > 30_000) throw new Error(`no drain started:\n${app.output()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  expect(app.output()).toContain('draining 1 request(s)');

  // The listener is still open during the drain: a new connection is answered, and readiness says draining.
  const ready = await fetch(`${app.baseUrl}/health/ready`);
  expect(ready.status).toBe(503);
  expect(ready.headers.get('connection')).toBe('close');
  // The documented error shape, with its own code and a message that says why (not the generic internal one).
  expect(Number(ready.headers.get('retry-after'))).toBeGreaterThan(0);
  const notReady = (await ready.json()) as { error: { code: string; message: string }; requestId: string };
  expect(notReady.error).toEqual({
    code: 'DRAINING',
    message: 'This replica is shutting down: requests in flight finish, new requests should go to another replica.',
  });
  expect(notReady.requestId).toEqual(expect.any(String));
  expect(app.process.exitCode).toBeNull();

  inFlight.finish();
  const raw = Buffer.from(await inFlight.response, 'latin1');
  const headerEnd = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, headerEnd).toString('latin1');
  expect(head).toMatch(/^HTTP\/1\.1 200/);
  const payload = raw.subarray(headerEnd + 4);
  expect(payload.length).toBe(Number(/\r\ncontent-length: (\d+)/i.exec(head)![1]));
  expect(payload.length).toBeGreaterThan(2 * 1024 * 1024);
  expect((JSON.parse(payload.toString('utf8')) as { nodeGroups: unknown[] }).nodeGroups).toHaveLength(500);

  expect(await app.exited).toEqual({ code: 0, signal: null });
  expect(app.output()).toContain('shutdown complete');
  await expect(fetch(`${app.baseUrl}/health/live`)).rejects.toThrow('fetch failed');
}, 120_000);

it('closes requests still running after SHUTDOWN_GRACE_MS and still stops Postgres', async () => {
  const dataDir = newDataDir();
  const app = await spawnApp(main, { EMBEDDED_PG_DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: '500' });
  const postgres = postmasterPid(dataDir);
  const stuck = slowPost(app, '/v1/designs', JSON.stringify(validDesign()));
  await new Promise((done) => setTimeout(done, 200));
  const started = Date.now();
  app.process.kill('SIGTERM');
  expect(await stuck.response).toBe('');
  expect((await app.exited).code).toBe(0);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(isProcessAlive(postgres)).toBe(false);
}, 120_000);

it('stops a Postgres orphaned by SIGKILL when the app starts again on the same data folder', async () => {
  const dataDir = newDataDir();
  const app = await spawnApp(main, { EMBEDDED_PG_DATA_DIR: dataDir });
  const orphan = postmasterPid(dataDir);
  app.process.kill('SIGKILL');
  await app.exited;
  expect(isProcessAlive(orphan)).toBe(true);

  const restarted = await spawnApp(main, { EMBEDDED_PG_DATA_DIR: dataDir });
  expect(isProcessAlive(orphan)).toBe(false);
  expect((await fetch(`${restarted.baseUrl}/health/ready`)).status).toBe(200);
  const postgres = postmasterPid(dataDir);
  restarted.process.kill('SIGTERM');
  await restarted.exited;
  expect(isProcessAlive(postgres)).toBe(false);
}, 120_000);

describe('a process using the embedded Postgres module', () => {
  const run = (script: string): ReturnType<typeof spawnSync> => {
    const module = pathToFileURL(join(dirname(main), 'platform', 'persistence', 'embedded-postgres.js')).href;
    return spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `const { EmbeddedPostgresServer } = await import(${JSON.stringify(module)});\n${script}`],
      { encoding: 'utf8', timeout: 60_000 },
    );
  };

  it('keeps its exit code', () => {
    // embedded-postgres hooks `beforeExit` with process.exit(0): a failing test run (process.exitCode = 1) exited 0.
    const child = run('process.exitCode = 3;');
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  });

  it('stops its Postgres when it exits without stopping it', async () => {
    const dataDir = newDataDir();
    // The child prints its postmaster's pid: Postgres removes postmaster.pid as it stops.
    const child = run(
      `await EmbeddedPostgresServer.start({ dataDir: ${JSON.stringify(dataDir)}, port: 0, database: 'exit_test' });\n` +
        `const { readFileSync } = await import('node:fs'); process.stdout.write(readFileSync(${JSON.stringify(join(dataDir, 'postmaster.pid'))}, 'utf8').split('\\n')[0]);\n` +
        'process.exit(4);',
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(4);
    const postgres = Number(child.stdout);
    expect(postgres).toBeGreaterThan(0);
    for (let waited = 0; waited < 10_000 && isProcessAlive(postgres); waited += 100) await new Promise((done) => setTimeout(done, 100));
    expect(isProcessAlive(postgres)).toBe(false);
  }, 120_000);
});
