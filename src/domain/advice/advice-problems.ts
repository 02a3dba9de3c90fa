/**
 * The address problems the advisor looks for, read off one plan: subnets over 80 % used at max size or not fitting
 * (against what AWS reports in use when the design carries observed state: subnets[].observed),
 * /28 fragmentation risks (the plan's prefix-block findings), and node groups whose pods are limited by pod addresses
 * below what their workloads need at max size.
 */
import { findingKey, type DesignPlan, type NodeGroupPlan, type SubnetPlan } from '../plan/index.js';
import type { AdviceProblem, AdviceProblemCode } from './advice.types.js';

/** Above this share of usable addresses at max size a subnet is a problem (load balancers, endpoints and upgrades need room). */
export const SUBNET_UTILIZATION_LIMIT = 0.8;

const PREFIX_BLOCK_CODES: ReadonlySet<string> = new Set<AdviceProblemCode>([
  'PREFIX_BLOCKS_NEVER_AVAILABLE',
  'PREFIX_BLOCKS_INSUFFICIENT',
  'PREFIX_FRAGMENTATION_RISK',
]);

export function adviceProblems(plan: DesignPlan): AdviceProblem[] {
  const problems: AdviceProblem[] = [];
  for (const subnet of plan.subnets) {
    if (!subnet.charges.some((charge) => charge.kind !== 'NAT_GATEWAY')) continue;
    const path = `subnets[${subnet.index}]`;
    const percent = Math.round(100 * subnet.utilizationAtMax);
    if (subnet.observed) {
      // Observed state wins: other consumers already hold addresses, running nodes are already counted in them.
      problems.push(...observedProblems(subnet, `${path}.observed`));
    } else if (subnet.usedIps.max > subnet.usableIps) {
      problems.push({
        code: 'SUBNET_FULL_AT_MAX',
        severity: 'ERROR',
        path,
        message: `${subnet.name} (${subnet.cidr}) needs ${subnet.usedIps.max} addresses at max size but has ${subnet.usableIps} usable (${subnet.usedIps.max - subnet.usableIps} short).`,
      });
    } else if (subnet.utilizationAtMax > SUBNET_UTILIZATION_LIMIT) {
      problems.push({
        code: 'SUBNET_OVER_80_PERCENT_AT_MAX',
        severity: 'WARNING',
        path,
        message: `${subnet.name} (${subnet.cidr}) is ${percent} % used at max size (${subnet.usedIps.max} of ${subnet.usableIps} usable addresses).`,
      });
    }
  }
  for (const finding of plan.findings) {
    if (PREFIX_BLOCK_CODES.has(finding.code)) {
      problems.push({ code: finding.code as AdviceProblemCode, severity: finding.severity, path: finding.path, message: finding.message });
    }
  }
  for (const group of plan.nodeGroups) {
    const limit = ipLimit(group);
    if (limit === undefined) continue;
    problems.push({
      code: 'NODE_GROUP_IP_LIMITED',
      severity: 'ERROR',
      path: `nodeGroups[${group.index}]`,
      message: `${group.name}: its workloads need ${group.replicas.podIp} pods with a VPC address, but at max size (${group.sizes.max} nodes) it holds ${group.podCapacityAtMax}; ${limit.instanceType} gives pods ${limit.ipLimitedPods} addresses per node under a kubelet maxPods of ${limit.maxPods}.`,
    });
  }
  return problems;
}

function observedProblems(subnet: SubnetPlan, path: string): AdviceProblem[] {
  const observed = subnet.observed!;
  const usedAtMax = subnet.usableIps - observed.headroomAtMax;
  const seen = `${observed.availableIps} addresses available (observed ${observed.at})`;
  if (!observed.fits) {
    return [
      {
        code: 'OBSERVED_IPS_EXHAUSTED',
        severity: 'ERROR',
        path,
        message: `${subnet.name} (${subnet.cidr}) has ${seen}; growing its node groups to max size takes ${observed.additionalIpsAtMax} more (${-observed.headroomAtMax} short).`,
      },
    ];
  }
  if (usedAtMax > SUBNET_UTILIZATION_LIMIT * subnet.usableIps) {
    return [
      {
        code: 'OBSERVED_OVER_80_PERCENT_AT_MAX',
        severity: 'WARNING',
        path,
        message: `${subnet.name} (${subnet.cidr}) has ${seen}; at max size ${usedAtMax} of ${subnet.usableIps} usable addresses would be in use (${Math.round((100 * usedAtMax) / subnet.usableIps)} %).`,
      },
    ];
  }
  return [];
}

/** The identity of a problem across a patch: its code and its path with list indexes replaced by names. */
export function problemKey(plan: DesignPlan, problem: { code: string; path: string }): string {
  return findingKey(plan, { ...problem, severity: 'ERROR', message: '' });
}

function ipLimit(group: NodeGroupPlan): { instanceType: string; ipLimitedPods: number; maxPods: number } | undefined {
  if (group.kind === 'FARGATE' || group.podCapacityAtMax === null || group.replicas.podIp <= group.podCapacityAtMax) return undefined;
  for (const type of group.instanceTypes) {
    if (type.supported && type.ipLimitedPods !== null && type.maxPods !== null && type.ipLimitedPods < type.maxPods) {
      return { instanceType: type.instanceType, ipLimitedPods: type.ipLimitedPods, maxPods: type.maxPods };
    }
  }
  return undefined;
}
