/**
 * Max pods per node group and instance type, through the capacity engine (capacity.md §2–§4).
 *
 * Launcher per node group kind and AMI family (who tells the kubelet its maxPods):
 * - MANAGED → MANAGED_NODE_GROUP: EKS injects the calculator's capped value (UG "How maxPods is determined", §2.6).
 * - SELF_MANAGED + AL2023 (or no AMI family) → NODEADM (§2.4).
 * - SELF_MANAGED + AL2 or BOTTLEROCKET → ENI_FORMULA: AL2 bootstrap.sh writes the eni-max-pods.txt value, uncapped and
 *   blind to prefix delegation and custom networking (§2.3; the calculator with --show-max-allowed is only its fallback for
 *   types missing from the file and gives the same number). Bottlerocket ships its own copy of that table (§8: its logic
 *   was not read, so the table value is assumed).
 * - KARPENTER → KARPENTER, with RESERVED_ENIS = 1 for custom networking plus 1 for the security-groups-for-pods trunk ENI,
 *   as the Karpenter settings docs tell users to configure (§2.7).
 * - AUTO_MODE → AUTO_MODE (prefix delegation on, no custom networking, no security groups for pods; §2.8).
 * - FARGATE → FARGATE (one pod per node).
 * - amiFamily WINDOWS → os WINDOWS (primary ENI only, kubelet default 110; no custom networking or pod security groups; §2.9);
 *   the capacity engine applies its Windows model whatever the launcher, so SELF_MANAGED Windows is passed as CALCULATOR.
 * A node group's `maxPods` is the kubelet maxPods; `podsPerCore` goes to Karpenter's model, and for other self-configurable
 * kubelets it caps maxPods at podsPerCore × vCPUs (kubelet --pods-per-core).
 * The group's max pods is the lowest across its instance types (BP prefix-mode_linux: "the lowest maximum pod count of
 * any single instance type").
 */
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import {
  HOST_NETWORK_PODS,
  computeMaxPodsResolved,
  resolveMaxPodsOptions,
  type Launcher,
  type MaxPodsOptions,
  type MaxPodsResult,
  type NodeOs,
  type ResolvedCniPool,
  type ResolvedMaxPodsOptions,
} from '../capacity/index.js';
import { PlanningError } from '../errors/planning-error.js';
import type { Finding } from '../findings/finding.js';
import type { NodeGroup } from '../spec/design-spec.types.js';
import { CAPACITY_WARNING_FIX, CAPACITY_WARNING_SEVERITY } from './plan-finding.codes.js';
import type { PlanContext } from './plan-context.js';
import type { InstanceTypePlan } from './plan.types.js';

export interface TypeCapacity {
  type: InstanceTypeRecord;
  typeIndex: number;
  result: MaxPodsResult;
  /** The kubelet maxPods, after a kubelet podsPerCore the launcher model does not apply. */
  kubeletMaxPods: number;
  effectivePods: number;
  /** The CNI pool settings a node of this type runs with. */
  pool: ResolvedCniPool;
}

export interface GroupCapacity {
  group: NodeGroup;
  index: number;
  launcher: Launcher;
  os: NodeOs;
  fargate: boolean;
  /** Instance types that can run (empty for Fargate). */
  types: TypeCapacity[];
  instanceTypePlans: InstanceTypePlan[];
  /** False when an EC2 group has no instance type that can run: nothing is charged for it. */
  plannable: boolean;
  kubeletMaxPods: number | null;
  effectiveMaxPods: number | null;
  /** aws-node and kube-proxy: host-network pods on every Linux node outside Auto Mode (the formula's +2). */
  hostDaemonsPerNode: number;
  /** Pod addresses per node (lowest across types); null when addresses do not limit pods (IPv6). */
  ipRoomPerNode: number | null;
  /** Branch-ENI pods per node (lowest across types); 0 when off; null when unknown. */
  branchRoomPerNode: number | null;
  /** Security groups for pods are on for this group's nodes (Linux, EC2, not Auto Mode). */
  securityGroupsForPods: boolean;
}

export interface CapacityPools {
  /** The design's CNI settings. */
  cluster: ResolvedCniPool;
  /** EKS Auto Mode manages its own networking: prefix delegation with the CNI's default warm targets. */
  autoMode: ResolvedCniPool;
}

export function launcherFor(group: NodeGroup): Launcher {
  switch (group.kind) {
    case 'MANAGED':
      return 'MANAGED_NODE_GROUP';
    case 'KARPENTER':
      return 'KARPENTER';
    case 'AUTO_MODE':
      return 'AUTO_MODE';
    case 'FARGATE':
      return 'FARGATE';
    case 'SELF_MANAGED':
      return group.amiFamily === 'AL2' || group.amiFamily === 'BOTTLEROCKET'
        ? 'ENI_FORMULA'
        : group.amiFamily === 'WINDOWS'
          ? 'CALCULATOR'
          : 'NODEADM';
  }
}

export function osFor(group: NodeGroup): NodeOs {
  return group.amiFamily === 'WINDOWS' ? 'WINDOWS' : 'LINUX';
}

/** Memoises resolved options and max-pods results across node groups with the same settings. */
export class CapacityMemo {
  public readonly options = new Map<string, ResolvedMaxPodsOptions | PlanningError>();
  public readonly results = new Map<string, MaxPodsResult | PlanningError>();
}

export function planGroupCapacity(
  group: NodeGroup,
  index: number,
  context: PlanContext,
  pools: CapacityPools,
  memo: CapacityMemo,
  findings: Finding[],
): GroupCapacity {
  const launcher = launcherFor(group);
  const os = osFor(group);
  const base: GroupCapacity = {
    group,
    index,
    launcher,
    os,
    fargate: group.kind === 'FARGATE',
    types: [],
    instanceTypePlans: [],
    plannable: true,
    kubeletMaxPods: null,
    effectiveMaxPods: null,
    hostDaemonsPerNode: 0,
    ipRoomPerNode: null,
    branchRoomPerNode: 0,
    securityGroupsForPods: false,
  };
  if (base.fargate) return { ...base, kubeletMaxPods: 1, effectiveMaxPods: 1, ipRoomPerNode: 1 };

  const spec = context.spec;
  const autoMode = group.kind === 'AUTO_MODE';
  const linux = os === 'LINUX';
  const ipv6 = spec.ipFamily === 'IPV6';
  const clusterPool = pools.cluster;
  const customNetworking = linux && !autoMode && !ipv6 && clusterPool.customNetworking;
  const groupWantsSgp = linux && !autoMode && clusterPool.securityGroupsForPods;
  const path = `nodeGroups[${index}]`;
  const warnings = new CapacityWarnings(group, index);
  const applyKubeletPodsPerCore = group.podsPerCore !== undefined && group.podsPerCore > 0 && launcher !== 'KARPENTER';
  if (applyKubeletPodsPerCore && (autoMode || group.amiFamily === 'BOTTLEROCKET')) {
    findings.push({
      code: 'PODS_PER_CORE_IGNORED',
      severity: 'INFO',
      path: `${path}.podsPerCore`,
      message: `podsPerCore is not applied to node group ${group.name}: ${autoMode ? 'EKS Auto Mode does not let you configure the kubelet' : 'Bottlerocket has no podsPerCore setting'}.`,
      fix: 'Remove podsPerCore, or set maxPods instead.',
    });
  }

  const types: TypeCapacity[] = [];
  const plans: InstanceTypePlan[] = [];
  const reportedOptionErrors = new Set<string>();
  group.instanceTypes.forEach((name, typeIndex) => {
    const type = context.instanceType(name);
    if (!type) {
      findings.push({
        code: 'INSTANCE_TYPE_UNKNOWN',
        severity: 'ERROR',
        path: `${path}.instanceTypes[${typeIndex}]`,
        message: `Instance type ${name} of node group ${group.name} is not in the ${spec.catalog ?? 'aws'} catalog; the plan skips it.`,
        fix: 'Use an instance type of the catalog, or add it to the catalog.',
      });
      plans.push(unsupportedPlan(name, 'INSTANCE_TYPE_UNKNOWN'));
      return;
    }
    // A type that cannot attach a trunk ENI runs without security groups for pods (its pods with pod SGs cannot land there).
    const sgp = groupWantsSgp && type.trunkingCompatible !== false;
    const options: MaxPodsOptions = {
      launcher,
      os,
      ipFamily: spec.ipFamily,
      amiFamily: group.amiFamily,
      // IPv6 forces prefix mode; Auto Mode defaults to it; Windows prefix mode is a separate setting the design lacks.
      prefixDelegation: ipv6 || autoMode ? undefined : linux ? clusterPool.prefixDelegation : false,
      customNetworking,
      securityGroupsForPods: sgp,
      cniVersion: autoMode ? undefined : clusterPool.version.text,
      maxEnis: autoMode ? undefined : clusterPool.maxEni,
      kubeletMaxPods: group.maxPods,
      podsPerCore: launcher === 'KARPENTER' ? group.podsPerCore : undefined,
      reservedEnis: launcher === 'KARPENTER' && linux && !ipv6 ? reservedEnis(customNetworking, sgp) : undefined,
    };
    const resolved = memoised(memo.options, optionsKey(options), () => resolveMaxPodsOptions(options));
    if (resolved instanceof PlanningError) {
      // The group's settings themselves are impossible (e.g. Auto Mode with a Windows AMI): say it once for the group.
      if (!reportedOptionErrors.has(resolved.code)) {
        reportedOptionErrors.add(resolved.code);
        const about = resolved.details[0]?.path;
        findings.push({
          code: resolved.code,
          severity: 'ERROR',
          path: about === 'os' || about === 'amiFamily' ? `${path}.amiFamily` : path,
          message: `Node group ${group.name} cannot run as configured: ${resolved.message}`,
          fix: 'Change the node group kind or AMI family, or the cluster setting the message names.',
        });
      }
      plans.push(unsupportedPlan(name, resolved.code));
      return;
    }
    const result = memoised(memo.results, `${optionsKey(options)}|${name}`, () => computeMaxPodsResolved(type, resolved));
    if (result instanceof PlanningError) {
      findings.push({
        code: result.code,
        severity: 'ERROR',
        path: `${path}.instanceTypes[${typeIndex}]`,
        message: `${name} cannot run in node group ${group.name}: ${result.message}`,
        fix: 'Change the instance type or the setting the message names.',
      });
      plans.push(unsupportedPlan(name, result.code));
      return;
    }
    let kubeletMaxPods = result.maxPods;
    if (applyKubeletPodsPerCore && !autoMode && group.amiFamily !== 'BOTTLEROCKET' && type.vcpu !== null) {
      kubeletMaxPods = Math.min(kubeletMaxPods, group.podsPerCore! * type.vcpu);
    }
    const effectivePods = result.ipLimitedPods === null ? kubeletMaxPods : Math.min(kubeletMaxPods, result.ipLimitedPods);
    const pool: ResolvedCniPool = autoMode
      ? pools.autoMode
      : { ...clusterPool, prefixDelegation: options.prefixDelegation ?? true, customNetworking, securityGroupsForPods: sgp, warnings: [] };
    types.push({ type, typeIndex, result, kubeletMaxPods, effectivePods, pool });
    warnings.add(result, typeIndex, kubeletMaxPods);
    plans.push({
      instanceType: name,
      supported: true,
      unsupportedCode: null,
      launcher: result.launcher,
      maxPods: kubeletMaxPods,
      ipLimitedPods: result.ipLimitedPods,
      effectivePods,
      branchEniPods: result.branchEniPods,
      cap: result.cap,
      capApplied: result.capApplied,
      kubeReservedMemoryMiB: result.kubeReservedMemoryMiB,
      kubeReservedCpuMillicores: result.kubeReservedCpuMillicores,
      podAddressMode: result.podAddressMode,
    });
  });
  findings.push(...warnings.findings());

  if (types.length === 0) {
    findings.push({
      code: 'NODE_GROUP_NOT_PLANNABLE',
      severity: 'ERROR',
      path: `${path}.instanceTypes`,
      message: `No instance type of node group ${group.name} can run in this design, so its pod capacity and subnet addresses are not planned.`,
      fix: 'Give the node group at least one instance type that the findings above do not rule out.',
    });
    return { ...base, instanceTypePlans: plans, plannable: false };
  }
  const hostDaemonsPerNode = linux && !autoMode ? HOST_NETWORK_PODS : 0;
  return {
    ...base,
    types,
    instanceTypePlans: plans,
    kubeletMaxPods: lowest(types.map((t) => t.kubeletMaxPods)),
    effectiveMaxPods: lowest(types.map((t) => t.effectivePods)),
    hostDaemonsPerNode,
    // The ENI formula counts the 2 host-network daemons as pods; Windows counts pod addresses only.
    ipRoomPerNode: lowest(
      types.map((t) => (t.result.ipLimitedPods === null ? null : t.result.ipLimitedPods - (linux ? HOST_NETWORK_PODS : 0))),
    ),
    branchRoomPerNode: groupWantsSgp ? lowest(types.map((t) => (t.pool.securityGroupsForPods ? t.result.branchEniPods : 0))) : 0,
    securityGroupsForPods: groupWantsSgp,
  };
}

/**
 * Pods per node that can get a VPC address without a branch ENI: the kubelet maxPods less the host-network daemons,
 * capped by the node's pod addresses (branch-ENI pods are reported apart, they only serve pods with security groups).
 */
export function podIpSlotsPerNode(capacity: GroupCapacity): number | null {
  if (capacity.fargate) return 1;
  if (!capacity.plannable || capacity.kubeletMaxPods === null) return null;
  const kubeletRoom = Math.max(0, capacity.kubeletMaxPods - capacity.hostDaemonsPerNode);
  return capacity.ipRoomPerNode === null ? kubeletRoom : Math.min(kubeletRoom, capacity.ipRoomPerNode);
}

/** Karpenter settings docs: RESERVED_ENIS 1 for custom networking, 1 for the security-groups-for-pods trunk ENI. */
function reservedEnis(customNetworking: boolean, securityGroupsForPods: boolean): number | undefined {
  const count = (customNetworking ? 1 : 0) + (securityGroupsForPods ? 1 : 0);
  return count > 0 ? count : undefined;
}

function lowest(values: ReadonlyArray<number | null>): number | null {
  let min: number | null = null;
  for (const value of values) if (value !== null && (min === null || value < min)) min = value;
  return min;
}

function optionsKey(options: MaxPodsOptions): string {
  return [
    options.launcher,
    options.os,
    options.ipFamily,
    options.amiFamily,
    options.prefixDelegation,
    options.customNetworking,
    options.securityGroupsForPods,
    options.cniVersion,
    options.maxEnis,
    options.kubeletMaxPods,
    options.podsPerCore,
    options.reservedEnis,
  ].join('|');
}

function memoised<T>(cache: Map<string, T | PlanningError>, key: string, compute: () => T): T | PlanningError {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let value: T | PlanningError;
  try {
    value = compute();
  } catch (error) {
    if (!(error instanceof PlanningError)) throw error;
    value = error;
  }
  cache.set(key, value);
  return value;
}

function unsupportedPlan(instanceType: string, code: string): InstanceTypePlan {
  return {
    instanceType,
    supported: false,
    unsupportedCode: code,
    launcher: null,
    maxPods: null,
    ipLimitedPods: null,
    effectivePods: null,
    branchEniPods: null,
    cap: null,
    capApplied: false,
    kubeReservedMemoryMiB: null,
    kubeReservedCpuMillicores: null,
    podAddressMode: null,
  };
}

/** The capacity engine's warnings for a group's instance types, one finding per code (listing the types it affects). */
class CapacityWarnings {
  private readonly byKey = new Map<string, { code: string; message: string; typeIndexes: number[] }>();

  public constructor(
    private readonly group: NodeGroup,
    private readonly index: number,
  ) {}

  public add(result: MaxPodsResult, typeIndex: number, kubeletMaxPods: number): void {
    for (const warning of result.warnings) {
      // Option-level warnings say the same for every type; type-level ones are merged per code.
      const key = warning.code === 'OPTION_IGNORED' ? `${warning.code}|${warning.message}` : warning.code;
      const entry = this.byKey.get(key);
      if (entry) entry.typeIndexes.push(typeIndex);
      else this.byKey.set(key, { code: warning.code, message: warning.message, typeIndexes: [typeIndex] });
    }
    // A kubelet podsPerCore may bring maxPods under the address limit: the engine's warning then no longer holds.
    if (kubeletMaxPods !== result.maxPods && result.ipLimitedPods !== null && kubeletMaxPods <= result.ipLimitedPods) {
      const entry = this.byKey.get('MAX_PODS_EXCEEDS_POD_IPS');
      if (entry) entry.typeIndexes = entry.typeIndexes.filter((i) => i !== typeIndex);
    }
  }

  public findings(): Finding[] {
    const path = `nodeGroups[${this.index}]`;
    const findings: Finding[] = [];
    for (const { code, message, typeIndexes } of this.byKey.values()) {
      if (typeIndexes.length === 0) continue;
      const names = typeIndexes.map((i) => this.group.instanceTypes[i]);
      const others = names.length > 1 ? ` Also affects ${names.slice(1).join(', ')}.` : '';
      let where = typeIndexes.length === 1 || this.group.instanceTypes.length === 1 ? `${path}.instanceTypes[${typeIndexes[0]}]` : path;
      if ((code === 'MAX_PODS_EXCEEDS_POD_IPS' || code === 'MANAGED_NODE_GROUP_OVERRIDES_MAX_PODS') && this.group.maxPods !== undefined) {
        where = `${path}.maxPods`;
      } else if (code === 'OPTION_IGNORED') {
        where = path;
      }
      findings.push({
        code,
        severity: CAPACITY_WARNING_SEVERITY[code] ?? 'INFO',
        path: where,
        message: `Node group ${this.group.name}: ${message}${others}`,
        ...(CAPACITY_WARNING_FIX[code] ? { fix: CAPACITY_WARNING_FIX[code] } : {}),
      });
    }
    return findings;
  }
}
