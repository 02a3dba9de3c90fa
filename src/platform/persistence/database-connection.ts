/**
 * Owns the database lifecycle: which Postgres (DATABASE_URL or the embedded one), migrations at start-up, the pg pool
 * behind Prisma, and the shutdown order (pool closed after requests drained, embedded Postgres stopped last).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { applyMigrations, loadMigrations, type MigrationReport } from './migrator.js';
import type { EmbeddedPostgresServer } from './embedded-postgres.js';

/** prisma/migrations of the installation this module belongs to (src/ in tests, dist/ or a container image in production). */
export const MIGRATIONS_DIRECTORY = findUpwards(dirname(fileURLToPath(import.meta.url)), join('prisma', 'migrations'));

function findUpwards(start: string, relative: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    if (existsSync(join(directory, relative))) return join(directory, relative);
    if (dirname(directory) === directory) throw new Error(`${relative} not found above ${start}`);
  }
}

export interface DatabaseConnectionOptions {
  databaseUrl?: string;
  embeddedDataDir: string;
  embeddedPort: number;
  poolSize: number;
  /** Postgres cancels any statement running longer (statement_timeout), so no request waits on it forever. */
  statementTimeoutMs: number;
  /** Postgres gives up waiting for a row or table lock after this long (lock_timeout): a lock held elsewhere answers 503. */
  lockTimeoutMs: number;
  log: (message: string) => void;
}

export class DatabaseConnection {
  private constructor(
    public readonly url: string,
    public readonly pool: pg.Pool,
    public readonly migrations: MigrationReport,
    private readonly embedded: EmbeddedPostgresServer | undefined,
  ) {}

  public get isEmbedded(): boolean {
    return this.embedded !== undefined;
  }

  public static async open(options: DatabaseConnectionOptions): Promise<DatabaseConnection> {
    // Loaded only when needed: container images (DATABASE_URL set) ship without the embedded Postgres binaries.
    const embedded = options.databaseUrl
      ? undefined
      : await (
          await import('./embedded-postgres.js')
        ).EmbeddedPostgresServer.start({
          dataDir: options.embeddedDataDir,
          port: options.embeddedPort,
          database: 'planner',
          log: options.log,
        });
    const url = options.databaseUrl ?? embedded!.connectionString;
    try {
      const migrations = await migrate(url, options.log);
      const pool = new pg.Pool({
        connectionString: url,
        max: options.poolSize,
        // Fail fast when Postgres is gone so callers get 503 STORAGE_UNAVAILABLE instead of hanging.
        connectionTimeoutMillis: 3_000,
        idleTimeoutMillis: 30_000,
        // Sent as startup parameters on every connection of the pool; a cancelled statement (57014) or a lock not
        // obtained in time (55P03) is classified 503 STORAGE_UNAVAILABLE with Retry-After.
        statement_timeout: options.statementTimeoutMs,
        lock_timeout: options.lockTimeoutMs,
      });
      // An idle client losing its server must not crash the process; the next query reports the outage.
      pool.on('error', (error) => options.log(`postgres pool: ${error.message}`));
      return new DatabaseConnection(url, pool, migrations, embedded);
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
  }

  public async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
    await this.embedded?.stop();
  }
}

export async function migrate(url: string, log: (message: string) => void): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await applyMigrations(client, await loadMigrations(MIGRATIONS_DIRECTORY), log);
  } finally {
    await client.end();
  }
}
