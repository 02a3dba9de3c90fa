/** The pure design-plan engine's public surface: planDesign, the plan and spec diffs, and their types. */
export * from './plan.types.js';
export { planDesign, sortFindings, PLAN_ASSUMPTIONS } from './design-plan.engine.js';
export { diffDesigns, diffPlans, diffSpecs, findingKey } from './plan-diff.js';
export { PLAN_FINDING_CODES, CAPACITY_WARNING_SEVERITY, type PlanFindingCode } from './plan-finding.codes.js';
export { defaultServiceCidr, DEFAULT_SERVICE_CIDR_OTHERWISE, DEFAULT_SERVICE_CIDR_WHEN_VPC_IN_10 } from './cluster-network.checks.js';
export { launcherFor } from './node-group-capacity.js';
