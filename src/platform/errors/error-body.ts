import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ClassifiedError, classifyError } from './error-classification.js';
import { PLATFORM_ERROR_CODES } from './platform-errors.js';
import { HTTP_STATUS_BY_KIND } from '../../domain/errors/error-codes.js';
import type { DomainErrorCode } from '../../domain/errors/error-codes.js';

/** The one REST error body: `{"error":{"code","message","details"},"requestId"}` (docs/api.md). */
export function errorBody(classified: ClassifiedError, requestId: string | undefined): Record<string, unknown> {
  return {
    error: {
      code: classified.code,
      message: classified.message,
      ...(classified.details.length > 0 ? { details: classified.details } : {}),
    },
    ...(requestId === undefined ? {} : { requestId }),
  };
}

/**
 * Node's parser refuses a request whose request line and headers exceed its header limit (16 KiB); when the request
 * line alone is longer than this, it is the URL that is too long (414 URI_TOO_LONG), otherwise the headers (431).
 */
const LONG_REQUEST_LINE = 8_192;

/**
 * Fastify's frameworkErrors hook: a URL its router cannot decode (a bad `%`), answered in the documented shape
 * instead of Fastify's own body.
 */
export function answerFrameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const classified = classifyError(error);
  void reply.header('x-request-id', request.id).status(classified.status).send(errorBody(classified, request.id));
}

/**
 * Node's HTTP parser refused the bytes before Fastify saw a request (bad header bytes, a request line or headers over
 * the limit, headers that never finished): the answer is written on the socket in the documented shape, then the
 * connection is closed, as Node and Fastify do.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message] = clientErrorOf(error);
  const classified: ClassifiedError = {
    kind: PLATFORM_ERROR_CODES[code],
    status: HTTP_STATUS_BY_KIND[PLATFORM_ERROR_CODES[code]],
    code,
    message,
    details: [],
    internal: false,
  };
  const body = JSON.stringify(errorBody(classified, undefined));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${classified.status} ${STATUS_CODES[classified.status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroySoon();
}

function clientErrorOf(error: Error & { code?: string; rawPacket?: unknown }): [DomainErrorCode<'platform'>, string] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return ['REQUEST_TIMEOUT', 'The request did not arrive in time.'];
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    // The request line alone over LONG_REQUEST_LINE: it is the URL that is too long, not the headers.
    const packet = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString('latin1') : '';
    const requestLine = packet.indexOf('\r\n') >= 0 ? packet.slice(0, packet.indexOf('\r\n')) : packet;
    if (requestLine.length > LONG_REQUEST_LINE)
      return ['URI_TOO_LONG', 'The URL is longer than the server accepts (16 KiB with the headers).'];
    return ['HEADERS_TOO_LARGE', 'The request headers are larger than the server accepts.'];
  }
  return ['MALFORMED_REQUEST', 'The request is not valid HTTP (bad bytes in the request line or a header).'];
}
