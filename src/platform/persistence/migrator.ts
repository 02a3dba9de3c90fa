/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql the way `prisma migrate deploy` does, without Prisma's
 * native schema engine (which cannot be downloaded here): same `_prisma_migrations` table and rows, sha256 checksums,
 * and the same session advisory lock (72707369, prisma-engines `sql-schema-connector` postgres flavour), so replicas
 * starting together apply each migration once and `prisma migrate deploy` agrees wherever the engine exists.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';

export const PRISMA_MIGRATE_ADVISORY_LOCK = 72707369;

export interface MigrationScript {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

export class MigrationError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** The table exactly as Prisma's schema engine creates it on Postgres. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

/** Prisma accepts a checksum computed with either line-ending convention (prisma-engines `checksum.rs`). */
function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const lf = script.replace(/\r\n/g, '\n');
  const crlf = lf.replace(/\n/g, '\r\n');
  return [script, lf, crlf].some((variant) => migrationChecksum(variant) === checksum);
}

export async function loadMigrations(directory: string): Promise<MigrationScript[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(join(directory, name, 'migration.sql'), 'utf8');
      return { name, script, checksum: migrationChecksum(script) };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies every pending migration in name order on one dedicated connection (the advisory lock is per session).
 * Fails, applying nothing, when an applied migration was edited, when a previous attempt failed half-way, or when the
 * database has migrations this build does not know.
 */
export async function applyMigrations(
  client: pg.Client,
  migrations: readonly MigrationScript[],
  log: (message: string) => void = () => undefined,
): Promise<MigrationReport> {
  await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]);
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const live = rows.filter((row) => row.rolled_back_at === null);
    assertNoFailedMigration(live);
    const appliedByName = new Map(live.map((row) => [row.migration_name, row]));
    assertNoEditedMigration(migrations, appliedByName);
    assertNoUnknownMigration(migrations, live);

    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (appliedByName.has(migration.name)) {
        report.alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(client, migration);
      log(`applied migration ${migration.name}`);
      report.applied.push(migration.name);
    }
    return report;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_ADVISORY_LOCK]).catch(() => undefined);
  }
}

async function applyOne(client: pg.Client, migration: MigrationScript): Promise<void> {
  const id = randomUUID();
  await client.query(
    'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
    [id, migration.checksum, migration.name],
  );
  try {
    // One multi-statement script: Postgres runs it as one implicit transaction, as Prisma does.
    await client.query(migration.script);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Recorded like Prisma records a failed migration (finished_at null, logs set): later starts refuse (P3009).
    await client.query('UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1', [id, reason]);
    throw new MigrationError(`Migration ${migration.name} failed: ${reason}`);
  }
  await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
}

function assertNoFailedMigration(rows: readonly AppliedRow[]): void {
  const failed = rows.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    throw new MigrationError(
      `Migration ${failed.map((r) => r.migration_name).join(', ')} failed earlier and was never completed. ` +
        'Fix the database, then mark it with `prisma migrate resolve --rolled-back <name>` (or set rolled_back_at).',
    );
  }
}

function assertNoEditedMigration(migrations: readonly MigrationScript[], applied: ReadonlyMap<string, AppliedRow>): void {
  const edited = migrations.filter((m) => {
    const row = applied.get(m.name);
    return row !== undefined && !scriptMatchesChecksum(m.script, row.checksum);
  });
  if (edited.length > 0) {
    throw new MigrationError(
      `Migration ${edited.map((m) => m.name).join(', ')} was edited after it was applied to this database ` +
        '(its sha256 checksum no longer matches _prisma_migrations). Restore the original file and put the change in a new migration.',
    );
  }
}

function assertNoUnknownMigration(migrations: readonly MigrationScript[], applied: readonly AppliedRow[]): void {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((row) => !known.has(row.migration_name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database has migrations this build does not have (${unknown.map((r) => r.migration_name).join(', ')}); ` +
        'it was migrated by a newer version of the service.',
    );
  }
}
