import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireScope } from '../../platform/auth/scopes.js';
import { CatalogService } from './catalog.service.js';
import { CatalogModel, InstanceTypePage } from './dto/catalog.model.js';
import { CreateCatalogInput } from './dto/create-catalog.input.js';
import { AwsCatalogImportModel, ImportAwsCatalogInput } from './dto/import-aws-catalog.input.js';
import { InstanceTypeModel } from './dto/instance-type.model.js';
import { InstanceTypesArgs } from './dto/instance-types.args.js';

@Resolver(() => CatalogModel)
export class CatalogResolver {
  public constructor(private readonly catalogs: CatalogService) {}

  @Query(() => [CatalogModel], { name: 'catalogs', description: 'Instance-type catalogs.' })
  public listCatalogs(): Promise<CatalogModel[]> {
    return this.catalogs.listCatalogs();
  }

  @Query(() => CatalogModel)
  public catalog(@Args('name') name: string): Promise<CatalogModel> {
    return this.catalogs.getCatalog(name);
  }

  @Query(() => InstanceTypePage, { description: 'Filtered, cursor-paginated instance types of a catalog.' })
  public instanceTypes(@Args() args: InstanceTypesArgs): Promise<InstanceTypePage> {
    return this.catalogs.listInstanceTypes(args.catalog, args.filter ?? {}, args.first, args.after);
  }

  @Query(() => InstanceTypeModel)
  public instanceType(@Args('catalog', { defaultValue: 'aws' }) catalog: string, @Args('name') name: string): Promise<InstanceTypeModel> {
    return this.catalogs.getInstanceType(catalog, name);
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
