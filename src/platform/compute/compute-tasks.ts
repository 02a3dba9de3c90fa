/**
 * The CPU-heavy engine calls the service can run off the event loop, by name: one table that both the worker threads
 * (compute.worker.ts) and the inline path (compute-pool.ts, for small work or COMPUTE_THREADS=0) execute, so a task
 * answers the same wherever it runs. Inputs and outputs are plain data (they cross a thread boundary by structured
 * clone); each task also says how big its input is, which decides where it runs (COMPUTE_POOL_MIN_SIZE).
 */
import { adviseDesign, whatIfOf, type Advice, type WhatIfResult } from '../../domain/advice/index.js';
import { computeMaxPodsTable, type MaxPodsTable } from '../../domain/capacity/max-pods.engine.js';
import type { MaxPodsOptions } from '../../domain/capacity/capacity.types.js';
import { buildIndex, type CatalogIndex, filterInstanceTypes } from '../../domain/catalog/catalog-index.js';
import { AWS_CATALOG, AWS_CATALOG_NAME } from '../../domain/catalog/data/aws-catalog.data.js';
import type { InstanceTypeRecord } from '../../domain/catalog/instance-type.js';
import { exportCni, exportEksctlWithNotes, importEksctl } from '../../domain/eksctl/index.js';
import type { CniExport, EksctlExport, EksctlImport } from '../../domain/eksctl/index.js';
import { lintManifests, type LintContextInput, type LintResult } from '../../domain/exposure/index.js';
import { diffPlans, diffSpecs, planDesign, type DesignPlan, type PlanDiff, type SpecChange } from '../../domain/plan/index.js';
import type { DesignSpec } from '../../domain/spec/design-spec.types.js';

/**
 * A catalog as a task carries it: the bundled `aws` catalog by name only (each thread builds its index once), a custom
 * catalog with all its records (a custom catalog is edited at run time, so the worker cannot know it otherwise).
 */
export interface ShippedCatalog {
  name: string;
  readOnly: boolean;
  /** Absent for the bundled `aws` catalog. */
  instanceTypes?: readonly InstanceTypeRecord[];
}

export function shippedCatalog(index: CatalogIndex): ShippedCatalog {
  if (index.name === AWS_CATALOG_NAME && index.readOnly) return { name: index.name, readOnly: true };
  return { name: index.name, readOnly: index.readOnly, instanceTypes: index.sorted };
}

let bundledIndex: CatalogIndex | undefined;
/** Custom indexes by their record list: inline calls hand over the same array again (the catalog cache's), workers never. */
const customIndexes = new WeakMap<readonly InstanceTypeRecord[], CatalogIndex>();

function indexOf(catalog: ShippedCatalog): CatalogIndex {
  if (catalog.instanceTypes === undefined) {
    bundledIndex ??= buildIndex(AWS_CATALOG_NAME, true, AWS_CATALOG.instanceTypes);
    return bundledIndex;
  }
  let index = customIndexes.get(catalog.instanceTypes);
  if (!index) {
    index = buildIndex(catalog.name, catalog.readOnly, catalog.instanceTypes);
    customIndexes.set(catalog.instanceTypes, index);
  }
  return index;
}

function planDependencies(index: CatalogIndex) {
  return { lookupInstanceType: (name: string) => index.byName.get(name) };
}

/** The plan of a design over the catalog it names. */
function planOf({ spec, catalog }: DesignInput): DesignPlan {
  return planDesign(spec, planDependencies(indexOf(catalog)));
}

/** A design with the catalog it names. */
export interface DesignInput {
  spec: DesignSpec;
  catalog: ShippedCatalog;
}

export interface TableInput {
  catalog: ShippedCatalog;
  filter: { family?: string; minVcpu?: number };
  options: MaxPodsOptions;
}

/** Sizes are counted in the unit of each kind of input; COMPUTE_POOL_MIN_SIZE holds the bound of each unit. */
export type SizeUnit = 'designItems' | 'textBytes' | 'tableRows';

interface ComputeTask<I, O> {
  unit: SizeUnit;
  size(input: I): number;
  run(input: I): O;
}

const task = <I, O>(definition: ComputeTask<I, O>) => definition;

/** Subnets plus node groups: what the plan, the exports and the advisor iterate over (and nest loops over). */
export function designItems(spec: DesignSpec): number {
  return spec.subnets.length + spec.nodeGroups.length;
}

function textBytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export const COMPUTE_TASKS = {
  plan: task({
    unit: 'designItems',
    size: ({ spec }: DesignInput) => designItems(spec),
    run: planOf,
  }),
  planDiff: task({
    unit: 'designItems',
    size: ({ before, after }: { before: DesignInput; after: DesignInput }) => designItems(before.spec) + designItems(after.spec),
    run: ({ before, after }: { before: DesignInput; after: DesignInput }): { spec: SpecChange[]; plan: PlanDiff } => ({
      spec: diffSpecs(before.spec, after.spec),
      plan: diffPlans(planOf(before), planOf(after)),
    }),
  }),
  whatIf: task({
    unit: 'designItems',
    size: ({ before, after }: { before: DesignInput; after: DesignInput }) => designItems(before.spec) + designItems(after.spec),
    run: ({ before, after }: { before: DesignInput; after: DesignInput }): WhatIfResult =>
      whatIfOf(before.spec, planOf(before), after.spec, planOf(after)),
  }),
  advice: task({
    unit: 'designItems',
    size: ({ spec }: DesignInput) => designItems(spec),
    run: ({ spec, catalog }: DesignInput): Advice => {
      const index = indexOf(catalog);
      return adviseDesign(spec, {
        ...planDependencies(index),
        validation: { instanceTypeNames: (name) => (name === index.name ? index.names : undefined) },
        instanceTypes: index.sorted,
      });
    },
  }),
  eksctlExport: task({
    unit: 'designItems',
    size: ({ spec }: { spec: DesignSpec }) => designItems(spec),
    run: ({ spec }: { spec: DesignSpec }): EksctlExport => exportEksctlWithNotes(spec),
  }),
  cniExport: task({
    unit: 'designItems',
    size: ({ spec }: { spec: DesignSpec }) => designItems(spec),
    run: ({ spec }: { spec: DesignSpec }): CniExport => exportCni(spec),
  }),
  eksctlImport: task({
    unit: 'textBytes',
    size: ({ yaml }: { yaml: string }) => textBytes(yaml),
    run: ({ yaml }: { yaml: string }): EksctlImport => importEksctl(yaml),
  }),
  lint: task({
    unit: 'textBytes',
    size: ({ manifests }: { manifests: string; context?: LintContextInput }) => textBytes(manifests),
    run: ({ manifests, context }: { manifests: string; context?: LintContextInput }): LintResult => lintManifests(manifests, context),
  }),
  maxPodsTable: task({
    unit: 'tableRows',
    size: ({ catalog, filter }: TableInput) => filterInstanceTypes(indexOf(catalog), filter).length,
    run: ({ catalog, filter, options }: TableInput): MaxPodsTable =>
      computeMaxPodsTable(filterInstanceTypes(indexOf(catalog), filter), options),
  }),
} as const;

export type ComputeTaskName = keyof typeof COMPUTE_TASKS;
export type ComputeInput<N extends ComputeTaskName> = Parameters<(typeof COMPUTE_TASKS)[N]['run']>[0];
export type ComputeOutput<N extends ComputeTaskName> = ReturnType<(typeof COMPUTE_TASKS)[N]['run']>;

export function isComputeTaskName(name: unknown): name is ComputeTaskName {
  return typeof name === 'string' && Object.hasOwn(COMPUTE_TASKS, name);
}

export function runComputeTask<N extends ComputeTaskName>(name: N, input: ComputeInput<N>): ComputeOutput<N> {
  return (COMPUTE_TASKS[name] as ComputeTask<ComputeInput<N>, ComputeOutput<N>>).run(input);
}

export function computeTaskSize<N extends ComputeTaskName>(name: N, input: ComputeInput<N>): { unit: SizeUnit; size: number } {
  const definition = COMPUTE_TASKS[name] as ComputeTask<ComputeInput<N>, ComputeOutput<N>>;
  return { unit: definition.unit, size: definition.size(input) };
}
