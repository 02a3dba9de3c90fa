import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { PrismaService } from '../../platform/persistence/prisma.service.js';
import type { BundledCatalog } from '../../domain/catalog/data/aws-catalog.data.js';
import type { InstanceTypeRecord, NetworkCard } from '../../domain/catalog/instance-type.js';

export interface CatalogSummary {
  name: string;
  description: string;
  readOnly: boolean;
  source: string | null;
  sourceVersion: string | null;
  instanceTypeCount: number;
}

export interface InstanceTypeQuery {
  family?: string;
  hypervisor?: InstanceTypeRecord['hypervisor'];
  minVcpu?: number;
  trunking?: boolean;
}

/** Serializes concurrent seeders (several replicas starting together). */
const SEED_LOCK = 4_907_311;

type InstanceTypeRow = Prisma.InstanceTypeGetPayload<object>;

@Injectable()
export class CatalogRepository {
  public constructor(private readonly prisma: PrismaService) {}

  public async listCatalogs(): Promise<CatalogSummary[]> {
    const rows = await this.prisma.catalog.findMany({ orderBy: { name: 'asc' }, include: { _count: { select: { instanceTypes: true } } } });
    return rows.map(({ _count, createdAt: _c, updatedAt: _u, ...row }) => ({ ...row, instanceTypeCount: _count.instanceTypes }));
  }

  public async findCatalog(name: string): Promise<CatalogSummary | undefined> {
    const row = await this.prisma.catalog.findUnique({ where: { name }, include: { _count: { select: { instanceTypes: true } } } });
    if (!row) return undefined;
    const { _count, createdAt: _c, updatedAt: _u, ...rest } = row;
    return { ...rest, instanceTypeCount: _count.instanceTypes };
  }

  public async findCatalogs(names: readonly string[]): Promise<CatalogSummary[]> {
    const rows = await this.prisma.catalog.findMany({
      where: { name: { in: [...new Set(names)] } },
      include: { _count: { select: { instanceTypes: true } } },
    });
    return rows.map(({ _count, createdAt: _c, updatedAt: _u, ...row }) => ({ ...row, instanceTypeCount: _count.instanceTypes }));
  }

  /** Instance types by [catalog, name], in one query: catalog → name → record. */
  public async findInstanceTypes(keys: readonly (readonly [string, string])[]): Promise<Map<string, Map<string, InstanceTypeRecord>>> {
    const byCatalog = new Map<string, Set<string>>();
    for (const [catalog, name] of keys) byCatalog.set(catalog, (byCatalog.get(catalog) ?? new Set()).add(name));
    const rows = await this.prisma.instanceType.findMany({
      where: { OR: [...byCatalog].map(([catalogName, names]) => ({ catalogName, name: { in: [...names] } })) },
    });
    const found = new Map<string, Map<string, InstanceTypeRecord>>();
    for (const row of rows) {
      const record = fromRow(row);
      found.set(row.catalogName, (found.get(row.catalogName) ?? new Map<string, InstanceTypeRecord>()).set(record.name, record));
    }
    return found;
  }

  public async createCatalog(name: string, description: string, types: readonly InstanceTypeRecord[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.catalog.create({ data: { name, description } }),
      this.prisma.instanceType.createMany({ data: types.map((t) => toRow(name, t)) }),
    ]);
  }

  public async deleteCatalog(name: string): Promise<boolean> {
    const { count } = await this.prisma.catalog.deleteMany({ where: { name } });
    return count > 0;
  }

  /** Names of saved designs whose latest revision uses this catalog (explicitly, or `aws` by default). */
  public async designsUsingCatalog(name: string): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT d.id::text AS id FROM "Design" d
      JOIN "DesignRevision" r ON r."designId" = d.id AND r.revision = d."currentRevision"
      WHERE coalesce(r.spec->>'catalog', 'aws') = ${name}
      LIMIT 20`;
    return rows.map((r) => r.id);
  }

  public async listInstanceTypes(
    catalog: string,
    query: InstanceTypeQuery,
    limit: number,
    afterName?: string,
  ): Promise<InstanceTypeRecord[]> {
    const rows = await this.prisma.instanceType.findMany({
      where: {
        catalogName: catalog,
        ...(query.family !== undefined ? { family: query.family } : {}),
        ...(query.hypervisor !== undefined ? { hypervisor: query.hypervisor } : {}),
        ...(query.minVcpu !== undefined ? { vcpu: { gte: query.minVcpu } } : {}),
        ...(query.trunking !== undefined ? { trunkingCompatible: query.trunking } : {}),
        ...(afterName !== undefined ? { name: { gt: afterName } } : {}),
      },
      orderBy: { name: 'asc' },
      take: limit,
    });
    return rows.map(fromRow);
  }

  public async allInstanceTypes(catalog: string): Promise<InstanceTypeRecord[]> {
    const rows = await this.prisma.instanceType.findMany({ where: { catalogName: catalog }, orderBy: { name: 'asc' } });
    return rows.map(fromRow);
  }

  public async findInstanceType(catalog: string, name: string): Promise<InstanceTypeRecord | undefined> {
    const row = await this.prisma.instanceType.findUnique({ where: { catalogName_name: { catalogName: catalog, name } } });
    return row ? fromRow(row) : undefined;
  }

  public async upsertInstanceType(catalog: string, type: InstanceTypeRecord): Promise<{ created: boolean }> {
    const data = toRow(catalog, type);
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.instanceType.findUnique({
        where: { catalogName_name: { catalogName: catalog, name: type.name } },
        select: { name: true },
      });
      await tx.instanceType.upsert({ where: { catalogName_name: { catalogName: catalog, name: type.name } }, create: data, update: data });
      await tx.catalog.update({ where: { name: catalog }, data: { updatedAt: new Date() } });
      return { created: existing === null };
    });
  }

  public async deleteInstanceType(catalog: string, name: string): Promise<boolean> {
    const { count } = await this.prisma.instanceType.deleteMany({ where: { catalogName: catalog, name } });
    return count > 0;
  }

  /**
   * Makes the bundled catalog's rows exactly the bundled data, once per data version: a no-op when the stored source
   * version and count already match, so restarts and concurrent replicas do nothing twice.
   */
  public async seedBundledCatalog(bundled: BundledCatalog): Promise<'seeded' | 'unchanged'> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
        const existing = await tx.catalog.findUnique({
          where: { name: bundled.name },
          include: { _count: { select: { instanceTypes: true } } },
        });
        if (
          existing &&
          existing.sourceVersion === bundled.sourceVersion &&
          existing._count.instanceTypes === bundled.instanceTypes.length
        ) {
          return 'unchanged';
        }
        const catalog = { description: bundled.description, readOnly: true, source: bundled.source, sourceVersion: bundled.sourceVersion };
        await tx.catalog.upsert({ where: { name: bundled.name }, create: { name: bundled.name, ...catalog }, update: catalog });
        await tx.instanceType.deleteMany({ where: { catalogName: bundled.name } });
        await tx.instanceType.createMany({ data: bundled.instanceTypes.map((t) => toRow(bundled.name, t)) });
        return 'seeded';
      },
      { timeout: 60_000 },
    );
  }
}

function toRow(catalogName: string, type: InstanceTypeRecord): Prisma.InstanceTypeCreateManyInput {
  return {
    catalogName,
    name: type.name,
    family: type.family,
    vcpu: type.vcpu,
    maxEnis: type.maxEnis,
    ipv4PerEni: type.ipv4PerEni,
    hypervisor: type.hypervisor,
    bareMetal: type.bareMetal,
    networkCards: type.networkCards.map((card) => ({ index: card.index, maxEnis: card.maxEnis })),
    defaultNetworkCardIndex: type.defaultNetworkCardIndex,
    branchInterfaces: type.branchInterfaces,
    trunkingCompatible: type.trunkingCompatible,
  };
}

function fromRow(row: InstanceTypeRow): InstanceTypeRecord {
  return {
    name: row.name,
    family: row.family,
    vcpu: row.vcpu,
    maxEnis: row.maxEnis,
    ipv4PerEni: row.ipv4PerEni,
    hypervisor: row.hypervisor,
    bareMetal: row.bareMetal,
    networkCards: row.networkCards as unknown as NetworkCard[],
    defaultNetworkCardIndex: row.defaultNetworkCardIndex,
    branchInterfaces: row.branchInterfaces,
    trunkingCompatible: row.trunkingCompatible,
  };
}
