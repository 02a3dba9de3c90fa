/**
 * The IP-exhaustion advisor: every applicable remedy for a design's address problems, each priced by running what-if
 * (the plan itself) on the patched spec, side by side and ranked. Pure: the catalog comes in through the dependencies.
 */
import { planDesign, type DesignPlan } from '../plan/index.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { adviceProblems, problemKey } from './advice-problems.js';
import { DISRUPTIONS, type Advice, type AdviceProblem, type Remedy, type RemedyFigures } from './advice.types.js';
import type { AdviceContext, AdvisorDependencies, PricedPatch, RemedyCandidate } from './advice-context.js';
import type { JsonPatchOperation } from './json-patch.js';
import { REMEDY_BUILDERS } from './remedies.js';
import { whatIf, type WhatIfDependencies, type WhatIfResult } from './what-if.engine.js';

export type { AdvisorDependencies };

export function adviseDesign(spec: DesignSpec, deps: AdvisorDependencies, plan: DesignPlan = planDesign(spec, deps)): Advice {
  const problems = adviceProblems(plan);
  if (problems.length === 0) return { problems, remedies: [] };
  const baseKeys = problems.map((problem) => problemKey(plan, problem));
  const priced = new Map<string, PricedPatch | undefined>();
  const context: AdviceContext = {
    spec,
    plan,
    problems,
    deps,
    price(patch) {
      const key = JSON.stringify(patch);
      if (!priced.has(key)) priced.set(key, pricePatch(spec, plan, baseKeys, patch, deps));
      return priced.get(key);
    },
  };
  const remedies: Omit<Remedy, 'rank'>[] = [];
  for (const build of REMEDY_BUILDERS) {
    const candidate = build(context);
    const result = candidate && context.price(candidate.patch);
    if (!candidate || !result || result.solved.size === 0) continue;
    remedies.push(toRemedy(candidate, plan, result, problems, baseKeys));
  }
  return { problems, remedies: rank(remedies, problems.length) };
}

/** The figures `before` / `after` show, read from one plan. */
export function remedyFigures(plan: DesignPlan): RemedyFigures {
  const ec2 = plan.nodeGroups.filter((group) => group.kind !== 'FARGATE');
  const fits = ec2.map((group) => group.maxNodesThatFit).filter((value): value is number => value !== null);
  const pods = ec2.map((group) => group.effectiveMaxPods).filter((value): value is number => value !== null);
  return {
    usedIpsAtMax: plan.summary.usedIpsAtMax,
    freeIpsAtMaxTightest: plan.summary.tightestSubnet?.freeIpsAtMax ?? null,
    nodesThatFit: fits.length === 0 ? null : fits.reduce((sum, value) => sum + value, 0),
    maxPodsPerNode: pods.length === 0 ? null : Math.min(...pods),
    errors: plan.summary.errors,
    warnings: plan.summary.warnings,
  };
}

function pricePatch(
  spec: DesignSpec,
  plan: DesignPlan,
  baseKeys: string[],
  patch: JsonPatchOperation[],
  deps: WhatIfDependencies,
): PricedPatch | undefined {
  let result: WhatIfResult;
  try {
    result = whatIf(spec, patch, deps, plan);
  } catch {
    // A remedy whose patched design does not validate is not a remedy for this design (e.g. no room for a pod subnet).
    return undefined;
  }
  const problems = adviceProblems(result.plan);
  const left = new Set(problems.map((problem) => problemKey(result.plan, problem)));
  return { result, problems, solved: new Set(baseKeys.filter((key) => !left.has(key))) };
}

function toRemedy(
  candidate: RemedyCandidate,
  plan: DesignPlan,
  priced: PricedPatch,
  problems: AdviceProblem[],
  baseKeys: string[],
): Omit<Remedy, 'rank'> {
  const before = remedyFigures(plan);
  const after = remedyFigures(priced.result.plan);
  const { findings } = priced.result.diff.plan;
  return {
    ...candidate,
    solves: problems.filter((_, i) => priced.solved.has(baseKeys[i])).map(({ code, path }) => ({ code, path })),
    before,
    after,
    findingsRemoved: findings.resolved,
    findingsAdded: findings.new,
    worsens: [...newProblems(plan, problems, priced), ...worsens(before, after, findings.new)],
    problemsLeft: priced.problems.map(({ code, path }) => ({ code, path })),
  };
}

/** Problems the patched design has that the design did not (e.g. a subnet no longer full but still over 80 %). */
function newProblems(plan: DesignPlan, problems: AdviceProblem[], priced: PricedPatch): string[] {
  const before = new Set(problems.map((problem) => problemKey(plan, problem)));
  return priced.problems
    .filter((problem) => !before.has(problemKey(priced.result.plan, problem)))
    .map((problem) => `New problem ${problem.code} at ${problem.path}: ${problem.message}`);
}

/** Every figure that moves the wrong way, and every new ERROR or WARNING finding. */
function worsens(before: RemedyFigures, after: RemedyFigures, added: Remedy['findingsAdded']): string[] {
  const out: string[] = [];
  const lower = (label: string, a: number | null, b: number | null): void => {
    if (a !== null && b !== null && b < a) out.push(`${label} falls from ${a} to ${b}.`);
  };
  lower('Max pods per node (lowest node group)', before.maxPodsPerNode, after.maxPodsPerNode);
  lower('Nodes that fit in the subnets', before.nodesThatFit, after.nodesThatFit);
  lower('Free addresses in the tightest subnet at max size', before.freeIpsAtMaxTightest, after.freeIpsAtMaxTightest);
  if (after.usedIpsAtMax > before.usedIpsAtMax)
    out.push(`Addresses used at max size rise from ${before.usedIpsAtMax} to ${after.usedIpsAtMax}.`);
  if (after.errors > before.errors) out.push(`Plan errors rise from ${before.errors} to ${after.errors}.`);
  if (after.warnings > before.warnings) out.push(`Plan warnings rise from ${before.warnings} to ${after.warnings}.`);
  for (const { key, finding } of added) {
    if (finding.severity !== 'INFO') out.push(`New ${finding.severity}: ${key}: ${finding.message}`);
  }
  return out;
}

/** Leaves no problem at all first, then least disruption, then fewer things made worse, fewer problems left, fewer addresses. */
function rank(remedies: Omit<Remedy, 'rank'>[], problemCount: number): Remedy[] {
  const order = (remedy: Omit<Remedy, 'rank'>): number[] => [
    remedy.problemsLeft.length === 0 ? 0 : 1,
    DISRUPTIONS.indexOf(remedy.disruption),
    remedy.worsens.length,
    problemCount - remedy.solves.length,
    remedy.problemsLeft.length,
    remedy.after.errors,
    remedy.after.warnings,
    remedy.after.usedIpsAtMax,
  ];
  return remedies
    .map((remedy) => ({ remedy, key: order(remedy) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ remedy }, i) => ({ ...remedy, rank: i + 1 }));
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
