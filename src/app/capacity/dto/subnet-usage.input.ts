import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CATALOG_NAME_PATTERN } from '../../catalogs/dto/create-catalog.input.js';
import { INSTANCE_TYPE_NAME_PATTERN } from '../../catalogs/dto/instance-type.model.js';
import { AMI_FAMILIES, IP_FAMILIES, type AmiFamily, type IpFamily } from '../../../domain/spec/design-spec.types.js';
import {
  LAUNCHERS,
  NODE_OPERATING_SYSTEMS,
  SUBNET_USAGE_ROLES,
  type Launcher,
  type NodeOs,
  type SubnetUsageRole,
} from '../../../domain/capacity/capacity.types.js';
import { AmiFamilyEnum, IpFamilyEnum, LauncherEnum, NodeOsEnum, SubnetUsageRoleEnum } from '../../graphql-vocabulary.js';

const MAX_COUNT = 100_000;

@InputType('SubnetUsageSubnetInput')
export class SubnetUsageSubnetInput {
  @Field()
  @ApiProperty({ example: '10.0.0.0/24' })
  @IsString()
  @MaxLength(64)
  cidr: string;

  @Field(() => SubnetUsageRoleEnum, { nullable: true })
  @ApiPropertyOptional({ enum: SUBNET_USAGE_ROLES, enumName: 'SubnetUsageRole' })
  @IsOptional()
  @IsIn(SUBNET_USAGE_ROLES)
  role?: SubnetUsageRole;
}

@InputType('WindowsWarmPoolInput')
export class WindowsWarmPoolInput {
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  warmIpTarget?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  minimumIpTarget?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  warmPrefixTarget?: number;
}

@InputType('SubnetUsageCniInput')
export class SubnetUsageCniInput {
  @Field({ nullable: true })
  @ApiPropertyOptional({ example: '1.20.0' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  version?: string;

  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsBoolean() prefixDelegation?: boolean;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsBoolean() customNetworking?: boolean;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsBoolean() securityGroupsForPods?: boolean;
  @Field(() => Int, { nullable: true, description: 'WARM_ENI_TARGET (default 1)' })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(128)
  warmEniTarget?: number;
  @Field(() => Int, { nullable: true, description: 'WARM_IP_TARGET' })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  warmIpTarget?: number;
  @Field(() => Int, { nullable: true, description: 'MINIMUM_IP_TARGET' })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  minimumIpTarget?: number;
  @Field(() => Int, { nullable: true, description: 'WARM_PREFIX_TARGET (default 1)' })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  warmPrefixTarget?: number;
  @Field(() => Int, { nullable: true, description: 'MAX_ENI' })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(128)
  maxEni?: number;

  @Field(() => WindowsWarmPoolInput, { nullable: true })
  @ApiPropertyOptional({ type: WindowsWarmPoolInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowsWarmPoolInput)
  windows?: WindowsWarmPoolInput;
}

@InputType('SubnetUsageNodeGroupInput')
export class SubnetUsageNodeGroupInput {
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) name?: string;

  @Field({ nullable: true, description: 'Required except for FARGATE.' })
  @ApiPropertyOptional({ example: 'm5.large' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(INSTANCE_TYPE_NAME_PATTERN)
  instanceType?: string;

  @Field(() => Int) @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_COUNT }) @IsInt() @Min(0) @Max(MAX_COUNT) nodes: number;
  @Field(() => Int, { description: 'Pods per node that need a VPC address (not hostNetwork).' })
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10000 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  podsPerNode: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  branchPodsPerNode?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxPods?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  surgeNodes?: number;
  @Field(() => LauncherEnum, { nullable: true })
  @ApiPropertyOptional({ enum: LAUNCHERS, enumName: 'Launcher' })
  @IsOptional()
  @IsIn(LAUNCHERS)
  launcher?: Launcher;
  @Field(() => NodeOsEnum, { nullable: true })
  @ApiPropertyOptional({ enum: NODE_OPERATING_SYSTEMS, enumName: 'NodeOs' })
  @IsOptional()
  @IsIn(NODE_OPERATING_SYSTEMS)
  os?: NodeOs;
  @Field(() => AmiFamilyEnum, { nullable: true })
  @ApiPropertyOptional({ enum: AMI_FAMILIES, enumName: 'AmiFamily' })
  @IsOptional()
  @IsIn(AMI_FAMILIES)
  amiFamily?: AmiFamily;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  kubeletMaxPods?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  podsPerCore?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(128)
  reservedEnis?: number;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) maxPodsExpression?: string;
}

@InputType('SubnetUsageInput')
export class SubnetUsageInput {
  @Field({ nullable: true, defaultValue: 'aws' })
  @ApiPropertyOptional({ default: 'aws' })
  @IsOptional()
  @IsString()
  @Matches(CATALOG_NAME_PATTERN)
  catalog?: string;

  @Field(() => SubnetUsageSubnetInput)
  @ApiProperty({ type: SubnetUsageSubnetInput })
  @ValidateNested()
  @Type(() => SubnetUsageSubnetInput)
  subnet: SubnetUsageSubnetInput;

  @Field(() => IpFamilyEnum, { nullable: true })
  @ApiPropertyOptional({ enum: IP_FAMILIES, enumName: 'IpFamily' })
  @IsOptional()
  @IsIn(IP_FAMILIES)
  ipFamily?: IpFamily;

  @Field(() => SubnetUsageCniInput, { nullable: true })
  @ApiPropertyOptional({ type: SubnetUsageCniInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => SubnetUsageCniInput)
  cni?: SubnetUsageCniInput;

  @Field(() => [SubnetUsageNodeGroupInput])
  @ApiProperty({ type: [SubnetUsageNodeGroupInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => SubnetUsageNodeGroupInput)
  nodeGroups: SubnetUsageNodeGroupInput[];
}
