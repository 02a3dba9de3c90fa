/**
 * The entry of each compute worker thread (piscina loads it and calls the default export once per task). It only
 * settles the named task: the task table is compute-tasks.ts, shared with the inline path.
 */
import { settleComputeTask, type ComputeOutcome, type ComputeRequest } from './compute-outcome.js';

export default function computeWorker(request: ComputeRequest): ComputeOutcome {
  return settleComputeTask(request);
}
