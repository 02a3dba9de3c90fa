/**
 * Bounds what makes the `yaml` library slow before it sees the text: every anchor (`&a`), alias (`*a`) and merge key
 * (`<<:`) costs the composer work that grows with the ones before it (20,000 unreferenced anchors took 27 s, 5,000
 * merge keys 2–6 s), and every document (`---`) is composed separately. One linear pass over the raw text counts them.
 * The count is conservative: an `&`, `*` or `<<:` after a space inside a quoted string counts too, which at these
 * limits never refuses a real manifest or eksctl config (they use a handful, if any).
 */
import { InvalidInputError, PayloadTooLargeError } from '../errors/planning-error.js';

export interface YamlReferenceLimits {
  /** Anchors and aliases, together, in one text. */
  maxAnchors: number;
  /** `<<` merge keys in one text. */
  maxMergeKeys: number;
  /** Documents (`---` markers at the start of a line; the first document needs none). */
  maxDocuments: number;
}

export const DEFAULT_YAML_REFERENCE_LIMITS: YamlReferenceLimits = { maxAnchors: 500, maxMergeKeys: 200, maxDocuments: 2000 };

/** An anchor or alias starts after the start of a line, a space or a flow indicator. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s[\]{},]/gm;
const MERGE_KEY = /(?:^|[\s[{,])<<[ \t]*:/gm;
const DOCUMENT_MARKER = /^---(?:[ \t]|$)/gm;

/** `tooManyDocuments` lets a caller keep its own code for too many documents (default 413 YAML_TOO_MANY_DOCUMENTS). */
export function guardYamlReferences(
  text: string,
  label: string,
  limits: YamlReferenceLimits = DEFAULT_YAML_REFERENCE_LIMITS,
  tooManyDocuments?: (limit: number) => Error,
): void {
  const anchors = countUpTo(text, ANCHOR_OR_ALIAS, limits.maxAnchors);
  if (anchors > limits.maxAnchors) {
    throw new InvalidInputError(
      'YAML_ANCHOR_LIMIT_EXCEEDED',
      `The ${label} has more than ${limits.maxAnchors} anchors and aliases (&name, *name); at most ${limits.maxAnchors} are accepted.`,
      [{ path: '', message: `more than ${limits.maxAnchors} anchors and aliases` }],
    );
  }
  const mergeKeys = countUpTo(text, MERGE_KEY, limits.maxMergeKeys);
  if (mergeKeys > limits.maxMergeKeys) {
    throw new InvalidInputError(
      'YAML_ANCHOR_LIMIT_EXCEEDED',
      `The ${label} has more than ${limits.maxMergeKeys} merge keys (<<:); at most ${limits.maxMergeKeys} are accepted.`,
      [{ path: '', message: `more than ${limits.maxMergeKeys} merge keys` }],
    );
  }
  // The first document needs no marker, so n markers can open n + 1 documents.
  const markers = countUpTo(text, DOCUMENT_MARKER, limits.maxDocuments);
  if (markers > limits.maxDocuments) {
    if (tooManyDocuments) throw tooManyDocuments(limits.maxDocuments);
    throw new PayloadTooLargeError(
      'YAML_TOO_MANY_DOCUMENTS',
      `The ${label} has more than ${limits.maxDocuments} YAML documents; at most ${limits.maxDocuments} are accepted.`,
      [{ path: '', message: `more than ${limits.maxDocuments} documents` }],
    );
  }
}

/** Matches of `pattern` in `text`, counting no further than `limit + 1`. */
function countUpTo(text: string, pattern: RegExp, limit: number): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) {
    count += 1;
    if (count > limit) break;
  }
  pattern.lastIndex = 0;
  return count;
}
