/**
 * Reads one YAML document (an eksctl ClusterConfig, or the vpc-cni add-on's `configurationValues`) into plain data,
 * keeping the YAML tree so callers can point at a line. eksctl decodes its config with go-yaml (YAML 1.1), so the
 * `yaml-1.1` schema is used: `yes`/`no` are booleans and `<<` merge keys work as they do for eksctl.
 *
 * Hostile input is refused with an InvalidInputError before it can hurt the process: the size, the number of
 * documents, nesting (flow brackets and block indentation are bounded before the lexer sees them, the composed
 * tree after) and alias expansion (`maxAliasCount`, the "billion laughs" guard).
 */
import { isScalar } from 'yaml';
import { InvalidInputError } from '../errors/planning-error.js';
import { locateYamlPath, parseYamlStream, type YamlDocumentErrors, type YamlPathSegment } from '../yaml/yaml-documents.parser.js';

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
  /** Anchors and aliases, merge keys and documents per text, counted before parsing (a config uses a handful). */
  maxAnchors: 500,
  maxMergeKeys: 200,
  maxDocuments: 10,
} as const;

export type PathSegment = YamlPathSegment;

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
  const stream = parseYamlStream(text, {
    label,
    limits: EKSCTL_YAML_LIMITS,
    lineOffset,
    yaml: { schema: 'yaml-1.1', merge: true, logLevel: 'error' },
    tooLarge: (length) =>
      new InvalidInputError(
        'YAML_TOO_LARGE',
        `The ${label} has ${length} characters; at most ${EKSCTL_YAML_LIMITS.maxChars} are accepted.`,
        [{ path: '', message: `${length} characters` }],
      ),
  });
  const list = stream.documents;
  if (list.length > 1) {
    throw new InvalidInputError(
      'MULTIPLE_YAML_DOCUMENTS',
      `The ${label} holds ${list.length} YAML documents; an eksctl config is one document.`,
      [{ path: '', message: `a second document starts at line ${stream.lineAt(list[1].range[0])}` }],
    );
  }
  const document = list[0];
  if (document === undefined) return { value: null, lineOf: () => undefined, sourceOf: () => undefined };

  const value = stream.toData(document, documentErrors(label));
  return {
    value,
    lineOf: (path) => {
      const { node } = locateYamlPath(document, path, 'as-text');
      return node?.range ? stream.lineAt(node.range[0]) : undefined;
    },
    sourceOf: (path) => {
      const node = document.getIn(path, true);
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
  };
}

function documentErrors(label: string): YamlDocumentErrors {
  return {
    unknownPosition: 'an unknown position',
    malformed: (where, reason, code) =>
      new InvalidInputError('MALFORMED_YAML', `The ${label} is not valid YAML at ${where}: ${reason}`, [
        { path: '', message: `${where}: ${reason}`, code },
      ]),
    aliasLimit: (message) =>
      new InvalidInputError(
        'YAML_ALIAS_LIMIT_EXCEEDED',
        `The ${label} expands too many aliases (more than ${EKSCTL_YAML_LIMITS.maxAliasCount}); this looks like a YAML bomb.`,
        [{ path: '', message }],
      ),
    unreadable: (message) => new InvalidInputError('MALFORMED_YAML', `The ${label} cannot be read: ${message}`, [{ path: '', message }]),
  };
}
