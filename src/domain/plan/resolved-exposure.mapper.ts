/**
 * Wires the traffic-path engine's ResolveExposure port to the exposure engine, so a trace to a Service follows the
 * exposure the recommendation would build for that workload (same question: exposureRequestForWorkload).
 */
import { InvalidInputError, PlanningError, type ErrorDetail } from '../errors/planning-error.js';
import type { DesignSpec, Workload } from '../spec/design-spec.types.js';
import { TARGET_TYPE_CONFLICT_CODES, exposureRequestForWorkload, planExposure, type TargetTypeConflictCode } from '../exposure/index.js';
import type { ResolvedExposure, ResolveExposure } from '../traffic-path/index.js';

export const resolveExposureWithEngine: ResolveExposure = (workload: Workload, design: DesignSpec): ResolvedExposure => {
  const index = (design.workloads ?? []).indexOf(workload);
  const at = `workloads[${index < 0 ? '?' : index}]`;
  const request = exposureRequestForWorkload(design, workload);
  if (!request) {
    throw new InvalidInputError('WORKLOAD_NOT_EXPOSED', `Workload ${workload.name} has no expose block.`, [
      { path: `${at}.expose`, message: 'is required to trace to its Service' },
    ]);
  }
  const plan = planWithDesignPaths(request, at);
  const { decision, settings } = plan;
  const conflict = decision.errors
    .map(({ code, message }) => (isTargetTypeConflict(code) ? { code, message } : null))
    .find((found) => found !== null);
  return {
    kind: decision.kind,
    targetType: decision.targetType,
    serviceType: decision.serviceType,
    targetTypeConflict: conflict ?? null,
    scheme: decision.scheme,
    externalTrafficPolicy: decision.externalTrafficPolicy,
    preserveClientIp: decision.preserveClientIp,
    proxyProtocol: decision.proxyProtocol,
    // A CLB listener parses HTTP (and adds X-Forwarded-For) only when the manifests ask for it.
    ...(settings.clbBackendProtocol ? { clbListener: settings.clbBackendProtocol === 'http' ? 'HTTP' : 'TCP' } : {}),
  };
};

function isTargetTypeConflict(code: string): code is TargetTypeConflictCode {
  return (TARGET_TYPE_CONFLICT_CODES as readonly string[]).includes(code);
}

/**
 * The exposure engine names request fields (`expose.port`, `workload.name`); inside a trace the same values come from
 * the design, so problems are re-pointed at `workloads[i].…` where the caller can fix them.
 */
function planWithDesignPaths(
  request: NonNullable<ReturnType<typeof exposureRequestForWorkload>>,
  at: string,
): ReturnType<typeof planExposure> {
  try {
    return planExposure(request);
  } catch (error) {
    if (!(error instanceof PlanningError) || error.details.length === 0) throw error;
    const details: ErrorDetail[] = error.details.map((detail) => ({ ...detail, path: designPath(detail.path, at) }));
    throw error.withDetails(details, `${details[0].path}: ${details[0].message}`);
  }
}

function designPath(path: string, at: string): string {
  if (path.startsWith('expose.')) return `${at}.${path}`;
  if (path === 'workload.name' || path === 'workload.namespace') return `${at}.${path.slice('workload.'.length)}`;
  if (path === 'workload.port') return `${at}.expose.port`;
  if (path === 'workload.targetPort') return `${at}.expose.targetPort`;
  if (path === 'context.lbcVersion') return 'loadBalancerController.version';
  if (path.startsWith('context.subnets')) return path.slice('context.'.length);
  return path;
}
