/**
 * AL2023 nodeadm (awslabs/amazon-eks-ami nodeadm/internal/kubelet/eni_max_pods.go, capacity.md §2.4): the standard
 * value `default_enis × (ips_per_eni − 1) + 2` (uncapped, not prefix-delegation or custom-networking aware), an optional
 * CEL maxPodsExpression, and a kubelet-config maxPods that takes precedence over both (kube-reserved memory still
 * follows nodeadm's own value).
 */
import { SOURCES } from '../capacity-sources.js';
import { defaultCardEnis, eniFormula, ipv4PerEni } from './eni-formula.launcher.js';
import { uncapped, type LauncherContext, type LauncherOutcome } from './launcher.types.js';

export function nodeadmMaxPods(context: LauncherContext): LauncherOutcome {
  const { options, log } = context;
  if (options.kubeletMaxPods === undefined) return uncapped(nodeadmOwnMaxPods(context));
  if (options.expression) {
    log.warn(
      'MAX_PODS_EXPRESSION_OVERRIDDEN',
      'A kubelet maxPods in the NodeConfig takes precedence over maxPodsExpression; the expression is not used.',
    );
  }
  const own = nodeadmOwnMaxPods(context);
  const maxPods = log.step('kubelet config maxPods takes precedence', options.kubeletMaxPods, SOURCES.nodeadmTypes);
  // withDefaultReservedResources sets kube-reserved from nodeadm's own maxPods before the user's kubelet config
  // (inline or the drop-in) replaces maxPods, so the reservation follows the standard or expression value.
  return {
    ...uncapped(maxPods),
    reservedMemoryPods: {
      pods: own,
      rule: `nodeadm reserves memory for its own max-pods value (${own}), set before the kubelet config maxPods ${maxPods}`,
      source: SOURCES.nodeadmKubeReservedOrder,
    },
  };
}

/** CalcMaxPods: the standard value, or maxPodsExpression when it evaluates to a positive integer. */
function nodeadmOwnMaxPods(context: LauncherContext): number {
  const { options, log } = context;
  const enis = defaultCardEnis(context);
  const ips = ipv4PerEni(context);
  const standard = log.step('nodeadm standard value: default_enis × (ips_per_eni − 1) + 2', eniFormula(enis, ips), SOURCES.nodeadm);
  const expression = options.expression;
  if (!expression) return standard;
  const outcome = expression.evaluate({ defaultEnis: enis, ipsPerEni: ips, maxPods: standard });
  if (outcome.ok) {
    return log.step(
      `maxPodsExpression \`${expression.text}\` with default_enis=${enis}, ips_per_eni=${ips}, max_pods=${standard}`,
      outcome.value,
      SOURCES.nodeadm,
    );
  }
  log.warn(
    'MAX_PODS_EXPRESSION_FALLBACK',
    `maxPodsExpression \`${expression.text}\` ${outcome.reason}; nodeadm logs "Failed to evaluate custom expression, using standard max pods value" and uses ${standard}.`,
  );
  return log.step('maxPodsExpression rejected: the standard value is used', standard, SOURCES.nodeadm);
}
