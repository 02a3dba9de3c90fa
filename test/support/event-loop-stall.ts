import { monitorEventLoopDelay } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

/**
 * The longest the event loop was blocked while `work` ran, in ms (the app runs in the test's process, so this is the
 * stall every other caller, /health/live included, would have seen). Printed for the record; tests compare it with a
 * generous budget relative to a baseline, never with a fixed figure, so the verdict does not depend on machine speed.
 */
export async function worstStallMs<T>(label: string, work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  try {
    const result = await work();
    // A stall is recorded when the histogram's timer next fires: let it, or a block that ends the work goes unseen.
    await new Promise((done) => setTimeout(done, 2 * RESOLUTION_MS));
    return { result, stallMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
    if (process.env.PRINT_STALLS) console.log(`stall ${label}: ${(histogram.max / 1e6).toFixed(1)} ms`);
  }
}

/** A stall budget no loaded machine misses on linear work, and that exponential or quadratic work always exceeds. */
export function stallBudgetMs(baselineMs: number): number {
  return Math.max(1_000, 20 * baselineMs);
}
