/**
 * A problem or observation about a design, as the plan reports it. Engines return findings; they never throw for
 * something that is merely tight or risky. `path` points into the DesignSpec (`subnets[2]`, `nodeGroups[0].maxPods`).
 */
export const FINDING_SEVERITIES = ['ERROR', 'WARNING', 'INFO'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export interface Finding {
  code: string;
  severity: FindingSeverity;
  path: string;
  message: string;
  /** What to change to resolve it. */
  fix?: string;
}
