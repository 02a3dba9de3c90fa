/**
 * Cluster-wide checks the capacity cluster checks do not make: the service CIDR (exposure.md §5), the cluster
 * endpoint's access, and how the node groups cover the design's Availability Zones.
 */
import type { Finding } from '../findings/finding.js';
import { addressAt, cidrOverlaps, parseCidrResult, type Cidr } from '../network/cidr.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { normalizeAz, type PlanContext } from './plan-context.js';
import type { ClusterPlan } from './plan.types.js';

/** EKS CreateCluster: without serviceIpv4Cidr, 172.20.0.0/16 when a VPC IPv4 CIDR starts with `10.`, else 10.100.0.0/16. */
export const DEFAULT_SERVICE_CIDR_WHEN_VPC_IN_10 = '172.20.0.0/16';
export const DEFAULT_SERVICE_CIDR_OTHERWISE = '10.100.0.0/16';
const ANYWHERE = ['0.0.0.0/0', '::/0'];

export interface ClusterNetworkResult {
  cluster: ClusterPlan;
  findings: Finding[];
}

/**
 * The default follows the EKS AMI bootstrap, which derives the cluster DNS IP the same way: it counts the VPC's IPv4
 * CIDR blocks (every associated block, so secondary CIDRs too) matching `^10\.` (exposure.md §5; aws/containers-roadmap#216).
 */
export function defaultServiceCidr(spec: DesignSpec): string {
  const vpcCidrs = [...spec.vpc.cidrs, ...(spec.vpc.secondaryCidrs ?? [])];
  return vpcCidrs.some((cidr) => cidr.trim().startsWith('10.')) ? DEFAULT_SERVICE_CIDR_WHEN_VPC_IN_10 : DEFAULT_SERVICE_CIDR_OTHERWISE;
}

export function checkClusterNetwork(context: PlanContext): ClusterNetworkResult {
  const spec = context.spec;
  const findings: Finding[] = [];
  const service = serviceCidrPlan(spec, findings);
  const endpoint = endpointPlan(spec, findings);
  findings.push(...zoneCoverage(context));
  const zones = new Set<string>();
  for (const subnet of spec.subnets) zones.add(subnet.az);
  return {
    cluster: { ...service, ...endpoint, availabilityZones: [...zones].sort() },
    findings,
  };
}

type ServicePart = Pick<ClusterPlan, 'serviceIpv4Cidr' | 'serviceIpv4CidrSource' | 'clusterDnsIp'>;

function serviceCidrPlan(spec: DesignSpec, findings: Finding[]): ServicePart {
  if (spec.ipFamily === 'IPV6') {
    // IPv6 clusters get ULA IPv6 ClusterIPs assigned by EKS at creation (exposure.md §5).
    return { serviceIpv4Cidr: null, serviceIpv4CidrSource: 'NOT_APPLICABLE', clusterDnsIp: null };
  }
  const given = spec.serviceIpv4Cidr;
  const text = given ?? defaultServiceCidr(spec);
  const parsed = parseCidrResult(text, 4);
  if (!parsed.ok) return { serviceIpv4Cidr: text, serviceIpv4CidrSource: given ? 'DESIGN' : 'EKS_DEFAULT', clusterDnsIp: null };
  const cidr = parsed.cidr;
  const path = 'serviceIpv4Cidr';
  if (given === undefined) {
    findings.push({
      code: 'SERVICE_CIDR_DEFAULTED',
      severity: 'INFO',
      path,
      message: `The design sets no serviceIpv4Cidr, so EKS assigns ${cidr.text} (cluster DNS ${addressAt(cidr, 10)}): it picks 172.20.0.0/16 when any VPC IPv4 CIDR starts with "10.", else 10.100.0.0/16. The range cannot be changed after the cluster is created.`,
      fix: 'Set serviceIpv4Cidr explicitly to a private /24–/12 range that overlaps neither the VPC nor any network the pods must reach.',
    });
    const vpcClash = firstOverlap(cidr, [...spec.vpc.cidrs, ...(spec.vpc.secondaryCidrs ?? [])]);
    if (vpcClash) {
      findings.push({
        code: 'DEFAULT_SERVICE_CIDR_OVERLAPS_VPC',
        severity: 'ERROR',
        path,
        message: `EKS would assign the service range ${cidr.text}, which overlaps the VPC CIDR ${vpcClash}: pods could not reach the VPC addresses it covers (kube-proxy captures them as ClusterIPs).`,
        fix: 'Set serviceIpv4Cidr to a private range outside the VPC CIDRs.',
      });
    }
  }
  (spec.vpc.peers ?? []).forEach((peer) => {
    const clash = firstOverlap(cidr, peer.cidrs);
    if (!clash) return;
    findings.push({
      code: 'SERVICE_CIDR_OVERLAPS_PEER',
      severity: 'ERROR',
      path,
      message: `The service range ${cidr.text}${given === undefined ? ' (the EKS default)' : ''} overlaps ${clash} of peered network ${peer.name} (${peer.via}): traffic from pods to those addresses is captured by kube-proxy as ClusterIP traffic and never reaches the peer.`,
      fix: `Set serviceIpv4Cidr to a private range that overlaps neither the VPC nor ${peer.name}.`,
    });
  });
  return { serviceIpv4Cidr: cidr.text, serviceIpv4CidrSource: given ? 'DESIGN' : 'EKS_DEFAULT', clusterDnsIp: addressAt(cidr, 10) };
}

type EndpointPart = Pick<ClusterPlan, 'endpointPublic' | 'endpointPrivate' | 'publicAccessCidrs'>;

/** EKS defaults when endpointAccess is absent: public on (0.0.0.0/0), private off. */
function endpointPlan(spec: DesignSpec, findings: Finding[]): EndpointPart {
  const access = spec.endpointAccess;
  const endpointPublic = access?.public ?? true;
  const endpointPrivate = access?.private ?? false;
  const cidrs = endpointPublic ? (access?.publicAccessCidrs?.length ? [...access.publicAccessCidrs] : ['0.0.0.0/0']) : [];
  const unrestricted = cidrs.some((cidr) => ANYWHERE.includes(cidr.trim()));
  if (endpointPublic && unrestricted) {
    findings.push({
      code: 'PUBLIC_ENDPOINT_UNRESTRICTED',
      severity: 'WARNING',
      path: access?.publicAccessCidrs?.length ? 'endpointAccess.publicAccessCidrs' : 'endpointAccess',
      message: `The public Kubernetes API endpoint accepts connections from any address (${access?.publicAccessCidrs?.length ? '0.0.0.0/0 is listed' : 'publicAccessCidrs not set: EKS default 0.0.0.0/0'}).`,
      fix: 'Restrict endpointAccess.publicAccessCidrs to your offices, CI runners and VPN egress, or turn the public endpoint off and the private one on.',
    });
  }
  if (endpointPublic && !endpointPrivate) {
    findings.push({
      code: 'PRIVATE_ENDPOINT_DISABLED',
      severity: 'INFO',
      path: access ? 'endpointAccess.private' : 'endpointAccess',
      message:
        'The private endpoint is off: nodes and pods reach the Kubernetes API through its public address, so that traffic leaves the VPC (through NAT gateways from private subnets).',
      fix: 'Turn endpointAccess.private on so in-VPC traffic to the API stays in the VPC.',
    });
    if (!unrestricted) {
      findings.push({
        code: 'PUBLIC_ENDPOINT_CIDRS_BLOCK_NODES',
        severity: 'WARNING',
        path: 'endpointAccess.publicAccessCidrs',
        message: `With the public endpoint only and publicAccessCidrs restricted to ${cidrs.join(', ')}, nodes reach the API from their NAT gateway or public addresses; unless those are in the list, nodes cannot join the cluster.`,
        fix: 'Turn the private endpoint on, or add the NAT gateway Elastic IPs (and public node addresses) to publicAccessCidrs.',
      });
    }
  }
  if (!endpointPublic && endpointPrivate) {
    findings.push({
      code: 'PRIVATE_ENDPOINT_ONLY',
      severity: 'INFO',
      path: 'endpointAccess.public',
      message:
        'The Kubernetes API is reachable only from inside the VPC (and connected networks): kubectl, CI and GitOps tools need a path in (VPN, Direct Connect, peering, a bastion), and the VPC needs DNS support and DNS hostnames on.',
      fix: 'Plan the operator and CI access path, and allow it in the cluster security group.',
    });
  }
  return { endpointPublic, endpointPrivate, publicAccessCidrs: cidrs };
}

/** Availability: EC2 capacity spread over at least two zones when the design has them. */
function zoneCoverage(context: PlanContext): Finding[] {
  const spec = context.spec;
  const findings: Finding[] = [];
  const designZones = new Set(spec.subnets.map((subnet) => normalizeAz(subnet.az)));
  const nodeZones = new Set<string>();
  let ec2Groups = 0;
  spec.nodeGroups.forEach((group, index) => {
    const zones = new Set<string>();
    for (const name of group.subnets) {
      const found = context.subnet(name);
      if (found) zones.add(normalizeAz(found.subnet.az));
    }
    if (group.kind !== 'FARGATE' && group.maxSize > 0) {
      ec2Groups += 1;
      for (const zone of zones) nodeZones.add(zone);
    }
    if (zones.size === 1 && designZones.size > 1) {
      findings.push({
        code: 'NODE_GROUP_SINGLE_AZ',
        severity: 'INFO',
        path: `nodeGroups[${index}].subnets`,
        message: `Node group ${group.name} runs in ${[...zones][0]} only; an outage of that Availability Zone takes all of its ${group.kind === 'FARGATE' ? 'pods' : 'nodes'} down.`,
        fix: 'Add a subnet in another Availability Zone, unless the group is pinned to one zone on purpose (zonal volumes).',
      });
    }
  });
  if (ec2Groups > 0 && nodeZones.size === 1 && designZones.size > 1) {
    findings.push({
      code: 'NODES_SINGLE_AZ',
      severity: 'WARNING',
      path: 'nodeGroups',
      message: `Every EC2 node group runs in ${[...nodeZones][0]} although the design has subnets in ${designZones.size} Availability Zones; an outage of that zone stops every workload on EC2 nodes.`,
      fix: 'Give the node groups subnets in at least two Availability Zones.',
    });
  }
  return findings;
}

function firstOverlap(cidr: Cidr, others: readonly string[]): string | undefined {
  for (const text of others) {
    const parsed = parseCidrResult(text);
    if (parsed.ok && cidrOverlaps(cidr, parsed.cidr)) return parsed.cidr.text;
  }
  return undefined;
}
