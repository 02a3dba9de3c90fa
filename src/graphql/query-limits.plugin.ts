import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { GraphQLError, validate } from 'graphql';
import { AppConfig } from '../config/app-config.service.js';

/**
 * Rejects an operation before it executes when it nests deeper than GRAPHQL_MAX_DEPTH or costs more than
 * GRAPHQL_MAX_COMPLEXITY (1 per field; fields that compute over whole catalogs or designs declare a higher cost).
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin {
  public constructor(private readonly config: AppConfig) {}

  public async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const maxDepth = this.config.get('GRAPHQL_MAX_DEPTH');
    const maxComplexity = this.config.get('GRAPHQL_MAX_COMPLEXITY');
    return {
      didResolveOperation: async ({ request, document, schema }) => {
        const tooDeep = validate(schema, document, [depthLimit(maxDepth)]);
        if (tooDeep.length > 0) {
          throw new GraphQLError(`The operation is nested too deeply (at most ${maxDepth} levels).`, {
            extensions: { code: 'GRAPHQL_DEPTH_LIMIT', status: 400, maxDepth, http: { status: 400 } },
          });
        }
        let complexity: number;
        try {
          complexity = getComplexity({
            schema,
            operationName: request.operationName ?? undefined,
            query: document,
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch {
          // Variables that do not fit their types: nothing will execute, and Apollo answers 400 BAD_USER_INPUT for them.
          return;
        }
        if (complexity > maxComplexity) {
          throw new GraphQLError(`The operation costs ${complexity}, above the limit of ${maxComplexity}; ask for fewer fields or smaller pages.`, {
            extensions: { code: 'GRAPHQL_COMPLEXITY_LIMIT', status: 400, complexity, maxComplexity, http: { status: 400 } },
          });
        }
      },
    };
  }
}
