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
      isBodyTooLarge(exception) && limit !== undefined ? { ...classified, message: bodyTooLargeMessage(limit, request) } : classified,
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

/**
 * Fastify says only "Request body is too large"; the caller needs the limit to split the call (a whole `helm template`
 * output for the lint is the usual case). The route's limit is BODY_LIMIT_BYTES unless a route sets its own.
 */
function bodyTooLargeMessage(limit: number, request: FastifyRequest): string {
  const received = Number(request.headers['content-length']);
  const size = Number.isFinite(received) && received > 0 ? ` of ${received} bytes` : '';
  const mebibytes = (limit / 1024 / 1024).toFixed(limit % (1024 * 1024) === 0 ? 0 : 2);
  return (
    `The request body${size} is over this server's limit of ${limit} bytes (${mebibytes} MiB, BODY_LIMIT_BYTES). ` +
    "Send less per call (for the lint: fewer manifests, e.g. one chart's helm template output at a time) or raise BODY_LIMIT_BYTES."
  );
}
