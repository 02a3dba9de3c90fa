/**
 * Paths into the input and the list of problems found in it, reported in document order.
 * Paths are built lazily (a linked list), so a valid 3,000-subnet design allocates no path strings.
 */
import type { ErrorDetail } from '../errors/planning-error.js';
import type { DesignSpecErrorCode } from './design-spec.codes.js';

export type PathSegment = string | number;

/** At most this many details are returned; a last TOO_MANY_PROBLEMS detail counts the rest. */
export const MAX_REPORTED_DETAILS = 1000;
/** Beyond this many, problems are only counted (a hostile input can otherwise produce millions). */
const MAX_COLLECTED_PROBLEMS = 20_000;
const MAX_KEY_SHOWN = 64;

export class SpecPath {
  public static readonly root = new SpecPath(undefined, undefined);

  private constructor(
    private readonly parent: SpecPath | undefined,
    private readonly segment: PathSegment | undefined,
  ) {}

  public field(name: string): SpecPath {
    return new SpecPath(this, name);
  }

  public item(index: number): SpecPath {
    return new SpecPath(this, index);
  }

  public segments(): PathSegment[] {
    const segments: PathSegment[] = [];
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- walks the parent chain from this node
    for (let node: SpecPath | undefined = this; node?.segment !== undefined; node = node.parent) segments.push(node.segment);
    return segments.reverse();
  }
}

/** `subnets[2].cidr`; keys that are not identifiers (only unknown fields can be) as `["a.b"]`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment) && segment.length <= MAX_KEY_SHOWN) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment.length > MAX_KEY_SHOWN ? `${segment.slice(0, MAX_KEY_SHOWN)}…` : segment)}]`;
  }
  return text;
}

interface Problem {
  readonly segments: PathSegment[];
  readonly code: DesignSpecErrorCode;
  readonly message: string;
}

export class Problems {
  private readonly problems: Problem[] = [];
  private readonly reportedAt = new Set<string>();
  private uncollected = 0;

  public add(path: SpecPath | readonly PathSegment[], code: DesignSpecErrorCode, message: string): void {
    if (this.problems.length >= MAX_COLLECTED_PROBLEMS) {
      this.uncollected++;
      return;
    }
    const segments = path instanceof SpecPath ? path.segments() : [...path];
    this.reportedAt.add(pathKey(segments));
    this.problems.push({ segments, code, message });
  }

  /**
   * Whether a problem was reported at exactly this path (a field of the wrong type, a list too long): a later rule
   * then stays quiet rather than report a consequence of it.
   */
  public has(path: readonly PathSegment[]): boolean {
    return this.reportedAt.has(pathKey(path));
  }

  public get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  /** The details in the order their paths appear in `input` (stable: one path's problems keep the order found). */
  public toDetails(input: unknown): ErrorDetail[] {
    const ordered = inDocumentOrder(this.problems, input);
    const shown = ordered.slice(0, MAX_REPORTED_DETAILS);
    const details: ErrorDetail[] = shown.map((problem) => ({
      path: formatPath(problem.segments),
      message: problem.message,
      code: problem.code,
    }));
    const hidden = ordered.length - shown.length + this.uncollected;
    if (hidden > 0) {
      details.push({
        path: '',
        message: `${hidden} more problem${hidden === 1 ? '' : 's'} not shown; fix the ones above first.`,
        code: 'TOO_MANY_PROBLEMS',
      });
    }
    return details;
  }
}

function pathKey(segments: readonly PathSegment[]): string {
  return JSON.stringify(segments);
}

function inDocumentOrder(problems: readonly Problem[], input: unknown): Problem[] {
  const keyIndexes = new WeakMap<object, Map<string, number>>();
  const positionOf = (segments: readonly PathSegment[]): number[] => {
    const position: number[] = [];
    let node: unknown = input;
    for (const segment of segments) {
      if (typeof segment === 'number' || node === null || typeof node !== 'object' || Array.isArray(node)) {
        position.push(typeof segment === 'number' ? segment : 0);
        node = Array.isArray(node) && typeof segment === 'number' ? node[segment] : undefined;
        continue;
      }
      let indexes = keyIndexes.get(node);
      if (indexes === undefined) {
        indexes = new Map(Object.keys(node).map((key, index) => [key, index]));
        keyIndexes.set(node, indexes);
      }
      // A missing (required) field sorts after the fields that are present.
      const index = indexes.get(segment);
      position.push(index ?? indexes.size);
      node = index === undefined ? undefined : (node as Record<string, unknown>)[segment];
    }
    return position;
  };
  try {
    const keyed = problems.map((problem, found) => ({ problem, found, position: positionOf(problem.segments) }));
    keyed.sort((a, b) => comparePositions(a.position, b.position) || a.found - b.found);
    return keyed.map(({ problem }) => problem);
  } catch {
    // Only exotic non-JSON input (a throwing getter, a revoked proxy) can fail here: keep the order found.
    return [...problems];
  }
}

/** Parents before their children, then element and key order. */
function comparePositions(a: readonly number[], b: readonly number[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}
