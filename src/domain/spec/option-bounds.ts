/**
 * The one declaration of every numeric option's bounds. The design-spec validator, the capacity engines, the REST and
 * GraphQL DTOs (IsIntegerWithin) and the CLI option parsers all read these, so a value one surface accepts is accepted
 * by all of them. The README's "Option bounds" table lists the same values (a spec checks it).
 */

export interface IntegerBounds {
  readonly min: number;
  readonly max: number;
}

/** Inclusive integer bounds per option; the comment says where each bound comes from. */
export const OPTION_BOUNDS = {
  /**
   * VPC CNI MAX_ENI / max-pods-calculator `--cni-max-eni`: at least one ENI; 128 is the most ENIs an instance-type
   * catalog entry may declare, and a MAX_ENI above the instance's own limit changes nothing.
   */
  maxEnis: { min: 1, max: 128 },
  /** Karpenter RESERVED_ENIS (default 0): usable ENIs = max(maxEnis − reserved, 0), so more than 128 means nothing. */
  reservedEnis: { min: 0, max: 128 },
  /** Karpenter EC2NodeClass EFA-only interfaces on network card 0: subtracted from the card's ENIs like reserved ones. */
  efaOnlyInterfaces: { min: 0, max: 128 },
  /** kubelet maxPods set explicitly (launch template, nodeadm NodeConfig, EC2NodeClass); a node's pods, not a cluster's. */
  kubeletMaxPods: { min: 1, max: 10_000 },
  /** kubelet / Karpenter podsPerCore: 0 turns the limit off (kubelet default), as in the design schema. */
  podsPerCore: { min: 0, max: 10_000 },
  /** WARM_ENI_TARGET (default 1): whole ENIs kept warm, never more than an instance can attach. */
  warmEniTarget: { min: 0, max: 128 },
  /** WARM_IP_TARGET, MINIMUM_IP_TARGET, WARM_PREFIX_TARGET (and their Windows counterparts): addresses or /28s per node. */
  warmIpTarget: { min: 0, max: 100_000 },
  minimumIpTarget: { min: 0, max: 100_000 },
  warmPrefixTarget: { min: 0, max: 100_000 },
  /** Nodes of one node group (minSize, desiredSize, maxSize, surge; subnet-usage `nodes`, `surgeNodes`). */
  nodes: { min: 0, max: 100_000 },
  /** Pods per node that need an address (subnet-usage `podsPerNode`, `branchPodsPerNode`). */
  podsPerNode: { min: 0, max: 10_000 },
  /** Characters of a nodeadm maxPodsExpression (CEL); the bound keeps hostile input out of the CEL parser. */
  maxPodsExpressionLength: { min: 1, max: 500 },
  /** A TCP/UDP port. */
  port: { min: 1, max: 65_535 },
} as const satisfies Record<string, IntegerBounds>;

export type BoundedOption = keyof typeof OPTION_BOUNDS;

/** Whether `value` is an integer inside `bounds`. */
export function isIntegerWithin(value: unknown, bounds: IntegerBounds): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

/** "an integer from 1 to 128": how every surface words a violated bound. */
export function describeBounds(bounds: IntegerBounds): string {
  return `an integer from ${bounds.min} to ${bounds.max}`;
}
