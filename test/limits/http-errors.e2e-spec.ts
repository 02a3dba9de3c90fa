/**
 * Fastify's and Node's own refusals answer the documented error body (issue 16 item 9): bad header bytes, a bad `%` in
 * a path, a URL or headers over the limit, a body over BODY_LIMIT_BYTES sent chunked or with a wrong Content-Length
 * (a 413, not a reset connection), and `__proto__` keys refused with their own message.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../support/raw-http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

describe('framework errors in the documented shape', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '65536' });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t.close();
  });

  it('bad header bytes: 400 MALFORMED_REQUEST', async () => {
    const response = await rawRequest(port, ['GET /v1/catalogs HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n']);
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('MALFORMED_REQUEST');
  });

  it('a bad % in a path: 400 MALFORMED_REQUEST', async () => {
    const response = await rawRequest(port, ['GET /v1/designs/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
    expect(response.status).toBe(400);
    expect(errorOf(response.body).code).toBe('MALFORMED_REQUEST');
  });

  it('a URL over the limit: 414 URI_TOO_LONG; headers over the limit: 431 HEADERS_TOO_LARGE', async () => {
    const longUrl = await rawRequest(port, [`GET /v1/catalogs?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`]);
    expect(longUrl.status).toBe(414);
    expect(errorOf(longUrl.body).code).toBe('URI_TOO_LONG');
    const bigHeaders = await rawRequest(port, [`GET /v1/catalogs HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
    expect(bigHeaders.status).toBe(431);
    expect(errorOf(bigHeaders.body).code).toBe('HEADERS_TOO_LARGE');
  });

  it('a chunked body over BODY_LIMIT_BYTES: 413 naming the limit, read by the client instead of a reset', async () => {
    const chunk = `${(16_384).toString(16)}\r\n${'x'.repeat(16_384)}\r\n`;
    const response = await rawRequest(
      port,
      [
        'POST /v1/exposure/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nTransfer-Encoding: chunked\r\n\r\n',
        ...Array.from({ length: 128 }, () => chunk),
        '0\r\n\r\n',
      ],
      { gapMs: 5 },
    );
    expect(response.status).toBe(413);
    expect(errorOf(response.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(errorOf(response.body).message).toMatch(/65536.*BODY_LIMIT_BYTES|BODY_LIMIT_BYTES.*65536/);
  });

  it('a client that streams its whole chunked body before reading (fetch) gets the 413 too', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 128; i++) controller.enqueue(new Uint8Array(16_384).fill(120));
        controller.close();
      },
    });
    const response = await fetch(`http://127.0.0.1:${port}/v1/exposure/lint`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    // The same with a Content-Length: the whole 2 MB is on its way when the server answers.
    const sized = await fetch(`http://127.0.0.1:${port}/v1/exposure/lint`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      body: Buffer.alloc(2 * 1024 * 1024, 120),
    });
    expect(sized.status).toBe(413);
  });

  it('a Content-Length over BODY_LIMIT_BYTES with the body still coming: 413, not a reset', async () => {
    const response = await rawRequest(
      port,
      [
        'POST /v1/exposure/lint HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 2000000\r\n\r\n',
        ...Array.from({ length: 100 }, () => 'x'.repeat(20_000)),
      ],
      { gapMs: 0 },
    );
    expect(response.status).toBe(413);
    expect(errorOf(response.body).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a Content-Length longer than the body sent: 400 MALFORMED_REQUEST or 408 once the body never comes', async () => {
    const response = await rawRequest(
      port,
      ['POST /v1/designs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{}'],
      {
        waitMs: 2_000,
      },
    );
    // The server waits for the rest of the body (up to its request timeout), and never answers in another shape.
    if (response.status !== 0) expect(errorOf(response.body).code).toMatch(/^(MALFORMED_REQUEST|REQUEST_TIMEOUT)$/);
  });

  it('__proto__ and constructor.prototype keys: 400 FORBIDDEN_JSON_KEY with its own message', async () => {
    for (const body of ['{"name":"x","__proto__":{"admin":true}}', '{"a":{"constructor":{"prototype":{"admin":true}}}}']) {
      const response = await t.http.post('/v1/designs').set('content-type', 'application/json').send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('FORBIDDEN_JSON_KEY');
      expect(response.body.error.message).toMatch(/__proto__|prototype/);
      expect(response.body.error.message).not.toMatch(/not valid JSON/);
    }
  });
  it("every answer carries the caller's x-request-id: served, cached, refused, unknown route and a framework error", async () => {
    const id = (n: number) => `trace-${n}`;
    const maxPods = '/v1/capacity/max-pods?instanceType=m5.large';
    const answers = [
      await t.http.get(maxPods).set('x-request-id', id(1)),
      await t.http.get(maxPods).set('x-request-id', id(2)),
      await t.http.get('/v1/capacity/max-pods?instanceType=m5.large&kubeletMaxPods=0').set('x-request-id', id(3)),
      await t.http.get('/v1/no-such-route').set('x-request-id', id(4)),
    ];
    expect(answers.map((a) => [a.status, a.headers['x-request-id']])).toEqual([
      [200, id(1)],
      [200, id(2)],
      [400, id(3)],
      [404, id(4)],
    ]);
    const badPath = await rawRequest(port, [
      `GET /v1/designs/%zz HTTP/1.1\r\nHost: x\r\nX-Request-Id: ${id(5)}\r\nConnection: close\r\n\r\n`,
    ]);
    expect([badPath.status, badPath.headers['x-request-id']]).toEqual([400, id(5)]);
    expect(JSON.parse(badPath.body)).toMatchObject({ requestId: id(5) });
  });
});
