import { Injectable } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service.js';
import {
  lintManifests, recommendExposure, type ExposeRequest, type ExposureRecommendation, type ExposureRequest, type LintContextInput, type LintResult,
} from './engine/index.js';

/** An ExposureRequest whose Service port may come from `workload.port` instead of `expose.port` (the engine checks one is set). */
export type ExposureQuestion = Omit<ExposureRequest, 'expose'> & { expose: Omit<ExposeRequest, 'port'> & { port?: number } };

/** The exposure engine behind REST and GraphQL; both transports hand it the same validated shapes. */
@Injectable()
export class ExposureService {
  public constructor(private readonly metrics: MetricsService) {}

  public recommend(request: ExposureQuestion): ExposureRecommendation {
    const plain = withoutUnset(request) as ExposureRequest;
    return this.metrics.timeEngine('exposure.recommend', () => recommendExposure(plain));
  }

  public lint(manifests: string, context?: LintContextInput): LintResult {
    const plain = context === undefined ? undefined : withoutUnset(context);
    return this.metrics.timeEngine('exposure.lint', () => lintManifests(manifests, plain));
  }
}

/**
 * Drops `null` and `undefined` object properties (GraphQL clients send `null` for absent optional fields) and turns
 * DTO class instances into plain objects, so the engine sees exactly what the caller set. The DTOs bound the depth.
 */
function withoutUnset<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutUnset(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const plain: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && item !== undefined) Object.defineProperty(plain, key, { value: withoutUnset(item), enumerable: true, writable: true, configurable: true });
  }
  return plain as T;
}
