import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
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
  type CniSettingsForCapacity,
  type SubnetUsageNodeGroup,
  type SubnetUsageRequest,
  type SubnetUsageRole,
  type WindowsWarmPoolSettings,
} from '../../../domain/capacity/capacity.types.js';
import { AmiFamilyEnum, IpFamilyEnum, LauncherEnum, NodeOsEnum, SubnetUsageRoleEnum } from '../../graphql-vocabulary.js';
import { OPTION_BOUNDS } from '../../../domain/spec/option-bounds.js';
import { IsIntegerWithin, openApiBounds } from '../../option-bounds.decorator.js';

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
export class WindowsWarmPoolInput implements WindowsWarmPoolSettings {
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.warmIpTarget))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.warmIpTarget)
  warmIpTarget?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.minimumIpTarget))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.minimumIpTarget)
  minimumIpTarget?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.warmPrefixTarget))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.warmPrefixTarget)
  warmPrefixTarget?: number;
}

@InputType('SubnetUsageCniInput')
export class SubnetUsageCniInput implements CniSettingsForCapacity {
  // The form (and length) is the capacity domain's rule: every malformed version answers INVALID_CNI_VERSION.
  @Field({ nullable: true })
  @ApiPropertyOptional({ example: '1.20.0' })
  @IsOptional()
  @IsString()
  version?: string;

  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsBoolean() prefixDelegation?: boolean;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsBoolean() customNetworking?: boolean;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsBoolean() securityGroupsForPods?: boolean;
  @Field(() => Int, { nullable: true, description: 'WARM_ENI_TARGET (default 1)' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.warmEniTarget))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.warmEniTarget)
  warmEniTarget?: number;
  @Field(() => Int, { nullable: true, description: 'WARM_IP_TARGET' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.warmIpTarget))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.warmIpTarget)
  warmIpTarget?: number;
  @Field(() => Int, { nullable: true, description: 'MINIMUM_IP_TARGET' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.minimumIpTarget))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.minimumIpTarget)
  minimumIpTarget?: number;
  @Field(() => Int, { nullable: true, description: 'WARM_PREFIX_TARGET (default 1)' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.warmPrefixTarget))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.warmPrefixTarget)
  warmPrefixTarget?: number;
  @Field(() => Int, { nullable: true, description: 'MAX_ENI' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.maxEnis))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.maxEnis)
  maxEni?: number;

  @Field(() => WindowsWarmPoolInput, { nullable: true })
  @ApiPropertyOptional({ type: WindowsWarmPoolInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => WindowsWarmPoolInput)
  windows?: WindowsWarmPoolInput;
}

@InputType('SubnetUsageNodeGroupInput')
export class SubnetUsageNodeGroupInput implements SubnetUsageNodeGroup {
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) name?: string;

  @Field({ nullable: true, description: 'Required except for FARGATE.' })
  @ApiPropertyOptional({ example: 'm5.large' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(INSTANCE_TYPE_NAME_PATTERN)
  instanceType?: string;

  @Field(() => Int) @ApiProperty(openApiBounds(OPTION_BOUNDS.nodes)) @IsIntegerWithin(OPTION_BOUNDS.nodes) nodes: number;
  @Field(() => Int, { description: 'Pods per node that need a VPC address (not hostNetwork).' })
  @ApiProperty(openApiBounds(OPTION_BOUNDS.podsPerNode))
  @IsIntegerWithin(OPTION_BOUNDS.podsPerNode)
  podsPerNode: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.podsPerNode))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.podsPerNode)
  branchPodsPerNode?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.kubeletMaxPods))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.kubeletMaxPods)
  maxPods?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.nodes))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.nodes)
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
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.kubeletMaxPods))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.kubeletMaxPods)
  kubeletMaxPods?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.podsPerCore))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.podsPerCore)
  podsPerCore?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.reservedEnis))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.reservedEnis)
  reservedEnis?: number;
  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.efaOnlyInterfaces))
  @IsOptional()
  @IsIntegerWithin(OPTION_BOUNDS.efaOnlyInterfaces)
  efaOnlyInterfaces?: number;
  @Field({ nullable: true })
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(OPTION_BOUNDS.maxPodsExpressionLength.max)
  maxPodsExpression?: string;
}

@InputType('SubnetUsageInput')
export class SubnetUsageInput implements SubnetUsageRequest {
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
