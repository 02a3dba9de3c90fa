/**
 * How many pods can really get an address on a node in a given CNI mode — independent of what the kubelet is told.
 * This is what the AMI defaults miss under custom networking and security groups for pods
 * (aws/amazon-vpc-cni-k8s#331, awslabs/amazon-eks-ami#375 and #2051; capacity.md §3, §9).
 */
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import { SOURCES } from './capacity-sources.js';
import type { PodAddressMode } from './capacity.types.js';
import type { CalculationLog } from './calculation-log.js';
import {
  cniSupportsBareMetalPrefixDelegation,
  cniSupportsPrefixDelegation,
  cniTrunkEniHasNoPodIps,
  type CniVersion,
} from './cni-version.js';
import type { ResolvedMaxPodsOptions } from './max-pods-options.js';

/** Addresses in one /28 prefix (ipamd GetPrefixDelegationDefaults; calculator IPS_PER_PREFIX). */
export const IPS_PER_PREFIX = 16;
/** The ENI formula's +2: aws-node and kube-proxy use host networking and take no pod IP. */
export const HOST_NETWORK_PODS = 2;

export interface PrefixDelegationSupport {
  applies: boolean;
  /** Why a requested prefix delegation does not apply, as a warning. */
  fallback?: { code: string; message: string };
}

/**
 * Whether the CNI really hands out /28 prefixes on this instance type (Linux): `IsPrefixDelegationSupported` is
 * `hypervisor == nitro || IsBareMetal`; otherwise ipamd logs a warning and falls back to secondary IPs (ipamd.go).
 */
export function linuxPrefixDelegationSupport(type: InstanceTypeRecord, version: CniVersion, requested: boolean): PrefixDelegationSupport {
  if (!requested) return { applies: false };
  if (!cniSupportsPrefixDelegation(version)) {
    return {
      applies: false,
      fallback: {
        code: 'PREFIX_DELEGATION_REQUIRES_CNI_1_9',
        message: `Prefix delegation needs VPC CNI 1.9.0 or later (got ${version.text}); secondary IPs are used (${SOURCES.cniReadme}).`,
      },
    };
  }
  if (type.hypervisor === 'NITRO') return { applies: true };
  if (type.bareMetal) {
    if (cniSupportsBareMetalPrefixDelegation(version)) return { applies: true };
    return {
      applies: false,
      fallback: {
        code: 'PREFIX_DELEGATION_BARE_METAL_REQUIRES_CNI_1_11',
        message: `Prefix delegation on bare-metal ${type.name} needs VPC CNI 1.11 or later (got ${version.text}); secondary IPs are used (${SOURCES.cniReadme}).`,
      },
    };
  }
  return {
    applies: false,
    fallback: {
      code: 'PREFIX_DELEGATION_UNSUPPORTED_INSTANCE',
      message: `${type.name} is not a Nitro or bare-metal instance (hypervisor ${type.hypervisor}); the CNI logs a warning and falls back to secondary IPs (${SOURCES.cniIpamd}).`,
    },
  };
}

/** Windows prefix mode is handed out by the VPC resource controller on Nitro instances only. */
export function windowsPrefixDelegationSupport(type: InstanceTypeRecord, requested: boolean): PrefixDelegationSupport {
  if (!requested) return { applies: false };
  if (type.hypervisor === 'NITRO') return { applies: true };
  return {
    applies: false,
    fallback: {
      code: 'PREFIX_DELEGATION_UNSUPPORTED_INSTANCE',
      message: `Windows prefix delegation needs a Nitro instance; ${type.name} (hypervisor ${type.hypervisor}) uses secondary IPs (${SOURCES.bpPrefixWindows}).`,
    },
  };
}

export interface PodIpCapacity {
  mode: PodAddressMode;
  /** ENIs whose addresses pods can use. */
  podEnis: number;
  /** Pod addresses per such ENI (secondary IPs, or prefixes × 16). */
  addressesPerPodEni: number;
  /** Null when addresses do not limit pods (IPv6). */
  ipLimitedPods: number | null;
  /** 0 without security groups for pods; null when the branch ENI limit is unknown. */
  branchEniPods: number | null;
}

export interface CapacityContext {
  type: InstanceTypeRecord;
  options: ResolvedMaxPodsOptions;
  log: CalculationLog;
}

export function podIpCapacity({ type, options, log }: CapacityContext): PodIpCapacity {
  if (options.launcher === 'FARGATE') {
    log.step('pod IPs: a Fargate pod has its own ENI and one address', 1, SOURCES.ugFargate);
    return { mode: 'FARGATE', podEnis: 1, addressesPerPodEni: 1, ipLimitedPods: 1, branchEniPods: 0 };
  }
  const addresses = addressCapacity({ type, options, log });
  return { ...addresses, branchEniPods: branchPods({ type, options, log }) };
}

type AddressCapacity = Omit<PodIpCapacity, 'branchEniPods'>;

function addressCapacity(context: CapacityContext): AddressCapacity {
  if (context.options.ipFamily === 'IPV6') {
    context.log.step(
      'pod IPs: IPv6 assigns one /80 prefix (2^48 addresses) to the primary ENI; addresses do not limit pods',
      1,
      SOURCES.bpIpv6,
    );
    return { mode: 'IPV6_PREFIX', podEnis: 1, addressesPerPodEni: Number.POSITIVE_INFINITY, ipLimitedPods: null };
  }
  return context.options.os === 'WINDOWS' ? windowsCapacity(context) : linuxIpv4Capacity(context);
}

function linuxIpv4Capacity({ type, options, log }: CapacityContext): AddressCapacity {
  let enis = log.step('pod IPs: ENIs on the default network card', type.maxEnis, SOURCES.cniLimits);
  if (options.maxEnis !== undefined) {
    enis = log.step(`pod IPs: MAX_ENI ${options.maxEnis} caps attached ENIs`, Math.min(options.maxEnis, enis), SOURCES.cniReadme);
  }
  if (options.customNetworking) {
    enis = log.step('pod IPs: custom networking — the primary ENI gets no pod IPs', enis - 1, SOURCES.cniDatastore);
  }
  if (options.securityGroupsForPods) {
    if (cniTrunkEniHasNoPodIps(options.cniVersion)) {
      enis = log.step(
        'pod IPs: security groups for pods — the trunk ENI takes an ENI slot and, since CNI 1.16.4, no pod IPs',
        enis - 1,
        SOURCES.cniTrunkNoIps,
      );
    } else {
      log.step(`pod IPs: CNI ${options.cniVersion.text} < 1.16.4 still places pod IPs on the trunk ENI`, enis, SOURCES.cniTrunkNoIps);
    }
  }
  const podEnis = Math.max(0, enis);
  const slots = log.step(
    'pod IPs: secondary slots per ENI (IPv4 per ENI − 1, the primary is not used for pods)',
    type.ipv4PerEni - 1,
    SOURCES.cniAwsUtils,
  );
  const prefixes = linuxPrefixDelegationSupport(type, options.cniVersion, options.prefixDelegation);
  if (prefixes.fallback) log.warn(prefixes.fallback.code, prefixes.fallback.message);
  const addressesPerPodEni = prefixes.applies
    ? log.step('pod IPs: prefix delegation — each slot holds a /28 (16 addresses)', slots * IPS_PER_PREFIX, SOURCES.cniPrefixTargetDoc)
    : slots;
  const ipLimitedPods = log.step(
    `pod IPs: ${podEnis} ENIs × ${addressesPerPodEni} + ${HOST_NETWORK_PODS} host-network pods`,
    podEnis * addressesPerPodEni + HOST_NETWORK_PODS,
    SOURCES.cniGenerator,
  );
  return { mode: prefixes.applies ? 'PREFIX_DELEGATION' : 'SECONDARY_IP', podEnis, addressesPerPodEni, ipLimitedPods };
}

function windowsCapacity({ type, options, log }: CapacityContext): AddressCapacity {
  const slots = log.step('pod IPs: Windows uses the primary ENI only — IPv4 per ENI − 1', type.ipv4PerEni - 1, SOURCES.bpWindowsNetworking);
  const prefixes = windowsPrefixDelegationSupport(type, options.prefixDelegation);
  if (prefixes.fallback) log.warn(prefixes.fallback.code, prefixes.fallback.message);
  const ipLimitedPods = prefixes.applies
    ? log.step('pod IPs: Windows prefix delegation — (IPv4 per ENI − 1) × 16', slots * IPS_PER_PREFIX, SOURCES.resourceControllerPrefix)
    : log.step('pod IPs: Windows secondary IPs (vpc.amazonaws.com/PrivateIPv4Address)', slots, SOURCES.resourceControllerIp);
  return { mode: prefixes.applies ? 'PREFIX_DELEGATION' : 'SECONDARY_IP', podEnis: 1, addressesPerPodEni: ipLimitedPods, ipLimitedPods };
}

/** Branch-ENI pods are additive to IP pods but still count toward the kubelet's maxPods (BP sgpp). */
function branchPods({ type, options, log }: CapacityContext): number | null {
  if (!options.securityGroupsForPods) return 0;
  if (type.branchInterfaces === null || type.trunkingCompatible === null) {
    log.warn(
      'TRUNKING_SUPPORT_UNKNOWN',
      `${type.name} is not in the VPC resource controller's limits table; whether it supports security groups for pods (and how many branch ENIs) is unknown (${SOURCES.resourceControllerLimits}).`,
    );
    return null;
  }
  return log.step('branch-ENI pods (vpc.amazonaws.com/pod-eni)', type.branchInterfaces, SOURCES.resourceControllerLimits);
}
