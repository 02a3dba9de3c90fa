/**
 * Name and address lookups over one DesignSpec for the traffic-path engine. Every reference a flow makes into the
 * design is resolved here, so a bad reference becomes an InvalidInputError with a stable code and a path, never a crash.
 */
import { InvalidInputError } from '../../common/errors/planning-error.js';
import { cidrContainsAddress, parseAddress, parseCidrResult, type Cidr, type IpVersion } from '../../common/network/cidr.js';
import type {
  DesignSpec,
  NatGateway,
  NodeGroup,
  SecurityGroup,
  Subnet,
  VpcPeer,
  Workload,
} from '../../designs/design-spec/design-spec.types.js';
import { DEFAULT_CNI_VERSION } from '../../designs/design-spec/design-spec.types.js';

export interface IndexedSubnet {
  subnet: Subnet;
  index: number;
  cidr: Cidr;
}

export class DesignLookup {
  public readonly vpcIpv4Cidrs: Cidr[];
  public readonly vpcIpv6Cidrs: Cidr[];

  public constructor(public readonly design: DesignSpec) {
    this.vpcIpv4Cidrs = [...design.vpc.cidrs, ...(design.vpc.secondaryCidrs ?? [])].map((text, i) =>
      parseDesignCidr(text, `vpc.cidrs[${i}]`, 4),
    );
    this.vpcIpv6Cidrs = (design.vpc.ipv6Cidrs ?? []).map((text, i) => parseDesignCidr(text, `vpc.ipv6Cidrs[${i}]`, 6));
  }

  public get isIpv6Cluster(): boolean {
    return this.design.ipFamily === 'IPV6';
  }

  public workload(name: string, namespace: string | undefined, path: string): { workload: Workload; index: number } {
    const workloads = this.design.workloads ?? [];
    const matches = workloads
      .map((workload, index) => ({ workload, index }))
      .filter(({ workload }) => workload.name === name && (namespace === undefined || (workload.namespace ?? 'default') === namespace));
    if (matches.length === 0) {
      throw invalid('UNKNOWN_WORKLOAD', `No workload named "${name}"${namespace ? ` in namespace ${namespace}` : ''} in the design.`, path);
    }
    if (matches.length > 1) {
      throw invalid('AMBIGUOUS_WORKLOAD', `Several workloads are named "${name}"; add the namespace.`, path);
    }
    return matches[0];
  }

  public nodeGroup(name: string, path: string): { group: NodeGroup; index: number } {
    const index = this.design.nodeGroups.findIndex((group) => group.name === name);
    if (index < 0) throw invalid('UNKNOWN_NODE_GROUP', `No node group named "${name}" in the design.`, path);
    const group = this.design.nodeGroups[index];
    if (group.subnets.length === 0) {
      throw invalid('NODE_GROUP_WITHOUT_SUBNETS', `Node group "${name}" lists no subnets, so its nodes have no address.`, path);
    }
    return { group, index };
  }

  public subnet(name: string, path: string): IndexedSubnet {
    const index = this.design.subnets.findIndex((subnet) => subnet.name === name);
    if (index < 0) throw invalid('UNKNOWN_SUBNET', `No subnet named "${name}" in the design.`, path);
    const subnet = this.design.subnets[index];
    return { subnet, index, cidr: parseDesignCidr(subnet.cidr, `subnets[${index}].cidr`, 4) };
  }

  public subnetsWithRole(role: NonNullable<Subnet['roles']>[number]): IndexedSubnet[] {
    return this.design.subnets
      .map((subnet, index) => ({ subnet, index }))
      .filter(({ subnet }) => subnet.roles?.includes(role))
      .map(({ subnet }) => this.subnet(subnet.name, 'subnets'));
  }

  public allSubnets(): IndexedSubnet[] {
    return this.design.subnets.map((subnet) => this.subnet(subnet.name, 'subnets'));
  }

  /** The design subnet whose IPv4 CIDR holds the address, if any. */
  public subnetContaining(ip: string): IndexedSubnet | undefined {
    return this.allSubnets().find(({ cidr }) => cidrContainsAddress(cidr, ip));
  }

  public natGateway(name: string, path: string): { natGateway: NatGateway; index: number } {
    const natGateways = this.design.natGateways ?? [];
    const index = natGateways.findIndex((natGateway) => natGateway.name === name);
    if (index < 0) throw invalid('UNKNOWN_NAT_GATEWAY', `No NAT gateway named "${name}" in the design.`, path);
    return { natGateway: natGateways[index], index };
  }

  public peer(name: string, path: string): VpcPeer {
    const peer = (this.design.vpc.peers ?? []).find((candidate) => candidate.name === name);
    if (!peer) throw invalid('UNKNOWN_NETWORK', `No peer network named "${name}" in vpc.peers.`, path);
    return peer;
  }

  public securityGroup(name: string, path: string): SecurityGroup {
    const group = (this.design.securityGroups ?? []).find((candidate) => candidate.name === name);
    if (!group) throw invalid('UNKNOWN_SECURITY_GROUP', `No security group named "${name}" in the design.`, path);
    return group;
  }

  public hasSecurityGroup(name: string): boolean {
    return (this.design.securityGroups ?? []).some((candidate) => candidate.name === name);
  }

  /** "Any IPv4 address that isn't within a CIDR block that's associated to your VPC" is what the CNI SNATs ([EKS-SNAT] L7). */
  public isInVpc(ip: string): boolean {
    return [...this.vpcIpv4Cidrs, ...this.vpcIpv6Cidrs].some((cidr) => cidrContainsAddress(cidr, ip));
  }

  public peerContaining(ip: string): VpcPeer | undefined {
    return (this.design.vpc.peers ?? []).find((peer) =>
      peer.cidrs.some((text) => {
        const parsed = parseCidrResult(text);
        return parsed.ok && cidrContainsAddress(parsed.cidr, ip);
      }),
    );
  }

  /** CNI version as [major, minor, patch]; accepts `1.18.3` and `v1.18.3-eksbuild.1`. */
  public cniVersion(): [number, number, number] {
    const text = this.design.cni?.version ?? DEFAULT_CNI_VERSION;
    const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
    if (!match) throw invalid('INVALID_CNI_VERSION', `CNI version "${text}" is not a version number.`, 'cni.version');
    return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  }

  public cniVersionBefore(major: number, minor: number, patch = 0): boolean {
    const [a, b, c] = this.cniVersion();
    return a !== major ? a < major : b !== minor ? b < minor : c < patch;
  }
}

export function invalid(code: string, message: string, path: string): InvalidInputError {
  return new InvalidInputError(code, message, [{ path, message }]);
}

export function parseDesignCidr(text: string, path: string, expected?: IpVersion): Cidr {
  const parsed = parseCidrResult(text, expected);
  if (!parsed.ok) throw invalid('INVALID_CIDR', parsed.reason, path);
  return parsed.cidr;
}

export function parseFlowIp(text: unknown, path: string): { ip: string; version: IpVersion } {
  const parsed = parseAddress(text);
  if (!parsed) throw invalid('INVALID_IP', `"${String(text)}" is not an IPv4 or IPv6 address.`, path);
  return { ip: String(text), version: parsed.version };
}
