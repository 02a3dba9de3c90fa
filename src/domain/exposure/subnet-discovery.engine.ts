/**
 * Which design subnets a load balancer would land in (exposure.md §1 "Subnet placement", [LBC-SUB]).
 * Design subnet `roles` stand for the role tags: ELB = `kubernetes.io/role/elb`, INTERNAL_ELB = `kubernetes.io/role/internal-elb`.
 */
import type { Subnet, SubnetRole } from '../spec/design-spec.types.js';
import type { ExposureIssue, LbScheme, Uncited } from './exposure.types.js';
import { lbcSupports, type Version } from './lbc-version.util.js';

export type LoadBalancerFamily = 'NLB' | 'ALB' | 'CLB';

export interface SubnetDiscoveryInput {
  subnets: readonly Subnet[];
  scheme: LbScheme;
  family: LoadBalancerFamily;
  /** `LBC` (with its version) or the in-tree controller. */
  owner: 'LBC' | 'CCM';
  lbcVersion?: Version;
}

export interface SubnetDiscoveryResult {
  chosen: Subnet[];
  /** How the candidates were found, for the rationale. */
  method: 'ROLE_TAGS' | 'REACHABILITY' | 'ROUTE_TABLES';
  errors: Uncited<ExposureIssue>[];
  warnings: Uncited<ExposureIssue>[];
}

/** [LBC-SUB] L68, [LBC-IA] L267: an ALB needs two subnets in different AZs; an NLB or CLB one. */
export function minimumSubnets(family: LoadBalancerFamily): number {
  return family === 'ALB' ? 2 : 1;
}

export function discoverLoadBalancerSubnets(input: SubnetDiscoveryInput): SubnetDiscoveryResult {
  const { subnets, scheme, family, owner } = input;
  const wantPublic = scheme === 'INTERNET_FACING';
  const roleTag: SubnetRole = wantPublic ? 'ELB' : 'INTERNAL_ELB';
  const anyRoleTags = subnets.some((subnet) => subnet.roles?.some((role) => role === 'ELB' || role === 'INTERNAL_ELB'));
  const warnings: Uncited<ExposureIssue>[] = [];
  let candidates: Subnet[];
  let method: SubnetDiscoveryResult['method'];

  if (owner === 'CCM') {
    // [CCM-AWS] L1689-1740: the in-tree controller reads route tables; role tags only break ties.
    method = 'ROUTE_TABLES';
    candidates = subnets.filter((subnet) => Boolean(subnet.public) === wantPublic);
  } else if (anyRoleTags) {
    // [LBC-SUB] L24-34
    method = 'ROLE_TAGS';
    candidates = subnets.filter((subnet) => subnet.roles?.includes(roleTag));
  } else if (input.lbcVersion && lbcSupports(input.lbcVersion, 'subnetReachabilityFallback')) {
    // [LBC-SUB] L17-18, L38: no role tags at all → a subnet is public iff it routes to an internet gateway.
    method = 'REACHABILITY';
    candidates = subnets.filter((subnet) => Boolean(subnet.public) === wantPublic);
  } else {
    method = 'ROLE_TAGS';
    candidates = [];
  }

  // [LBC-SUB] L59-64: one subnet per AZ; the lowest subnet ID wins (design names stand in for IDs), role-tagged first for CCM.
  const byAz = new Map<string, Subnet>();
  const ordered = [...candidates].sort((a, b) => tieBreak(a, b, roleTag));
  for (const subnet of ordered) if (!byAz.has(subnet.az)) byAz.set(subnet.az, subnet);
  const chosen = [...byAz.values()].sort((a, b) => a.az.localeCompare(b.az));

  const errors: Uncited<ExposureIssue>[] = [];
  const required = minimumSubnets(family);
  if (chosen.length === 0) {
    errors.push({
      code: 'NO_SUBNETS_DISCOVERED',
      rule: 'V-SUBNET-NONE',
      source: '[LBC-CODE-SR] L537-540; [LBC-SUB] L24-57',
      message:
        `unable to resolve at least one subnet. Evaluated ${subnets.length} subnets: none is ` +
        (method === 'ROLE_TAGS'
          ? `tagged for ${wantPublic ? 'kubernetes.io/role/elb' : 'kubernetes.io/role/internal-elb'} (give a subnet the ${roleTag} role)`
          : `${wantPublic ? 'public' : 'private'} for an ${wantPublic ? 'internet-facing' : 'internal'} load balancer`),
    });
  } else if (chosen.length < required) {
    errors.push({
      code: 'TOO_FEW_SUBNETS',
      rule: 'V-SUBNET-COUNT',
      source: '[LBC-CODE-SR] L717; [LBC-IA] L267',
      message: `subnets count less than minimal required count: ${chosen.length} < ${required} (an ALB needs subnets in two Availability Zones)`,
    });
  }
  if (wantPublic) {
    const privateOnes = chosen.filter((subnet) => !subnet.public).map((subnet) => subnet.name);
    if (privateOnes.length > 0) {
      warnings.push({
        code: 'INTERNET_FACING_IN_PRIVATE_SUBNET',
        source: '[LBC-SUB] L24-34',
        message: `An internet-facing load balancer would be placed in ${privateOnes.join(', ')}, which has no internet-gateway route; clients on the internet cannot reach it there.`,
      });
    }
  }
  return { chosen, method, errors, warnings };
}

function tieBreak(a: Subnet, b: Subnet, roleTag: SubnetRole): number {
  const aTagged = a.roles?.includes(roleTag) ? 0 : 1;
  const bTagged = b.roles?.includes(roleTag) ? 0 : 1;
  return aTagged - bTagged || a.name.localeCompare(b.name);
}
