/** What-if (POST /v1/designs/{id}/what-if, POST /v1/what-if, GraphQL `whatIf` / `whatIfSpec`): bodies and answer. */
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JSON_PATCH_OPS, type JsonPatchOp, type JsonPatchOperation } from '../../../domain/advice/index.js';
import type { DesignPlan, PlanDiff, SpecChange } from '../../../domain/plan/plan.types.js';
import type { DesignSpec } from '../../../domain/spec/design-spec.types.js';
import { JsonScalar } from '../../../platform/graphql/json.scalar.js';
import { JsonPatchOpEnum } from '../../graphql-vocabulary.js';
import { DesignSpecModel } from './design-spec.model.js';
import { PlanDiffModel, SpecChangeModel } from './plan-diff.model.js';
import { DesignPlanModel } from './plan.model.js';

@ObjectType('JsonPatchOperation', { description: 'One RFC 6902 JSON Patch operation on a DesignSpec.' })
@InputType('JsonPatchOperationInput')
export class JsonPatchOperationModel implements JsonPatchOperation {
  @Field(() => JsonPatchOpEnum) @ApiProperty({ enum: JSON_PATCH_OPS, enumName: 'JsonPatchOp' }) op: JsonPatchOp;
  @Field({ description: 'A JSON Pointer into the DesignSpec, e.g. /nodeGroups/0/maxSize or /subnets/- (append).' })
  @ApiProperty({ example: '/cni/warmIpTarget' })
  path: string;
  @Field(() => String, { nullable: true, description: 'The source JSON Pointer of move and copy.' })
  @ApiPropertyOptional()
  from?: string;
  @Field(() => JsonScalar, { nullable: true, description: 'The value of add, replace and test.' })
  @ApiPropertyOptional({ description: 'Any JSON value.' })
  value?: unknown;
}

export class WhatIfBody {
  @ApiProperty({
    type: [JsonPatchOperationModel],
    description: 'RFC 6902 operations, applied in order; `test` operations must hold.',
  })
  patch: JsonPatchOperation[];
}

export class WhatIfSpecBody extends WhatIfBody {
  @ApiProperty({ type: DesignSpecModel, description: 'The unchanged design (validated like a saved one).' }) spec: DesignSpecModel;
}

@ObjectType('SpecAndPlanDiff', {
  description: 'The spec changes and how the plan moved: the `spec` and `plan` of GET /v1/designs/{id}/diff.',
})
export class SpecAndPlanDiffModel {
  @Field(() => [SpecChangeModel]) @ApiProperty({ type: [SpecChangeModel] }) spec: SpecChange[];
  @Field(() => PlanDiffModel) @ApiProperty({ type: PlanDiffModel }) plan: PlanDiff;
}

@ObjectType('WhatIfResult', { description: 'A patched design, its plan and the diff against the unchanged design; nothing is saved.' })
export class WhatIfResultModel {
  @Field(() => DesignSpecModel, { description: 'The changed spec (validated exactly as a save would).' })
  @ApiProperty({ type: DesignSpecModel })
  spec: DesignSpec;
  @Field(() => DesignPlanModel) @ApiProperty({ type: DesignPlanModel }) plan: DesignPlan;
  @Field(() => SpecAndPlanDiffModel) @ApiProperty({ type: SpecAndPlanDiffModel }) diff: SpecAndPlanDiffModel;
}
