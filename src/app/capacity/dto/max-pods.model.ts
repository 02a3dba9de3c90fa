import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IP_FAMILIES, type IpFamily } from '../../../domain/spec/design-spec.types.js';
import {
  LAUNCHERS,
  NODE_OPERATING_SYSTEMS,
  POD_ADDRESS_MODES,
  type Launcher,
  type NodeOs,
  type PodAddressMode,
} from '../../../domain/capacity/capacity.types.js';
import { IpFamilyEnum, LauncherEnum, NodeOsEnum, PodAddressModeEnum } from '../../graphql-vocabulary.js';

@ObjectType('CalculationStep', { description: 'One rule applied, the number it produced, and its source.' })
export class CalculationStepModel {
  @Field() @ApiProperty() rule: string;
  @Field(() => Float) @ApiProperty() value: number;
  @Field() @ApiProperty() source: string;
}

@ObjectType('CodedMessage')
export class CodedMessageModel {
  @Field() @ApiProperty() code: string;
  @Field() @ApiProperty() message: string;
}

@ObjectType('MaxPods')
export class MaxPodsModel {
  @Field() @ApiProperty() instanceType: string;
  @Field(() => LauncherEnum) @ApiProperty({ enum: LAUNCHERS, enumName: 'Launcher' }) launcher: Launcher;
  @Field(() => NodeOsEnum) @ApiProperty({ enum: NODE_OPERATING_SYSTEMS, enumName: 'NodeOs' }) os: NodeOs;
  @Field(() => IpFamilyEnum) @ApiProperty({ enum: IP_FAMILIES, enumName: 'IpFamily' }) ipFamily: IpFamily;
  @Field(() => Int, { description: 'What the kubelet will be told.' }) @ApiProperty({ type: 'integer' }) maxPods: number;
  @Field(() => Int, { description: 'The launcher value before any 110/250 cap.' })
  @ApiProperty({ type: 'integer' })
  uncappedMaxPods: number;
  @Field(() => Int, { nullable: true, description: 'Pods that can really get an IP (null for IPv6: one /80 per node).' })
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  ipLimitedPods: number | null;
  @Field(() => Int, { description: 'min(maxPods, ipLimitedPods).' }) @ApiProperty({ type: 'integer' }) effectivePods: number;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer', nullable: true }) cap: number | null;
  @Field() @ApiProperty() capApplied: boolean;
  @Field(() => Int, { nullable: true, description: 'Branch-ENI pods with security groups for pods.' })
  @ApiPropertyOptional({ type: 'integer', nullable: true })
  branchEniPods: number | null;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer', nullable: true }) kubeReservedMemoryMiB: number | null;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer', nullable: true }) kubeReservedCpuMillicores: number | null;
  @Field(() => PodAddressModeEnum) @ApiProperty({ enum: POD_ADDRESS_MODES, enumName: 'PodAddressMode' }) podAddressMode: PodAddressMode;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) podEnis: number;
  @Field(() => [CalculationStepModel]) @ApiProperty({ type: [CalculationStepModel] }) steps: CalculationStepModel[];
  @Field(() => [CodedMessageModel]) @ApiProperty({ type: [CodedMessageModel] }) warnings: CodedMessageModel[];
}

@ObjectType('MaxPodsTableSkip')
export class MaxPodsTableSkipModel {
  @Field() @ApiProperty() instanceType: string;
  @Field() @ApiProperty() code: string;
  @Field() @ApiProperty() message: string;
}

@ObjectType('MaxPodsTable')
export class MaxPodsTableModel {
  @Field(() => [MaxPodsModel]) @ApiProperty({ type: [MaxPodsModel] }) items: MaxPodsModel[];
  @Field(() => [MaxPodsTableSkipModel], { description: 'Types the option combination cannot run on, with the rule code.' })
  @ApiProperty({ type: [MaxPodsTableSkipModel] })
  skipped: MaxPodsTableSkipModel[];
}
