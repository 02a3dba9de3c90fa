/**
 * The in-memory view of a catalog the engines read, shared by CatalogService and the CLI's local planner (Nest-free).
 */
import { NotFoundError } from '../errors/planning-error.js';
import type { InstanceTypeRecord } from './instance-type.js';

/** Everything an engine needs from a catalog, kept in memory: lookups by name and the sorted list. */
export interface CatalogIndex {
  name: string;
  readOnly: boolean;
  byName: ReadonlyMap<string, InstanceTypeRecord>;
  names: ReadonlySet<string>;
  /** By name, in code-unit order. */
  sorted: readonly InstanceTypeRecord[];
}

export function buildIndex(name: string, readOnly: boolean, types: readonly InstanceTypeRecord[]): CatalogIndex {
  const sorted = [...types].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { name, readOnly, byName: new Map(sorted.map((t) => [t.name, t])), names: new Set(sorted.map((t) => t.name)), sorted };
}

/** The instance types of the max-pods table: by family and at least minVcpu (a type without a vCPU count has 0). */
export function filterInstanceTypes(
  index: CatalogIndex,
  { family, minVcpu }: { family?: string; minVcpu?: number },
): readonly InstanceTypeRecord[] {
  if (family === undefined && minVcpu === undefined) return index.sorted;
  return index.sorted.filter((t) => (family === undefined || t.family === family) && (minVcpu === undefined || (t.vcpu ?? 0) >= minVcpu));
}

export function instanceTypeNotFound(catalog: string, name: string): NotFoundError {
  return new NotFoundError('INSTANCE_TYPE_NOT_FOUND', `Instance type "${name}" is not in catalog "${catalog}".`);
}
