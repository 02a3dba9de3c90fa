/** What every launcher model returns: the kubelet's maxPods and the cap that produced it. */
import type { CapacityContext, PodIpCapacity } from '../pod-ip-capacity.js';

export interface LauncherContext extends CapacityContext {
  /** Pod addresses in the chosen CNI mode, for launcher-specific advice. */
  capacity: PodIpCapacity;
}

export interface LauncherOutcome {
  maxPods: number;
  uncappedMaxPods: number;
  cap: number | null;
  capApplied: boolean;
  /**
   * The pod count the launcher reserves kube-reserved memory for, when it is not `maxPods`: nodeadm's own value before
   * a kubelet maxPods overrides it, Karpenter's ENI-limited pods with no reserved ENIs for the AL2/AL2023 families.
   */
  reservedMemoryPods?: { pods: number; rule: string; source: string };
}

export function uncapped(maxPods: number): LauncherOutcome {
  return { maxPods, uncappedMaxPods: maxPods, cap: null, capApplied: false };
}
