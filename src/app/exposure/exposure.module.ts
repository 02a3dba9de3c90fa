import { Module } from '@nestjs/common';
import { ExposureController } from './exposure.controller.js';
import { ExposureResolver } from './exposure.resolver.js';
import { ExposureService } from './exposure.service.js';

@Module({
  providers: [ExposureService, ExposureResolver],
  controllers: [ExposureController],
  exports: [ExposureService],
})
export class ExposureModule {}
