import type { FastifyInstance, FastifyReply } from 'fastify';
import { authorize } from '../auth/scope.guard.js';
import type { RateLimitGuard } from '../rate-limit/rate-limit.guard.js';
import { hasBody } from './body-media-type.hook.js';
import { type CachedAnswer, type ImmutableResponseCache, JSON_CONTENT_TYPE } from './immutable-response-cache.js';

/**
 * The fast path for cached immutable answers: a bodiless GET whose URL has a cached answer is served from an `onRequest`
 * hook, before the body checks and Nest's router, guards, interceptors and rxjs (a quarter of a cached answer's CPU).
 * It is registered after the authentication hook, so it runs after it, and applies the same decisions as the Nest path,
 * in the same order: ScopeGuard's `authorize` with the route's access rule, then RateLimitGuard's counting under the
 * route's plans (both kept with the answer by the interceptor). A refusal goes to the same error handler (Nest's
 * AllExceptionsFilter); metrics and the access log are Fastify's onResponse hook, which every answer passes. A miss, a
 * GET sent with a body (the Nest path's body checks answer it), or a route keyed its own way, continues to Nest.
 */
export function registerCachedAnswers(fastify: FastifyInstance, cache: ImmutableResponseCache, rateLimits: RateLimitGuard): void {
  if (!cache.enabled) return;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' || hasBody(request)) {
      done();
      return;
    }
    const answer = cache.get(request.url);
    if (answer === undefined || answer.limits.some((plan) => !plan.callerKeyed)) {
      done();
      return;
    }
    let counted: void | Promise<void>;
    try {
      authorize(request.principal, answer.access);
      counted = rateLimits.consumeAll(rateLimits.callerKey(request), answer.limits, reply);
    } catch (error) {
      done(error as Error);
      return;
    }
    if (counted === undefined) send(reply, answer);
    else
      counted.then(
        () => send(reply, answer),
        (error: unknown) => done(error as Error),
      );
  });
}

function send(reply: FastifyReply, answer: CachedAnswer): void {
  void reply.code(200).type(JSON_CONTENT_TYPE).send(answer.body);
}
