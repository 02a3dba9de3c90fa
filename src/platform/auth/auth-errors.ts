/** Error codes of authentication and authorization (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). */
import type { ErrorCodeRegistry } from '../../domain/errors/error-codes.js';

export const AUTH_ERROR_CODES = {
  /** No bearer token, or one that is not valid. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The token lacks the scope the operation needs (read or write). */
  INSUFFICIENT_SCOPE: 'FORBIDDEN',
  /** The JWKS (JWT_JWKS_URL) cannot be fetched, so no JWT can be verified now; answered with Retry-After. */
  AUTH_UNAVAILABLE: 'UNAVAILABLE',
} as const satisfies ErrorCodeRegistry;

declare module '../../domain/errors/error-codes.js' {
  interface ErrorCodeRegistries {
    auth: typeof AUTH_ERROR_CODES;
  }
}
