import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, of, type Observable } from 'rxjs';
import { ScopeGuard } from '../auth/scope.guard.js';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard.js';
import { ImmutableResponseCache, JSON_CONTENT_TYPE } from './immutable-response-cache.js';
import { JsonText } from './json-text.js';

/**
 * Caches the serialized JSON answer of a GET whose result is a pure function of its URL over data that never changes
 * (engine reads over the read-only `aws` catalog). Interceptors run after the guards and before pipes, so a hit skips
 * validation, the engine and JSON serialization; errors are never cached. Custom catalogs can change, so their answers
 * are not cached. Each answer keeps the route's access rule and rate-limit plans, so the fast path (cached-answer.hook.ts)
 * serves later hits before Nest's pipeline under the same checks. A handler may answer JsonText (already serialized).
 */
@Injectable()
export class ImmutableResponseCacheInterceptor implements NestInterceptor {
  public constructor(
    private readonly cache: ImmutableResponseCache,
    private readonly scopes: ScopeGuard,
  ) {}

  public intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const cache = this.cache;
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Querystring: Record<string, unknown> }>>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const catalog = request.query?.catalog;
    if (!cache.enabled || request.method !== 'GET' || (catalog !== undefined && catalog !== 'aws')) {
      return next.handle().pipe(map((result: unknown) => (result instanceof JsonText ? jsonBody(reply, result.bytes) : result)));
    }
    const cached = cache.get(request.url);
    if (cached !== undefined) {
      void reply.type(JSON_CONTENT_TYPE);
      return of(cached.body);
    }
    return next.handle().pipe(
      map((result: unknown) => {
        // Kept as bytes: a hit is sent without measuring or encoding the text again (the whole-catalog table is 3 MB).
        const body = result instanceof JsonText ? result.bytes : Buffer.from(JSON.stringify(result));
        cache.set(request.url, { body, access: this.scopes.accessOf(context), limits: RateLimitGuard.plansOf(request) ?? [] });
        void reply.type(JSON_CONTENT_TYPE);
        return body;
      }),
    );
  }
}

function jsonBody(reply: FastifyReply, bytes: Buffer): Buffer {
  void reply.type(JSON_CONTENT_TYPE);
  return bytes;
}

/** Marks a GET handler whose answer depends only on its URL and the read-only `aws` catalog. */
export const CacheImmutableResponse = () => applyDecorators(UseInterceptors(ImmutableResponseCacheInterceptor));
