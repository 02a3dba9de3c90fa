/**
 * Error codes of saved designs and their revisions (one line per code: `CODE: 'KIND'`; see
 * src/domain/errors/error-codes.ts), and the two errors of the revision precondition.
 */
import type { ErrorCodeRegistry } from '../../domain/errors/error-codes.js';
import { PreconditionFailedError, PreconditionRequiredError } from '../../domain/errors/planning-error.js';

export const DESIGN_ERROR_CODES = {
  DESIGN_NOT_FOUND: 'NOT_FOUND',
  REVISION_NOT_FOUND: 'NOT_FOUND',
  /** If-Match that does not name exactly one revision. */
  INVALID_IF_MATCH: 'INVALID_INPUT',
  /** The expected revision is not the current one: re-read and retry. */
  REVISION_CONFLICT: 'PRECONDITION_FAILED',
  /** An update or delete without If-Match / expectedRevision. */
  REVISION_REQUIRED: 'PRECONDITION_REQUIRED',
} as const satisfies ErrorCodeRegistry;

declare module '../../domain/errors/error-codes.js' {
  interface ErrorCodeRegistries {
    designs: typeof DESIGN_ERROR_CODES;
  }
}

/** 412: the caller's expected revision is not the current one. */
export class RevisionConflictError extends PreconditionFailedError {
  public constructor(expected: number, current: number) {
    super('REVISION_CONFLICT', `Expected revision ${expected} but the design is at revision ${current}; re-read it and retry.`);
  }
}

/** 428: an update arrived without the revision it is based on. */
export class RevisionRequiredError extends PreconditionRequiredError {
  public constructor(how: string) {
    super('REVISION_REQUIRED', `Updates must name the revision they are based on (${how}).`);
  }
}
