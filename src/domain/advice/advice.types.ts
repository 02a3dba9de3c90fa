/**
 * The IP-exhaustion advisor's answer (GET /v1/designs/{id}/advice, POST /v1/advice, GraphQL `design.advice` / `advice`):
 * the design's address problems, and every applicable remedy priced by the plan of the patched spec.
 */
import type { FindingSeverity } from '../findings/finding.js';
import type { FindingChange } from '../plan/index.js';
import type { JsonPatchOperation } from './json-patch.js';

export const REMEDY_KINDS = [
  'PREFIX_DELEGATION',
  'WARM_POOL_TUNING',
  'CUSTOM_NETWORKING',
  'LARGER_SUBNETS',
  'INSTANCE_TYPES',
  'IPV6_NEW_CLUSTER',
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/** What applying the remedy costs the running cluster, least first (the ranking's second key). */
export const DISRUPTIONS = ['NONE', 'ROLLING_NODE_REPLACEMENT', 'NEW_CLUSTER'] as const;
export type Disruption = (typeof DISRUPTIONS)[number];

export const ADVICE_PROBLEM_CODES = {
  SUBNET_FULL_AT_MAX: 'A subnet cannot hold its nodes, pods and warm pools with every node group at max size.',
  SUBNET_OVER_80_PERCENT_AT_MAX: 'More than 80 % of a subnet is used with every node group at max size.',
  OBSERVED_IPS_EXHAUSTED: 'The addresses AWS reports free in a subnet cannot hold the growth of its node groups to max size.',
  OBSERVED_OVER_80_PERCENT_AT_MAX: 'With what AWS reports in use, more than 80 % of a subnet is used once every node group is at max size.',
  PREFIX_BLOCKS_NEVER_AVAILABLE: 'Prefix-mode nodes need more aligned /28 blocks than the subnet can ever hold.',
  PREFIX_BLOCKS_INSUFFICIENT: 'The individual addresses leave too few aligned /28 blocks for the prefixes.',
  PREFIX_FRAGMENTATION_RISK: 'The prefixes need more than half of the free aligned /28 blocks.',
  NODE_GROUP_IP_LIMITED: "A node group's pods are limited by pod addresses below the pods its workloads need at max size.",
} as const;
export type AdviceProblemCode = keyof typeof ADVICE_PROBLEM_CODES;
export const ADVICE_PROBLEM_CODE_LIST = Object.keys(ADVICE_PROBLEM_CODES) as readonly AdviceProblemCode[];

export interface AdviceProblem {
  code: AdviceProblemCode;
  severity: FindingSeverity;
  /** Where in the DesignSpec: `subnets[0]`, `nodeGroups[1]`. */
  path: string;
  message: string;
}

/** A problem by identity: its code and its path. */
export interface ProblemRef {
  code: AdviceProblemCode;
  path: string;
}

/** The design's address figures, all read from one plan (no second arithmetic). */
export interface RemedyFigures {
  /** summary.usedIpsAtMax */
  usedIpsAtMax: number;
  /** summary.tightestSubnet.freeIpsAtMax; null when no subnet carries a node. */
  freeIpsAtMaxTightest: number | null;
  /** Σ maxNodesThatFit over the EC2 node groups; null without one. */
  nodesThatFit: number | null;
  /** The lowest effective max pods per node over the EC2 node groups; null without one. */
  maxPodsPerNode: number | null;
  /** summary.errors */
  errors: number;
  /** summary.warnings */
  warnings: number;
}

export interface TradeOff {
  message: string;
  /** The rule's source: an AWS documentation page or a repository path (the project's sources table). */
  source: string;
}

export interface Remedy {
  kind: RemedyKind;
  title: string;
  /** RFC 6902 operations on the design; POST it to what-if to see `after` and the whole plan. */
  patch: JsonPatchOperation[];
  disruption: Disruption;
  /** The problems the patched design no longer has. */
  solves: ProblemRef[];
  before: RemedyFigures;
  /** Exactly the figures of the plan of the patched spec. */
  after: RemedyFigures;
  /** Findings of the plan the patch resolves / adds (what-if's diff.plan.findings). */
  findingsRemoved: FindingChange[];
  findingsAdded: FindingChange[];
  tradeOffs: TradeOff[];
  /** The problems the patched design still has (new ones included); empty when the remedy solves everything. */
  problemsLeft: ProblemRef[];
  /** What the remedy makes worse, in words; empty when nothing is. */
  worsens: string[];
  /** 1 = best: leaves no problem, with the least disruption and makes nothing worse. */
  rank: number;
}

export interface Advice {
  problems: AdviceProblem[];
  remedies: Remedy[];
}
