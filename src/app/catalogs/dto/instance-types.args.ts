import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../platform/pagination/cursor.js';
import { CATALOG_NAME_PATTERN } from './create-catalog.input.js';
import { InstanceTypeFilter } from './list-instance-types.query.js';

@ArgsType()
export class InstanceTypesArgs {
  @Field({ defaultValue: 'aws' })
  @IsString()
  @Matches(CATALOG_NAME_PATTERN)
  catalog: string = 'aws';

  @Field(() => InstanceTypeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstanceTypeFilter)
  filter?: InstanceTypeFilter;

  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default 100).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({ nullable: true, description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string;
}
