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
}

export function uncapped(maxPods: number): LauncherOutcome {
  return { maxPods, uncappedMaxPods: maxPods, cap: null, capApplied: false };
}
