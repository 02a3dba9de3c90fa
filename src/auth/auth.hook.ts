import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { classifyError } from '../common/errors/error-classification.js';
import type { Authenticator } from './authenticator.js';

const ALWAYS_PUBLIC = [/^\/health\//];
const DOCS = [/^\/docs(\/|$)/, /^\/openapi\.(json|yaml)$/, /^\/graphiql(\/|$)/];

/**
 * Authentication for every route, Nest's and Fastify's own (docs, GraphiQL) alike, before any body is read.
 * Authorization (which scope a route needs) is ScopeGuard's job.
 */
export function registerAuthentication(fastify: FastifyInstance, authenticator: Authenticator, docsPublic: boolean): void {
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (ALWAYS_PUBLIC.some((p) => p.test(path)) || (docsPublic && DOCS.some((p) => p.test(path)))) return;
    try {
      request.principal = await authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      const { status, code, message } = classifyError(error);
      void reply.status(status).header('www-authenticate', 'Bearer realm="eks-network-planner"');
      // GraphQL clients read errors[].extensions.code; everyone else reads error.code.
      return reply.send(path === '/graphql'
        ? { errors: [{ message, extensions: { code, status } }] }
        : { error: { code, message }, requestId: request.id });
    }
  });
}
