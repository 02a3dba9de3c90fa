/** Error codes of the JSON guards (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). */
import type { ErrorCodeRegistry } from '../errors/error-codes.js';

export const JSON_ERROR_CODES = {
  /** A JSON body or file nests deeper than MAX_JSON_DEPTH. */
  BODY_TOO_DEEP: 'INVALID_INPUT',
} as const satisfies ErrorCodeRegistry;

declare module '../errors/error-codes.js' {
  interface ErrorCodeRegistries {
    json: typeof JSON_ERROR_CODES;
  }
}
