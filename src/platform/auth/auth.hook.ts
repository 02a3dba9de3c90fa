import type { FastifyInstance } from 'fastify';
import { ForbiddenError } from '../../domain/errors/planning-error.js';
import { classifyError } from '../errors/error-classification.js';
import type { Principal } from './principal.js';
import type { Authenticator } from './authenticator.js';

const ALWAYS_PUBLIC = [/^\/health\//];
const DOCS = [/^\/docs(\/|$)/, /^\/openapi\.(json|yaml)$/, /^\/graphiql(\/|$)/];
const CHALLENGE = 'Bearer realm="eks-network-planner"';

/**
 * Authentication for every route, Nest's and Fastify's own (docs, GraphiQL) alike, before any body is read.
 * Authorization (which scope a route needs) is ScopeGuard's job.
 *
 * Callback form: the dev mode and static tokens answer synchronously, so only a JWT costs a promise. A refused request
 * is passed on to Fastify's error handler, which is Nest's AllExceptionsFilter: it writes the error body and logs
 * anything internal, as for every other error.
 */
export function registerAuthentication(fastify: FastifyInstance, authenticator: Authenticator, docsPublic: boolean): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const query = request.url.indexOf('?');
    const path = query === -1 ? request.url : request.url.slice(0, query);
    if (ALWAYS_PUBLIC.some((p) => p.test(path)) || (docsPublic && DOCS.some((p) => p.test(path)))) {
      done();
      return;
    }
    const refuse = (error: unknown): void => {
      const { status, code, message, internal } = classifyError(error);
      if (status === 401) void reply.header('www-authenticate', CHALLENGE);
      if (status === 503) void reply.header('retry-after', '5');
      // GraphQL clients read errors[].extensions.code, so a refused token on /graphql answers in that shape.
      if (path === '/graphql' && !internal) {
        void reply.status(status).send({ errors: [{ message, extensions: { code, status } }] });
        return;
      }
      done(error instanceof Error ? error : new Error(String(error)));
    };
    let principal: Principal | Promise<Principal>;
    try {
      principal = authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      refuse(error);
      return;
    }
    const admit = (verified: Principal): void => {
      // The docs describe every operation: a token with no scope at all (an identity, not a caller of this API) does
      // not read them, unless DOCS_PUBLIC.
      if (verified.scopes.size === 0 && DOCS.some((p) => p.test(path))) {
        refuse(new ForbiddenError('INSUFFICIENT_SCOPE', 'Reading the API documentation needs a token with at least one scope.'));
        return;
      }
      request.principal = verified;
      done();
    };
    if (principal instanceof Promise) {
      principal.then(admit, refuse);
      return;
    }
    admit(principal);
  });
}
