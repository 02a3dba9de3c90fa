/**
 * The YAML reading pipeline shared by the eksctl import (one document) and the manifest lint (a stream of documents):
 * size check → nesting guard on the raw text → `parseAllDocuments` with a `LineCounter` → per document: first syntax
 * error, depth guard on the composed tree, `toJS` with `maxAliasCount` (the "billion laughs" guard) — and the line
 * lookup that points at the key of a map entry. The callers keep their own error codes and wording: every refusal is
 * built by a factory they pass in.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { guardYamlText, guardYamlTreeDepth, type YamlNestingLimits } from './yaml-nesting.guard.js';
import { guardYamlReferences, type YamlReferenceLimits } from './yaml-references.guard.js';

export type YamlPathSegment = string | number;

export interface YamlStreamLimits extends YamlNestingLimits, YamlReferenceLimits {
  /** Characters accepted; checked before anything else reads the text. */
  maxChars: number;
  /** Aliases expanded per document by `toJS`. */
  maxAliasCount: number;
}

export interface YamlStreamOptions {
  /** Names the input in the nesting guard's messages. */
  label: string;
  limits: YamlStreamLimits;
  /** Shifts every reported line, when the text is embedded in another document. */
  lineOffset?: number;
  /** Extra `yaml` options (e.g. the `yaml-1.1` schema with merge keys, as go-yaml reads eksctl configs). */
  yaml?: Pick<DocumentOptions & SchemaOptions & ParseOptions, 'schema' | 'merge' | 'logLevel'>;
  /** The refusal for text longer than `limits.maxChars`. */
  tooLarge(length: number): Error;
  /** The refusal for more than `limits.maxDocuments` documents (default 413 YAML_TOO_MANY_DOCUMENTS). */
  tooManyDocuments?: (limit: number) => Error;
}

export interface YamlDocumentErrors {
  /** Stands in for `line L, column C` when the parser gave no position. */
  unknownPosition: string;
  /** The first syntax error: `where` is `line L, column C`, `reason` the first line of yaml's message. */
  malformed(where: string, reason: string, code: string): Error;
  /** `toJS` hit the alias limit; `message` is yaml's. */
  aliasLimit(message: string): Error;
  /** Any other `toJS` failure. */
  unreadable(message: string): Error;
}

export interface YamlStream {
  readonly documents: readonly Document.Parsed[];
  /** 1-based line (shifted by `lineOffset`) of a character offset in the text. */
  lineAt(offset: number): number;
  /** First syntax error → depth guard → plain data (aliases and merge keys resolved). */
  toData(document: Document.Parsed, errors: YamlDocumentErrors): unknown;
}

export function parseYamlStream(text: string, options: YamlStreamOptions): YamlStream {
  const { label, limits } = options;
  const lineOffset = options.lineOffset ?? 0;
  if (text.length > limits.maxChars) throw options.tooLarge(text.length);
  guardYamlText(text, label, limits, lineOffset);
  guardYamlReferences(text, label, limits, options.tooManyDocuments);

  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { ...options.yaml, lineCounter, prettyErrors: true, uniqueKeys: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  return {
    documents,
    lineAt: (offset) => lineCounter.linePos(offset).line + lineOffset,
    toData: (document, errors) => {
      const error = document.errors[0];
      if (error) {
        const [start] = error.linePos ?? [];
        const where = start ? `line ${start.line + lineOffset}, column ${start.col}` : errors.unknownPosition;
        const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw errors.malformed(where, reason, error.code);
      }
      guardYamlTreeDepth(document, label, limits.maxDepth);
      try {
        return document.toJS({ maxAliasCount: limits.maxAliasCount }) as unknown;
      } catch (failure) {
        const message = failure instanceof Error ? failure.message : String(failure);
        // Only yaml's ReferenceErrors are about aliases (its excessive-count guard among them); under merge keys a
        // bad merge source ("Merge sources must be maps or map aliases") also mentions aliases but is plain bad input.
        throw failure instanceof ReferenceError && /alias/i.test(message) ? errors.aliasLimit(message) : errors.unreadable(message);
      }
    },
  };
}

/**
 * Where a reader looks for `path`: the key of a map entry, the item of a sequence, the document's root for `[]`.
 * `parent` is the collection holding it (the root for `[]` and one-segment paths). Map keys are compared `strict`ly
 * (`===`) or `as-text` (`String(key) === String(segment)`, so the segment `80` finds the key `"80"` and vice versa).
 */
export function locateYamlPath(
  document: Document.Parsed,
  path: readonly YamlPathSegment[],
  keys: 'strict' | 'as-text',
): { node: Node | undefined; parent: unknown } {
  const parent = path.length <= 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  if (path.length === 0) return { node: (document.contents as Node | null) ?? undefined, parent };
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find(
      (item) => isScalar(item.key) && (keys === 'strict' ? item.key.value === last : String(item.key.value) === String(last)),
    );
    return { node: (pair?.key as Node | undefined) ?? undefined, parent };
  }
  if (isSeq(parent) && typeof last === 'number') return { node: (parent.items[last] as Node | undefined) ?? undefined, parent };
  return { node: undefined, parent };
}
