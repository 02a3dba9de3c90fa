import { Injectable } from '@nestjs/common';
import { dropNullProperties } from '../../domain/json/drop-null-properties.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import { ComputePool } from '../../platform/compute/compute-pool.js';
import {
  recommendExposure,
  type ExposeRequest,
  type ExposureRecommendation,
  type ExposureRequest,
  type LintContextInput,
  type LintResult,
} from '../../domain/exposure/index.js';

/** An ExposureRequest whose Service port may come from `workload.port` instead of `expose.port` (the engine checks one is set). */
export type ExposureQuestion = Omit<ExposureRequest, 'expose'> & { expose: Omit<ExposeRequest, 'port'> & { port?: number } };

/**
 * The exposure engine behind REST and GraphQL; both transports hand it the same validated shapes. `dropNullProperties`
 * drops the `null` GraphQL clients send for absent optional fields and turns DTO class instances into plain objects;
 * a property left `undefined` stays, and the engine reads it as unset (`=== undefined`, `??`, defaults merged without it).
 */
@Injectable()
export class ExposureService {
  public constructor(
    private readonly metrics: MetricsService,
    private readonly compute: ComputePool,
  ) {}

  public recommend(request: ExposureQuestion): ExposureRecommendation {
    const plain = dropNullProperties(request) as ExposureRequest;
    return this.metrics.timeEngine('exposure.recommend', () => recommendExposure(plain));
  }

  /** Large manifest streams are linted in a worker thread (the compute pool), small ones inline. */
  public async lint(manifests: string, context?: LintContextInput): Promise<LintResult> {
    const plain = context === undefined ? undefined : (dropNullProperties(context) as LintContextInput);
    return this.metrics.timeEngineAsync('exposure.lint', () => this.compute.run('lint', { manifests, context: plain }));
  }
}
