import { Injectable } from '@nestjs/common';
import { PlanningError, ValidationFailedError } from '../../domain/errors/planning-error.js';
import type { DesignSpec } from '../../domain/spec/design-spec.types.js';
import { DesignsService } from '../designs/designs.service.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import { renderTraceSvg, tracePath, type TraceResult } from '../../domain/traffic-path/index.js';
import type { FlowInput } from './dto/trace-path.input.js';
import { toEngineFlow } from '../../domain/traffic-path/flow-request.mapper.js';
import { resolveExposureWithEngine } from '../../domain/plan/resolved-exposure.mapper.js';

/** Which design to trace over: inline (validated like a saved one) or saved (latest or one revision), and the flow. */
export interface TraceRequest {
  design?: unknown;
  designId?: string;
  revision?: number;
  flow: FlowInput;
}

/** The traffic-path engine over inline or saved designs, with Services resolved by the exposure engine. */
@Injectable()
export class TrafficPathService {
  public constructor(
    private readonly designs: DesignsService,
    private readonly metrics: MetricsService,
  ) {}

  public async trace(request: TraceRequest): Promise<TraceResult> {
    const inline = request.design !== undefined && request.design !== null;
    const design = inline ? await this.inlineDesign(request.design) : await this.savedDesign(request.designId!, request.revision);
    const flow = toEngineFlow(request.flow);
    return withDesignPaths(inline, () =>
      this.metrics.timeEngine('traffic_path.trace', () => tracePath(design, flow, { resolveExposure: resolveExposureWithEngine })),
    );
  }

  public async traceSvg(request: TraceRequest): Promise<string> {
    const trace = await this.trace(request);
    return this.metrics.timeEngine('traffic_path.svg', () => renderTraceSvg(trace));
  }

  private async inlineDesign(input: unknown): Promise<DesignSpec> {
    try {
      return await this.designs.validate(input);
    } catch (error) {
      if (error instanceof ValidationFailedError)
        throw new ValidationFailedError(error.details.map((detail) => ({ ...detail, path: prefixed('design', detail.path) })));
      throw error;
    }
  }

  private async savedDesign(id: string, revision: number | undefined): Promise<DesignSpec> {
    return revision === undefined ? (await this.designs.get(id)).spec : (await this.designs.revision(id, revision)).spec;
  }
}

/** Engine problems about an inline design point into `design.…`; flow problems already say `flow.…`. */
function withDesignPaths<T>(inline: boolean, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!inline || !(error instanceof PlanningError) || error.details.length === 0) throw error;
    const details = error.details.map((detail) => ({
      ...detail,
      path: detail.path.startsWith('flow') ? detail.path : prefixed('design', detail.path),
    }));
    throw error.withDetails(details);
  }
}

function prefixed(prefix: string, path: string): string {
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
