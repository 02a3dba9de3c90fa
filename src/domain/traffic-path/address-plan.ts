/**
 * Deterministic example addresses for a trace: the same design and flow always give the same addresses.
 *
 * Rules (AWS reserves the first four and the last address of every subnet — VPC user guide "Subnet CIDR blocks"):
 * - node `g-node-k` (node group index g, ordinal k) lives in `subnets[k % n]`; primary IPv4 = subnet + 4 + 10·g + ⌊k/n⌋;
 * - pod of workload w, replica r: IPv4 = pod subnet + size/2 + 10 + 10·w + r (the pod subnet is the node's, or the
 *   ENIConfig subnet of the node's AZ under custom networking); IPv6 = node's /80 prefix ([EKS-IPV6]) + 10·w + r + 1;
 * - LB node: ELB-role subnet, offset −(10 + w); EKS private endpoint X-ENI: CLUSTER_ENDPOINTS subnet, offset −6;
 * - public addresses that the design cannot know come from the RFC 5737 documentation ranges:
 *   node public IPv4 198.51.100.x, NAT gateway EIP 203.0.113.x (or Flow.natGatewayEips), LB public / EKS public
 *   endpoint 192.0.2.x; IPv6 falls back to 2001:db8::/32 (RFC 3849).
 * Offsets wrap inside a subnet's usable range, so tiny subnets never throw.
 */
import { addressAt, cidrSize, parseCidr, type Cidr } from '../network/cidr.js';
import type { NodeGroup } from '../spec/design-spec.types.js';
import type { AssumptionCode } from './trace-codes.js';
import { invalid, parseDesignCidr, type DesignLookup, type IndexedSubnet } from './design-lookup.js';

const AWS_RESERVED_LEADING = 4n;
const NODE_PUBLIC_RANGE = parseCidr('198.51.100.0/24');
const NAT_EIP_RANGE = parseCidr('203.0.113.0/24');
const PUBLIC_SERVICE_RANGE = parseCidr('192.0.2.0/24');
const DOCUMENTATION_IPV6 = parseCidr('2001:db8::/56');
/** [TP §1] the host-local IPv4 range an IPv6 pod egresses IPv4 from ([EKS-IPV6] L25). */
const POD_V4_EGRESS_RANGE = parseCidr('169.254.172.0/22');
/** EKS picks one of these when serviceIpv4Cidr is unset: 172.20.0.0/16 when the VPC is in 10.0.0.0/8 (EKS CreateCluster). */
const EKS_SERVICE_CIDRS = { inTenSlash8: parseCidr('172.20.0.0/16'), otherwise: parseCidr('10.100.0.0/16') };
/** Placeholder unique-local /108 for IPv6 Services (EKS assigns one from fc00::/7). */
const IPV6_SERVICE_CIDR = parseCidr('fd00:ec2::/108');

export interface NodePlacement {
  group: NodeGroup;
  groupIndex: number;
  ordinal: number;
  name: string;
  subnet: IndexedSubnet;
  az: string;
  primaryIp: string;
  publicIp: string;
  ipv6: string;
  /** Node's /80 IPv6 prefix base (pods of an IPv6 cluster take addresses from it). */
  ipv6PrefixBase: bigint;
}

export type Assume = (code: AssumptionCode, message: string) => void;

export class AddressPlan {
  public constructor(
    private readonly lookup: DesignLookup,
    private readonly assume: Assume,
    private readonly natGatewayEips: Record<string, string> = {},
  ) {}

  /** Where node `ordinal` of a group sits, without its addresses: nodes spread over the group's subnets in turn. */
  public nodeSlot(groupName: string, ordinal: number, path: string): { name: string; az: string; subnet: IndexedSubnet; slot: number } {
    const { group, index: groupIndex } = this.lookup.nodeGroup(groupName, path);
    return this.slotIn(group, groupIndex, ordinal);
  }

  public node(groupName: string, ordinal: number, path: string): NodePlacement {
    const { group, index: groupIndex } = this.lookup.nodeGroup(groupName, path);
    const { name, subnet, slot } = this.slotIn(group, groupIndex, ordinal);
    const key = BigInt(groupIndex * 10 + ordinal + 1);
    const ipv6Subnet = this.subnetIpv6(subnet);
    const ipv6PrefixBase = ipv6Subnet.first + (key << 48n);
    return {
      group,
      groupIndex,
      ordinal,
      name,
      subnet,
      az: subnet.subnet.az,
      primaryIp: hostAddress(subnet.cidr, BigInt(4 + groupIndex * 10 + slot)),
      publicIp: hostAddress(NODE_PUBLIC_RANGE, 10n + ((key - 1n) % 240n)),
      ipv6: hostAddress(ipv6Subnet, key),
      ipv6PrefixBase,
    };
  }

  public podIpv4(podSubnet: IndexedSubnet, workloadIndex: number, replica: number): string {
    const half = cidrSize(podSubnet.cidr) / 2n;
    return hostAddress(podSubnet.cidr, half + BigInt(10 + workloadIndex * 10 + replica));
  }

  public podIpv6(node: NodePlacement, workloadIndex: number, replica: number): string {
    const ipv6Subnet = this.subnetIpv6(node.subnet);
    return hostAddress(ipv6Subnet, node.ipv6PrefixBase - ipv6Subnet.first + BigInt(workloadIndex * 10 + replica + 1));
  }

  public podHostLocalIpv4(workloadIndex: number, replica: number): string {
    return addressAt(POD_V4_EGRESS_RANGE, 1 + ((workloadIndex * 10 + replica) % 1000));
  }

  public natGatewayEip(name: string): string {
    // Own keys only: a NAT gateway may be named `constructor` or `toString`.
    if (Object.hasOwn(this.natGatewayEips, name)) return this.natGatewayEips[name];
    const { index } = this.lookup.natGateway(name, 'natGateways');
    this.placeholder(`the Elastic IP of NAT gateway ${name}`, NAT_EIP_RANGE);
    return addressAt(NAT_EIP_RANGE, 10 + (index % 240));
  }

  public nodePublicIp(node: NodePlacement): string {
    this.placeholder(`the public IPv4 of ${node.name}`, NODE_PUBLIC_RANGE);
    return node.publicIp;
  }

  public lbPrivateIp(subnet: IndexedSubnet, workloadIndex: number): string {
    return hostAddress(subnet.cidr, -BigInt(10 + workloadIndex));
  }

  public lbIpv6(subnet: IndexedSubnet, workloadIndex: number): string {
    return hostAddress(this.subnetIpv6(subnet), BigInt(0xe1b0 + workloadIndex));
  }

  public lbPublicIp(workloadIndex: number): string {
    this.placeholder('the public address of the internet-facing load balancer', PUBLIC_SERVICE_RANGE);
    return addressAt(PUBLIC_SERVICE_RANGE, 100 + (workloadIndex % 150));
  }

  public hostPublicIp(ip: string): string {
    this.placeholder(`the public IPv4 of VPC host ${ip}`, NODE_PUBLIC_RANGE);
    return addressAt(NODE_PUBLIC_RANGE, 250);
  }

  public eksApiPublicIp(): string {
    this.placeholder('the public API server endpoint address', PUBLIC_SERVICE_RANGE);
    return addressAt(PUBLIC_SERVICE_RANGE, 10);
  }

  public eksApiPrivateIp(subnet: IndexedSubnet): string {
    return hostAddress(subnet.cidr, -6n);
  }

  public clusterIp(workloadIndex: number): string {
    if (this.lookup.isIpv6Cluster) {
      this.assume(
        'SERVICE_CIDR_DEFAULT',
        `IPv6 Services get addresses from a unique-local /108 EKS assigns; shown from ${IPV6_SERVICE_CIDR.text}.`,
      );
      return addressAt(IPV6_SERVICE_CIDR, 100 + workloadIndex);
    }
    const given = this.lookup.design.serviceIpv4Cidr;
    let cidr: Cidr;
    if (given !== undefined) {
      cidr = parseDesignCidr(given, 'serviceIpv4Cidr', 4);
    } else {
      const vpcInTen = this.lookup.vpcIpv4Cidrs.some((vpc) => vpc.text.startsWith('10.'));
      cidr = vpcInTen ? EKS_SERVICE_CIDRS.inTenSlash8 : EKS_SERVICE_CIDRS.otherwise;
      this.assume(
        'SERVICE_CIDR_DEFAULT',
        `serviceIpv4Cidr is not set; EKS assigns ${cidr.text} (172.20.0.0/16 when the VPC is in 10.0.0.0/8, else 10.100.0.0/16).`,
      );
    }
    return hostAddress(cidr, BigInt(100 + workloadIndex));
  }

  /** The subnet's IPv6 /64: given, else carved from the VPC's IPv6 CIDR by subnet index, else a documentation prefix. */
  public subnetIpv6(subnet: IndexedSubnet): Cidr {
    if (subnet.subnet.ipv6Cidr) return parseDesignCidr(subnet.subnet.ipv6Cidr, `subnets[${subnet.index}].ipv6Cidr`, 6);
    const vpc = this.lookup.vpcIpv6Cidrs[0] ?? DOCUMENTATION_IPV6;
    if (this.lookup.isIpv6Cluster) {
      this.assume(
        'SUBNET_IPV6_DERIVED',
        `Subnet ${subnet.subnet.name} has no ipv6Cidr; its /64 is taken as number ${subnet.index} of ${vpc.text}.`,
      );
    }
    if (vpc.prefixLength > 64) throw invalid('INVALID_CIDR', `${vpc.text} is smaller than one /64 subnet.`, 'vpc.ipv6Cidrs[0]');
    const first = vpc.first + (BigInt(subnet.index) << 64n);
    return parseCidr(`${hostAddress(vpc, first - vpc.first)}/64`);
  }

  private slotIn(group: NodeGroup, groupIndex: number, ordinal: number): { name: string; az: string; subnet: IndexedSubnet; slot: number } {
    const subnetCount = group.subnets.length;
    const subnetIndex = ordinal % subnetCount;
    const subnet = this.lookup.subnet(group.subnets[subnetIndex], `nodeGroups[${groupIndex}].subnets[${subnetIndex}]`);
    return { name: `${group.name}-node-${ordinal}`, az: subnet.subnet.az, subnet, slot: Math.floor(ordinal / subnetCount) };
  }

  private placeholder(what: string, range: Cidr): void {
    this.assume('ADDRESS_PLACEHOLDERS', `The design cannot know ${what}; it is shown from ${range.text} (RFC 5737 documentation range).`);
  }
}

/** The address `offset` places into the CIDR, wrapped into the usable range (skipping AWS's reserved addresses for IPv4). */
export function hostAddress(cidr: Cidr, offset: bigint): string {
  const size = cidrSize(cidr);
  if (cidr.version === 6 || size < 8n) return addressAt(cidr, mod(offset, size));
  const usable = size - AWS_RESERVED_LEADING - 1n;
  const start = offset < 0n ? size + offset : offset;
  return addressAt(cidr, AWS_RESERVED_LEADING + mod(start - AWS_RESERVED_LEADING, usable));
}

function mod(value: bigint, modulus: bigint): bigint {
  return ((value % modulus) + modulus) % modulus;
}
