import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config.service.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { FixedWindowThrottlerStorage } from './fixed-window.storage.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

/** Redis counters when RATE_LIMIT_REDIS_URL is set (shared by the replicas), otherwise in-process fixed windows. */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const url = config.get('RATE_LIMIT_REDIS_URL');
        return url ? new RedisThrottlerStorage(url) : new FixedWindowThrottlerStorage();
      },
    },
  ],
  exports: [RATE_LIMIT_STORAGE],
})
class RateLimitStorageModule implements OnApplicationShutdown {
  public constructor(@Inject(RATE_LIMIT_STORAGE) private readonly storage: RedisThrottlerStorage | FixedWindowThrottlerStorage) {}

  public async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [AppConfig, RATE_LIMIT_STORAGE],
      useFactory: (config: AppConfig, storage: RedisThrottlerStorage | FixedWindowThrottlerStorage) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.get('RATE_LIMIT_PER_MINUTE') }],
        // RateLimitGuard keys every count by the caller alone: one budget across every route and GraphQL operation (the
        // default key is per route). The storages put the throttler's name in front of the key, keeping throttlers apart.
        errorMessage: 'Too many requests for this caller; retry after the time in Retry-After.',
        storage,
      }),
    }),
  ],
  providers: [RateLimitGuard, { provide: APP_GUARD, useExisting: RateLimitGuard }],
  exports: [RateLimitGuard],
})
export class RateLimitModule {}
