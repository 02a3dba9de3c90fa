import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { DesignWithSpec, RevisionRecord, RevisionSummaryRecord } from './designs.repository.js';
import { PerRequest } from '../../platform/graphql/per-request.js';
import { DesignsService } from './designs.service.js';

/** The design reads of one GraphQL request, each batched into one repository read per tick and cached for the request. */
export interface DesignRequestLoaders {
  readonly design: DataLoader<string, DesignWithSpec>;
  /** `Design.revisions`: the revision summaries of a design. */
  readonly revisions: DataLoader<string, RevisionSummaryRecord[]>;
  /** `Design.revisionAt`: keyed by design id and revision number. */
  readonly revision: DataLoader<readonly [string, number], RevisionRecord, string>;
}

/**
 * DataLoaders per GraphQL request, kept beside the request's context object (a WeakMap, so they go with the request),
 * like CatalogLoaders: 100 aliases of `design(id: …)` are one repository read, not 100 reads that drain the pool.
 */
@Injectable()
export class DesignLoaders {
  private readonly perRequest = new PerRequest<DesignRequestLoaders>(() => ({
    design: new DataLoader<string, DesignWithSpec>((ids) => this.designs.getMany(ids)),
    revisions: new DataLoader<string, RevisionSummaryRecord[]>((ids) => this.designs.revisionsOfMany(ids)),
    revision: new DataLoader<readonly [string, number], RevisionRecord, string>((keys) => this.designs.revisionsAt(keys), {
      cacheKeyFn: ([id, revision]) => `${id}\u0000${revision}`,
    }),
  }));

  public constructor(private readonly designs: DesignsService) {}

  public of(context: object): DesignRequestLoaders {
    return this.perRequest.of(context);
  }

  /**
   * Drops what this request has read: a mutation that changes designs must not leave later fields of the same request
   * (mutations run one after another) reading a revision list or a missing revision cached before it.
   */
  public forget(context: object): void {
    this.perRequest.forget(context);
  }
}
