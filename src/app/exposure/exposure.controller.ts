import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { RequireScope } from '../../platform/auth/scopes.js';
import { ValidationFailedError } from '../../domain/errors/planning-error.js';
import { strictValidationPipe } from '../../platform/validation/strict-validation.pipe.js';
import { ExposureRecommendationModel } from './dto/exposure-recommendation.model.js';
import { ExposureRequestInput } from './dto/exposure-request.input.js';
import { LintManifestsInput } from './dto/lint-manifests.input.js';
import { LintResultModel } from './dto/lint-result.model.js';
import { ExposureService } from './exposure.service.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';

/** The lint body is either JSON (validated here with the global pipe's rules) or the YAML itself. */
const lintBodyPipe = strictValidationPipe();

@ApiTags('exposure')
@ApiBearerAuth()
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ path: 'exposure', version: '1' })
export class ExposureController {
  public constructor(private readonly exposure: ExposureService) {}

  @Post('recommend')
  @HttpCode(200)
  @RequireScope('read')
  @ApiOperation({
    operationId: 'recommendExposure',
    summary:
      'How to expose a workload: Service/Ingress kind, controller, target type, client-IP path, annotations and ready-to-apply manifests, with the rules that decided.',
  })
  @ApiBody({ type: ExposureRequestInput })
  @ApiOkResponse({ type: ExposureRecommendationModel })
  @ApiErrorResponses(...JSON_BODY_ERRORS)
  public recommendExposure(@Body() input: ExposureRequestInput): ExposureRecommendationModel {
    return this.exposure.recommend(input);
  }

  @Post('lint')
  @HttpCode(200)
  @RequireScope('read')
  @ApiExtraModels(LintManifestsInput)
  @ApiOperation({
    operationId: 'lintManifests',
    summary:
      'Lint Service / Ingress manifests (several YAML documents, e.g. `helm template` output) for annotation typos, invalid values and load-balancer pitfalls.',
    description:
      'Send `{"manifests": "<YAML>", "context": {…}}` as JSON, or the YAML itself with Content-Type application/yaml or text/yaml. Malformed YAML is 400 MALFORMED_YAML naming the line; too much YAML is 413.',
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(LintManifestsInput) } },
        'application/yaml': { schema: { type: 'string' } },
        'text/yaml': { schema: { type: 'string' } },
      },
    },
  })
  @ApiOkResponse({ type: LintResultModel })
  @ApiErrorResponses(...JSON_BODY_ERRORS)
  public async lintManifests(@Body() body: unknown): Promise<LintResultModel> {
    if (typeof body === 'string') return this.exposure.lint(body);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ValidationFailedError([
        { path: '', message: 'send {"manifests": "<YAML>"} as JSON, or the YAML itself as application/yaml' },
      ]);
    }
    const input = (await lintBodyPipe.transform(body, { type: 'body', metatype: LintManifestsInput })) as LintManifestsInput;
    return this.exposure.lint(input.manifests, input.context);
  }
}
