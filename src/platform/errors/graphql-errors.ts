/**
 * Error codes only GraphQL answers: the operation limits (src/platform/graphql/query-limits.plugin.ts) and Apollo
 * Server's own codes, which pass through formatGraphQLError unchanged. One line per code, `CODE: 'KIND'`; see
 * src/domain/errors/error-codes.ts.
 */
import type { ApolloServerErrorCode } from '@apollo/server/errors';
import type { ErrorCodeRegistry, ErrorKind } from '../../domain/errors/error-codes.js';
import { PLATFORM_ERROR_CODES } from './platform-errors.js';

export const GRAPHQL_ERROR_CODES = {
  /** Deeper than GRAPHQL_MAX_DEPTH. */
  GRAPHQL_DEPTH_LIMIT: 'INVALID_INPUT',
  /** Costlier than GRAPHQL_MAX_COMPLEXITY, or a cost that cannot be computed. */
  GRAPHQL_COMPLEXITY_LIMIT: 'INVALID_INPUT',
  /** More aliases than GRAPHQL_MAX_ALIASES (`__typename` included). */
  GRAPHQL_ALIAS_LIMIT: 'INVALID_INPUT',
  /** A document longer than GRAPHQL_MAX_TOKENS tokens, refused while parsing. */
  GRAPHQL_TOKEN_LIMIT: 'INVALID_INPUT',

  // Apollo Server's codes.
  GRAPHQL_PARSE_FAILED: 'INVALID_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'INVALID_INPUT',
  /** Variables that do not fit their types. */
  BAD_USER_INPUT: 'INVALID_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'INVALID_INPUT',
  /** Automatic persisted queries: Apollo answers these with HTTP 200 so that the client resends the full query. */
  PERSISTED_QUERY_NOT_FOUND: 'INVALID_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'INVALID_INPUT',
} as const satisfies ErrorCodeRegistry;

declare module '../../domain/errors/error-codes.js' {
  interface ErrorCodeRegistries {
    graphql: typeof GRAPHQL_ERROR_CODES;
  }
}

/**
 * The kind of every code a GraphQL error may carry before formatGraphQLError sees it, Apollo Server's included: a new
 * Apollo code fails to compile here until it is
 * registered. INTERNAL_SERVER_ERROR is Apollo's name for an error it did not recognise; formatGraphQLError classifies
 * those again, so it is never answered.
 */
export const KIND_OF_GRAPHQL_CODE = {
  ...GRAPHQL_ERROR_CODES,
  BAD_REQUEST: PLATFORM_ERROR_CODES.BAD_REQUEST,
} as const satisfies Record<Exclude<`${ApolloServerErrorCode}`, 'INTERNAL_SERVER_ERROR'>, ErrorKind>;
