/**
 * The documented error body (`{"error":{"code","message","details"},"requestId"}`, written by AllExceptionsFilter) as
 * one OpenAPI schema, `Error`, and the decorator every controller uses to declare each status an operation can answer
 * with it. A generated client then types `error` for every call (openapi-fetch: `error.error.code`).
 *
 * Usage: the statuses every route of a controller shares on the class (`@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)`),
 * the ones an operation adds on the method (`@ApiErrorResponses(...JSON_BODY_ERRORS, 404, 409)`). An entry may be
 * `[status, description]` to say why this operation answers it. test/contracts checks every operation declares the
 * statuses its shape implies (a body, a path parameter, a bearer token).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';

@ApiSchema({ name: 'ErrorDetail' })
export class ErrorDetailModel {
  @ApiProperty({ description: 'Where in the input the problem is, e.g. `subnets[2].cidr`; empty for the input as a whole.' })
  path: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ description: 'A finer code for this detail when it has its own rule.' })
  code?: string;
}

@ApiSchema({ name: 'ErrorBody' })
export class ErrorBodyModel {
  @ApiProperty({
    description: 'The typed error code (README, "Error codes"); its HTTP status is always its kind\'s.',
    example: 'REVISION_CONFLICT',
  })
  code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: [ErrorDetailModel] })
  details?: ErrorDetailModel[];
}

@ApiSchema({
  name: 'Error',
  description: 'Every error answer: the typed code, a message, per-path details, and the request id the logs carry.',
})
export class ErrorResponseModel {
  @ApiProperty({ type: ErrorBodyModel }) error: ErrorBodyModel;
  @ApiProperty({ description: 'Echoes x-request-id, or a generated UUID.' }) requestId: string;
}

export type ApiErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 428 | 429 | 503;

const DEFAULT_DESCRIPTIONS: { readonly [S in ApiErrorStatus]: string } = {
  400: 'Invalid input: the code names the rule, `details` the paths.',
  401: 'No valid bearer token (a static API token or a JWT).',
  403: 'The token lacks the scope this operation needs.',
  404: 'No such resource.',
  409: 'Conflicts with the stored state.',
  412: 'If-Match names a revision that is no longer the latest (REVISION_CONFLICT): re-read and retry.',
  413: 'The body is larger than BODY_LIMIT_BYTES (the message names the limit), or holds more than the route accepts.',
  415: 'Unsupported Content-Type (the message says which ones the route reads).',
  428: 'If-Match is required (REVISION_REQUIRED).',
  429: 'Over RATE_LIMIT_PER_MINUTE; retry after the Retry-After seconds.',
  503: 'The design store is unreachable or the service is shutting down; retry after the Retry-After seconds.',
};

/** 401, 403, 429 and 503: what any authenticated operation can answer before or besides its own logic. */
export const AUTHENTICATED_ROUTE_ERRORS = [401, 403, 429, 503] as const satisfies readonly ApiErrorStatus[];
/** 400, 413, 415: what any operation reading a JSON (or YAML) body can answer. */
export const JSON_BODY_ERRORS = [400, 413, 415] as const satisfies readonly ApiErrorStatus[];

export function ApiErrorResponses(...entries: (ApiErrorStatus | readonly [ApiErrorStatus, string])[]): MethodDecorator & ClassDecorator {
  const schema = { $ref: getSchemaPath(ErrorResponseModel) };
  return applyDecorators(
    ApiExtraModels(ErrorResponseModel),
    ...entries.map((entry) => {
      const [status, description] = typeof entry === 'number' ? [entry, DEFAULT_DESCRIPTIONS[entry]] : entry;
      return ApiResponse({ status, description, content: { 'application/json': { schema } } });
    }),
  );
}
