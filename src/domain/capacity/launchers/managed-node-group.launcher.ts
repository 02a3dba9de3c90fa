/**
 * EKS managed node groups without a custom AMI: EKS injects maxPods into the user data, capped at 110 (< 30 vCPUs) or
 * 250, and it overrides kubelet maxPods and nodeadm maxPodsExpression (UG "How maxPods is determined", capacity.md §2.6).
 * EKS does not publish the algorithm; observed behaviour (awsdocs PR #663, eksctl #5337) matches the calculator's capped
 * output, which is what we model.
 */
import { SOURCES } from '../capacity-sources.js';
import { calculatorMaxPods } from './calculator.launcher.js';
import type { LauncherContext, LauncherOutcome } from './launcher.types.js';

export function managedNodeGroupMaxPods(context: LauncherContext): LauncherOutcome {
  const outcome = calculatorMaxPods(context, false);
  context.log.step(
    'managed node group: EKS injects this capped value into the user data (overrides kubelet maxPods and maxPodsExpression)',
    outcome.maxPods,
    SOURCES.ugMaxPods,
  );
  return outcome;
}
