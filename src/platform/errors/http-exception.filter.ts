import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { classifyError } from './error-classification.js';
import { toGraphQLError } from './graphql-error.formatter.js';

/**
 * The one error mapper for REST (and the hand-off point for GraphQL resolvers, whose errors become GraphQLErrors with
 * `extensions.code`). Body: `{"error":{"code","message","details"},"requestId"}`. Anything unexpected is logged with the
 * request id and answered 500 with a generic message.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  public catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      if (exception instanceof GraphQLError) return exception;
      return toGraphQLError(exception, this.logger);
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const classified = classifyError(exception);
    if (classified.internal) {
      this.logger.error({ err: exception, requestId: request.id }, `unhandled error on ${request.method} ${request.url}`);
    }
    const body: Record<string, unknown> = {
      error: {
        code: classified.code,
        message: classified.message,
        ...(classified.details.length > 0 ? { details: classified.details } : {}),
      },
      requestId: request.id,
    };
    if (classified.status === 503) void reply.header('retry-after', '5');
    return reply.status(classified.status).send(body);
  }
}
