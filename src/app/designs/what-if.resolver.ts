import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { DesignWithSpec } from './designs.repository.js';
import { AdviceModel } from './dto/advice.model.js';
import { DesignSpecModel } from './dto/design-spec.model.js';
import { DesignModel } from './dto/design.model.js';
import { JsonPatchOperationModel, WhatIfResultModel } from './dto/what-if.model.js';
import { WhatIfService } from './what-if.service.js';

/** A what-if plans the design twice; the advice plans it once per remedy candidate (a handful, plus instance-type trials). */
const WHAT_IF_COMPLEXITY = 200;
const ADVICE_COMPLEXITY = 1000;

@Resolver(() => DesignModel)
export class WhatIfResolver {
  public constructor(private readonly whatIfs: WhatIfService) {}

  @ResolveField(() => AdviceModel, {
    description: 'The IP-exhaustion advisor on this design (the latest revision, or `revision`): problems and ranked remedies.',
    complexity: ADVICE_COMPLEXITY,
  })
  public advice(
    @Parent() design: DesignWithSpec,
    @Args('revision', { type: () => Int, nullable: true }) revision: number | null,
  ): Promise<AdviceModel> {
    return this.whatIfs.adviceOf(design, revision ?? undefined);
  }

  @Query(() => AdviceModel, {
    name: 'advice',
    description: 'The IP-exhaustion advisor on an inline DesignSpec (validated like a saved design).',
    complexity: ADVICE_COMPLEXITY,
  })
  public adviceSpec(@Args('spec', { type: () => DesignSpecModel }) spec: unknown): Promise<AdviceModel> {
    return this.whatIfs.adviceInline(spec);
  }

  @Query(() => WhatIfResultModel, {
    description:
      'A JSON Patch on a saved design (latest revision, or `revision`), planned without saving: the changed spec, its plan and the diff.',
    complexity: WHAT_IF_COMPLEXITY,
  })
  public whatIf(
    @Args('id', { type: () => ID }) id: string,
    @Args('revision', { type: () => Int, nullable: true }) revision: number | null,
    // Typed `unknown` so the DTO pipe leaves it alone: fast-json-patch checks every operation and names its index.
    @Args('patch', { type: () => [JsonPatchOperationModel] }) patch: unknown,
  ): Promise<WhatIfResultModel> {
    return this.whatIfs.whatIfOfSaved(id, revision ?? undefined, patch);
  }

  @Query(() => WhatIfResultModel, {
    description: 'A JSON Patch on an inline DesignSpec, planned without saving: the changed spec, its plan and the diff.',
    complexity: WHAT_IF_COMPLEXITY,
  })
  public whatIfSpec(
    @Args('spec', { type: () => DesignSpecModel }) spec: unknown,
    @Args('patch', { type: () => [JsonPatchOperationModel] }) patch: unknown,
  ): Promise<WhatIfResultModel> {
    return this.whatIfs.whatIfOfSpec(spec, patch);
  }
}
