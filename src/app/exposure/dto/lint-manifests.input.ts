import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { ExposureContextInput } from './exposure-request.input.js';

/** Size limits live in the engine (MANIFEST_LIMITS: 413 past them) and the HTTP body limit; YAML syntax errors are 400 with the line. */
@InputType('LintContextInput')
export class LintContextInput extends ExposureContextInput {
  @Field({ nullable: true, description: 'The manifests as currently applied: catches changes that replace or orphan load balancers.' })
  @ApiPropertyOptional({ description: 'YAML, several documents allowed.' })
  @IsOptional()
  @IsString()
  previousManifests?: string;
}

export class LintManifestsInput {
  @ApiProperty({ description: 'YAML, several documents (e.g. `helm template` output).', example: 'apiVersion: v1\nkind: Service\n…' })
  @IsString()
  manifests: string;

  @ApiPropertyOptional({ type: LintContextInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => LintContextInput)
  context?: LintContextInput;
}
