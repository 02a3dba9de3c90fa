/**
 * Name and address lookups over one DesignSpec for the traffic-path engine. Every reference a flow makes into the
 * design is resolved here, so a bad reference becomes an InvalidInputError with a stable code and a path, never a crash.
 */
import type { InvalidInputCode } from '../errors/error-codes.js';
import { InvalidInputError } from '../errors/planning-error.js';
import { cidrContainsValue, parseAddress, parseCidrResult, type Cidr, type IpVersion } from '../network/cidr.js';
import type { DesignSpec, NatGateway, NodeGroup, SecurityGroup, Subnet, VpcPeer, Workload } from '../spec/design-spec.types.js';
import { DEFAULT_CNI_VERSION } from '../spec/design-spec.types.js';

export interface IndexedSubnet {
  subnet: Subnet;
  index: number;
  cidr: Cidr;
}

/**
 * One DesignLookup serves one trace, so what it works out (name indexes, parsed subnet CIDRs, CIDR lists) is kept for
 * the trace. Indexes and parses are built on first use: a reference or CIDR the trace never touches still never fails it.
 */
export class DesignLookup {
  public readonly vpcIpv4Cidrs: Cidr[];
  public readonly vpcIpv6Cidrs: Cidr[];
  private readonly vpcCidrs: Cidr[];
  /** Name → index of the first subnet / node group / security group with that name (what findIndex / find answered). */
  private subnetIndexes: Map<string, number> | undefined;
  private nodeGroupIndexes: Map<string, number> | undefined;
  private securityGroups: Map<string, SecurityGroup> | undefined;
  /** Subnets by index, CIDR parsed. */
  private readonly subnetEntries: IndexedSubnet[] = [];
  private allSubnetList: readonly IndexedSubnet[] | undefined;
  private readonly subnetsByRole = new Map<string, readonly IndexedSubnet[]>();
  /** Parsed CIDRs of vpc.peers[i]. */
  private readonly peerCidrs: { text: string; cidr: Cidr }[][] = [];
  private excludeSnatCidrs: { text: string; cidr: Cidr }[] | undefined;

  public constructor(public readonly design: DesignSpec) {
    this.vpcIpv4Cidrs = [...design.vpc.cidrs, ...(design.vpc.secondaryCidrs ?? [])].map((text, i) =>
      parseDesignCidr(text, `vpc.cidrs[${i}]`, 4),
    );
    this.vpcIpv6Cidrs = (design.vpc.ipv6Cidrs ?? []).map((text, i) => parseDesignCidr(text, `vpc.ipv6Cidrs[${i}]`, 6));
    this.vpcCidrs = [...this.vpcIpv4Cidrs, ...this.vpcIpv6Cidrs];
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
    this.nodeGroupIndexes ??= firstIndexByName(this.design.nodeGroups);
    const index = this.nodeGroupIndexes.get(name) ?? -1;
    if (index < 0) throw invalid('UNKNOWN_NODE_GROUP', `No node group named "${name}" in the design.`, path);
    const group = this.design.nodeGroups[index];
    if (group.subnets.length === 0) {
      throw invalid('NODE_GROUP_WITHOUT_SUBNETS', `Node group "${name}" lists no subnets, so its nodes have no address.`, path);
    }
    return { group, index };
  }

  public subnet(name: string, path: string): IndexedSubnet {
    this.subnetIndexes ??= firstIndexByName(this.design.subnets);
    const index = this.subnetIndexes.get(name) ?? -1;
    if (index < 0) throw invalid('UNKNOWN_SUBNET', `No subnet named "${name}" in the design.`, path);
    let entry = this.subnetEntries[index];
    if (entry === undefined) {
      const subnet = this.design.subnets[index];
      entry = { subnet, index, cidr: parseDesignCidr(subnet.cidr, `subnets[${index}].cidr`, 4) };
      this.subnetEntries[index] = entry;
    }
    return entry;
  }

  /** Subnets with the role, in design order (each as `subnet(name)` answers it). */
  public subnetsWithRole(role: NonNullable<Subnet['roles']>[number]): readonly IndexedSubnet[] {
    let list = this.subnetsByRole.get(role);
    if (list === undefined) {
      list = this.design.subnets.filter((subnet) => subnet.roles?.includes(role)).map((subnet) => this.subnet(subnet.name, 'subnets'));
      this.subnetsByRole.set(role, list);
    }
    return list;
  }

  public allSubnets(): readonly IndexedSubnet[] {
    this.allSubnetList ??= this.design.subnets.map((subnet) => this.subnet(subnet.name, 'subnets'));
    return this.allSubnetList;
  }

  /** The design subnet whose IPv4 CIDR holds the address, if any. */
  public subnetContaining(ip: string): IndexedSubnet | undefined {
    const address = parseAddress(ip);
    return this.allSubnets().find(({ cidr }) => cidrContainsValue(cidr, address));
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
    const group = this.securityGroupNamed(name);
    if (!group) throw invalid('UNKNOWN_SECURITY_GROUP', `No security group named "${name}" in the design.`, path);
    return group;
  }

  public hasSecurityGroup(name: string): boolean {
    return this.securityGroupNamed(name) !== undefined;
  }

  /** "Any IPv4 address that isn't within a CIDR block that's associated to your VPC" is what the CNI SNATs ([EKS-SNAT] L7). */
  public isInVpc(ip: string): boolean {
    const address = parseAddress(ip);
    return this.vpcCidrs.some((cidr) => cidrContainsValue(cidr, address));
  }

  /** The first peer network with a CIDR holding the address (CIDRs that do not parse hold nothing). */
  public peerContaining(ip: string): VpcPeer | undefined {
    const address = parseAddress(ip);
    return (this.design.vpc.peers ?? []).find((peer, i) =>
      (this.peerCidrs[i] ??= parsedCidrs(peer.cidrs)).some(({ cidr }) => cidrContainsValue(cidr, address)),
    );
  }

  /** The first AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS entry (as written) holding the address, if any. */
  public excludedFromSnat(ip: string): string | undefined {
    this.excludeSnatCidrs ??= parsedCidrs(this.design.cni?.excludeSnatCidrs ?? []);
    const address = parseAddress(ip);
    return this.excludeSnatCidrs.find(({ cidr }) => cidrContainsValue(cidr, address))?.text;
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

  private securityGroupNamed(name: string): SecurityGroup | undefined {
    if (this.securityGroups === undefined) {
      this.securityGroups = new Map();
      for (const group of this.design.securityGroups ?? [])
        if (!this.securityGroups.has(group.name)) this.securityGroups.set(group.name, group);
    }
    return this.securityGroups.get(name);
  }
}

/** Name → index of the first entry with that name. */
function firstIndexByName(entries: readonly { name: string }[]): Map<string, number> {
  const indexes = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!indexes.has(entry.name)) indexes.set(entry.name, index);
  });
  return indexes;
}

/** The CIDRs of a list that parse, with the text they were written as; the others are skipped. */
function parsedCidrs(texts: readonly string[]): { text: string; cidr: Cidr }[] {
  return texts.flatMap((text) => {
    const result = parseCidrResult(text);
    return result.ok ? [{ text, cidr: result.cidr }] : [];
  });
}

export function invalid(code: InvalidInputCode, message: string, path: string): InvalidInputError {
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
