/**
 * Polls GET /health/live of a listening app every `everyMs` while work runs, and reports the slowest answer: the latency
 * a kubelet's liveness probe (or any caller) saw. The app runs in the test's process, where a blocked event loop also
 * holds back the probe's next request, so each latency counts from when that request was due, not from when it went out.
 */
export interface LivenessProbe {
  stop(): Promise<{ worstMs: number; answers: number }>;
}

export function probeLiveness(baseUrl: string, everyMs = 10): LivenessProbe {
  let running = true;
  let worstMs = 0;
  let answers = 0;
  const loop = (async () => {
    let due = performance.now();
    while (running) {
      const response = await fetch(`${baseUrl}/health/live`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`/health/live answered ${response.status}`);
      const answered = performance.now();
      worstMs = Math.max(worstMs, answered - due);
      answers += 1;
      due = answered + everyMs;
      await new Promise((done) => setTimeout(done, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { worstMs, answers };
    },
  };
}
