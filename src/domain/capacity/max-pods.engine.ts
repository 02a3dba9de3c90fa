/**
 * Max pods per node (docs/api.md GET /v1/capacity/max-pods; capacity.md §2–§4).
 * `maxPods` is what the chosen launcher tells the kubelet; `ipLimitedPods` is how many pods can really get an address
 * in the chosen CNI mode. Pure: no I/O, one call per instance type, options validated once for a whole table.
 */
import { InvalidInputError } from '../errors/planning-error.js';
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import { SOURCES } from './capacity-sources.js';
import type { Launcher, MaxPodsOptions, MaxPodsResult } from './capacity.types.js';
import { CalculationLog } from './calculation-log.js';
import { kubeReservedCpuMillicores, kubeReservedMemoryMiB } from './kube-reserved.js';
import { autoModeMaxPods } from './launchers/auto-mode.launcher.js';
import { calculatorMaxPods } from './launchers/calculator.launcher.js';
import { eniFormulaMaxPods } from './launchers/eni-formula.launcher.js';
import { fargateMaxPods } from './launchers/fargate.launcher.js';
import { karpenterMaxPods } from './launchers/karpenter.launcher.js';
import type { LauncherContext, LauncherOutcome } from './launchers/launcher.types.js';
import { managedNodeGroupMaxPods } from './launchers/managed-node-group.launcher.js';
import { nodeadmMaxPods } from './launchers/nodeadm.launcher.js';
import { windowsKubeletMaxPods } from './launchers/windows.launcher.js';
import { resolveMaxPodsOptions, type ResolvedMaxPodsOptions } from './max-pods-options.js';
import { podIpCapacity, type PodIpCapacity } from './pod-ip-capacity.js';

export function computeMaxPods(instanceType: InstanceTypeRecord, options: MaxPodsOptions = {}): MaxPodsResult {
  return computeMaxPodsResolved(instanceType, resolveMaxPodsOptions(options));
}

export interface MaxPodsTableSkip {
  instanceType: string;
  code: string;
  message: string;
}

export interface MaxPodsTable {
  items: MaxPodsResult[];
  /** Instance types the option combination cannot run on (e.g. security groups for pods on the t family). */
  skipped: MaxPodsTableSkip[];
}

/** One result per instance type; options are validated and the CEL expression compiled once for the whole table. */
export function computeMaxPodsTable(types: Iterable<InstanceTypeRecord>, options: MaxPodsOptions = {}): MaxPodsTable {
  const resolved = resolveMaxPodsOptions(options);
  const items: MaxPodsResult[] = [];
  const skipped: MaxPodsTableSkip[] = [];
  for (const type of types) {
    try {
      items.push(computeMaxPodsResolved(type, resolved));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      skipped.push({ instanceType: type.name, code: error.code, message: error.message });
    }
  }
  return { items, skipped };
}

/** For callers that resolve options themselves (the subnet-usage engine, the design plan). */
export function computeMaxPodsResolved(type: InstanceTypeRecord, options: ResolvedMaxPodsOptions): MaxPodsResult {
  rejectUnsupportedInstance(type, options);
  const log = new CalculationLog(options.warnings);
  const capacityLog = new CalculationLog();
  const capacity = podIpCapacity({ type, options, log: capacityLog });
  const context: LauncherContext = { type, options, log, capacity };

  let outcome = launch(context);
  if (options.kubeletMaxPods !== undefined && (options.launcher === 'ENI_FORMULA' || options.launcher === 'CALCULATOR')) {
    const maxPods = log.step(
      'kubelet maxPods set explicitly (--max-pods / kubelet config) takes precedence',
      options.kubeletMaxPods,
      SOURCES.ugMaxPods,
    );
    outcome = { maxPods, uncappedMaxPods: maxPods, cap: null, capApplied: false };
  }

  log.steps.push(...capacityLog.steps);
  for (const warning of capacityLog.warnings) log.warn(warning.code, warning.message);
  adviseOnMismatch(context, outcome);

  const ec2Linux = options.launcher !== 'FARGATE' && options.os === 'LINUX';
  const memory = ec2Linux ? reservedMemory(log, outcome) : null;
  const cpu =
    ec2Linux && type.vcpu !== null
      ? log.step(
          `kube-reserved CPU for ${type.vcpu} vCPUs (6% / 1% / 0.5% / 0.25% bands), millicores`,
          kubeReservedCpuMillicores(type.vcpu),
          SOURCES.nodeadmKubeReservedCpu,
        )
      : null;

  return {
    instanceType: type.name,
    launcher: options.launcher,
    os: options.os,
    ipFamily: options.ipFamily,
    maxPods: outcome.maxPods,
    uncappedMaxPods: outcome.uncappedMaxPods,
    ipLimitedPods: capacity.ipLimitedPods,
    effectivePods: capacity.ipLimitedPods === null ? outcome.maxPods : Math.min(outcome.maxPods, capacity.ipLimitedPods),
    cap: outcome.cap,
    capApplied: outcome.capApplied,
    branchEniPods: capacity.branchEniPods,
    kubeReservedMemoryMiB: memory,
    kubeReservedCpuMillicores: cpu,
    podAddressMode: capacity.mode,
    podEnis: capacity.podEnis,
    steps: log.steps,
    warnings: log.warnings,
  };
}

/** 11 × pods + 255 MiB, for the pods the launcher reserves for (its own value where a kubelet override differs). */
function reservedMemory(log: CalculationLog, outcome: LauncherOutcome): number {
  const basis = outcome.reservedMemoryPods;
  const pods = basis ? log.step(basis.rule, basis.pods, basis.source) : outcome.maxPods;
  return log.step(`kube-reserved memory: 11 × ${pods} + 255 MiB`, kubeReservedMemoryMiB(pods), SOURCES.nodeadmKubeReserved);
}

function launch(context: LauncherContext): LauncherOutcome {
  const { launcher, os } = context.options;
  if (os === 'WINDOWS' && launcher !== 'KARPENTER') return windowsKubeletMaxPods(context);
  switch (launcher) {
    case 'ENI_FORMULA':
      return eniFormulaMaxPods(context);
    case 'CALCULATOR':
      return calculatorMaxPods(context, context.options.showMaxAllowed);
    case 'MANAGED_NODE_GROUP':
      return managedNodeGroupMaxPods(context);
    case 'NODEADM':
      return nodeadmMaxPods(context);
    case 'KARPENTER':
      return karpenterMaxPods(context);
    case 'AUTO_MODE':
      return autoModeMaxPods(context);
    case 'FARGATE':
      return fargateMaxPods(context);
  }
}

/** Instance-dependent impossibilities: each code names the rule (capacity.md §2.11, §3, §4). */
function rejectUnsupportedInstance(type: InstanceTypeRecord, options: ResolvedMaxPodsOptions): void {
  if (!Number.isInteger(type.maxEnis) || type.maxEnis < 1 || !Number.isInteger(type.ipv4PerEni) || type.ipv4PerEni < 1) {
    throw new InvalidInputError(
      'INVALID_INSTANCE_TYPE',
      `${type.name} needs maxEnis ≥ 1 and ipv4PerEni ≥ 1 (got ${type.maxEnis}, ${type.ipv4PerEni}).`,
      [{ path: 'instanceType', message: 'invalid ENI limits' }],
    );
  }
  if (options.launcher === 'FARGATE') return;
  if (options.securityGroupsForPods && type.trunkingCompatible === false) {
    const tFamily = /^t\d/.test(type.family) ? ' No instance types in the t family are supported.' : '';
    throw new InvalidInputError(
      'SECURITY_GROUPS_FOR_PODS_INSTANCE_UNSUPPORTED',
      `${type.name} cannot attach a trunk ENI, so security groups for pods are not supported on it.${tFamily} (${SOURCES.ugSgpp}; ${SOURCES.resourceControllerLimits} IsTrunkingCompatible=false)`,
      [
        {
          path: 'securityGroupsForPods',
          message: `${type.name} is not trunking compatible`,
          code: 'SECURITY_GROUPS_FOR_PODS_INSTANCE_UNSUPPORTED',
        },
      ],
    );
  }
  if (options.ipFamily === 'IPV6' && type.hypervisor !== 'NITRO' && !type.bareMetal) {
    throw new InvalidInputError(
      'IPV6_REQUIRES_NITRO',
      `IPv6 pods need prefix assignment, which only Nitro and bare-metal instances support; ${type.name} has hypervisor ${type.hypervisor} (${SOURCES.bpIpv6}).`,
      [{ path: 'ipFamily', message: `${type.name} is not Nitro-based`, code: 'IPV6_REQUIRES_NITRO' }],
    );
  }
}

/** The kubelet value and the address capacity disagree: say which way and what to change. */
function adviseOnMismatch({ type, options, log, capacity }: LauncherContext, outcome: LauncherOutcome): void {
  const { launcher } = options;
  const ipLimited = capacity.ipLimitedPods;
  if (ipLimited !== null && outcome.maxPods > ipLimited) {
    log.warn('MAX_PODS_EXCEEDS_POD_IPS', mismatchMessage(type, options.os, outcome.maxPods, ipLimited, capacity));
  }
  const launcherIgnoresPrefixes = launcher === 'ENI_FORMULA' || launcher === 'NODEADM' || launcher === 'KARPENTER';
  const userChoseValue = options.kubeletMaxPods !== undefined || (launcher === 'NODEADM' && options.expression !== undefined);
  if (!launcherIgnoresPrefixes || userChoseValue || options.os !== 'LINUX') return;
  if (capacity.mode === 'PREFIX_DELEGATION' && ipLimited !== null && ipLimited > outcome.maxPods) {
    log.warn(
      'LAUNCHER_NOT_PREFIX_DELEGATION_AWARE',
      `${launcherName(launcher)} does not account for prefix delegation: the kubelet gets ${outcome.maxPods} while the node has addresses for ${ipLimited} pods; set maxPods yourself to use them${launcher === 'KARPENTER' ? ` (${SOURCES.karpenterPdIssue})` : ''}.`,
    );
  }
  if (capacity.mode === 'IPV6_PREFIX') {
    log.warn(
      'IPV6_MAX_PODS_NOT_RAISED',
      `In an IPv6 cluster addresses do not limit pods, but ${launcherName(launcher)} still sets the IPv4 ENI formula (${outcome.maxPods}); set maxPods yourself (${SOURCES.bpIpv6}).`,
    );
  }
}

function mismatchMessage(type: InstanceTypeRecord, os: string, maxPods: number, ipLimited: number, capacity: PodIpCapacity): string {
  if (os === 'WINDOWS') {
    return `The kubelet accepts ${maxPods} pods but ${type.name} has only ${ipLimited} pod addresses on its primary ENI; the VPC resource controller advertises ${ipLimited} vpc.amazonaws.com/PrivateIPv4Address, so further Windows pods stay Pending (${SOURCES.bpWindowsNetworking}).`;
  }
  const branch = capacity.branchEniPods ? ` (plus up to ${capacity.branchEniPods} pods on branch ENIs)` : '';
  return `The kubelet accepts ${maxPods} pods but only ${ipLimited} can get an address${branch} on ${type.name} in this CNI mode; the rest stay in ContainerCreating ("failed to assign an IP address"). Lower maxPods to ${ipLimited} or enable prefix delegation (${SOURCES.customNetworkingIssues}).`;
}

function launcherName(launcher: Launcher): string {
  switch (launcher) {
    case 'ENI_FORMULA':
      return 'The eni-max-pods.txt value (AL2 bootstrap)';
    case 'NODEADM':
      return 'nodeadm';
    case 'KARPENTER':
      return 'Karpenter';
    default:
      return launcher;
  }
}
