import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CallerSubject } from '../../platform/auth/principal.js';
import { DATABASE_READ_COMPLEXITY } from '../../platform/graphql/query-cost.js';
import { DesignLoaders } from './design.loaders.js';
import { DesignSpecModel } from './dto/design-spec.model.js';
import { DesignModel, DesignPage, DesignRevisionModel, DesignRevisionSummaryModel } from './dto/design.model.js';
import { DesignsArgs } from './dto/list-designs.query.js';
import { DesignsService } from './designs.service.js';

@Resolver(() => DesignModel)
export class DesignsResolver {
  public constructor(
    private readonly designs: DesignsService,
    private readonly loaders: DesignLoaders,
  ) {}

  @Query(() => DesignPage, {
    name: 'designs',
    description: 'Saved designs (summaries), filtered by owner and tag.',
    complexity: DATABASE_READ_COMPLEXITY,
  })
  public listDesigns(@Args() args: DesignsArgs): Promise<DesignPage> {
    return this.designs.list({ owner: args.owner, tag: args.tag, limit: args.first, cursor: args.after });
  }

  @Query(() => DesignModel, { complexity: DATABASE_READ_COMPLEXITY })
  public design(@Context() context: object, @Args('id', { type: () => ID }) id: string): Promise<DesignModel> {
    return this.loaders.of(context).design.load(id);
  }

  @ResolveField(() => [DesignRevisionSummaryModel], { complexity: DATABASE_READ_COMPLEXITY })
  public revisions(@Context() context: object, @Parent() design: DesignModel): Promise<DesignRevisionSummaryModel[]> {
    return this.loaders.of(context).revisions.load(design.id);
  }

  @ResolveField(() => DesignRevisionModel, { description: 'Any past revision of this design.', complexity: DATABASE_READ_COMPLEXITY })
  public revisionAt(
    @Context() context: object,
    @Parent() design: DesignModel,
    @Args('revision', { type: () => Int }) revision: number,
  ): Promise<DesignRevisionModel> {
    return this.loaders.of(context).revision.load([design.id, revision]);
  }

  @Mutation(() => DesignModel)
  public createDesign(
    // Typed `unknown` so the DTO pipe leaves it alone: the design-spec validator checks it with paths.
    @Args('spec', { type: () => DesignSpecModel }) spec: unknown,
    @CallerSubject() actor: string | undefined,
  ): Promise<DesignModel> {
    return this.designs.create(spec, actor);
  }

  @Mutation(() => DesignModel, {
    description: 'Save a new revision; expectedRevision (required) is the revision you read (REVISION_CONFLICT when stale).',
  })
  public async updateDesign(
    @Context() context: object,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('spec', { type: () => DesignSpecModel }) spec: unknown,
    @CallerSubject() actor: string | undefined,
  ): Promise<DesignModel> {
    const updated = await this.designs.update(id, expectedRevision, spec, actor, 'pass expectedRevision');
    this.loaders.forget(context);
    return updated;
  }

  @Mutation(() => Boolean)
  public async deleteDesign(
    @Context() context: object,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedRevision', { type: () => Int, nullable: true }) expectedRevision: number | null,
  ): Promise<boolean> {
    await this.designs.delete(id, expectedRevision ?? undefined);
    this.loaders.forget(context);
    return true;
  }
}
