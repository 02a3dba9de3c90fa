import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import { Counter, Gauge } from 'prom-client';
import { UnavailableError } from '../../domain/errors/planning-error.js';
import { AppConfig } from '../config/app-config.service.js';
import { JsonText } from '../http/json-text.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { type ComputeOutcome, type ComputeRequest, unwrapComputeOutcome } from './compute-outcome.js';
import {
  type ComputeInput,
  type ComputeOutput,
  type ComputeTaskName,
  computeTaskSize,
  runComputeTask,
  type SizeUnit,
} from './compute-tasks.js';

/**
 * The smallest input, in each task's unit, that runs in a worker thread; smaller ones run inline, where they cost less
 * than copying them to a thread and back. Measured on the 2-core machines: a design of 50 subnets + node groups takes
 * ~5 ms to plan and ~30 ms to export, 16 KiB of manifests ~10 ms to lint, a 200-row max-pods table ~3 ms; copying such
 * an input and its answer across threads costs about a millisecond (README "Compute pool").
 */
export const COMPUTE_POOL_MIN_SIZE: Readonly<Record<SizeUnit, number>> = {
  designItems: 50,
  textBytes: 16 * 1024,
  tableRows: 200,
};

/** Worker threads idle this long are stopped (the next big task starts one again, ~50 ms). */
const IDLE_THREAD_MS = 60_000;

export type ComputePlace = 'inline' | 'pool';

/** Where a task of this size runs with `threads` worker threads (0: always inline). */
export function computePlace(threads: number, unit: SizeUnit, size: number): ComputePlace {
  return threads > 0 && size >= COMPUTE_POOL_MIN_SIZE[unit] ? 'pool' : 'inline';
}

/**
 * The worker entry: compiled builds load compute.worker.js; from TypeScript sources (vitest) a small ESM entry
 * registers the tsx loader in the thread first (compute-source.worker.mjs).
 */
function workerFilename(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './compute-source.worker.mjs' : './compute.worker.js', import.meta.url).href;
}

/**
 * Runs the CPU-heavy engine calls (compute-tasks.ts) on a piscina pool of COMPUTE_THREADS worker threads, so a large
 * plan, export, lint or table does not stall the event loop (/health/live, every other request). Small inputs run
 * inline. Domain errors come back as their own class; a bug is a 500; a pool that is shut down or a worker that dies
 * answers 503 COMPUTE_UNAVAILABLE.
 */
@Injectable()
export class ComputePool implements OnApplicationShutdown {
  private readonly logger = new Logger(ComputePool.name);
  private readonly threads: number;
  private readonly pool: Piscina<ComputeRequest, ComputeOutcome> | undefined;
  private closed = false;
  private readonly tasks: Counter<'task' | 'place'>;

  public constructor(config: AppConfig, metrics: MetricsService) {
    this.threads = config.get('COMPUTE_THREADS');
    this.pool =
      this.threads > 0
        ? new Piscina<ComputeRequest, ComputeOutcome>({
            filename: workerFilename(),
            name: 'default',
            minThreads: 0,
            maxThreads: this.threads,
            idleTimeout: IDLE_THREAD_MS,
          })
        : undefined;
    this.tasks = new Counter({
      name: 'planner_compute_tasks_total',
      help: 'CPU-heavy engine calls by task and where they ran (inline on the event loop, or pool: a worker thread).',
      labelNames: ['task', 'place'] as const,
      registers: [metrics.registry],
    });
    const pool = this.pool;
    new Gauge({
      name: 'planner_compute_pool',
      help: 'The compute worker pool: threads started, tasks waiting for a thread (queued), and the configured maximum.',
      labelNames: ['state'] as const,
      registers: [metrics.registry],
      collect() {
        this.set({ state: 'threads' }, pool?.threads.length ?? 0);
        this.set({ state: 'queued' }, pool?.queueSize ?? 0);
        this.set({ state: 'max_threads' }, pool?.maxThreads ?? 0);
      },
    });
  }

  /** Where this input would run. */
  public placeOf<N extends ComputeTaskName>(name: N, input: ComputeInput<N>): ComputePlace {
    const { unit, size } = computeTaskSize(name, input);
    return computePlace(this.threads, unit, size);
  }

  public async run<N extends ComputeTaskName>(name: N, input: ComputeInput<N>): Promise<ComputeOutput<N>> {
    const place = this.placeOf(name, input);
    this.tasks.inc({ task: name, place });
    if (place === 'inline') return runComputeTask(name, input);
    return unwrapComputeOutcome<ComputeOutput<N>>(name, await this.runInWorker({ name, input }));
  }

  /**
   * The same answer as UTF-8 JSON, for a REST answer sent as it is (JsonText): from a worker thread only bytes come back
   * (moved, not copied), so the event loop neither copies the answer's object graph nor serializes or encodes it.
   */
  public async runAsJson<N extends ComputeTaskName>(name: N, input: ComputeInput<N>): Promise<JsonText> {
    const place = this.placeOf(name, input);
    this.tasks.inc({ task: name, place });
    if (place === 'inline') return JsonText.of(runComputeTask(name, input));
    return JsonText.fromBytes(unwrapComputeOutcome<Uint8Array>(name, await this.runInWorker({ name, input, json: true })));
  }

  /** Tasks started per place, for tests and operators (the same figures as planner_compute_tasks_total). */
  public async counts(): Promise<Record<ComputePlace, number>> {
    const counts: Record<ComputePlace, number> = { inline: 0, pool: 0 };
    for (const { labels, value } of (await this.tasks.get()).values) counts[labels.place as ComputePlace] += value;
    return counts;
  }

  /** The worker threads running now (tests end one to check that its task answers 503). */
  public get workerThreads(): readonly { terminate(): Promise<number> }[] {
    return this.pool?.threads ?? [];
  }

  public async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.pool?.destroy();
  }

  private async runInWorker(request: ComputeRequest): Promise<ComputeOutcome> {
    if (this.closed || !this.pool) throw computeUnavailable();
    try {
      return await this.pool.run(request);
    } catch (error) {
      // Our input could not be copied to the thread: a bug (500), not an outage.
      if (error instanceof Error && error.name === 'DataCloneError') throw error;
      this.logger.warn(
        `compute task ${request.name} did not complete in the pool: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw computeUnavailable();
    }
  }
}

function computeUnavailable(): UnavailableError {
  return new UnavailableError(
    'COMPUTE_UNAVAILABLE',
    'The compute pool could not run this request (the service is shutting down, or a worker thread stopped); try again.',
  );
}
