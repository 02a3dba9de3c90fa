import { Controller, Get, Logger, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { UnavailableError } from '../../domain/errors/planning-error.js';
import { Public } from '../auth/scope.guard.js';
import { ApiErrorResponses } from '../http/api-error-responses.js';
import { DatabaseConnection } from '../persistence/database-connection.js';
import { ShutdownState } from './shutdown-state.js';

/** Terminus's health result as readiness answers it (200): `serving` and `postgres`, each `{ status: 'up', … }`. */
const READY_SCHEMA = {
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { status: { type: 'string' } }, additionalProperties: true },
    },
    error: { type: 'object' },
    details: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { status: { type: 'string' } }, additionalProperties: true },
    },
  },
  example: { status: 'ok', info: { serving: { status: 'up' }, postgres: { status: 'up', embedded: true } }, error: {}, details: {} },
};

/** Readiness gives up on Postgres after this long so a dead server turns the check 503 quickly. */
const DATABASE_PING_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  private readonly logger = new Logger('Readiness');
  /** The last Postgres state readiness saw: it logs a change of state once, not every failing probe. */
  private postgresUp: boolean | undefined;

  public constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: DatabaseConnection,
    private readonly shutdown: ShutdownState,
  ) {}

  @Get('live')
  @ApiOperation({ operationId: 'getLiveness', summary: 'The process is up (no dependencies checked). No token needed.', security: [] })
  @HealthCheck()
  public live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: '200 when Postgres answers and the service is not draining; 503 otherwise. No token needed.',
    security: [],
  })
  // Terminus would document its own health-result body for the 503; readiness answers the error shape instead.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ description: 'Ready: every check is up.', schema: READY_SCHEMA })
  @ApiErrorResponses([
    503,
    'Not ready: `DRAINING` while this replica shuts down, `STORAGE_UNAVAILABLE` while Postgres does not answer; with Retry-After.',
  ])
  public async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([() => this.serving(), () => this.postgres()]);
    } catch (error) {
      throw error instanceof ServiceUnavailableException ? notReady(error) : error;
    }
  }

  private serving() {
    const indicator = this.indicators.check('serving');
    return this.shutdown.isDraining ? indicator.down({ reason: 'shutting down' }) : indicator.up();
  }

  private async postgres() {
    const indicator = this.indicators.check('postgres');
    try {
      await withTimeout(this.database.pool.query('SELECT 1'), DATABASE_PING_TIMEOUT_MS);
      if (this.postgresUp === false) this.logger.log('postgres is reachable again: ready');
      this.postgresUp = true;
      return indicator.up({ embedded: this.database.isEmbedded });
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unreachable';
      if (this.postgresUp !== false) this.logger.warn(`postgres is unreachable (${reason}): not ready until it answers`);
      this.postgresUp = false;
      return indicator.down({ reason });
    }
  }
}

/**
 * Terminus answers a failed check with its own 503 body, which the error filter can only call internal; readiness
 * answers the documented error shape instead, with the code of why it is not ready (draining first: it is final).
 */
function notReady(failed: ServiceUnavailableException): UnavailableError {
  const down = (failed.getResponse() as Partial<HealthCheckResult>).error ?? {};
  if ('serving' in down) {
    return new UnavailableError(
      'DRAINING',
      'This replica is shutting down: requests in flight finish, new requests should go to another replica.',
    );
  }
  return new UnavailableError('STORAGE_UNAVAILABLE', 'Not ready: the design store (Postgres) does not answer; try again shortly.');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
