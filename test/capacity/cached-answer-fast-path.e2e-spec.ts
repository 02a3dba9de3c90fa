import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../src/platform/auth/static-tokens.js';
import { ScopeGuard } from '../../src/platform/auth/scope.guard.js';
import { MetricsService } from '../../src/platform/metrics/metrics.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TOKENS = {
  warm: `warm-${randomBytes(8).toString('hex')}`,
  reader: `reader-${randomBytes(8).toString('hex')}`,
  limited: `limited-${randomBytes(8).toString('hex')}`,
  none: `none-${randomBytes(8).toString('hex')}`,
};
const API_TOKENS = JSON.stringify([
  { subject: 'warm', sha256: sha256Hex(TOKENS.warm), scopes: ['read'] },
  { subject: 'reader', sha256: sha256Hex(TOKENS.reader), scopes: ['read'] },
  { subject: 'limited', sha256: sha256Hex(TOKENS.limited), scopes: ['read'] },
  { subject: 'no-scope', sha256: sha256Hex(TOKENS.none), scopes: [] },
]);
const LIMIT = 4;
const URL = '/v1/capacity/max-pods?instanceType=m5.large&prefixDelegation=true';
/** Headers that differ between any two responses whatever served them. */
const VARYING = new Set(['date', 'x-request-id']);

interface Answer {
  status: number;
  text: string;
  headers: Record<string, string>;
}

/**
 * The fast path (cached answers served from a Fastify hook before Nest's pipeline) against the Nest path, on two apps
 * alike but for the answer cache: the same bytes, headers, statuses, 401/403/429 and metrics.
 */
describe('cached REST answers served before Nest’s pipeline', () => {
  let nest: TestApp;
  let fast: TestApp;
  const env = { API_TOKENS, RATE_LIMIT_PER_MINUTE: String(LIMIT) };
  beforeAll(async () => {
    nest = await startTestApp({ ...env, REST_RESPONSE_CACHE_MAX_BYTES: '0' });
    fast = await startTestApp({ ...env, REST_RESPONSE_CACHE_MAX_BYTES: String(1024 * 1024) });
  });
  afterAll(async () => {
    await nest?.close();
    await fast?.close();
  });

  const call = async (t: TestApp, token: string | undefined, url = URL): Promise<Answer> => {
    const request = t.http.get(url);
    if (token) void request.set('authorization', `Bearer ${token}`);
    const response = await request;
    const headers = Object.fromEntries(Object.entries(response.headers as Record<string, string>).filter(([name]) => !VARYING.has(name)));
    // The body's requestId (errors) differs per request.
    return { status: response.status, text: response.text.replace(/"requestId":"[^"]*"/, '"requestId":"*"'), headers };
  };
  const counted = async (t: TestApp, status: number) => {
    const { body } = await t.app.get(MetricsService).render();
    const line = body
      .split('\n')
      .find(
        (l) =>
          l.startsWith('planner_http_requests_total{') && l.includes('route="/v1/capacity/max-pods"') && l.includes(`status="${status}"`),
      );
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('serves a hit without Nest’s guards, with the Nest path’s bytes, headers and status', async () => {
    const warm = await call(fast, TOKENS.warm);
    expect(warm.status).toBe(200);
    const guard = vi.spyOn(fast.app.get(ScopeGuard), 'canActivate');
    const hit = await call(fast, TOKENS.reader);
    expect(guard).not.toHaveBeenCalled();
    guard.mockRestore();
    const reference = await call(nest, TOKENS.reader);
    expect(hit.status).toBe(200);
    expect(hit.text).toBe(reference.text);
    expect(hit.headers).toEqual(reference.headers);
    expect(hit.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(hit.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));
  });

  it('refuses a missing, unknown or unscoped token on a hit as the Nest path does (401, 403)', async () => {
    for (const token of [undefined, 'not-a-token', TOKENS.none]) {
      const refused = await call(fast, token);
      const reference = await call(nest, token);
      expect(refused.status).toBe(token === TOKENS.none ? 403 : 401);
      expect(refused.text).toBe(reference.text);
      expect(refused.headers).toEqual(reference.headers);
    }
  });

  it('counts hits against the caller’s limit and answers the same 429 with Retry-After', async () => {
    const fastAnswers: Answer[] = [];
    const nestAnswers: Answer[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      fastAnswers.push(await call(fast, TOKENS.limited));
      nestAnswers.push(await call(nest, TOKENS.limited));
    }
    expect(fastAnswers.map((a) => a.status)).toEqual([...Array<number>(LIMIT).fill(200), 429]);
    expect(fastAnswers.map((a) => a.headers['x-ratelimit-remaining'])).toEqual(nestAnswers.map((a) => a.headers['x-ratelimit-remaining']));
    const [limited, reference] = [fastAnswers[LIMIT], nestAnswers[LIMIT]];
    expect(limited.text).toBe(reference.text);
    expect(JSON.parse(limited.text)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Object.keys(limited.headers).sort()).toEqual(Object.keys(reference.headers).sort());
  });

  it('counts every answer in the route’s metrics as the Nest path does', async () => {
    for (const status of [401, 403, 429]) expect(await counted(fast, status)).toBe(await counted(nest, status));
    expect(await counted(fast, 429)).toBe(1);
    // The fast app answered the warm-up call besides: one 200 more.
    expect(await counted(fast, 200)).toBe((await counted(nest, 200)) + 1);
    expect(await counted(fast, 200)).toBe(LIMIT + 2);
  });

  it('leaves a URL that was never answered, and other methods, to Nest', async () => {
    const other = '/v1/capacity/max-pods?instanceType=m5.xlarge';
    const first = await call(fast, TOKENS.reader, other);
    expect(first.text).toBe((await call(nest, TOKENS.reader, other)).text);
    const invalid = await call(fast, TOKENS.reader, '/v1/capacity/max-pods?instanceType=nope.large');
    const reference = await call(nest, TOKENS.reader, '/v1/capacity/max-pods?instanceType=nope.large');
    expect(invalid.status).toBeGreaterThanOrEqual(400);
    expect([invalid.status, invalid.text]).toEqual([reference.status, reference.text]);
  });
  it('leaves a GET sent with a body to Nest’s body checks: the same 415 as the Nest path', async () => {
    const withForm = async (t: TestApp) => {
      const response = await t.http
        .get(URL)
        .set('authorization', `Bearer ${TOKENS.warm}`)
        .set('content-type', 'application/x-www-form-urlencoded')
        .send('a=b');
      return [response.status, (response.body as { error?: { code?: string } }).error?.code];
    };
    expect(await call(fast, TOKENS.warm)).toMatchObject({ status: 200 });
    expect(await withForm(fast)).toEqual(await withForm(nest));
    expect(await withForm(fast)).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});
