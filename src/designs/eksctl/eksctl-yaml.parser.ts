/**
 * Reads one YAML document (an eksctl ClusterConfig, or the vpc-cni add-on's `configurationValues`) into plain data,
 * keeping the YAML tree so callers can point at a line. eksctl decodes its config with go-yaml (YAML 1.1), so the
 * `yaml-1.1` schema is used: `yes`/`no` are booleans and `<<` merge keys work as they do for eksctl.
 *
 * Hostile input is refused with an InvalidInputError before it can hurt the process: the size, the number of
 * documents, nesting (flow brackets and block indentation are bounded before the lexer sees them, the composed
 * tree after) and alias expansion (`maxAliasCount`, the "billion laughs" guard).
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { InvalidInputError } from '../../common/errors/planning-error.js';
import { guardYamlText, guardYamlTreeDepth } from '../../common/yaml/yaml-nesting.guard.js';

export const EKSCTL_YAML_LIMITS = {
  /** Characters accepted; a large real ClusterConfig (100 node groups) is about 100 KiB. */
  maxChars: 1024 * 1024,
  /** Nested `[` / `{` (real configs use a handful). */
  maxFlowDepth: 64,
  /** Leading spaces on one line; bounds block nesting, which the parser composes recursively. */
  maxIndent: 200,
  /** `- - - x`: block collections opened on one line. */
  maxIndicatorsPerLine: 20,
  /** Depth of the composed tree (maps and sequences). */
  maxDepth: 64,
  /** Aliases expanded in one document (the `yaml` default is 100). */
  maxAliasCount: 100,
} as const;

export type PathSegment = string | number;

export interface ParsedYaml {
  /** The document as plain data (aliases and merge keys resolved). */
  readonly value: unknown;
  /** 1-based line of the node at `path` (the key of a map entry, the item of a sequence), when it exists. */
  lineOf(path: readonly PathSegment[]): number | undefined;
  /** The scalar at `path` as written (`1.30` stays `1.30`, where the plain value would be the number 1.3). */
  sourceOf(path: readonly PathSegment[]): string | undefined;
}

/**
 * Parses a single YAML document. `label` names the input in messages (`eksctl config`, `addons[0].configurationValues`);
 * `lineOffset` shifts reported lines when the text is embedded in another document.
 */
export function parseYamlDocument(text: unknown, label: string, lineOffset = 0): ParsedYaml {
  if (typeof text !== 'string') {
    throw new InvalidInputError('MALFORMED_YAML', `The ${label} must be YAML text, got ${text === null ? 'null' : typeof text}.`, [
      { path: '', message: 'must be a string' },
    ]);
  }
  if (text.length > EKSCTL_YAML_LIMITS.maxChars) {
    throw new InvalidInputError('YAML_TOO_LARGE', `The ${label} has ${text.length} characters; at most ${EKSCTL_YAML_LIMITS.maxChars} are accepted.`, [
      { path: '', message: `${text.length} characters` },
    ]);
  }
  guardYamlText(text, label, EKSCTL_YAML_LIMITS, lineOffset);

  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: true,
    uniqueKeys: true,
    schema: 'yaml-1.1',
    merge: true,
    logLevel: 'error',
  });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length > 1) {
    const second = list[1].range[0];
    throw new InvalidInputError('MULTIPLE_YAML_DOCUMENTS', `The ${label} holds ${list.length} YAML documents; an eksctl config is one document.`, [
      { path: '', message: `a second document starts at line ${lineCounter.linePos(second).line + lineOffset}` },
    ]);
  }
  const document = list[0];
  if (document === undefined) return { value: null, lineOf: () => undefined, sourceOf: () => undefined };

  const error = document.errors[0];
  if (error) {
    const [start] = error.linePos ?? [];
    const where = start ? `line ${start.line + lineOffset}, column ${start.col}` : 'an unknown position';
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InvalidInputError('MALFORMED_YAML', `The ${label} is not valid YAML at ${where}: ${reason}`, [
      { path: '', message: `${where}: ${reason}`, code: error.code },
    ]);
  }
  guardYamlTreeDepth(document, label, EKSCTL_YAML_LIMITS.maxDepth);
  const value = toPlainData(document, label);
  const nodeAt = (path: readonly PathSegment[]): Node | undefined => findNode(document, path);
  return {
    value,
    lineOf: (path) => {
      const node = nodeAt(path);
      return node?.range ? lineCounter.linePos(node.range[0]).line + lineOffset : undefined;
    },
    sourceOf: (path) => {
      const node = document.getIn(path, true);
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
  };
}

function toPlainData(document: Document.Parsed, label: string): unknown {
  try {
    return document.toJS({ maxAliasCount: EKSCTL_YAML_LIMITS.maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      throw new InvalidInputError('YAML_ALIAS_LIMIT_EXCEEDED',
        `The ${label} expands too many aliases (more than ${EKSCTL_YAML_LIMITS.maxAliasCount}); this looks like a YAML bomb.`, [
          { path: '', message },
        ]);
    }
    throw new InvalidInputError('MALFORMED_YAML', `The ${label} cannot be read: ${message}`, [{ path: '', message }]);
  }
}

/** The key of a map entry (where a reader looks) or the item of a sequence. */
function findNode(document: Document.Parsed, path: readonly PathSegment[]): Node | undefined {
  if (path.length === 0) return (document.contents as Node | null) ?? undefined;
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    return (pair?.key as Node | undefined) ?? undefined;
  }
  if (isSeq(parent) && typeof last === 'number') return (parent.items[last] as Node | undefined) ?? undefined;
  return undefined;
}

/**
 * Bounds nesting before the lexer and composer (both recursive) see the text. Quotes and comments are deliberately not
 * interpreted: a scanner that guessed where a quoted scalar starts could be led to skip brackets the lexer does read,
 * so this only over-counts.
 */
