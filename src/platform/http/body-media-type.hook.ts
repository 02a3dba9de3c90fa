import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnsupportedMediaTypeError } from '../../domain/errors/planning-error.js';

/** What `curl -d` sends without `-H 'content-type: …'`, and HTML forms: never what a /v1 route reads. */
const FORM_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * The REST routes read JSON (and the lint and eksctl import also YAML). A body sent without a Content-Type, or as a
 * form, would otherwise be parsed as form fields and answered with baffling validation errors ("Unknown field
 * "{"name":…}""); it answers 415 with the header to send instead, before the body is read.
 */
export function registerBodyMediaTypeCheck(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    done(unreadableBody(request), payload);
  });
}

function unreadableBody(request: FastifyRequest): UnsupportedMediaTypeError | null {
  if (!request.url.startsWith('/v1/') || !hasBody(request)) return null;
  const contentType = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (contentType && !FORM_MEDIA_TYPES.includes(contentType)) return null;
  const got = contentType ? `Content-Type ${contentType}` : 'no Content-Type';
  return new UnsupportedMediaTypeError(
    'UNSUPPORTED_MEDIA_TYPE',
    `${request.method} ${request.url.split('?')[0]} reads JSON, got ${got} (curl -d sends a form): add -H 'content-type: application/json', or application/yaml for a YAML body.`,
    [{ path: 'Content-Type', message: `${got}; send application/json (or application/yaml)` }],
  );
}

/** Whether the request carries a body (a Content-Length other than 0, or a Transfer-Encoding). */
export function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
