/**
 * Access-log lines are batched in memory (src/platform/logging/logger.ts): lines logged just before the process exits
 * are still written, by the exit hook, as the real built logger does it.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppOnce } from '../support/built-app.js';

let loggerModule: string;

beforeAll(async () => {
  loggerModule = pathToFileURL(join(dirname(await buildAppOnce()), 'platform', 'logging', 'logger.js')).href;
}, 240_000);

describe('batched log lines at exit', () => {
  it('writes every line logged before process.exit, in order', async () => {
    const script = `
      const { createRootLogger } = await import(${JSON.stringify(loggerModule)});
      const log = createRootLogger('info');
      for (let i = 1; i <= 3; i++) log.info({ n: i }, 'last words');
      process.exit(0);`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    const lines = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { n: number; msg: string });
    expect(lines.map((line) => [line.n, line.msg])).toEqual([
      [1, 'last words'],
      [2, 'last words'],
      [3, 'last words'],
    ]);
  });
});
