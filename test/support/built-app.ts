/**
 * For tests that need a real process (signals, crashes, restarts): compiles the app once per test run into
 * .data/test-build (shared by all test files; the first one builds, the others wait) and spawns `node main.js`.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = join(ROOT, '.data', 'test-build');
/** One build per test run (the vitest parent pid), so two runs at once never rebuild under each other. */
const RUN_ID = String(process.ppid);
const BUILD_DIR = join(BUILDS, RUN_ID);
const LOCK_DIR = `${BUILD_DIR}.lock`;
const STAMP = join(BUILD_DIR, 'built-for');
const STALE_BUILD_MS = 6 * 60 * 60 * 1000;

/** Builds unless this run already did; builds of runs older than a few hours are removed. */
export async function buildAppOnce(): Promise<string> {
  const runId = RUN_ID;
  const main = join(BUILD_DIR, 'dist', 'main.js');
  removeStaleBuilds();
  for (let waited = 0; waited < 240_000; waited += 250) {
    if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === runId && existsSync(main)) return main;
    try {
      mkdirSync(BUILDS, { recursive: true });
      mkdirSync(LOCK_DIR, { recursive: false });
    } catch {
      await new Promise((done) => setTimeout(done, 250));
      continue;
    }
    try {
      if (!(existsSync(STAMP) && readFileSync(STAMP, 'utf8') === runId)) {
        rmSync(BUILD_DIR, { recursive: true, force: true });
        await promisify(execFile)(
          process.execPath,
          [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(BUILD_DIR, 'dist')],
          { cwd: ROOT },
        ).catch((error: { stdout?: string }) => {
          throw new Error(`build failed:\n${error.stdout ?? String(error)}`);
        });
        writeFileSync(STAMP, runId);
      }
    } finally {
      rmSync(LOCK_DIR, { recursive: true, force: true });
    }
  }
  if (!existsSync(main)) throw new Error('timed out waiting for the test build');
  return main;
}

function removeStaleBuilds(): void {
  if (!existsSync(BUILDS)) return;
  for (const entry of readdirSync(BUILDS)) {
    const path = join(BUILDS, entry);
    if (entry !== RUN_ID && !entry.startsWith(`${RUN_ID}.`) && Date.now() - statSync(path).mtimeMs > STALE_BUILD_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

export interface RunningApp {
  process: ChildProcess;
  port: number;
  baseUrl: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnApp(main: string, env: Record<string, string>): Promise<RunningApp> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 100) {
    if (output.includes('EKS Network Planner listening on')) break;
    if (child.exitCode !== null || waited > 90_000) throw new Error(`app did not start:\n${output}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return { process: child, port, baseUrl, output: () => output, exited };
}

export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** Alive and not a zombie (an exited process whose new parent has not reaped it yet still answers kill 0). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = `/proc/${pid}/stat`;
  return !existsSync(stat) || !/^\d+ \(.*\) Z/.test(readFileSync(stat, 'utf8'));
}

export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : reject(new Error('no port'))));
    });
  });
}
