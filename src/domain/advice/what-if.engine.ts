/**
 * What-if (POST /v1/designs/{id}/what-if, POST /v1/what-if): a JSON Patch on a design, the changed spec validated exactly
 * as a save validates it, its full plan, and the diff against the unchanged spec in the shape of GET /v1/designs/{id}/diff.
 * Nothing is saved. The advisor prices every remedy through this same function, so a remedy's `after` is what-if's plan.
 */
import { dropNullProperties } from '../json/drop-null-properties.js';
import { diffPlans, diffSpecs, planDesign, type DesignDiff, type DesignPlan, type PlanDependencies } from '../plan/index.js';
import { assertValidDesignSpec } from '../spec/design-spec.validator.js';
import type { DesignSpec, DesignValidationContext } from '../spec/design-spec.types.js';
import { applyDesignPatch } from './json-patch.js';

export interface WhatIfDependencies extends PlanDependencies {
  /** The catalog names validation checks instance types against (as a save does). */
  validation: DesignValidationContext;
}

export interface WhatIfResult {
  spec: DesignSpec;
  plan: DesignPlan;
  diff: DesignDiff;
}

/** `basePlan` spares a second plan of the unchanged spec when the caller has it already (the advisor does). */
export function whatIf(spec: DesignSpec, patch: unknown, deps: WhatIfDependencies, basePlan?: DesignPlan): WhatIfResult {
  const changed = validatePatched(applyDesignPatch(spec, patch), deps.validation);
  return whatIfOf(spec, basePlan ?? planDesign(spec, deps), changed, planDesign(changed, deps));
}

/** The patched spec validated as a save validates it: JSON nulls dropped, then every DesignSpec rule (400 VALIDATION_FAILED). */
export function validatePatched(patched: unknown, validation: DesignValidationContext): DesignSpec {
  return assertValidDesignSpec(dropNullProperties(patched), validation);
}

/** The answer from both specs and their plans (the service plans each with the catalog it names). */
export function whatIfOf(before: DesignSpec, beforePlan: DesignPlan, after: DesignSpec, afterPlan: DesignPlan): WhatIfResult {
  return { spec: after, plan: afterPlan, diff: { spec: diffSpecs(before, after), plan: diffPlans(beforePlan, afterPlan) } };
}
