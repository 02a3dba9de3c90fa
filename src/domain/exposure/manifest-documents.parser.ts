/**
 * Reads a multi-document YAML stream (e.g. `helm template` output) into Kubernetes objects, keeping enough of the
 * YAML tree to point findings at a line. Hostile input is refused before it can hurt the process: the size, the number
 * of documents, nesting and alias expansion (`maxAliasCount`, the "billion laughs" guard) are all bounded, by the
 * pipeline shared with the eksctl import (src/domain/yaml/yaml-documents.parser.ts).
 */
import type { Document, Node } from 'yaml';
import { InvalidInputError, PayloadTooLargeError } from '../errors/planning-error.js';
import { isRecord } from '../json/is-record.js';
import {
  locateYamlPath,
  parseYamlStream,
  type YamlDocumentErrors,
  type YamlPathSegment,
  type YamlStream,
} from '../yaml/yaml-documents.parser.js';

export { isRecord };

export const MANIFEST_LIMITS = {
  /** Characters of YAML accepted in one call (a large `helm template` output is a few hundred KiB). */
  maxChars: 4 * 1024 * 1024,
  maxDocuments: 2000,
  /** Nested `[` / `{` accepted; real manifests rarely exceed 10. */
  maxFlowDepth: 128,
  /** Leading spaces on one line and block collections opened on one line (bound block nesting). */
  maxIndent: 400,
  maxIndicatorsPerLine: 20,
  /** Depth of a composed document (a Helm-rendered object nests about 10 levels). */
  maxDepth: 128,
  /** Aliases expanded per document (yaml's default is 100). */
  maxAliasCount: 100,
  /** Anchors and aliases, and merge keys, per text: counted before parsing (rendered manifests use none). */
  maxAnchors: 500,
  maxMergeKeys: 200,
} as const;

export type PathSegment = YamlPathSegment;

export interface K8sResource {
  kind: string;
  apiVersion: string;
  name: string;
  namespace: string;
  /** `Service/<namespace>/<name>`. */
  id: string;
  object: Record<string, unknown>;
  /** Index of the YAML document (0-based) it came from. */
  documentIndex: number;
  /** 1-based line of the node at `path` inside this object, when the node exists. */
  lineOf(path: readonly PathSegment[]): number | undefined;
}

export interface ParseOptions {
  defaultNamespace: string;
  /** Names the input in error messages (`manifests`, `previousManifests`). */
  label: string;
}

export function parseManifestDocuments(text: string, options: ParseOptions): K8sResource[] {
  if (typeof text !== 'string') {
    throw new InvalidInputError('MALFORMED_YAML', `${options.label} must be a YAML string`, [
      { path: options.label, message: 'must be a string' },
    ]);
  }
  const stream = parseYamlStream(text, {
    label: options.label,
    limits: MANIFEST_LIMITS,
    tooLarge: (length) =>
      new PayloadTooLargeError(
        'MANIFESTS_TOO_LARGE',
        `${options.label} has ${length} characters; at most ${MANIFEST_LIMITS.maxChars} are accepted.`,
      ),
    tooManyDocuments: (limit) =>
      new PayloadTooLargeError(
        'MANIFESTS_TOO_LARGE',
        `${options.label} has more than ${limit} YAML documents; at most ${limit} are accepted.`,
      ),
  });
  const list = stream.documents;
  if (list.length > MANIFEST_LIMITS.maxDocuments) {
    throw new PayloadTooLargeError(
      'MANIFESTS_TOO_LARGE',
      `${options.label} has ${list.length} YAML documents; at most ${MANIFEST_LIMITS.maxDocuments} are accepted.`,
    );
  }
  const resources: K8sResource[] = [];
  list.forEach((document, documentIndex) => {
    const value = stream.toData(document, documentErrors(options.label, documentIndex));
    collectResources(value, [], document, stream, documentIndex, options, resources);
  });
  return resources;
}

function documentErrors(label: string, documentIndex: number): YamlDocumentErrors {
  const path = `${label}[${documentIndex}]`;
  return {
    unknownPosition: `document ${documentIndex + 1}`,
    malformed: (where, reason, code) =>
      new InvalidInputError('MALFORMED_YAML', `${label} is not valid YAML at ${where}: ${reason}`, [
        { path, message: `${where}: ${reason}`, code },
      ]),
    aliasLimit: (message) =>
      new InvalidInputError(
        'YAML_ALIAS_LIMIT_EXCEEDED',
        `${label} document ${documentIndex + 1} expands too many aliases (more than ${MANIFEST_LIMITS.maxAliasCount}); this looks like a YAML bomb.`,
        [{ path, message }],
      ),
    unreadable: (message) =>
      new InvalidInputError('MALFORMED_YAML', `${label} document ${documentIndex + 1} cannot be read: ${message}`, [{ path, message }]),
  };
}

/** Expands `kind: List` (kubectl output) and keeps objects that look like Kubernetes resources. */
function collectResources(
  value: unknown,
  prefix: PathSegment[],
  document: Document.Parsed,
  stream: YamlStream,
  documentIndex: number,
  options: ParseOptions,
  into: K8sResource[],
): void {
  if (!isRecord(value)) return;
  if (value.kind === 'List' && Array.isArray(value.items)) {
    value.items.forEach((item, index) =>
      collectResources(item, [...prefix, 'items', index], document, stream, documentIndex, options, into),
    );
    return;
  }
  if (typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') return;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : options.defaultNamespace;
  into.push({
    kind: value.kind,
    apiVersion: value.apiVersion,
    name,
    namespace,
    id: `${value.kind}/${namespace}/${name}`,
    object: value,
    documentIndex,
    lineOf: (path) => lineOfPath(document, stream, [...prefix, ...path]),
  });
}

function lineOfPath(document: Document.Parsed, stream: YamlStream, path: readonly PathSegment[]): number | undefined {
  // Point at the key of a map entry (that is where a reader looks) or the item of a sequence, else at the collection.
  const { node, parent } = locateYamlPath(document, path, 'strict');
  const range = node?.range ?? (parent as Node | null | undefined)?.range;
  return range ? stream.lineAt(range[0]) : undefined;
}
