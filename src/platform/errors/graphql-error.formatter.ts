import type { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { type DomainErrorCode, ERROR_KINDS, type ErrorKind, HTTP_STATUS_BY_KIND } from '../../domain/errors/error-codes.js';
import { classifyError } from './error-classification.js';
import { GRAPHQL_ERROR_CODES, KIND_OF_GRAPHQL_CODE } from './graphql-errors.js';

/**
 * Whether an error of each kind is about the whole request rather than one field: when every error of a response with
 * no data is, the response takes its HTTP status (RequestStatusPlugin), like REST, so proxies and retrying clients see
 * a 401, 429 or 503. Field-level errors keep GraphQL's 200 with partial data.
 */
export const REQUEST_LEVEL_BY_KIND: Readonly<Record<ErrorKind, boolean>> = {
  INVALID_INPUT: false,
  UNAUTHENTICATED: true,
  FORBIDDEN: false,
  NOT_FOUND: false,
  METHOD_NOT_ALLOWED: false,
  NOT_ACCEPTABLE: false,
  REQUEST_TIMEOUT: false,
  CONFLICT: false,
  PRECONDITION_FAILED: false,
  PAYLOAD_TOO_LARGE: false,
  URI_TOO_LONG: false,
  UNSUPPORTED_MEDIA_TYPE: false,
  PRECONDITION_REQUIRED: false,
  RATE_LIMITED: true,
  HEADERS_TOO_LARGE: false,
  INTERNAL: false,
  UNAVAILABLE: true,
};

/** The `extensions.status` values of the request-level kinds. */
export const REQUEST_LEVEL_STATUSES: ReadonlySet<number> = new Set(
  ERROR_KINDS.filter((kind) => REQUEST_LEVEL_BY_KIND[kind]).map((kind) => HTTP_STATUS_BY_KIND[kind]),
);

/** Maps a domain/driver error to a GraphQLError whose `extensions.code` equals the REST `error.code`. */
export function toGraphQLError(exception: unknown, logger?: Pick<Logger, 'error'>): GraphQLError {
  const classified = classifyError(exception);
  if (classified.internal) logger?.error({ err: exception }, 'unhandled error in a GraphQL operation');
  return new GraphQLError(classified.message, {
    extensions: {
      code: classified.code,
      status: classified.status,
      ...(classified.details.length > 0 ? { details: classified.details } : {}),
    },
  });
}

/** A GraphQL-only refusal (an operation limit): its code, the status of its kind, and that status for the response. */
export function graphQLRequestError(
  code: DomainErrorCode<'graphql'>,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const status = HTTP_STATUS_BY_KIND[GRAPHQL_ERROR_CODES[code]];
  return new GraphQLError(message, { extensions: { code, status, ...extensions, http: { status } } });
}

/**
 * Apollo's last word on every error, including parse/validation errors that never reached a resolver: keep our code,
 * give Apollo's own codes the status of their kind, and never leak a stack trace or an internal message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const limit = limitRefusal(formatted, error);
  if (limit) return limit;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    const kind = Object.hasOwn(KIND_OF_GRAPHQL_CODE, code) ? KIND_OF_GRAPHQL_CODE[code as keyof typeof KIND_OF_GRAPHQL_CODE] : undefined;
    return {
      ...formatted,
      extensions: kind && extensions.status === undefined ? { ...extensions, status: HTTP_STATUS_BY_KIND[kind] } : extensions,
    };
  }
  if (isRequestError(error)) {
    // Raised by graphql-js itself while reading the request (e.g. "Too many errors processing variables"), which
    // Apollo does not recognise as user input: it is the caller's request that is wrong.
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: 'BAD_USER_INPUT' satisfies DomainErrorCode<'graphql'>,
        status: HTTP_STATUS_BY_KIND[GRAPHQL_ERROR_CODES.BAD_USER_INPUT],
      },
    };
  }
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  const mapped = toGraphQLError(original);
  return { message: mapped.message, locations: formatted.locations, path: formatted.path, extensions: mapped.extensions };
}

/** A GraphQLError that graphql-js raised about the request (no thrown error inside): parse, validation, variables. */
function isRequestError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    error.constructor?.name === 'GraphQLError' &&
    (error as { originalError?: unknown }).originalError === undefined &&
    (error as { path?: unknown }).path === undefined
  );
}

/** GraphQL's own size limit (GRAPHQL_MAX_TOKENS), raised by graphql-js's parser with only a message. */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens/;

/**
 * A limit refused while parsing or validating: Apollo answers GRAPHQL_PARSE_FAILED / GRAPHQL_VALIDATION_FAILED, with
 * the rule's own error as the original; the caller gets the limit's code (GRAPHQL_DEPTH_LIMIT, GRAPHQL_TOKEN_LIMIT, …).
 */
function limitRefusal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const code = formatted.extensions?.code;
  if (code !== 'GRAPHQL_VALIDATION_FAILED' && code !== 'GRAPHQL_PARSE_FAILED') return undefined;
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  if (tokens) {
    const maxTokens = Number(tokens[1]);
    return {
      message: `The operation is longer than ${maxTokens} tokens (GRAPHQL_MAX_TOKENS); send a smaller document.`,
      extensions: { code: 'GRAPHQL_TOKEN_LIMIT', status: HTTP_STATUS_BY_KIND[GRAPHQL_ERROR_CODES.GRAPHQL_TOKEN_LIMIT], maxTokens },
    };
  }
  if (!(original instanceof GraphQLError)) return undefined;
  const originalCode = original.extensions.code;
  if (typeof originalCode !== 'string' || !Object.hasOwn(GRAPHQL_ERROR_CODES, originalCode) || originalCode === code) return undefined;
  const { http: _http, ...extensions } = original.extensions;
  return { message: original.message, locations: formatted.locations, extensions };
}
