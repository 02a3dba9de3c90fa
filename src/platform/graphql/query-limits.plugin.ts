import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { type DocumentNode, validate } from 'graphql';
import { AppConfig } from '../config/app-config.service.js';
import { graphQLRequestError } from '../errors/graphql-error.formatter.js';

/** null: the variables do not fit their types; nothing will execute and Apollo answers 400 BAD_USER_INPUT. */
type Cost = number | null;

/**
 * Rejects an operation before it executes when it nests deeper than GRAPHQL_MAX_DEPTH or costs more than
 * GRAPHQL_MAX_COMPLEXITY (1 per field; fields that compute over whole catalogs or designs declare a higher cost).
 * Both answers depend only on the parsed document (and, for the cost, the operation and variables), and Apollo hands
 * the same parsed document for the same query text, so they are computed once per document, not per request.
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin {
  private readonly depthOk = new WeakMap<DocumentNode, boolean>();
  private readonly costs = new WeakMap<DocumentNode, Map<string, Cost>>();

  public constructor(private readonly config: AppConfig) {}

  public async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const maxDepth = this.config.get('GRAPHQL_MAX_DEPTH');
    const maxComplexity = this.config.get('GRAPHQL_MAX_COMPLEXITY');
    return {
      didResolveOperation: async ({ request, document, schema }) => {
        let depthOk = this.depthOk.get(document);
        if (depthOk === undefined) {
          depthOk = validate(schema, document, [depthLimit(maxDepth)]).length === 0;
          this.depthOk.set(document, depthOk);
        }
        if (!depthOk) {
          throw graphQLRequestError('GRAPHQL_DEPTH_LIMIT', `The operation is nested too deeply (at most ${maxDepth} levels).`, {
            maxDepth,
          });
        }
        const complexity = this.cost(document, request.operationName ?? undefined, request.variables ?? {}, schema);
        if (complexity !== null && complexity > maxComplexity) {
          throw graphQLRequestError(
            'GRAPHQL_COMPLEXITY_LIMIT',
            `The operation costs ${complexity}, above the limit of ${maxComplexity}; ask for fewer fields or smaller pages.`,
            { complexity, maxComplexity },
          );
        }
      },
    };
  }

  /** Variables can change the cost (@include/@skip, list sizes), so they are part of the key; bounded per document. */
  private cost(
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown>,
    schema: Parameters<typeof getComplexity>[0]['schema'],
  ): Cost {
    let perDocument = this.costs.get(document);
    if (!perDocument) {
      perDocument = new Map();
      this.costs.set(document, perDocument);
    }
    const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
    const known = perDocument.get(key);
    if (known !== undefined) return known;
    let cost: Cost;
    try {
      cost = getComplexity({
        schema,
        operationName,
        query: document,
        variables,
        estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch {
      cost = null;
    }
    if (perDocument.size >= 256) perDocument.clear();
    if (key.length <= 4096) perDocument.set(key, cost);
    return cost;
  }
}
