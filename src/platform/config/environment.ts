/**
 * Every environment variable the service reads, validated once at boot (fail fast on bad configuration).
 * Documented in README.md "Configuration".
 */
import { availableParallelism } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import { getMetadataStorage, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase())
      ? true
      : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase())
        ? false
        : value;
const toInteger = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class Environment {
  @IsString()
  HOST = '127.0.0.1';

  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** The URL callers reach the service at (OpenAPI `servers`, e.g. behind an ingress); default http://HOST:PORT. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL?: string;

  /** Postgres to use. When unset, an embedded Postgres is started under EMBEDDED_PG_DATA_DIR. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DATA_DIR = '.data/postgres';

  /** 0 picks a free port at every start. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT = 0;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Postgres cancels a statement running longer than this (statement_timeout); the request answers 503 STORAGE_UNAVAILABLE. */
  @Transform(toInteger)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 30_000;

  /** Longest wait for a row or table lock another connection holds (lock_timeout); then 503 STORAGE_UNAVAILABLE. */
  @Transform(toInteger)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_LOCK_TIMEOUT_MS = 10_000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInteger)
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  /** How long SIGTERM waits for in-flight requests before closing their connections. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_GRACE_MS = 10_000;

  /** Serve the offline GraphQL IDE at /graphiql. */
  @Transform(toBoolean)
  @IsBoolean()
  GRAPHQL_IDE = true;

  /**
   * `auto`: require bearer tokens when API_TOKENS/API_TOKENS_FILE or JWT_JWKS_URL is set, otherwise run in the insecure
   * dev mode, which is only allowed on a loopback HOST. `required`: always require tokens. `dev-insecure`: auth off
   * (loopback only, logs a warning).
   */
  @IsIn(['auto', 'required', 'dev-insecure'])
  AUTH_MODE: 'auto' | 'required' | 'dev-insecure' = 'auto';

  /** JSON array of static API tokens, stored hashed: [{"subject":"backstage","sha256":"<hex of the token>","scopes":["read","write"]}]. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  API_TOKENS?: string;

  /** A file with the same JSON (e.g. a mounted Kubernetes Secret); merged with API_TOKENS. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  API_TOKENS_FILE?: string;

  /** JWKS used to verify JWT bearer tokens (e.g. https://idp.example.com/.well-known/jwks.json). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  JWT_JWKS_URL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  JWT_ISSUER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string;

  /** The claim holding the caller's scopes (a space-separated string or an array). */
  @IsString()
  JWT_SCOPES_CLAIM = 'scope';

  /** Only claim values with this prefix count, prefix removed (e.g. `planner:` turns `planner:write` into `write`). */
  @IsString()
  JWT_SCOPE_PREFIX = '';

  /** Refuse JWTs without an `exp` claim (a token that never expires). */
  @Transform(toBoolean)
  @IsBoolean()
  JWT_REQUIRE_EXP = true;

  /** Serve /docs, /openapi.json and /graphiql without a token. */
  @Transform(toBoolean)
  @IsBoolean()
  DOCS_PUBLIC = false;

  /** Requests per minute per caller (token subject, or client address without auth), REST and GraphQL alike. */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  RATE_LIMIT_PER_MINUTE = 1200;

  /** Share rate-limit counters between replicas through Redis (e.g. redis://127.0.0.1:6379). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  RATE_LIMIT_REDIS_URL?: string;

  /** Deepest selection allowed below a root field (the root field is depth 0). */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_DEPTH = 10;

  /** Longest GraphQL document, in lexical tokens (a field is 1, an alias 2 more); longer ones answer GRAPHQL_TOKEN_LIMIT. */
  @Transform(toInteger)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  GRAPHQL_MAX_TOKENS = 10_000;

  /** Most aliases per GraphQL operation, fragments expanded and `__typename` included. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(100_000)
  GRAPHQL_MAX_ALIASES = 100;

  /** Cost limit per GraphQL operation (1 per field; list fields of engines cost more, see schema descriptions). */
  @Transform(toInteger)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  GRAPHQL_MAX_COMPLEXITY = 5000;

  /**
   * Bound of the REST cache of serialized answers over the read-only `aws` catalog (max-pods, max-pods-table), in bytes
   * of JSON text plus URL; least recently used answers go first. 0 turns the cache off.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(4 * 1024 * 1024 * 1024)
  REST_RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;

  /**
   * Bound of the GraphQL cache of whole capacity answers (maxPods, maxPodsTable, subnetUsage) by document, variables and
   * catalog version, in bytes of JSON text plus key; least recently used answers go first. 0 turns the cache off.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(4 * 1024 * 1024 * 1024)
  GRAPHQL_RESULT_CACHE_MAX_BYTES = 64 * 1024 * 1024;

  /**
   * Worker threads for CPU-heavy requests (large plans, exports, lint, what-if, advice, max-pods tables), so they do not
   * stall the event loop; 0 runs everything inline. Default: one per core but one, at least 1, at most 4.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(64)
  COMPUTE_THREADS = Math.min(4, Math.max(1, availableParallelism() - 1));
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

/** Every variable the service reads (from the validation metadata, so the list cannot drift from the class). */
export function environmentVariableNames(): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(Environment, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}
