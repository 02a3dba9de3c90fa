import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AnnotationModel, ExposureRecommendationModel } from './dto/exposure-recommendation.model.js';
import { ExposureRequestInput } from './dto/exposure-request.input.js';
import { LintContextInput } from './dto/lint-manifests.input.js';
import { LintResultModel } from './dto/lint-result.model.js';
import { ExposureService } from './exposure.service.js';

@Resolver(() => ExposureRecommendationModel)
export class ExposureResolver {
  public constructor(private readonly exposure: ExposureService) {}

  @Query(() => ExposureRecommendationModel, {
    description: 'How to expose a workload, with annotations, manifests and the rules that decided.',
  })
  public exposureRecommendation(@Args('input') input: ExposureRequestInput): ExposureRecommendationModel {
    return this.exposure.recommend(input);
  }

  @Query(() => LintResultModel, { description: 'Lint Service / Ingress manifests (a YAML stream of several documents).' })
  public lintManifests(
    @Args('manifests', { description: 'YAML, several documents allowed.' }) manifests: string,
    // Declared `?: LintContextInput` (not `| null`) so the parameter's metadata names the class and the DTO pipe validates it.
    @Args('context', { type: () => LintContextInput, nullable: true }) context?: LintContextInput,
  ): Promise<LintResultModel> {
    return this.exposure.lint(manifests, context ?? undefined);
  }

  @ResolveField('annotations', () => [AnnotationModel], {
    description:
      'Annotations of the primary object (the Service for NLB/CLB, the Ingress for ALB) as {name, value} pairs: GraphQL has no map type (REST returns them as a JSON object).',
  })
  public annotations(@Parent() recommendation: ExposureRecommendationModel): AnnotationModel[] {
    return Object.entries(recommendation.annotations).map(([name, value]) => ({ name, value }));
  }
}
