import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../../domain/errors/planning-error.js';
import { RevisionConflictError, RevisionRequiredError } from './design-errors.js';
import { dropNullProperties } from '../../domain/json/drop-null-properties.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, invalidCursor } from '../../platform/pagination/cursor.js';
import { CatalogService } from '../catalogs/catalog.service.js';
import { assertValidDesignSpec } from '../../domain/spec/design-spec.validator.js';
import { DEFAULT_CATALOG, type DesignSpec } from '../../domain/spec/design-spec.types.js';
import type { CatalogIndex } from '../../domain/catalog/catalog-index.js';
import { type DesignRecord, DesignsRepository, type DesignStore, type DesignWithSpec, type RevisionRecord } from './designs.repository.js';

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
  public constructor(
    @Inject(DesignsRepository) private readonly repository: DesignStore,
    @Inject(CatalogService) private readonly catalogs: CatalogIndexSource,
  ) {}

  public async create(input: unknown, actor?: string): Promise<DesignWithSpec> {
    return this.repository.create(await this.validate(input), actor);
  }

  public async get(id: string): Promise<DesignWithSpec> {
    const design = UUID.test(id) ? await this.repository.find(id) : undefined;
    if (!design) throw designNotFound(id);
    return design;
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

  public async revisions(id: string): Promise<Omit<RevisionRecord, 'spec'>[]> {
    const revisions = UUID.test(id) ? await this.repository.listRevisions(id) : undefined;
    if (!revisions) throw designNotFound(id);
    return revisions;
  }

  public async revision(id: string, revision: number): Promise<RevisionRecord> {
    const found =
      UUID.test(id) && Number.isSafeInteger(revision) && revision >= 1 && revision <= 2_147_483_647
        ? await this.repository.findRevision(id, revision)
        : undefined;
    if (found) return found;
    await this.get(id);
    throw new NotFoundError('REVISION_NOT_FOUND', `Design ${id} has no revision ${revision}.`);
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

function designNotFound(id: string): NotFoundError {
  return new NotFoundError('DESIGN_NOT_FOUND', `No design with id "${id}".`);
}
