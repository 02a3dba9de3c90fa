/** Collects lint findings with a readable path and the line they point at. */
import { VALIDATION_RULES } from './exposure-rules.data.js';
import type { LintFinding, LintSeverity } from './exposure.types.js';
import type { K8sResource, PathSegment } from './manifest-documents.parser.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `['metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme']` → `metadata.annotations["alb.ingress.kubernetes.io/scheme"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

export function annotationPath(key: string): PathSegment[] {
  return ['metadata', 'annotations', key];
}

export interface FindingInput {
  code: string;
  message: string;
  path: readonly PathSegment[];
  /** Defaults to the severity of the §2 row for `code`, else ERROR. */
  severity?: LintSeverity;
  rule?: string;
}

export class FindingCollector {
  private readonly findings: LintFinding[] = [];
  private readonly seen = new Set<string>();

  public report(resource: K8sResource, input: FindingInput): void {
    this.push(resource.id, input, resource.lineOf(input.path));
  }

  /** For findings about something that is not one object, e.g. `IngressGroup/<name>`. */
  public reportOn(resourceId: string, input: FindingInput, line?: number): void {
    this.push(resourceId, input, line);
  }

  /** In the order a reader meets them in the YAML (findings without a line last); ties keep the rule order. */
  public all(): LintFinding[] {
    return this.findings
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => (a.finding.line ?? Number.MAX_SAFE_INTEGER) - (b.finding.line ?? Number.MAX_SAFE_INTEGER) || a.index - b.index)
      .map(({ finding }) => finding);
  }

  private push(resourceId: string, input: FindingInput, line: number | undefined): void {
    const known = (VALIDATION_RULES as Record<string, { severity: LintSeverity; row: string }>)[input.code];
    const finding: LintFinding = {
      code: input.code,
      severity: input.severity ?? known?.severity ?? 'ERROR',
      resource: resourceId,
      path: formatPath(input.path),
      message: input.message,
    };
    if (line !== undefined) finding.line = line;
    const rule = input.rule ?? known?.row;
    if (rule) finding.rule = rule;
    // The same rule can be reached from two directions (e.g. a Service checked alone and as an Ingress backend).
    const key = `${finding.code}|${finding.resource}|${finding.path}|${finding.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(finding);
  }
}
