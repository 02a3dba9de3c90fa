import { Args, Query, Resolver } from '@nestjs/graphql';
import { CapacityService } from './capacity.service.js';
import { MaxPodsInput, MaxPodsTableInput } from './dto/max-pods.input.js';
import { MaxPodsModel, MaxPodsTableModel } from './dto/max-pods.model.js';
import { SubnetUsageInput } from './dto/subnet-usage.input.js';
import { SubnetUsageModel } from './dto/subnet-usage.model.js';

@Resolver()
export class CapacityResolver {
  public constructor(private readonly capacity: CapacityService) {}

  @Query(() => MaxPodsModel, { description: 'Max pods for one instance type, launcher and CNI mode.' })
  public maxPods(@Args('input') input: MaxPodsInput): Promise<MaxPodsModel> {
    return this.capacity.maxPods(input);
  }

  @Query(() => MaxPodsTableModel, { description: 'Max pods for every instance type of a catalog.', complexity: 200 })
  public maxPodsTable(@Args('input', { nullable: true }) input?: MaxPodsTableInput): Promise<MaxPodsTableModel> {
    return this.capacity.maxPodsTable(input ?? {});
  }

  @Query(() => SubnetUsageModel, { description: 'Subnet IPs node groups consume and how many nodes fit.' })
  public subnetUsage(@Args('input') input: SubnetUsageInput): Promise<SubnetUsageModel> {
    return this.capacity.subnetUsage(input);
  }
}
