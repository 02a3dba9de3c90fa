/** Error codes of the exposure engine and the manifest lint (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). */
import type { ErrorCodeRegistry } from '../errors/error-codes.js';

export const EXPOSURE_ERROR_CODES = {
  INVALID_LBC_VERSION: 'INVALID_INPUT',
  /** Manifests over the characters or documents the lint reads. */
  MANIFESTS_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
} as const satisfies ErrorCodeRegistry;

declare module '../errors/error-codes.js' {
  interface ErrorCodeRegistries {
    exposure: typeof EXPOSURE_ERROR_CODES;
  }
}
