import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IP_FAMILIES, type IpFamily } from '../../../domain/spec/design-spec.types.js';
import {
  LAUNCHERS,
  NODE_OPERATING_SYSTEMS,
  POD_ADDRESS_MODES,
  SUBNET_USAGE_ROLES,
  type Launcher,
  type NodeOs,
  type PodAddressMode,
  type SubnetUsageRole,
  type SubnetUsageUnit,
} from '../../../domain/capacity/capacity.types.js';
import { CalculationStepModel, CodedMessageModel } from './max-pods.model.js';
import {
  IpFamilyEnum,
  LauncherEnum,
  NodeOsEnum,
  PodAddressModeEnum,
  SubnetUsageRoleEnum,
  SubnetUsageUnitEnum,
} from '../../graphql-vocabulary.js';

@ObjectType('SubnetUsageSubnet')
export class SubnetUsageSubnetModel {
  @Field() @ApiProperty() cidr: string;
  @Field(() => Int) @ApiProperty({ type: 'integer', enum: [4, 6] }) ipVersion: 4 | 6;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) prefixLength: number;
  @Field(() => SubnetUsageRoleEnum) @ApiProperty({ enum: SUBNET_USAGE_ROLES, enumName: 'SubnetUsageRole' }) role: SubnetUsageRole;
}

@ObjectType('PrefixBlockUsage', { description: 'Aligned /28 blocks for prefix delegation (fragmentation risk).' })
export class PrefixBlockUsageModel {
  @Field(() => Int) @ApiProperty({ type: 'integer' }) alignedBlocks: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) assignableBlocks: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) neededBlocks: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) individualIps: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) bestCaseAvailableBlocks: number;
}

@ObjectType('SubnetUsageNodeGroup')
export class SubnetUsageNodeGroupModel {
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) instanceType: string | null;
  @Field(() => LauncherEnum) @ApiProperty({ enum: LAUNCHERS, enumName: 'Launcher' }) launcher: Launcher;
  @Field(() => NodeOsEnum) @ApiProperty({ enum: NODE_OPERATING_SYSTEMS, enumName: 'NodeOs' }) os: NodeOs;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) nodes: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) surgeNodes: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) podsPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) branchPodsPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) maxPods: number;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer', nullable: true }) ipLimitedPods: number | null;
  @Field(() => PodAddressModeEnum) @ApiProperty({ enum: POD_ADDRESS_MODES, enumName: 'PodAddressMode' }) podAddressMode: PodAddressMode;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) ipsPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) enisPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) prefixesPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) secondaryIpsPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) warmIpsPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) maxIpsPerNode: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) totalIps: number;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer', nullable: true }) maxNodes: number | null;
  @Field(() => [CalculationStepModel]) @ApiProperty({ type: [CalculationStepModel] }) steps: CalculationStepModel[];
}

/** Counts are Float in GraphQL: an IPv6 subnet counted in /80 blocks can exceed 32-bit integers. */
@ObjectType('SubnetUsage')
export class SubnetUsageModel {
  @Field(() => SubnetUsageSubnetModel) @ApiProperty({ type: SubnetUsageSubnetModel }) subnet: SubnetUsageSubnetModel;
  @Field(() => IpFamilyEnum) @ApiProperty({ enum: IP_FAMILIES, enumName: 'IpFamily' }) ipFamily: IpFamily;
  @Field(() => SubnetUsageUnitEnum) @ApiProperty({ enum: ['IP_ADDRESS', 'PREFIX_80'], enumName: 'SubnetUsageUnit' }) unit: SubnetUsageUnit;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) totalIps: number;
  @Field(() => Int) @ApiProperty({ type: 'integer', example: 5 }) awsReservedIps: 5;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) awsReservedUnits: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) usableIps: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) usedIps: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) freeIps: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) shortfallIps: number;
  @Field() @ApiProperty() fits: boolean;
  @Field(() => Float, { nullable: true }) @ApiPropertyOptional({ type: 'integer', nullable: true }) maxNodes: number | null;
  @Field(() => [Float], { nullable: true }) @ApiPropertyOptional({ type: 'integer', isArray: true, nullable: true }) maxNodesByGroup:
    number[] | null;
  @Field(() => PrefixBlockUsageModel, { nullable: true })
  @ApiPropertyOptional({ type: PrefixBlockUsageModel, nullable: true })
  prefixBlocks: PrefixBlockUsageModel | null;
  @Field(() => [SubnetUsageNodeGroupModel]) @ApiProperty({ type: [SubnetUsageNodeGroupModel] }) perNodeGroup: SubnetUsageNodeGroupModel[];
  @Field(() => [CodedMessageModel]) @ApiProperty({ type: [CodedMessageModel] }) warnings: CodedMessageModel[];
}
