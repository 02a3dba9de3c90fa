/**
 * Big but legitimate work does not block everyone: the 3,000-subnet / 1,000-node-group eksctl export, its plan, a
 * 2,000-document lint and 50 concurrent whole-catalog max-pods tables, each served by an app with the compute pool and by
 * the same app with COMPUTE_THREADS=0 (everything inline), in the same process and the same run. The verdicts compare
 * the two (the event-loop stall and the /health/live latency), never a fixed figure, so they hold on a loaded machine.
 * PRINT_STALLS=1 prints the figures.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputePool } from '../../src/platform/compute/compute-pool.js';
import { largeManifests } from '../fixtures/exposure/large-manifests.fixture.js';
import { largeDesign } from '../fixtures/spec/large-design.fixture.js';
import { type ChildRequest, requestFromChild } from '../support/child-http-client.js';
import { worstStallMs } from '../support/event-loop-stall.js';
import { probeLiveness } from '../support/liveness-probe.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Test apps listen on a port: the liveness probe and the callers (a child process) are real HTTP clients. */
async function listening(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

const ENV = {
  BODY_LIMIT_BYTES: String(4 * 1024 * 1024),
  // Every table is computed (a cached answer would skip the engine and measure nothing).
  REST_RESPONSE_CACHE_MAX_BYTES: '0',
  RATE_LIMIT_PER_MINUTE: '1000000',
};

let pooled: TestApp;
let inline: TestApp;
const urls = new Map<TestApp, string>();
let designId: string;

const MANIFESTS = largeManifests();

const WORK: Record<string, ChildRequest[]> = {
  'the eksctl export of the 3,000-subnet / 1,000-node-group design': [{ method: 'GET', path: '/v1/designs/:id/export/eksctl' }],
  'the plan of that design': [{ method: 'GET', path: '/v1/designs/:id/plan' }],
  'a lint of 2,000 manifests': [{ method: 'POST', path: '/v1/exposure/lint', contentType: 'application/yaml', body: MANIFESTS }],
  '50 concurrent whole-catalog max-pods tables': Array.from({ length: 50 }, () => ({ method: 'GET', path: '/v1/capacity/max-pods-table' })),
};

/**
 * The worst the event loop was held while the requests ran: the longer of the loop monitor's stall and the slowest
 * /health/live answer (the monitor misses a block its timer does not straddle; the probe, one between two polls).
 */
async function measure(label: string, t: TestApp, requests: ChildRequest[]) {
  const url = urls.get(t)!;
  const probe = probeLiveness(url);
  await new Promise((done) => setTimeout(done, 50));
  const withId = requests.map((r) => ({ ...r, path: r.path.replace(':id', designId) }));
  const { result, stallMs } = await worstStallMs(label, () => requestFromChild(url, withId));
  const live = await probe.stop();
  if (process.env.PRINT_STALLS) console.log(`/health/live ${label}: worst ${live.worstMs.toFixed(1)} ms over ${live.answers} answers`);
  return { result, stallMs, liveMs: live.worstMs, blockedMs: Math.max(stallMs, live.worstMs) };
}

beforeAll(async () => {
  pooled = await startTestApp({ ...ENV, COMPUTE_THREADS: '1' });
  inline = await startTestApp({ ...ENV, COMPUTE_THREADS: '0', DATABASE_URL: pooled.databaseUrl });
  for (const t of [pooled, inline]) urls.set(t, await listening(t));
  const saved = await pooled.http.post('/v1/designs').send(largeDesign()).expect(201);
  designId = (saved.body as { id: string }).id;
  // The first pooled task starts the worker thread (and, from sources, compiles it): not part of what is measured.
  await pooled.http.get(`/v1/designs/${designId}/export/cni`).expect(200);
  expect(await pooled.app.get(ComputePool).counts()).toEqual({ inline: 0, pool: 1 });
}, 180_000);

afterAll(async () => {
  await inline?.close();
  await pooled?.close();
});

describe('CPU-heavy requests run in the compute pool, so the event loop keeps answering', () => {
  it.each(Object.entries(WORK))(
    '%s',
    async (label, requests) => {
      const before = await pooled.app.get(ComputePool).counts();
      const baseline = await measure(`inline: ${label}`, inline, requests);
      const offloaded = await measure(`pool: ${label}`, pooled, requests);

      // The same answers, byte for byte, and the pooled app really ran the work in a worker thread.
      expect(offloaded.result.map((r) => r.status)).toEqual(requests.map(() => 200));
      expect(offloaded.result).toEqual(baseline.result);
      expect(await pooled.app.get(ComputePool).counts()).toEqual({ inline: before.inline, pool: before.pool + requests.length });
      expect((await inline.app.get(ComputePool).counts()).pool).toBe(0);

      // The loop is held for a small part of what the same work holds it for inline.
      expect(offloaded.blockedMs).toBeLessThan(baseline.blockedMs / 4);
    },
    120_000,
  );

  it('counts pooled tasks and shows the pool in /metrics', async () => {
    const metrics = await pooled.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^planner_compute_tasks_total\{task="eksctlExport",place="pool"\} [1-9]/m);
    expect(metrics.text).toMatch(/^planner_compute_pool\{state="max_threads"\} 1$/m);
    expect(metrics.text).toMatch(/^planner_compute_pool\{state="queued"\} 0$/m);
  });
});
