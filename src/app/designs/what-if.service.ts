import { Injectable } from '@nestjs/common';
import { applyDesignPatch, type Advice, type WhatIfResult } from '../../domain/advice/index.js';
import { PlanningError, ValidationFailedError } from '../../domain/errors/planning-error.js';
import { isRecord } from '../../domain/json/is-record.js';
import type { DesignSpec } from '../../domain/spec/design-spec.types.js';
import { ComputePool } from '../../platform/compute/compute-pool.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import type { DesignWithSpec } from './designs.repository.js';
import { DesignsService } from './designs.service.js';
import { PlanService } from './plan.service.js';

/** Advice on a saved design says which design and revision it is of. */
export type SavedDesignAdvice = { designId: string | null; revision: number | null } & Advice;

/** What-if, the advisor and the plan picture: nothing here is ever saved. */
@Injectable()
export class WhatIfService {
  public constructor(
    private readonly designs: DesignsService,
    private readonly plans: PlanService,
    private readonly metrics: MetricsService,
    private readonly compute: ComputePool,
  ) {}

  /** POST /v1/designs/{id}/what-if: the body is `{ patch }`. */
  public async whatIfSaved(id: string, revision: number | undefined, body: unknown): Promise<WhatIfResult> {
    const { patch } = readBody(body, ['patch']);
    return this.whatIf(await this.specOf(id, revision), patch);
  }

  /** POST /v1/what-if: the body is `{ spec, patch }`; the spec is validated like a saved one (paths under `spec.`). */
  public async whatIfInline(body: unknown): Promise<WhatIfResult> {
    const { spec, patch } = readBody(body, ['spec', 'patch']);
    return this.whatIf(await this.validateUnder('spec', spec), patch);
  }

  /** GraphQL `whatIf` / `whatIfSpec`: the same, with the arguments apart. */
  public async whatIfOfSaved(id: string, revision: number | undefined, patch: unknown): Promise<WhatIfResult> {
    return this.whatIf(await this.specOf(id, revision), patch);
  }

  public async whatIfOfSpec(spec: unknown, patch: unknown): Promise<WhatIfResult> {
    return this.whatIf(await this.validateUnder('spec', spec), patch);
  }

  public async adviceSaved(id: string, revision?: number): Promise<SavedDesignAdvice> {
    if (revision === undefined) return this.adviceOf(await this.designs.get(id));
    const saved = await this.plans.revisionOf(id, revision);
    return { designId: saved.designId, revision: saved.revision, ...(await this.advise(saved.spec)) };
  }

  /** GraphQL `Design.advice`: the design is already loaded. */
  public async adviceOf(design: DesignWithSpec, revision?: number): Promise<SavedDesignAdvice> {
    if (revision !== undefined && revision !== design.revision) return this.adviceSaved(design.id, revision);
    return { designId: design.id, revision: design.revision, ...(await this.advise(design.spec)) };
  }

  public async adviceInline(spec: unknown): Promise<SavedDesignAdvice> {
    return { designId: null, revision: null, ...(await this.advise(await this.designs.validate(spec))) };
  }

  private async whatIf(spec: DesignSpec, patch: unknown): Promise<WhatIfResult> {
    // Exactly as a save: the patched spec goes through DesignsService.validate with the catalog it names.
    const changed = await this.designs.validate(applyDesignPatch(spec, patch));
    const [before, after] = await Promise.all([this.plans.designInput(spec), this.plans.designInput(changed)]);
    return this.metrics.timeEngineAsync('what-if', () => this.compute.run('whatIf', { before, after }));
  }

  private async advise(spec: DesignSpec): Promise<Advice> {
    const input = await this.plans.designInput(spec);
    return this.metrics.timeEngineAsync('advice', () => this.compute.run('advice', input));
  }

  private async specOf(id: string, revision: number | undefined): Promise<DesignSpec> {
    if (revision === undefined) return (await this.designs.get(id)).spec;
    return (await this.plans.revisionOf(id, revision)).spec;
  }

  private async validateUnder(prefix: string, input: unknown): Promise<DesignSpec> {
    try {
      return await this.designs.validate(input);
    } catch (error) {
      if (!(error instanceof PlanningError) || error.code !== 'VALIDATION_FAILED') throw error;
      return Promise.reject(
        error.withDetails(error.details.map((detail) => ({ ...detail, path: detail.path ? `${prefix}.${detail.path}` : prefix }))),
      );
    }
  }
}

/** A what-if body: an object with exactly the named fields (`patch` required, `spec` where named). */
function readBody<K extends 'spec' | 'patch'>(body: unknown, fields: readonly K[]): Record<K, unknown> {
  if (!isRecord(body)) throw new ValidationFailedError([{ path: '', message: `The body must be an object with ${fields.join(' and ')}.` }]);
  const problems = [
    ...Object.keys(body)
      .filter((key) => !(fields as readonly string[]).includes(key))
      .map((key) => ({ path: key, message: `Unknown field "${key}"; the body has ${fields.join(' and ')}.`, code: 'FIELD_UNKNOWN' })),
    ...fields
      .filter((field) => body[field] === undefined || body[field] === null)
      .map((field) => ({ path: field, message: `${field} is required.`, code: 'FIELD_REQUIRED' })),
  ];
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return body;
}
