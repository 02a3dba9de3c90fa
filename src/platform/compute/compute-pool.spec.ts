import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeManifests } from '../../../test/fixtures/exposure/large-manifests.fixture.js';
import { largeDesign } from '../../../test/fixtures/spec/large-design.fixture.js';
import { buildIndex } from '../../domain/catalog/catalog-index.js';
import { AWS_CATALOG } from '../../domain/catalog/data/aws-catalog.data.js';
import { PayloadTooLargeError, PlanningError, UnavailableError } from '../../domain/errors/planning-error.js';
import type { DesignSpec } from '../../domain/spec/design-spec.types.js';
import { AppConfig } from '../config/app-config.service.js';
import { validateEnvironment } from '../config/environment.js';
import { classifyError } from '../errors/error-classification.js';
import { MetricsService } from '../metrics/metrics.service.js';
import type { DatabaseConnection } from '../persistence/database-connection.js';
import { COMPUTE_POOL_MIN_SIZE, ComputePool, computePlace } from './compute-pool.js';
import { type ComputeInput, type ComputeTaskName, runComputeTask, shippedCatalog } from './compute-tasks.js';

function newPool(threads: number): ComputePool {
  const database = { pool: { totalCount: 0, idleCount: 0, waitingCount: 0 } } as unknown as DatabaseConnection;
  return new ComputePool(new AppConfig(validateEnvironment({ COMPUTE_THREADS: String(threads) })), new MetricsService(database));
}

/** What a call throws (or undefined), to compare the pooled and the inline outcome. */
async function thrown(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  return undefined;
}

const aws = shippedCatalog(buildIndex('aws', true, AWS_CATALOG.instanceTypes));
/** 60 subnets + 20 node groups: above COMPUTE_POOL_MIN_SIZE.designItems. */
const design = largeDesign({ subnets: 60, nodeGroups: 20 });
const changed: DesignSpec = { ...design, nodeGroups: design.nodeGroups.map((group, i) => (i === 0 ? { ...group, maxSize: 40 } : group)) };
const small = largeDesign({ subnets: 9, nodeGroups: 3 });

describe('computePlace: small work runs inline, large work in the pool', () => {
  it.each(Object.entries(COMPUTE_POOL_MIN_SIZE))('at %s %i and above, with at least one thread', (unit, bound) => {
    const sizeUnit = unit as keyof typeof COMPUTE_POOL_MIN_SIZE;
    expect(computePlace(1, sizeUnit, bound - 1)).toBe('inline');
    expect(computePlace(1, sizeUnit, bound)).toBe('pool');
    expect(computePlace(4, sizeUnit, 100 * bound)).toBe('pool');
    expect(computePlace(0, sizeUnit, 100 * bound)).toBe('inline');
  });

  it('measures each task in its own unit', () => {
    const pool = newPool(1);
    expect(pool.placeOf('plan', { spec: design, catalog: aws })).toBe('pool');
    expect(pool.placeOf('eksctlExport', { spec: small })).toBe('inline');
    expect(pool.placeOf('lint', { manifests: largeManifests(2) })).toBe('inline');
    expect(pool.placeOf('lint', { manifests: largeManifests(100) })).toBe('pool');
    expect(pool.placeOf('maxPodsTable', { catalog: aws, filter: {}, options: {} })).toBe('pool');
    expect(pool.placeOf('maxPodsTable', { catalog: aws, filter: { family: 'm5' }, options: {} })).toBe('inline');
    expect(newPool(0).placeOf('plan', { spec: largeDesign(), catalog: aws })).toBe('inline');
  });
});

describe('ComputePool with a worker thread', () => {
  let pool: ComputePool;

  beforeAll(async () => {
    pool = newPool(1);
    // Starts (and, from sources, compiles) the worker thread once for the whole suite.
    await pool.run('cniExport', { spec: design });
  }, 60_000);

  afterAll(() => pool.onApplicationShutdown());

  const custom = {
    name: 'mine',
    readOnly: false,
    instanceTypes: [{ ...AWS_CATALOG.instanceTypes.find((t) => t.name === 'm5.large')!, name: 'tiny.large', maxEnis: 2, ipv4PerEni: 3 }],
  };
  const customDesign: DesignSpec = {
    ...design,
    catalog: 'mine',
    nodeGroups: design.nodeGroups.map((group) => ({ ...group, instanceTypes: ['tiny.large'] })),
  };
  const CASES: { [N in ComputeTaskName]: ComputeInput<N> } = {
    plan: { spec: design, catalog: aws },
    planDiff: { before: { spec: design, catalog: aws }, after: { spec: changed, catalog: aws } },
    whatIf: { before: { spec: design, catalog: aws }, after: { spec: changed, catalog: aws } },
    // The advisor prices remedies by re-planning: the smallest design the pool takes keeps this case short.
    advice: { spec: largeDesign({ subnets: 38, nodeGroups: 12 }), catalog: aws },
    eksctlExport: { spec: design },
    cniExport: { spec: design },
    eksctlImport: { yaml: runComputeTask('eksctlExport', { spec: largeDesign({ subnets: 300, nodeGroups: 100 }) }).yaml },
    lint: { manifests: largeManifests(100), context: { ipFamily: 'IPV4' } },
    maxPodsTable: { catalog: aws, filter: { minVcpu: 4 }, options: { launcher: 'ENI_FORMULA' } },
  };

  it.each(Object.keys(CASES) as ComputeTaskName[])('%s answers in the pool exactly what it answers inline', async (name) => {
    const input = CASES[name];
    expect(pool.placeOf(name, input)).toBe('pool');
    const before = (await pool.counts()).pool;

    const pooled = await pool.run(name, input);

    expect(pooled).toStrictEqual(runComputeTask(name, input));
    expect((await pool.counts()).pool).toBe(before + 1);
  });

  it.each(['plan', 'maxPodsTable'] as const)(
    '%s answers the same JSON text from the pool as inline (REST sends it as it is)',
    async (name) => {
      const input = CASES[name];
      const pooled = await pool.runAsJson(name, input);
      expect(pooled.text).toBe(JSON.stringify(runComputeTask(name, input)));
      // Large answers arrive in a buffer of their own (moved from the thread), viewed as a Buffer without a copy.
      expect(Buffer.isBuffer(pooled.bytes)).toBe(true);
      expect((await newPool(0).runAsJson(name, input)).text).toBe(JSON.stringify(runComputeTask(name, input)));
    },
  );

  it('plans with a custom catalog shipped with the task (the worker knows only the bundled one)', async () => {
    const input = { spec: customDesign, catalog: custom };
    const pooled = await pool.run('plan', input);

    expect(pooled).toStrictEqual(runComputeTask('plan', input));
    expect(pooled).not.toStrictEqual(runComputeTask('plan', { spec: { ...customDesign, catalog: 'aws' }, catalog: aws }));
  });

  it('throws a domain error raised in the worker as the class it was raised with', async () => {
    const input = { manifests: `${'#'.repeat(4 * 1024 * 1024)}\n` };
    const inline = await thrown(() => runComputeTask('lint', input));
    const pooled = await thrown(() => pool.run('lint', input));

    expect(inline).toBeInstanceOf(PayloadTooLargeError);
    expect(pooled).toBeInstanceOf(PayloadTooLargeError);
    expect(pooled).toMatchObject({ kind: 'PAYLOAD_TOO_LARGE', code: 'MANIFESTS_TOO_LARGE', message: (inline as Error).message });
    expect((pooled as PlanningError).details).toEqual((inline as PlanningError).details);

    const yaml = `${'x: [\n'.repeat(5000)}`;
    const inlineYaml = await thrown(() => runComputeTask('eksctlImport', { yaml }));
    const pooledYaml = await thrown(() => pool.run('eksctlImport', { yaml }));
    expect(inlineYaml).toBeInstanceOf(PlanningError);
    expect((pooledYaml as object).constructor).toBe((inlineYaml as object).constructor);
    expect(pooledYaml).toMatchObject({ code: (inlineYaml as PlanningError).code, message: (inlineYaml as Error).message });
  });

  it('answers a bug in the worker as an internal error (500), not as a domain error', async () => {
    const broken = { spec: { ...design, subnets: design.subnets.map(() => null) } as unknown as DesignSpec, catalog: aws };

    const error = await thrown(() => pool.run('plan', broken));

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(PlanningError);
    expect((error as Error).message).toMatch(/^compute task plan failed in a worker thread: TypeError: /);
    expect(classifyError(error)).toMatchObject({ status: 500, code: 'INTERNAL', internal: true });
  });

  it('answers 503 COMPUTE_UNAVAILABLE when the worker thread dies under a task, and the next task gets a new thread', async () => {
    const running = pool.run('lint', { manifests: largeManifests(2000) });
    await new Promise((done) => setTimeout(done, 100));
    expect(pool.workerThreads).toHaveLength(1);
    await pool.workerThreads[0].terminate();

    const error = await thrown(() => running);

    expect(error).toBeInstanceOf(UnavailableError);
    expect(classifyError(error)).toMatchObject({ status: 503, code: 'COMPUTE_UNAVAILABLE' });
    expect(await pool.run('cniExport', { spec: design })).toStrictEqual(runComputeTask('cniExport', { spec: design }));
  }, 60_000);
});

describe('ComputePool after shutdown', () => {
  it('answers 503 COMPUTE_UNAVAILABLE for pooled work at once, and still runs small work inline', async () => {
    const pool = newPool(1);
    await pool.onApplicationShutdown();

    const error = await thrown(() => pool.run('plan', { spec: design, catalog: aws }));

    expect(classifyError(error)).toMatchObject({ status: 503, code: 'COMPUTE_UNAVAILABLE' });
    expect(await pool.run('plan', { spec: small, catalog: aws })).toStrictEqual(runComputeTask('plan', { spec: small, catalog: aws }));
  });

  it('with COMPUTE_THREADS=0 runs everything inline and starts no thread', async () => {
    const pool = newPool(0);

    expect(await pool.run('plan', { spec: design, catalog: aws })).toStrictEqual(runComputeTask('plan', { spec: design, catalog: aws }));
    expect(await pool.counts()).toEqual({ inline: 1, pool: 0 });
    expect(pool.workerThreads).toHaveLength(0);
    await pool.onApplicationShutdown();
  });
});
