/**
 * max-pods-calculator.sh (awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh, capacity.md §2.2), in
 * the script's exact order: --cni-max-eni → custom networking → prefix delegation (Nitro and CNI ≥ 1.9 only) → cap
 * (250 when vCPUs > 30, else 110) unless --show-max-allowed.
 */
import { SOURCES } from '../capacity-sources.js';
import { cniSupportsPrefixDelegation } from '../cni-version.js';
import { IPS_PER_PREFIX } from '../pod-ip-capacity.js';
import { defaultCardEnis, eniFormula, ipv4PerEni } from './eni-formula.launcher.js';
import type { LauncherContext, LauncherOutcome } from './launcher.types.js';

export const MAX_POD_CEILING_FOR_LOW_CPU = 110;
export const MAX_POD_CEILING_FOR_HIGH_CPU = 250;
/** The script tests `CPU_COUNT -gt 30`: exactly 30 vCPUs gets 110. */
export const HIGH_CPU_THRESHOLD = 30;

export function calculatorMaxPods(context: LauncherContext, showMaxAllowed: boolean): LauncherOutcome {
  const { type, options, log } = context;
  const enisOnCard = defaultCardEnis(context);
  const ips = ipv4PerEni(context);
  let enis = enisOnCard;
  if (options.maxEnis !== undefined) {
    enis = log.step(`--cni-max-eni ${options.maxEnis}: min(${options.maxEnis}, ENIs)`, Math.min(options.maxEnis, enis), SOURCES.calculator);
  }
  if (options.customNetworking) {
    enis = log.step('--cni-custom-networking-enabled: ENIs − 1 (the primary ENI gets no pod IPs)', enis - 1, SOURCES.calculator);
  }
  const isNitro = type.hypervisor === 'NITRO';
  const cniHasPrefixes = cniSupportsPrefixDelegation(options.cniVersion);
  let maxPods: number;
  if (options.prefixDelegation && isNitro && cniHasPrefixes) {
    maxPods = log.step(
      'prefix delegation (Nitro, CNI ≥ 1.9): ENIs × ((IPv4 per ENI − 1) × 16) + 2',
      enis * ((ips - 1) * IPS_PER_PREFIX) + 2,
      SOURCES.calculator,
    );
  } else {
    if (options.prefixDelegation) explainPrefixDelegationNotApplied(context, isNitro, cniHasPrefixes);
    maxPods = log.step('ENIs × (IPv4 per ENI − 1) + 2', eniFormula(enis, ips), SOURCES.calculator);
  }
  if (showMaxAllowed) {
    log.step('--show-max-allowed: no cap', maxPods, SOURCES.calculator);
    return { maxPods, uncappedMaxPods: maxPods, cap: null, capApplied: false };
  }
  return applyCalculatorCap(context, maxPods);
}

/** `CPU_COUNT > 30 ? 250 : 110`, then `min(cap, max_pods)`. */
export function applyCalculatorCap({ type, log }: LauncherContext, uncappedMaxPods: number): LauncherOutcome {
  let cap: number;
  if (type.vcpu === null) {
    log.warn(
      'VCPU_UNKNOWN',
      `The vCPU count of ${type.name} is not in the catalog; the lower cap ${MAX_POD_CEILING_FOR_LOW_CPU} is assumed.`,
    );
    cap = log.step('cap: vCPUs unknown, assume 110', MAX_POD_CEILING_FOR_LOW_CPU, SOURCES.calculator);
  } else {
    const vcpus = log.step('vCPUs', type.vcpu, SOURCES.calculator);
    cap = log.step(
      `cap: ${MAX_POD_CEILING_FOR_HIGH_CPU} when vCPUs > ${HIGH_CPU_THRESHOLD}, else ${MAX_POD_CEILING_FOR_LOW_CPU}`,
      vcpus > HIGH_CPU_THRESHOLD ? MAX_POD_CEILING_FOR_HIGH_CPU : MAX_POD_CEILING_FOR_LOW_CPU,
      SOURCES.calculatorCap,
    );
  }
  const maxPods = log.step(`min(${uncappedMaxPods}, cap ${cap})`, Math.min(uncappedMaxPods, cap), SOURCES.calculator);
  return { maxPods, uncappedMaxPods, cap, capApplied: uncappedMaxPods > cap };
}

function explainPrefixDelegationNotApplied({ type, options, log }: LauncherContext, isNitro: boolean, cniHasPrefixes: boolean): void {
  if (!cniHasPrefixes) {
    log.step(`prefix delegation ignored: CNI ${options.cniVersion.text} < 1.9`, 0, SOURCES.calculator);
  } else if (!isNitro && type.bareMetal) {
    log.step(
      'prefix delegation ignored: the API reports no hypervisor for bare metal, so the script sees it as non-Nitro',
      0,
      SOURCES.calculator,
    );
    log.warn(
      'CALCULATOR_BARE_METAL_PREFIX_DELEGATION_IGNORED',
      `max-pods-calculator.sh never applies prefix delegation to bare-metal ${type.name} (no hypervisor in DescribeInstanceTypes), although the CNI hands out prefixes on bare metal from v1.11; set maxPods yourself to use the extra density.`,
    );
  } else if (!isNitro) {
    log.step(`prefix delegation ignored: ${type.name} is not Nitro (hypervisor ${type.hypervisor})`, 0, SOURCES.calculator);
  }
}
