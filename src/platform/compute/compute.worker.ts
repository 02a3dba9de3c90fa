/**
 * The entry of each compute worker thread (piscina loads it and calls the default export once per task). It only
 * settles the named task: the task table is compute-tasks.ts, shared with the inline path.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { settleComputeTask, type ComputeOutcome, type ComputeRequest } from './compute-outcome.js';

export default function computeWorker(request: ComputeRequest): ComputeOutcome {
  const outcome = settleComputeTask(request);
  return ownedBytes(outcome) ? moveBytes(outcome, outcome.value.buffer) : outcome;
}

/**
 * JSON bytes in an ArrayBuffer of their own (large answers: Buffer.from pools only small strings) are moved to the
 * main thread rather than copied; bytes sharing Node's pool are copied, since moving would detach the whole pool.
 */
function ownedBytes(outcome: ComputeOutcome): outcome is { ok: true; value: Uint8Array<ArrayBuffer> } {
  return (
    outcome.ok &&
    outcome.value instanceof Uint8Array &&
    outcome.value.byteOffset === 0 &&
    outcome.value.buffer instanceof ArrayBuffer &&
    outcome.value.buffer.byteLength === outcome.value.byteLength
  );
}

function moveBytes(outcome: ComputeOutcome, buffer: ArrayBuffer): ComputeOutcome {
  // piscina posts the value with the buffer in its transfer list.
  return move({ [transferableSymbol]: buffer, [valueSymbol]: outcome }) as unknown as ComputeOutcome;
}
