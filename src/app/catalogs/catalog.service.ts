import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  ConflictError,
  type ErrorDetail,
  ForbiddenError,
  NotFoundError,
  ValidationFailedError,
} from '../../domain/errors/planning-error.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor } from '../../platform/pagination/cursor.js';
import { AWS_CATALOG, AWS_CATALOG_NAME } from '../../domain/catalog/data/aws-catalog.data.js';
import { importInstanceTypes, type AwsImportWarning } from '../../domain/aws-import/index.js';
import type { CreateCatalogInput } from './dto/create-catalog.input.js';
import type { ImportAwsCatalogInput } from './dto/import-aws-catalog.input.js';
import type { InstanceTypeModel } from './dto/instance-type.model.js';
import { type CatalogSummary, CatalogRepository, type InstanceTypeQuery } from './catalog.repository.js';
import { buildIndex, type CatalogIndex, instanceTypeNotFound } from '../../domain/catalog/catalog-index.js';
import { familyOf, type InstanceTypeRecord } from '../../domain/catalog/instance-type.js';

export interface InstanceTypePageResult {
  items: InstanceTypeRecord[];
  nextCursor: string | null;
}

/** Custom catalogs can be edited by another replica; re-read them after this long. */
const CUSTOM_CATALOG_CACHE_MS = 5_000;

@Injectable()
export class CatalogService implements OnModuleInit {
  private readonly logger = new Logger(CatalogService.name);
  /**
   * The read-only `aws` catalog is the bundled data the database was seeded from, so engines read it from memory:
   * capacity answers keep working while Postgres is down, and the whole-catalog table never touches the database.
   */
  private readonly awsIndex = buildIndex(AWS_CATALOG_NAME, true, AWS_CATALOG.instanceTypes);
  private readonly customIndexes = new Map<string, { index: CatalogIndex; loadedAt: number; version: string }>();
  /** Bumped whenever a custom catalog's index is (re)built: a change here, or a re-read that may see another replica's. */
  private indexGeneration = 0;

  public constructor(private readonly repository: CatalogRepository) {}

  public async onModuleInit(): Promise<void> {
    const outcome = await this.repository.seedBundledCatalog(AWS_CATALOG);
    this.logger.log(
      `catalog ${AWS_CATALOG_NAME}: ${outcome} (${AWS_CATALOG.instanceTypes.length} instance types, ${AWS_CATALOG.sourceVersion})`,
    );
  }

  public listCatalogs(): Promise<CatalogSummary[]> {
    return this.repository.listCatalogs();
  }

  public async getCatalog(name: string): Promise<CatalogSummary> {
    const catalog = await this.repository.findCatalog(name);
    if (!catalog) throw catalogNotFound(name);
    return catalog;
  }

  /** Several catalogs in one read, in the order asked, each a summary or its CATALOG_NOT_FOUND error (for DataLoader). */
  public async getCatalogs(names: readonly string[]): Promise<(CatalogSummary | NotFoundError)[]> {
    const found = new Map((await this.repository.findCatalogs(names)).map((catalog) => [catalog.name, catalog]));
    return names.map((name) => found.get(name) ?? catalogNotFound(name));
  }

  /** Several instance types in one read, by [catalog, name], each a record or its 404 error (for DataLoader). */
  public async getInstanceTypes(keys: readonly (readonly [string, string])[]): Promise<(InstanceTypeRecord | NotFoundError)[]> {
    const found = await this.repository.findInstanceTypes(keys);
    const missing = keys.filter(([catalog, name]) => !found.get(catalog)?.has(name));
    const catalogs =
      missing.length > 0 ? new Set((await this.repository.findCatalogs(missing.map(([c]) => c))).map((c) => c.name)) : new Set();
    return keys.map(
      ([catalog, name]) =>
        found.get(catalog)?.get(name) ?? (catalogs.has(catalog) ? instanceTypeNotFound(catalog, name) : catalogNotFound(catalog)),
    );
  }

  public async createCatalog(input: CreateCatalogInput): Promise<CatalogSummary> {
    const types = normalizeInstanceTypes(input.instanceTypes, 'instanceTypes');
    if (await this.repository.findCatalog(input.name)) {
      throw new ConflictError('CATALOG_EXISTS', `A catalog named "${input.name}" already exists.`);
    }
    await this.repository.createCatalog(input.name, input.description ?? '', types);
    this.customIndexes.delete(input.name);
    return this.getCatalog(input.name);
  }

  /** `aws ec2 describe-instance-types` output → a custom catalog (branch ENIs from the aws catalog where it knows the type). */
  public async importAwsCatalog(input: ImportAwsCatalogInput): Promise<{ catalog: CatalogSummary; warnings: AwsImportWarning[] }> {
    const imported = importInstanceTypes(input.instanceTypes, (name) => this.awsIndex.byName.get(name));
    const catalog = await this.createCatalog({ name: input.name, description: input.description, instanceTypes: imported.instanceTypes });
    return { catalog, warnings: imported.warnings };
  }

  public async deleteCatalog(name: string): Promise<void> {
    const catalog = await this.getWritableCatalog(name);
    const users = await this.repository.designsUsingCatalog(catalog.name);
    if (users.length > 0) {
      throw new ConflictError('CATALOG_IN_USE', `Catalog "${name}" is used by saved designs (${users.join(', ')}); change them first.`);
    }
    await this.repository.deleteCatalog(name);
    this.customIndexes.delete(name);
  }

  public async listInstanceTypes(
    catalog: string,
    filter: InstanceTypeQuery,
    limit = DEFAULT_PAGE_SIZE,
    cursor?: string,
  ): Promise<InstanceTypePageResult> {
    const after = cursor === undefined ? undefined : decodeCursor(cursor, ['name']).name;
    await this.getCatalog(catalog);
    const rows = await this.repository.listInstanceTypes(catalog, filter, limit + 1, after);
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor({ name: items[items.length - 1].name }) : null;
    return { items, nextCursor };
  }

  public async getInstanceType(catalog: string, name: string): Promise<InstanceTypeRecord> {
    const type = await this.repository.findInstanceType(catalog, name);
    if (type) return type;
    await this.getCatalog(catalog);
    throw instanceTypeNotFound(catalog, name);
  }

  public async upsertInstanceType(
    catalog: string,
    name: string,
    input: InstanceTypeModel,
  ): Promise<{ type: InstanceTypeRecord; created: boolean }> {
    if (input.name !== name) {
      throw new ValidationFailedError([
        { path: 'name', message: `body name "${input.name}" differs from "${name}" in the path`, code: 'NAME_MISMATCH' },
      ]);
    }
    const [type] = normalizeInstanceTypes([input], '');
    await this.getWritableCatalog(catalog);
    const { created } = await this.repository.upsertInstanceType(catalog, type);
    this.customIndexes.delete(catalog);
    return { type, created };
  }

  public async deleteInstanceType(catalog: string, name: string): Promise<void> {
    await this.getWritableCatalog(catalog);
    if (!(await this.repository.deleteInstanceType(catalog, name))) throw instanceTypeNotFound(catalog, name);
    this.customIndexes.delete(catalog);
  }

  /** The in-memory index the engines use; `aws` never touches the database. */
  public async index(catalog: string): Promise<CatalogIndex> {
    if (catalog === AWS_CATALOG_NAME) return this.awsIndex;
    const cached = this.customIndexes.get(catalog);
    if (cached && Date.now() - cached.loadedAt < CUSTOM_CATALOG_CACHE_MS) return cached.index;
    const summary = await this.repository.findCatalog(catalog);
    if (!summary) throw catalogNotFound(catalog);
    const index = buildIndex(catalog, summary.readOnly, await this.repository.allInstanceTypes(catalog));
    this.customIndexes.set(catalog, { index, loadedAt: Date.now(), version: `${catalog}#${++this.indexGeneration}` });
    return index;
  }

  /**
   * Names the data the engines read for this catalog right now: answers computed over one version stay right while it
   * lasts. `aws` has one version per bundled data set; a custom catalog gets a new one whenever this replica changes it
   * or re-reads it (every CUSTOM_CATALOG_CACHE_MS, to see other replicas' changes). NOT_FOUND for an unknown catalog.
   */
  public async version(catalog: string): Promise<string> {
    if (catalog === AWS_CATALOG_NAME) return `${AWS_CATALOG_NAME}@${AWS_CATALOG.sourceVersion}`;
    await this.index(catalog);
    const cached = this.customIndexes.get(catalog);
    if (!cached) throw catalogNotFound(catalog);
    return cached.version;
  }

  /** One instance type from the engine index, 404 INSTANCE_TYPE_NOT_FOUND when missing. */
  public async lookup(catalog: string, name: string): Promise<InstanceTypeRecord> {
    const type = (await this.index(catalog)).byName.get(name);
    if (!type) throw instanceTypeNotFound(catalog, name);
    return type;
  }

  private async getWritableCatalog(name: string): Promise<CatalogSummary> {
    if (name === AWS_CATALOG_NAME) throw readOnly(name);
    const catalog = await this.getCatalog(name);
    if (catalog.readOnly) throw readOnly(name);
    return catalog;
  }
}

/** Fills derived fields and checks what class-validator cannot: unique names and a consistent default card. */
export function normalizeInstanceTypes(inputs: readonly InstanceTypeModel[], basePath: string): InstanceTypeRecord[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const records = inputs.map((input, i) => {
    const path = basePath ? `${basePath}[${i}]` : '';
    const at = (field: string) => (path ? `${path}.${field}` : field);
    if (seen.has(input.name))
      problems.push({ path: at('name'), message: `duplicate instance type "${input.name}"`, code: 'DUPLICATE_NAME' });
    seen.add(input.name);
    const networkCards = input.networkCards?.map((c) => ({ index: c.index, maxEnis: c.maxEnis })) ?? [{ index: 0, maxEnis: input.maxEnis }];
    const defaultNetworkCardIndex = input.defaultNetworkCardIndex ?? networkCards[0].index;
    const indexes = networkCards.map((c) => c.index);
    if (new Set(indexes).size !== indexes.length)
      problems.push({ path: at('networkCards'), message: 'network card indexes must be unique', code: 'DUPLICATE_NETWORK_CARD' });
    const defaultCard = networkCards.find((c) => c.index === defaultNetworkCardIndex);
    if (!defaultCard) {
      problems.push({
        path: at('defaultNetworkCardIndex'),
        message: `no network card has index ${defaultNetworkCardIndex}`,
        code: 'UNKNOWN_NETWORK_CARD',
      });
    } else if (defaultCard.maxEnis !== input.maxEnis) {
      // The VPC CNI only uses the default card (scripts/gen_vpc_ip_limits.go), so maxEnis is that card's limit.
      problems.push({
        path: at('maxEnis'),
        message: `maxEnis (${input.maxEnis}) must equal the default network card's maxEnis (${defaultCard.maxEnis})`,
        code: 'INCONSISTENT_NETWORK_CARDS',
      });
    }
    const family = input.family ?? familyOf(input.name);
    return {
      name: input.name,
      family,
      vcpu: input.vcpu ?? null,
      maxEnis: input.maxEnis,
      ipv4PerEni: input.ipv4PerEni,
      hypervisor: input.hypervisor,
      bareMetal: input.bareMetal,
      networkCards,
      defaultNetworkCardIndex,
      branchInterfaces: input.branchInterfaces ?? null,
      trunkingCompatible: input.trunkingCompatible ?? null,
    };
  });
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return records;
}

function catalogNotFound(name: string): NotFoundError {
  return new NotFoundError('CATALOG_NOT_FOUND', `No catalog named "${name}".`);
}

function readOnly(name: string): ForbiddenError {
  return new ForbiddenError('CATALOG_READ_ONLY', `Catalog "${name}" is read-only; create a custom catalog to change instance types.`);
}
