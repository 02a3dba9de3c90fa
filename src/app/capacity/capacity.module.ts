import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalogs/catalog.module.js';
import { CapacityController } from './capacity.controller.js';
import { CapacityResolver } from './capacity.resolver.js';
import { CapacityService } from './capacity.service.js';

@Module({
  imports: [CatalogModule],
  providers: [CapacityService, CapacityResolver],
  controllers: [CapacityController],
  exports: [CapacityService],
})
export class CapacityModule {}
