import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { classifyError, isFastifyError } from './error-classification.js';
import { errorBody } from './error-body.js';
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
    const limit = request.routeOptions?.bodyLimit;
    const body = errorBody(
      isBodyTooLarge(exception) && limit !== undefined
        ? { ...classified, message: `The request body is larger than ${limit} bytes (BODY_LIMIT_BYTES).` }
        : classified,
      request.id,
    );
    if (classified.status === 503) void reply.header('retry-after', '5');
    return reply.status(classified.status).send(body);
  }
}

/** Fastify's 413 for a body over BODY_LIMIT_BYTES (by Content-Length or while reading a chunked body). */
function isBodyTooLarge(exception: unknown): boolean {
  const error = exception instanceof HttpException ? exception.cause : exception;
  return isFastifyError(error) && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
}
