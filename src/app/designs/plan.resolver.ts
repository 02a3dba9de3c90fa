import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnnotationModel } from '../exposure/dto/exposure-recommendation.model.js';
import type { DesignWithSpec } from './designs.repository.js';
import { DesignSpecModel } from './dto/design-spec.model.js';
import { DesignModel } from './dto/design.model.js';
import { DesignDiffModel } from './dto/plan-diff.model.js';
import { DesignPlanModel, WorkloadExposurePlanModel } from './dto/plan.model.js';
import { PlanService } from './plan.service.js';

/** A plan runs every engine over a whole design: it costs like a whole-catalog table, not like one field. */
const PLAN_COMPLEXITY = 100;

@Resolver(() => DesignModel)
export class DesignPlanResolver {
  public constructor(private readonly plans: PlanService) {}

  @ResolveField(() => DesignPlanModel, {
    description: 'The plan of this design: the latest revision, or `revision`.',
    complexity: PLAN_COMPLEXITY,
  })
  public plan(
    // Every `Design` this API returns is read with its spec (DesignsService.get/create/update).
    @Parent() design: DesignWithSpec,
    @Args('revision', { type: () => Int, nullable: true }) revision: number | null,
  ): Promise<DesignPlanModel> {
    return this.plans.planOf(design, revision ?? undefined);
  }

  @Query(() => DesignPlanModel, {
    name: 'plan',
    description: 'Plan an inline DesignSpec without saving it (validated like a saved design).',
    complexity: PLAN_COMPLEXITY,
  })
  public planSpec(
    // Typed `unknown` so the DTO pipe leaves it alone: the design-spec validator checks it with paths.
    @Args('spec', { type: () => DesignSpecModel }) spec: unknown,
  ): Promise<DesignPlanModel> {
    return this.plans.planInline(spec);
  }

  @Query(() => DesignDiffModel, {
    description: 'What changed between two revisions of a saved design (both planned).',
    complexity: 2 * PLAN_COMPLEXITY,
  })
  public designDiff(
    @Args('id', { type: () => ID }) id: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
  ): Promise<DesignDiffModel> {
    return this.plans.diff(id, from, to);
  }
}

@Resolver(() => WorkloadExposurePlanModel)
export class WorkloadExposurePlanResolver {
  @ResolveField('annotations', () => [AnnotationModel], {
    description: 'Annotations of the primary object as {name, value} pairs: GraphQL has no map type (REST returns them as a JSON object).',
  })
  public annotations(@Parent() exposure: WorkloadExposurePlanModel): AnnotationModel[] {
    return Object.entries(exposure.annotations).map(([name, value]) => ({ name, value }));
  }
}
