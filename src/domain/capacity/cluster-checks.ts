/**
 * Plan-level capacity checks over a DesignSpec (capacity.md §2.11, §5.4, §5.6). Pure: the free addresses per subnet
 * come from the caller (the plan's subnet usage); a subnet not listed is assumed empty (its size minus the 5 AWS-reserved
 * addresses). Findings never throw: they say what is wrong, where in the design, and how to fix it.
 */
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import type { Finding } from '../findings/finding.js';
import { parseCidrResult } from '../network/cidr.js';
import type { DesignSpec, NodeGroup, Subnet, SubnetRole } from '../spec/design-spec.types.js';
import { SOURCES } from './capacity-sources.js';
import { cniSupportsIpv6, parseCniVersion } from './cni-version.js';
import { AWS_RESERVED_IPS } from './subnet-usage.engine.js';

export interface ClusterCheckContext {
  /** Free IPv4 addresses per subnet name. */
  freeIpsBySubnet?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** Resolves node-group instance types (for the IPv6 Nitro rule); without it that rule is skipped. */
  lookupInstanceType?: (name: string) => InstanceTypeRecord | undefined;
}

/** UG network-reqs: each cluster subnet needs at least 6 free addresses for the EKS ENIs; 16 recommended. */
export const CLUSTER_SUBNET_MIN_FREE_IPS = 6;
export const CLUSTER_SUBNET_RECOMMENDED_FREE_IPS = 16;
/** AZ ids EKS does not accept for cluster subnets (UG network-reqs). */
export const CLUSTER_UNSUPPORTED_AZ_IDS: readonly string[] = ['use1-az3', 'usw1-az2', 'cac1-az3'];
/** LBC subnet auto-discovery skips subnets with fewer free addresses ("both ALB & NLB requires minimal 8 ip address count"). */
export const LOAD_BALANCER_MIN_FREE_IPS = 8;

const AZ_ID_PATTERN = /^[a-z]{2,5}\d+-az\d+$/;
const REGIONS_WITH_UNSUPPORTED_AZ: Readonly<Record<string, string>> = {
  'us-east-1': 'use1-az3',
  'us-west-1': 'usw1-az2',
  'ca-central-1': 'cac1-az3',
};

export function runClusterChecks(spec: DesignSpec, context: ClusterCheckContext = {}): Finding[] {
  return [
    ...checkClusterEndpointSubnets(spec, context),
    ...checkLoadBalancerSubnets(spec, context),
    ...checkCustomNetworking(spec),
    ...checkIpv6(spec, context),
  ];
}

/** Subnets with role CLUSTER_ENDPOINTS: the EKS cross-account ENIs (2–4, replaced on every version upgrade). */
export function checkClusterEndpointSubnets(spec: DesignSpec, context: ClusterCheckContext = {}): Finding[] {
  const findings: Finding[] = [];
  const clusterSubnets = withRole(spec, 'CLUSTER_ENDPOINTS');
  if (clusterSubnets.length === 0) {
    findings.push({
      code: 'CLUSTER_SUBNETS_NOT_DESIGNATED',
      severity: 'WARNING',
      path: 'subnets',
      message:
        'No subnet has the role CLUSTER_ENDPOINTS, so it is unclear where EKS places its control-plane ENIs (2–4 ENIs, new ones on every upgrade).',
      fix: 'Give at least two subnets in different Availability Zones the role CLUSTER_ENDPOINTS; dedicated small subnets (at least /28) are recommended.',
    });
    return findings;
  }
  for (const { subnet, index } of clusterSubnets) {
    const free = freeIps(subnet, context);
    if (free !== undefined && free < CLUSTER_SUBNET_MIN_FREE_IPS) {
      findings.push({
        code: 'CLUSTER_SUBNET_TOO_FEW_IPS',
        severity: 'ERROR',
        path: `subnets[${index}]`,
        message: `Cluster subnet ${subnet.name} has ${free} free addresses; EKS needs at least ${CLUSTER_SUBNET_MIN_FREE_IPS} for its ENIs (${SOURCES.ugNetworkReqs}).`,
        fix: `Free addresses in ${subnet.name} or use a dedicated cluster subnet with at least ${CLUSTER_SUBNET_RECOMMENDED_FREE_IPS} free addresses.`,
      });
    } else if (free !== undefined && free < CLUSTER_SUBNET_RECOMMENDED_FREE_IPS) {
      findings.push({
        code: 'CLUSTER_SUBNET_BELOW_RECOMMENDED_IPS',
        severity: 'WARNING',
        path: `subnets[${index}]`,
        message: `Cluster subnet ${subnet.name} has ${free} free addresses; EKS recommends at least ${CLUSTER_SUBNET_RECOMMENDED_FREE_IPS} so version upgrades can create new ENIs before deleting the old ones (${SOURCES.ugNetworkReqs}).`,
        fix: `Use a cluster subnet with at least ${CLUSTER_SUBNET_RECOMMENDED_FREE_IPS} free addresses (a /27 or larger, or a dedicated /28 kept empty).`,
      });
    }
    const az = subnet.az.trim().toLowerCase();
    if (CLUSTER_UNSUPPORTED_AZ_IDS.includes(az)) {
      findings.push({
        code: 'CLUSTER_SUBNET_AZ_UNSUPPORTED',
        severity: 'ERROR',
        path: `subnets[${index}].az`,
        message: `EKS does not create cluster ENIs in Availability Zone ${az} (${CLUSTER_UNSUPPORTED_AZ_IDS.join(', ')} are refused) (${SOURCES.ugNetworkReqs}).`,
        fix: `Move the CLUSTER_ENDPOINTS role to a subnet in another Availability Zone of ${spec.region}.`,
      });
    } else if (!AZ_ID_PATTERN.test(az) && REGIONS_WITH_UNSUPPORTED_AZ[spec.region] !== undefined) {
      findings.push({
        code: 'CLUSTER_SUBNET_AZ_ID_UNKNOWN',
        severity: 'INFO',
        path: `subnets[${index}].az`,
        message: `Availability Zone names map to different AZ ids in each account; EKS refuses ${REGIONS_WITH_UNSUPPORTED_AZ[spec.region]} in ${spec.region}, which ${subnet.az} may be.`,
        fix: `Give the AZ id (e.g. ${spec.region === 'us-east-1' ? 'use1-az1' : spec.region === 'us-west-1' ? 'usw1-az1' : 'cac1-az1'}) instead of the name, or check it with aws ec2 describe-availability-zones.`,
      });
    }
  }
  const zones = new Set(clusterSubnets.map(({ subnet }) => subnet.az.trim().toLowerCase()));
  if (zones.size < 2) {
    findings.push({
      code: 'CLUSTER_SUBNETS_SINGLE_AZ',
      severity: 'ERROR',
      path: `subnets[${clusterSubnets[0]?.index ?? 0}].az`,
      message: `EKS needs cluster subnets in at least two Availability Zones; the CLUSTER_ENDPOINTS subnets are all in ${[...zones].join(', ')} (${SOURCES.ugNetworkReqs}).`,
      fix: 'Add a CLUSTER_ENDPOINTS subnet in a second Availability Zone.',
    });
  }
  return findings;
}

/** Subnets for load balancers (ELB = internet-facing, INTERNAL_ELB = internal), as the AWS Load Balancer Controller discovers them. */
export function checkLoadBalancerSubnets(spec: DesignSpec, context: ClusterCheckContext = {}): Finding[] {
  const findings: Finding[] = [];
  const exposures = (spec.workloads ?? []).filter((workload) => workload.expose);
  for (const role of ['ELB', 'INTERNAL_ELB'] as const) {
    const subnets = withRole(spec, role);
    const eligible = subnets.filter(({ subnet }) => {
      const free = freeIps(subnet, context);
      return free === undefined || free >= LOAD_BALANCER_MIN_FREE_IPS;
    });
    for (const { subnet, index } of subnets) {
      const free = freeIps(subnet, context);
      if (free !== undefined && free < LOAD_BALANCER_MIN_FREE_IPS) {
        findings.push({
          code: 'LB_SUBNET_IGNORED_BY_LBC',
          severity: 'WARNING',
          path: `subnets[${index}]`,
          message: `Subnet ${subnet.name} has ${free} free addresses; the AWS Load Balancer Controller skips subnets with fewer than ${LOAD_BALANCER_MIN_FREE_IPS} when it discovers load balancer subnets (${SOURCES.lbcSubnetResolver}).`,
          fix: `Keep at least ${LOAD_BALANCER_MIN_FREE_IPS} addresses free in ${subnet.name}, or tag a larger subnet for load balancers.`,
        });
      }
      if (role === 'ELB' && subnet.public === false) {
        findings.push({
          code: 'ELB_SUBNET_NOT_PUBLIC',
          severity: 'WARNING',
          path: `subnets[${index}].public`,
          message: `Subnet ${subnet.name} has the role ELB (internet-facing load balancers) but is not public.`,
          fix: `Route ${subnet.name} to an internet gateway, or give it the role INTERNAL_ELB instead.`,
        });
      }
    }
    const audience = role === 'ELB' ? 'INTERNET' : 'VPC';
    const wanted = exposures.filter((workload) => workload.expose?.audience === audience);
    if (wanted.length > 0 && subnets.length === 0) {
      const firstIndex = (spec.workloads ?? []).indexOf(wanted[0]);
      findings.push({
        code: role === 'ELB' ? 'LB_PUBLIC_SUBNETS_MISSING' : 'LB_INTERNAL_SUBNETS_MISSING',
        severity: 'WARNING',
        path: `workloads[${firstIndex}].expose`,
        message: `${wanted.length} workload(s) are exposed to ${audience === 'INTERNET' ? 'the internet' : 'the VPC'} but no subnet has the role ${role} (kubernetes.io/role/${role === 'ELB' ? 'elb' : 'internal-elb'}).`,
        fix: `Give subnets in at least two Availability Zones the role ${role}.`,
      });
      continue;
    }
    const zones = new Set(eligible.map(({ subnet }) => subnet.az.trim().toLowerCase()));
    if (subnets.length > 0 && zones.size < 2) {
      const needsAlb = wanted.some((workload) => ['HTTP', 'HTTPS', 'GRPC'].includes(workload.expose?.protocol ?? ''));
      findings.push({
        code: needsAlb ? 'ALB_NEEDS_TWO_AZS' : 'LB_SUBNETS_SINGLE_AZ',
        severity: needsAlb ? 'ERROR' : 'WARNING',
        path: `subnets[${subnets[0].index}]`,
        message: `Usable ${role} subnets cover ${zones.size} Availability Zone(s); an Application Load Balancer needs subnets in at least two${needsAlb ? ', and HTTP workloads are exposed through one' : ''}.`,
        fix: `Add a ${role} subnet with at least ${LOAD_BALANCER_MIN_FREE_IPS} free addresses in a second Availability Zone.`,
      });
    }
  }
  return findings;
}

/** Custom networking: one ENIConfig per AZ the nodes run in, with a pod subnet in that same AZ (CNI README). */
export function checkCustomNetworking(spec: DesignSpec): Finding[] {
  const findings: Finding[] = [];
  const cni = spec.cni ?? {};
  const eniConfigs = cni.eniConfigs ?? [];
  if (!cni.customNetworking) {
    if (eniConfigs.length > 0) {
      findings.push({
        code: 'ENICONFIGS_UNUSED',
        severity: 'INFO',
        path: 'cni.eniConfigs',
        message: 'ENIConfigs are listed but custom networking (AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG) is off, so pods use the node subnets.',
        fix: 'Set cni.customNetworking to true, or remove the ENIConfigs.',
      });
    }
    return findings;
  }
  const subnetsByName = new Map(spec.subnets.map((subnet, index) => [subnet.name, { subnet, index }]));
  const configuredZones = new Map<string, number>();
  eniConfigs.forEach((config, index) => {
    const zone = config.az.trim().toLowerCase();
    if (configuredZones.has(zone)) {
      findings.push({
        code: 'ENICONFIG_DUPLICATE_AZ',
        severity: 'WARNING',
        path: `cni.eniConfigs[${index}].az`,
        message: `Two ENIConfigs target ${config.az}; nodes selecting their ENIConfig by zone label can use only one.`,
        fix: `Keep one ENIConfig for ${config.az}.`,
      });
    } else {
      configuredZones.set(zone, index);
    }
    const target = subnetsByName.get(config.subnet);
    if (!target) {
      findings.push({
        code: 'ENICONFIG_SUBNET_UNKNOWN',
        severity: 'ERROR',
        path: `cni.eniConfigs[${index}].subnet`,
        message: `ENIConfig for ${config.az} names subnet ${config.subnet}, which is not in the design.`,
        fix: 'Name a pod subnet of the design (role PODS) in the same Availability Zone.',
      });
    } else if (target.subnet.az.trim().toLowerCase() !== zone) {
      findings.push({
        code: 'ENICONFIG_SUBNET_AZ_MISMATCH',
        severity: 'ERROR',
        path: `cni.eniConfigs[${index}].subnet`,
        message: `ENIConfig for ${config.az} uses subnet ${config.subnet} in ${target.subnet.az}; the subnet in an ENIConfig must be in the node's Availability Zone (${SOURCES.cniReadme}).`,
        fix: `Use a pod subnet in ${config.az}.`,
      });
    }
  });
  const reported = new Set<string>();
  spec.nodeGroups.forEach((group, groupIndex) => {
    if (group.kind === 'FARGATE') return;
    if (group.kind === 'AUTO_MODE') {
      findings.push({
        code: 'CUSTOM_NETWORKING_IGNORED_BY_AUTO_MODE',
        severity: 'WARNING',
        path: `nodeGroups[${groupIndex}].kind`,
        message: `Node group ${group.name} runs on EKS Auto Mode, which does not use ENIConfig custom networking (${SOURCES.ugAutoNetworking}); its pods take addresses from the node subnets.`,
        fix: 'Size the Auto Mode node subnets for pods too, or run this group as a managed node group.',
      });
      return;
    }
    if (group.amiFamily === 'WINDOWS') {
      findings.push({
        code: 'CUSTOM_NETWORKING_WINDOWS_UNSUPPORTED',
        severity: 'ERROR',
        path: `nodeGroups[${groupIndex}].amiFamily`,
        message: `Custom networking is not supported on Windows nodes (${SOURCES.ugWindows}); node group ${group.name} would put pods in its node subnets.`,
        fix: 'Size the Windows node subnets for pods, or turn custom networking off.',
      });
      return;
    }
    group.subnets.forEach((subnetName, subnetIndex) => {
      const zone = subnetsByName.get(subnetName)?.subnet.az.trim().toLowerCase();
      if (zone === undefined || configuredZones.has(zone) || reported.has(zone)) return;
      reported.add(zone);
      findings.push({
        code: 'CUSTOM_NETWORKING_ENICONFIG_MISSING',
        severity: 'ERROR',
        path: `nodeGroups[${groupIndex}].subnets[${subnetIndex}]`,
        message: `Node group ${group.name} has nodes in ${zone} but no ENIConfig covers that Availability Zone; with custom networking those nodes get no pod addresses.`,
        fix: `Add cni.eniConfigs entry { az: "${zone}", subnet: <a PODS subnet in ${zone}> }.`,
      });
    });
  });
  return findings;
}

/** IPv6 clusters: prefix mode on Nitro, CNI ≥ 1.10.1, no custom networking, no Windows, dual-stack subnets (BP ipv6.adoc). */
export function checkIpv6(spec: DesignSpec, context: ClusterCheckContext = {}): Finding[] {
  if (spec.ipFamily !== 'IPV6') return [];
  const findings: Finding[] = [];
  const cni = spec.cni ?? {};
  if ((spec.vpc.ipv6Cidrs ?? []).length === 0) {
    findings.push({
      code: 'IPV6_VPC_CIDR_MISSING',
      severity: 'ERROR',
      path: 'vpc.ipv6Cidrs',
      message: 'An IPv6 cluster needs an IPv6 CIDR on the VPC.',
      fix: 'Associate an Amazon-provided IPv6 CIDR (/56) with the VPC.',
    });
  }
  const usedByNodes = new Set(spec.nodeGroups.flatMap((group) => group.subnets));
  spec.subnets.forEach((subnet, index) => {
    const needsIpv6 =
      usedByNodes.has(subnet.name) ||
      (subnet.roles ?? []).some((role) => role === 'NODES' || role === 'PODS' || role === 'CLUSTER_ENDPOINTS');
    if (needsIpv6 && !subnet.ipv6Cidr) {
      findings.push({
        code: 'IPV6_SUBNET_CIDR_MISSING',
        severity: 'ERROR',
        path: `subnets[${index}].ipv6Cidr`,
        message: `Subnet ${subnet.name} hosts nodes or cluster ENIs of an IPv6 cluster but has no IPv6 CIDR; nodes need a /80 from it.`,
        fix: `Give ${subnet.name} an IPv6 /64 (dual-stack; it keeps its IPv4 CIDR for node and Fargate IPv4 addresses).`,
      });
    }
  });
  if (cni.customNetworking) {
    findings.push({
      code: 'IPV6_CUSTOM_NETWORKING_UNSUPPORTED',
      severity: 'ERROR',
      path: 'cni.customNetworking',
      message: `Custom networking is not supported in IPv6 clusters (${SOURCES.bpIpv6}).`,
      fix: 'Turn custom networking off: IPv6 pods do not consume scarce IPv4 addresses.',
    });
  }
  if (cni.prefixDelegation === false) {
    findings.push({
      code: 'IPV6_REQUIRES_PREFIX_DELEGATION',
      severity: 'ERROR',
      path: 'cni.prefixDelegation',
      message: `The VPC CNI runs IPv6 in prefix mode only (${SOURCES.cniReadme}).`,
      fix: 'Set cni.prefixDelegation to true (or leave it unset).',
    });
  }
  const version = cni.version === undefined ? undefined : tryParseVersion(cni.version);
  if (version && !cniSupportsIpv6(version)) {
    findings.push({
      code: 'IPV6_REQUIRES_CNI_1_10_1',
      severity: 'ERROR',
      path: 'cni.version',
      message: `IPv6 needs VPC CNI 1.10.1 or later (the design has ${cni.version}).`,
      fix: 'Upgrade the VPC CNI add-on.',
    });
  }
  spec.nodeGroups.forEach((group, groupIndex) => findings.push(...ipv6NodeGroupFindings(group, groupIndex, context)));
  return findings;
}

function ipv6NodeGroupFindings(group: NodeGroup, groupIndex: number, context: ClusterCheckContext): Finding[] {
  if (group.kind === 'FARGATE') {
    return [
      {
        code: 'FARGATE_IPV6_NEEDS_IPV4',
        severity: 'INFO',
        path: `nodeGroups[${groupIndex}]`,
        message: `In an IPv6 cluster each Fargate pod of ${group.name} also takes one IPv4 address from its subnet; new pods fail when the subnet runs out of IPv4 (${SOURCES.bpIpv6}).`,
        fix: 'Size the IPv4 CIDR of the Fargate profile subnets for the pod count.',
      },
    ];
  }
  if (group.amiFamily === 'WINDOWS') {
    return [
      {
        code: 'IPV6_WINDOWS_UNSUPPORTED',
        severity: 'ERROR',
        path: `nodeGroups[${groupIndex}].amiFamily`,
        message: `IPv6 is not supported on Windows nodes (${SOURCES.ugWindows}).`,
        fix: 'Run Windows workloads in an IPv4 cluster.',
      },
    ];
  }
  const lookup = context.lookupInstanceType;
  if (!lookup) return [];
  const findings: Finding[] = [];
  group.instanceTypes.forEach((name, typeIndex) => {
    const type = lookup(name);
    if (type && type.hypervisor !== 'NITRO' && !type.bareMetal) {
      findings.push({
        code: 'IPV6_REQUIRES_NITRO',
        severity: 'ERROR',
        path: `nodeGroups[${groupIndex}].instanceTypes[${typeIndex}]`,
        message: `${name} (hypervisor ${type.hypervisor}) cannot take the /80 prefix IPv6 pods need; only Nitro and bare-metal instances can (${SOURCES.bpIpv6}).`,
        fix: `Replace ${name} with a Nitro-based instance type.`,
      });
    }
  });
  return findings;
}

function withRole(spec: DesignSpec, role: SubnetRole): Array<{ subnet: Subnet; index: number }> {
  return spec.subnets.flatMap((subnet, index) => ((subnet.roles ?? []).includes(role) ? [{ subnet, index }] : []));
}

function freeIps(subnet: Subnet, context: ClusterCheckContext): number | undefined {
  const given = context.freeIpsBySubnet;
  const known =
    given instanceof Map
      ? (given as ReadonlyMap<string, number>).get(subnet.name)
      : (given as Readonly<Record<string, number>> | undefined)?.[subnet.name];
  if (known !== undefined) return known;
  const parsed = parseCidrResult(subnet.cidr, 4);
  return parsed.ok ? 2 ** (32 - parsed.cidr.prefixLength) - AWS_RESERVED_IPS : undefined;
}

function tryParseVersion(text: string) {
  try {
    return parseCniVersion(text);
  } catch {
    return undefined;
  }
}
