/**
 * Request-DTO side of OPTION_BOUNDS: the class-validator checks and the OpenAPI minimum/maximum of a bounded option,
 * read from the domain's one declaration so REST, GraphQL, the CLI and the engines accept the same values.
 */
import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, type ValidationOptions } from 'class-validator';
import type { IntegerBounds } from '../domain/spec/option-bounds.js';

/** `@IsInt() @Min(min) @Max(max)` for the option's bounds. */
export function IsIntegerWithin(bounds: IntegerBounds, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(IsInt(options), Min(bounds.min, options), Max(bounds.max, options));
}

/** `{ type: 'integer', minimum, maximum }` for @ApiProperty / @ApiPropertyOptional. */
export function openApiBounds(bounds: IntegerBounds): { type: 'integer'; minimum: number; maximum: number } {
  return { type: 'integer', minimum: bounds.min, maximum: bounds.max };
}
