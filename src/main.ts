import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { AppConfig } from './platform/config/app-config.service.js';
import { ShutdownState } from './platform/health/shutdown-state.js';

/**
 * Configuration and start-up problems (bad env, a 0700 folder the embedded Postgres cannot reach, an unreachable
 * database, an edited migration, a port in use) end here: one sentence with their reason is the only error output.
 */
function failedToStart(error: unknown): never {
  console.error(`EKS Network Planner failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const app = await createApp().catch(failedToStart);
const config = app.get(AppConfig);
await app.listen({ host: config.get('HOST'), port: config.get('PORT') }).catch(failedToStart);
const logger = new Logger('Main');
logger.log(`EKS Network Planner listening on http://${config.get('HOST')}:${config.get('PORT')} (REST /v1, GraphQL /graphql, docs /docs)`);

/**
 * SIGTERM/SIGINT: /health/ready answers 503 while the listener stays open and in-flight requests finish (their
 * responses fully written out), for up to SHUTDOWN_GRACE_MS; then the listener closes (connections still busy after
 * the grace period are cut), then the database is released (pool, then the embedded Postgres) — see
 * DatabaseModule.onApplicationShutdown.
 */
let shuttingDown = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  const grace = config.get('SHUTDOWN_GRACE_MS');
  const drain = app.get(ShutdownState);
  drain.beginDraining();
  logger.log(`${signal} received: draining ${drain.requestsInFlight} request(s) for up to ${grace} ms`);
  try {
    if (!(await drain.settled(grace))) {
      logger.warn(`${drain.requestsInFlight} request(s) still running after ${grace} ms: closing their connections`);
      app.getHttpServer().closeAllConnections();
    }
    await app.close();
    logger.log('shutdown complete');
    process.exit(0);
  } catch (error) {
    logger.error(`shutdown failed: ${String(error)}`);
    process.exit(1);
  }
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));
