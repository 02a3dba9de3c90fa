/**
 * A start that fails prints one sentence with its reason and nothing else on stderr: not Nest's ExceptionHandler line
 * with the error's stack before it (issue 16). The real built process, as `npm start` runs it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppOnce } from '../support/built-app.js';

let main: string;
const folders: string[] = [];

beforeAll(async () => {
  main = await buildAppOnce();
}, 240_000);

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Runs the built main.js to its exit; resolves its exit code and what it wrote to stdout and stderr. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

function expectOneSentence(run: { code: number | null; stdout: string; stderr: string }, reason: RegExp): void {
  expect(run.code).toBe(1);
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^EKS Network Planner failed to start: /);
  expect(lines[0]).toMatch(reason);
  for (const output of [run.stdout, run.stderr]) {
    expect(output).not.toContain('ExceptionHandler');
    expect(output).not.toMatch(/^\s+at /m);
  }
}

describe('a start that fails', () => {
  it.skipIf(process.getuid?.() !== 0)(
    'as root with the data folder under a 0700 folder: only the one sentence saying what to do',
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'planner-boot-0700-'));
      folders.push(home);
      chmodSync(home, 0o700);
      const dataDir = join(home, 'clone', '.data', 'postgres');
      const run = await runToExit({ EMBEDDED_PG_DATA_DIR: dataDir });
      expectOneSentence(
        run,
        new RegExp(`cannot reach ${dataDir} because ${home} is not traversable by other users \\(mode 0700\\).*chmod o\\+x ${home}`),
      );
    },
    60_000,
  );

  it('with a DATABASE_URL nothing answers: only the one sentence with the reason', async () => {
    const run = await runToExit({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/planner' });
    expectOneSentence(run, /ECONNREFUSED|connect/i);
  }, 60_000);
});
