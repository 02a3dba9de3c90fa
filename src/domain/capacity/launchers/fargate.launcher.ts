/**
 * Fargate (UG fargate.adoc, capacity.md §2.10): every pod runs in its own isolation boundary with its own ENI, so a
 * Fargate "node" holds exactly one pod with one address from the Fargate profile's subnet. There is no max-pods setting.
 */
import { SOURCES } from '../capacity-sources.js';
import { uncapped, type LauncherContext, type LauncherOutcome } from './launcher.types.js';

export function fargateMaxPods({ options, log }: LauncherContext): LauncherOutcome {
  const pods = log.step('Fargate: one pod per node, on its own ENI (the instance type is not used)', 1, SOURCES.ugFargate);
  if (options.ipFamily === 'IPV6') {
    log.warn(
      'FARGATE_IPV6_NEEDS_IPV4',
      `In an IPv6 cluster each Fargate pod also takes one VPC-routable IPv4 address; new Fargate pods fail when the subnet has no IPv4 left (${SOURCES.bpIpv6}).`,
    );
  }
  return uncapped(pods);
}
