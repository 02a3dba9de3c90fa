import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalogs/catalog.service.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import { DEFAULT_CATALOG } from '../../domain/spec/design-spec.types.js';
import type {
  MaxPodsQuery,
  MaxPodsResult,
  MaxPodsTableQuery,
  SubnetUsageRequest,
  SubnetUsageResult,
} from '../../domain/capacity/capacity.types.js';
import { computeMaxPods, computeMaxPodsTable, type MaxPodsTable } from '../../domain/capacity/max-pods.engine.js';
import { computeSubnetUsage } from '../../domain/capacity/subnet-usage.engine.js';

/** The capacity engine over the in-memory catalog indexes (the `aws` one never touches Postgres). */
@Injectable()
export class CapacityService {
  public constructor(
    private readonly catalogs: CatalogService,
    private readonly metrics: MetricsService,
  ) {}

  public async maxPods({ instanceType, catalog, ...options }: MaxPodsQuery): Promise<MaxPodsResult> {
    const type = await this.catalogs.lookup(catalog ?? DEFAULT_CATALOG, instanceType);
    return this.metrics.timeEngine('capacity.max_pods', () => computeMaxPods(type, options));
  }

  public async maxPodsTable({ catalog, family, minVcpu, ...options }: MaxPodsTableQuery): Promise<MaxPodsTable> {
    const index = await this.catalogs.index(catalog ?? DEFAULT_CATALOG);
    const types =
      family === undefined && minVcpu === undefined
        ? index.sorted
        : index.sorted.filter((t) => (family === undefined || t.family === family) && (minVcpu === undefined || (t.vcpu ?? 0) >= minVcpu));
    return this.metrics.timeEngine('capacity.max_pods_table', () => computeMaxPodsTable(types, options));
  }

  public async subnetUsage(request: SubnetUsageRequest & { catalog?: string }): Promise<SubnetUsageResult> {
    const index = await this.catalogs.index(request.catalog ?? DEFAULT_CATALOG);
    return this.metrics.timeEngine('capacity.subnet_usage', () => computeSubnetUsage(request, (name) => index.byName.get(name)));
  }
}
