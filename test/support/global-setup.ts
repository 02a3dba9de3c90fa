/**
 * One Postgres server for the e2e run: the embedded one (DATABASE_URL unset, the default `npm test`), or the server in
 * DATABASE_URL (CI's second run). Each test file then creates and drops its own database on it (see database.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedPostgresServer } from '../../src/platform/persistence/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to a database on the test server from which per-file databases are created. */
    adminDatabaseUrl: string;
    embeddedPostgres: boolean;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.DATABASE_URL;
  if (external) {
    project.provide('adminDatabaseUrl', external);
    project.provide('embeddedPostgres', false);
    return async () => undefined;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'planner-test-pg-'));
  const server = await EmbeddedPostgresServer.start({ dataDir, port: 0, database: 'planner_test' });
  project.provide('adminDatabaseUrl', server.connectionString);
  project.provide('embeddedPostgres', true);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
