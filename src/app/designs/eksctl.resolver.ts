import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CallerSubject } from '../../platform/auth/principal.js';
import { DATABASE_READ_COMPLEXITY } from '../../platform/graphql/query-cost.js';
import { DesignModel } from './dto/design.model.js';
import { CniExportModel, EksctlExportModel, EksctlImportModel } from './dto/eksctl.model.js';
import { EksctlBridgeService } from './eksctl-bridge.service.js';

@Resolver(() => DesignModel)
export class EksctlResolver {
  public constructor(private readonly eksctl: EksctlBridgeService) {}

  @Mutation(() => EksctlImportModel, { description: 'Import an eksctl ClusterConfig YAML and save it as a design.' })
  public importEksctl(@Args('yaml') yaml: string, @CallerSubject() actor: string | undefined): Promise<EksctlImportModel> {
    return this.eksctl.importAndSave(yaml, actor);
  }

  @ResolveField(() => EksctlExportModel, { description: 'This design as an eksctl ClusterConfig.', complexity: DATABASE_READ_COMPLEXITY })
  public eksctlConfig(
    @Parent() design: DesignModel,
    @Args('revision', { type: () => Int, nullable: true }) revision?: number,
  ): Promise<EksctlExportModel> {
    return this.eksctl.exportEksctl(design.id, revision ?? undefined);
  }

  @ResolveField(() => CniExportModel, {
    description: 'The aws-node environment and ENIConfig manifests this design implies.',
    complexity: DATABASE_READ_COMPLEXITY,
  })
  public async cniConfig(
    @Parent() design: DesignModel,
    @Args('revision', { type: () => Int, nullable: true }) revision?: number,
  ): Promise<CniExportModel> {
    const exported = await this.eksctl.exportCni(design.id, revision ?? undefined);
    return { ...exported, env: Object.entries(exported.env).map(([name, value]) => ({ name, value })) };
  }
}
