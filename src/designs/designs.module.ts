import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { DesignsController } from './designs.controller.js';
import { DesignsRepository } from './designs.repository.js';
import { DesignsResolver } from './designs.resolver.js';
import { DesignsService } from './designs.service.js';

@Module({
  imports: [CatalogModule],
  providers: [DesignsRepository, DesignsService, DesignsResolver],
  controllers: [DesignsController],
  exports: [DesignsService],
})
export class DesignsModule {}
