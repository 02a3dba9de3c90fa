/** GET /v1/designs/{id}/diff and GraphQL `designDiff`: the spec changes between two revisions and how the plan moved. */
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { Finding } from '../../../domain/findings/finding.js';
import { JsonScalar } from '../../../platform/graphql/json.scalar.js';
import {
  SPEC_CHANGE_KINDS,
  type FindingChange,
  type JsonValue,
  type NumberMove,
  type PlanDiff,
  type SpecChange,
  type SpecChangeKind,
} from '../../../domain/plan/plan.types.js';
import { FindingModel } from './plan.model.js';
import { SpecChangeKindEnum } from '../../graphql-vocabulary.js';

/** Any JSON value in OpenAPI 3.0 terms (an empty schema would say nothing about null). */
const anyJson = (example: unknown): ApiPropertyOptions => ({
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object' }],
  example,
});

@ObjectType('SpecChange', {
  description: 'One change in the DesignSpec; named list entries are addressed by name, so reordering is not a change.',
})
export class SpecChangeModel implements SpecChange {
  @Field() @ApiProperty({ example: 'nodeGroups["general"].maxSize' }) path: string;
  @Field(() => SpecChangeKindEnum) @ApiProperty({ enum: SPEC_CHANGE_KINDS, enumName: 'SpecChangeKind' }) kind: SpecChangeKind;
  @Field(() => JsonScalar, { nullable: true, description: 'The value before (null when ADDED).' })
  @ApiProperty(anyJson(12))
  before: JsonValue | null;
  @Field(() => JsonScalar, { nullable: true, description: 'The value after (null when REMOVED).' })
  @ApiProperty(anyJson(30))
  after: JsonValue | null;
}

@ObjectType('NumberMove', {
  description: 'A figure in both revisions; null where it has no value (an entry added or removed, an unknown figure).',
})
export class NumberMoveModel implements NumberMove {
  @Field(() => Float, { nullable: true }) @ApiProperty({ type: Number, nullable: true }) before: number | null;
  @Field(() => Float, { nullable: true }) @ApiProperty({ type: Number, nullable: true }) after: number | null;
  @Field(() => Float, { nullable: true, description: 'after − before; null when either side is missing.' })
  @ApiProperty({ type: Number, nullable: true })
  delta: number | null;
}

@ObjectType('NodeGroupPlanChange')
export class NodeGroupPlanChangeModel {
  @Field() @ApiProperty() name: string;
  @Field(() => NumberMoveModel) @ApiProperty({ type: NumberMoveModel }) maxPods: NumberMove;
  @Field(() => NumberMoveModel) @ApiProperty({ type: NumberMoveModel }) effectiveMaxPods: NumberMove;
  @Field(() => NumberMoveModel) @ApiProperty({ type: NumberMoveModel }) podCapacityAtMax: NumberMove;
}

@ObjectType('SubnetPlanChange')
export class SubnetPlanChangeModel {
  @Field() @ApiProperty() name: string;
  @Field(() => NumberMoveModel) @ApiProperty({ type: NumberMoveModel }) freeIpsAtMax: NumberMove;
  @Field(() => NumberMoveModel) @ApiProperty({ type: NumberMoveModel }) usedIpsAtMax: NumberMove;
}

@ObjectType('FindingChange')
export class FindingChangeModel implements FindingChange {
  @Field({ description: 'Code and name-based path, so a finding keeps its identity when list entries move.' })
  @ApiProperty({ example: 'SUBNET_FULL_AT_MAX subnets["private-a"]' })
  key: string;
  @Field(() => FindingModel) @ApiProperty({ type: FindingModel }) finding: Finding;
}

@ObjectType('FindingChanges')
export class FindingChangesModel {
  @Field(() => [FindingChangeModel], { description: 'Findings of the later revision the earlier one did not have.' })
  @ApiProperty({ type: [FindingChangeModel] })
  new: FindingChange[];
  @Field(() => [FindingChangeModel], { description: 'Findings of the earlier revision the later one no longer has.' })
  @ApiProperty({ type: [FindingChangeModel] })
  resolved: FindingChange[];
}

@ObjectType('PlanSummaryChange')
export class PlanSummaryChangeModel {
  @Field(() => NumberMoveModel) @ApiProperty({ type: NumberMoveModel }) errors: NumberMove;
  @Field(() => NumberMoveModel) @ApiProperty({ type: NumberMoveModel }) warnings: NumberMove;
  @Field(() => NumberMoveModel) @ApiProperty({ type: NumberMoveModel }) infos: NumberMove;
  @Field(() => NumberMoveModel) @ApiProperty({ type: NumberMoveModel }) usedIpsAtMax: NumberMove;
}

@ObjectType('PlanDiff')
export class PlanDiffModel implements PlanDiff {
  @Field(() => [NodeGroupPlanChangeModel], {
    description: 'Node groups whose max pods, effective max pods or pod capacity moved (or that were added or removed).',
  })
  @ApiProperty({ type: [NodeGroupPlanChangeModel] })
  nodeGroups: PlanDiff['nodeGroups'];

  @Field(() => [SubnetPlanChangeModel], {
    description: 'Subnets whose free or used addresses at max size moved (or that were added or removed).',
  })
  @ApiProperty({ type: [SubnetPlanChangeModel] })
  subnets: PlanDiff['subnets'];

  @Field(() => FindingChangesModel) @ApiProperty({ type: FindingChangesModel }) findings: PlanDiff['findings'];
  @Field(() => PlanSummaryChangeModel) @ApiProperty({ type: PlanSummaryChangeModel }) summary: PlanDiff['summary'];
}

@ObjectType('DesignDiff', { description: 'What changed from one revision of a design to another.' })
export class DesignDiffModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) designId: string;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) from: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) to: number;
  @Field(() => [SpecChangeModel]) @ApiProperty({ type: [SpecChangeModel] }) spec: SpecChange[];
  @Field(() => PlanDiffModel) @ApiProperty({ type: PlanDiffModel }) plan: PlanDiff;
}
