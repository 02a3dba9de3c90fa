import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { map, of, type Observable } from 'rxjs';
import { AppConfig } from '../config/app-config.service.js';

/**
 * Caches the serialized JSON answer of a GET whose result is a pure function of its URL over data that never changes
 * (engine reads over the read-only `aws` catalog). Interceptors run before pipes, so a hit skips validation, the engine
 * and JSON serialization; errors are never cached. Custom catalogs can change, so their answers are not cached.
 */
@Injectable()
export class ImmutableResponseCacheInterceptor implements NestInterceptor {
  /** Bounded by REST_RESPONSE_CACHE_MAX_BYTES of JSON text plus URL (the whole-catalog table is about 3 MB). */
  private readonly cache: LRUCache<string, string> | undefined;

  public constructor(config: AppConfig) {
    const maxSize = config.get('REST_RESPONSE_CACHE_MAX_BYTES');
    this.cache = maxSize > 0 ? new LRUCache({ maxSize, sizeCalculation: (body, key) => body.length + key.length }) : undefined;
  }

  public intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const cache = this.cache;
    if (!cache) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Querystring: Record<string, unknown> }>>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const catalog = request.query?.catalog;
    if (request.method !== 'GET' || (catalog !== undefined && catalog !== 'aws')) return next.handle();
    const cached = cache.get(request.url);
    if (cached !== undefined) {
      void reply.type('application/json; charset=utf-8');
      return of(cached);
    }
    return next.handle().pipe(
      map((result: unknown) => {
        const body = JSON.stringify(result);
        cache.set(request.url, body);
        void reply.type('application/json; charset=utf-8');
        return body;
      }),
    );
  }
}

/** Marks a GET handler whose answer depends only on its URL and the read-only `aws` catalog. */
export const CacheImmutableResponse = () => applyDecorators(UseInterceptors(ImmutableResponseCacheInterceptor));
