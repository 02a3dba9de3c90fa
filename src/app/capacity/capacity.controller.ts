import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../platform/auth/scopes.js';
import { CacheImmutableResponse } from '../../platform/http/immutable-response-cache.interceptor.js';
import type { JsonText } from '../../platform/http/json-text.js';
import { CapacityService } from './capacity.service.js';
import { MaxPodsInput, MaxPodsTableInput } from './dto/max-pods.input.js';
import { MaxPodsModel, MaxPodsTableModel } from './dto/max-pods.model.js';
import { SubnetUsageInput } from './dto/subnet-usage.input.js';
import { SubnetUsageModel } from './dto/subnet-usage.model.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';

@ApiTags('capacity')
@ApiBearerAuth()
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ path: 'capacity', version: '1' })
export class CapacityController {
  public constructor(private readonly capacity: CapacityService) {}

  @Get('max-pods')
  @CacheImmutableResponse()
  @ApiOperation({
    operationId: 'getMaxPods',
    summary: 'Max pods the kubelet gets for a launcher, CNI mode and instance type, with the arithmetic as steps.',
  })
  @ApiOkResponse({ type: MaxPodsModel })
  @ApiErrorResponses(400, [404, 'No such catalog or instance type.'])
  public getMaxPods(@Query() query: MaxPodsInput): Promise<MaxPodsModel> {
    return this.capacity.maxPods(query);
  }

  @Get('max-pods-table')
  @CacheImmutableResponse()
  @ApiOperation({
    operationId: 'getMaxPodsTable',
    summary: 'Max pods for every instance type of a catalog (optionally one family / a minimum vCPU count).',
  })
  @ApiOkResponse({ type: MaxPodsTableModel })
  @ApiErrorResponses(400, [404, 'No such catalog.'])
  public getMaxPodsTable(@Query() query: MaxPodsTableInput): Promise<JsonText> {
    return this.capacity.maxPodsTableJson(query);
  }

  @Post('subnet-usage')
  @HttpCode(200)
  @RequireScope('read')
  @ApiOperation({
    operationId: 'computeSubnetUsage',
    summary: 'Subnet IPs node groups consume (warm pools, prefixes, reserved addresses) and how many nodes fit.',
  })
  @ApiOkResponse({ type: SubnetUsageModel })
  @ApiErrorResponses(...JSON_BODY_ERRORS, [404, 'No such catalog or instance type.'])
  public computeSubnetUsage(@Body() input: SubnetUsageInput): Promise<SubnetUsageModel> {
    return this.capacity.subnetUsage(input);
  }
}
