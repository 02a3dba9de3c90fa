import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CATALOG_NAME_PATTERN } from '../../catalogs/dto/create-catalog.input.js';
import { INSTANCE_TYPE_NAME_PATTERN } from '../../catalogs/dto/instance-type.model.js';
import { parseBooleanQuery } from '../../catalogs/dto/list-instance-types.query.js';
import { AMI_FAMILIES, IP_FAMILIES, type AmiFamily, type IpFamily } from '../../../domain/spec/design-spec.types.js';
import {
  LAUNCHERS,
  NODE_OPERATING_SYSTEMS,
  type Launcher,
  type MaxPodsOptions,
  type MaxPodsQuery,
  type MaxPodsTableQuery,
  type NodeOs,
} from '../../../domain/capacity/capacity.types.js';
import { OPTION_BOUNDS } from '../../../domain/spec/option-bounds.js';
import { IsIntegerWithin, openApiBounds } from '../../option-bounds.decorator.js';
import { AmiFamilyEnum, IpFamilyEnum, LauncherEnum, NodeOsEnum } from '../../graphql-vocabulary.js';

/** Options shared by one instance type and the whole-catalog table (query string in REST, input in GraphQL). */
@InputType('MaxPodsOptionsInput')
export class MaxPodsOptionsInput implements MaxPodsOptions {
  @Field({ nullable: true, defaultValue: 'aws' })
  @ApiPropertyOptional({ default: 'aws' })
  @IsOptional()
  @IsString()
  @Matches(CATALOG_NAME_PATTERN)
  catalog?: string;

  @Field(() => LauncherEnum, { nullable: true })
  @ApiPropertyOptional({ enum: LAUNCHERS, enumName: 'Launcher', default: 'CALCULATOR' })
  @IsOptional()
  @IsIn(LAUNCHERS)
  launcher?: Launcher;

  @Field(() => NodeOsEnum, { nullable: true })
  @ApiPropertyOptional({ enum: NODE_OPERATING_SYSTEMS, enumName: 'NodeOs', default: 'LINUX' })
  @IsOptional()
  @IsIn(NODE_OPERATING_SYSTEMS)
  os?: NodeOs;

  @Field(() => IpFamilyEnum, { nullable: true })
  @ApiPropertyOptional({ enum: IP_FAMILIES, enumName: 'IpFamily', default: 'IPV4' })
  @IsOptional()
  @IsIn(IP_FAMILIES)
  ipFamily?: IpFamily;

  @Field({ nullable: true })
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(parseBooleanQuery)
  @IsBoolean()
  prefixDelegation?: boolean;

  @Field({ nullable: true })
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(parseBooleanQuery)
  @IsBoolean()
  customNetworking?: boolean;

  @Field({ nullable: true })
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(parseBooleanQuery)
  @IsBoolean()
  securityGroupsForPods?: boolean;

  @Field({ nullable: true, description: 'max-pods-calculator.sh --show-max-allowed: no 110/250 cap.' })
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(parseBooleanQuery)
  @IsBoolean()
  showMaxAllowed?: boolean;

  // The form is checked by the capacity domain (parseCniVersion), so every malformed version answers INVALID_CNI_VERSION.
  @Field({
    nullable: true,
    description:
      'Amazon VPC CNI version: 1.20.0, 1.9 (read as 1.9.0, as max-pods-calculator.sh does) or v1.18.3-eksbuild.1 (default 1.20.0).',
  })
  @ApiPropertyOptional({ example: '1.20.0' })
  @IsOptional()
  @IsString()
  cniVersion?: string;

  @Field(() => Int, { nullable: true, description: '--cni-max-eni / MAX_ENI' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.maxEnis))
  @IsOptional()
  @Type(() => Number)
  @IsIntegerWithin(OPTION_BOUNDS.maxEnis)
  maxEnis?: number;

  @Field(() => Int, { nullable: true, description: 'kubelet maxPods set explicitly (launch template, NodeConfig, EC2NodeClass).' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.kubeletMaxPods))
  @IsOptional()
  @Type(() => Number)
  @IsIntegerWithin(OPTION_BOUNDS.kubeletMaxPods)
  kubeletMaxPods?: number;

  @Field(() => Int, { nullable: true, description: 'Karpenter spec.kubelet.podsPerCore' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.podsPerCore))
  @IsOptional()
  @Type(() => Number)
  @IsIntegerWithin(OPTION_BOUNDS.podsPerCore)
  podsPerCore?: number;

  @Field(() => Int, { nullable: true, description: 'Karpenter RESERVED_ENIS' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.reservedEnis))
  @IsOptional()
  @Type(() => Number)
  @IsIntegerWithin(OPTION_BOUNDS.reservedEnis)
  reservedEnis?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Karpenter EC2NodeClass networkInterfaces with interfaceType efa-only on network card 0: each takes an ENI from the pods.',
  })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.efaOnlyInterfaces))
  @IsOptional()
  @Type(() => Number)
  @IsIntegerWithin(OPTION_BOUNDS.efaOnlyInterfaces)
  efaOnlyInterfaces?: number;

  @Field({ nullable: true, description: 'nodeadm maxPodsExpression (CEL over default_enis, ips_per_eni, max_pods).' })
  @ApiPropertyOptional({ example: '((default_enis - 1) * (ips_per_eni - 1)) + 2' })
  @IsOptional()
  @IsString()
  @MaxLength(OPTION_BOUNDS.maxPodsExpressionLength.max)
  maxPodsExpression?: string;

  @Field(() => AmiFamilyEnum, { nullable: true })
  @ApiPropertyOptional({ enum: AMI_FAMILIES, enumName: 'AmiFamily' })
  @IsOptional()
  @IsIn(AMI_FAMILIES)
  amiFamily?: AmiFamily;
}

@InputType('MaxPodsInput')
export class MaxPodsInput extends MaxPodsOptionsInput implements MaxPodsQuery {
  @Field()
  @ApiProperty({ example: 'm5.large' })
  @IsString()
  @MaxLength(64)
  @Matches(INSTANCE_TYPE_NAME_PATTERN, { message: 'instanceType must look like an EC2 instance type, e.g. m5.large' })
  instanceType: string;
}

@InputType('MaxPodsTableInput')
export class MaxPodsTableInput extends MaxPodsOptionsInput implements MaxPodsTableQuery {
  @Field({ nullable: true })
  @ApiPropertyOptional({ example: 'm5' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/)
  family?: string;

  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(4096)
  minVcpu?: number;
}
