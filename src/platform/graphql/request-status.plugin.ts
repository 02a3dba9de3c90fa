import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { REQUEST_LEVEL_STATUSES } from '../errors/graphql-error.formatter.js';

/**
 * A GraphQL response with no data whose every error is about the request as a whole (rate limited, unauthenticated,
 * storage unavailable) answers with that HTTP status, like REST, so proxies and retrying clients see a 429 or 503.
 * Field-level errors keep the usual 200 with partial data.
 */
@Plugin()
export class RequestStatusPlugin implements ApolloServerPlugin {
  public async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    return {
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || (data && Object.values(data).some((value) => value !== null))) return;
        const statuses = new Set(errors.map((e) => e.extensions?.status));
        const [status] = statuses;
        if (statuses.size === 1 && typeof status === 'number' && REQUEST_LEVEL_STATUSES.has(status)) response.http.status = status;
      },
    };
  }
}
