/**
 * Error codes the platform answers by itself: the framework's refusals (a route, method, media type or body it cannot
 * serve), the storage classification (Prisma and driver errors), pagination and rate limiting, and the generic code of
 * each kind. One line per code, `CODE: 'KIND'`; see src/domain/errors/error-codes.ts.
 */
import type { ErrorCodeRegistry } from '../../domain/errors/error-codes.js';

export const PLATFORM_ERROR_CODES = {
  // The framework (Fastify, Nest, Apollo) refused the request before a handler ran.
  /** A 400 with no finer code (also Apollo's BAD_REQUEST: a GraphQL request that is not one). */
  BAD_REQUEST: 'INVALID_INPUT',
  /** A body that cannot be read as its content type (invalid JSON, an empty JSON body, a wrong Content-Length). */
  MALFORMED_REQUEST: 'INVALID_INPUT',
  /** A JSON body with a `__proto__` or `constructor.prototype` key (prototype pollution), refused while parsing. */
  FORBIDDEN_JSON_KEY: 'INVALID_INPUT',
  /** The headers did not arrive within the server's request timeout. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** A URL longer than the server accepts. */
  URI_TOO_LONG: 'URI_TOO_LONG',
  /** Headers larger than the server accepts (Node's --max-http-header-size). */
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  FORBIDDEN: 'FORBIDDEN',
  /** No such route, or a record that vanished under a write. */
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  NOT_ACCEPTABLE: 'NOT_ACCEPTABLE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PRECONDITION_REQUIRED: 'PRECONDITION_REQUIRED',
  /** Over RATE_LIMIT_PER_MINUTE. */
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
  /** Readiness while this replica shuts down (SIGTERM/SIGINT): requests in flight finish; send new ones elsewhere. */
  DRAINING: 'UNAVAILABLE',
  /** The compute worker pool could not run a CPU-heavy request (shutting down, or a worker thread stopped); try again. */
  COMPUTE_UNAVAILABLE: 'UNAVAILABLE',
  /** Our fault: logged with the request id, answered without detail. */
  INTERNAL: 'INTERNAL',

  // Storage (Prisma and the Postgres driver), classified in error-classification.ts.
  /** A unique key taken, or a related record missing or still referenced. */
  CONFLICT: 'CONFLICT',
  /** A value Postgres refuses (SQLSTATE class 22: a NUL character, a number out of range). */
  INVALID_VALUE: 'INVALID_INPUT',
  /** Postgres cannot be reached; answered with Retry-After. */
  STORAGE_UNAVAILABLE: 'UNAVAILABLE',

  // Pagination.
  /** A cursor this service did not issue. */
  INVALID_CURSOR: 'INVALID_INPUT',
} as const satisfies ErrorCodeRegistry;

declare module '../../domain/errors/error-codes.js' {
  interface ErrorCodeRegistries {
    platform: typeof PLATFORM_ERROR_CODES;
  }
}
