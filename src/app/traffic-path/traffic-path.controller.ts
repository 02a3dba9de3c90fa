import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScope } from '../../platform/auth/scopes.js';
import { prefersSvg, SVG } from '../../platform/http/content-negotiation.js';
import { TracePathInput } from './dto/trace-path.input.js';
import { TraceResultModel } from './dto/trace-result.model.js';
import { parseFlowQuery, TraceSvgQuery } from './dto/trace-svg.query.js';
import { TrafficPathService } from './traffic-path.service.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';

@ApiTags('traffic-path')
@ApiBearerAuth()
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ path: 'paths', version: '1' })
export class TrafficPathController {
  public constructor(private readonly paths: TrafficPathService) {}

  @Post('trace')
  @HttpCode(200)
  @RequireScope('read')
  @ApiOperation({
    operationId: 'tracePath',
    summary:
      'Trace a packet between two endpoints of a design: hops, address rewrites (SNAT/DNAT), security groups, where it is dropped, and the source address the destination sees.',
    description:
      'Give exactly one of `design` (inline) or `designId` (saved, optionally `revision`). The diagram as SVG is `GET /v1/paths/trace.svg` (for curl, this route also answers it when `Accept` prefers image/svg+xml).',
  })
  @ApiBody({ type: TracePathInput })
  @ApiOkResponse({ type: TraceResultModel })
  @ApiErrorResponses(...JSON_BODY_ERRORS, [404, 'The saved design (designId) or revision does not exist.'])
  public async tracePath(
    @Body() input: TracePathInput,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TraceResultModel | string> {
    void reply.header('vary', 'Accept');
    if (!prefersSvg(accept)) return this.paths.trace(input);
    const svg = await this.paths.traceSvg(input);
    void reply.type(`${SVG}; charset=utf-8`);
    return svg;
  }

  @Get('trace.svg')
  @ApiOperation({ operationId: 'tracePathSvg', summary: 'The diagram of a trace over a saved design, rendered server-side as SVG.' })
  @ApiProduces(SVG)
  @ApiOkResponse({ description: 'A standalone SVG document.', content: { [SVG]: { schema: { type: 'string' } } } })
  @ApiErrorResponses(400, 404)
  public async tracePathSvg(@Query() query: TraceSvgQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const flow = await parseFlowQuery(query.flow);
    const svg = await this.paths.traceSvg({ designId: query.designId, revision: query.revision, flow });
    void reply.type(`${SVG}; charset=utf-8`);
    return svg;
  }
}
