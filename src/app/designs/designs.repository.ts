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
  find(id: string): Promise<DesignWithSpec | undefined>;
  list(filter: DesignListFilter): Promise<DesignRecord[]>;
  /** Compare-and-set: appends revision expectedRevision+1 only if the design is still at expectedRevision. */
  update(id: string, expectedRevision: number, spec: DesignSpec, actor: string | undefined): Promise<UpdateOutcome>;
  /** Without expectedRevision deletes whatever revision is current. */
  delete(id: string, expectedRevision?: number): Promise<'deleted' | 'missing' | { stale: number }>;
  listRevisions(id: string): Promise<Omit<RevisionRecord, 'spec'>[] | undefined>;
  findRevision(id: string, revision: number): Promise<RevisionRecord | undefined>;
}

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
   * The current revision is always the highest one. Everything revision-specific is taken from that revision row (the
   * design row may already belong to a newer revision committed in between), so a reader never pairs an old spec with a
   * newer revision number, which would let its next update overwrite a revision it never saw.
   */
  public async find(id: string): Promise<DesignWithSpec | undefined> {
    const latest = await this.prisma.designRevision.findFirst({
      where: { designId: id },
      orderBy: { revision: 'desc' },
      include: { design: { select: { createdAt: true, createdBy: true } } },
    });
    if (!latest) return undefined;
    const spec = latest.spec as unknown as DesignSpec;
    return {
      id: latest.designId,
      ...columnsOf(spec),
      revision: latest.revision,
      createdAt: latest.design.createdAt,
      updatedAt: latest.createdAt,
      createdBy: latest.design.createdBy,
      updatedBy: latest.createdBy,
      spec,
    };
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

  public async listRevisions(id: string): Promise<Omit<RevisionRecord, 'spec'>[] | undefined> {
    const exists = await this.prisma.design.findUnique({ where: { id }, select: { id: true } });
    if (!exists) return undefined;
    return this.prisma.designRevision.findMany({
      where: { designId: id },
      orderBy: { revision: 'asc' },
      select: { designId: true, revision: true, createdAt: true, createdBy: true },
    });
  }

  public async findRevision(id: string, revision: number): Promise<RevisionRecord | undefined> {
    const row = await this.prisma.designRevision.findUnique({ where: { designId_revision: { designId: id, revision } } });
    return row
      ? {
          designId: row.designId,
          revision: row.revision,
          createdAt: row.createdAt,
          createdBy: row.createdBy,
          spec: row.spec as unknown as DesignSpec,
        }
      : undefined;
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
