/**
 * What every CLI command asks of the planner, answered either by the pure engines in this process (LocalPlanner) or
 * by a running server over REST (HttpPlanner). Requests use the REST shapes (docs/api.md), so the two can be
 * compared answer for answer.
 */
import type {
  MaxPodsQuery,
  MaxPodsResult,
  MaxPodsTable,
  MaxPodsTableQuery,
  SubnetUsageRequest,
  SubnetUsageResult,
} from '../domain/capacity/index.js';
import type { Advice, WhatIfResult } from '../domain/advice/index.js';
import type { DesignPlan } from '../domain/plan/index.js';
import type { LintContextInput, LintResult } from '../domain/exposure/index.js';
import type { Endpoint, FlowProtocol, TraceResult } from '../domain/traffic-path/index.js';

export type { MaxPodsQuery, MaxPodsTableQuery };

/** POST /v1/capacity/subnet-usage */
export interface SubnetUsageQuery extends SubnetUsageRequest {
  catalog?: string;
}

/** A flow as POST /v1/paths/trace takes it: NAT gateway Elastic IPs as a list. */
export interface FlowRequest {
  from: Endpoint;
  to: Endpoint;
  protocol: FlowProtocol;
  port: number;
  natGatewayEips?: Array<{ natGateway: string; ip: string }>;
}

/** POST /v1/paths/trace: an inline design (unvalidated JSON) or, on a server, a saved one. */
export type TraceQuery = { design: unknown; flow: FlowRequest } | { designId: string; revision?: number; flow: FlowRequest };

export interface PlannerClient {
  /** Where the answers come from, for messages: `local engines` or the server URL. */
  readonly origin: string;
  maxPods(query: MaxPodsQuery): Promise<MaxPodsResult>;
  maxPodsTable(query: MaxPodsTableQuery): Promise<MaxPodsTable>;
  subnetUsage(query: SubnetUsageQuery): Promise<SubnetUsageResult>;
  trace(query: TraceQuery): Promise<TraceResult>;
  /** POST /v1/plan with an inline design (unvalidated JSON; the planner validates it). */
  plan(design: unknown): Promise<DesignPlan>;
  /** POST /v1/what-if: an inline design and an RFC 6902 patch, nothing saved. */
  whatIf(design: unknown, patch: unknown): Promise<WhatIfResult>;
  /** POST /v1/advice: the IP-exhaustion advisor on an inline design. */
  advise(design: unknown): Promise<Advice>;
  /** POST /v1/exposure/lint */
  lint(manifests: string, context?: LintContextInput): Promise<LintResult>;
}
