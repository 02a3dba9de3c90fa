import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CallerSubject } from '../../platform/auth/principal.js';
import { DesignSpecModel } from './dto/design-spec.model.js';
import { DesignModel, DesignPage, DesignRevisionList, DesignRevisionModel } from './dto/design.model.js';
import { ListDesignsQuery } from './dto/list-designs.query.js';
import { DesignsService } from './designs.service.js';
import { etagOf, revisionFromIfMatch } from './if-match.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';

@ApiTags('designs')
@ApiBearerAuth()
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ path: 'designs', version: '1' })
export class DesignsController {
  public constructor(private readonly designs: DesignsService) {}

  @Post()
  @ApiOperation({
    operationId: 'createDesign',
    summary: 'Save a new design (revision 1). Every validation problem is reported at once with its path.',
  })
  @ApiBody({ type: DesignSpecModel })
  @ApiCreatedResponse({
    type: DesignModel,
    headers: { ETag: { description: 'The revision, quoted ("3"): send it back as If-Match.', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(...JSON_BODY_ERRORS, [404, 'The catalog the design names does not exist.'])
  public async createDesign(
    @Body() spec: unknown,
    @CallerSubject() actor: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DesignModel> {
    const design = await this.designs.create(spec, actor);
    void reply.status(201).header('etag', etagOf(design.revision)).header('location', `/v1/designs/${design.id}`);
    return design;
  }

  @Get()
  @ApiOperation({
    operationId: 'listDesigns',
    summary: 'Designs (without their spec), filtered by owner and tag, oldest first, cursor-paginated.',
  })
  @ApiOkResponse({ type: DesignPage })
  @ApiErrorResponses(400)
  public listDesigns(@Query() query: ListDesignsQuery): Promise<DesignPage> {
    return this.designs.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getDesign', summary: 'The latest revision of a design; its ETag is the revision.' })
  @ApiOkResponse({
    type: DesignModel,
    headers: { ETag: { description: 'The revision, quoted ("3"): send it back as If-Match.', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(404)
  public async getDesign(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<DesignModel> {
    const design = await this.designs.get(id);
    void reply.header('etag', etagOf(design.revision));
    return design;
  }

  @Put(':id')
  @ApiOperation({
    operationId: 'updateDesign',
    summary: 'Save a new revision. Requires If-Match with the revision you read: 412 when stale, 428 when missing.',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The revision the update is based on (the ETag you read), e.g. "3".',
    schema: { type: 'string' },
  })
  @ApiBody({ type: DesignSpecModel })
  @ApiOkResponse({
    type: DesignModel,
    headers: { ETag: { description: 'The revision, quoted ("3"): send it back as If-Match.', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(...JSON_BODY_ERRORS, 404, 412, 428)
  public async updateDesign(
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() spec: unknown,
    @CallerSubject() actor: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DesignModel> {
    const design = await this.designs.update(id, revisionFromIfMatch(ifMatch), spec, actor, 'send If-Match: "<revision>"');
    void reply.header('etag', etagOf(design.revision));
    return design;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteDesign', summary: 'Delete a design and all its revisions (If-Match optional; 412 when stale).' })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'Delete only if the design is still at this revision.',
    schema: { type: 'string' },
  })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrorResponses(400, 404, 412)
  public async deleteDesign(@Param('id') id: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    await this.designs.delete(id, revisionFromIfMatch(ifMatch));
  }

  @Get(':id/revisions')
  @ApiOperation({ operationId: 'listDesignRevisions', summary: 'Every revision of a design, oldest first, with its author and time.' })
  @ApiOkResponse({ type: DesignRevisionList })
  @ApiErrorResponses(404)
  public async listDesignRevisions(@Param('id') id: string): Promise<DesignRevisionList> {
    return { items: await this.designs.revisions(id) };
  }

  @Get(':id/revisions/:revision')
  @ApiOperation({ operationId: 'getDesignRevision', summary: 'One revision of a design, with its spec.' })
  @ApiOkResponse({ type: DesignRevisionModel })
  @ApiErrorResponses(404)
  public getDesignRevision(@Param('id') id: string, @Param('revision') revision: string): Promise<DesignRevisionModel> {
    return this.designs.revision(id, /^\d{1,10}$/.test(revision) ? Number(revision) : NaN);
  }
}
