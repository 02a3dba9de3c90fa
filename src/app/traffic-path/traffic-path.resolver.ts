import { Args, Query, Resolver } from '@nestjs/graphql';
import { DATABASE_READ_COMPLEXITY } from '../../platform/graphql/query-cost.js';
import { TracePathInput } from './dto/trace-path.input.js';
import { TraceResultModel } from './dto/trace-result.model.js';
import { TrafficPathService } from './traffic-path.service.js';

@Resolver()
export class TrafficPathResolver {
  public constructor(private readonly paths: TrafficPathService) {}

  @Query(() => TraceResultModel, {
    description:
      'Trace a packet between two endpoints of a design (inline, or saved by id): hops, address rewrites, security groups, drops.',
    // A saved design (`designId`) is a database read.
    complexity: DATABASE_READ_COMPLEXITY,
  })
  public tracePath(@Args('input') input: TracePathInput): Promise<TraceResultModel> {
    return this.paths.trace(input);
  }
}
