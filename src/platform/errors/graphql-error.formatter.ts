import type { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { classifyError } from './error-classification.js';

/** Errors about the whole request rather than one field: they also set the HTTP status of the GraphQL response. */
export const REQUEST_LEVEL_STATUSES: ReadonlySet<number> = new Set([401, 429, 503]);

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

/**
 * Apollo's last word on every error, including parse/validation errors that never reached a resolver: keep our code,
 * give Apollo's own errors a code, and never leak a stack trace or an internal message.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isRequestError(error)) {
    // Raised by graphql-js itself while reading the request (e.g. "Too many errors processing variables"), which
    // Apollo does not recognise as user input: it is the caller's request that is wrong.
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', status: 400 },
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
