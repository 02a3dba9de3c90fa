import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScope } from '../../platform/auth/scopes.js';
import { DATABASE_READ_COMPLEXITY } from '../../platform/graphql/query-cost.js';
import { CatalogLoaders } from './catalog.loaders.js';
import { CatalogService } from './catalog.service.js';
import { CatalogModel, InstanceTypePage } from './dto/catalog.model.js';
import { CreateCatalogInput } from './dto/create-catalog.input.js';
import { AwsCatalogImportModel, ImportAwsCatalogInput } from './dto/import-aws-catalog.input.js';
import { InstanceTypeModel } from './dto/instance-type.model.js';
import { InstanceTypesArgs } from './dto/instance-types.args.js';

@Resolver(() => CatalogModel)
export class CatalogResolver {
  public constructor(
    private readonly catalogs: CatalogService,
    private readonly loaders: CatalogLoaders,
  ) {}

  @Query(() => [CatalogModel], { name: 'catalogs', description: 'Instance-type catalogs.', complexity: DATABASE_READ_COMPLEXITY })
  public listCatalogs(@Context() context: object): Promise<CatalogModel[]> {
    return this.loaders.of(context).catalogs.load('all');
  }

  @Query(() => CatalogModel, { complexity: DATABASE_READ_COMPLEXITY })
  public catalog(@Context() context: object, @Args('name') name: string): Promise<CatalogModel> {
    return this.loaders.of(context).catalog.load(name);
  }

  @Query(() => InstanceTypePage, {
    description: 'Filtered, cursor-paginated instance types of a catalog.',
    complexity: DATABASE_READ_COMPLEXITY,
  })
  public instanceTypes(@Args() args: InstanceTypesArgs): Promise<InstanceTypePage> {
    return this.catalogs.listInstanceTypes(args.catalog, args.filter ?? {}, args.first, args.after);
  }

  @Query(() => InstanceTypeModel, { complexity: DATABASE_READ_COMPLEXITY })
  public instanceType(
    @Context() context: object,
    @Args('catalog', { defaultValue: 'aws' }) catalog: string,
    @Args('name') name: string,
  ): Promise<InstanceTypeModel> {
    return this.loaders.of(context).instanceType.load([catalog, name]);
  }

  @RequireScope('admin')
  @Mutation(() => CatalogModel)
  public createCatalog(@Args('input') input: CreateCatalogInput): Promise<CatalogModel> {
    return this.catalogs.createCatalog(input);
  }

  @RequireScope('admin')
  @Mutation(() => AwsCatalogImportModel, { description: 'Create a custom catalog from `aws ec2 describe-instance-types` output.' })
  public importAwsCatalog(@Args('input') input: ImportAwsCatalogInput): Promise<AwsCatalogImportModel> {
    return this.catalogs.importAwsCatalog(input);
  }

  @RequireScope('admin')
  @Mutation(() => Boolean)
  public async deleteCatalog(@Args('name') name: string): Promise<boolean> {
    await this.catalogs.deleteCatalog(name);
    return true;
  }

  @RequireScope('admin')
  @Mutation(() => InstanceTypeModel, { description: 'Create or replace an instance type in a custom catalog.' })
  public async upsertInstanceType(@Args('catalog') catalog: string, @Args('input') input: InstanceTypeModel): Promise<InstanceTypeModel> {
    return (await this.catalogs.upsertInstanceType(catalog, input.name, input)).type;
  }

  @RequireScope('admin')
  @Mutation(() => Boolean)
  public async deleteInstanceType(@Args('catalog') catalog: string, @Args('name') name: string): Promise<boolean> {
    await this.catalogs.deleteInstanceType(catalog, name);
    return true;
  }
}
