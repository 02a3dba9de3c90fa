import { Module } from '@nestjs/common';
import { DesignsModule } from '../designs/designs.module.js';
import { TrafficPathController } from './traffic-path.controller.js';
import { TrafficPathResolver } from './traffic-path.resolver.js';
import { TrafficPathService } from './traffic-path.service.js';

@Module({
  imports: [DesignsModule],
  providers: [TrafficPathService, TrafficPathResolver],
  controllers: [TrafficPathController],
})
export class TrafficPathModule {}
