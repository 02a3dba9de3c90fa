import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { DesignsController } from './designs.controller.js';
import { DesignsRepository } from './designs.repository.js';
import { DesignsResolver } from './designs.resolver.js';
import { DesignsService } from './designs.service.js';
import { PlanController } from './plan.controller.js';
import { DesignPlanResolver, WorkloadExposurePlanResolver } from './plan.resolver.js';
import { PlanService } from './plan.service.js';

@Module({
  imports: [CatalogModule],
  providers: [DesignsRepository, DesignsService, DesignsResolver, PlanService, DesignPlanResolver, WorkloadExposurePlanResolver],
  controllers: [DesignsController, PlanController],
  exports: [DesignsService],
})
export class DesignsModule {}
