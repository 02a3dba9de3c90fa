/**
 * Reads a multi-document YAML stream (e.g. `helm template` output) into Kubernetes objects, keeping enough of the
 * YAML tree to point findings at a line. Hostile input is refused before it can hurt the process: the size, the number
 * of documents, nesting (src/common/yaml/yaml-nesting.guard.ts) and alias expansion (`maxAliasCount`, the "billion laughs" guard) are all bounded.
 */
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { InvalidInputError, PlanningError } from '../../common/errors/planning-error.js';
import { guardYamlText, guardYamlTreeDepth } from '../../common/yaml/yaml-nesting.guard.js';

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
} as const;

export type PathSegment = string | number;

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
    throw new InvalidInputError('MALFORMED_YAML', `${options.label} must be a YAML string`, [{ path: options.label, message: 'must be a string' }]);
  }
  if (text.length > MANIFEST_LIMITS.maxChars) {
    throw new PlanningError('PAYLOAD_TOO_LARGE', 'MANIFESTS_TOO_LARGE', `${options.label} has ${text.length} characters; at most ${MANIFEST_LIMITS.maxChars} are accepted.`);
  }
  guardYamlText(text, options.label, MANIFEST_LIMITS);
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length > MANIFEST_LIMITS.maxDocuments) {
    throw new PlanningError('PAYLOAD_TOO_LARGE', 'MANIFESTS_TOO_LARGE', `${options.label} has ${list.length} YAML documents; at most ${MANIFEST_LIMITS.maxDocuments} are accepted.`);
  }
  const resources: K8sResource[] = [];
  list.forEach((document, documentIndex) => {
    const error = document.errors[0];
    if (error) {
      const [start] = error.linePos ?? [];
      const where = start ? `line ${start.line}, column ${start.col}` : `document ${documentIndex + 1}`;
      const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new InvalidInputError('MALFORMED_YAML', `${options.label} is not valid YAML at ${where}: ${reason}`, [
        { path: `${options.label}[${documentIndex}]`, message: `${where}: ${reason}`, code: error.code },
      ]);
    }
    guardYamlTreeDepth(document, options.label, MANIFEST_LIMITS.maxDepth);
    const value = toPlain(document, options.label, documentIndex);
    collectResources(value, [], document, lineCounter, documentIndex, options, resources);
  });
  return resources;
}

function toPlain(document: Document.Parsed, label: string, documentIndex: number): unknown {
  try {
    return document.toJS({ maxAliasCount: MANIFEST_LIMITS.maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new InvalidInputError('YAML_ALIAS_LIMIT_EXCEEDED', `${label} document ${documentIndex + 1} expands too many aliases (more than ${MANIFEST_LIMITS.maxAliasCount}); this looks like a YAML bomb.`, [
        { path: `${label}[${documentIndex}]`, message: error.message },
      ]);
    }
    throw new InvalidInputError('MALFORMED_YAML', `${label} document ${documentIndex + 1} cannot be read: ${(error as Error).message}`, [
      { path: `${label}[${documentIndex}]`, message: (error as Error).message },
    ]);
  }
}

/** Expands `kind: List` (kubectl output) and keeps objects that look like Kubernetes resources. */
function collectResources(
  value: unknown,
  prefix: PathSegment[],
  document: Document.Parsed,
  lineCounter: LineCounter,
  documentIndex: number,
  options: ParseOptions,
  into: K8sResource[],
): void {
  if (!isRecord(value)) return;
  if (value.kind === 'List' && Array.isArray(value.items)) {
    value.items.forEach((item, index) => collectResources(item, [...prefix, 'items', index], document, lineCounter, documentIndex, options, into));
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
    lineOf: (path) => lineOfPath(document, lineCounter, [...prefix, ...path]),
  });
}

function lineOfPath(document: Document.Parsed, lineCounter: LineCounter, path: readonly PathSegment[]): number | undefined {
  // Point at the key of a map entry (that is where a reader looks), else at the value.
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
  let node: Node | null | undefined;
  if (isMap(parent) && last !== undefined) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    node = (pair?.key as Node | undefined) ?? undefined;
  } else if (isSeq(parent) && typeof last === 'number') {
    node = parent.items[last] as Node | undefined;
  }
  const range = node?.range ?? (parent as Node | null | undefined)?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}

/**
 * Counts `[` / `{` nesting per document. Quotes and comments are deliberately not interpreted: a scanner that guessed
 * where a quoted scalar starts could be led to skip brackets the YAML lexer does read, so this only over-counts.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
