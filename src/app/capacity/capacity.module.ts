import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalogs/catalog.module.js';
import { RateLimitModule } from '../../platform/rate-limit/rate-limit.module.js';
import { CapacityResultCachePlugin } from './capacity-result-cache.plugin.js';
import { CapacityController } from './capacity.controller.js';
import { CapacityResolver } from './capacity.resolver.js';
import { CapacityService } from './capacity.service.js';

@Module({
  imports: [CatalogModule, RateLimitModule],
  providers: [CapacityService, CapacityResolver, CapacityResultCachePlugin],
  controllers: [CapacityController],
  exports: [CapacityService],
})
export class CapacityModule {}
