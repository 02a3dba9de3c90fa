import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../platform/pagination/cursor.js';
import { HYPERVISORS, type Hypervisor } from '../../../domain/catalog/instance-type.js';
import { HypervisorEnum } from '../../graphql-vocabulary.js';

/** Query strings arrive as text: `true`/`false` only, anything else stays as-is and fails @IsBoolean. */
export const parseBooleanQuery = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

@InputType('InstanceTypeFilter')
export class InstanceTypeFilter {
  @Field({ nullable: true })
  @ApiPropertyOptional({ example: 'm5' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/, { message: 'family must look like m5, c7gn, u-6tb1' })
  family?: string;

  @Field(() => HypervisorEnum, { nullable: true })
  @ApiPropertyOptional({ enum: HYPERVISORS, enumName: 'Hypervisor' })
  @IsOptional()
  @IsIn(HYPERVISORS)
  hypervisor?: Hypervisor;

  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(4096)
  minVcpu?: number;

  @Field({ nullable: true, description: 'Only types that support (or not) a trunk ENI for security groups for pods.' })
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(parseBooleanQuery)
  @IsBoolean()
  trunking?: boolean;
}

export class ListInstanceTypesQuery extends InstanceTypeFilter {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}
