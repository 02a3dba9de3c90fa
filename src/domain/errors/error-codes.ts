/**
 * The error vocabulary of the service: every error code it can answer, each with the one kind that decides its HTTP
 * status and GraphQL mapping, so a code always answers the same status on both transports.
 *
 * Each domain keeps its codes next to its own code, in a registry `{ CODE: 'KIND' } as const satisfies ErrorCodeRegistry`,
 * and adds that registry to `ErrorCodeRegistries` below by declaration merging (this folder imports no engine, so it
 * cannot import them). Adding a code is one line in its domain's registry; adding a domain is one registry file with its
 * `declare module` block and one line in the list of the service's registries (src/app/error-codes.ts), which does not
 * compile until the registry is there.
 */

/** What went wrong, from the caller's point of view; the transports map each kind once (HTTP_STATUS_BY_KIND, …). */
export const ERROR_KINDS = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'CONFLICT',
  'REQUEST_TIMEOUT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'UNSUPPORTED_MEDIA_TYPE',
  'PRECONDITION_REQUIRED',
  'RATE_LIMITED',
  'HEADERS_TOO_LARGE',
  'INTERNAL',
  'UNAVAILABLE',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The HTTP status of each kind (REST, and GraphQL's `extensions.status`); the CLI reads it backwards. */
export const HTTP_STATUS_BY_KIND = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<ErrorKind, number>;

/** The kind a status stands for (each kind has its own status), or undefined for a status no kind answers. */
export function kindOfHttpStatus(status: number): ErrorKind | undefined {
  return KIND_BY_HTTP_STATUS.get(status);
}

const KIND_BY_HTTP_STATUS: ReadonlyMap<number, ErrorKind> = new Map(ERROR_KINDS.map((kind) => [HTTP_STATUS_BY_KIND[kind], kind]));

/** One domain's codes, each with its kind. */
export type ErrorCodeRegistry = Readonly<Record<string, ErrorKind>>;

/** The codes of the errors/ vocabulary itself, used by every domain. */
export const COMMON_ERROR_CODES = {
  /** Every problem found in an input, each with its path (ValidationFailedError). */
  VALIDATION_FAILED: 'INVALID_INPUT',
  /** A text, file or body over its size limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
} as const satisfies ErrorCodeRegistry;

/**
 * Every registry, by domain. A domain adds its own with
 * `declare module '…/domain/errors/error-codes.js' { interface ErrorCodeRegistries { capacity: typeof CAPACITY_ERROR_CODES } }`.
 */
export interface ErrorCodeRegistries {
  common: typeof COMMON_ERROR_CODES;
}

type Registries = ErrorCodeRegistries;
type Domain = keyof Registries;

/** The codes of one registry, e.g. `DomainErrorCode<'capacity'>`. */
export type DomainErrorCode<D extends Domain> = keyof Registries[D] & string;

/** Every error code the project knows, across all registries. */
export type ErrorCode = { [D in Domain]: DomainErrorCode<D> }[Domain];

/** The codes of one kind: what an error class of that kind accepts. */
export type CodeOfKind<K extends ErrorKind> = {
  [D in Domain]: { [C in keyof Registries[D]]: Registries[D][C] extends K ? C : never }[keyof Registries[D]];
}[Domain] &
  string;

/** The kind of a code. */
export type KindOf<C extends ErrorCode> = { [D in Domain]: C extends keyof Registries[D] ? Registries[D][C] : never }[Domain];

export type InvalidInputCode = CodeOfKind<'INVALID_INPUT'>;

/** Codes registered by two domains (never, checked by test/contracts/error-codes.e2e-spec.ts): a code has one owner and one kind. */
export type CodesInTwoRegistries = {
  [D in Domain]: { [E in Exclude<Domain, D>]: keyof Registries[D] & keyof Registries[E] }[Exclude<Domain, D>];
}[Domain];
