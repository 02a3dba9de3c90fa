/**
 * Karpenter (aws/karpenter-provider-aws pkg/providers/instancetype/types.go `pods`, capacity.md §2.7):
 * EC2NodeClass kubelet maxPods, else ENILimitedPods(RESERVED_ENIS) for AL2/AL2023/Bottlerocket, else 110 (Windows);
 * then min(podsPerCore × vCPUs, pods) unless the AMI family ignores podsPerCore (Bottlerocket). No 110/250 cap and
 * not prefix-delegation aware (aws/karpenter-provider-aws#8210).
 */
import { SOURCES } from '../capacity-sources.js';
import { cniTrunkEniHasNoPodIps } from '../cni-version.js';
import { defaultCardEnis, eniFormula, ipv4PerEni } from './eni-formula.launcher.js';
import { uncapped, type LauncherContext, type LauncherOutcome } from './launcher.types.js';

export const KARPENTER_WINDOWS_PODS = 110;

export function karpenterMaxPods(context: LauncherContext): LauncherOutcome {
  const { type, options, log } = context;
  const family = options.amiFamily;
  let pods: number;
  if (options.kubeletMaxPods !== undefined) {
    pods = log.step('EC2NodeClass spec.kubelet.maxPods', options.kubeletMaxPods, SOURCES.karpenter);
  } else if (family !== 'WINDOWS') {
    pods = eniLimitedPods(context);
    adviseReservedEnis(context);
  } else {
    pods = log.step('Windows AMI family: no ENI-limited pod density, 110 pods', KARPENTER_WINDOWS_PODS, SOURCES.karpenterAmiFamilies);
  }
  const podsPerCore = options.podsPerCore ?? 0;
  if (podsPerCore > 0) {
    if (family === 'BOTTLEROCKET') {
      log.warn('PODS_PER_CORE_IGNORED', 'Bottlerocket has no podsPerCore setting, so Karpenter ignores podsPerCore for this AMI family.');
    } else if (type.vcpu === null) {
      log.warn('VCPU_UNKNOWN', `The vCPU count of ${type.name} is not in the catalog; podsPerCore cannot be applied here.`);
    } else {
      pods = log.step(
        `podsPerCore: min(${podsPerCore} × ${type.vcpu} vCPUs, ${pods})`,
        Math.min(podsPerCore * type.vcpu, pods),
        SOURCES.karpenter,
      );
    }
  }
  return { ...uncapped(pods), ...reservedMemoryPods(context, pods) };
}

/**
 * kube-reserved memory: the AL2/AL2023 (default) families set UsesENILimitedMemoryOverhead, so Karpenter reserves for
 * ENILimitedPods with 0 reserved ENIs, whatever maxPods, podsPerCore or RESERVED_ENIS say; Bottlerocket and Windows
 * reserve for the pods they run.
 */
function reservedMemoryPods(context: LauncherContext, pods: number): Pick<LauncherOutcome, 'reservedMemoryPods'> {
  const family = context.options.amiFamily;
  if (family === 'BOTTLEROCKET' || family === 'WINDOWS') return {};
  const eniLimited = usableEniPods(context, 0, context.options.efaOnlyInterfaces ?? 0);
  if (eniLimited === pods) return {};
  return {
    reservedMemoryPods: {
      pods: eniLimited,
      rule: `${family} uses the ENI-limited memory overhead: ENILimitedPods with 0 reserved ENIs (${eniLimited}), not the ${pods} pods`,
      source: `${SOURCES.karpenterKubeReserved}; ${SOURCES.karpenterMemoryOverheadFlags}`,
    },
  };
}

/** ENILimitedPods: max(default-card ENIs − reserved − EFA-only on card 0, 0) × (IPv4 per ENI − 1) + 2, or 0. */
function usableEniPods(context: LauncherContext, reserved: number, efaOnly: number): number {
  const usable = Math.max(context.type.maxEnis - reserved - efaOnly, 0);
  return usable === 0 ? 0 : eniFormula(usable, context.type.ipv4PerEni);
}

function eniLimitedPods(context: LauncherContext): number {
  const { type, options, log } = context;
  const enis = defaultCardEnis(context);
  const reserved = options.reservedEnis ?? 0;
  const efaOnly = options.efaOnlyInterfaces ?? 0;
  const taken = [reserved > 0 ? `RESERVED_ENIS ${reserved}` : '', efaOnly > 0 ? `${efaOnly} EFA-only on network card 0` : '']
    .filter(Boolean)
    .join(' and ');
  const usable =
    reserved + efaOnly > 0
      ? log.step(
          `${taken}: usable ENIs = max(ENIs − ${reserved + efaOnly}, 0)`,
          Math.max(enis - reserved - efaOnly, 0),
          efaOnly > 0 ? SOURCES.karpenterEniLimitedPods : SOURCES.karpenterSettings,
        )
      : enis;
  const ips = ipv4PerEni(context);
  if (usable === 0) {
    log.warn(
      'KARPENTER_NO_USABLE_ENIS',
      `With ${taken}, no ENI of ${type.name} is left for pods; Karpenter computes 0 pods and will not launch it.`,
    );
    return log.step('ENILimitedPods: no usable ENI → 0 pods', 0, SOURCES.karpenter);
  }
  return log.step('ENILimitedPods: usable ENIs × (IPv4 per ENI − 1) + 2', eniFormula(usable, ips), SOURCES.karpenter);
}

/** Karpenter docs: RESERVED_ENIS=1 for custom networking, and 1 for the security-groups-for-pods trunk ENI. */
function adviseReservedEnis({ options, log }: LauncherContext): void {
  const needed = (options.customNetworking ? 1 : 0) + (options.securityGroupsForPods && cniTrunkEniHasNoPodIps(options.cniVersion) ? 1 : 0);
  const reserved = options.reservedEnis ?? 0;
  if (options.os === 'LINUX' && options.ipFamily === 'IPV4' && reserved < needed) {
    log.warn(
      'KARPENTER_RESERVED_ENIS_RECOMMENDED',
      `Set RESERVED_ENIS to ${needed} (1 for custom networking, 1 for the security-groups-for-pods trunk ENI) so Karpenter does not count ENIs that carry no pod IPs (${SOURCES.karpenterSettings}).`,
    );
  }
}
