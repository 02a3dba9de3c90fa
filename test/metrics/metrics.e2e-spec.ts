import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/platform/auth/static-tokens.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Reads one sample value from Prometheus text exposition. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = /\{(.*)\}/.exec(line)?.[1] ?? '';
    if (wanted.every(([k, v]) => labelText.includes(`${k}="${v}"`))) return Number(line.split(' ').pop());
  }
  return undefined;
}

describe('/metrics', () => {
  let t: TestApp;
  const token = 'metrics-reader-token-0123456789';
  beforeAll(async () => {
    t = await startTestApp({ API_TOKENS: JSON.stringify([{ subject: 'prometheus', sha256: sha256Hex(token), scopes: ['read'] }]) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is scraped with a read token and counts routes, GraphQL operations, engine timings and the pool', async () => {
    const auth = { authorization: `Bearer ${token}` };
    await t.http.get('/metrics').expect(401);
    await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.large' }).set(auth).expect(200);
    await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.nope' }).set(auth).expect(404);
    await t.http
      .post('/graphql')
      .set(auth)
      .send({ query: 'query CatalogNames { catalogs { name } }', operationName: 'CatalogNames' })
      .expect(200);

    const response = await t.http.get('/metrics').set(auth).expect(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const text = response.text;
    expect(sample(text, 'planner_http_requests_total', { method: 'GET', route: '/v1/capacity/max-pods', status: '200' })).toBe(1);
    expect(sample(text, 'planner_http_requests_total', { method: 'GET', route: '/v1/capacity/max-pods', status: '404' })).toBe(1);
    expect(sample(text, 'planner_http_request_duration_seconds_count', { route: '/v1/capacity/max-pods', status: '200' })).toBe(1);
    expect(sample(text, 'planner_graphql_operations_total', { operation: 'CatalogNames', type: 'query', outcome: 'ok' })).toBe(1);
    expect(sample(text, 'planner_engine_duration_seconds_count', { engine: 'capacity.max_pods' })).toBe(1);
    expect(sample(text, 'planner_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'planner_process_cpu_seconds_total', {})).toBeGreaterThan(0);

    // Requests are added to the counter at each scrape: a second scrape counts what came since, nothing twice.
    await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.large' }).set(auth).expect(200);
    await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.large' }).set(auth).expect(200);
    const again = (await t.http.get('/metrics').set(auth).expect(200)).text;
    expect(sample(again, 'planner_http_requests_total', { method: 'GET', route: '/v1/capacity/max-pods', status: '200' })).toBe(3);
    expect(sample(again, 'planner_http_requests_total', { method: 'GET', route: '/v1/capacity/max-pods', status: '404' })).toBe(1);
    expect(sample(again, 'planner_http_request_duration_seconds_count', { route: '/v1/capacity/max-pods', status: '200' })).toBe(3);
  });
});
