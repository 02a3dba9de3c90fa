/**
 * Classifies anything thrown while serving a request into the public error shape of docs/api.md.
 * Both transport mappers (HTTP filter, GraphQL formatter) use this, so a code means the same thing on both.
 * Prisma and driver errors are mapped here, centrally, never inline in services. Every answer carries a registered
 * code (src/domain/errors/error-codes.ts), and its status is always its kind's.
 */
import { HttpException } from '@nestjs/common';
import {
  type CodeOfKind,
  type DomainErrorCode,
  type ErrorCode,
  type ErrorKind,
  HTTP_STATUS_BY_KIND,
  kindOfHttpStatus,
} from '../../domain/errors/error-codes.js';
import { type ErrorDetail, PlanningError } from '../../domain/errors/planning-error.js';
import { PLATFORM_ERROR_CODES } from './platform-errors.js';

export interface ClassifiedError {
  kind: ErrorKind;
  /** HTTP_STATUS_BY_KIND[kind]. */
  status: number;
  code: ErrorCode;
  message: string;
  details: readonly ErrorDetail[];
  /** True when this is our fault (an INTERNAL error, or a 5xx the framework raised): log it, hide its message and details. */
  internal: boolean;
}

/** The code of an error the framework raised with only a status: the generic code of the status's kind. */
const GENERIC_CODE_BY_KIND: { readonly [K in ErrorKind]: CodeOfKind<K> } = {
  INVALID_INPUT: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  NOT_ACCEPTABLE: 'NOT_ACCEPTABLE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'PRECONDITION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  URI_TOO_LONG: 'URI_TOO_LONG',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  PRECONDITION_REQUIRED: 'PRECONDITION_REQUIRED',
  RATE_LIMITED: 'RATE_LIMITED',
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  INTERNAL: 'INTERNAL',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

/** Postgres/driver failures that mean "the database is not there right now". */
const UNREACHABLE_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const UNREACHABLE_MESSAGE =
  /(connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Connection terminated unexpectedly|Can't reach database server|server closed the connection|the database system is (shutting down|starting up)|Client has encountered a connection error|DatabaseNotReachable|terminating connection due to administrator command)/i;

/** SQLSTATEs of a store that is up but cannot serve this statement now. */
const BUSY_SQLSTATES = new Set(['57014', '55P03', '40001', '40P01']);
const BUSY_MESSAGE =
  /(Unable to start a transaction in the given time|Transaction already closed|expired transaction|canceling statement due to (statement|lock) timeout)/i;

function messageOf(error: Record<string, unknown>): string {
  const nested = isObject(error.cause) && typeof error.cause.message === 'string' ? ` ${error.cause.message}` : '';
  return `${typeof error.message === 'string' ? error.message : ''}${nested}`;
}

export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof PlanningError) return classified(error.kind, error.code, error.message, error.details);
  const prisma = classifyPrismaError(error);
  if (prisma) return prisma;
  // Nest wraps what Fastify's body parsing raised (a Fastify error, our parser's PlanningError) in an HttpException.
  if (error instanceof HttpException && (error.cause instanceof PlanningError || isFastifyError(error.cause)))
    return classifyError(error.cause);
  if (error instanceof HttpException) return classifyHttpException(error);
  const framework = classifyFrameworkError(error);
  if (framework) return framework;
  return internalError();
}

export function isStorageUnavailable(error: unknown): boolean {
  return classifyPrismaError(error)?.code === 'STORAGE_UNAVAILABLE';
}

function classifyPrismaError(error: unknown): ClassifiedError | undefined {
  if (!isObject(error)) return undefined;
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (code === 'P2002') return known('CONFLICT', 'A record with the same key already exists.');
  if (code === 'P2025') return known('NOT_FOUND', 'The record does not exist.');
  if (code === 'P2003') return known('CONFLICT', 'A related record does not exist or is still referenced.');
  // Postgres class 22 "data exception" (a NUL byte in text, an out-of-range number, a malformed uuid): the value came
  // from the caller and reached the database unchecked, so it is the caller's input that is wrong, not the service.
  if (/^22[0-9A-Z]{3}$/.test(postgresCode(error) ?? ''))
    return known('INVALID_VALUE', 'A value in the request cannot be stored or compared (e.g. a NUL character or a number out of range).');
  // The store is there but busy: a transaction that could not start in time or expired (P2028), a statement cancelled
  // by statement_timeout (57014), a lock not obtained within lock_timeout (55P03), a deadlock or serialization failure.
  // Retrying shortly is the right answer, so they share the 503 of an unreachable store.
  if (
    code === 'P2028' ||
    BUSY_SQLSTATES.has(code ?? '') ||
    BUSY_SQLSTATES.has(postgresCode(error) ?? '') ||
    BUSY_MESSAGE.test(messageOf(error))
  ) {
    return known('STORAGE_UNAVAILABLE', 'The design store (Postgres) is busy: a lock or a statement timed out; try again shortly.');
  }
  if (looksUnreachable(error)) {
    return known('STORAGE_UNAVAILABLE', 'The design store (Postgres) is unreachable; try again shortly.');
  }
  return undefined;
}

/** The SQLSTATE of a Postgres error, wherever the driver adapter nested it. */
function postgresCode(error: Record<string, unknown>, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (typeof error.originalCode === 'string' && /^[0-9A-Z]{5}$/.test(error.originalCode)) return error.originalCode;
  for (const key of ['cause', 'meta', 'driverAdapterError']) {
    const nested = error[key];
    if (isObject(nested)) {
      const found = postgresCode(nested, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function looksUnreachable(error: Record<string, unknown>, depth = 0): boolean {
  if (depth > 4) return false;
  const name = typeof error.name === 'string' ? error.name : '';
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (name === 'PrismaClientInitializationError' || UNREACHABLE_ERROR_CODES.has(code) || UNREACHABLE_MESSAGE.test(message)) return true;
  for (const key of ['cause', 'meta', 'driverAdapterError', 'originalError']) {
    const nested = error[key];
    if (isObject(nested) && looksUnreachable(nested, depth + 1)) return true;
  }
  if (typeof error.kind === 'string' && ['DatabaseNotReachable', 'SocketTimeout', 'ConnectionClosed'].includes(error.kind)) return true;
  return false;
}

function classifyHttpException(error: HttpException): ClassifiedError {
  const status = error.getStatus();
  const response = error.getResponse();
  const message =
    typeof response === 'string' ? response : isObject(response) && typeof response.message === 'string' ? response.message : error.message;
  const kind = kindOfStatus(status);
  return classified(kind, GENERIC_CODE_BY_KIND[kind], message, [], status >= 500);
}

/** Fastify's own errors (bad JSON, body too large, unsupported media type) carry a 4xx statusCode and an FST_ code. */
function classifyFrameworkError(error: unknown): ClassifiedError | undefined {
  if (!isObject(error)) return undefined;
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const message = typeof error.message === 'string' ? error.message : 'Bad request.';
  // A body Fastify cannot read as its content type (invalid JSON, a wrong Content-Length); too large (413) and an
  // unsupported media type (415) keep the generic code of their status.
  if (error.code === 'FST_ERR_BAD_URL') return known('MALFORMED_REQUEST', 'The URL is not valid (a "%" not followed by two hex digits?).');
  const unreadable =
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (typeof error.code === 'string' && error.code.startsWith('FST_ERR_CTP_INVALID'));
  if (unreadable && status === 400) return known('MALFORMED_REQUEST', message);
  const kind = kindOfStatus(status);
  return classified(kind, GENERIC_CODE_BY_KIND[kind], message);
}

/** A status no kind answers becomes the generic code of its class: 400 BAD_REQUEST for a 4xx, 500 INTERNAL for a 5xx. */
function kindOfStatus(status: number): ErrorKind {
  return kindOfHttpStatus(status) ?? (status >= 500 ? 'INTERNAL' : 'INVALID_INPUT');
}

function known(code: DomainErrorCode<'platform'>, message: string): ClassifiedError {
  return classified(PLATFORM_ERROR_CODES[code], code, message);
}

function internalError(): ClassifiedError {
  return classified('INTERNAL', 'INTERNAL', 'Internal server error.');
}

function classified<K extends ErrorKind>(
  kind: K,
  code: CodeOfKind<K>,
  message: string,
  details: readonly ErrorDetail[] = [],
  internal: boolean = kind === 'INTERNAL',
): ClassifiedError {
  if (internal) return { kind, status: HTTP_STATUS_BY_KIND[kind], code, message: 'Internal server error.', details: [], internal };
  return { kind, status: HTTP_STATUS_BY_KIND[kind], code, message, details, internal };
}

export function isFastifyError(value: unknown): value is Error & { code: string; statusCode?: number } {
  return isObject(value) && typeof value.code === 'string' && value.code.startsWith('FST_');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
