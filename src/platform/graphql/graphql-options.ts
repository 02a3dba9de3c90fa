import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatGraphQLError } from '../errors/graphql-error.formatter.js';
import type { Environment } from '../config/environment.js';
import { queryShapeRules } from './query-shape.rules.js';
import { stringifyResult } from './serialized-result.js';

/** Apollo over Fastify, code-first; the SDL is printed into the committed schema.graphql by `npm run contracts`. */
export function graphqlOptions(
  environment: Pick<Environment, 'GRAPHQL_MAX_TOKENS' | 'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_ALIASES'>,
): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    // The CDN-hosted IDEs cannot load here; an offline GraphiQL is served at /graphiql (graphiql.controller.ts).
    graphiql: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The first bound, before anything else: graphql-js stops lexing after this many tokens, so the size of a document
    // (its fields, aliases, fragments) is bounded in linear time before validation or costing looks at it.
    parseOptions: { maxTokens: environment.GRAPHQL_MAX_TOKENS },
    // Depth and aliases are checked during validation (once per query text: Apollo caches validated documents), by
    // rules that count each fragment once, so a document whose fragments spread each other twice stays linear.
    validationRules: queryShapeRules(environment.GRAPHQL_MAX_DEPTH, environment.GRAPHQL_MAX_ALIASES),
    formatError: formatGraphQLError,
    // No field carries cache hints (whole answers are cached by CapacityResultCachePlugin), and Apollo's default
    // cache-control plugin wraps every field resolver to compute them: 3 % of the whole-catalog table's CPU profile.
    plugins: [ApolloServerPluginCacheControlDisabled()],
    stringifyResult,
    // @as-integrations/fastify calls the context function with (request, reply).
    context: (request: FastifyRequest, reply: FastifyReply) => ({ req: request, reply }),
  };
}

export { ApolloDriver };
