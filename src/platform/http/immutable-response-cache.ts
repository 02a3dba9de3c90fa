import { Global, Injectable, Module } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { RouteAccess } from '../auth/scope.guard.js';
import { AppConfig } from '../config/app-config.service.js';
import type { RateLimitPlan } from '../rate-limit/rate-limit.guard.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A serialized answer, with what the Nest path asked of its caller: the fast path applies exactly that again. */
export interface CachedAnswer {
  /** The JSON answer, UTF-8 encoded. */
  body: Buffer;
  access: RouteAccess;
  limits: readonly RateLimitPlan[];
}

/**
 * Serialized JSON answers of GETs whose result is a pure function of their URL over data that never changes, keyed by
 * URL. Filled only by ImmutableResponseCacheInterceptor (after the guards, from a successful answer), read by it and by
 * the fast path (cached-answer.hook.ts). Bounded by REST_RESPONSE_CACHE_MAX_BYTES of JSON bytes plus URL (the
 * whole-catalog table is about 3 MB).
 */
@Injectable()
export class ImmutableResponseCache {
  private readonly cache: LRUCache<string, CachedAnswer> | undefined;

  public constructor(config: AppConfig) {
    const maxSize = config.get('REST_RESPONSE_CACHE_MAX_BYTES');
    this.cache = maxSize > 0 ? new LRUCache({ maxSize, sizeCalculation: (answer, url) => answer.body.length + url.length }) : undefined;
  }

  public get enabled(): boolean {
    return this.cache !== undefined;
  }

  public get(url: string): CachedAnswer | undefined {
    return this.cache?.get(url);
  }

  public set(url: string, answer: CachedAnswer): void {
    this.cache?.set(url, answer);
  }
}

@Global()
@Module({ providers: [ImmutableResponseCache], exports: [ImmutableResponseCache] })
export class ImmutableResponseCacheModule {}
