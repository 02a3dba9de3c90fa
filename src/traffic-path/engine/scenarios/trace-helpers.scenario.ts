/**
 * Test helpers: explicit exposure decisions (standing in for the exposure engine) and short flow builders.
 */
import type { DesignSpec } from '../../../designs/design-spec/design-spec.types.js';
import { tracePath } from '../trace-path.engine.js';
import type { Endpoint, Flow, ResolvedExposure, TracePathDeps, TraceResult } from '../trace-path.types.js';

const CLUSTER_IP: ResolvedExposure = {
  kind: 'CLUSTER_IP',
  targetType: null,
  scheme: null,
  externalTrafficPolicy: null,
  preserveClientIp: null,
  proxyProtocol: null,
};

/** Exposure decisions per workload name; workloads not listed are ClusterIP Services. */
export function exposures(decisions: Record<string, Partial<ResolvedExposure>> = {}): TracePathDeps {
  return { resolveExposure: (workload) => ({ ...CLUSTER_IP, ...decisions[workload.name] }) };
}

export const nlb = (overrides: Partial<ResolvedExposure> = {}): Partial<ResolvedExposure> => ({
  kind: 'NLB',
  targetType: 'INSTANCE',
  scheme: 'INTERNET_FACING',
  externalTrafficPolicy: 'CLUSTER',
  ...overrides,
});

export const alb = (overrides: Partial<ResolvedExposure> = {}): Partial<ResolvedExposure> => ({
  kind: 'ALB_INGRESS',
  targetType: 'IP',
  scheme: 'INTERNET_FACING',
  ...overrides,
});

export const clb = (overrides: Partial<ResolvedExposure> = {}): Partial<ResolvedExposure> => ({
  kind: 'CLB',
  targetType: 'INSTANCE',
  scheme: 'INTERNET_FACING',
  externalTrafficPolicy: 'CLUSTER',
  ...overrides,
});

export function flow(from: Endpoint, to: Endpoint, port = 443, protocol: Flow['protocol'] = 'TCP'): Flow {
  return { from, to, protocol, port };
}

export function trace(design: DesignSpec, f: Flow, deps: TracePathDeps = exposures()): TraceResult {
  return tracePath(design, f, deps);
}

export const kinds = (result: TraceResult): string[] => result.hops.map((hop) => hop.kind);
export const actions = (result: TraceResult): string[] => result.hops.map((hop) => hop.action);
export const assumptionCodes = (result: TraceResult): string[] => result.assumptions.map((assumption) => assumption.code);
export const last = (result: TraceResult) => result.hops[result.hops.length - 1];
export const hopOf = (result: TraceResult, kind: string) => {
  const hop = result.hops.find((candidate) => candidate.kind === kind);
  if (!hop) throw new Error(`no ${kind} hop in ${kinds(result).join(' → ')}`);
  return hop;
};

export const pod = (workload: string, extra: Partial<Extract<Endpoint, { kind: 'POD' }>> = {}): Endpoint => ({ kind: 'POD', workload, ...extra });
export const node = (nodeGroup: string, extra: Partial<Extract<Endpoint, { kind: 'NODE' }>> = {}): Endpoint => ({ kind: 'NODE', nodeGroup, ...extra });
export const internet = (ip = '93.184.216.34'): Endpoint => ({ kind: 'INTERNET', ip });
export const vpcHost = (ip: string): Endpoint => ({ kind: 'VPC_HOST', ip });
export const peer = (network: string, ip: string): Endpoint => ({ kind: 'PEER', network, ip });
export const service = (workload: string, extra: Partial<Extract<Endpoint, { kind: 'SERVICE' }>> = {}): Endpoint => ({ kind: 'SERVICE', workload, ...extra });
export const eksApi: Endpoint = { kind: 'EKS_API' };
