/** Error codes of instance-type catalogs (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). */
import type { ErrorCodeRegistry } from '../errors/error-codes.js';

export const CATALOG_ERROR_CODES = {
  CATALOG_NOT_FOUND: 'NOT_FOUND',
  INSTANCE_TYPE_NOT_FOUND: 'NOT_FOUND',
  CATALOG_EXISTS: 'CONFLICT',
  /** Saved designs still use the catalog. */
  CATALOG_IN_USE: 'CONFLICT',
  /** The shipped `aws` catalog cannot be changed. */
  CATALOG_READ_ONLY: 'FORBIDDEN',
} as const satisfies ErrorCodeRegistry;

declare module '../errors/error-codes.js' {
  interface ErrorCodeRegistries {
    catalog: typeof CATALOG_ERROR_CODES;
  }
}
