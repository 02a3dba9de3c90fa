/**
 * The planner in this process: the pure engines over the bundled `aws` catalog, with the same validation and wiring
 * the server's services use (design-spec validator, exposure engine behind the trace's ResolveExposure port).
 * No Nest, no Prisma, no network.
 */
import {
  computeMaxPods, computeMaxPodsTable, computeSubnetUsage, type MaxPodsResult, type MaxPodsTable, type SubnetUsageResult,
} from '../capacity/engine/index.js';
import { AWS_CATALOG, AWS_CATALOG_NAME } from '../catalog/data/aws-catalog.data.js';
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import { NotFoundError } from '../common/errors/planning-error.js';
import { assertValidDesignSpec } from '../designs/design-spec/design-spec.validator.js';
import { DEFAULT_CATALOG, type DesignSpec } from '../designs/design-spec/design-spec.types.js';
import { planDesign, type DesignPlan } from '../designs/plan/index.js';
import { lintManifests, type LintContextInput, type LintResult } from '../exposure/engine/index.js';
import { tracePath, type Flow, type TraceResult } from '../traffic-path/engine/index.js';
import { resolveExposureWithEngine } from '../traffic-path/resolved-exposure.mapper.js';
import { dropNullProperties } from '../common/json/drop-null-properties.js';
import type {
  FlowRequest, MaxPodsQuery, MaxPodsTableQuery, PlannerClient, SubnetUsageQuery, TraceQuery,
} from './planner-client.js';

interface CatalogIndex {
  byName: ReadonlyMap<string, InstanceTypeRecord>;
  names: ReadonlySet<string>;
  /** By name, as the server's catalog index sorts them (code-unit order). */
  sorted: readonly InstanceTypeRecord[];
}

function buildIndex(types: readonly InstanceTypeRecord[]): CatalogIndex {
  const sorted = [...types].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { byName: new Map(sorted.map((t) => [t.name, t])), names: new Set(sorted.map((t) => t.name)), sorted };
}

export class LocalPlanner implements PlannerClient {
  public readonly origin = 'local engines';
  private readonly aws = buildIndex(AWS_CATALOG.instanceTypes);

  public async maxPods({ instanceType, catalog, ...options }: MaxPodsQuery): Promise<MaxPodsResult> {
    const index = this.catalog(catalog);
    const type = index.byName.get(instanceType);
    if (!type) throw instanceTypeNotFound(catalog ?? DEFAULT_CATALOG, instanceType);
    return computeMaxPods(type, options);
  }

  public async maxPodsTable({ catalog, family, minVcpu, ...options }: MaxPodsTableQuery): Promise<MaxPodsTable> {
    const types = this.catalog(catalog).sorted
      .filter((t) => (family === undefined || t.family === family) && (minVcpu === undefined || (t.vcpu ?? 0) >= minVcpu));
    return computeMaxPodsTable(types, options);
  }

  public async subnetUsage({ catalog, ...request }: SubnetUsageQuery): Promise<SubnetUsageResult> {
    const index = this.catalog(catalog);
    return computeSubnetUsage(request, (name) => index.byName.get(name));
  }

  public async trace(query: TraceQuery): Promise<TraceResult> {
    if (!('design' in query)) {
      throw new NotFoundError('DESIGN_NOT_FOUND', `Saved designs live on a server: give --server to trace design ${query.designId}.`);
    }
    return tracePath(this.validate(query.design), engineFlow(query.flow), { resolveExposure: resolveExposureWithEngine });
  }

  public async plan(design: unknown): Promise<DesignPlan> {
    const spec = this.validate(design);
    const index = this.catalog(spec.catalog);
    return planDesign(spec, { lookupInstanceType: (name) => index.byName.get(name) });
  }

  public async lint(manifests: string, context?: LintContextInput): Promise<LintResult> {
    return lintManifests(manifests, context);
  }

  /** As DesignsService.validate: JSON nulls mean "not set", instance types are checked against the design's catalog. */
  private validate(input: unknown): DesignSpec {
    return assertValidDesignSpec(dropNullProperties(input), {
      instanceTypeNames: (catalog) => (catalog === AWS_CATALOG_NAME ? this.aws.names : undefined),
    });
  }

  private catalog(name: string | undefined): CatalogIndex {
    if (name === undefined || name === AWS_CATALOG_NAME) return this.aws;
    throw new NotFoundError('CATALOG_NOT_FOUND', `No catalog named "${name}" here: without --server only the bundled "${AWS_CATALOG_NAME}" catalog exists.`);
  }
}

/** Same wording as the server's 404 (src/catalog/catalog.service.ts instanceTypeNotFound). */
function instanceTypeNotFound(catalog: string, name: string): NotFoundError {
  return new NotFoundError('INSTANCE_TYPE_NOT_FOUND', `Instance type "${name}" is not in catalog "${catalog}".`);
}

/** The REST flow (NAT EIPs as a list) as the engine's Flow (a null-prototype map, as TrafficPathService builds it). */
function engineFlow({ natGatewayEips, ...flow }: FlowRequest): Flow {
  const eips: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { natGateway, ip } of natGatewayEips ?? []) eips[natGateway] = ip;
  return { ...(dropNullProperties(flow) as Omit<Flow, 'natGatewayEips'>), natGatewayEips: eips };
}
