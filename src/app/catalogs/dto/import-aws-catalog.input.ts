import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { JsonScalar } from '../../../platform/graphql/json.scalar.js';
import { AwsImportWarningModel } from '../../designs/dto/aws-import.model.js';
import { CatalogModel } from './catalog.model.js';
import { CATALOG_NAME_PATTERN } from './create-catalog.input.js';

@InputType('ImportAwsCatalogInput')
export class ImportAwsCatalogInput {
  @Field()
  @ApiProperty({ example: 'eu-west-1-types', pattern: CATALOG_NAME_PATTERN.source })
  @IsString()
  @Matches(CATALOG_NAME_PATTERN, { message: 'name must be lower-case letters, digits and dashes (max 63)' })
  name: string;

  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  /** Read by the domain import (with JSON paths), so the DTO pipe only lets it through. */
  @Field(() => JsonScalar, { description: 'The output of `aws ec2 describe-instance-types --output json`, verbatim.' })
  @ApiProperty({ type: 'object', additionalProperties: true, example: { InstanceTypes: [] } })
  @Allow()
  instanceTypes: unknown;
}

@ObjectType('AwsCatalogImport')
export class AwsCatalogImportModel {
  @Field(() => CatalogModel) @ApiProperty({ type: CatalogModel }) catalog: CatalogModel;
  @Field(() => [AwsImportWarningModel]) @ApiProperty({ type: [AwsImportWarningModel] }) warnings: AwsImportWarningModel[];
}
