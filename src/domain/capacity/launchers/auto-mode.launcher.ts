/**
 * EKS Auto Mode (UG choosing-instance-type, capacity.md §2.8): the lower of a 110 hard cap and the ENI calculation.
 * The UG text changed: the current text says "number of ENIs × (IPs per ENI − 1)" (no +2), the older one "the max pods
 * calculation" (with +2). We follow the current text and record the older result as a step; when the two give
 * different answers the discrepancy is also a warning.
 */
import { SOURCES } from '../capacity-sources.js';
import { defaultCardEnis, eniFormula, ipv4PerEni } from './eni-formula.launcher.js';
import type { LauncherContext, LauncherOutcome } from './launcher.types.js';

export const AUTO_MODE_CAP = 110;

export function autoModeMaxPods(context: LauncherContext): LauncherOutcome {
  const { log } = context;
  const enis = defaultCardEnis(context);
  const ips = ipv4PerEni(context);
  const eniCalculation = log.step(
    'Auto Mode ENI calculation (current UG text): ENIs × (IPv4 per ENI − 1)',
    enis * (ips - 1),
    SOURCES.ugMaxPods,
  );
  const olderText = log.step(
    'older UG text: the max pods calculation ENIs × (IPv4 per ENI − 1) + 2 (not used)',
    eniFormula(enis, ips),
    SOURCES.ugMaxPods,
  );
  const cap = log.step('Auto Mode hard cap', AUTO_MODE_CAP, SOURCES.ugMaxPods);
  const maxPods = log.step(`min(${cap}, ${eniCalculation})`, Math.min(cap, eniCalculation), SOURCES.ugMaxPods);
  const olderMaxPods = Math.min(cap, olderText);
  if (olderMaxPods !== maxPods) {
    log.warn(
      'AUTO_MODE_DOCS_DISAGREE',
      `The EKS User Guide gives two Auto Mode formulas: the current text (ENIs × (IPs per ENI − 1)) gives ${maxPods}, the older text (with +2) gives ${olderMaxPods}; ${maxPods} is reported.`,
    );
  }
  return { maxPods, uncappedMaxPods: eniCalculation, cap, capApplied: eniCalculation > cap };
}
