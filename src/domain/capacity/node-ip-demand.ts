/**
 * VPC addresses one node (or one Fargate pod) takes from its subnets, warm pool included (capacity.md §5.1–§5.4).
 * Derived from ipamd (pkg/ipamd/ipamd.go isDatastorePoolTooLow, datastoreTargetState, hasRoomForEni) and validated
 * against every row of the CNI docs tables (docs/eni-and-ip-target.md, docs/prefix-and-ip-target.md).
 * Reusable per node by the subnet-usage engine and the design plan.
 */
import { InvalidInputError } from '../errors/planning-error.js';
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import { DEFAULT_CNI_VERSION, type IpFamily } from '../spec/design-spec.types.js';
import { SOURCES } from './capacity-sources.js';
import type { CalculationStep, CapacityWarning, CniSettingsForCapacity, NodeOs } from './capacity.types.js';
import { CalculationLog } from './calculation-log.js';
import { cniTrunkEniHasNoPodIps, parseCniVersion, type CniVersion } from './cni-version.js';
import { optionalBoolean, optionalWithin, rejectOption, requiredInteger } from './input-checks.js';
import { OPTION_BOUNDS } from '../spec/option-bounds.js';
import { IPS_PER_PREFIX, linuxPrefixDelegationSupport, windowsPrefixDelegationSupport } from './pod-ip-capacity.js';

export type NodeIpMode =
  'SECONDARY_IP' | 'PREFIX_DELEGATION' | 'WINDOWS_SECONDARY_IP' | 'WINDOWS_PREFIX_DELEGATION' | 'IPV6_PREFIX' | 'FARGATE';

export interface NodeIpDemandInput {
  instanceType: InstanceTypeRecord;
  /** Pods on the node that need a VPC address (hostNetwork pods excluded), branch-ENI pods included. */
  pods: number;
  /** Of `pods`, those on branch ENIs (security groups for pods). */
  branchPods?: number;
  /** The kubelet's maxPods: ipamd stops growing the pool once it holds this many addresses (§5.3). */
  maxPods: number;
  os?: NodeOs;
  ipFamily?: IpFamily;
  cni?: CniSettingsForCapacity;
}

export interface NodeIpDemand {
  mode: NodeIpMode;
  /** Attached ENIs with a VPC address: pod ENIs, plus the custom-networking primary and the trunk ENI. */
  enis: number;
  /** ENIs that carry pod addresses. */
  podEnis: number;
  /** Individual secondary IPv4 addresses for pods. */
  secondaryIps: number;
  /** /28 prefixes (16 addresses each). */
  prefixes: number;
  trunkIps: number;
  branchIps: number;
  /** Pod addresses attached to the node (secondary IPs + 16 × prefixes). */
  podIpsAllocated: number;
  /** Attached but unused pod addresses: the warm pool. */
  warmIps: number;
  /** Pods that cannot get an address on this node (beyond its ENI or branch capacity). */
  unplacedPods: number;
  /** IPv4 addresses taken from the node's subnet. */
  nodeSubnetIps: number;
  /** IPv4 addresses taken from the ENIConfig subnet (custom networking); 0 otherwise. */
  podSubnetIps: number;
  totalIps: number;
  /** Addresses outside /28 prefixes: each may spoil an aligned /28 block (§5.7). */
  individualIps: number;
  /** IPv6 /80 prefixes (IPv6 clusters), the unit an IPv6 subnet is charged in. */
  ipv6Prefixes80: number;
  steps: CalculationStep[];
  warnings: CapacityWarning[];
}

/** The CNI settings a node's warm pool depends on, validated and defaulted once. */
export interface ResolvedCniPool {
  version: CniVersion;
  prefixDelegation: boolean;
  customNetworking: boolean;
  securityGroupsForPods: boolean;
  /** MAX_ENI; unset or ≤ 0 means the instance limit. */
  maxEni: number | undefined;
  warmEniTarget: number;
  warmIpTarget: number;
  minimumIpTarget: number;
  warmPrefixTarget: number;
  windows: { warmIpTarget?: number; minimumIpTarget?: number; warmPrefixTarget?: number };
  warnings: CapacityWarning[];
}

/** CNI manifest defaults (config/master/aws-k8s-cni.yaml; README): WARM_ENI_TARGET=1, WARM_PREFIX_TARGET=1. */
export const DEFAULT_WARM_ENI_TARGET = 1;
export const DEFAULT_WARM_PREFIX_TARGET = 1;
/** VPC resource controller defaults for Windows (pkg/config/loader.go). */
export const WINDOWS_DEFAULTS = {
  secondary: { warmIpTarget: 3, minimumIpTarget: 3 },
  prefix: { warmIpTarget: 1, minimumIpTarget: 3, warmPrefixTarget: 0 },
} as const;

const WARM_POOL_BOUNDS = {
  warmEniTarget: OPTION_BOUNDS.warmEniTarget,
  warmIpTarget: OPTION_BOUNDS.warmIpTarget,
  minimumIpTarget: OPTION_BOUNDS.minimumIpTarget,
  warmPrefixTarget: OPTION_BOUNDS.warmPrefixTarget,
} as const;

export function resolveCniPool(cni: CniSettingsForCapacity = {}, path = 'cni'): ResolvedCniPool {
  const count = (value: unknown, name: keyof typeof WARM_POOL_BOUNDS, at: string = name): number | undefined =>
    optionalWithin(value, WARM_POOL_BOUNDS[name], rejectOption('INVALID_WARM_POOL_SETTING', `${path}.${at}`));
  const flag = (value: unknown, name: string): boolean =>
    optionalBoolean(value, rejectOption('INVALID_OPTION', `${path}.${name}`, { detail: 'must be a boolean', showValue: false })) ?? false;
  optionalWithin(cni.maxEni, OPTION_BOUNDS.maxEnis, rejectOption('INVALID_MAX_ENIS', `${path}.maxEni`));
  const warnings: CapacityWarning[] = [];
  const prefixDelegation = flag(cni.prefixDelegation, 'prefixDelegation');
  const warmIpTarget = count(cni.warmIpTarget, 'warmIpTarget') ?? 0;
  const minimumIpTarget = count(cni.minimumIpTarget, 'minimumIpTarget') ?? 0;
  const warmPrefixTarget = count(cni.warmPrefixTarget, 'warmPrefixTarget') ?? DEFAULT_WARM_PREFIX_TARGET;
  const warmEniTarget = count(cni.warmEniTarget, 'warmEniTarget') ?? DEFAULT_WARM_ENI_TARGET;
  if (prefixDelegation) {
    // docs/prefix-and-ip-target.md: zero targets are not supported with prefix delegation.
    if (cni.warmIpTarget === 0 && cni.minimumIpTarget === 0) {
      warnings.push({
        code: 'WARM_IP_TARGETS_ZERO_UNSUPPORTED',
        message: `WARM_IP_TARGET and MINIMUM_IP_TARGET set to 0 are not supported with prefix delegation (${SOURCES.cniPrefixTargetDoc}).`,
      });
    }
    if (warmIpTarget === 0 && minimumIpTarget === 0 && warmPrefixTarget === 0) {
      warnings.push({
        code: 'WARM_PREFIX_TARGET_ZERO_UNSUPPORTED',
        message: `WARM_PREFIX_TARGET=0 is not supported with prefix delegation: pods wait for a prefix (and maybe an ENI) to be attached (${SOURCES.cniPrefixTargetDoc}).`,
      });
    }
    if (cni.warmEniTarget !== undefined) {
      warnings.push({
        code: 'OPTION_IGNORED',
        message: 'warmEniTarget is ignored in prefix mode: ipamd uses WARM_PREFIX_TARGET instead (isDatastorePoolTooLow).',
      });
    }
  }
  const windows = cni.windows ?? {};
  return {
    version: parseCniVersion(cni.version ?? DEFAULT_CNI_VERSION, `${path}.version`),
    prefixDelegation,
    customNetworking: flag(cni.customNetworking, 'customNetworking'),
    securityGroupsForPods: flag(cni.securityGroupsForPods, 'securityGroupsForPods'),
    maxEni: cni.maxEni !== undefined && cni.maxEni > 0 ? cni.maxEni : undefined,
    warmEniTarget,
    warmIpTarget,
    minimumIpTarget,
    warmPrefixTarget,
    windows: {
      warmIpTarget: count(windows.warmIpTarget, 'warmIpTarget', 'windows.warmIpTarget'),
      minimumIpTarget: count(windows.minimumIpTarget, 'minimumIpTarget', 'windows.minimumIpTarget'),
      warmPrefixTarget: count(windows.warmPrefixTarget, 'warmPrefixTarget', 'windows.warmPrefixTarget'),
    },
    warnings,
  };
}

/** A node's addresses in its CNI mode. Pass a `ResolvedCniPool` to skip re-validating the CNI settings per node. */
export function nodeIpDemand(input: NodeIpDemandInput, pool: ResolvedCniPool = resolveCniPool(input.cni)): NodeIpDemand {
  validateDemandInput(input);
  const os = input.os ?? 'LINUX';
  const log = new CalculationLog(pool.warnings);
  if ((input.ipFamily ?? 'IPV4') === 'IPV6') return ipv6NodeDemand(input, pool, log);
  if (os === 'WINDOWS') return windowsNodeDemand(input, pool, log);
  const prefixes = linuxPrefixDelegationSupport(input.instanceType, pool.version, pool.prefixDelegation);
  if (prefixes.fallback) log.warn(prefixes.fallback.code, prefixes.fallback.message);
  return prefixes.applies ? linuxPrefixDemand(input, pool, log) : linuxSecondaryIpDemand(input, pool, log);
}

/** Fargate: each pod is its own node with one address in the profile subnet; IPv6 pods take an IPv4 address too. */
export function fargatePodDemand(ipFamily: IpFamily = 'IPV4'): NodeIpDemand {
  const log = new CalculationLog();
  log.step('Fargate pod: one ENI, one IPv4 address in the Fargate profile subnet', 1, SOURCES.ugFargate);
  if (ipFamily === 'IPV6')
    log.step('IPv6 cluster: the Fargate pod also takes one IPv6 address (counted as one /80 block, worst case)', 1, SOURCES.bpIpv6);
  return finish(log, {
    mode: 'FARGATE',
    enis: 1,
    podEnis: 1,
    secondaryIps: 0,
    prefixes: 0,
    trunkIps: 0,
    branchIps: 0,
    podIpsAllocated: 1,
    warmIps: 0,
    unplacedPods: 0,
    nodeSubnetIps: 1,
    podSubnetIps: 0,
    ipv6Prefixes80: ipFamily === 'IPV6' ? 1 : 0,
  });
}

interface EniLimit {
  /** ENIs that may carry pod addresses. */
  podEnisMax: number;
  /** 1 when custom networking keeps the primary ENI for the node IP only. */
  nodeOnlyEni: number;
  trunkEni: number;
}

/** hasRoomForEni: min(ENIs, MAX_ENI) minus the trunk ENI; custom networking skips the primary ENI (GetAllocatableENIs). */
function linuxEniLimit({ instanceType: type }: NodeIpDemandInput, pool: ResolvedCniPool, log: CalculationLog): EniLimit {
  let attachable = log.step('ENIs on the default network card', type.maxEnis, SOURCES.cniLimits);
  if (pool.maxEni !== undefined)
    attachable = log.step(`MAX_ENI ${pool.maxEni}`, Math.min(pool.maxEni, attachable), SOURCES.cniIpamdRoomForEni);
  const nodeOnlyEni = pool.customNetworking ? 1 : 0;
  const trunkEni = pool.securityGroupsForPods ? 1 : 0;
  if (trunkEni && !cniTrunkEniHasNoPodIps(pool.version)) {
    log.warn(
      'TRUNK_ENI_MODELLED_AS_1_16_4',
      `With CNI ${pool.version.text} < 1.16.4 the trunk ENI may still carry pod IPs; the address model assumes 1.16.4+ (trunk without pod IPs), an upper bound.`,
    );
  }
  const podEnisMax = pool.customNetworking ? Math.max(0, attachable - nodeOnlyEni - trunkEni) : Math.max(1, attachable - trunkEni);
  if (nodeOnlyEni || trunkEni) {
    log.step(
      `ENIs for pod addresses (${[nodeOnlyEni ? 'custom networking: primary ENI keeps only the node IP' : '', trunkEni ? 'trunk ENI: no pod IPs' : ''].filter(Boolean).join('; ')})`,
      podEnisMax,
      pool.customNetworking ? SOURCES.cniDatastore : SOURCES.cniTrunkNoIps,
    );
  }
  return { podEnisMax, nodeOnlyEni, trunkEni };
}

function linuxSecondaryIpDemand(input: NodeIpDemandInput, pool: ResolvedCniPool, log: CalculationLog): NodeIpDemand {
  const type = input.instanceType;
  const limit = linuxEniLimit(input, pool, log);
  const slots = log.step('secondary IPs per ENI (IPv4 per ENI − 1)', type.ipv4PerEni - 1, SOURCES.cniAwsUtils);
  const { placed, branchIps, unplaced } = placePods(input, limit.podEnisMax * slots, log);
  const poolCeiling = Math.max(input.maxPods, placed);
  let podEnis: number;
  let secondaryIps: number;
  if (pool.warmIpTarget > 0 || pool.minimumIpTarget > 0) {
    // datastoreTargetState: short = max(WARM_IP − available, MINIMUM_IP − total)
    let target = log.step(
      `WARM_IP_TARGET ${pool.warmIpTarget} / MINIMUM_IP_TARGET ${pool.minimumIpTarget}: secondary IPs = max(pods + WARM_IP, MINIMUM_IP)`,
      Math.max(placed + pool.warmIpTarget, pool.minimumIpTarget),
      SOURCES.cniIpamdTargets,
    );
    target = capPool(log, target, limit.podEnisMax * slots, poolCeiling);
    secondaryIps = target;
    podEnis = log.step('ENIs = ceil(secondary IPs / slots per ENI)', atLeast(limit, Math.ceil(target / slots)), SOURCES.cniEniTargetDoc);
  } else {
    const warm = pool.warmEniTarget;
    const wanted = warm > 0 ? Math.max(1, Math.ceil(placed / slots) + warm) : Math.floor(placed / slots) + 1;
    podEnis = log.step(
      warm > 0
        ? `WARM_ENI_TARGET ${warm}: ENIs = max(1, ceil(pods / ${slots}) + ${warm}) (pool too low while free < ${warm} × ${slots})`
        : `WARM_ENI_TARGET 0: ENIs = floor(pods / ${slots}) + 1 (pool too low when no address is free)`,
      wanted,
      SOURCES.cniIpamdPoolLow,
    );
    if (podEnis > limit.podEnisMax)
      podEnis = log.step('capped at the ENIs available for pods', limit.podEnisMax, SOURCES.cniIpamdRoomForEni);
    const ceilingEnis = Math.max(1, Math.ceil(poolCeiling / slots));
    if (podEnis > ceilingEnis)
      podEnis = log.step(
        `pool stops growing at maxPods ${input.maxPods}: ENIs ≤ ceil(maxPods / ${slots})`,
        ceilingEnis,
        SOURCES.cniIpamdPoolLow,
      );
    // tryAssignIPs fills each ENI with all its secondary IPs when no WARM_IP/MINIMUM_IP target is set
    secondaryIps = log.step('secondary IPs: every ENI filled (ENIs × slots)', podEnis * slots, SOURCES.cniIpamd);
  }
  return addressTotals(log, pool, limit, { mode: 'SECONDARY_IP', podEnis, secondaryIps, prefixes: 0, placed, branchIps, unplaced });
}

function linuxPrefixDemand(input: NodeIpDemandInput, pool: ResolvedCniPool, log: CalculationLog): NodeIpDemand {
  const type = input.instanceType;
  const limit = linuxEniLimit(input, pool, log);
  const slots = log.step('/28 prefix slots per ENI (IPv4 per ENI − 1)', type.ipv4PerEni - 1, SOURCES.cniPrefixTargetDoc);
  const maxPrefixes = limit.podEnisMax * slots;
  const { placed, branchIps, unplaced } = placePods(input, maxPrefixes * IPS_PER_PREFIX, log);
  let prefixes: number;
  if (pool.warmIpTarget > 0 || pool.minimumIpTarget > 0) {
    prefixes = log.step(
      `WARM_IP_TARGET ${pool.warmIpTarget} / MINIMUM_IP_TARGET ${pool.minimumIpTarget}: prefixes = max(ceil((pods + WARM_IP) / 16), ceil(MINIMUM_IP / 16))`,
      Math.max(Math.ceil((placed + pool.warmIpTarget) / IPS_PER_PREFIX), Math.ceil(pool.minimumIpTarget / IPS_PER_PREFIX)),
      SOURCES.cniPrefixTargetDoc,
    );
  } else {
    const warm = pool.warmPrefixTarget;
    prefixes = log.step(
      warm > 0
        ? `WARM_PREFIX_TARGET ${warm}: prefixes = ceil(pods / 16) + ${warm} (a whole free /28 is kept)`
        : 'WARM_PREFIX_TARGET 0: prefixes = floor(pods / 16) + 1',
      warm > 0 ? Math.ceil(placed / IPS_PER_PREFIX) + warm : Math.floor(placed / IPS_PER_PREFIX) + 1,
      SOURCES.cniIpamdPoolLow,
    );
  }
  const ceilingPrefixes = Math.max(Math.ceil(input.maxPods / IPS_PER_PREFIX), Math.ceil(placed / IPS_PER_PREFIX));
  if (prefixes > ceilingPrefixes)
    prefixes = log.step(
      `pool stops growing at maxPods ${input.maxPods}: prefixes ≤ ceil(maxPods / 16)`,
      ceilingPrefixes,
      SOURCES.cniIpamdPoolLow,
    );
  if (prefixes > maxPrefixes)
    prefixes = log.step('capped at the prefix slots of the ENIs available for pods', maxPrefixes, SOURCES.cniIpamdRoomForEni);
  // A new ENI is attached only when the existing ones are out of prefix slots.
  const podEnis = log.step(
    'ENIs = ceil(prefixes / slots per ENI)',
    atLeast(limit, Math.ceil(prefixes / slots)),
    SOURCES.cniPrefixTargetDoc,
  );
  return addressTotals(log, pool, limit, { mode: 'PREFIX_DELEGATION', podEnis, secondaryIps: 0, prefixes, placed, branchIps, unplaced });
}

function windowsNodeDemand(input: NodeIpDemandInput, pool: ResolvedCniPool, log: CalculationLog): NodeIpDemand {
  const type = input.instanceType;
  const slots = log.step(
    'Windows: primary ENI only, IPv4 per ENI − 1 pod addresses (or /28 slots)',
    type.ipv4PerEni - 1,
    SOURCES.bpWindowsNetworking,
  );
  const prefixMode = windowsPrefixDelegationSupport(type, pool.prefixDelegation);
  if (prefixMode.fallback) log.warn(prefixMode.fallback.code, prefixMode.fallback.message);
  const settings = pool.windows;
  if (!prefixMode.applies) {
    const warm = settings.warmIpTarget ?? WINDOWS_DEFAULTS.secondary.warmIpTarget;
    const minimum = settings.minimumIpTarget ?? WINDOWS_DEFAULTS.secondary.minimumIpTarget;
    const { placed, unplaced } = placePods(input, slots, log);
    let target = log.step(
      `warm-ip-target ${warm} / minimum-ip-target ${minimum}: addresses = max(pods + warm, minimum)`,
      Math.max(placed + warm, minimum),
      SOURCES.resourceControllerConfig,
    );
    if (target > slots) target = log.step('capped at the primary ENI', slots, SOURCES.resourceControllerIp);
    return windowsTotals(log, { mode: 'WINDOWS_SECONDARY_IP', secondaryIps: target, prefixes: 0, placed, unplaced });
  }
  const warm = settings.warmIpTarget ?? WINDOWS_DEFAULTS.prefix.warmIpTarget;
  const minimum = settings.minimumIpTarget ?? WINDOWS_DEFAULTS.prefix.minimumIpTarget;
  const warmPrefixes = settings.warmPrefixTarget ?? WINDOWS_DEFAULTS.prefix.warmPrefixTarget;
  const { placed, unplaced } = placePods(input, slots * IPS_PER_PREFIX, log);
  let prefixes = log.step(
    `warm-ip-target ${warm} / minimum-ip-target ${minimum} / warm-prefix-target ${warmPrefixes}: prefixes = max(ceil((pods + warm) / 16), ceil(minimum / 16)${warmPrefixes > 0 ? ', ceil(pods / 16) + warm-prefix-target' : ''})`,
    Math.max(
      Math.ceil((placed + warm) / IPS_PER_PREFIX),
      Math.ceil(minimum / IPS_PER_PREFIX),
      warmPrefixes > 0 ? Math.ceil(placed / IPS_PER_PREFIX) + warmPrefixes : 0,
    ),
    SOURCES.resourceControllerConfig,
  );
  if (prefixes > slots) prefixes = log.step('capped at the primary ENI prefix slots', slots, SOURCES.resourceControllerPrefix);
  return windowsTotals(log, { mode: 'WINDOWS_PREFIX_DELEGATION', secondaryIps: 0, prefixes, placed, unplaced });
}

/** IPv6 clusters: one /80 on the primary ENI at bootstrap; the node keeps its IPv4 primary address (dual-stack subnet). */
function ipv6NodeDemand(input: NodeIpDemandInput, pool: ResolvedCniPool, log: CalculationLog): NodeIpDemand {
  if ((input.branchPods ?? 0) > 0 || pool.securityGroupsForPods) {
    log.warn(
      'IPV6_BRANCH_ENIS_NOT_MODELLED',
      'Branch ENIs (security groups for pods) in IPv6 clusters are not in the address model; only the node and its /80 are counted.',
    );
  }
  log.step('IPv6: one /80 prefix on the primary ENI holds every pod address', 1, SOURCES.bpIpv6);
  log.step('the node keeps one IPv4 primary address in its (dual-stack) subnet', 1, SOURCES.bpIpv6);
  return finish(log, {
    mode: 'IPV6_PREFIX',
    enis: 1,
    podEnis: 1,
    secondaryIps: 0,
    prefixes: 0,
    trunkIps: 0,
    branchIps: 0,
    podIpsAllocated: 0,
    warmIps: 0,
    unplacedPods: 0,
    nodeSubnetIps: 1,
    podSubnetIps: 0,
    ipv6Prefixes80: 1,
  });
}

interface Placement {
  placed: number;
  branchIps: number;
  unplaced: number;
}

/** Pods beyond the node's address capacity (or its branch-ENI limit) cannot start; they are counted, not charged. */
function placePods(input: NodeIpDemandInput, podAddressCapacity: number, log: CalculationLog): Placement {
  const branch = input.branchPods ?? 0;
  const branchLimit = input.instanceType.branchInterfaces ?? branch;
  const branchIps = Math.min(branch, branchLimit);
  const regular = input.pods - branch;
  const placed = Math.min(regular, podAddressCapacity);
  const unplaced = regular - placed + (branch - branchIps);
  if (unplaced > 0) {
    log.warn(
      'PODS_EXCEED_NODE_ADDRESSES',
      `${unplaced} of ${input.pods} pods per ${input.instanceType.name} node cannot get an address (${podAddressCapacity} pod addresses${branch ? `, ${branchLimit} branch ENIs` : ''}); they would stay in ContainerCreating.`,
    );
  }
  return { placed, branchIps, unplaced };
}

function capPool(log: CalculationLog, target: number, maxAddresses: number, poolCeiling: number): number {
  let capped = target;
  if (capped > maxAddresses) capped = log.step('capped at the ENIs available for pods', maxAddresses, SOURCES.cniIpamdRoomForEni);
  if (capped > poolCeiling) capped = log.step(`pool stops growing at maxPods ${poolCeiling}`, poolCeiling, SOURCES.cniIpamdPoolLow);
  return capped;
}

/** Without custom networking the primary ENI always exists and carries pod addresses. */
function atLeast(limit: EniLimit, enis: number): number {
  return limit.nodeOnlyEni ? enis : Math.max(1, enis);
}

interface PodAddresses {
  mode: NodeIpMode;
  podEnis: number;
  secondaryIps: number;
  prefixes: number;
  placed: number;
  branchIps: number;
  unplaced: number;
}

function addressTotals(log: CalculationLog, pool: ResolvedCniPool, limit: EniLimit, pod: PodAddresses): NodeIpDemand {
  const podIpsAllocated = pod.secondaryIps + IPS_PER_PREFIX * pod.prefixes;
  const trunkIps = limit.trunkEni;
  const eniAddresses = log.step(
    `pod ENIs: ${pod.podEnis} ENI primaries + ${podIpsAllocated} pod addresses${trunkIps ? ` + 1 trunk ENI + ${pod.branchIps} branch ENIs` : ''}`,
    pod.podEnis + podIpsAllocated + trunkIps + pod.branchIps,
    pool.securityGroupsForPods ? SOURCES.bpSgpp : SOURCES.cniIpamd,
  );
  let nodeSubnetIps = eniAddresses;
  let podSubnetIps = 0;
  if (pool.customNetworking) {
    nodeSubnetIps = log.step('custom networking: the node subnet holds only the primary ENI address', 1, SOURCES.cniDatastore);
    podSubnetIps = log.step('custom networking: the ENIConfig subnet holds the pod ENIs', eniAddresses, SOURCES.ugCustomNetworking);
  }
  return finish(log, {
    mode: pod.mode,
    enis: pod.podEnis + limit.nodeOnlyEni + limit.trunkEni,
    podEnis: pod.podEnis,
    secondaryIps: pod.secondaryIps,
    prefixes: pod.prefixes,
    trunkIps,
    branchIps: pod.branchIps,
    podIpsAllocated,
    warmIps: podIpsAllocated - pod.placed,
    unplacedPods: pod.unplaced,
    nodeSubnetIps,
    podSubnetIps,
    ipv6Prefixes80: 0,
  });
}

function windowsTotals(log: CalculationLog, pod: Omit<PodAddresses, 'podEnis' | 'branchIps'>): NodeIpDemand {
  const podIpsAllocated = pod.secondaryIps + IPS_PER_PREFIX * pod.prefixes;
  const nodeSubnetIps = log.step('Windows: primary ENI address + pod addresses', 1 + podIpsAllocated, SOURCES.bpWindowsNetworking);
  return finish(log, {
    mode: pod.mode,
    enis: 1,
    podEnis: 1,
    secondaryIps: pod.secondaryIps,
    prefixes: pod.prefixes,
    trunkIps: 0,
    branchIps: 0,
    podIpsAllocated,
    warmIps: podIpsAllocated - pod.placed,
    unplacedPods: pod.unplaced,
    nodeSubnetIps,
    podSubnetIps: 0,
    ipv6Prefixes80: 0,
  });
}

type DemandCore = Omit<NodeIpDemand, 'totalIps' | 'individualIps' | 'steps' | 'warnings'>;

function finish(log: CalculationLog, core: DemandCore): NodeIpDemand {
  const totalIps = core.nodeSubnetIps + core.podSubnetIps;
  return { ...core, totalIps, individualIps: totalIps - IPS_PER_PREFIX * core.prefixes, steps: log.steps, warnings: log.warnings };
}

function validateDemandInput(input: NodeIpDemandInput): void {
  const count = (value: unknown, name: string, min: number): void => {
    requiredInteger(value, min, Number.POSITIVE_INFINITY, rejectOption('INVALID_NODE_DEMAND', name), `must be an integer ≥ ${min}`);
  };
  count(input.pods, 'pods', 0);
  count(input.maxPods, 'maxPods', 1);
  if (input.branchPods !== undefined) count(input.branchPods, 'branchPods', 0);
  if ((input.branchPods ?? 0) > input.pods) {
    throw new InvalidInputError('BRANCH_PODS_EXCEED_PODS', `branchPods (${input.branchPods}) cannot exceed pods (${input.pods})`, [
      { path: 'branchPods', message: 'must not exceed pods' },
    ]);
  }
}
