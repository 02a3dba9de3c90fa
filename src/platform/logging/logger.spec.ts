import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loggerOptions } from './logger.js';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { lines, stream };
}

describe('the root logger', () => {
  afterEach(() => vi.useRealTimers());

  it('logs a request as its method and URL, never its headers', () => {
    const { lines, stream } = capture();
    const log = pino(loggerOptions('info'), stream);
    log.info(
      { req: { method: 'GET', url: '/v1/designs', headers: { authorization: 'Bearer s3cret-token', cookie: 'session=abc' } } },
      'request completed',
    );
    const [line] = lines();
    expect(line.req).toEqual({ method: 'GET', url: '/v1/designs' });
    expect(JSON.stringify(line)).not.toMatch(/s3cret-token|session=abc/);
  });

  it('stamps each line with the ISO time of its millisecond', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { lines, stream } = capture();
    const log = pino(loggerOptions('info'), stream);
    vi.setSystemTime(new Date('2026-12-07T10:00:00.001Z'));
    log.info('first');
    log.info('same millisecond');
    vi.setSystemTime(new Date('2026-12-07T10:00:00.002Z'));
    log.info('next millisecond');
    expect(lines().map((line) => line.time)).toEqual(['2026-12-07T10:00:00.001Z', '2026-12-07T10:00:00.001Z', '2026-12-07T10:00:00.002Z']);
  });
});
