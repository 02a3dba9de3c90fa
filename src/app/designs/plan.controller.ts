import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScope } from '../../platform/auth/scopes.js';
import { prefersSvg, SVG } from '../../platform/http/content-negotiation.js';
import { JSON_CONTENT_TYPE } from '../../platform/http/immutable-response-cache.js';
import type { JsonText } from '../../platform/http/json-text.js';
import { DesignSpecModel } from './dto/design-spec.model.js';
import { DesignDiffModel } from './dto/plan-diff.model.js';
import { DesignPlanModel } from './dto/plan.model.js';
import { DesignDiffQuery, DesignPlanQuery } from './dto/plan.query.js';
import { PlanService } from './plan.service.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';
import type { DesignPlan } from '../../domain/plan/index.js';

/** One media type per success (a generated client parses it); the SVG of `Accept: image/svg+xml` is in the description. */
const PLAN_OR_SVG = { type: DesignPlanModel };

@ApiTags('plan')
@ApiBearerAuth()
@ApiExtraModels(DesignPlanModel)
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ version: '1' })
export class PlanController {
  public constructor(private readonly plans: PlanService) {}

  @Get('designs/:id/plan')
  @ApiOperation({
    operationId: 'getDesignPlan',
    summary:
      'Plan a saved design (the latest revision, or ?revision=N): max pods per node group, addresses per subnet at min/desired/max size, exposures and every finding.',
    description: 'Send `Accept: image/svg+xml` for the subnet bar chart (as GET /v1/designs/{id}/plan.svg).',
  })
  @ApiOkResponse(PLAN_OR_SVG)
  @ApiErrorResponses(400, 404)
  public async getDesignPlan(
    @Param('id') id: string,
    @Query() query: DesignPlanQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DesignPlanModel | string | Buffer> {
    if (!prefersSvg(accept)) return this.json(await this.plans.planSavedJson(id, query.revision), reply);
    return this.svg(await this.plans.planSaved(id, query.revision), reply);
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
    description: 'Send `Accept: image/svg+xml` for the subnet bar chart.',
  })
  @ApiBody({ type: DesignSpecModel })
  @ApiOkResponse(PLAN_OR_SVG)
  @ApiErrorResponses(...JSON_BODY_ERRORS, [404, 'The catalog the design names does not exist.'])
  public async planDesign(
    @Body() spec: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DesignPlanModel | string | Buffer> {
    if (!prefersSvg(accept)) return this.json(await this.plans.planInlineJson(spec), reply);
    return this.svg(await this.plans.planInline(spec), reply);
  }

  /** The plan's JSON as the compute pool serialized it (a multi-MB plan is never serialized on the event loop). */
  private json(plan: JsonText, reply: FastifyReply): Buffer {
    void reply.header('vary', 'Accept').type(JSON_CONTENT_TYPE);
    return plan.bytes;
  }

  private async svg(plan: DesignPlan, reply: FastifyReply): Promise<string> {
    void reply.header('vary', 'Accept');
    const svg = await this.plans.svg(plan);
    void reply.type(`${SVG}; charset=utf-8`);
    return svg;
  }
}
