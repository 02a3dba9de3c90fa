/**
 * Domain errors. Engines, services and repositories throw these; each transport maps them once
 * (src/platform/errors/http-exception.filter.ts, src/platform/errors/graphql-error.formatter.ts).
 * The `kind` decides the HTTP status / GraphQL category, the `code` is the stable string callers switch on.
 */
export type ErrorKind =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'PRECONDITION_REQUIRED'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

/** The HTTP status of each kind; the CLI reads it backwards to turn a server's answer into the same kind. */
export const HTTP_STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export interface ErrorDetail {
  /** Where in the input the problem is, e.g. `subnets[2].cidr`. Empty for the input as a whole. */
  path: string;
  message: string;
  /** A finer code for this one detail, when the detail has its own rule. */
  code?: string;
}

export class PlanningError extends Error {
  public constructor(
    public readonly kind: ErrorKind,
    public readonly code: string,
    message: string,
    public readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 400: the caller sent something that cannot be planned (bad syntax, impossible option combination, …). */
export class InvalidInputError extends PlanningError {
  public constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('INVALID_INPUT', code, message, details);
  }
}

/** 400 VALIDATION_FAILED with every problem found, each with its path. */
export class ValidationFailedError extends InvalidInputError {
  public constructor(details: ErrorDetail[], message = summarize(details)) {
    super('VALIDATION_FAILED', message, details);
  }
}

export class NotFoundError extends PlanningError {
  public constructor(code: string, message: string) {
    super('NOT_FOUND', code, message);
  }
}

export class ConflictError extends PlanningError {
  public constructor(code: string, message: string) {
    super('CONFLICT', code, message);
  }
}

export class ForbiddenError extends PlanningError {
  public constructor(code: string, message: string) {
    super('FORBIDDEN', code, message);
  }
}

export class UnauthenticatedError extends PlanningError {
  public constructor(message = 'A valid bearer token is required.') {
    super('UNAUTHENTICATED', 'UNAUTHENTICATED', message);
  }
}

/** 412: the caller's expected revision is not the current one. */
export class RevisionConflictError extends PlanningError {
  public constructor(expected: number, current: number) {
    super(
      'PRECONDITION_FAILED',
      'REVISION_CONFLICT',
      `Expected revision ${expected} but the design is at revision ${current}; re-read it and retry.`,
    );
  }
}

/** 428: an update arrived without the revision it is based on. */
export class RevisionRequiredError extends PlanningError {
  public constructor(how: string) {
    super('PRECONDITION_REQUIRED', 'REVISION_REQUIRED', `Updates must name the revision they are based on (${how}).`);
  }
}

export class StorageUnavailableError extends PlanningError {
  public constructor(message = 'The design store (Postgres) is unreachable; try again shortly.') {
    super('UNAVAILABLE', 'STORAGE_UNAVAILABLE', message);
  }
}

function summarize(details: ErrorDetail[]): string {
  if (details.length === 0) return 'The input is invalid.';
  const first = details[0];
  const where = first.path ? `${first.path}: ` : '';
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  return `${where}${first.message}${more}`;
}
