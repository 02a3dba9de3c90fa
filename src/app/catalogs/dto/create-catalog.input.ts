import { Field, InputType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { InstanceTypeModel } from './instance-type.model.js';

export const CATALOG_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

@InputType('CreateCatalogInput')
export class CreateCatalogInput {
  @Field()
  @ApiProperty({ example: 'team-payments', pattern: CATALOG_NAME_PATTERN.source })
  @IsString()
  @Matches(CATALOG_NAME_PATTERN, { message: 'name must be lower-case letters, digits and dashes (max 63)' })
  name: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @Field(() => [InstanceTypeModel])
  @ApiProperty({ type: [InstanceTypeModel] })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => InstanceTypeModel)
  instanceTypes: InstanceTypeModel[];
}
