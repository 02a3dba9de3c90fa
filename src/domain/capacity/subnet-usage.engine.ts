/**
 * Subnet IP usage of node groups (docs/api.md POST /v1/capacity/subnet-usage; capacity.md §5.1–§5.5, §5.7).
 *
 * Accounting unit: addresses for an IPv4 subnet; for an IPv6 subnet the /80 prefix each node takes (pods take their
 * addresses from the node's /80, so counting pod addresses would be meaningless).
 *
 * `maxNodes` (top level): the largest total node count that fits when every node group is scaled by the same factor,
 * each group rounded down (so the requested mix is kept; with one group it is simply the largest node count). Surge
 * nodes stay as requested. Per group, `maxNodes` is the largest node count of that group while the others keep their
 * requested size.
 */
import type { InvalidInputCode } from '../errors/error-codes.js';
import { InvalidInputError, NotFoundError, type ErrorDetail } from '../errors/planning-error.js';
import { alignedBlockCount, parseCidrResult, type Cidr } from '../network/cidr.js';
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import type { IpFamily } from '../spec/design-spec.types.js';
import { CalculationLog } from './calculation-log.js';
import { SOURCES } from './capacity-sources.js';
import {
  DEFAULT_LAUNCHER,
  LAUNCHERS,
  NODE_OPERATING_SYSTEMS,
  SUBNET_USAGE_ROLES,
  type CalculationStep,
  type PrefixBlockUsage,
  type SubnetUsageNodeGroup,
  type SubnetUsageNodeGroupResult,
  type SubnetUsageRequest,
  type SubnetUsageResult,
  type SubnetUsageRole,
  type SubnetUsageUnit,
} from './capacity.types.js';
import { resolveMaxPodsOptions } from './max-pods-options.js';
import { computeMaxPodsResolved } from './max-pods.engine.js';
import { fargatePodDemand, nodeIpDemand, resolveCniPool, type NodeIpDemand, type ResolvedCniPool } from './node-ip-demand.js';
import { oneOf, requiredWithin, type Reject } from './input-checks.js';
import { OPTION_BOUNDS, type IntegerBounds } from '../spec/option-bounds.js';
import { IPS_PER_PREFIX } from './pod-ip-capacity.js';

export type InstanceTypeLookup = (name: string) => InstanceTypeRecord | undefined;

/** AWS reserves the first four and the last address of every subnet (VPC user guide, subnet sizing). */
export const AWS_RESERVED_IPS = 5;
/** Free single addresses in the first /28 (16 − 4 reserved) and the last /28 (16 − 1 reserved). */
const SINGLE_ADDRESSES_IN_EDGE_BLOCKS = 12 + 15;

export function computeSubnetUsage(request: SubnetUsageRequest, lookupInstanceType: InstanceTypeLookup): SubnetUsageResult {
  if (typeof request !== 'object' || request === null || !Array.isArray(request.nodeGroups)) {
    throw invalid('INVALID_SUBNET_USAGE_REQUEST', 'nodeGroups', 'nodeGroups must be a list');
  }
  const subnet = parseSubnet(request);
  const ipFamily = resolveIpFamily(request, subnet.cidr);
  const pool = resolveCniPool(request.cni ?? {});
  const unit: SubnetUsageUnit = subnet.cidr.version === 4 ? 'IP_ADDRESS' : 'PREFIX_80';
  const log = new CalculationLog(pool.warnings);

  const totalIps = Number(alignedBlockCount(subnet.cidr, unit === 'IP_ADDRESS' ? 32 : 80));
  const awsReservedUnits = unit === 'IP_ADDRESS' ? AWS_RESERVED_IPS : subnet.cidr.prefixLength === 80 ? 1 : 2;
  const usableIps = Math.max(0, totalIps - awsReservedUnits);

  const groups = request.nodeGroups.map((group, index) =>
    chargeNodeGroup({ group, index, request, pool, ipFamily, role: subnet.role, unit, lookupInstanceType, log }),
  );
  // Aligned /28 blocks: a /28 prefix is a CIDR, so it is 16-aligned (capacity.md §5.7).
  const alignedBlocks =
    unit === 'IP_ADDRESS' && groups.some((g) => g.cost.prefixes > 0) ? Number(alignedBlockCount(subnet.cidr, 28)) : null;
  const model: FitModel = { usable: usableIps, groups: groups.map((g) => g.cost), prefixBlocks: alignedBlocks };
  const requested = groups.map((g) => g.result.nodes);
  const usage = evaluate(model, requested);
  const fits = usage.fits;

  for (const [index, group] of groups.entries()) {
    group.result.maxNodes = maxNodesOfGroup(model, requested, index);
  }
  const scaled = maxNodesScaled(model, requested);

  const prefixBlocks = alignedBlocks === null ? null : prefixBlockUsage(alignedBlocks, usage.prefixes, usage.individual);
  if (usage.used > usableIps) {
    log.warn(
      'SUBNET_TOO_SMALL',
      `The node groups need ${usage.used} ${unitName(unit)} but ${subnet.cidr.text} has ${usableIps} usable (${usage.used - usableIps} short).`,
    );
  }
  if (prefixBlocks) adviseOnPrefixBlocks(prefixBlocks, subnet.cidr, log);

  return {
    subnet: { cidr: subnet.cidr.text, ipVersion: subnet.cidr.version, prefixLength: subnet.cidr.prefixLength, role: subnet.role },
    ipFamily,
    unit,
    totalIps,
    awsReservedIps: AWS_RESERVED_IPS,
    awsReservedUnits,
    usableIps,
    usedIps: usage.used,
    freeIps: usableIps - usage.used,
    shortfallIps: Math.max(0, usage.used - usableIps),
    fits,
    maxNodes: scaled ? scaled.reduce((sum, n) => sum + n, 0) : null,
    maxNodesByGroup: scaled,
    prefixBlocks,
    perNodeGroup: groups.map((g) => g.result),
    warnings: log.warnings,
  };
}

interface ParsedSubnet {
  cidr: Cidr;
  role: SubnetUsageRole;
}

function parseSubnet(request: SubnetUsageRequest): ParsedSubnet {
  const parsed = parseCidrResult(request.subnet?.cidr);
  if (!parsed.ok) throw invalid('INVALID_SUBNET_CIDR', 'subnet.cidr', parsed.reason);
  const cidr = parsed.cidr;
  // AWS subnets: IPv4 /16–/28 (BP subnets.adoc); IPv6 subnets are split into the /80s nodes take.
  if (cidr.version === 4 && (cidr.prefixLength < 16 || cidr.prefixLength > 28)) {
    throw invalid('SUBNET_SIZE_UNSUPPORTED', 'subnet.cidr', `An IPv4 subnet must be between /16 and /28 (got /${cidr.prefixLength})`);
  }
  if (cidr.version === 6 && (cidr.prefixLength < 28 || cidr.prefixLength > 80)) {
    throw invalid('SUBNET_SIZE_UNSUPPORTED', 'subnet.cidr', `An IPv6 subnet must be able to hold a node's /80 (got /${cidr.prefixLength})`);
  }
  const role = request.subnet.role ?? 'NODES';
  if (!(SUBNET_USAGE_ROLES as readonly string[]).includes(role)) {
    throw invalid('INVALID_SUBNET_ROLE', 'subnet.role', `role must be one of ${SUBNET_USAGE_ROLES.join(', ')}`);
  }
  return { cidr, role };
}

function resolveIpFamily(request: SubnetUsageRequest, cidr: Cidr): IpFamily {
  const family = request.ipFamily ?? (cidr.version === 6 ? 'IPV6' : 'IPV4');
  if (family !== 'IPV4' && family !== 'IPV6') throw invalid('INVALID_IP_FAMILY', 'ipFamily', 'ipFamily must be IPV4 or IPV6');
  if (family === 'IPV4' && cidr.version === 6) {
    throw invalid(
      'SUBNET_FAMILY_MISMATCH',
      'subnet.cidr',
      'An IPv4 cluster takes node and pod addresses from IPv4 subnets; give the IPv4 CIDR',
    );
  }
  return family;
}

/** What one node of a group costs in this subnet. */
interface GroupCost {
  units: number;
  prefixes: number;
  individual: number;
  surge: number;
}

interface ChargeInput {
  group: SubnetUsageNodeGroup;
  index: number;
  request: SubnetUsageRequest;
  pool: ResolvedCniPool;
  ipFamily: IpFamily;
  role: SubnetUsageRole;
  unit: SubnetUsageUnit;
  lookupInstanceType: InstanceTypeLookup;
  log: CalculationLog;
}

interface ChargedGroup {
  cost: GroupCost;
  result: SubnetUsageNodeGroupResult;
}

function chargeNodeGroup(input: ChargeInput): ChargedGroup {
  const { group, index, pool, ipFamily, role, unit, log } = input;
  const path = `nodeGroups[${index}]`;
  if (typeof group !== 'object' || group === null) throw invalid('INVALID_NODE_GROUP', path, 'must be an object');
  const label = `${path}${group.name ? ` (${group.name})` : ''}`;
  const nodes = count(group.nodes, `${path}.nodes`, OPTION_BOUNDS.nodes);
  const podsPerNode = count(group.podsPerNode, `${path}.podsPerNode`, OPTION_BOUNDS.podsPerNode);
  const surgeNodes = group.surgeNodes === undefined ? 0 : count(group.surgeNodes, `${path}.surgeNodes`, OPTION_BOUNDS.nodes);
  let branchPodsPerNode =
    group.branchPodsPerNode === undefined ? 0 : count(group.branchPodsPerNode, `${path}.branchPodsPerNode`, OPTION_BOUNDS.podsPerNode);
  const launcher = oneOf(group.launcher, LAUNCHERS, DEFAULT_LAUNCHER, invalidNodeGroup(`${path}.launcher`));
  const os = oneOf(group.os, NODE_OPERATING_SYSTEMS, group.amiFamily === 'WINDOWS' ? 'WINDOWS' : 'LINUX', invalidNodeGroup(`${path}.os`));
  if (branchPodsPerNode > podsPerNode) throw invalid('BRANCH_PODS_EXCEED_PODS', `${path}.branchPodsPerNode`, 'cannot exceed podsPerNode');
  if (branchPodsPerNode > 0 && !pool.securityGroupsForPods) {
    throw invalid(
      'BRANCH_PODS_NEED_SECURITY_GROUPS_FOR_PODS',
      `${path}.branchPodsPerNode`,
      'branch-ENI pods need cni.securityGroupsForPods',
    );
  }

  if (launcher === 'FARGATE') {
    if (podsPerNode !== 1)
      throw invalid(
        'FARGATE_ONE_POD_PER_NODE',
        `${path}.podsPerNode`,
        'a Fargate node runs exactly one pod; set nodes to the pod count and podsPerNode to 1',
      );
    if (os === 'WINDOWS') throw invalid('FARGATE_WINDOWS_UNSUPPORTED', `${path}.os`, 'Fargate runs Linux pods only');
    const demand = fargatePodDemand(ipFamily);
    if (ipFamily === 'IPV6')
      log.warn(
        'FARGATE_IPV6_NEEDS_IPV4',
        `${label}: each Fargate pod also takes one IPv4 address; give the IPv4 CIDR of the subnet to check it (${SOURCES.bpIpv6}).`,
      );
    const cost = chargedCost(demand, { customNetworking: false, role: 'NODES', unit, surge: surgeNodes, fargate: true });
    return {
      cost,
      result: groupResult({
        group,
        launcher,
        os,
        nodes,
        surgeNodes,
        podsPerNode,
        branchPodsPerNode,
        maxPods: 1,
        ipLimitedPods: 1,
        podAddressMode: 'FARGATE',
        demand,
        cost,
        steps: demand.steps,
      }),
    };
  }

  if (typeof group.instanceType !== 'string' || group.instanceType === '')
    throw invalid('INVALID_NODE_GROUP', `${path}.instanceType`, 'instanceType is required');
  const type = input.lookupInstanceType(group.instanceType);
  if (!type)
    throw new NotFoundError('INSTANCE_TYPE_NOT_FOUND', `${path}.instanceType: instance type "${group.instanceType}" is not in the catalog`);

  const requestedPrefixDelegation = input.request.cni?.prefixDelegation ?? (launcher === 'AUTO_MODE' ? true : undefined);
  const maxPodsResult = withPath(path, () =>
    computeMaxPodsResolved(
      type,
      resolveMaxPodsOptions({
        launcher,
        os,
        ipFamily,
        amiFamily: group.amiFamily,
        prefixDelegation: requestedPrefixDelegation,
        customNetworking: pool.customNetworking,
        securityGroupsForPods: pool.securityGroupsForPods,
        cniVersion: pool.version.text,
        maxEnis: pool.maxEni,
        kubeletMaxPods: group.kubeletMaxPods,
        podsPerCore: group.podsPerCore,
        reservedEnis: group.reservedEnis,
        efaOnlyInterfaces: group.efaOnlyInterfaces,
        maxPodsExpression: group.maxPodsExpression,
      }),
    ),
  );
  for (const warning of maxPodsResult.warnings) log.warn(warning.code, `${label}: ${warning.message}`);
  const maxPods =
    group.maxPods === undefined ? maxPodsResult.maxPods : count(group.maxPods, `${path}.maxPods`, OPTION_BOUNDS.kubeletMaxPods);
  const steps: CalculationStep[] = [
    {
      rule: group.maxPods === undefined ? `node maxPods (${launcher})` : 'node maxPods (given)',
      value: maxPods,
      source: group.maxPods === undefined ? SOURCES.ugMaxPods : 'request',
    },
  ];

  let pods = podsPerNode;
  if (pods > maxPods) {
    log.warn(
      'PODS_EXCEED_MAX_PODS',
      `${label}: ${podsPerNode} pods per node exceed the kubelet's maxPods ${maxPods}; only ${maxPods} are counted (further pods are not scheduled on the node).`,
    );
    pods = maxPods;
    branchPodsPerNode = Math.min(branchPodsPerNode, pods);
  }
  const groupPool: ResolvedCniPool = { ...pool, prefixDelegation: requestedPrefixDelegation ?? false, warnings: [] };
  const demand = nodeIpDemand({ instanceType: type, pods, branchPods: branchPodsPerNode, maxPods, os, ipFamily }, groupPool);
  for (const warning of demand.warnings) log.warn(warning.code, `${label}: ${warning.message}`);
  const full = nodeIpDemand({ instanceType: type, pods: maxPods, branchPods: branchPodsPerNode, maxPods, os, ipFamily }, groupPool);
  steps.push(...demand.steps);

  if (role === 'PODS' && !pool.customNetworking && unit === 'IP_ADDRESS') {
    log.warn(
      'SUBNET_ROLE_PODS_WITHOUT_CUSTOM_NETWORKING',
      'Without custom networking pods take addresses from the node subnet; a PODS subnet is charged nothing.',
    );
  }
  const cost = chargedCost(demand, { customNetworking: pool.customNetworking, role, unit, surge: surgeNodes, fargate: false });
  const fullCost = chargedCost(full, { customNetworking: pool.customNetworking, role, unit, surge: surgeNodes, fargate: false });
  return {
    cost,
    result: groupResult({
      group,
      launcher,
      os,
      nodes,
      surgeNodes,
      podsPerNode,
      branchPodsPerNode,
      maxPods,
      ipLimitedPods: maxPodsResult.ipLimitedPods,
      podAddressMode: maxPodsResult.podAddressMode,
      demand,
      cost,
      steps,
      fullUnits: fullCost.units,
    }),
  };
}

interface ChargeRule {
  customNetworking: boolean;
  role: SubnetUsageRole;
  unit: SubnetUsageUnit;
  surge: number;
  fargate: boolean;
}

/** capacity.md §5.4: which subnet pays for which address. */
function chargedCost(demand: NodeIpDemand, rule: ChargeRule): GroupCost {
  if (rule.unit === 'PREFIX_80') return { units: demand.ipv6Prefixes80, prefixes: 0, individual: 0, surge: rule.surge };
  if (rule.fargate) return { units: demand.nodeSubnetIps, prefixes: 0, individual: demand.nodeSubnetIps, surge: rule.surge };
  const inPodSubnet = rule.customNetworking;
  const units = rule.role === 'NODES' ? demand.nodeSubnetIps : inPodSubnet ? demand.podSubnetIps : 0;
  const prefixesHere = (rule.role === 'PODS') === inPodSubnet ? demand.prefixes : 0;
  return { units, prefixes: prefixesHere, individual: units - IPS_PER_PREFIX * prefixesHere, surge: rule.surge };
}

type GroupShape =
  'launcher' | 'os' | 'nodes' | 'surgeNodes' | 'podsPerNode' | 'branchPodsPerNode' | 'maxPods' | 'ipLimitedPods' | 'podAddressMode';

interface GroupResultInput extends Pick<SubnetUsageNodeGroupResult, GroupShape> {
  group: SubnetUsageNodeGroup;
  demand: NodeIpDemand;
  cost: GroupCost;
  steps: CalculationStep[];
  fullUnits?: number;
}

function groupResult(input: GroupResultInput): SubnetUsageNodeGroupResult {
  const { demand, cost } = input;
  return {
    name: input.group.name ?? null,
    instanceType: input.group.instanceType ?? null,
    launcher: input.launcher,
    os: input.os,
    nodes: input.nodes,
    surgeNodes: input.surgeNodes,
    podsPerNode: input.podsPerNode,
    branchPodsPerNode: input.branchPodsPerNode,
    maxPods: input.maxPods,
    ipLimitedPods: input.ipLimitedPods,
    podAddressMode: input.podAddressMode,
    ipsPerNode: cost.units,
    enisPerNode: demand.enis,
    prefixesPerNode: demand.prefixes,
    secondaryIpsPerNode: demand.secondaryIps,
    warmIpsPerNode: demand.warmIps,
    maxIpsPerNode: input.fullUnits ?? cost.units,
    totalIps: (input.nodes + input.surgeNodes) * cost.units,
    maxNodes: null,
    steps: input.steps,
  };
}

interface FitModel {
  usable: number;
  groups: GroupCost[];
  /** Aligned /28 blocks of the subnet when a group uses prefixes here; null otherwise. */
  prefixBlocks: number | null;
}

interface Usage {
  used: number;
  prefixes: number;
  individual: number;
  fits: boolean;
}

function evaluate(model: FitModel, counts: readonly number[]): Usage {
  let used = 0;
  let prefixes = 0;
  let individual = 0;
  model.groups.forEach((cost, index) => {
    const nodes = (counts[index] ?? 0) + cost.surge;
    used += nodes * cost.units;
    prefixes += nodes * cost.prefixes;
    individual += nodes * cost.individual;
  });
  const prefixesFit = model.prefixBlocks === null || prefixes <= bestCaseBlocks(model.prefixBlocks, individual);
  return { used, prefixes, individual, fits: used <= model.usable && prefixesFit };
}

/** Blocks left for prefixes if the individual addresses are packed as tightly as possible (derived, §5.7). */
export function bestCaseBlocks(alignedBlocks: number, individualIps: number): number {
  const spoiled = Math.ceil(Math.max(0, individualIps - SINGLE_ADDRESSES_IN_EDGE_BLOCKS) / IPS_PER_PREFIX);
  return Math.max(0, assignableBlocks(alignedBlocks) - spoiled);
}

/** Aligned /28 blocks that can ever become a prefix: the first and last hold AWS-reserved addresses (§5.7). */
function assignableBlocks(alignedBlocks: number): number {
  return Math.max(0, alignedBlocks - 2);
}

/** capacity.md §5.7: the aligned /28 blocks of a subnet, those that can ever be a prefix, and what the individual addresses leave. */
export function prefixBlockUsage(alignedBlocks: number, neededBlocks: number, individualIps: number): PrefixBlockUsage {
  return {
    alignedBlocks,
    assignableBlocks: assignableBlocks(alignedBlocks),
    neededBlocks,
    individualIps,
    bestCaseAvailableBlocks: bestCaseBlocks(alignedBlocks, individualIps),
  };
}

export type PrefixBlockRisk = 'PREFIX_BLOCKS_NEVER_AVAILABLE' | 'PREFIX_BLOCKS_INSUFFICIENT' | 'PREFIX_FRAGMENTATION_RISK';

/**
 * How likely prefix attachment is to fail (§5.7): never enough assignable blocks; fewer free blocks than needed even in
 * the best case; or more than half of the best-case free blocks needed (fragmentation risk). Null when none applies.
 */
export function prefixBlockRisk(blocks: PrefixBlockUsage): PrefixBlockRisk | null {
  if (blocks.neededBlocks > blocks.assignableBlocks) return 'PREFIX_BLOCKS_NEVER_AVAILABLE';
  if (blocks.neededBlocks > blocks.bestCaseAvailableBlocks) return 'PREFIX_BLOCKS_INSUFFICIENT';
  if (blocks.neededBlocks * 2 > blocks.bestCaseAvailableBlocks) return 'PREFIX_FRAGMENTATION_RISK';
  return null;
}

function maxNodesOfGroup(model: FitModel, requested: readonly number[], index: number): number | null {
  const cost = model.groups[index];
  if (!cost || cost.units === 0) return null;
  const countsWith = (n: number): number[] => requested.map((value, i) => (i === index ? n : value));
  if (!evaluate(model, countsWith(0)).fits) return 0;
  let low = 0;
  let high = Math.floor(model.usable / cost.units) + 1;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (evaluate(model, countsWith(middle)).fits) low = middle;
    else high = middle;
  }
  return low;
}

/** Every group scaled by the same factor k, rounded down; the largest k that fits (bisection over k). */
function maxNodesScaled(model: FitModel, requested: readonly number[]): number[] | null {
  const total = requested.reduce((sum, n) => sum + n, 0);
  const weights = total > 0 ? [...requested] : requested.map(() => 1);
  if (!model.groups.some((cost, i) => cost.units > 0 && (weights[i] ?? 0) > 0)) return null;
  const countsAt = (k: number): number[] => weights.map((w) => Math.floor(k * w));
  if (!evaluate(model, countsAt(0)).fits) return countsAt(0);
  let low = 0;
  let high = 1;
  while (evaluate(model, countsAt(high)).fits) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i += 1) {
    const middle = (low + high) / 2;
    if (evaluate(model, countsAt(middle)).fits) low = middle;
    else high = middle;
  }
  return countsAt(low);
}

function adviseOnPrefixBlocks(blocks: PrefixBlockUsage, cidr: Cidr, log: CalculationLog): void {
  const reservation = `use a subnet CIDR reservation of type prefix or a dedicated subnet for prefix-mode nodes (${SOURCES.bpPrefixLinux}; ${SOURCES.cidrReservationIssue})`;
  const risk = prefixBlockRisk(blocks);
  if (risk === 'PREFIX_BLOCKS_NEVER_AVAILABLE') {
    log.warn(
      risk,
      `The node groups need ${blocks.neededBlocks} aligned /28 prefixes but ${cidr.text} can never hold more than ${blocks.assignableBlocks} (2^(28−${cidr.prefixLength}) − 2; the first and last block hold AWS-reserved addresses); prefix attachment fails with InsufficientCidrBlocks. Use a larger subnet.`,
    );
  } else if (risk === 'PREFIX_BLOCKS_INSUFFICIENT') {
    log.warn(
      risk,
      `${blocks.neededBlocks} /28 prefixes are needed but the ${blocks.individualIps} individual addresses (ENI primaries, node and branch IPs) leave at most ${blocks.bestCaseAvailableBlocks} free aligned /28 blocks in ${cidr.text}; ${reservation}.`,
    );
  } else if (risk === 'PREFIX_FRAGMENTATION_RISK') {
    log.warn(
      risk,
      `${blocks.neededBlocks} of at most ${blocks.bestCaseAvailableBlocks} free aligned /28 blocks are needed; any other address inside a block spoils it and prefix attachment fails with InsufficientCidrBlocks even with free addresses left; ${reservation}.`,
    );
  }
}

function unitName(unit: SubnetUsageUnit): string {
  return unit === 'IP_ADDRESS' ? 'addresses' : '/80 prefixes';
}

function withPath<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const details: ErrorDetail[] = error.details.map((detail) => ({ ...detail, path: detail.path ? `${path}.${detail.path}` : path }));
    throw error.withDetails(details, `${path}: ${error.message}`);
  }
}

function count(value: unknown, path: string, bounds: IntegerBounds): number {
  return requiredWithin(value, bounds, invalidNodeGroup(path, true));
}

/** Rejects as `<path>: <requirement>` (with ` (got <value>)` when `showValue`), message and detail alike. */
function invalidNodeGroup(path: string, showValue = false): Reject {
  return (requirement, value) =>
    invalid('INVALID_NODE_GROUP', path, showValue ? `${requirement} (got ${JSON.stringify(value)})` : requirement);
}

function invalid(code: InvalidInputCode, path: string, message: string): InvalidInputError {
  return new InvalidInputError(code, `${path}: ${message}`, [{ path, message }]);
}
