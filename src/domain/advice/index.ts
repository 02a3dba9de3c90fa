/** What-if and the IP-exhaustion advisor: JSON Patch on a design, priced by the plan engine (a composer over plan). */
export * from './advice.types.js';
export { ADVICE_ERROR_CODES } from './advice-errors.js';
export { applyDesignPatch, JSON_PATCH_OPS, MAX_PATCH_OPERATIONS, type JsonPatchOp, type JsonPatchOperation } from './json-patch.js';
export { whatIf, whatIfOf, validatePatched, type WhatIfDependencies, type WhatIfResult } from './what-if.engine.js';
export { adviseDesign, remedyFigures, type AdvisorDependencies } from './advisor.engine.js';
export { adviceProblems, problemKey, SUBNET_UTILIZATION_LIMIT } from './advice-problems.js';
