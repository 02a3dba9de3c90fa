/**
 * What changed between two revisions of a design (GET /v1/designs/{id}/diff?from=&to=): the spec changes, and how the
 * plan's key figures moved (max pods per node group, free addresses per subnet, new and resolved findings).
 * Named list entries are matched by name (workloads by namespace/name, ENIConfigs by AZ), so reordering is not a change;
 * lists of plain values and of unnamed objects (security-group rules) are compared as multisets.
 */
import type { Finding } from '../findings/finding.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { planDesign } from './design-plan.engine.js';
import type { DesignDiff, DesignPlan, FindingChange, JsonValue, NumberMove, PlanDependencies, PlanDiff, SpecChange } from './plan.types.js';

type Json = JsonValue | undefined;
type JsonObject = { [key: string]: JsonValue };

/** How the entries of a list are identified, by the list's path (without indexes). */
const ENTRY_KEYS: Readonly<Record<string, (entry: JsonObject) => string | undefined>> = {
  subnets: byName,
  natGateways: byName,
  nodeGroups: byName,
  securityGroups: byName,
  'vpc.peers': byName,
  'cni.eniConfigs': (entry) => (typeof entry.az === 'string' ? entry.az : undefined),
  workloads: (entry) => {
    if (typeof entry.name !== 'string') return undefined;
    return typeof entry.namespace === 'string' ? `${entry.namespace}/${entry.name}` : entry.name;
  },
};

export function diffSpecs(before: DesignSpec, after: DesignSpec): SpecChange[] {
  const changes: SpecChange[] = [];
  diffValue('', '', before as unknown as Json, after as unknown as Json, changes);
  return changes;
}

export function diffPlans(before: DesignPlan, after: DesignPlan): PlanDiff {
  return {
    nodeGroups: pairByName(before.nodeGroups, after.nodeGroups)
      .map(([name, a, b]) => ({
        name,
        maxPods: move(a?.maxPods, b?.maxPods),
        effectiveMaxPods: move(a?.effectiveMaxPods, b?.effectiveMaxPods),
        podCapacityAtMax: move(a?.podCapacityAtMax, b?.podCapacityAtMax),
      }))
      .filter((entry) => moved(entry.maxPods) || moved(entry.effectiveMaxPods) || moved(entry.podCapacityAtMax)),
    subnets: pairByName(before.subnets, after.subnets)
      .map(([name, a, b]) => ({
        name,
        freeIpsAtMax: move(a?.freeIpsAtMax, b?.freeIpsAtMax),
        usedIpsAtMax: move(a?.usedIps.max, b?.usedIps.max),
      }))
      .filter((entry) => moved(entry.freeIpsAtMax) || moved(entry.usedIpsAtMax)),
    findings: findingChanges(before, after),
    summary: {
      errors: move(before.summary.errors, after.summary.errors),
      warnings: move(before.summary.warnings, after.summary.warnings),
      infos: move(before.summary.infos, after.summary.infos),
      usedIpsAtMax: move(before.summary.usedIpsAtMax, after.summary.usedIpsAtMax),
    },
  };
}

/** Both diffs at once: plans both revisions with the same catalog. */
export function diffDesigns(before: DesignSpec, after: DesignSpec, deps: PlanDependencies): DesignDiff {
  return { spec: diffSpecs(before, after), plan: diffPlans(planDesign(before, deps), planDesign(after, deps)) };
}

/**
 * A finding's identity across revisions: its code and its path with list indexes replaced by names, so a finding on
 * `subnets[4]` that becomes `subnets[5]` when a subnet is inserted before it is still the same finding.
 */
export function findingKey(plan: DesignPlan, finding: Finding): string {
  const path = finding.path.replace(/^(nodeGroups|subnets|workloads)\[(\d+)\]/, (whole, list: string, index: string) => {
    const i = Number(index);
    const name =
      list === 'nodeGroups' ? plan.nodeGroups[i]?.name : list === 'subnets' ? plan.subnets[i]?.name : workloadName(plan.workloads[i]);
    return name === undefined ? whole : `${list}[${JSON.stringify(name)}]`;
  });
  return `${finding.code} ${path}`;
}

function findingChanges(before: DesignPlan, after: DesignPlan): PlanDiff['findings'] {
  const keyed = (plan: DesignPlan): FindingChange[] => plan.findings.map((finding) => ({ key: findingKey(plan, finding), finding }));
  const beforeKeys = keyed(before);
  const afterKeys = keyed(after);
  return { new: unmatched(afterKeys, beforeKeys), resolved: unmatched(beforeKeys, afterKeys) };
}

/** Entries of `from` whose key occurs fewer times in `against` (multiset difference, order kept). */
function unmatched(from: FindingChange[], against: FindingChange[]): FindingChange[] {
  const counts = new Map<string, number>();
  for (const { key } of against) counts.set(key, (counts.get(key) ?? 0) + 1);
  return from.filter(({ key }) => {
    const left = counts.get(key) ?? 0;
    if (left === 0) return true;
    counts.set(key, left - 1);
    return false;
  });
}

function workloadName(workload: { name: string; namespace: string | null } | undefined): string | undefined {
  if (!workload) return undefined;
  return workload.namespace ? `${workload.namespace}/${workload.name}` : workload.name;
}

function pairByName<T extends { name: string }>(before: readonly T[], after: readonly T[]): Array<[string, T | undefined, T | undefined]> {
  const earlier = new Map<string, T>();
  for (const item of before) if (!earlier.has(item.name)) earlier.set(item.name, item);
  const pairs: Array<[string, T | undefined, T | undefined]> = [];
  const seen = new Set<string>();
  for (const item of after) {
    if (seen.has(item.name)) continue;
    seen.add(item.name);
    pairs.push([item.name, earlier.get(item.name), item]);
  }
  for (const [name, item] of earlier) if (!seen.has(name)) pairs.push([name, item, undefined]);
  return pairs;
}

function move(before: number | null | undefined, after: number | null | undefined): NumberMove {
  const a = before ?? null;
  const b = after ?? null;
  return { before: a, after: b, delta: a === null || b === null ? null : b - a };
}

function moved(entry: NumberMove): boolean {
  return entry.before !== entry.after;
}

function diffValue(path: string, listPath: string, before: Json, after: Json, out: SpecChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path, kind: 'ADDED', before: null, after: after! });
    return;
  }
  if (after === undefined) {
    out.push({ path, kind: 'REMOVED', before, after: null });
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    diffList(path, listPath, before, after, out);
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((key) => !(key in after))];
    for (const key of keys) {
      diffValue(path ? `${path}.${key}` : key, listPath ? `${listPath}.${key}` : key, before[key], after[key], out);
    }
    return;
  }
  if (canonical(before) !== canonical(after)) out.push({ path, kind: 'CHANGED', before, after });
}

function diffList(path: string, listPath: string, before: JsonValue[], after: JsonValue[], out: SpecChange[]): void {
  const keyOf = ENTRY_KEYS[listPath];
  const beforeKeys = keyOf ? entryKeys(before, keyOf) : undefined;
  const afterKeys = keyOf ? entryKeys(after, keyOf) : undefined;
  if (beforeKeys && afterKeys) {
    const earlier = new Map(beforeKeys.map((key, i) => [key, before[i]!]));
    const later = new Set(afterKeys);
    afterKeys.forEach((key, i) => diffValue(`${path}[${JSON.stringify(key)}]`, listPath, earlier.get(key), after[i], out));
    beforeKeys.forEach((key, i) => {
      if (!later.has(key)) out.push({ path: `${path}[${JSON.stringify(key)}]`, kind: 'REMOVED', before: before[i]!, after: null });
    });
    return;
  }
  if (before.every(isPrimitive) && after.every(isPrimitive)) {
    // Lists of plain values (CIDRs, instance types, roles, tags): order carries no meaning here.
    if (multisetEqual(before, after)) return;
    out.push({ path, kind: 'CHANGED', before, after });
    return;
  }
  // Unnamed objects (security-group rules): an entry is unchanged when an identical one is on the other side.
  const removed = multisetMinus(before, after);
  const added = multisetMinus(after, before);
  removed.forEach((i) => out.push({ path: `${path}[${i}]`, kind: 'REMOVED', before: before[i]!, after: null }));
  added.forEach((i) => out.push({ path: `${path}[${i}]`, kind: 'ADDED', before: null, after: after[i]! }));
}

/** Keys of every entry, or undefined when an entry has none or two entries share one (then entries are compared whole). */
function entryKeys(list: JsonValue[], keyOf: (entry: JsonObject) => string | undefined): string[] | undefined {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    const key = isObject(entry) ? keyOf(entry) : undefined;
    if (key === undefined || seen.has(key)) return undefined;
    seen.add(key);
    keys.push(key);
  }
  return keys;
}

function multisetEqual(a: JsonValue[], b: JsonValue[]): boolean {
  return a.length === b.length && multisetMinus(a, b).length === 0;
}

/** Indexes of `a` entries left over after removing one identical `b` entry for each. */
function multisetMinus(a: JsonValue[], b: JsonValue[]): number[] {
  const counts = new Map<string, number>();
  for (const item of b) {
    const key = canonical(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const left: number[] = [];
  a.forEach((item, i) => {
    const key = canonical(item);
    const count = counts.get(key) ?? 0;
    if (count > 0) counts.set(key, count - 1);
    else left.push(i);
  });
  return left;
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: JsonValue): boolean {
  return value === null || typeof value !== 'object';
}

function byName(entry: JsonObject): string | undefined {
  return typeof entry.name === 'string' ? entry.name : undefined;
}
