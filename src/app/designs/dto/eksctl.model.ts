import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { DesignModel } from './design.model.js';

@ObjectType('EksctlUnsupportedField', { description: 'A ClusterConfig field the import did not carry into the design.' })
export class EksctlUnsupportedFieldModel {
  @Field() @ApiProperty({ example: 'managedNodeGroups[0].labels' }) path: string;
  @Field() @ApiProperty() message: string;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer' }) line?: number;
}

@ObjectType('EksctlImportWarning')
export class EksctlImportWarningModel {
  @Field() @ApiProperty() code: string;
  @Field() @ApiProperty() message: string;
  @Field({ nullable: true }) @ApiPropertyOptional() path?: string;
}

@ObjectType('EksctlImport')
export class EksctlImportModel {
  @Field(() => DesignModel) @ApiProperty({ type: DesignModel }) design: DesignModel;
  @Field(() => [EksctlUnsupportedFieldModel])
  @ApiProperty({ type: [EksctlUnsupportedFieldModel] })
  unsupported: EksctlUnsupportedFieldModel[];
  @Field(() => [EksctlImportWarningModel]) @ApiProperty({ type: [EksctlImportWarningModel] }) warnings: EksctlImportWarningModel[];
}

@ObjectType('EksctlNotExportedField', { description: 'A DesignSpec field a ClusterConfig cannot hold.' })
export class EksctlNotExportedFieldModel {
  @Field() @ApiProperty({ example: 'workloads' }) path: string;
  @Field() @ApiProperty() reason: string;
}

@ObjectType('EksctlExport')
export class EksctlExportModel {
  @Field({ description: 'The ClusterConfig (eksctl.io/v1alpha5) as YAML.' }) @ApiProperty() yaml: string;
  @Field(() => [EksctlNotExportedFieldModel])
  @ApiProperty({ type: [EksctlNotExportedFieldModel] })
  notExported: EksctlNotExportedFieldModel[];
}

@ObjectType('CniEnvVar')
export class CniEnvVarModel {
  @Field() @ApiProperty() name: string;
  @Field() @ApiProperty() value: string;
}

export class CniExportResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { ENABLE_PREFIX_DELEGATION: 'true' } }) env: Record<
    string,
    string
  >;
  @ApiProperty({ example: 'kubectl set env daemonset aws-node -n kube-system ENABLE_PREFIX_DELEGATION=true' }) setEnvCommand: string;
  @ApiProperty({ description: 'The EKS add-on configurationValues JSON.' }) configurationValues: string;
  @ApiProperty({ description: 'ENIConfig manifests (custom networking) as YAML, or empty.' }) eniConfigs: string;
}

@ObjectType('CniExport')
export class CniExportModel {
  @Field(() => [CniEnvVarModel], { description: 'The aws-node environment (a list: GraphQL has no map type).' }) env: CniEnvVarModel[];
  @Field() setEnvCommand: string;
  @Field() configurationValues: string;
  @Field() eniConfigs: string;
}

export class ExportRevisionQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'A past revision; the latest when absent.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  revision?: number;
}
