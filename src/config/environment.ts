/**
 * Every environment variable the service reads, validated once at boot (fail fast on bad configuration).
 * Documented in README.md "Configuration".
 */
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase())
    ? true
    : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;
const toInteger = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class Environment {
  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInteger) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /** Postgres to use. When unset, an embedded Postgres is started under EMBEDDED_PG_DATA_DIR. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DATA_DIR = '.data/postgres';

  /** 0 picks a free port at every start. */
  @Transform(toInteger) @IsInt() @Min(0) @Max(65535)
  EMBEDDED_PG_PORT = 0;

  @Transform(toInteger) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInteger) @IsInt() @Min(1024) @Max(64 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  @Transform(toInteger) @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_GRACE_MS = 10_000;

  /** Serve the offline GraphQL IDE at /graphiql. */
  @Transform(toBoolean) @IsBoolean()
  GRAPHQL_IDE = true;
}

export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const environment = plainToInstance(Environment, raw, { exposeDefaultValues: true });
  const errors = validateSync(environment, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.map((e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join(', ')}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return environment;
}
