import { Injectable } from '@nestjs/common';
import { CatalogService } from '../catalogs/catalog.service.js';
import { ValidationFailedError } from '../../domain/errors/planning-error.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import { ComputePool } from '../../platform/compute/compute-pool.js';
import { shippedCatalog, type DesignInput } from '../../platform/compute/compute-tasks.js';
import { JsonText } from '../../platform/http/json-text.js';
import { DEFAULT_CATALOG, type DesignSpec } from '../../domain/spec/design-spec.types.js';
import type { DesignWithSpec } from './designs.repository.js';
import { DesignsService } from './designs.service.js';
import { MAX_REVISION } from './dto/plan.query.js';
import { renderPlanSvg } from '../../domain/plan/plan-chart.js';
import type { DesignPlan, PlanDiff, SpecChange } from '../../domain/plan/index.js';

/** A plan of a saved design says which design and revision it is of. */
export type SavedDesignPlan = { designId: string; revision: number } & DesignPlan;

export interface DesignRevisionDiff {
  designId: string;
  from: number;
  to: number;
  spec: SpecChange[];
  plan: PlanDiff;
}

/** The design-plan engine over inline specs and saved revisions, each planned with the instance-type catalog it names. */
@Injectable()
export class PlanService {
  public constructor(
    private readonly designs: DesignsService,
    private readonly catalogs: CatalogService,
    private readonly metrics: MetricsService,
    private readonly compute: ComputePool,
  ) {}

  /** An inline spec goes through the same validation as a saved one (400 VALIDATION_FAILED with every path). */
  public async planInline(input: unknown): Promise<DesignPlan> {
    return this.plan(await this.designs.validate(input));
  }

  /** The latest revision, or `revision` (404 DESIGN_NOT_FOUND / REVISION_NOT_FOUND). */
  public async planSaved(id: string, revision?: number): Promise<SavedDesignPlan> {
    if (revision === undefined) return this.planOf(await this.designs.get(id));
    return this.planOfRevision(id, revision);
  }

  /**
   * The same plans as JSON text, for REST: a 3,000-subnet plan is ~6 MB of JSON, serialized in the worker thread that
   * computed it rather than copied back as objects and serialized on the event loop.
   */
  public async planInlineJson(input: unknown): Promise<JsonText> {
    return this.planJson(await this.designs.validate(input));
  }

  public async planSavedJson(id: string, revision?: number): Promise<JsonText> {
    const saved = revision === undefined ? await this.designs.get(id) : await this.revisionOf(id, revision);
    const plan = await this.planJson(saved.spec);
    // The bytes of `{ designId, revision, ...plan }`: the plan's own members follow the two.
    const designId = 'designId' in saved ? saved.designId : saved.id;
    const head = Buffer.from(`{"designId":${JSON.stringify(designId)},"revision":${saved.revision},`);
    return new JsonText(Buffer.concat([head, plan.bytes.subarray(1)]));
  }

  /** GraphQL `Design.plan`: the design is already loaded, so the latest revision costs no second read. */
  public async planOf(design: DesignWithSpec, revision?: number): Promise<SavedDesignPlan> {
    if (revision !== undefined && revision !== design.revision) return this.planOfRevision(design.id, revision);
    return { designId: design.id, revision: design.revision, ...(await this.plan(design.spec)) };
  }

  /** Both revisions planned with the catalog each names (a design may switch catalogs between them). */
  public async diff(id: string, from: number, to: number): Promise<DesignRevisionDiff> {
    assertRevisionNumbers({ from, to });
    const before = await this.designs.revision(id, from);
    const after = await this.designs.revision(id, to);
    const [beforeInput, afterInput] = await Promise.all([this.designInput(before.spec), this.designInput(after.spec)]);
    // Both plans and their diff in one task: only the (small) diff crosses back from a worker thread.
    const diff = await this.metrics.timeEngineAsync('plan.diff', () =>
      this.compute.run('planDiff', { before: beforeInput, after: afterInput }),
    );
    return { designId: before.designId, from, to, ...diff };
  }

  /** The plan as an SVG bar chart, one bar per subnet (Vega, rendered headless). */
  public svg(plan: DesignPlan): Promise<string> {
    return renderPlanSvg(plan);
  }

  /** One saved revision, its number checked first (400 as REST's query DTO would; 404 REVISION_NOT_FOUND). */
  public async revisionOf(id: string, revision: number): Promise<{ designId: string; revision: number; spec: DesignSpec }> {
    assertRevisionNumbers({ revision });
    return this.designs.revision(id, revision);
  }

  private async planOfRevision(id: string, revision: number): Promise<SavedDesignPlan> {
    const saved = await this.revisionOf(id, revision);
    return { designId: saved.designId, revision: saved.revision, ...(await this.plan(saved.spec)) };
  }

  private async plan(spec: DesignSpec): Promise<DesignPlan> {
    const input = await this.designInput(spec);
    return this.metrics.timeEngineAsync('plan', () => this.compute.run('plan', input));
  }

  private async planJson(spec: DesignSpec): Promise<JsonText> {
    const input = await this.designInput(spec);
    return this.metrics.timeEngineAsync('plan', () => this.compute.runAsJson('plan', input));
  }

  /** The spec with the catalog it names, as a compute task takes it. */
  public async designInput(spec: DesignSpec): Promise<DesignInput> {
    return { spec, catalog: shippedCatalog(await this.catalogs.index(spec.catalog ?? DEFAULT_CATALOG)) };
  }
}

/**
 * REST checks revision numbers in its query DTOs; GraphQL's Int only guarantees a 32-bit integer, so 0 and negatives
 * are refused here the same way (400 with the argument's name) rather than reported as a missing revision.
 */
function assertRevisionNumbers(numbers: Record<string, number>): void {
  const problems = Object.entries(numbers)
    .filter(([, value]) => !Number.isSafeInteger(value) || value < 1 || value > MAX_REVISION)
    .map(([path]) => ({
      path,
      message: `${path} must be a revision number (an integer from 1 to ${MAX_REVISION})`,
      code: 'INVALID_VALUE',
    }));
  if (problems.length > 0) throw new ValidationFailedError(problems);
}
