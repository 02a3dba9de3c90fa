import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LineBatch, loggerOptions } from './logger.js';

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

  it('hands lines to stdout in batches, in order, and everything before returning from flushSync', () => {
    const written: string[] = [];
    let flushedSync = 0;
    const messagesOf = (text: string) =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
    // About 85 bytes per line: two lines fill a batch.
    const batch = new LineBatch({ write: (text: string) => written.push(text), flushSync: () => flushedSync++ }, 150);
    const log = pino(loggerOptions('info'), batch);
    log.info('one');
    expect(written).toEqual([]);
    log.info('two');
    expect(written.map(messagesOf)).toEqual([['one', 'two']]);
    log.info('three');
    batch.flush();
    log.info('four');
    batch.flushSync();
    expect(flushedSync).toBe(1);
    expect(written.map(messagesOf)).toEqual([['one', 'two'], ['three'], ['four']]);
    batch.flush();
    expect(written).toHaveLength(3);
  });
});
