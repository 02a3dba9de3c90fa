/**
 * 200 clients update one design at once, each a read-modify-write that adds its own workload and retries a few times on
 * 412. Every answer must be 200 or 412, each success must get its own next revision, and the final design must hold
 * exactly the successful clients' workloads: no update lost, none applied twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesignSpec } from '../../src/domain/spec/design-spec.types.js';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CLIENTS = 200;
const ATTEMPTS = 3;

describe('concurrent conflicting updates', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_POOL_SIZE: '20', RATE_LIMIT_PER_MINUTE: '100000' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await t.close();
  });

  it(`keeps every one of ${CLIENTS} concurrent read-modify-writes or refuses it with 412`, async () => {
    const created = (await (
      await fetch(`${baseUrl}/v1/designs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(validDesign()),
      })
    ).json()) as { id: string };
    const url = `${baseUrl}/v1/designs/${created.id}`;
    const statuses: number[] = [];

    const client = async (i: number): Promise<{ client: number; revision: number } | null> => {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const current = (await (await fetch(url)).json()) as { revision: number; spec: DesignSpec };
        const spec: DesignSpec = {
          ...current.spec,
          workloads: [...(current.spec.workloads ?? []), { name: `client-${i}`, namespace: 'load', nodeGroup: 'general', replicas: 1 }],
        };
        const response = await fetch(url, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'if-match': `"${current.revision}"` },
          body: JSON.stringify(spec),
        });
        statuses.push(response.status);
        const body = (await response.json()) as { revision: number };
        if (response.status === 200) return { client: i, revision: body.revision };
      }
      return null;
    };

    const outcomes = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    const winners = outcomes.filter((o): o is { client: number; revision: number } => o !== null);

    expect(statuses.length).toBeGreaterThanOrEqual(CLIENTS);
    expect(statuses.every((s) => s === 200 || s === 412)).toBe(true);
    expect(statuses.filter((s) => s === 200)).toHaveLength(winners.length);
    expect(winners.length).toBeGreaterThan(1);
    expect(winners.map((w) => w.revision).sort((a, b) => a - b)).toEqual(winners.map((_, k) => k + 2));

    const revisions = (await (await fetch(`${url}/revisions`)).json()) as { items: { revision: number }[] };
    expect(revisions.items).toHaveLength(1 + winners.length);

    const final = (await (await fetch(url)).json()) as { revision: number; spec: DesignSpec };
    expect(final.revision).toBe(1 + winners.length);
    const added = (final.spec.workloads ?? [])
      .filter((w) => w.namespace === 'load')
      .map((w) => w.name)
      .sort();
    expect(added).toEqual(winners.map((w) => `client-${w.client}`).sort());
    // Each revision adds exactly the workload of the client that wrote it.
    for (const winner of winners) {
      const revision = (await (await fetch(`${url}/revisions/${winner.revision}`)).json()) as { spec: DesignSpec };
      const names = (revision.spec.workloads ?? []).filter((w) => w.namespace === 'load').map((w) => w.name);
      expect(names).toHaveLength(winner.revision - 1);
      expect(names[names.length - 1]).toBe(`client-${winner.client}`);
    }
    console.info(
      `concurrency: ${CLIENTS} clients, ${statuses.length} PUTs, ${winners.length} × 200, ${statuses.length - winners.length} × 412`,
    );
  }, 120_000);
});
