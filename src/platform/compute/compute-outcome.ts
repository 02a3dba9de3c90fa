/**
 * What a compute task answers across the thread boundary: its value, a domain error as data (rebuilt as its own class
 * on the main thread), or a bug. Tagging the outcome keeps pool failures apart: anything piscina itself rejects with
 * (a worker that died, a pool shut down) is not the task's answer, and the caller says 503 instead of 500.
 */
import {
  PlanningError,
  planningErrorFromPayload,
  planningErrorPayload,
  type PlanningErrorPayload,
} from '../../domain/errors/planning-error.js';
import { type ComputeInput, type ComputeTaskName, isComputeTaskName, runComputeTask } from './compute-tasks.js';

export type ComputeOutcome =
  | { ok: true; value: unknown }
  | { ok: false; planningError: PlanningErrorPayload }
  | { ok: false; bug: { name: string; message: string; stack?: string } };

export interface ComputeRequest {
  name: ComputeTaskName;
  input: unknown;
  /** Answer the value as UTF-8 JSON bytes: moved across threads without a copy, where a large object graph is cloned. */
  json?: boolean;
}

/** Runs one task and never throws: what the worker returns for every request. */
export function settleComputeTask(request: ComputeRequest): ComputeOutcome {
  try {
    if (!isComputeTaskName(request.name)) throw new Error(`unknown compute task ${JSON.stringify(request.name)}`);
    const value = runComputeTask(request.name, request.input as ComputeInput<ComputeTaskName>);
    return { ok: true, value: request.json ? Buffer.from(JSON.stringify(value)) : value };
  } catch (error) {
    if (error instanceof PlanningError) return { ok: false, planningError: planningErrorPayload(error) };
    const bug = error instanceof Error ? error : new Error(String(error));
    return { ok: false, bug: { name: bug.name, message: bug.message, stack: bug.stack } };
  }
}

/** The task's value, or its error thrown as the main thread would have thrown it inline (a bug stays a plain Error: 500). */
export function unwrapComputeOutcome<T>(name: ComputeTaskName, outcome: ComputeOutcome): T {
  if (outcome.ok) return outcome.value as T;
  if ('planningError' in outcome) {
    const rebuilt = planningErrorFromPayload(outcome.planningError);
    if (rebuilt) throw rebuilt;
    throw new Error(
      `compute task ${name} failed with an unknown error kind ${outcome.planningError.kind}: ${outcome.planningError.message}`,
    );
  }
  const bug = new Error(`compute task ${name} failed in a worker thread: ${outcome.bug.name}: ${outcome.bug.message}`);
  if (outcome.bug.stack !== undefined) bug.stack = `${bug.message}\n--- in the worker thread ---\n${outcome.bug.stack}`;
  throw bug;
}
