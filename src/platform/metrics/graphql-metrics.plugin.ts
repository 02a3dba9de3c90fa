import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import type { FastifyRequest } from 'fastify';
import { MetricsService } from './metrics.service.js';

/** Counts and times every GraphQL operation by name, and names it in the access log (every call is POST /graphql). */
@Plugin()
export class GraphqlMetricsPlugin implements ApolloServerPlugin<{ req?: FastifyRequest }> {
  public constructor(private readonly metrics: MetricsService) {}

  public async requestDidStart(): Promise<GraphQLRequestListener<{ req?: FastifyRequest }>> {
    const started = process.hrtime.bigint();
    let operation = 'unknown';
    let type = 'unknown';
    return {
      didResolveOperation: async ({ operationName, operation: definition, contextValue }) => {
        operation = operationName ?? 'anonymous';
        type = definition?.operation ?? 'unknown';
        if (contextValue.req) contextValue.req.graphqlOperation = operation;
      },
      willSendResponse: async ({ errors }) => {
        const code = errors?.[0]?.extensions?.code;
        const outcome = errors && errors.length > 0 ? (typeof code === 'string' ? code : 'ERROR') : 'ok';
        this.metrics.recordGraphql(operation, type, outcome, Number(process.hrtime.bigint() - started) / 1e9);
      },
    };
  }
}
