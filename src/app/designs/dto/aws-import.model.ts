import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AWS_IMPORT_WARNING_CODES } from '../../../domain/aws-import/index.js';
import { DesignModel } from './design.model.js';

@ObjectType('AwsImportUnsupported', { description: 'An AWS field the import did not carry into the design.' })
export class AwsUnsupportedModel {
  @Field({ description: 'Bundle key and JSON path.' }) @ApiProperty({ example: 'nodegroups[0].nodegroup.labels' }) path: string;
  @Field() @ApiProperty() message: string;
}

@ObjectType('AwsImportWarning', { description: 'An inference (naming the AWS field it came from) or a resource left out.' })
export class AwsImportWarningModel {
  @Field() @ApiProperty({ enum: Object.keys(AWS_IMPORT_WARNING_CODES) }) code: string;
  @Field() @ApiProperty() message: string;
  @Field({ nullable: true }) @ApiPropertyOptional({ example: 'routeTables.RouteTables[3].Routes[2].NatGatewayId' }) path?: string;
}

@ObjectType('AwsImport')
export class AwsImportModel {
  @Field(() => DesignModel) @ApiProperty({ type: DesignModel }) design: DesignModel;
  @Field(() => [AwsUnsupportedModel]) @ApiProperty({ type: [AwsUnsupportedModel] }) unsupported: AwsUnsupportedModel[];
  @Field(() => [AwsImportWarningModel]) @ApiProperty({ type: [AwsImportWarningModel] }) warnings: AwsImportWarningModel[];
}
