/** Error codes of what-if and the advisor (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). */
import type { ErrorCodeRegistry } from '../errors/error-codes.js';

export const ADVICE_ERROR_CODES = {
  /** The patch is not a list of RFC 6902 operations, or an operation cannot be applied (its index and path are named). */
  PATCH_INVALID: 'INVALID_INPUT',
  /** A `test` operation of the patch does not hold on the design. */
  PATCH_TEST_FAILED: 'INVALID_INPUT',
} as const satisfies ErrorCodeRegistry;

declare module '../errors/error-codes.js' {
  interface ErrorCodeRegistries {
    advice: typeof ADVICE_ERROR_CODES;
  }
}
