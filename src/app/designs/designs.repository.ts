import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../platform/persistence/prisma.service.js';
import type { DesignSpec } from '../../domain/spec/design-spec.types.js';

export interface DesignRecord {
  id: string;
  name: string;
  owner: string | null;
  tags: string[];
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  updatedBy: string | null;
}

export interface DesignWithSpec extends DesignRecord {
  spec: DesignSpec;
}

export interface RevisionRecord {
  designId: string;
  revision: number;
  createdAt: Date;
  createdBy: string | null;
  spec: DesignSpec;
}

export interface DesignListFilter {
  owner?: string;
  tag?: string;
  limit: number;
  /** Keyset position: the last item of the previous page. */
  after?: { createdAt: Date; id: string };
}

export type UpdateOutcome = { kind: 'updated'; design: DesignWithSpec } | { kind: 'missing' } | { kind: 'stale'; currentRevision: number };

/**
 * What the designs service needs from storage. DesignsRepository implements it over Prisma; the service specs use an
 * in-memory one (test/fixtures/designs/in-memory-design.store.ts), so every revision branch is tested without Postgres.
 */
export interface DesignStore {
  create(spec: DesignSpec, actor: string | undefined): Promise<DesignWithSpec>;
  /** The latest revision of each design found, by id (absent ids are missing): one read for many ids (DataLoader). */
  findMany(ids: readonly string[]): Promise<Map<string, DesignWithSpec>>;
  list(filter: DesignListFilter): Promise<DesignRecord[]>;
  /** Compare-and-set: appends revision expectedRevision+1 only if the design is still at expectedRevision. */
  update(id: string, expectedRevision: number, spec: DesignSpec, actor: string | undefined): Promise<UpdateOutcome>;
  /** Without expectedRevision deletes whatever revision is current. */
  delete(id: string, expectedRevision?: number): Promise<'deleted' | 'missing' | { stale: number }>;
  /** Each found design's revision summaries, oldest first, by id (absent ids are missing). */
  listRevisionsOf(ids: readonly string[]): Promise<Map<string, RevisionSummaryRecord[]>>;
  /** The revisions found, by design id then revision number, for [id, revision] keys. */
  findRevisions(keys: readonly (readonly [string, number])[]): Promise<Map<string, Map<number, RevisionRecord>>>;
}

export type RevisionSummaryRecord = Omit<RevisionRecord, 'spec'>;

type DesignRow = Prisma.DesignGetPayload<object>;

@Injectable()
export class DesignsRepository implements DesignStore {
  public constructor(private readonly prisma: PrismaService) {}

  public async create(spec: DesignSpec, actor: string | undefined): Promise<DesignWithSpec> {
    const row = await this.prisma.design.create({
      data: {
        ...columnsOf(spec),
        currentRevision: 1,
        createdBy: actor ?? null,
        updatedBy: actor ?? null,
        revisions: { create: { revision: 1, spec: toJson(spec), createdBy: actor ?? null } },
      },
    });
    return { ...toRecord(row), spec };
  }

  /**
   * The current revision is always the highest one, and its row is written in the transaction that moves the design's
   * currentRevision. Everything revision-specific is taken from that revision row, so a reader never pairs an old spec
   * with a newer revision number, which would let its next update overwrite a revision it never saw. Two queries for any
   * number of ids (the design rows, then exactly their current revisions), so aliases cannot fan out into many reads.
   */
  public async findMany(ids: readonly string[]): Promise<Map<string, DesignWithSpec>> {
    const designs = await this.prisma.design.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, currentRevision: true, createdAt: true, createdBy: true },
    });
    if (designs.length === 0) return new Map();
    const revisions = await this.prisma.designRevision.findMany({
      where: { OR: designs.map((design) => ({ designId: design.id, revision: design.currentRevision })) },
    });
    const byId = new Map(designs.map((design) => [design.id, design]));
    return new Map(
      revisions.map((latest) => {
        const design = byId.get(latest.designId)!;
        const spec = latest.spec as unknown as DesignSpec;
        return [
          latest.designId,
          {
            id: latest.designId,
            ...columnsOf(spec),
            revision: latest.revision,
            createdAt: design.createdAt,
            updatedAt: latest.createdAt,
            createdBy: design.createdBy,
            updatedBy: latest.createdBy,
            spec,
          },
        ];
      }),
    );
  }

  public async list(filter: DesignListFilter): Promise<DesignRecord[]> {
    const rows = await this.prisma.design.findMany({
      where: {
        ...(filter.owner !== undefined ? { owner: filter.owner } : {}),
        ...(filter.tag !== undefined ? { tags: { has: filter.tag } } : {}),
        ...(filter.after
          ? { OR: [{ createdAt: { gt: filter.after.createdAt } }, { createdAt: filter.after.createdAt, id: { gt: filter.after.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: filter.limit,
    });
    return rows.map(toRecord);
  }

  /**
   * Appends revision expected+1 only if the design is still at `expectedRevision`: the conditional UPDATE is the
   * compare-and-set, so of many concurrent writers based on the same revision exactly one wins.
   */
  public async update(id: string, expectedRevision: number, spec: DesignSpec, actor: string | undefined): Promise<UpdateOutcome> {
    const updated = await this.prisma.$transaction(async (tx) => {
      const rows = await tx.design.updateManyAndReturn({
        where: { id, currentRevision: expectedRevision },
        data: { ...columnsOf(spec), currentRevision: { increment: 1 }, updatedBy: actor ?? null, updatedAt: new Date() },
      });
      if (rows.length === 0) return undefined;
      await tx.designRevision.create({
        data: { designId: id, revision: expectedRevision + 1, spec: toJson(spec), createdBy: actor ?? null },
      });
      return rows[0];
    });
    if (updated) return { kind: 'updated', design: { ...toRecord(updated), spec } };
    const current = await this.prisma.design.findUnique({ where: { id }, select: { currentRevision: true } });
    return current ? { kind: 'stale', currentRevision: current.currentRevision } : { kind: 'missing' };
  }

  public async delete(id: string, expectedRevision?: number): Promise<'deleted' | 'missing' | { stale: number }> {
    const { count } = await this.prisma.design.deleteMany({
      where: { id, ...(expectedRevision !== undefined ? { currentRevision: expectedRevision } : {}) },
    });
    if (count > 0) return 'deleted';
    const current = await this.prisma.design.findUnique({ where: { id }, select: { currentRevision: true } });
    return current ? { stale: current.currentRevision } : 'missing';
  }

  public async listRevisionsOf(ids: readonly string[]): Promise<Map<string, RevisionSummaryRecord[]>> {
    const designs = await this.prisma.design.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: {
        id: true,
        revisions: { orderBy: { revision: 'asc' }, select: { designId: true, revision: true, createdAt: true, createdBy: true } },
      },
    });
    return new Map(designs.map((design) => [design.id, design.revisions]));
  }

  public async findRevisions(keys: readonly (readonly [string, number])[]): Promise<Map<string, Map<number, RevisionRecord>>> {
    const found = new Map<string, Map<number, RevisionRecord>>();
    if (keys.length === 0) return found;
    const rows = await this.prisma.designRevision.findMany({
      where: { OR: keys.map(([designId, revision]) => ({ designId, revision })) },
    });
    for (const row of rows) {
      const revisions = found.get(row.designId) ?? new Map<number, RevisionRecord>();
      revisions.set(row.revision, {
        designId: row.designId,
        revision: row.revision,
        createdAt: row.createdAt,
        createdBy: row.createdBy,
        spec: row.spec as unknown as DesignSpec,
      });
      found.set(row.designId, revisions);
    }
    return found;
  }
}

function columnsOf(spec: DesignSpec) {
  return { name: spec.name, owner: spec.owner ?? null, tags: spec.tags ?? [] };
}

function toJson(spec: DesignSpec): Prisma.InputJsonValue {
  return spec as unknown as Prisma.InputJsonValue;
}

function toRecord(row: DesignRow): DesignRecord {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    tags: row.tags,
    revision: row.currentRevision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
  };
}
