/**
 * JSON logs with pino, through Fastify's own logger: every request line carries the request id, and Nest's Logger
 * writes to the same pino instance. (pino-http via Nest middleware cost about a sixth of the CPU of a cheap request in
 * the benchmark profile: an extra middleware engine plus AsyncLocalStorage on every promise.)
 */
import type { LoggerService } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DestinationStream, pino, type Logger, type LoggerOptions } from 'pino';
import type { Principal } from '../auth/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook. */
    principal?: Principal;
    /** Set by the GraphQL metrics plugin: every GraphQL call is POST /graphql, so the log names the operation. */
    graphqlOperation?: string;
  }
}

/**
 * Log lines are handed to stdout in batches of this many bytes, or every LOG_FLUSH_MS, whichever comes first: one
 * write per access-log line was 12 % of a cached REST answer's CPU (the write, then its dispatch when asynchronous).
 */
const LOG_BATCH_BYTES = 12_288;
const LOG_FLUSH_MS = 250;

/**
 * Lines gathered in an array and joined once per batch. sonic-boom's own batching (`minLength`) measures the byte
 * length of its growing buffer string on every line, which flattens it each time. Measured in one process, 50,000
 * access-log lines per run: 7.6–9.6 µs of main-thread CPU per line with that, 5.4–6.4 µs with this, 3.2–4.4 µs
 * with no write at all.
 */
export class LineBatch implements DestinationStream {
  private lines: string[] = [];
  private bytes = 0;

  public constructor(
    private readonly sink: { write(text: string): unknown; flushSync(): void },
    private readonly batchBytes = LOG_BATCH_BYTES,
  ) {}

  public write(line: string): void {
    this.lines.push(line);
    this.bytes += line.length;
    if (this.bytes >= this.batchBytes) this.flush();
  }

  /** Hands what is gathered to the sink (an asynchronous write). */
  public flush(): void {
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    this.bytes = 0;
    this.sink.write(text);
  }

  /** Writes everything out before returning: at exit, no event loop is left to finish an asynchronous write. */
  public flushSync(): void {
    this.flush();
    this.sink.flushSync();
  }
}

export function createRootLogger(level: string): Logger {
  const stdout = pino.destination({ dest: 1, sync: false });
  const batch = new LineBatch(stdout);
  setInterval(() => {
    try {
      batch.flush();
    } catch {
      // Destroyed at shutdown: nothing left to write.
    }
  }, LOG_FLUSH_MS).unref();
  process.once('exit', () => {
    try {
      batch.flushSync();
    } catch {
      // stdout is already closed: nothing can be written.
    }
  });
  return pino(loggerOptions(level), batch);
}

/** The root logger's options (exported for the test that no header reaches a log line). */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'eks-network-planner' },
    // A logged request is its method and URL, never its headers (tokens, cookies): stricter than redacting two header
    // paths, and a fraction of the cost (redaction cloned every access-log line: 2 % of a cached answer's CPU).
    serializers: { req: requestLine },
    timestamp: isoTimeOncePerMillisecond,
  };
}

function requestLine(req: { method?: unknown; url?: unknown }): { method: unknown; url: unknown } {
  return { method: req.method, url: req.url };
}

let stampedAt = -1;
let stamp = '';
/** pino's isoTime, formatted once per millisecond rather than once per line (2 % of a cached answer's CPU). */
function isoTimeOncePerMillisecond(): string {
  const now = Date.now();
  if (now !== stampedAt) {
    stampedAt = now;
    stamp = `,"time":"${new Date(now).toISOString()}"`;
  }
  return stamp;
}

/** One access-log line per request (health probes excepted), written when the response is done. */
export function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  // Building the line costs more than writing it: skip it when info is not logged.
  if (!(request.log as Logger).isLevelEnabled('info') || request.url.startsWith('/health/')) return;
  request.log.info(
    {
      req: { method: request.method, url: request.url },
      res: { statusCode: reply.statusCode },
      responseTimeMs: Number(reply.elapsedTime.toFixed(2)),
      ...(request.principal ? { principal: request.principal.subject } : {}),
      ...(request.graphqlOperation ? { graphqlOperation: request.graphqlOperation } : {}),
    },
    'request completed',
  );
}

/** Nest's Logger on top of pino: `context` becomes a field, errors keep their stack. */
export class PinoNestLogger implements LoggerService {
  private readonly children = new Map<string, Logger>();

  public constructor(private readonly root: Logger) {}

  public log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  public error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  public warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  public debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  public verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  public fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    // Nest passes the context last; an error call may pass a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const logger = context ? this.child(context) : this.root;
    if (message instanceof Error) logger[level]({ err: message }, message.message);
    else if (typeof message === 'object' && message !== null) logger[level](message, typeof rest[0] === 'string' ? rest[0] : undefined);
    else logger[level](rest.length > 0 && typeof rest[0] === 'string' ? { stack: rest[0] } : {}, String(message));
  }

  private child(context: string): Logger {
    let child = this.children.get(context);
    if (!child) {
      child = this.root.child({ context });
      this.children.set(context, child);
    }
    return child;
  }
}
