/**
 * The typed-client story of the README, end to end: openapi-typescript generates types from the committed
 * openapi.json, test/typed-client/journey.ts (openapi-fetch) compiles against them under `tsc --strict`, and the
 * compiled journey runs against this app over HTTP: create, update with If-Match, a 412 read through the typed
 * `error.error.code`, plan, trace, lint, and the eksctl YAML export parsed as text.
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
const BIN = 'node_modules/.bin';

describe('a client generated from openapi.json (openapi-typescript + openapi-fetch)', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.getHttpServer().address() as AddressInfo;
    url = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  // Two compilers and a child process on a shared machine: a generous timeout, no timing in the verdict.
  it('compiles under tsc --strict and runs the journey against the server', { timeout: 240_000 }, async () => {
    await run(process.execPath, [`${BIN}/openapi-typescript`, 'openapi.json', '-o', 'test/typed-client/generated/openapi.d.ts']);
    // tsc reports type errors on stdout; a failed compile rejects with them.
    await run(process.execPath, [`${BIN}/tsc`, '-p', 'test/typed-client/tsconfig.json']).catch((error: { stdout?: string }) => {
      throw new Error(`the journey does not compile against the generated client:\n${error.stdout}`);
    });
    const { stdout } = await run(process.execPath, ['test/typed-client/generated/out/journey.js'], {
      env: { ...process.env, PLANNER_URL: url },
    });
    const summary = JSON.parse(stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      createdRevision: 1,
      etag: '"1"',
      updatedRevision: 2,
      staleStatus: 412,
      staleCode: 'REVISION_CONFLICT',
      planNodeGroups: ['general'],
      exportFirstLine: 'apiVersion: eksctl.io/v1alpha5',
      missingStatus: 404,
      missingCode: 'DESIGN_NOT_FOUND',
    });
    expect(summary.exportContentType).toMatch(/^application\/yaml/);
    expect(summary.traceVerdict).toBe('REACHABLE');
    expect(summary.traceHops).toBeGreaterThan(2);
    expect(summary.lintCodes).toContain('UNKNOWN_ANNOTATION');
  });
});
