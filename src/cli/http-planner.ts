/**
 * The planner behind a running server: the REST routes of docs/api.md with a bearer token, over Node's global fetch.
 * Error bodies `{"error":{"code","message","details"}}` come back as ServerAnswerErrors with the server's code, which
 * the CLI prints and exits on like the PlanningErrors the local engines throw.
 */
import type { MaxPodsResult, MaxPodsTable, SubnetUsageResult } from '../domain/capacity/index.js';
import { kindOfHttpStatus } from '../domain/errors/error-codes.js';
import { InvalidInputError, type ErrorDetail, UnavailableError } from '../domain/errors/planning-error.js';
import type { Advice, WhatIfResult } from '../domain/advice/index.js';
import type { DesignPlan } from '../domain/plan/index.js';
import type { LintContextInput, LintResult } from '../domain/exposure/index.js';
import type { TraceResult } from '../domain/traffic-path/index.js';
import { ServerAnswerError } from './cli-errors.js';
import type { MaxPodsQuery, MaxPodsTableQuery, PlannerClient, SubnetUsageQuery, TraceQuery } from './planner-client.js';

export interface HttpPlannerOptions {
  baseUrl: string;
  token?: string;
  /** Per request; the whole-catalog table is the slowest answer (well under a second on a server). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type QueryValue = string | number | boolean | undefined;

export class HttpPlanner implements PlannerClient {
  public readonly origin: string;
  private readonly baseUrl: URL;
  private readonly fetch: typeof fetch;

  public constructor(private readonly options: HttpPlannerOptions) {
    this.baseUrl = parseServerUrl(options.baseUrl);
    this.origin = this.baseUrl.origin;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  public maxPods(query: MaxPodsQuery): Promise<MaxPodsResult> {
    return this.request('GET', '/v1/capacity/max-pods', { query: { ...query } });
  }

  public maxPodsTable(query: MaxPodsTableQuery): Promise<MaxPodsTable> {
    return this.request('GET', '/v1/capacity/max-pods-table', { query: { ...query } });
  }

  public subnetUsage(query: SubnetUsageQuery): Promise<SubnetUsageResult> {
    return this.request('POST', '/v1/capacity/subnet-usage', { body: query });
  }

  public trace(query: TraceQuery): Promise<TraceResult> {
    return this.request('POST', '/v1/paths/trace', { body: query });
  }

  public plan(design: unknown): Promise<DesignPlan> {
    return this.request('POST', '/v1/plan', { body: design });
  }

  /** GET /v1/designs/{id}/plan: a saved design (latest revision, or `revision`). */
  public planSaved(designId: string, revision?: number): Promise<DesignPlan> {
    return this.request('GET', `/v1/designs/${encodeURIComponent(designId)}/plan`, { query: { revision } });
  }

  public whatIf(design: unknown, patch: unknown): Promise<WhatIfResult> {
    return this.request('POST', '/v1/what-if', { body: { spec: design, patch } });
  }

  /** POST /v1/designs/{id}/what-if: a saved design (latest revision, or `revision`). */
  public whatIfSaved(designId: string, revision: number | undefined, patch: unknown): Promise<WhatIfResult> {
    return this.request('POST', `/v1/designs/${encodeURIComponent(designId)}/what-if`, { query: { revision }, body: { patch } });
  }

  public advise(design: unknown): Promise<Advice> {
    return this.request('POST', '/v1/advice', { body: design });
  }

  /** GET /v1/designs/{id}/advice */
  public adviseSaved(designId: string, revision?: number): Promise<Advice> {
    return this.request('GET', `/v1/designs/${encodeURIComponent(designId)}/advice`, { query: { revision } });
  }

  public lint(manifests: string, context?: LintContextInput): Promise<LintResult> {
    return this.request('POST', '/v1/exposure/lint', { body: context === undefined ? { manifests } : { manifests, context } });
  }

  /** POST /v1/designs/import/aws: the bundle saved as a design. */
  public importAws<T>(bundle: unknown): Promise<T> {
    return this.request('POST', '/v1/designs/import/aws', { body: bundle });
  }

  /** POST /v1/catalogs/import/aws: describe-instance-types output saved as a custom catalog. */
  public importAwsCatalog<T>(input: { name: string; description?: string; instanceTypes: unknown }): Promise<T> {
    return this.request('POST', '/v1/catalogs/import/aws', { body: input });
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    input: { query?: Record<string, QueryValue>; body?: unknown },
  ): Promise<T> {
    const url = new URL(`${this.baseUrl.pathname.replace(/\/$/, '')}${path}`, this.baseUrl);
    for (const [name, value] of Object.entries(input.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetch(url, {
        method,
        headers,
        body: input.body === undefined ? undefined : JSON.stringify(input.body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 120_000),
      });
    } catch (error) {
      throw new UnavailableError('SERVER_UNREACHABLE', `Cannot reach ${this.origin} (${method} ${path}): ${describeFetchError(error)}`);
    }
    const text = await response.text();
    if (response.ok) {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new UnavailableError('UNEXPECTED_RESPONSE', `${method} ${path} answered ${response.status} with a body that is not JSON.`);
      }
    }
    throw errorFromResponse(response.status, text, `${method} ${path}`);
  }
}

/** `{"error":{"code","message","details"}}` with the kind of its status; anything else keeps the status as its code. */
export function errorFromResponse(status: number, text: string, what: string): ServerAnswerError {
  const kind = kindOfHttpStatus(status) ?? 'UNAVAILABLE';
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : `${what} failed with status ${status}.`;
    const details = Array.isArray(error.details)
      ? (error.details as unknown[])
          .filter((d): d is ErrorDetail => typeof d === 'object' && d !== null && typeof (d as ErrorDetail).message === 'string')
          .map((d) => ({
            path: typeof d.path === 'string' ? d.path : '',
            message: d.message,
            ...(typeof d.code === 'string' ? { code: d.code } : {}),
          }))
      : [];
    return new ServerAnswerError(status, kind, error.code, message, details);
  }
  const snippet = text.trim().slice(0, 200);
  return new ServerAnswerError(status, kind, `HTTP_${status}`, `${what} failed with status ${status}${snippet ? `: ${snippet}` : '.'}`);
}

function parseServerUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError('INVALID_SERVER_URL', `--server must be an http(s) URL such as http://127.0.0.1:3000, got "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInputError('INVALID_SERVER_URL', `--server must be an http(s) URL, got "${value}".`);
  }
  return url;
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timed out';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
