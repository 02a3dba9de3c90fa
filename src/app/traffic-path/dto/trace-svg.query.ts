import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, IsOptional } from 'class-validator';
import { ValidationFailedError, type ErrorDetail } from '../../../domain/errors/planning-error.js';
import { strictValidationPipe } from '../../../platform/validation/strict-validation.pipe.js';
import { FlowInput } from './trace-path.input.js';

/** A flow as JSON fits easily; the limit keeps URLs within what proxies pass on. */
export const FLOW_QUERY_MAX_CHARS = 4096;

export class TraceSvgQuery {
  @ApiProperty({ format: 'uuid' })
  @MaxLength(100)
  @IsString()
  designId: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'A revision of the saved design (default: the latest).' })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(2_147_483_647)
  @IsInt()
  revision?: number;

  @ApiProperty({
    description: 'The flow as URL-encoded JSON, the same object as `flow` of POST /v1/paths/trace.',
    example: '{"from":{"kind":"POD","workload":"web"},"to":{"kind":"INTERNET","ip":"8.8.8.8"},"protocol":"TCP","port":443}',
    maxLength: FLOW_QUERY_MAX_CHARS,
  })
  @MaxLength(FLOW_QUERY_MAX_CHARS)
  @IsString()
  flow: string;
}

const flowPipe = strictValidationPipe();

/** Parses and validates the `flow` query parameter exactly like the `flow` of a POST body, paths included. */
export async function parseFlowQuery(text: string): Promise<FlowInput> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ValidationFailedError([
      { path: 'flow', message: `must be URL-encoded JSON: ${(error as Error).message}`, code: 'MALFORMED_JSON' },
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationFailedError([{ path: 'flow', message: 'must be a JSON object with from, to, protocol and port' }]);
  }
  try {
    return (await flowPipe.transform(parsed, { type: 'query', metatype: FlowInput })) as FlowInput;
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const details: ErrorDetail[] = error.details.map((detail) => ({ ...detail, path: detail.path ? `flow.${detail.path}` : 'flow' }));
    throw new ValidationFailedError(details);
  }
}
