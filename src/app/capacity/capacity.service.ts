import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalogs/catalog.service.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import { ComputePool } from '../../platform/compute/compute-pool.js';
import { shippedCatalog, type TableInput } from '../../platform/compute/compute-tasks.js';
import type { JsonText } from '../../platform/http/json-text.js';
import { DEFAULT_CATALOG } from '../../domain/spec/design-spec.types.js';
import type {
  MaxPodsQuery,
  MaxPodsResult,
  MaxPodsTableQuery,
  SubnetUsageRequest,
  SubnetUsageResult,
} from '../../domain/capacity/capacity.types.js';
import { computeMaxPods, type MaxPodsTable } from '../../domain/capacity/max-pods.engine.js';
import { computeSubnetUsage } from '../../domain/capacity/subnet-usage.engine.js';

/** The capacity engine over the in-memory catalog indexes (the `aws` one never touches Postgres). */
@Injectable()
export class CapacityService {
  public constructor(
    private readonly catalogs: CatalogService,
    private readonly metrics: MetricsService,
    private readonly compute: ComputePool,
  ) {}

  public async maxPods({ instanceType, catalog, ...options }: MaxPodsQuery): Promise<MaxPodsResult> {
    const type = await this.catalogs.lookup(catalog ?? DEFAULT_CATALOG, instanceType);
    return this.metrics.timeEngine('capacity.max_pods', () => computeMaxPods(type, options));
  }

  /** A table above COMPUTE_POOL_MIN_SIZE.tableRows (the whole catalog, a large family) is computed in a worker thread. */
  public async maxPodsTable(query: MaxPodsTableQuery): Promise<MaxPodsTable> {
    const input = await this.tableInput(query);
    return this.metrics.timeEngineAsync('capacity.max_pods_table', () => this.compute.run('maxPodsTable', input));
  }

  /** The same table as JSON text, for REST (the whole-catalog table is ~3 MB: serialized in the thread that computed it). */
  public async maxPodsTableJson(query: MaxPodsTableQuery): Promise<JsonText> {
    const input = await this.tableInput(query);
    return this.metrics.timeEngineAsync('capacity.max_pods_table', () => this.compute.runAsJson('maxPodsTable', input));
  }

  private async tableInput({ catalog, family, minVcpu, ...options }: MaxPodsTableQuery): Promise<TableInput> {
    return { catalog: shippedCatalog(await this.catalogs.index(catalog ?? DEFAULT_CATALOG)), filter: { family, minVcpu }, options };
  }

  public async subnetUsage(request: SubnetUsageRequest & { catalog?: string }): Promise<SubnetUsageResult> {
    const index = await this.catalogs.index(request.catalog ?? DEFAULT_CATALOG);
    return this.metrics.timeEngine('capacity.subnet_usage', () => computeSubnetUsage(request, (name) => index.byName.get(name)));
  }
}
