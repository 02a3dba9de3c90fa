/**
 * Exit codes, error codes and error messages of the CLI. Engines throw PlanningError subclasses with a stable `code`;
 * the HTTP planner turns server error bodies into ServerAnswerErrors with the server's code, so both modes print
 * `error CODE: message` alike.
 */
import type { DomainErrorCode, ErrorCodeRegistry, ErrorKind, InvalidInputCode } from '../domain/errors/error-codes.js';
import { InvalidInputError, type ErrorDetail, PlanningError } from '../domain/errors/planning-error.js';

export const EXIT_CODES = {
  /** The answer was printed (a trace that is dropped or a subnet that does not fit is still an answer). */
  OK: 0,
  /** A plan or lint has ERROR findings. */
  FINDINGS: 1,
  /** Bad input, a bad option, or the server refused or could not be reached. */
  ERROR: 2,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * The codes only the CLI prints (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). Where the
 * CLI refuses what the server would refuse too (a design or catalog not found, an endpoint or node group that is not
 * valid, a body too deep) it uses the service's code.
 */
export const CLI_ERROR_CODES = {
  CONFLICTING_OPTIONS: 'INVALID_INPUT',
  MISSING_ARGUMENT: 'INVALID_INPUT',
  MISSING_OPTION: 'INVALID_INPUT',
  /** --design-id needs --server. */
  SERVER_REQUIRED: 'INVALID_INPUT',
  INVALID_SERVER_URL: 'INVALID_INPUT',
  INVALID_NAT_EIP: 'INVALID_INPUT',
  STDIN_ALREADY_READ: 'INVALID_INPUT',
  FILE_NOT_FOUND: 'INVALID_INPUT',
  FILE_UNREADABLE: 'INVALID_INPUT',
  FILE_TOO_LARGE: 'INVALID_INPUT',
  MALFORMED_JSON: 'INVALID_INPUT',
  /** Neither a DesignSpec JSON nor an eksctl ClusterConfig. */
  UNKNOWN_DESIGN_FORMAT: 'INVALID_INPUT',
  SERVER_UNREACHABLE: 'UNAVAILABLE',
  /** The server answered 2xx with a body that is not JSON. */
  UNEXPECTED_RESPONSE: 'UNAVAILABLE',
  /** Anything else: a bug, printed with its stack when PLANNER_DEBUG is set. */
  INTERNAL_ERROR: 'INTERNAL',
} as const satisfies ErrorCodeRegistry;

declare module '../domain/errors/error-codes.js' {
  interface ErrorCodeRegistries {
    cli: typeof CLI_ERROR_CODES;
  }
}

/** A usage problem found by the CLI itself (conflicting options, a malformed `--from`), reported like an engine error. */
export class CliUsageError extends InvalidInputError {
  public constructor(code: InvalidInputCode, message: string) {
    super(code, message);
  }
}

/**
 * What a server answered: its code verbatim (a newer server may answer a code this CLI does not know, and a body that
 * is not the API's error shape keeps its status as `HTTP_<status>`), the kind its status stands for.
 */
export class ServerAnswerError extends Error {
  public constructor(
    public readonly status: number,
    public readonly kind: ErrorKind,
    public readonly code: string,
    message: string,
    public readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** `error CODE: message`, then one line per detail with its path. */
export function formatError(error: unknown): string {
  if (error instanceof PlanningError || error instanceof ServerAnswerError) {
    const lines = [`error ${error.code}: ${error.message}`];
    for (const detail of error.details) {
      const code = detail.code && detail.code !== error.code ? ` [${detail.code}]` : '';
      lines.push(`  ${detail.path || '(input)'}: ${detail.message}${code}`);
    }
    return `${lines.join('\n')}\n`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = process.env.PLANNER_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `error ${'INTERNAL_ERROR' satisfies DomainErrorCode<'cli'>}: ${message}${stack}\n`;
}
