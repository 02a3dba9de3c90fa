/** Error codes of the shared YAML reading pipeline (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). */
import type { ErrorCodeRegistry } from '../errors/error-codes.js';

export const YAML_ERROR_CODES = {
  /** Not YAML text, a syntax error (the detail carries yaml's own code), or a document that cannot be read. */
  MALFORMED_YAML: 'INVALID_INPUT',
  /** Collections nested deeper than the reader's limit. */
  YAML_TOO_DEEP: 'INVALID_INPUT',
  /** More alias expansions than the limit (a "billion laughs" document). */
  YAML_ALIAS_LIMIT_EXCEEDED: 'INVALID_INPUT',
} as const satisfies ErrorCodeRegistry;

declare module '../errors/error-codes.js' {
  interface ErrorCodeRegistries {
    yaml: typeof YAML_ERROR_CODES;
  }
}
