/**
 * tracePath: where does a packet go between two endpoints of an EKS design, who rewrites its addresses, which
 * security groups are evaluated, and where it dies — the hop models of traffic-path.md §3.
 * Pure: same design and flow → same result. Impossible input → InvalidInputError with a stable code.
 */
import { invalid } from './design-lookup.js';
import { traceToEksApi } from './flows/eks-api.flow.js';
import { traceToHost, traceToNode, traceToPod } from './flows/pod-and-node.flow.js';
import { traceToService } from './flows/service.flow.js';
import { TraceStopped } from './trace-builder.js';
import { TraceContext } from './trace-context.js';
import { traceToMermaid } from './trace-diagram.js';
import { ENDPOINT_KINDS, FLOW_PROTOCOLS, type Flow, type TracePathDeps, type TraceResult } from './trace-path.types.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { OPTION_BOUNDS, isIntegerWithin } from '../spec/option-bounds.js';

export function tracePath(design: DesignSpec, flow: Flow, deps: TracePathDeps): TraceResult {
  validateFlow(flow);
  const ctx = new TraceContext(design, flow, deps);
  try {
    const source = ctx.sourceActor();
    const to = flow.to;
    switch (to.kind) {
      case 'POD':
        traceToPod(ctx, source, to);
        break;
      case 'NODE':
        traceToNode(ctx, source, to);
        break;
      case 'INTERNET':
      case 'VPC_HOST':
      case 'PEER':
        traceToHost(ctx, source, to);
        break;
      case 'SERVICE':
        traceToService(ctx, source, to);
        break;
      case 'EKS_API':
        traceToEksApi(ctx, source);
        break;
    }
  } catch (error) {
    if (!(error instanceof TraceStopped)) throw error;
  }
  const result = ctx.t.result();
  return { ...result, diagram: { mermaid: traceToMermaid(result, flow) } };
}

function validateFlow(flow: Flow): void {
  if (typeof flow !== 'object' || flow === null) throw invalid('INVALID_FLOW', 'A flow needs from, to, protocol and port.', 'flow');
  for (const end of ['from', 'to'] as const) {
    const endpoint: unknown = flow[end];
    const kind = typeof endpoint === 'object' && endpoint !== null ? (endpoint as { kind?: unknown }).kind : undefined;
    if (typeof kind !== 'string' || !(ENDPOINT_KINDS as readonly string[]).includes(kind)) {
      throw invalid('INVALID_ENDPOINT', `flow.${end}.kind must be one of ${ENDPOINT_KINDS.join(', ')}.`, `flow.${end}.kind`);
    }
  }
  if (!(FLOW_PROTOCOLS as readonly string[]).includes(flow.protocol)) {
    throw invalid('INVALID_PROTOCOL', `protocol must be one of ${FLOW_PROTOCOLS.join(', ')}.`, 'flow.protocol');
  }
  if (!isIntegerWithin(flow.port, OPTION_BOUNDS.port)) {
    throw invalid(
      'INVALID_PORT',
      `port ${String(flow.port)} is not a port number (${OPTION_BOUNDS.port.min}-${OPTION_BOUNDS.port.max}).`,
      'flow.port',
    );
  }
}
