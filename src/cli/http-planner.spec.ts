import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, HTTP_STATUS_BY_KIND } from '../domain/errors/error-codes.js';
import { PlanningError } from '../domain/errors/planning-error.js';
import { ServerAnswerError } from './cli-errors.js';
import { errorFromResponse, HttpPlanner } from './http-planner.js';

interface Call {
  url: URL;
  init: RequestInit;
}

function fakeServer(status: number, body: string): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fake = (async (url: URL, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetch: fake, calls };
}

/** The coded error a call rejects with: a server's answer, or the CLI's own PlanningError (unreachable, bad URL). */
async function caught(promise: Promise<unknown>): Promise<PlanningError | ServerAnswerError> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof PlanningError)) expect(error).toBeInstanceOf(ServerAnswerError);
    return error as PlanningError | ServerAnswerError;
  }
  throw new Error('expected a coded error');
}

describe('HttpPlanner', () => {
  it('asks GET /v1/capacity/max-pods with only the options given, and the bearer token', async () => {
    const server = fakeServer(200, '{"maxPods":290}');
    const sut = new HttpPlanner({ baseUrl: 'http://127.0.0.1:3000', token: 't0ken', fetch: server.fetch });

    const result = await sut.maxPods({ instanceType: 'm5.large', prefixDelegation: true, maxEnis: 2, launcher: 'NODEADM' });

    expect(result).toEqual({ maxPods: 290 });
    const [{ url, init }] = server.calls;
    expect(url.pathname).toBe('/v1/capacity/max-pods');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      instanceType: 'm5.large',
      prefixDelegation: 'true',
      maxEnis: '2',
      launcher: 'NODEADM',
    });
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(init.headers).toEqual({ accept: 'application/json', authorization: 'Bearer t0ken' });
  });

  it('posts JSON bodies to the routes of the API, under a base path when the server has one', async () => {
    const server = fakeServer(200, '{"findings":[]}');
    const sut = new HttpPlanner({ baseUrl: 'https://planner.example.com/eks/', fetch: server.fetch });

    await sut.lint('kind: Service\n', { controller: 'CCM_ONLY' });
    await sut.plan({ name: 'x' });
    await sut.trace({ designId: 'abc', flow: { from: { kind: 'EKS_API' }, to: { kind: 'EKS_API' }, protocol: 'TCP', port: 443 } });
    await sut.subnetUsage({ subnet: { cidr: '10.0.0.0/24' }, nodeGroups: [{ instanceType: 'm5.large', nodes: 1, podsPerNode: 1 }] });

    expect(server.calls.map((c) => `${c.init.method} ${c.url.href}`)).toEqual([
      'POST https://planner.example.com/eks/v1/exposure/lint',
      'POST https://planner.example.com/eks/v1/plan',
      'POST https://planner.example.com/eks/v1/paths/trace',
      'POST https://planner.example.com/eks/v1/capacity/subnet-usage',
    ]);
    expect(JSON.parse(server.calls[0].init.body as string)).toEqual({ manifests: 'kind: Service\n', context: { controller: 'CCM_ONLY' } });
    expect((server.calls[0].init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect((server.calls[0].init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it("turns the error body of the API into an error with the server's code and details, and the kind of its status", async () => {
    const body = JSON.stringify({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'subnets[0].cidr: bad',
        details: [{ path: 'subnets[0].cidr', message: 'bad', code: 'INVALID_CIDR' }],
      },
      requestId: 'r1',
    });
    const sut = new HttpPlanner({ baseUrl: 'http://localhost:1', fetch: fakeServer(400, body).fetch });

    const error = await caught(sut.plan({}));

    expect(error).toBeInstanceOf(ServerAnswerError);
    expect(error).toMatchObject({ status: 400, kind: 'INVALID_INPUT', code: 'VALIDATION_FAILED', message: 'subnets[0].cidr: bad' });
    expect(error.details).toEqual([{ path: 'subnets[0].cidr', message: 'bad', code: 'INVALID_CIDR' }]);
  });

  it('keeps 401 and 403 as their kinds, and names the status when the body is not the API error shape', () => {
    expect(
      errorFromResponse(401, '{"error":{"code":"UNAUTHENTICATED","message":"A valid bearer token is required."}}', 'GET /x'),
    ).toMatchObject({ kind: 'UNAUTHENTICATED', code: 'UNAUTHENTICATED', message: 'A valid bearer token is required.' });
    expect(errorFromResponse(403, '{"error":{"code":"INSUFFICIENT_SCOPE","message":"needs read"}}', 'GET /x')).toMatchObject({
      kind: 'FORBIDDEN',
    });
    expect(errorFromResponse(502, '<html>Bad Gateway</html>', 'GET /x')).toMatchObject({
      kind: 'UNAVAILABLE',
      code: 'HTTP_502',
      message: 'GET /x failed with status 502: <html>Bad Gateway</html>',
    });
  });

  it('turns every status the server gives a kind back into that kind', () => {
    for (const kind of ERROR_KINDS) {
      const status = HTTP_STATUS_BY_KIND[kind];
      expect(errorFromResponse(status, '{"error":{"code":"SOME_CODE","message":"m"}}', 'GET /x')).toMatchObject({
        status,
        kind,
        code: 'SOME_CODE',
      });
    }
  });

  it('reports an unreachable server and a bad URL as coded errors', async () => {
    const refused = (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }) as unknown as typeof fetch;
    const error = await caught(new HttpPlanner({ baseUrl: 'http://127.0.0.1:9', fetch: refused }).maxPods({ instanceType: 'm5.large' }));
    expect(error).toMatchObject({
      code: 'SERVER_UNREACHABLE',
      message: 'Cannot reach http://127.0.0.1:9 (GET /v1/capacity/max-pods): ECONNREFUSED',
    });

    expect(() => new HttpPlanner({ baseUrl: 'localhost:3000' })).toThrow(expect.objectContaining({ code: 'INVALID_SERVER_URL' }));
    expect(() => new HttpPlanner({ baseUrl: 'not a url' })).toThrow(expect.objectContaining({ code: 'INVALID_SERVER_URL' }));
  });
});
