import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScope } from '../../platform/auth/scopes.js';
import { CatalogService } from './catalog.service.js';
import { CatalogListResponse, CatalogModel, InstanceTypePage } from './dto/catalog.model.js';
import { CreateCatalogInput } from './dto/create-catalog.input.js';
import { AwsCatalogImportModel, ImportAwsCatalogInput } from './dto/import-aws-catalog.input.js';
import { InstanceTypeModel } from './dto/instance-type.model.js';
import { ListInstanceTypesQuery } from './dto/list-instance-types.query.js';
import { ApiErrorResponses, AUTHENTICATED_ROUTE_ERRORS, JSON_BODY_ERRORS } from '../../platform/http/api-error-responses.js';

@ApiTags('catalogs')
@ApiBearerAuth()
@ApiErrorResponses(...AUTHENTICATED_ROUTE_ERRORS)
@Controller({ path: 'catalogs', version: '1' })
export class CatalogController {
  public constructor(private readonly catalogs: CatalogService) {}

  @Get()
  @ApiOperation({ operationId: 'listCatalogs', summary: 'Instance-type catalogs (the read-only default `aws` and custom ones).' })
  @ApiOkResponse({ type: CatalogListResponse })
  public async listCatalogs(): Promise<CatalogListResponse> {
    return { items: await this.catalogs.listCatalogs() };
  }

  @Post()
  @RequireScope('admin')
  @ApiOperation({ operationId: 'createCatalog', summary: 'Create a custom catalog with its instance types.' })
  @ApiCreatedResponse({ type: CatalogModel })
  @ApiErrorResponses(...JSON_BODY_ERRORS, [409, 'A catalog with this name exists (CATALOG_EXISTS).'])
  public createCatalog(@Body() input: CreateCatalogInput): Promise<CatalogModel> {
    return this.catalogs.createCatalog(input);
  }

  @Post('import/aws')
  @RequireScope('admin')
  @ApiOperation({
    operationId: 'importAwsCatalog',
    summary:
      'Create a custom catalog from `aws ec2 describe-instance-types` output (verbatim): types newer than the shipped table, with their vCPUs.',
  })
  @ApiCreatedResponse({ type: AwsCatalogImportModel })
  @ApiErrorResponses(...JSON_BODY_ERRORS, [409, 'A catalog with this name exists (CATALOG_EXISTS).'])
  public importAwsCatalog(@Body() input: ImportAwsCatalogInput): Promise<AwsCatalogImportModel> {
    return this.catalogs.importAwsCatalog(input);
  }

  @Get(':catalog')
  @ApiOperation({ operationId: 'getCatalog', summary: 'One catalog and its instance-type count.' })
  @ApiOkResponse({ type: CatalogModel })
  @ApiErrorResponses(404)
  public getCatalog(@Param('catalog') catalog: string): Promise<CatalogModel> {
    return this.catalogs.getCatalog(catalog);
  }

  @Delete(':catalog')
  @HttpCode(204)
  @RequireScope('admin')
  @ApiOperation({ operationId: 'deleteCatalog', summary: 'Delete a custom catalog (403 for `aws`, 409 while designs use it).' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrorResponses([403, 'The token lacks the admin scope, or the catalog is the read-only `aws` (CATALOG_READ_ONLY).'], 404, [
    409,
    'Designs still use the catalog (CATALOG_IN_USE).',
  ])
  public async deleteCatalog(@Param('catalog') catalog: string): Promise<void> {
    await this.catalogs.deleteCatalog(catalog);
  }

  @Get(':catalog/instance-types')
  @ApiOperation({ operationId: 'listInstanceTypes', summary: 'Filtered, cursor-paginated instance types of a catalog.' })
  @ApiOkResponse({ type: InstanceTypePage })
  @ApiErrorResponses(400, 404)
  public listInstanceTypes(@Param('catalog') catalog: string, @Query() query: ListInstanceTypesQuery): Promise<InstanceTypePage> {
    const { limit, cursor, ...filter } = query;
    return this.catalogs.listInstanceTypes(catalog, filter, limit, cursor);
  }

  @Get(':catalog/instance-types/:name')
  @ApiOperation({
    operationId: 'getInstanceType',
    summary: 'One instance type of a catalog (ENIs, IPs per ENI, network cards, branch ENIs).',
  })
  @ApiOkResponse({ type: InstanceTypeModel })
  @ApiErrorResponses(404)
  public getInstanceType(@Param('catalog') catalog: string, @Param('name') name: string): Promise<InstanceTypeModel> {
    return this.catalogs.getInstanceType(catalog, name);
  }

  @Put(':catalog/instance-types/:name')
  @RequireScope('admin')
  @ApiOperation({ operationId: 'putInstanceType', summary: 'Create or replace an instance type in a custom catalog (201 when created).' })
  @ApiOkResponse({ type: InstanceTypeModel })
  @ApiCreatedResponse({ type: InstanceTypeModel })
  @ApiErrorResponses(
    ...JSON_BODY_ERRORS,
    [403, 'The token lacks the admin scope, or the catalog is the read-only `aws` (CATALOG_READ_ONLY).'],
    404,
  )
  public async putInstanceType(
    @Param('catalog') catalog: string,
    @Param('name') name: string,
    @Body() input: InstanceTypeModel,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InstanceTypeModel> {
    const { type, created } = await this.catalogs.upsertInstanceType(catalog, name, input);
    void reply.status(created ? 201 : 200);
    return type;
  }

  @Delete(':catalog/instance-types/:name')
  @HttpCode(204)
  @RequireScope('admin')
  @ApiOperation({ operationId: 'deleteInstanceType', summary: 'Delete an instance type from a custom catalog.' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiErrorResponses([403, 'The token lacks the admin scope, or the catalog is the read-only `aws` (CATALOG_READ_ONLY).'], 404)
  public async deleteInstanceType(@Param('catalog') catalog: string, @Param('name') name: string): Promise<void> {
    await this.catalogs.deleteInstanceType(catalog, name);
  }
}
