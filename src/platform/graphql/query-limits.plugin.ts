import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { type DocumentNode, getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { AppConfig } from '../config/app-config.service.js';
import { graphQLRequestError } from '../errors/graphql-error.formatter.js';
import { expandedFieldCount } from './query-shape.rules.js';

/**
 * The cost; `over-limit` when the document alone has more fields than the limit; `uncostable` when
 * graphql-query-complexity fails on it; `invalid-variables`: nothing will execute and Apollo answers 400 BAD_USER_INPUT.
 */
type Cost = number | 'over-limit' | 'uncostable' | 'invalid-variables';

/**
 * Rejects an operation before it executes when it costs more than GRAPHQL_MAX_COMPLEXITY (1 per field; fields that read
 * the database or compute over whole catalogs or designs declare a higher cost). Its size (GRAPHQL_MAX_TOKENS), depth and
 * aliases were bounded before, while parsing and validating (query-shape.rules.ts).
 *
 * An operation that cannot be costed is refused, never let through as free. The cost depends only on the parsed
 * document, the operation and the variables, and Apollo hands the same parsed document for the same query text, so it
 * is computed once per document and variables, not per request.
 */
@Plugin()
export class QueryLimitsPlugin implements ApolloServerPlugin {
  private readonly costs = new WeakMap<DocumentNode, Map<string, Cost>>();

  public constructor(private readonly config: AppConfig) {}

  public async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const maxComplexity = this.config.get('GRAPHQL_MAX_COMPLEXITY');
    return {
      didResolveOperation: async ({ request, document, schema, operation }) => {
        if (!operation) return;
        const complexity = this.cost(document, operation, request.variables ?? {}, schema, maxComplexity);
        if (complexity === 'invalid-variables') return;
        if (complexity === 'uncostable') {
          throw graphQLRequestError('GRAPHQL_COMPLEXITY_LIMIT', 'The cost of the operation cannot be computed, so it is refused.', {
            maxComplexity,
          });
        }
        if (complexity === 'over-limit') {
          throw graphQLRequestError(
            'GRAPHQL_COMPLEXITY_LIMIT',
            `The operation selects more than ${maxComplexity} fields, above the cost limit of ${maxComplexity}; ask for fewer fields.`,
            { maxComplexity },
          );
        }
        if (complexity > maxComplexity) {
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
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    schema: GraphQLSchema,
    maxComplexity: number,
  ): Cost {
    let perDocument = this.costs.get(document);
    if (!perDocument) {
      perDocument = new Map();
      this.costs.set(document, perDocument);
    }
    const key = `${operation.name?.value ?? ''}\u0000${JSON.stringify(variables)}`;
    const known = perDocument.get(key);
    if (known !== undefined) return known;
    const cost = computeCost(document, operation, variables, schema, maxComplexity);
    if (perDocument.size >= 256) perDocument.clear();
    if (key.length <= 4096) perDocument.set(key, cost);
    return cost;
  }
}

function computeCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  schema: GraphQLSchema,
  maxComplexity: number,
): Cost {
  // Every field costs at least 1: when the expanded fields alone exceed the limit, the operation is over it, and
  // graphql-query-complexity (which expands every fragment spread again) is never asked to walk it.
  if (expandedFieldCount(document, operation, maxComplexity) > maxComplexity) return 'over-limit';
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 }).errors) return 'invalid-variables';
  try {
    return getComplexity({
      schema,
      operationName: operation.name?.value,
      query: document,
      variables,
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    return 'uncostable';
  }
}
