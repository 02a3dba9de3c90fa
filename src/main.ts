import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { AppConfig } from './platform/config/app-config.service.js';
import { ShutdownState } from './platform/health/shutdown-state.js';

const app = await createApp().catch((error: unknown) => {
  // Configuration and start-up problems (bad env, unreachable database, edited migration) end here with their reason.
  console.error(`EKS Network Planner failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const config = app.get(AppConfig);
await app.listen({ host: config.get('HOST'), port: config.get('PORT') });
const logger = new Logger('Main');
logger.log(`EKS Network Planner listening on http://${config.get('HOST')}:${config.get('PORT')} (REST /v1, GraphQL /graphql, docs /docs)`);

/**
 * SIGTERM/SIGINT: report not-ready, let in-flight requests finish for up to SHUTDOWN_GRACE_MS, then close what is
 * left, then release the database (pool, then the embedded Postgres) — see DatabaseModule.onApplicationShutdown.
 */
let shuttingDown = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  const grace = config.get('SHUTDOWN_GRACE_MS');
  logger.log(`${signal} received: draining for up to ${grace} ms`);
  app.get(ShutdownState).beginDraining();
  const server = app.getHttpServer();
  const force = setTimeout(() => server.closeAllConnections(), grace);
  force.unref();
  try {
    await app.close();
    clearTimeout(force);
    logger.log('shutdown complete');
    process.exit(0);
  } catch (error) {
    logger.error(`shutdown failed: ${String(error)}`);
    process.exit(1);
  }
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));
