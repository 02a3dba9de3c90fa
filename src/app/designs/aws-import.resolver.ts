import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CallerSubject } from '../../platform/auth/principal.js';
import { JsonScalar } from '../../platform/graphql/json.scalar.js';
import { AwsImportService } from './aws-import.service.js';
import { AwsImportModel } from './dto/aws-import.model.js';

@Resolver()
export class AwsImportResolver {
  public constructor(private readonly aws: AwsImportService) {}

  @Mutation(() => AwsImportModel, {
    description:
      'Import AWS CLI outputs (a JSON object: vpcs, subnets, routeTables, natGateways, internetGateways, securityGroups, cluster, nodegroups, fargateProfiles, awsNode, eniConfigs, vpcId, name, observedAt) and save them as a design.',
  })
  public importAws(
    @Args('bundle', { type: () => JsonScalar }) bundle: unknown,
    @CallerSubject() actor: string | undefined,
  ): Promise<AwsImportModel> {
    return this.aws.importAndSave(bundle, actor);
  }
}
