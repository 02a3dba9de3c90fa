import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AWS_BUNDLE_KEYS } from '../../domain/aws-import/index.js';
import { CallerSubject } from '../../platform/auth/principal.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';
import { AwsImportService } from './aws-import.service.js';
import { AwsImportModel } from './dto/aws-import.model.js';

const BUNDLE_PROPERTIES = Object.fromEntries(
  Object.entries(AWS_BUNDLE_KEYS)
    .filter(([key]) => key !== 'instanceTypes')
    .map(([key, { command }]) => [key, { description: `The output of \`${command}\`, verbatim (or that JSON as text).` }]),
);

@ApiTags('designs')
@ApiBearerAuth()
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ path: 'designs', version: '1' })
export class AwsImportController {
  public constructor(private readonly aws: AwsImportService) {}

  @Post('import/aws')
  @ApiOperation({
    operationId: 'importAwsBundle',
    summary:
      'Import what exists in AWS from the AWS CLI’s own JSON (offline) and save it as a design keeping every AWS ID and the observed free addresses; vpcs and subnets are required.',
  })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['vpcs', 'subnets'],
      properties: {
        ...BUNDLE_PROPERTIES,
        vpcId: { type: 'string', description: 'Required only when vpcs holds several VPCs.' },
        name: { type: 'string', description: 'The design name (default: the cluster name, else the VPC Name tag).' },
        observedAt: { type: 'string', description: 'When the files were dumped (ISO 8601); default: now.' },
      },
      example: { vpcs: { Vpcs: [] }, subnets: { Subnets: [] } },
    },
  })
  @ApiCreatedResponse({ type: AwsImportModel })
  @ApiErrorResponses(...JSON_BODY_ERRORS)
  public async importAwsBundle(
    @Body() body: unknown,
    @CallerSubject() actor: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AwsImportModel> {
    const outcome = await this.aws.importAndSave(body, actor);
    void reply.status(201).header('etag', `"${outcome.design.revision}"`).header('location', `/v1/designs/${outcome.design.id}`);
    return outcome;
  }
}
