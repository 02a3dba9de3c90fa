import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../platform/auth/scopes.js';
import { DesignSpecModel } from './dto/design-spec.model.js';
import { DesignDiffModel } from './dto/plan-diff.model.js';
import { DesignPlanModel } from './dto/plan.model.js';
import { DesignDiffQuery, DesignPlanQuery } from './dto/plan.query.js';
import { PlanService } from './plan.service.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';

@ApiTags('plan')
@ApiBearerAuth()
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ version: '1' })
export class PlanController {
  public constructor(private readonly plans: PlanService) {}

  @Get('designs/:id/plan')
  @ApiOperation({
    operationId: 'getDesignPlan',
    summary:
      'Plan a saved design (the latest revision, or ?revision=N): max pods per node group, addresses per subnet at min/desired/max size, exposures and every finding.',
  })
  @ApiOkResponse({ type: DesignPlanModel })
  @ApiErrorResponses(400, 404)
  public getDesignPlan(@Param('id') id: string, @Query() query: DesignPlanQuery): Promise<DesignPlanModel> {
    return this.plans.planSaved(id, query.revision);
  }

  @Get('designs/:id/diff')
  @ApiOperation({
    operationId: 'getDesignDiff',
    summary: 'What changed between two revisions: the spec changes by path, and how max pods, free subnet addresses and findings moved.',
  })
  @ApiOkResponse({ type: DesignDiffModel })
  @ApiErrorResponses(400, 404)
  public getDesignDiff(@Param('id') id: string, @Query() query: DesignDiffQuery): Promise<DesignDiffModel> {
    return this.plans.diff(id, query.from, query.to);
  }

  @Post('plan')
  @HttpCode(200)
  @RequireScope('read')
  @ApiOperation({
    operationId: 'planDesign',
    summary: 'Plan an inline DesignSpec without saving it; it is validated like a saved design (400 VALIDATION_FAILED with paths).',
  })
  @ApiBody({ type: DesignSpecModel })
  @ApiOkResponse({ type: DesignPlanModel })
  @ApiErrorResponses(...JSON_BODY_ERRORS, [404, 'The catalog the design names does not exist.'])
  public planDesign(@Body() spec: unknown): Promise<DesignPlanModel> {
    return this.plans.planInline(spec);
  }
}
