import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { WhatIfResult } from '../../domain/advice/index.js';
import { RequireScope } from '../../platform/auth/scopes.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';
import { prefersSvg, SVG } from '../../platform/http/content-negotiation.js';
import { AdviceModel } from './dto/advice.model.js';
import { DesignSpecModel } from './dto/design-spec.model.js';
import { DesignPlanQuery } from './dto/plan.query.js';
import { WhatIfBody, WhatIfResultModel, WhatIfSpecBody } from './dto/what-if.model.js';
import { PlanService } from './plan.service.js';
import { WhatIfService } from './what-if.service.js';

/** One media type per success (a generated client parses it); the SVG of `Accept: image/svg+xml` is in the description. */
const JSON_OR_SVG = { type: WhatIfResultModel };

@ApiTags('plan')
@ApiBearerAuth()
@ApiExtraModels(WhatIfResultModel)
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ version: '1' })
export class WhatIfController {
  public constructor(
    private readonly whatIfs: WhatIfService,
    private readonly plans: PlanService,
  ) {}

  @Post('designs/:id/what-if')
  @HttpCode(200)
  @RequireScope('read')
  @ApiOperation({
    operationId: 'whatIfDesign',
    summary:
      'Apply an RFC 6902 JSON Patch to a saved design (the latest revision, or ?revision=N) without saving it: the changed spec, its plan and the diff against the unchanged design.',
    description:
      'The changed spec is validated exactly as a save would be (400 VALIDATION_FAILED); a patch that cannot be applied answers 400 PATCH_INVALID or PATCH_TEST_FAILED naming the operation index and path. Send `Accept: image/svg+xml` for the plan chart of the changed design.',
  })
  @ApiBody({ type: WhatIfBody })
  @ApiOkResponse(JSON_OR_SVG)
  @ApiErrorResponses(...JSON_BODY_ERRORS, [404, 'No such design or revision.'])
  public async whatIfDesign(
    @Param('id') id: string,
    @Query() query: DesignPlanQuery,
    @Body() body: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WhatIfResultModel | string> {
    return this.answer(await this.whatIfs.whatIfSaved(id, query.revision, body), accept, reply);
  }

  @Post('what-if')
  @HttpCode(200)
  @RequireScope('read')
  @ApiOperation({
    operationId: 'whatIfSpec',
    summary: 'Apply an RFC 6902 JSON Patch to an inline DesignSpec without saving anything: the changed spec, its plan and the diff.',
    description: 'Send `Accept: image/svg+xml` for the plan chart of the changed design (e.g. to draw a remedy’s `after`).',
  })
  @ApiBody({ type: WhatIfSpecBody })
  @ApiOkResponse(JSON_OR_SVG)
  @ApiErrorResponses(...JSON_BODY_ERRORS, [404, 'The catalog the design names does not exist.'])
  public async whatIfSpec(
    @Body() body: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WhatIfResultModel | string> {
    return this.answer(await this.whatIfs.whatIfInline(body), accept, reply);
  }

  @Get('designs/:id/advice')
  @ApiOperation({
    operationId: 'getDesignAdvice',
    summary:
      'The IP-exhaustion advisor on a saved design (?revision=N): its address problems and every applicable remedy, each priced by the plan of the patched design, ranked.',
  })
  @ApiOkResponse({ type: AdviceModel })
  @ApiErrorResponses(400, 404)
  public getDesignAdvice(@Param('id') id: string, @Query() query: DesignPlanQuery): Promise<AdviceModel> {
    return this.whatIfs.adviceSaved(id, query.revision);
  }

  @Post('advice')
  @HttpCode(200)
  @RequireScope('read')
  @ApiOperation({
    operationId: 'adviseDesign',
    summary: 'The IP-exhaustion advisor on an inline DesignSpec (validated like a saved design).',
  })
  @ApiBody({ type: DesignSpecModel })
  @ApiOkResponse({ type: AdviceModel })
  @ApiErrorResponses(...JSON_BODY_ERRORS, [404, 'The catalog the design names does not exist.'])
  public adviseDesign(@Body() spec: unknown): Promise<AdviceModel> {
    return this.whatIfs.adviceInline(spec);
  }

  @Get('designs/:id/plan.svg')
  @ApiOperation({
    operationId: 'getDesignPlanSvg',
    summary:
      'The plan of a saved design (?revision=N) as an SVG bar chart: one bar per subnet with the addresses used at min / desired / max size against its usable addresses, and the 80 % line.',
  })
  @ApiOkResponse({ description: 'A standalone SVG document.', content: { [SVG]: { schema: { type: 'string' } } } })
  @ApiErrorResponses(400, 404)
  public async getDesignPlanSvg(
    @Param('id') id: string,
    @Query() query: DesignPlanQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const svg = await this.plans.svg(await this.plans.planSaved(id, query.revision));
    void reply.type(`${SVG}; charset=utf-8`);
    return svg;
  }

  private async answer(result: WhatIfResult, accept: string | undefined, reply: FastifyReply): Promise<WhatIfResultModel | string> {
    void reply.header('vary', 'Accept');
    if (!prefersSvg(accept)) return result;
    const svg = await this.plans.svg(result.plan);
    void reply.type(`${SVG}; charset=utf-8`);
    return svg;
  }
}
