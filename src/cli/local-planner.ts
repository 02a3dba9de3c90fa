/**
 * The planner in this process: the pure engines over the bundled `aws` catalog, with the same validation and wiring
 * the server's services use (design-spec validator, exposure engine behind the trace's ResolveExposure port).
 * No Nest, no Prisma, no network.
 */
import {
  computeMaxPods,
  computeMaxPodsTable,
  computeSubnetUsage,
  type MaxPodsResult,
  type MaxPodsTable,
  type SubnetUsageResult,
} from '../domain/capacity/index.js';
import { AWS_CATALOG, AWS_CATALOG_NAME } from '../domain/catalog/data/aws-catalog.data.js';
import { buildIndex, type CatalogIndex, filterInstanceTypes, instanceTypeNotFound } from '../domain/catalog/catalog-index.js';
import { NotFoundError } from '../domain/errors/planning-error.js';
import { assertValidDesignSpec } from '../domain/spec/design-spec.validator.js';
import { DEFAULT_CATALOG, type DesignSpec } from '../domain/spec/design-spec.types.js';
import { planDesign, type DesignPlan } from '../domain/plan/index.js';
import { lintManifests, type LintContextInput, type LintResult } from '../domain/exposure/index.js';
import { tracePath, type TraceResult } from '../domain/traffic-path/index.js';
import { toEngineFlow } from '../domain/traffic-path/flow-request.mapper.js';
import { resolveExposureWithEngine } from '../domain/plan/resolved-exposure.mapper.js';
import { dropNullProperties } from '../domain/json/drop-null-properties.js';
import { adviseDesign, whatIf, type Advice, type WhatIfResult } from '../domain/advice/index.js';
import type { MaxPodsQuery, MaxPodsTableQuery, PlannerClient, SubnetUsageQuery, TraceQuery } from './planner-client.js';

export class LocalPlanner implements PlannerClient {
  public readonly origin = 'local engines';
  private readonly aws = buildIndex(AWS_CATALOG_NAME, true, AWS_CATALOG.instanceTypes);

  public async maxPods({ instanceType, catalog, ...options }: MaxPodsQuery): Promise<MaxPodsResult> {
    const index = this.catalog(catalog);
    const type = index.byName.get(instanceType);
    if (!type) throw instanceTypeNotFound(catalog ?? DEFAULT_CATALOG, instanceType);
    return computeMaxPods(type, options);
  }

  public async maxPodsTable({ catalog, family, minVcpu, ...options }: MaxPodsTableQuery): Promise<MaxPodsTable> {
    return computeMaxPodsTable(filterInstanceTypes(this.catalog(catalog), { family, minVcpu }), options);
  }

  public async subnetUsage({ catalog, ...request }: SubnetUsageQuery): Promise<SubnetUsageResult> {
    const index = this.catalog(catalog);
    return computeSubnetUsage(request, (name) => index.byName.get(name));
  }

  public async trace(query: TraceQuery): Promise<TraceResult> {
    if (!('design' in query)) {
      throw new NotFoundError('DESIGN_NOT_FOUND', `Saved designs live on a server: give --server to trace design ${query.designId}.`);
    }
    return tracePath(this.validate(query.design), toEngineFlow(query.flow), { resolveExposure: resolveExposureWithEngine });
  }

  public async plan(design: unknown): Promise<DesignPlan> {
    const spec = this.validate(design);
    const index = this.catalog(spec.catalog);
    return planDesign(spec, { lookupInstanceType: (name) => index.byName.get(name) });
  }

  public async whatIf(design: unknown, patch: unknown): Promise<WhatIfResult> {
    const spec = this.validate(design);
    return whatIf(spec, patch, this.deps(spec));
  }

  public async advise(design: unknown): Promise<Advice> {
    const spec = this.validate(design);
    return adviseDesign(spec, { ...this.deps(spec), instanceTypes: this.catalog(spec.catalog).sorted });
  }

  public async lint(manifests: string, context?: LintContextInput): Promise<LintResult> {
    return lintManifests(manifests, context);
  }

  /** What what-if and the advisor need: the design's catalog for the plan and for validating the patched spec. */
  private deps(spec: DesignSpec) {
    const index = this.catalog(spec.catalog);
    return {
      lookupInstanceType: (name: string) => index.byName.get(name),
      validation: { instanceTypeNames: (catalog: string) => (catalog === AWS_CATALOG_NAME ? this.aws.names : undefined) },
    };
  }

  /** As DesignsService.validate: JSON nulls mean "not set", instance types are checked against the design's catalog. */
  private validate(input: unknown): DesignSpec {
    return assertValidDesignSpec(dropNullProperties(input), {
      instanceTypeNames: (catalog) => (catalog === AWS_CATALOG_NAME ? this.aws.names : undefined),
    });
  }

  private catalog(name: string | undefined): CatalogIndex {
    if (name === undefined || name === AWS_CATALOG_NAME) return this.aws;
    throw new NotFoundError(
      'CATALOG_NOT_FOUND',
      `No catalog named "${name}" here: without --server only the bundled "${AWS_CATALOG_NAME}" catalog exists.`,
    );
  }
}
