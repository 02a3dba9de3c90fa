import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { NotFoundError } from '../../domain/errors/planning-error.js';
import { RevisionConflictError, RevisionRequiredError } from './design-errors.js';
import { dropNullProperties } from '../../domain/json/drop-null-properties.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, invalidCursor } from '../../platform/pagination/cursor.js';
import { CatalogService } from '../catalogs/catalog.service.js';
import { assertValidDesignSpec } from '../../domain/spec/design-spec.validator.js';
import { DEFAULT_CATALOG, type DesignSpec } from '../../domain/spec/design-spec.types.js';
import type { CatalogIndex } from '../../domain/catalog/catalog-index.js';
import {
  type DesignRecord,
  DesignsRepository,
  type DesignStore,
  type DesignWithSpec,
  type RevisionRecord,
  type RevisionSummaryRecord,
} from './designs.repository.js';

export interface DesignListQuery {
  owner?: string;
  tag?: string;
  limit?: number;
  cursor?: string;
}

/** The one thing the service asks of the catalogs: the index of instance-type names a spec is validated against. */
export interface CatalogIndexSource {
  index(catalog: string): Promise<Pick<CatalogIndex, 'names'>>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Saved designs with immutable revisions; every write is validated against the design's instance-type catalog. */
@Injectable()
export class DesignsService {
  /**
   * Batch-only (no cache, so nothing outlives a tick): the reads other services make through get/revision in the same
   * tick, e.g. `eksctlConfig` or `plan(revision:)` on 100 aliased designs, become one repository read each.
   */
  private readonly designBatch = new DataLoader<string, DesignWithSpec>((ids) => this.getMany(ids), { cache: false });
  private readonly revisionBatch = new DataLoader<readonly [string, number], RevisionRecord>((keys) => this.revisionsAt(keys), {
    cache: false,
  });

  public constructor(
    @Inject(DesignsRepository) private readonly repository: DesignStore,
    @Inject(CatalogService) private readonly catalogs: CatalogIndexSource,
  ) {}

  public async create(input: unknown, actor?: string): Promise<DesignWithSpec> {
    return this.repository.create(await this.validate(input), actor);
  }

  public get(id: string): Promise<DesignWithSpec> {
    return this.designBatch.load(id);
  }

  /** Several designs in one read, in the order asked, each the latest revision or its DESIGN_NOT_FOUND (for DataLoader). */
  public async getMany(ids: readonly string[]): Promise<(DesignWithSpec | NotFoundError)[]> {
    const valid = ids.filter((id) => UUID.test(id));
    const found = valid.length > 0 ? await this.repository.findMany(valid) : new Map<string, DesignWithSpec>();
    return ids.map((id) => (UUID.test(id) && found.get(id.toLowerCase())) || designNotFound(id));
  }

  public async list(query: DesignListQuery): Promise<{ items: DesignRecord[]; nextCursor: string | null }> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['createdAt', 'id']);
    const afterPosition =
      after && !Number.isNaN(Date.parse(after.createdAt)) && UUID.test(after.id)
        ? { createdAt: new Date(after.createdAt), id: after.id }
        : undefined;
    if (after && !afterPosition) throw invalidCursor();
    const rows = await this.repository.list({ owner: query.owner, tag: query.tag, limit: limit + 1, after: afterPosition });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null };
  }

  /** `expectedRevision` is what the caller read (If-Match / expectedRevision); without it the write is refused (428). */
  public async update(
    id: string,
    expectedRevision: number | undefined,
    input: unknown,
    actor: string | undefined,
    how: string,
  ): Promise<DesignWithSpec> {
    if (expectedRevision === undefined) throw new RevisionRequiredError(how);
    const spec = await this.validate(input);
    if (!UUID.test(id)) throw designNotFound(id);
    const outcome = await this.repository.update(id, expectedRevision, spec, actor);
    if (outcome.kind === 'missing') throw designNotFound(id);
    if (outcome.kind === 'stale') throw new RevisionConflictError(expectedRevision, outcome.currentRevision);
    return outcome.design;
  }

  public async delete(id: string, expectedRevision?: number): Promise<void> {
    const outcome = UUID.test(id) ? await this.repository.delete(id, expectedRevision) : 'missing';
    if (outcome === 'missing') throw designNotFound(id);
    if (outcome !== 'deleted') throw new RevisionConflictError(expectedRevision!, outcome.stale);
  }

  public async revisions(id: string): Promise<RevisionSummaryRecord[]> {
    return orThrow((await this.revisionsOfMany([id]))[0]);
  }

  /** The revision summaries of several designs in one read, in the order asked, each a list or its DESIGN_NOT_FOUND. */
  public async revisionsOfMany(ids: readonly string[]): Promise<(RevisionSummaryRecord[] | NotFoundError)[]> {
    const valid = ids.filter((id) => UUID.test(id));
    const found = valid.length > 0 ? await this.repository.listRevisionsOf(valid) : new Map<string, RevisionSummaryRecord[]>();
    return ids.map((id) => (UUID.test(id) && found.get(id.toLowerCase())) || designNotFound(id));
  }

  public revision(id: string, revision: number): Promise<RevisionRecord> {
    return this.revisionBatch.load([id, revision]);
  }

  /**
   * Several revisions in one read, by [design id, revision], in the order asked, each the revision or its 404:
   * REVISION_NOT_FOUND when the design exists, DESIGN_NOT_FOUND when it does not (one more read, only for misses).
   */
  public async revisionsAt(keys: readonly (readonly [string, number])[]): Promise<(RevisionRecord | NotFoundError)[]> {
    const valid = keys.filter(([id, revision]) => UUID.test(id) && isRevisionNumber(revision));
    const found = valid.length > 0 ? await this.repository.findRevisions(valid) : new Map<string, Map<number, RevisionRecord>>();
    const lookup = ([id, revision]: readonly [string, number]) =>
      UUID.test(id) && isRevisionNumber(revision) ? found.get(id.toLowerCase())?.get(revision) : undefined;
    const missingIds = [...new Set(keys.filter((key) => !lookup(key)).map(([id]) => id))];
    const designs = new Map(missingIds.length > 0 ? zip(missingIds, await this.getMany(missingIds)) : []);
    return keys.map((key) => {
      const design = designs.get(key[0]);
      return lookup(key) ?? (design instanceof NotFoundError ? design : revisionNotFound(key[0], key[1]));
    });
  }

  /** Validates a spec against the catalog it names; the catalog index is the in-memory one the engines use. */
  public async validate(input: unknown): Promise<DesignSpec> {
    const cleaned = dropNullProperties(input);
    const catalogName =
      typeof (cleaned as { catalog?: unknown } | null)?.catalog === 'string' ? (cleaned as { catalog: string }).catalog : DEFAULT_CATALOG;
    const index = await this.catalogs.index(catalogName).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    return assertValidDesignSpec(cleaned, {
      instanceTypeNames: (catalog) => (catalog === catalogName ? index?.names : undefined),
    });
  }
}

function isRevisionNumber(revision: number): boolean {
  return Number.isSafeInteger(revision) && revision >= 1 && revision <= 2_147_483_647;
}

function orThrow<T>(found: T | NotFoundError): T {
  if (found instanceof NotFoundError) throw found;
  return found;
}

function zip<K, V>(keys: readonly K[], values: readonly V[]): [K, V][] {
  return keys.map((key, i) => [key, values[i]]);
}

function revisionNotFound(id: string, revision: number): NotFoundError {
  return new NotFoundError('REVISION_NOT_FOUND', `Design ${id} has no revision ${revision}.`);
}

function designNotFound(id: string): NotFoundError {
  return new NotFoundError('DESIGN_NOT_FOUND', `No design with id "${id}".`);
}
