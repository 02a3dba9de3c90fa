import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIRECTORY } from '../../src/platform/persistence/database-connection.js';
import {
  applyMigrations,
  loadMigrations,
  migrationChecksum,
  MigrationError,
  type MigrationScript,
} from '../../src/platform/persistence/migrator.js';
import { createTestDatabase, dropTestDatabase, withClient } from '../support/database.js';

async function migrateWith(url: string, migrations: readonly MigrationScript[]) {
  return withClient(url, (client) => applyMigrations(client, migrations));
}

function scratchMigrations(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'planner-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(directory, name));
    writeFileSync(join(directory, name, 'migration.sql'), sql);
  }
  return directory;
}

describe('migrator (prisma migrate deploy compatible)', () => {
  let url: string;
  beforeEach(async () => {
    url = await createTestDatabase('mig');
  });
  afterEach(async () => {
    await dropTestDatabase(url);
  });

  it('applies every project migration to a fresh database and records it as Prisma does', async () => {
    const migrations = await loadMigrations(MIGRATIONS_DIRECTORY);
    expect(migrations.length).toBeGreaterThan(0);
    const report = await migrateWith(url, migrations);
    expect(report.applied).toEqual(migrations.map((m) => m.name));
    const rows = await withClient(url, (c) =>
      c.query(
        'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY migration_name',
      ),
    );
    expect(rows.rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [i, row] of rows.rows.entries()) {
      expect(row.checksum).toBe(migrations[i].checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }
    const tables = await withClient(url, (c) =>
      c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`),
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(['Catalog', 'Design', 'DesignRevision', 'InstanceType', '_prisma_migrations']);
  });

  it('is a no-op when run again', async () => {
    const migrations = await loadMigrations(MIGRATIONS_DIRECTORY);
    await migrateWith(url, migrations);
    const again = await migrateWith(url, migrations);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(migrations.map((m) => m.name));
    const count = await withClient(url, (c) => c.query('SELECT count(*)::int AS n FROM "_prisma_migrations"'));
    expect(count.rows[0].n).toBe(migrations.length);
  });

  it('applies each migration once when several replicas start together (advisory lock)', async () => {
    const migrations = await loadMigrations(MIGRATIONS_DIRECTORY);
    const reports = await Promise.all(Array.from({ length: 6 }, () => migrateWith(url, migrations)));
    const appliedCounts = migrations.map((m) => reports.filter((r) => r.applied.includes(m.name)).length);
    expect(appliedCounts).toEqual(migrations.map(() => 1));
    const count = await withClient(url, (c) => c.query('SELECT count(*)::int AS n FROM "_prisma_migrations"'));
    expect(count.rows[0].n).toBe(migrations.length);
  });

  it('refuses to start when an applied migration was edited, naming it', async () => {
    const original = await loadMigrations(scratchMigrations({ '20260101000000_first': 'CREATE TABLE first_table (id int);' }));
    await migrateWith(url, original);
    const edited = original.map((m) => ({
      ...m,
      script: `${m.script}\nALTER TABLE first_table ADD COLUMN x int;`,
      checksum: migrationChecksum(`${m.script}\nALTER TABLE first_table ADD COLUMN x int;`),
    }));
    await expect(migrateWith(url, edited)).rejects.toThrow(MigrationError);
    await expect(migrateWith(url, edited)).rejects.toThrow(/20260101000000_first was edited after it was applied/);
  });

  it('accepts the same script with other line endings, as Prisma does', async () => {
    const lf = await loadMigrations(scratchMigrations({ '20260101000000_first': 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n' }));
    await migrateWith(url, lf);
    const crlfScript = lf[0].script.replace(/\n/g, '\r\n');
    const report = await migrateWith(url, [{ ...lf[0], script: crlfScript, checksum: migrationChecksum(crlfScript) }]);
    expect(report.alreadyApplied).toEqual(['20260101000000_first']);
  });

  it('records a failing migration like Prisma (logs, no finished_at) and blocks later starts until resolved', async () => {
    const broken = await loadMigrations(
      scratchMigrations({
        '20260101000000_ok': 'CREATE TABLE ok_table (id int);',
        '20260102000000_broken': 'CREATE TABLE t (id int); SELECT no_such_function();',
      }),
    );
    await expect(migrateWith(url, broken)).rejects.toThrow(/20260102000000_broken failed/);
    const rows = await withClient(url, (c) =>
      c.query('SELECT migration_name, finished_at, logs FROM "_prisma_migrations" ORDER BY migration_name'),
    );
    expect(rows.rows[1]).toMatchObject({ migration_name: '20260102000000_broken', finished_at: null });
    expect(rows.rows[1].logs).toMatch(/no_such_function/);
    // The whole script ran as one transaction: its first statement left nothing behind.
    const leftover = await withClient(url, (c) => c.query(`SELECT to_regclass('public.t') AS t`));
    expect(leftover.rows[0].t).toBeNull();
    await expect(migrateWith(url, broken)).rejects.toThrow(/failed earlier and was never completed/);
    await withClient(url, (c) =>
      c.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '20260102000000_broken'`),
    );
    const fixed = [
      broken[0],
      { ...broken[1], script: 'CREATE TABLE t (id int);', checksum: migrationChecksum('CREATE TABLE t (id int);') },
    ];
    expect((await migrateWith(url, fixed)).applied).toEqual(['20260102000000_broken']);
  });

  it('refuses a database migrated by a newer build', async () => {
    const newer = await loadMigrations(scratchMigrations({ '20260101000000_a': 'SELECT 1;', '20260102000000_b': 'SELECT 1;' }));
    await migrateWith(url, newer);
    await expect(migrateWith(url, newer.slice(0, 1))).rejects.toThrow(/20260102000000_b/);
  });
});
