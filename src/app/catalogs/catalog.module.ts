import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller.js';
import { CatalogLoaders } from './catalog.loaders.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogResolver } from './catalog.resolver.js';
import { CatalogService } from './catalog.service.js';

@Module({
  providers: [CatalogRepository, CatalogService, CatalogLoaders, CatalogResolver],
  controllers: [CatalogController],
  exports: [CatalogService],
})
export class CatalogModule {}
