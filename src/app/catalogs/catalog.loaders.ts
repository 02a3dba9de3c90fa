import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { InstanceTypeRecord } from '../../domain/catalog/instance-type.js';
import type { CatalogSummary } from './catalog.repository.js';
import { PerRequest } from '../../platform/graphql/per-request.js';
import { CatalogService } from './catalog.service.js';

/** The catalog reads of one GraphQL request, each batched into one Postgres query per tick and cached for the request. */
export interface CatalogRequestLoaders {
  /** The one key is `all`: every alias of `catalogs` in a request shares one read. */
  readonly catalogs: DataLoader<'all', CatalogSummary[]>;
  readonly catalog: DataLoader<string, CatalogSummary>;
  /** Keyed by `catalog` and `name`. */
  readonly instanceType: DataLoader<readonly [string, string], InstanceTypeRecord, string>;
}

/**
 * DataLoaders per GraphQL request, kept beside the request's context object (a WeakMap, so they go with the request):
 * 1,400 aliases of `catalogs` are one Postgres read, not 1,400 reads that drain the connection pool.
 */
@Injectable()
export class CatalogLoaders {
  private readonly perRequest = new PerRequest<CatalogRequestLoaders>(() => ({
    catalogs: new DataLoader(async (keys) => {
      const all = await this.catalogs.listCatalogs();
      return keys.map(() => all);
    }),
    catalog: new DataLoader<string, CatalogSummary>((names) => this.catalogs.getCatalogs(names)),
    instanceType: new DataLoader<readonly [string, string], InstanceTypeRecord, string>((keys) => this.catalogs.getInstanceTypes(keys), {
      cacheKeyFn: ([catalog, name]) => `${catalog}\u0000${name}`,
    }),
  }));

  public constructor(private readonly catalogs: CatalogService) {}

  public of(context: object): CatalogRequestLoaders {
    return this.perRequest.of(context);
  }
}
