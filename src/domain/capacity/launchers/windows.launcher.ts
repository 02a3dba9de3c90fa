/**
 * Windows nodes outside Karpenter: IPAM is done by the VPC resource controller on the primary ENI only, the Linux
 * formulas do not apply, and the kubelet keeps its default of 110 unless set (BP prefix-mode_windows, UG
 * cni-increase-ip-addresses-procedure, capacity.md §2.9).
 */
import { SOURCES } from '../capacity-sources.js';
import { uncapped, type LauncherContext, type LauncherOutcome } from './launcher.types.js';

export const WINDOWS_KUBELET_DEFAULT_MAX_PODS = 110;

export function windowsKubeletMaxPods({ options, log }: LauncherContext): LauncherOutcome {
  return uncapped(
    log.step(
      `Windows node (${options.launcher}): the Linux max-pods formulas do not apply; kubelet default maxPods`,
      WINDOWS_KUBELET_DEFAULT_MAX_PODS,
      SOURCES.bpPrefixWindows,
    ),
  );
}
