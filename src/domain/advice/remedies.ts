/**
 * The remedies the advisor knows, each a builder of one candidate patch (priced afterwards by what-if). Facts and
 * sources: the project's sources table (src/domain/capacity/capacity-sources.ts).
 */
import { CAPACITY_SOURCES as SOURCES, prefixBlockRisk } from '../capacity/index.js';
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import { parseCidrResult, type Cidr } from '../network/cidr.js';
import { planDesign, type DesignPlan, type NodeGroupPlan } from '../plan/index.js';
import type { CniSettings, DesignSpec, EniConfig, Subnet } from '../spec/design-spec.types.js';
import { freeBlocks, parseAll } from './address-blocks.js';
import { SUBNET_UTILIZATION_LIMIT } from './advice-problems.js';
import type { AdviceContext, PricedPatch, RemedyBuilder } from './advice-context.js';
import type { AdviceProblemCode, TradeOff } from './advice.types.js';
import type { JsonPatchOperation } from './json-patch.js';

/** The secondary range custom networking proposes when the VPC has none (CGNAT space, BP custom-networking). */
export const CUSTOM_NETWORKING_SECONDARY_CIDR = '100.64.0.0/16';
/** The Amazon-provided /56 is assigned by AWS when it is associated; the advice names a placeholder of the right size. */
export const IPV6_PLACEHOLDER_CIDR = '2600:1f00:0:100::/56';
/** Deployment rollouts start up to 25 % more pods at once (Kubernetes' default maxSurge): that many stay warm per node. */
const WARM_SHARE_OF_PODS = 0.25;
const IPS_PER_PREFIX = 16;
/** Alternatives priced per instance type (the plan is run for each). */
const MAX_INSTANCE_TYPE_CANDIDATES = 40;
const SMALLEST_POD_SUBNET_PREFIX = 24;

const SUBNET_PROBLEMS: ReadonlySet<AdviceProblemCode> = new Set([
  'SUBNET_FULL_AT_MAX',
  'SUBNET_OVER_80_PERCENT_AT_MAX',
  'OBSERVED_IPS_EXHAUSTED',
  'OBSERVED_OVER_80_PERCENT_AT_MAX',
  'PREFIX_BLOCKS_NEVER_AVAILABLE',
  'PREFIX_BLOCKS_INSUFFICIENT',
  'PREFIX_FRAGMENTATION_RISK',
]);

/** EC2 node groups whose pod addresses the VPC CNI's settings govern (Auto Mode manages its own networking). */
function cniNodeGroups(plan: DesignPlan): NodeGroupPlan[] {
  return plan.nodeGroups.filter(
    (group) =>
      (group.kind === 'MANAGED' || group.kind === 'SELF_MANAGED' || group.kind === 'KARPENTER') &&
      group.os === 'LINUX' &&
      group.effectiveMaxPods !== null,
  );
}

/** Operations that set (add, or replace when present) and remove CNI settings. */
function cniOps(spec: DesignSpec, set: Partial<CniSettings>, unset: readonly (keyof CniSettings)[] = []): JsonPatchOperation[] {
  if (spec.cni === undefined) return [{ op: 'add', path: '/cni', value: set }];
  const cni = spec.cni;
  return [
    ...unset
      .filter((key) => cni[key] !== undefined && !(key in set))
      .map((key): JsonPatchOperation => ({ op: 'remove', path: `/cni/${key}` })),
    ...Object.entries(set).map(([key, value]): JsonPatchOperation => ({ op: 'add', path: `/cni/${key}`, value })),
  ];
}

/** The best of several priced patches: solves most, then fewest addresses, then fewest errors. */
function cheapest<T>(
  context: AdviceContext,
  options: Array<T & { patch: JsonPatchOperation[] }>,
): Array<{ option: T & { patch: JsonPatchOperation[] }; priced: PricedPatch }> {
  return options
    .map((option) => ({ option, priced: context.price(option.patch) }))
    .filter((entry): entry is { option: T & { patch: JsonPatchOperation[] }; priced: PricedPatch } => entry.priced !== undefined)
    .sort(
      (a, b) =>
        b.priced.solved.size - a.priced.solved.size ||
        a.priced.result.plan.summary.usedIpsAtMax - b.priced.result.plan.summary.usedIpsAtMax ||
        a.priced.result.plan.summary.errors - b.priced.result.plan.summary.errors,
    );
}

function warmIpsFor(podsPerNode: number): number {
  return Math.max(1, Math.ceil(WARM_SHARE_OF_PODS * podsPerNode));
}

function distinctPodsPerNode(groups: readonly NodeGroupPlan[]): number[] {
  return [...new Set(groups.map((group) => Math.max(1, group.loads.max.podsPerNode)))].sort((a, b) => a - b);
}

const prefixDelegation: RemedyBuilder = (context) => {
  const { spec, plan } = context;
  if (spec.ipFamily !== 'IPV4' || spec.cni?.prefixDelegation === true) return undefined;
  const groups = cniNodeGroups(plan);
  if (groups.length === 0) return undefined;
  const minimum = Math.min(...distinctPodsPerNode(groups));
  // The warm choice: one spare /28 (the manifest default), or WARM_IP_TARGET below 16 (BP prefix-mode_linux) — either
  // what fills the last prefix of the pods exactly, or a quarter of the pods; each is priced and the cheapest kept.
  const fill = (IPS_PER_PREFIX - (minimum % IPS_PER_PREFIX)) % IPS_PER_PREFIX;
  const warmChoices = [...new Set([fill, Math.min(IPS_PER_PREFIX - 1, warmIpsFor(minimum))].filter((warm) => warm > 0))];
  const options = [
    {
      label: 'WARM_PREFIX_TARGET=1 (one spare /28 per node)',
      patch: cniOps(spec, { prefixDelegation: true, warmPrefixTarget: 1 }, ['warmIpTarget', 'minimumIpTarget']),
    },
    ...warmChoices.map((warm) => ({
      label: `WARM_IP_TARGET=${warm} with MINIMUM_IP_TARGET=${minimum} (no whole spare /28 is kept)`,
      patch: cniOps(spec, { prefixDelegation: true, warmIpTarget: warm, minimumIpTarget: minimum }, ['warmPrefixTarget']),
    })),
  ];
  const ranked = cheapest(context, options);
  const best = ranked[0];
  if (!best) return undefined;
  const others = ranked.slice(1).map((entry) => `${entry.option.label} would use ${entry.priced.result.plan.summary.usedIpsAtMax}`);
  const tradeOffs: TradeOff[] = [
    {
      message: `Warm target: ${best.option.label}, ${best.priced.result.plan.summary.usedIpsAtMax} addresses at max size${others.length > 0 ? `; ${others.join('; ')}` : ''}.`,
      source: SOURCES.cniPrefixTargetDoc,
    },
    ...fragmentationChecks(best.priced.result.plan),
    {
      message:
        'Each /28 prefix must be a contiguous aligned block of the subnet; when none is free, attachment fails with InsufficientCidrBlocks although addresses are free. A subnet CIDR reservation of type prefix protects them.',
      source: SOURCES.cidrReservationIssue,
    },
    {
      message:
        'Prefixes are assigned on Nitro instances only (others fall back to secondary IPs) and need VPC CNI 1.9.0 or later; replace the nodes (new node groups) after enabling it, and never downgrade the CNI below 1.9 afterwards.',
      source: SOURCES.bpPrefixLinux,
    },
    {
      message:
        "The kubelet's maxPods only rises where the launcher knows prefix delegation (managed node groups, nodeadm, Karpenter) or maxPods is set.",
      source: SOURCES.ugMaxPods,
    },
  ];
  return {
    kind: 'PREFIX_DELEGATION',
    title: 'Enable prefix delegation (ENABLE_PREFIX_DELEGATION=true)',
    patch: best.option.patch,
    disruption: 'ROLLING_NODE_REPLACEMENT',
    tradeOffs,
  };
};

/** The /28 check on every subnet that would hold prefixes, read from the patched plan. */
function fragmentationChecks(plan: DesignPlan): TradeOff[] {
  return plan.subnets.flatMap((subnet): TradeOff[] => {
    const blocks = subnet.prefixBlocks;
    if (!blocks) return [];
    const risk = prefixBlockRisk(blocks);
    const verdict =
      risk === null
        ? 'no fragmentation risk'
        : risk === 'PREFIX_FRAGMENTATION_RISK'
          ? 'fragmentation risk (more than half the free blocks)'
          : risk;
    return [
      {
        message: `/28 check, ${subnet.name} (${subnet.cidr}): ${blocks.neededBlocks} prefixes needed at max size, at most ${blocks.bestCaseAvailableBlocks} free aligned /28 blocks of ${blocks.assignableBlocks} assignable: ${verdict}.`,
        source: SOURCES.bpPrefixLinux,
      },
    ];
  });
}

const warmPoolTuning: RemedyBuilder = (context) => {
  const { spec, plan } = context;
  const cni = spec.cni ?? {};
  if (spec.ipFamily !== 'IPV4' || cni.prefixDelegation === true) return undefined;
  if (cni.warmEniTarget === 0 && cni.warmIpTarget !== undefined && cni.minimumIpTarget !== undefined) return undefined;
  const groups = cniNodeGroups(plan);
  if (groups.length === 0) return undefined;
  const options = distinctPodsPerNode(groups).map((minimum) => ({
    minimum,
    warm: warmIpsFor(minimum),
    patch: cniOps(spec, { warmEniTarget: 0, warmIpTarget: warmIpsFor(minimum), minimumIpTarget: minimum }),
  }));
  const best = cheapest(context, options)[0];
  if (!best) return undefined;
  const { minimum, warm } = best.option;
  return {
    kind: 'WARM_POOL_TUNING',
    title: `Shrink the warm pool: WARM_ENI_TARGET=0, WARM_IP_TARGET=${warm}, MINIMUM_IP_TARGET=${minimum}`,
    patch: best.option.patch,
    disruption: 'NONE',
    tradeOffs: [
      {
        message: `The default WARM_ENI_TARGET=1 keeps a whole spare ENI of addresses on every node; MINIMUM_IP_TARGET=${minimum} is sized to the pods per node, WARM_IP_TARGET=${warm} keeps ${warm} addresses ready (a quarter of them, what a rollout surges).`,
        source: SOURCES.warmEniTargetIssue,
      },
      {
        message:
          'WARM_IP_TARGET and MINIMUM_IP_TARGET override WARM_ENI_TARGET; pods beyond the warm addresses wait for EC2 to assign new ones, so bursts start slower.',
        source: SOURCES.cniEniTargetDoc,
      },
      {
        message:
          'Small warm targets make ipamd call EC2 more often (AssignPrivateIpAddresses, DescribeNetworkInterfaces), which large clusters can throttle; the setting applies to every node of the cluster.',
        source: SOURCES.bpVpcCni,
      },
    ],
  };
};

const customNetworking: RemedyBuilder = (context) => {
  const { spec, plan } = context;
  if (spec.ipFamily !== 'IPV4' || spec.cni?.customNetworking === true) return undefined;
  const groups = cniNodeGroups(plan);
  if (groups.length === 0) return undefined;
  const subnetsByName = new Map(spec.subnets.map((subnet) => [subnet.name, subnet]));
  const nodeSubnetsByAz = new Map<string, Subnet[]>();
  for (const group of groups) {
    for (const name of spec.nodeGroups[group.index]?.subnets ?? []) {
      const subnet = subnetsByName.get(name);
      if (subnet) nodeSubnetsByAz.set(subnet.az, [...(nodeSubnetsByAz.get(subnet.az) ?? []), subnet]);
    }
  }
  const azs = [...nodeSubnetsByAz.keys()].sort();
  const layout = podSubnetLayout(spec, azs.length);
  if (!layout) return undefined;
  const names = new Set(spec.subnets.map((subnet) => subnet.name));
  const podSubnets: Subnet[] = azs.map((az, i) => {
    const natGateway = nodeSubnetsByAz.get(az)?.find((subnet) => subnet.natGateway !== undefined)?.natGateway;
    return {
      name: uniqueName(`pods-${az}`, names),
      az,
      cidr: layout.blocks[i].text,
      roles: ['PODS'],
      ...(natGateway ? { natGateway } : {}),
    };
  });
  const eniConfigs: EniConfig[] = podSubnets.map((subnet) => ({ az: subnet.az, subnet: subnet.name }));
  const patch: JsonPatchOperation[] = [
    ...(layout.addSecondary === undefined
      ? []
      : spec.vpc.secondaryCidrs === undefined
        ? [{ op: 'add' as const, path: '/vpc/secondaryCidrs', value: [layout.addSecondary] }]
        : [{ op: 'add' as const, path: '/vpc/secondaryCidrs/-', value: layout.addSecondary }]),
    ...podSubnets.map((subnet): JsonPatchOperation => ({ op: 'add', path: '/subnets/-', value: subnet })),
    ...cniOps(spec, { customNetworking: true, eniConfigs }),
  ];
  const priced = context.price(patch);
  const tradeOffs: TradeOff[] = [
    {
      message: `Pod addresses move to ${podSubnets.map((subnet) => `${subnet.name} ${subnet.cidr}`).join(', ')} in ${layout.secondary}${layout.addSecondary ? ' (a new secondary VPC CIDR)' : ''}; the node subnets keep one address per node.`,
      source: SOURCES.ugCustomNetworking,
    },
    ...(priced ? maxPodsCost(plan, priced.result.plan) : []),
    {
      message:
        'The kubelet maxPods must count (ENIs − 1): AMI defaults that do not leave pods stuck in ContainerCreating (set maxPods, or RESERVED_ENIS=1 for Karpenter).',
      source: SOURCES.customNetworkingIssues,
    },
    {
      message:
        'ENIConfigs apply to nodes as they launch: every existing node must be replaced. Not available for IPv6 clusters or Windows nodes.',
      source: SOURCES.bpCustomNetworking,
    },
  ];
  return {
    kind: 'CUSTOM_NETWORKING',
    title: 'Custom networking: pod ENIs in a secondary CIDR, one pod subnet per AZ',
    patch,
    disruption: 'ROLLING_NODE_REPLACEMENT',
    tradeOffs,
  };
};

/** The pods per node each node group loses when the primary ENI stops carrying pods. */
function maxPodsCost(before: DesignPlan, after: DesignPlan): TradeOff[] {
  return before.nodeGroups.flatMap((group): TradeOff[] => {
    const later = after.nodeGroups.find((candidate) => candidate.name === group.name);
    if (!later || group.effectiveMaxPods === null || later.effectiveMaxPods === null || later.effectiveMaxPods === group.effectiveMaxPods)
      return [];
    return [
      {
        message: `${group.name}: max pods per node ${group.effectiveMaxPods} → ${later.effectiveMaxPods} (the primary ENI no longer holds pods); pod capacity at max size ${group.podCapacityAtMax ?? 0} → ${later.podCapacityAtMax ?? 0}.`,
        source: SOURCES.ugCustomNetworking,
      },
    ];
  });
}

/** Where the pod subnets go: the first secondary CIDR with room for one block per AZ, else a new 100.64.0.0/16. */
function podSubnetLayout(spec: DesignSpec, count: number): { secondary: string; addSecondary?: string; blocks: Cidr[] } | undefined {
  if (count === 0) return undefined;
  const taken = parseAll(
    spec.subnets.map((subnet) => subnet.cidr),
    4,
  );
  const vpcRanges = parseAll([...spec.vpc.cidrs, ...(spec.vpc.secondaryCidrs ?? [])], 4);
  for (const container of parseAll(spec.vpc.secondaryCidrs ?? [], 4)) {
    const blocks = splitInto(container, count, taken);
    if (blocks) return { secondary: container.text, blocks };
  }
  // 100.64.0.0/10 is the CGNAT range the CNI docs use; take the first /16 of it the VPC does not already cover.
  for (let second = 64; second < 128; second++) {
    const candidate = parseCidrResult(`100.${second}.0.0/16`, 4);
    if (!candidate.ok || vpcRanges.some((range) => range.first <= candidate.cidr.last && candidate.cidr.first <= range.last)) continue;
    const blocks = splitInto(candidate.cidr, count, taken);
    if (blocks) return { secondary: candidate.cidr.text, addSecondary: candidate.cidr.text, blocks };
  }
  return undefined;
}

/** `count` equal free blocks of the container, as large as they can be (a /16 over 3 AZs gives /18s). */
function splitInto(container: Cidr, count: number, taken: readonly Cidr[]): Cidr[] | undefined {
  const start = container.prefixLength + Math.ceil(Math.log2(count));
  for (let prefix = start; prefix <= SMALLEST_POD_SUBNET_PREFIX; prefix++) {
    const blocks = freeBlocks(container, prefix, taken, count);
    if (blocks.length === count) return blocks;
  }
  return undefined;
}

function uniqueName(base: string, names: Set<string>): string {
  let name = base;
  for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
  names.add(name);
  return name;
}

const largerSubnets: RemedyBuilder = (context) => {
  const { spec, plan, problems } = context;
  const indexes = [
    ...new Set(
      problems.filter((problem) => SUBNET_PROBLEMS.has(problem.code)).map((problem) => Number(/^subnets\[(\d+)\]/.exec(problem.path)?.[1])),
    ),
  ].filter((index) => Number.isInteger(index));
  const taken = parseAll(
    spec.subnets.map((subnet) => subnet.cidr),
    4,
  );
  const containers = parseAll([...spec.vpc.cidrs, ...(spec.vpc.secondaryCidrs ?? [])], 4);
  const patch: JsonPatchOperation[] = [];
  const moves: string[] = [];
  for (const index of indexes.sort((a, b) => a - b)) {
    const subnet = plan.subnets[index];
    const current = taken.find((cidr) => cidr.text === subnet?.cidr);
    if (!subnet || !current) continue;
    const prefix = prefixThatFits(subnet.usedIps.max, subnet.prefixBlocks?.neededBlocks ?? 0, current.prefixLength);
    if (prefix === undefined) continue;
    const block = containers.map((container) => freeBlocks(container, prefix, taken, 1)[0]).find((found) => found !== undefined);
    if (!block) continue;
    taken.push(block);
    patch.push({ op: 'replace', path: `/subnets/${index}/cidr`, value: block.text });
    moves.push(`${subnet.name} ${subnet.cidr} → ${block.text}`);
  }
  if (patch.length === 0) return undefined;
  return {
    kind: 'LARGER_SUBNETS',
    title: `Larger subnets from the free space of the VPC: ${moves.join(', ')}`,
    patch,
    disruption: 'ROLLING_NODE_REPLACEMENT',
    tradeOffs: [
      {
        message:
          "A subnet's CIDR cannot be changed: create each larger subnet, move the node groups' nodes into it (a rolling replacement), then delete the old one.",
        source: SOURCES.vpcSubnetSizing,
      },
      {
        message: `Each new CIDR is the smallest that keeps the subnet at most ${Math.round(100 * SUBNET_UTILIZATION_LIMIT)} % used at max size (5 addresses per subnet are reserved by AWS), placed in free VPC space overlapping no subnet.`,
        source: SOURCES.bpSubnets,
      },
    ],
  };
};

/** The longest prefix (smallest subnet) larger than the current one that holds `used` at the utilisation limit and the /28 prefixes twice over. */
function prefixThatFits(used: number, neededBlocks: number, currentPrefix: number): number | undefined {
  for (let prefix = currentPrefix - 1; prefix >= 16; prefix--) {
    const usable = 2 ** (32 - prefix) - 5;
    const assignableBlocks = prefix <= 28 ? 2 ** (28 - prefix) - 2 : 0;
    if (usable * SUBNET_UTILIZATION_LIMIT >= used && assignableBlocks >= 2 * neededBlocks) return prefix;
  }
  return undefined;
}

/** `m5` → `m|x86`, `m6g` → `m|arm`, `c7gn` → `c|arm`: the class letter stands for the memory per vCPU (the catalog has no memory figure). */
export function instanceClass(type: InstanceTypeRecord): string {
  const match = /^([a-z-]+)(\d*)(.*)$/.exec(type.family);
  const letters = match?.[1] ?? type.family;
  const arm = letters === 'a' || (match?.[3] ?? '').includes('g');
  return `${letters}|${arm ? 'arm' : 'x86'}`;
}

const instanceTypes: RemedyBuilder = (context) => {
  const { spec, plan, problems, deps } = context;
  const problemSubnets = new Set(
    problems
      .filter((problem) => SUBNET_PROBLEMS.has(problem.code))
      .map((problem) => plan.subnets[Number(/\d+/.exec(problem.path)?.[0])]?.name),
  );
  const problemGroups = new Set(
    problems.filter((problem) => problem.code === 'NODE_GROUP_IP_LIMITED').map((problem) => Number(/\d+/.exec(problem.path)?.[0])),
  );
  const patch: JsonPatchOperation[] = [];
  const swaps: string[] = [];
  for (const group of cniNodeGroups(plan)) {
    const touched = problemGroups.has(group.index) || group.placementAtMax.some((placement) => problemSubnets.has(placement.subnet));
    if (!touched) continue;
    const types = spec.nodeGroups[group.index].instanceTypes;
    const replaced = types.map(
      (name) => betterType(spec, group, name, deps.instanceTypes, (typeName) => deps.lookupInstanceType(typeName)) ?? name,
    );
    if (replaced.every((name, i) => name === types[i])) continue;
    const unique = [...new Set(replaced)];
    patch.push({ op: 'replace', path: `/nodeGroups/${group.index}/instanceTypes`, value: unique });
    swaps.push(`${group.name}: ${types.join(', ')} → ${unique.join(', ')}`);
  }
  if (patch.length === 0) return undefined;
  return {
    kind: 'INSTANCE_TYPES',
    title: `Instance types of the same vCPU and memory class with more pods per subnet address (${swaps.join('; ')})`,
    patch,
    disruption: 'ROLLING_NODE_REPLACEMENT',
    tradeOffs: [
      {
        message:
          'Pods per node and addresses per ENI differ between types of the same size (ENIs and IPv4 addresses per ENI come from the EC2 limits the CNI uses); the replacement has the same vCPUs, processor architecture and family class.',
        source: SOURCES.cniLimits,
      },
      {
        message: "Changing a node group's instance types replaces its nodes; check the new types' price and regional availability.",
        source: SOURCES.ugMaxPods,
      },
    ],
  };
};

/** The same-class type with the most pods per subnet address for this group, if it beats the current one. */
function betterType(
  spec: DesignSpec,
  group: NodeGroupPlan,
  name: string,
  catalog: readonly InstanceTypeRecord[],
  lookup: (name: string) => InstanceTypeRecord | undefined,
): string | undefined {
  const current = lookup(name);
  if (!current || current.vcpu === null) return undefined;
  const kind = instanceClass(current);
  const candidates = catalog
    .filter(
      (type) =>
        type.name !== name &&
        type.vcpu === current.vcpu &&
        type.hypervisor === current.hypervisor &&
        type.bareMetal === current.bareMetal &&
        instanceClass(type) === kind,
    )
    .slice(0, MAX_INSTANCE_TYPE_CANDIDATES);
  const score = (typeName: string): number => podsPerAddress(spec, group.index, typeName, lookup);
  let best = { name, score: score(name) };
  for (const candidate of candidates) {
    const value = score(candidate.name);
    if (value > best.score) best = { name: candidate.name, score: value };
  }
  return best.name === name ? undefined : best.name;
}

/** Pod capacity at max size over the addresses the group takes at max size, with the group on one instance type. */
function podsPerAddress(
  spec: DesignSpec,
  index: number,
  typeName: string,
  lookup: (name: string) => InstanceTypeRecord | undefined,
): number {
  const variant: DesignSpec = {
    ...spec,
    nodeGroups: spec.nodeGroups.map((group, i) => (i === index ? { ...group, instanceTypes: [typeName] } : group)),
  };
  const plan = planDesign(variant, { lookupInstanceType: lookup });
  const group = plan.nodeGroups[index];
  if (!group || group.podCapacityAtMax === null) return 0;
  const used = plan.subnets.reduce(
    (sum, subnet) =>
      sum + subnet.charges.filter((charge) => charge.consumer === group.name).reduce((s, charge) => s + charge.usedIps.max, 0),
    0,
  );
  return used === 0 ? 0 : group.podCapacityAtMax / used;
}

const ipv6NewCluster: RemedyBuilder = (context) => {
  const { spec } = context;
  if (spec.ipFamily !== 'IPV4') return undefined;
  const vpcIpv6 = parseAll(spec.vpc.ipv6Cidrs ?? [], 6)[0];
  const range = vpcIpv6 ?? parseAll([IPV6_PLACEHOLDER_CIDR], 6)[0];
  if (!range) return undefined;
  const missing = spec.subnets.map((subnet, i) => ({ subnet, i })).filter(({ subnet }) => subnet.ipv6Cidr === undefined);
  const blocks = freeBlocks(
    range,
    64,
    parseAll(
      spec.subnets.map((subnet) => subnet.ipv6Cidr),
      6,
    ),
    missing.length,
  );
  if (blocks.length < missing.length) return undefined;
  const patch: JsonPatchOperation[] = [
    { op: 'replace', path: '/ipFamily', value: 'IPV6' },
    ...(vpcIpv6 ? [] : [{ op: 'add' as const, path: '/vpc/ipv6Cidrs', value: [range.text] }]),
    ...missing.map(({ i }, n): JsonPatchOperation => ({ op: 'add', path: `/subnets/${i}/ipv6Cidr`, value: blocks[n].text })),
    ...(spec.cni ? cniOps(spec, {}, ['customNetworking', 'eniConfigs']) : []),
  ];
  return {
    kind: 'IPV6_NEW_CLUSTER',
    title: 'A new IPv6 cluster: pods take addresses from each node’s /80 prefix, nodes keep one IPv4 address',
    patch,
    disruption: 'NEW_CLUSTER',
    tradeOffs: [
      {
        message:
          'The IP family is fixed when a cluster is created: build a new IPv6 cluster beside this one and move the workloads; never an in-place change.',
        source: SOURCES.bpIpv6,
      },
      {
        message: `Every subnet needs an IPv6 /64${vpcIpv6 ? '' : ` and the VPC an Amazon-provided /56 (${range.text} stands for the block AWS assigns)`}; nodes still take one IPv4 address each, Fargate pods one IPv4 and one IPv6.`,
        source: SOURCES.bpIpv6,
      },
      {
        message:
          'IPv6 clusters run Nitro instance types only, without Windows nodes and without custom networking; IPv4 destinations are reached through the node (egress SNAT).',
        source: SOURCES.ugWindows,
      },
    ],
  };
};

/** In the order the advice lists them before ranking (a tie keeps this order). */
export const REMEDY_BUILDERS: readonly RemedyBuilder[] = [
  warmPoolTuning,
  prefixDelegation,
  customNetworking,
  largerSubnets,
  instanceTypes,
  ipv6NewCluster,
];
