/** The IP-exhaustion advisor (GET /v1/designs/{id}/advice, POST /v1/advice, GraphQL `Design.advice` / `advice(spec)`). */
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADVICE_PROBLEM_CODE_LIST,
  DISRUPTIONS,
  REMEDY_KINDS,
  type AdviceProblem,
  type AdviceProblemCode,
  type Disruption,
  type JsonPatchOperation,
  type ProblemRef,
  type Remedy,
  type RemedyFigures,
  type RemedyKind,
  type TradeOff,
} from '../../../domain/advice/index.js';
import { FINDING_SEVERITIES, type FindingSeverity } from '../../../domain/findings/finding.js';
import type { FindingChange } from '../../../domain/plan/plan.types.js';
import { AdviceProblemCodeEnum, DisruptionEnum, FindingSeverityEnum, RemedyKindEnum } from '../../graphql-vocabulary.js';
import { FindingChangeModel } from './plan-diff.model.js';
import { JsonPatchOperationModel } from './what-if.model.js';

@ObjectType('AdviceProblem', {
  description: 'An address problem of the design: a subnet over 80 % or full at max size, a /28 risk, an IP-limited node group.',
})
export class AdviceProblemModel implements AdviceProblem {
  @Field(() => AdviceProblemCodeEnum)
  @ApiProperty({ enum: ADVICE_PROBLEM_CODE_LIST, enumName: 'AdviceProblemCode' })
  code: AdviceProblemCode;
  @Field(() => FindingSeverityEnum) @ApiProperty({ enum: FINDING_SEVERITIES, enumName: 'FindingSeverity' }) severity: FindingSeverity;
  @Field() @ApiProperty({ example: 'subnets[6]' }) path: string;
  @Field() @ApiProperty() message: string;
}

@ObjectType('ProblemRef', { description: 'A problem by its code and path.' })
export class ProblemRefModel implements ProblemRef {
  @Field(() => AdviceProblemCodeEnum)
  @ApiProperty({ enum: ADVICE_PROBLEM_CODE_LIST, enumName: 'AdviceProblemCode' })
  code: AdviceProblemCode;
  @Field() @ApiProperty({ example: 'subnets[6]' }) path: string;
}

@ObjectType('RemedyFigures', { description: "The design's address figures, read from one plan." })
export class RemedyFiguresModel implements RemedyFigures {
  @Field(() => Float, { description: 'summary.usedIpsAtMax' }) @ApiProperty({ type: 'integer' }) usedIpsAtMax: number;
  @Field(() => Float, { nullable: true, description: 'summary.tightestSubnet.freeIpsAtMax' })
  @ApiProperty({ type: 'integer', nullable: true })
  freeIpsAtMaxTightest: number | null;
  @Field(() => Float, { nullable: true, description: 'Σ maxNodesThatFit over the EC2 node groups.' })
  @ApiProperty({ type: 'integer', nullable: true })
  nodesThatFit: number | null;
  @Field(() => Int, { nullable: true, description: 'The lowest effective max pods per node over the EC2 node groups.' })
  @ApiProperty({ type: 'integer', nullable: true })
  maxPodsPerNode: number | null;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) errors: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) warnings: number;
}

@ObjectType('TradeOff')
export class TradeOffModel implements TradeOff {
  @Field() @ApiProperty() message: string;
  @Field({ description: 'The rule: an AWS documentation page or a repository path.' })
  @ApiProperty({ example: 'aws/aws-eks-best-practices latest/bpg/networking/prefix-mode_linux.adoc' })
  source: string;
}

@ObjectType('Remedy', { description: 'One way out of the problems, priced by the plan of the patched design.' })
export class RemedyModel implements Remedy {
  @Field(() => RemedyKindEnum) @ApiProperty({ enum: REMEDY_KINDS, enumName: 'RemedyKind' }) kind: RemedyKind;
  @Field() @ApiProperty() title: string;
  @Field(() => [JsonPatchOperationModel], { description: 'RFC 6902 operations on the design; what-if with them gives `after`.' })
  @ApiProperty({ type: [JsonPatchOperationModel] })
  patch: JsonPatchOperation[];
  @Field(() => DisruptionEnum) @ApiProperty({ enum: DISRUPTIONS, enumName: 'Disruption' }) disruption: Disruption;
  @Field(() => [ProblemRefModel], { description: 'The problems the patched design no longer has.' })
  @ApiProperty({ type: [ProblemRefModel] })
  solves: ProblemRef[];
  @Field(() => [ProblemRefModel], { description: 'The problems the patched design still has (new ones included).' })
  @ApiProperty({ type: [ProblemRefModel] })
  problemsLeft: ProblemRef[];
  @Field(() => RemedyFiguresModel) @ApiProperty({ type: RemedyFiguresModel }) before: RemedyFigures;
  @Field(() => RemedyFiguresModel, { description: 'Exactly the figures of the plan of the patched design.' })
  @ApiProperty({ type: RemedyFiguresModel })
  after: RemedyFigures;
  @Field(() => [FindingChangeModel]) @ApiProperty({ type: [FindingChangeModel] }) findingsRemoved: FindingChange[];
  @Field(() => [FindingChangeModel]) @ApiProperty({ type: [FindingChangeModel] }) findingsAdded: FindingChange[];
  @Field(() => [TradeOffModel]) @ApiProperty({ type: [TradeOffModel] }) tradeOffs: TradeOff[];
  @Field(() => [String], { description: 'What the remedy makes worse; empty when nothing is.' })
  @ApiProperty({ type: [String] })
  worsens: string[];
  @Field(() => Int, { description: '1 = best: leaves no problem, with the least disruption, making nothing worse.' })
  @ApiProperty({ type: 'integer' })
  rank: number;
}

@ObjectType('Advice', { description: 'The address problems of a design and every applicable remedy, ranked.' })
export class AdviceModel {
  @Field(() => ID, { nullable: true, description: 'The saved design advised on; null for an inline spec.' })
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  designId?: string | null;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer', nullable: true }) revision?: number | null;
  @Field(() => [AdviceProblemModel]) @ApiProperty({ type: [AdviceProblemModel] }) problems: AdviceProblem[];
  @Field(() => [RemedyModel]) @ApiProperty({ type: [RemedyModel] }) remedies: Remedy[];
}
