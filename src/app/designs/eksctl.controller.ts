import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CallerSubject } from '../../platform/auth/principal.js';
import { CniExportResponse, EksctlExportModel, EksctlImportModel, ExportRevisionQuery } from './dto/eksctl.model.js';
import { EksctlBridgeService } from './eksctl-bridge.service.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';

@ApiTags('designs')
@ApiBearerAuth()
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ path: 'designs', version: '1' })
export class EksctlController {
  public constructor(private readonly eksctl: EksctlBridgeService) {}

  @Post('import/eksctl')
  @ApiOperation({
    operationId: 'importEksctlConfig',
    summary:
      'Import an eksctl ClusterConfig (YAML body, or {"yaml": "…"}) and save it as a design; unmapped fields are listed, never dropped silently.',
  })
  @ApiConsumes('application/yaml', 'text/yaml', 'application/json')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-east-1\n',
    },
  })
  @ApiCreatedResponse({
    type: EksctlImportModel,
    headers: { ETag: { description: 'The saved design\'s revision, quoted ("1").', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(...JSON_BODY_ERRORS, [404, 'The catalog the ClusterConfig maps to does not exist.'])
  public async importEksctlConfig(
    @Body() body: unknown,
    @CallerSubject() actor: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EksctlImportModel> {
    const yaml =
      typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 1 && 'yaml' in body
        ? body.yaml
        : body;
    const outcome = await this.eksctl.importAndSave(yaml, actor);
    void reply.status(201).header('etag', `"${outcome.design.revision}"`).header('location', `/v1/designs/${outcome.design.id}`);
    return outcome;
  }

  @Get(':id/export/eksctl')
  @ApiOperation({
    operationId: 'exportEksctlConfig',
    summary: 'The design as an eksctl ClusterConfig YAML file; what it cannot hold is listed in X-Not-Exported.',
    description:
      'The YAML as `application/yaml` (a generated client reads it as text). The same answer as JSON, with the fields that were not exported, is `GET /v1/designs/{id}/export/eksctl.json` (this route still answers it for `Accept: application/json`).',
  })
  @ApiProduces('application/yaml')
  @ApiOkResponse({
    description: 'The ClusterConfig (eksctl.io/v1alpha5).',
    content: { 'application/yaml': { schema: { type: 'string' } } },
    headers: {
      'X-Not-Exported': { description: 'Comma-separated DesignSpec paths the ClusterConfig cannot hold.', schema: { type: 'string' } },
    },
  })
  @ApiErrorResponses(400, 404)
  public async exportEksctlConfig(
    @Param('id') id: string,
    @Query() query: ExportRevisionQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EksctlExportModel | string> {
    const exported = await this.eksctl.exportEksctl(id, query.revision);
    if (accept?.includes('application/json')) return exported;
    // What the ClusterConfig cannot hold is listed in a header so the YAML stays a plain, applyable file.
    void reply.type('application/yaml; charset=utf-8').header(
      'x-not-exported',
      exported.notExported
        .map((n) => n.path)
        .join(', ')
        .slice(0, 4000),
    );
    return exported.yaml;
  }

  @Get(':id/export/eksctl.json')
  @ApiOperation({
    operationId: 'exportEksctlConfigJson',
    summary: 'The design as an eksctl ClusterConfig, as JSON: {yaml, notExported} with the reason for every field left out.',
  })
  @ApiOkResponse({ type: EksctlExportModel })
  @ApiErrorResponses(400, 404)
  public exportEksctlConfigJson(@Param('id') id: string, @Query() query: ExportRevisionQuery): Promise<EksctlExportModel> {
    return this.eksctl.exportEksctl(id, query.revision);
  }

  @Get(':id/export/cni')
  @ApiOperation({
    operationId: 'exportCniConfig',
    summary: 'The aws-node environment (kubectl set env + add-on configurationValues) and ENIConfig manifests of a design.',
  })
  @ApiOkResponse({ type: CniExportResponse })
  @ApiErrorResponses(400, 404)
  public exportCniConfig(@Param('id') id: string, @Query() query: ExportRevisionQuery): Promise<CniExportResponse> {
    return this.eksctl.exportCni(id, query.revision);
  }
}
