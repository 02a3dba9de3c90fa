import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalogs/catalog.module.js';
import { AwsImportController } from './aws-import.controller.js';
import { AwsImportResolver } from './aws-import.resolver.js';
import { AwsImportService } from './aws-import.service.js';
import { DesignLoaders } from './design.loaders.js';
import { DesignsController } from './designs.controller.js';
import { DesignsRepository } from './designs.repository.js';
import { DesignsResolver } from './designs.resolver.js';
import { DesignsService } from './designs.service.js';
import { EksctlBridgeService } from './eksctl-bridge.service.js';
import { EksctlController } from './eksctl.controller.js';
import { EksctlResolver } from './eksctl.resolver.js';
import { PlanController } from './plan.controller.js';
import { DesignPlanResolver, WorkloadExposurePlanResolver } from './plan.resolver.js';
import { PlanService } from './plan.service.js';
import { WhatIfController } from './what-if.controller.js';
import { WhatIfResolver } from './what-if.resolver.js';
import { WhatIfService } from './what-if.service.js';

@Module({
  imports: [CatalogModule],
  providers: [
    DesignsRepository,
    DesignsService,
    DesignLoaders,
    DesignsResolver,
    PlanService,
    DesignPlanResolver,
    WorkloadExposurePlanResolver,
    EksctlBridgeService,
    EksctlResolver,
    AwsImportService,
    AwsImportResolver,
    WhatIfService,
    WhatIfResolver,
  ],
  // The import controllers before DesignsController: `POST designs/import/…` must not be taken for `designs/:id` routes.
  controllers: [EksctlController, AwsImportController, DesignsController, PlanController, WhatIfController],
  exports: [DesignsService],
})
export class DesignsModule {}
