/**
 * The reference ENI formula behind eni-max-pods.txt (capacity.md §2.1): `ENIs × (IPv4 per ENI − 1) + 2`, uncapped,
 * blind to prefix delegation, custom networking and security groups for pods. AL2 bootstrap.sh writes this value.
 */
import { SOURCES } from '../capacity-sources.js';
import type { CalculationLog } from '../calculation-log.js';
import type { CapacityContext } from '../pod-ip-capacity.js';
import { uncapped, type LauncherOutcome } from './launcher.types.js';

export function eniFormulaMaxPods(context: CapacityContext): LauncherOutcome {
  const enis = defaultCardEnis(context);
  const ips = ipv4PerEni(context);
  return uncapped(context.log.step('eni-max-pods.txt: ENIs × (IPv4 per ENI − 1) + 2', eniFormula(enis, ips), SOURCES.cniGenerator));
}

/** `# of ENI * (# of IPv4 per ENI - 1) + 2` (scripts/gen_vpc_ip_limits.go printPodLimit). */
export function eniFormula(enis: number, ipv4PerEni: number): number {
  return enis * (ipv4PerEni - 1) + 2;
}

/** Only the default network card's ENIs count for the VPC CNI, also on multi-card types (p5.48xlarge → 2, not 64). */
export function defaultCardEnis({ type, log }: { type: CapacityContext['type']; log: CalculationLog }): number {
  if (type.networkCards.length > 1) {
    return log.step(
      `ENIs on the default network card (index ${type.defaultNetworkCardIndex} of ${type.networkCards.length} cards; the VPC CNI uses only that card)`,
      type.maxEnis,
      SOURCES.cniGenerator,
    );
  }
  return log.step('ENIs per instance', type.maxEnis, SOURCES.cniLimits);
}

export function ipv4PerEni({ type, log }: { type: CapacityContext['type']; log: CalculationLog }): number {
  return log.step('IPv4 addresses per ENI (including the ENI primary)', type.ipv4PerEni, SOURCES.cniLimits);
}
