/**
 * Which subnet pays for which address (capacity.md §5.4–§5.7), at min, desired and max size.
 *
 * Node spread: a group's nodes are spread evenly over the Availability Zones of its subnets (zones in the order they
 * first appear in `subnets`), the remainder going to the first zones; inside a zone, evenly over the group's subnets there,
 * remainder to the first. Fargate pods spread the same way over the profile's subnets.
 * Charges: the node subnet pays the node's addresses; with custom networking it pays only the primary ENI address and the
 * ENIConfig subnet of the same zone pays the pod ENIs (their primaries, secondary IPs or prefixes, trunk and branch ENIs).
 * NAT gateways take one address in their subnet.
 * Sizes: pods do not move to nodes added later, so a larger size never frees the addresses a smaller one held: each
 * charge at a size is at least the charge at the size below (the warm-pool arithmetic alone is not monotonic in the node
 * count: fewer, fuller nodes may keep more spare ENIs than more, emptier ones).
 * Surge: every group may be rolling at once, each adding `maxSurge` nodes (default 1) at its max-size per-node cost to
 * every subnet it charges (a replacement node can land in any of them).
 */
import { AWS_RESERVED_IPS, IPS_PER_PREFIX, prefixBlockRisk, prefixBlockUsage } from '../capacity/index.js';
import type { Finding } from '../findings/finding.js';
import { parseCidrResult } from '../network/cidr.js';
import type { NodeGroup, SubnetObservation } from '../spec/design-spec.types.js';
import type { NodeCost } from './node-load.js';
import { normalizeAz, type PlanContext } from './plan-context.js';
import type { AtSizes, PrefixBlockPlan, SubnetChargeKind, SubnetObservedPlan, SubnetPlan } from './plan.types.js';

/** Below this share of free addresses at max size a subnet is reported as tight (WARNING). */
export const LOW_HEADROOM_FRACTION = 0.15;
/** Below this share of the observed free addresses left at max size a subnet is reported as running low (WARNING). */
export const OBSERVED_LOW_FRACTION = 0.1;
const SIZE_KEYS = ['min', 'desired', 'max'] as const;
const CANONICAL_IPV4_CIDR = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(1[6-9]|2[0-8])$/;

export interface Zone {
  az: string;
  /** Indexes (into the spec's subnets) of the group's subnets in this zone, in listed order. */
  subnets: number[];
}

/** The group's subnets by zone, in order of first appearance. */
export function zonesOf(group: NodeGroup, context: PlanContext): Zone[] {
  const zones: Zone[] = [];
  const byAz = new Map<string, Zone>();
  for (const name of group.subnets) {
    const found = context.subnet(name);
    if (!found) continue;
    const key = normalizeAz(found.subnet.az);
    let zone = byAz.get(key);
    if (!zone) {
      zone = { az: found.subnet.az, subnets: [] };
      byAz.set(key, zone);
      zones.push(zone);
    }
    if (!zone.subnets.includes(found.index)) zone.subnets.push(found.index);
  }
  return zones;
}

/** Even split of `count` over `parts`, remainder to the first: the share of part `position`. */
export function evenShare(count: number, parts: number, position: number): number {
  return Math.floor(count / parts) + (position < count % parts ? 1 : 0);
}

/** Which nodes of a group a charge counts: those of one subnet, or of a whole zone (the ENIConfig subnet). */
interface Share {
  zone: number;
  zoneCount: number;
  /** Position of the subnet in its zone, or null for the whole zone. */
  slot: number | null;
  slotCount: number;
}

function nodesIn(share: Share, nodes: number): number {
  const inZone = evenShare(nodes, share.zoneCount, share.zone);
  return share.slot === null ? inZone : evenShare(inZone, share.slotCount, share.slot);
}

interface Charge {
  kind: SubnetChargeKind;
  consumer: string;
  groupIndex: number | null;
  share: Share | null;
  nodes: AtSizes;
  /** Raw addresses per size (nodes × per-node cost), before the monotonic envelope. */
  raw: AtSizes;
  used: AtSizes;
  /** Addresses the consumer holds now (nodes at currentSize, an existing NAT gateway): already missing from observed counts. */
  usedNow: number;
  ipsPerNodeAtMax: number;
  prefixesAtMax: number;
  surgeIps: number;
}

export interface GroupCharge {
  /** Nodes (Fargate: pods) at each size. */
  nodes: AtSizes;
  costs: { min: NodeCost; desired: NodeCost; max: NodeCost };
  /** Per-node cost of one more node at max size (for surge and for how many nodes fit). */
  unitCost: NodeCost;
  surgeNodes: number;
  fargate: boolean;
  /** Nodes (Fargate: pods) running now and their per-node cost; 0 nodes when the design does not say. */
  current: { nodes: number; cost: NodeCost };
}

/** Every subnet's charges, filled group by group, then turned into SubnetPlans and findings. */
export class SubnetLedger {
  private readonly charges: Charge[][];
  private readonly usable: number[];
  private readonly total: number[];
  private readonly prefixLengths: number[];
  private readonly groupCharges = new Map<number, Array<{ subnet: number; charge: Charge }>>();
  private finished: { usedMax: number[] } | undefined;

  public constructor(private readonly context: PlanContext) {
    const subnets = context.spec.subnets;
    this.charges = subnets.map(() => []);
    this.total = [];
    this.usable = [];
    this.prefixLengths = [];
    for (const subnet of subnets) {
      const prefixLength = ipv4PrefixLength(subnet.cidr);
      const total = prefixLength === undefined ? 0 : 2 ** (32 - prefixLength);
      this.prefixLengths.push(prefixLength ?? 32);
      this.total.push(total);
      this.usable.push(Math.max(0, total - AWS_RESERVED_IPS));
    }
    for (const nat of context.spec.natGateways ?? []) {
      const found = context.subnet(nat.subnet);
      if (!found) continue;
      const one = { min: 1, desired: 1, max: 1 };
      this.charges[found.index].push({
        kind: 'NAT_GATEWAY',
        consumer: nat.name,
        groupIndex: null,
        share: null,
        nodes: { min: 0, desired: 0, max: 0 },
        raw: one,
        used: { ...one },
        // A NAT gateway with an ID exists, so its address is already taken.
        usedNow: nat.id === undefined ? 0 : 1,
        ipsPerNodeAtMax: 0,
        prefixesAtMax: 0,
        surgeIps: 0,
      });
    }
  }

  /** Charges one node group to its subnets (and, with custom networking, to the ENIConfig subnets of its zones). */
  public chargeGroup(groupIndex: number, zones: readonly Zone[], charge: GroupCharge): void {
    const group = this.context.spec.nodeGroups[groupIndex];
    const list: Array<{ subnet: number; charge: Charge }> = [];
    this.groupCharges.set(groupIndex, list);
    const zoneCount = zones.length;
    zones.forEach((zone, z) => {
      zone.subnets.forEach((subnet, slot) => {
        const share: Share = { zone: z, zoneCount, slot, slotCount: zone.subnets.length };
        const kind: SubnetChargeKind = charge.fargate ? 'FARGATE_POD_IPS' : 'NODE_IPS';
        list.push({
          subnet,
          charge: this.add(
            subnet,
            kind,
            group.name,
            groupIndex,
            share,
            charge,
            (cost) => cost.nodeSubnetIps,
            (cost) => cost.nodeSubnetPrefixes,
          ),
        });
      });
      const usesPodSubnet = SIZE_KEYS.some((size) => charge.costs[size].podSubnetIps > 0) || charge.unitCost.podSubnetIps > 0;
      const podSubnet = usesPodSubnet ? this.context.eniConfigSubnetByAz.get(normalizeAz(zone.az)) : undefined;
      if (podSubnet !== undefined) {
        const share: Share = { zone: z, zoneCount, slot: null, slotCount: 1 };
        list.push({
          subnet: podSubnet,
          charge: this.add(
            podSubnet,
            'POD_ENI_IPS',
            group.name,
            groupIndex,
            share,
            charge,
            (cost) => cost.podSubnetIps,
            (cost) => cost.podSubnetPrefixes,
          ),
        });
      }
    });
  }

  private add(
    subnet: number,
    kind: SubnetChargeKind,
    consumer: string,
    groupIndex: number,
    share: Share,
    group: GroupCharge,
    ips: (cost: NodeCost) => number,
    prefixes: (cost: NodeCost) => number,
  ): Charge {
    const nodes = {
      min: nodesIn(share, group.nodes.min),
      desired: nodesIn(share, group.nodes.desired),
      max: nodesIn(share, group.nodes.max),
    };
    const raw = {
      min: nodes.min * ips(group.costs.min),
      desired: nodes.desired * ips(group.costs.desired),
      max: nodes.max * ips(group.costs.max),
    };
    const used = { min: raw.min, desired: 0, max: 0 };
    used.desired = Math.max(raw.desired, used.min);
    used.max = Math.max(raw.max, used.desired);
    const unit = ips(group.unitCost);
    const charge: Charge = {
      kind,
      consumer,
      groupIndex,
      share,
      nodes,
      raw,
      used,
      usedNow: nodesIn(share, group.current.nodes) * ips(group.current.cost),
      ipsPerNodeAtMax: unit,
      prefixesAtMax: nodes.max * prefixes(group.costs.max),
      surgeIps: group.nodes.max > 0 ? group.surgeNodes * unit : 0,
    };
    this.charges[subnet].push(charge);
    return charge;
  }

  /** Addresses used per subnet at max size (call after every group is charged). */
  public usedAtMax(): number[] {
    this.finished ??= { usedMax: this.charges.map((list) => list.reduce((sum, charge) => sum + charge.used.max, 0)) };
    return this.finished.usedMax;
  }

  public freeAtMax(subnet: number): number {
    return this.usable[subnet] - this.usedAtMax()[subnet];
  }

  /**
   * The largest node count of a group (pods for Fargate) that fits while every other consumer stays at max size,
   * at the group's max-size per-node cost; null when the group costs no address anywhere.
   */
  public maxNodesThatFit(groupIndex: number, maxSize: number): number | null {
    const list = (this.groupCharges.get(groupIndex) ?? []).filter(({ charge }) => charge.ipsPerNodeAtMax > 0 && charge.share !== null);
    if (list.length === 0) return null;
    const usedMax = this.usedAtMax();
    const fits = (nodes: number): boolean =>
      list.every(
        ({ subnet, charge }) =>
          usedMax[subnet] - charge.used.max + nodesIn(charge.share!, nodes) * charge.ipsPerNodeAtMax <= this.usable[subnet],
      );
    if (!fits(0)) return 0;
    let low = 0;
    let high = Math.max(1, maxSize);
    while (fits(high) && high < 2 ** 31) {
      low = high;
      high *= 2;
    }
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle;
    }
    return low;
  }

  public subnetPlans(ipv6: boolean, groupCosts: ReadonlyMap<number, GroupCharge>): SubnetPlan[] {
    const usedMax = this.usedAtMax();
    return this.context.spec.subnets.map((subnet, index) => {
      const charges = this.charges[index];
      const usable = this.usable[index];
      const used = { min: 0, desired: 0, max: usedMax[index] };
      let surgeIps = 0;
      let prefixes = 0;
      let rawMax = 0;
      let nodeCharges = 0;
      let nodesAtMax = 0;
      let fixed = 0;
      let largestUnit = 0;
      let ipv6Prefixes = 0;
      for (const charge of charges) {
        used.min += charge.used.min;
        used.desired += charge.used.desired;
        surgeIps += charge.surgeIps;
        prefixes += charge.prefixesAtMax;
        rawMax += charge.raw.max;
        if (charge.kind === 'NAT_GATEWAY') {
          fixed += charge.used.max;
          continue;
        }
        nodeCharges += 1;
        nodesAtMax += charge.nodes.max;
        largestUnit = Math.max(largestUnit, charge.ipsPerNodeAtMax);
        if (charge.kind !== 'POD_ENI_IPS' && charge.groupIndex !== null) {
          ipv6Prefixes += charge.nodes.max * (groupCosts.get(charge.groupIndex)?.costs.max.ipv6Prefixes80 ?? 0);
        }
      }
      const free = usable - used.max;
      const perNode = nodesAtMax > 0 ? (rawMax - fixed) / nodesAtMax : largestUnit;
      return {
        name: subnet.name,
        index,
        az: subnet.az,
        cidr: subnet.cidr,
        roles: [...(subnet.roles ?? [])],
        totalIps: this.total[index],
        usableIps: usable,
        usedIps: used,
        freeIpsAtMax: free,
        utilizationAtMax: usable > 0 ? round4(used.max / usable) : 0,
        surgeIps,
        freeIpsAfterSurge: free - surgeIps,
        maxNodes: nodeCharges > 0 && perNode > 0 ? Math.max(0, Math.floor((usable - fixed) / perNode)) : null,
        prefixBlocks: prefixes > 0 ? prefixBlocks(this.prefixLengths[index], prefixes, rawMax - IPS_PER_PREFIX * prefixes) : null,
        ipv6Prefixes80AtMax: ipv6 && subnet.ipv6Cidr !== undefined ? ipv6Prefixes : null,
        ...(subnet.observed === undefined ? {} : { observed: observedHeadroom(subnet.observed, charges) }),
        charges: charges.map((charge) => ({
          kind: charge.kind,
          consumer: charge.consumer,
          nodes: charge.nodes,
          ipsPerNodeAtMax: charge.ipsPerNodeAtMax,
          usedIps: charge.used,
          prefixesAtMax: charge.prefixesAtMax,
          surgeIps: charge.surgeIps,
        })),
      };
    });
  }
}

/**
 * The design against what AWS says is left. Addresses a consumer holds now are already missing from `availableIps`, so
 * only its growth from now to max size is charged (never less than nothing: a group above its max size frees nothing
 * the plan can count on).
 */
export function observedHeadroom(observation: SubnetObservation, charges: readonly Charge[]): SubnetObservedPlan {
  let additional = 0;
  const perGroup = new Map<string, { kind: SubnetChargeKind; ipsPerNode: number }>();
  for (const charge of charges) {
    additional += Math.max(0, charge.used.max - charge.usedNow);
    if (charge.groupIndex === null || charge.ipsPerNodeAtMax <= 0) continue;
    // A node placed here pays its node addresses here, and its pod ENIs too when this is also its ENIConfig subnet.
    const entry = perGroup.get(charge.consumer);
    if (entry === undefined) perGroup.set(charge.consumer, { kind: charge.kind, ipsPerNode: charge.ipsPerNodeAtMax });
    else entry.ipsPerNode += charge.ipsPerNodeAtMax;
  }
  const headroom = observation.availableIps - additional;
  return {
    availableIps: observation.availableIps,
    at: observation.at,
    additionalIpsAtMax: additional,
    headroomAtMax: headroom,
    fits: headroom >= 0,
    additionalNodes: [...perGroup].map(([nodeGroup, { kind, ipsPerNode }]) => ({
      nodeGroup,
      kind,
      ipsPerNode,
      now: Math.floor(observation.availableIps / ipsPerNode),
      beyondMax: Math.max(0, Math.floor(headroom / ipsPerNode)),
    })),
  };
}

/** capacity.md §5.7: aligned /28 blocks a subnet can ever hold, and what its individual addresses leave in the best case. */
export function prefixBlocks(prefixLength: number, neededBlocks: number, individualIps: number): PrefixBlockPlan {
  return prefixBlockUsage(prefixLength <= 28 ? 2 ** (28 - prefixLength) : 0, neededBlocks, individualIps);
}

/** Findings on one subnet's figures (sizes from the severity guidance: cannot hold max → ERROR; tight → WARNING). */
export function subnetFindings(plan: SubnetPlan): Finding[] {
  const findings: Finding[] = [];
  const path = `subnets[${plan.index}]`;
  findings.push(...observedFindings(plan, path));
  const consumers = plan.charges.some((charge) => charge.kind !== 'NAT_GATEWAY');
  if (!consumers) return findings;
  const { usedIps, usableIps } = plan;
  if (usedIps.max > usableIps) {
    const already = usedIps.desired > usableIps ? ` It is already short at desired size (${usedIps.desired} needed).` : '';
    findings.push({
      code: 'SUBNET_FULL_AT_MAX',
      severity: 'ERROR',
      path,
      message: `Subnet ${plan.name} (${plan.cidr}) needs ${usedIps.max} addresses with every node group at max size but has ${usableIps} usable (${usedIps.max - usableIps} short); it holds about ${plan.maxNodes ?? 0} nodes.${already}`,
      fix: `Use a larger subnet, spread the node groups over more subnets, lower maxSize, or reduce the CNI warm pool (WARM_IP_TARGET / MINIMUM_IP_TARGET, or prefix delegation in a subnet with free /28 blocks).`,
    });
  } else {
    if (plan.freeIpsAtMax < LOW_HEADROOM_FRACTION * usableIps) {
      findings.push({
        code: 'SUBNET_LOW_HEADROOM_AT_MAX',
        severity: 'WARNING',
        path,
        message: `Subnet ${plan.name} (${plan.cidr}) has ${plan.freeIpsAtMax} of ${usableIps} addresses free at max size (${Math.round(100 * plan.utilizationAtMax)}% used); load balancers, endpoints and other VPC resources also take addresses here.`,
        fix: 'Keep at least 15% of the subnet free: use a larger subnet or move a node group to another subnet.',
      });
    }
    if (plan.surgeIps > 0 && plan.freeIpsAtMax < plan.surgeIps) {
      findings.push({
        code: 'SUBNET_NO_SURGE_ROOM',
        severity: 'WARNING',
        path,
        message: `At max size subnet ${plan.name} has ${plan.freeIpsAtMax} free addresses but a rolling replacement of its node groups adds ${plan.surgeIps}; new nodes would fail to get addresses during an upgrade.`,
        fix: "Leave room for the surge nodes: use a larger subnet, lower maxSize, or lower the node groups' maxSurge.",
      });
    }
  }
  const blocks = plan.prefixBlocks;
  if (blocks) {
    const reservation =
      'use a subnet CIDR reservation of type prefix, or a dedicated subnet for prefix-mode nodes (BP prefix-mode_linux; aws/amazon-vpc-cni-k8s#2749)';
    const risk = prefixBlockRisk(blocks);
    if (risk === 'PREFIX_BLOCKS_NEVER_AVAILABLE') {
      findings.push({
        code: risk,
        severity: 'ERROR',
        path,
        message: `Prefix-mode nodes need ${blocks.neededBlocks} aligned /28 prefixes in ${plan.name} (${plan.cidr}) at max size, but it can never hold more than ${blocks.assignableBlocks} (the first and last /28 hold AWS-reserved addresses); prefix attachment fails with InsufficientCidrBlocks.`,
        fix: 'Use a larger subnet for prefix-mode nodes (a /24 holds 14 prefixes, a /20 254).',
      });
    } else if (risk === 'PREFIX_BLOCKS_INSUFFICIENT') {
      findings.push({
        code: risk,
        severity: 'WARNING',
        path,
        message: `${blocks.neededBlocks} /28 prefixes are needed in ${plan.name} at max size, but its ${blocks.individualIps} individual addresses (node IPs, ENI primaries, branch ENIs) leave at most ${blocks.bestCaseAvailableBlocks} free aligned /28 blocks.`,
        fix: `Give prefix-mode nodes more room: ${reservation}.`,
      });
    } else if (risk === 'PREFIX_FRAGMENTATION_RISK') {
      findings.push({
        code: risk,
        severity: 'WARNING',
        path,
        message: `${blocks.neededBlocks} of at most ${blocks.bestCaseAvailableBlocks} free aligned /28 blocks of ${plan.name} are needed at max size; any address placed inside a block spoils it, and prefix attachment then fails with InsufficientCidrBlocks although addresses are free.`,
        fix: `Protect the prefixes: ${reservation}.`,
      });
    }
  }
  return findings;
}

function observedFindings(plan: SubnetPlan, path: string): Finding[] {
  const observed = plan.observed;
  if (observed === undefined) return [];
  const seen = `${observed.availableIps} addresses available (observed ${observed.at})`;
  if (!observed.fits) {
    return [
      {
        code: 'OBSERVED_IPS_EXHAUSTED',
        severity: 'ERROR',
        path: `${path}.observed`,
        message: `Subnet ${plan.name} (${plan.cidr}) has ${seen}, but growing every node group from its current to its max size takes ${observed.additionalIpsAtMax} more (${-observed.headroomAtMax} short).`,
        fix: 'Free addresses in the subnet, add subnets (a secondary VPC CIDR with custom networking for pods), lower maxSize, or reduce the CNI warm pool.',
      },
    ];
  }
  if (observed.headroomAtMax < OBSERVED_LOW_FRACTION * observed.availableIps) {
    return [
      {
        code: 'OBSERVED_IPS_LOW',
        severity: 'WARNING',
        path: `${path}.observed`,
        message: `Subnet ${plan.name} (${plan.cidr}) has ${seen}; at max size only ${observed.headroomAtMax} would remain (less than ${100 * OBSERVED_LOW_FRACTION}%), before surges, load balancers and other workloads.`,
        fix: 'Leave room for growth: add subnets, lower maxSize, or reduce the CNI warm pool.',
      },
    ];
  }
  return [];
}

/**
 * The prefix length of a subnet's IPv4 CIDR. A validated design holds canonical CIDRs, so the text after the slash is
 * read directly (parsing 3,000 addresses would dominate the plan's time); anything unexpected goes through the parser.
 */
function ipv4PrefixLength(cidr: string): number | undefined {
  const match = CANONICAL_IPV4_CIDR.exec(cidr);
  if (match) return Number(match[1]);
  const parsed = parseCidrResult(cidr, 4);
  return parsed.ok ? parsed.cidr.prefixLength : undefined;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
