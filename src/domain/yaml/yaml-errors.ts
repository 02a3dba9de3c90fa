/** Error codes of the shared YAML reading pipeline (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). */
import type { ErrorCodeRegistry } from '../errors/error-codes.js';

export const YAML_ERROR_CODES = {
  /** Not YAML text, a syntax error (the detail carries yaml's own code), or a document that cannot be read. */
  MALFORMED_YAML: 'INVALID_INPUT',
  /** Collections nested deeper than the reader's limit. */
  YAML_TOO_DEEP: 'INVALID_INPUT',
  /** More alias expansions than the limit (a "billion laughs" document). */
  YAML_ALIAS_LIMIT_EXCEEDED: 'INVALID_INPUT',
  /** More anchors, aliases or merge keys in one text than the reader accepts (counted before parsing). */
  YAML_ANCHOR_LIMIT_EXCEEDED: 'INVALID_INPUT',
  /** More YAML documents in one text than the reader accepts (counted before parsing). */
  YAML_TOO_MANY_DOCUMENTS: 'PAYLOAD_TOO_LARGE',
} as const satisfies ErrorCodeRegistry;

declare module '../errors/error-codes.js' {
  interface ErrorCodeRegistries {
    yaml: typeof YAML_ERROR_CODES;
  }
}
