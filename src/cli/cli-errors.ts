/**
 * Exit codes and error messages of the CLI. Engines throw PlanningError subclasses with a stable `code`; the HTTP
 * planner turns server error bodies into the same errors, so both modes print `error CODE: message` alike.
 */
import { PlanningError } from '../domain/errors/planning-error.js';

export const EXIT_CODES = {
  /** The answer was printed (a trace that is dropped or a subnet that does not fit is still an answer). */
  OK: 0,
  /** A plan or lint has ERROR findings. */
  FINDINGS: 1,
  /** Bad input, a bad option, or the server refused or could not be reached. */
  ERROR: 2,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** A usage problem found by the CLI itself (conflicting options, a malformed `--from`), reported like an engine error. */
export class CliUsageError extends PlanningError {
  public constructor(code: string, message: string) {
    super('INVALID_INPUT', code, message);
  }
}

/** `error CODE: message`, then one line per detail with its path. */
export function formatError(error: unknown): string {
  if (error instanceof PlanningError) {
    const lines = [`error ${error.code}: ${error.message}`];
    for (const detail of error.details) {
      const code = detail.code && detail.code !== error.code ? ` [${detail.code}]` : '';
      lines.push(`  ${detail.path || '(input)'}: ${detail.message}${code}`);
    }
    return `${lines.join('\n')}\n`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = process.env.PLANNER_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `error INTERNAL_ERROR: ${message}${stack}\n`;
}
