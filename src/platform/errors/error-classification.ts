/**
 * Classifies anything thrown while serving a request into the public error shape of ../shared/API.md.
 * Both transport mappers (HTTP filter, GraphQL formatter) use this, so a code means the same thing on both.
 * Prisma and driver errors are mapped here, centrally, never inline in services.
 */
import { HttpException } from '@nestjs/common';
import { type ErrorDetail, HTTP_STATUS_BY_KIND, PlanningError } from '../../domain/errors/planning-error.js';

export interface ClassifiedError {
  status: number;
  code: string;
  message: string;
  details: ErrorDetail[];
  /** True when this is our fault (5xx): log it, hide its message. */
  internal: boolean;
}

const CODE_BY_HTTP_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  428: 'PRECONDITION_REQUIRED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
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

export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof PlanningError) {
    return { status: HTTP_STATUS_BY_KIND[error.kind], code: error.code, message: error.message, details: error.details, internal: false };
  }
  const prisma = classifyPrismaError(error);
  if (prisma) return prisma;
  if (error instanceof HttpException) return classifyHttpException(error);
  const framework = classifyFrameworkError(error);
  if (framework) return framework;
  return { status: 500, code: 'INTERNAL', message: 'Internal server error.', details: [], internal: true };
}

export function isStorageUnavailable(error: unknown): boolean {
  return classifyPrismaError(error)?.code === 'STORAGE_UNAVAILABLE';
}

function classifyPrismaError(error: unknown): ClassifiedError | undefined {
  if (!isObject(error)) return undefined;
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (code === 'P2002') return known(409, 'CONFLICT', 'A record with the same key already exists.');
  if (code === 'P2025') return known(404, 'NOT_FOUND', 'The record does not exist.');
  if (code === 'P2003') return known(409, 'CONFLICT', 'A related record does not exist or is still referenced.');
  // Postgres class 22 "data exception" (a NUL byte in text, an out-of-range number, a malformed uuid): the value came
  // from the caller and reached the database unchecked, so it is the caller's input that is wrong, not the service.
  if (/^22[0-9A-Z]{3}$/.test(postgresCode(error) ?? ''))
    return known(
      400,
      'INVALID_VALUE',
      'A value in the request cannot be stored or compared (e.g. a NUL character or a number out of range).',
    );
  if (looksUnreachable(error)) {
    return known(503, 'STORAGE_UNAVAILABLE', 'The design store (Postgres) is unreachable; try again shortly.');
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
  if (status >= 500)
    return { status, code: CODE_BY_HTTP_STATUS[status] ?? 'INTERNAL', message: 'Internal server error.', details: [], internal: true };
  return known(status, CODE_BY_HTTP_STATUS[status] ?? 'BAD_REQUEST', message);
}

/** Fastify's own errors (bad JSON, body too large, unsupported media type) carry a 4xx statusCode and an FST_ code. */
function classifyFrameworkError(error: unknown): ClassifiedError | undefined {
  if (!isObject(error)) return undefined;
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  const message = typeof error.message === 'string' ? error.message : 'Bad request.';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return known(413, 'PAYLOAD_TOO_LARGE', message);
  if (typeof error.code === 'string' && error.code.startsWith('FST_ERR_CTP_INVALID')) return known(status, 'MALFORMED_REQUEST', message);
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return known(400, 'MALFORMED_REQUEST', message);
  return known(status, CODE_BY_HTTP_STATUS[status] ?? 'BAD_REQUEST', message);
}

function known(status: number, code: string, message: string): ClassifiedError {
  return { status, code, message, details: [], internal: false };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
