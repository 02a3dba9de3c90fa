import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config.service.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

const SHARED_STORAGE = Symbol('SHARED_RATE_LIMIT_STORAGE');

/** The Redis counter store when RATE_LIMIT_REDIS_URL is set (several replicas), otherwise none (in-memory). */
@Module({
  providers: [
    {
      provide: SHARED_STORAGE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const url = config.get('RATE_LIMIT_REDIS_URL');
        return url ? new RedisThrottlerStorage(url) : null;
      },
    },
  ],
  exports: [SHARED_STORAGE],
})
class RateLimitStorageModule implements OnApplicationShutdown {
  public constructor(@Inject(SHARED_STORAGE) private readonly storage: RedisThrottlerStorage | null) {}

  public async onApplicationShutdown(): Promise<void> {
    await this.storage?.close();
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [AppConfig, SHARED_STORAGE],
      useFactory: (config: AppConfig, storage: RedisThrottlerStorage | null) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.get('RATE_LIMIT_PER_MINUTE') }],
        // One budget per caller across every route and GraphQL operation (the default key is per route).
        generateKey: (_context, tracker, throttlerName) => `${throttlerName}:${tracker}`,
        errorMessage: 'Too many requests for this caller; retry after the time in Retry-After.',
        ...(storage ? { storage } : {}),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
