/**
 * Domain errors. Engines, services and repositories throw these; each transport maps them once
 * (src/platform/errors/error-classification.ts for REST and GraphQL). The `code` is the stable string callers switch
 * on; each class accepts only the codes registered with its kind (./error-codes.ts), so the kind, and with it the HTTP
 * status, follows from the code.
 */
import type { CodeOfKind, ErrorCode, ErrorKind } from './error-codes.js';

export interface ErrorDetail {
  /** Where in the input the problem is, e.g. `subnets[2].cidr`. Empty for the input as a whole. */
  path: string;
  message: string;
  /** A finer code for this one detail, when the detail has its own rule (e.g. a DesignSpec rule, design-spec.codes.ts). */
  code?: string;
}

export abstract class PlanningError extends Error {
  public readonly kind: ErrorKind;
  public readonly code: ErrorCode;
  public readonly details: readonly ErrorDetail[];

  /** Subclasses pass their own kind and a code of that kind (the class is abstract: only they construct it). */
  public constructor(kind: ErrorKind, code: ErrorCode, message: string, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
    this.details = details;
  }

  /** The same error (class, kind and code) told with other details and message, e.g. with the caller's path prefixed. */
  public withDetails(details: readonly ErrorDetail[], message: string = this.message): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.defineProperties(copy, Object.getOwnPropertyDescriptors(this));
    Object.defineProperty(copy, 'message', { value: message, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(copy, 'details', { value: details, writable: false, configurable: true, enumerable: true });
    return copy;
  }
}

/**
 * The error class of one kind: it takes only the codes registered with that kind, so `new NotFoundError('INVALID_LAUNCHER', …)`
 * does not compile. One class per kind below; a new kind is one more line.
 */
function errorOfKind<K extends ErrorKind>(kind: K) {
  return class extends PlanningError {
    declare public readonly kind: K;
    declare public readonly code: CodeOfKind<K>;

    public constructor(code: CodeOfKind<K>, message: string, details: readonly ErrorDetail[] = []) {
      super(kind, code, message, details);
    }
  };
}

/** 400: the caller sent something that cannot be planned (bad syntax, impossible option combination, …). */
export class InvalidInputError extends errorOfKind('INVALID_INPUT') {}
/** 401: no credentials, or credentials that are not valid. */
export class UnauthenticatedError extends errorOfKind('UNAUTHENTICATED') {}
/** 403: the caller may not do this (a missing scope, a read-only resource). */
export class ForbiddenError extends errorOfKind('FORBIDDEN') {}
export class NotFoundError extends errorOfKind('NOT_FOUND') {}
export class ConflictError extends errorOfKind('CONFLICT') {}
/** 412: the caller's precondition (an expected revision) does not hold. */
export class PreconditionFailedError extends errorOfKind('PRECONDITION_FAILED') {}
/** 413: an input over its size limit. */
export class PayloadTooLargeError extends errorOfKind('PAYLOAD_TOO_LARGE') {}
/** 415: a body in a media type the route does not read. */
export class UnsupportedMediaTypeError extends errorOfKind('UNSUPPORTED_MEDIA_TYPE') {}
/** 428: a change that must name what it is based on (a revision) did not. */
export class PreconditionRequiredError extends errorOfKind('PRECONDITION_REQUIRED') {}
/** 503: something the answer depends on (the design store, a server) cannot be reached; try again. */
export class UnavailableError extends errorOfKind('UNAVAILABLE') {}

/** 400 VALIDATION_FAILED with every problem found, each with its path. */
export class ValidationFailedError extends InvalidInputError {
  public constructor(details: readonly ErrorDetail[], message = summarize(details)) {
    super('VALIDATION_FAILED', message, details);
  }
}

function summarize(details: readonly ErrorDetail[]): string {
  if (details.length === 0) return 'The input is invalid.';
  const first = details[0];
  const where = first.path ? `${first.path}: ` : '';
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  return `${where}${first.message}${more}`;
}

/**
 * A PlanningError as data that crosses a thread boundary (structured clone keeps no prototype): the worker pool sends
 * this, and `planningErrorFromPayload` rebuilds the same class, kind, code, message and details on the other side.
 */
export interface PlanningErrorPayload {
  /** The class's name, e.g. `ValidationFailedError`; a class not known here is rebuilt as the class of its kind. */
  name: string;
  kind: ErrorKind;
  code: ErrorCode;
  message: string;
  details: ErrorDetail[];
  stack?: string;
}

export function planningErrorPayload(error: PlanningError): PlanningErrorPayload {
  return {
    name: error.name,
    kind: error.kind,
    code: error.code,
    message: error.message,
    details: error.details.map((detail) => ({ ...detail })),
    stack: error.stack,
  };
}

/** The class of each kind that has one (the kinds the platform alone answers, like RATE_LIMITED, have none). */
const ERROR_CLASS_BY_KIND: Partial<
  Record<ErrorKind, new (code: never, message: string, details?: readonly ErrorDetail[]) => PlanningError>
> = {
  INVALID_INPUT: InvalidInputError,
  UNAUTHENTICATED: UnauthenticatedError,
  FORBIDDEN: ForbiddenError,
  NOT_FOUND: NotFoundError,
  CONFLICT: ConflictError,
  PRECONDITION_FAILED: PreconditionFailedError,
  PAYLOAD_TOO_LARGE: PayloadTooLargeError,
  UNSUPPORTED_MEDIA_TYPE: UnsupportedMediaTypeError,
  PRECONDITION_REQUIRED: PreconditionRequiredError,
  UNAVAILABLE: UnavailableError,
};

/**
 * The error a payload describes, as its own class (ValidationFailedError, else the class of its kind), or undefined
 * when the payload names a kind no domain class has (then it was not a domain error, and the caller answers 500).
 */
export function planningErrorFromPayload(payload: PlanningErrorPayload): PlanningError | undefined {
  const details = payload.details.map((detail) => ({ ...detail }));
  let error: PlanningError | undefined;
  if (payload.name === ValidationFailedError.name && payload.code === 'VALIDATION_FAILED') {
    error = new ValidationFailedError(details, payload.message);
  } else {
    const ErrorClass = ERROR_CLASS_BY_KIND[payload.kind];
    error = ErrorClass ? new ErrorClass(payload.code as never, payload.message, details) : undefined;
  }
  if (error && payload.stack !== undefined) error.stack = payload.stack;
  return error;
}
