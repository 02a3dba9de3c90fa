import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../auth/scope.guard.js';
import type { RateLimitGuard } from '../rate-limit/rate-limit.guard.js';
import { type CachedAnswer, type ImmutableResponseCache, JSON_CONTENT_TYPE } from './immutable-response-cache.js';

/**
 * The fast path for cached immutable answers: a GET whose URL has a cached answer is served from a Fastify preHandler
 * hook, before Nest's router, guards, interceptors and rxjs (a quarter of a cached answer's CPU). It runs after the
 * authentication hook and applies the same decisions as the Nest path, in the same order: ScopeGuard's `authorize` with
 * the route's access rule, then RateLimitGuard's `consume` under the route's plans (both kept with the answer by the
 * interceptor). A refusal goes to the same error handler (Nest's AllExceptionsFilter); metrics and the access log are
 * Fastify's onResponse hook, which every answer passes. A miss, or a route keyed its own way, continues to Nest.
 */
export function registerCachedAnswers(fastify: FastifyInstance, cache: ImmutableResponseCache, rateLimits: RateLimitGuard): void {
  if (!cache.enabled) return;
  fastify.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'GET') {
      done();
      return;
    }
    const answer = cache.get(request.url);
    if (answer === undefined || answer.limits.some((plan) => !plan.callerKeyed)) {
      done();
      return;
    }
    try {
      authorize(request.principal, answer.access);
    } catch (error) {
      done(error as Error);
      return;
    }
    countThenSend(request, reply, answer, rateLimits).catch((error: unknown) => done(error as Error));
  });
}

async function countThenSend(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
  rateLimits: RateLimitGuard,
): Promise<void> {
  for (const plan of answer.limits) await rateLimits.consume(rateLimits.callerKey(request), plan, reply);
  void reply.code(200).type(JSON_CONTENT_TYPE).send(answer.body);
}
