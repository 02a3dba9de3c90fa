/**
 * Typed, tracked reading of a parsed ClusterConfig. Every field a mapper reads is marked consumed; at the end every
 * field that was not is reported as unsupported with its YAML path, so nothing is dropped silently. A mapped field with
 * the wrong YAML type is a problem (the import then fails with every problem and its line), as eksctl would refuse it.
 */
import type { ErrorDetail } from '../errors/planning-error.js';
import type { ParsedYaml, PathSegment } from './eksctl-yaml.parser.js';
import { EKSCTL_IMPORT_WARNING_CODES, type EksctlImportWarningCode, type ImportWarning, type UnsupportedField } from './eksctl.types.js';

/** `managedNodeGroups[0].labels`, `metadata.tags["kubernetes.io/team"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z0-9_-]+$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Collects what an import learns besides the spec: consumed paths, unsupported fields, warnings, problems. */
export class ImportContext {
  public readonly warnings: ImportWarning[] = [];
  public readonly problems: ErrorDetail[] = [];
  private readonly explained: UnsupportedField[] = [];
  private readonly consumed = new Set<string>();
  /** Every ancestor of a consumed path: its subtree was looked at, so only unconsumed children are reported. */
  private readonly touched = new Set<string>();

  public constructor(private readonly yaml: ParsedYaml) {}

  public consume(path: readonly PathSegment[]): void {
    this.consumed.add(formatPath(path));
    for (let length = 0; length < path.length; length += 1) this.touched.add(formatPath(path.slice(0, length)));
  }

  /** The line of `path`, or of its nearest ancestor in the YAML tree (fields inside an embedded string). */
  public lineOf(path: readonly PathSegment[]): number | undefined {
    for (let length = path.length; length > 0; length -= 1) {
      const line = this.yaml.lineOf(path.slice(0, length));
      if (line !== undefined) return line;
    }
    return undefined;
  }

  public sourceOf(path: readonly PathSegment[]): string | undefined {
    return this.yaml.sourceOf(path);
  }

  /** Reports a field the spec cannot carry, with the reason; the field counts as handled. */
  public unsupported(path: readonly PathSegment[], message: string): void {
    this.consume(path);
    const line = this.lineOf(path);
    this.explained.push({ path: formatPath(path), message, ...(line === undefined ? {} : { line }) });
  }

  public warn(code: EksctlImportWarningCode, detail: string, path?: readonly PathSegment[]): void {
    const message = detail === '' ? EKSCTL_IMPORT_WARNING_CODES[code] : detail;
    this.warnings.push({ code, message, ...(path === undefined ? {} : { path: formatPath(path) }) });
  }

  public problem(path: readonly PathSegment[], message: string): void {
    const line = this.lineOf(path);
    const where = formatPath(path);
    this.problems.push({ path: where, message: line === undefined ? message : `line ${line}: ${message}` });
  }

  /**
   * Every field that no mapper consumed, in document order, reported at the highest unconsumed path; `explain` gives
   * the reason for a path.
   */
  public unsupportedFields(root: unknown, explain: (path: readonly PathSegment[]) => string): UnsupportedField[] {
    const found = [...this.explained, ...this.unconsumed(root, [], explain)];
    return found.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  }

  /**
   * For data that is not part of the YAML tree (an add-on's configurationValues string): reports what is unconsumed
   * under `base` now, then marks `base` handled.
   */
  public sweep(value: unknown, base: readonly PathSegment[], explain: (path: readonly PathSegment[]) => string): void {
    this.explained.push(...this.unconsumed(value, base, explain));
    this.consume(base);
  }

  private unconsumed(value: unknown, base: readonly PathSegment[], explain: (path: readonly PathSegment[]) => string): UnsupportedField[] {
    const found: UnsupportedField[] = [];
    const visit = (node: unknown, path: readonly PathSegment[]): void => {
      const entries: [PathSegment, unknown][] = Array.isArray(node)
        ? node.map((item, index) => [index, item])
        : isRecord(node)
          ? Object.entries(node)
          : [];
      for (const [key, child] of entries) {
        const childPath = [...path, key];
        const text = formatPath(childPath);
        if (this.consumed.has(text)) continue;
        if (this.touched.has(text)) {
          visit(child, childPath);
          continue;
        }
        const line = this.lineOf(childPath);
        found.push({ path: text, message: explain(childPath), ...(line === undefined ? {} : { line }) });
      }
    };
    visit(value, base);
    return found;
  }
}

/** A mapping in the config, read field by field; each read marks the field consumed. */
export class ConfigObject {
  public constructor(
    public readonly ctx: ImportContext,
    public readonly path: readonly PathSegment[],
    public readonly value: Record<string, unknown>,
  ) {}

  /** The mapping at `value`, or undefined (absent or null); anything else is a problem. */
  public static of(ctx: ImportContext, path: readonly PathSegment[], value: unknown): ConfigObject | undefined {
    if (value === undefined || value === null) {
      if (value === null) ctx.consume(path);
      return undefined;
    }
    if (!isRecord(value)) {
      ctx.problem(path, `Expected a mapping, got ${describeType(value)}.`);
      ctx.consume(path);
      return undefined;
    }
    return new ConfigObject(ctx, path, value);
  }

  public at(key: string): PathSegment[] {
    return [...this.path, key];
  }

  public has(key: string): boolean {
    return Object.hasOwn(this.value, key) && this.value[key] !== null && this.value[key] !== undefined;
  }

  public raw(key: string): unknown {
    return Object.hasOwn(this.value, key) ? this.value[key] : undefined;
  }

  public consume(key: string): void {
    this.ctx.consume(this.at(key));
  }

  public unsupported(key: string, message: string): void {
    if (Object.hasOwn(this.value, key)) this.ctx.unsupported(this.at(key), message);
  }

  public object(key: string): ConfigObject | undefined {
    return ConfigObject.of(this.ctx, this.at(key), this.raw(key));
  }

  /** Text. Numbers are taken as written in the YAML (`version: 1.30` is "1.30", not 1.3). */
  public string(key: string): string | undefined {
    const value = this.present(key);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return this.ctx.sourceOf(this.at(key)) ?? String(value);
    return this.mismatch(key, 'text', value);
  }

  public boolean(key: string): boolean | undefined {
    const value = this.present(key);
    if (value === undefined || typeof value === 'boolean') return value;
    return this.mismatch(key, 'true or false', value);
  }

  public integer(key: string, min = 0): number | undefined {
    const value = this.present(key);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value;
    return this.mismatch(key, `a whole number of at least ${min}`, value);
  }

  public stringList(key: string): string[] | undefined {
    const value = this.present(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return this.mismatch(key, 'a list of text', value);
    const items: string[] = [];
    value.forEach((item, index) => {
      if (typeof item === 'string' || typeof item === 'number') items.push(String(item));
      else this.ctx.problem([...this.at(key), index], `Expected text, got ${describeType(item)}.`);
    });
    return items;
  }

  /** A list of mappings (node groups, addons, …); non-mapping items are problems. */
  public objectList(key: string): ConfigObject[] {
    const value = this.raw(key);
    if (value === undefined) return [];
    if (value === null) {
      this.consume(key);
      return [];
    }
    if (!Array.isArray(value)) {
      this.mismatch(key, 'a list', value);
      return [];
    }
    return value.flatMap((item, index) => {
      const path = [...this.at(key), index];
      const object = ConfigObject.of(this.ctx, path, item);
      return object === undefined ? [] : [object];
    });
  }

  /** A mapping of text to text (tags, labels). */
  public stringMap(key: string): [string, string][] | undefined {
    const value = this.present(key);
    if (value === undefined) return undefined;
    if (!isRecord(value)) return this.mismatch(key, 'a mapping of text', value);
    return Object.entries(value).map(([name, item]) => [name, item === null || item === undefined ? '' : String(item)]);
  }

  private present(key: string): unknown {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    this.consume(key);
    return value === null ? undefined : value;
  }

  private mismatch(key: string, expected: string, value: unknown): undefined {
    this.ctx.problem(this.at(key), `Expected ${expected}, got ${describeType(value)}.`);
    return undefined;
  }
}
