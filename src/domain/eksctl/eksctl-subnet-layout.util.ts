/**
 * The subnets eksctl creates when a ClusterConfig names no subnets, and the VPC CIDRs an existing VPC must have to
 * hold the subnets it lists. Address arithmetic goes through domain/network/cidr.ts; the two block helpers below are
 * the only extra maths (aligning an address down to a prefix, stepping blocks) and would move there if others need them.
 */
import { cidrContains, cidrOverlaps, formatAddress, parseCidr, type Cidr } from '../network/cidr.js';

export interface GeneratedSubnet {
  /** `public-us-west-2a`: what the import names an AZ-keyed subnet. */
  name: string;
  az: string;
  cidr: string;
  ipv6Cidr?: string;
  public: boolean;
}

export interface LayoutInput {
  vpcCidr: Cidr;
  availabilityZones: readonly string[];
  ipv6VpcCidr?: Cidr;
  /** privateCluster.enabled: eksctl creates no public subnets. */
  privateOnly: boolean;
}

export type LayoutResult = { ok: true; subnets: GeneratedSubnet[] } | { ok: false; reason: string };

export function subnetName(isPublic: boolean, az: string): string {
  return `${isPublic ? 'public' : 'private'}-${az}`;
}

/** The block of `prefix` that contains `cidr` (its supernet). */
export function enclosingCidr(cidr: Cidr, prefix: number): Cidr {
  const bits = cidr.version === 4 ? 32 : 128;
  const hostBits = BigInt(bits - prefix);
  return parseCidr(`${formatAddress(cidr.version, (cidr.first >> hostBits) << hostBits)}/${prefix}`);
}

/** The `index`-th block of `prefix` inside `parent` (CloudFormation Fn::Cidr and eksctl SplitInto8 both step this way). */
function blockAt(parent: Cidr, prefix: number, index: number): Cidr {
  const bits = parent.version === 4 ? 32 : 128;
  const first = parent.first + (BigInt(index) << BigInt(bits - prefix));
  return parseCidr(`${formatAddress(parent.version, first)}/${prefix}`);
}

/**
 * eksctl's generated layout. IPv4 clusters: pkg/vpc/vpc.go SetSubnets splits the VPC CIDR into 8 (up to 4 AZs) or 16
 * (up to 8 AZs) blocks; AZ i gets public block i and private block i + n. IPv6 clusters: pkg/cfn/builder/vpc_ipv6.go
 * takes 2n + 2 Fn::Cidr partitions of both the IPv4 CIDR (host bits floor(log2(size / partitions)),
 * calculateDesiredMask) and the VPC's IPv6 block (/64s), public i → partition i, private i → partition i + n.
 */
export function eksctlGeneratedSubnets({ vpcCidr, availabilityZones, ipv6VpcCidr, privateOnly }: LayoutInput): LayoutResult {
  const zones = availabilityZones.length;
  if (zones === 0) return { ok: false, reason: 'no Availability Zones' };
  if (vpcCidr.prefixLength < 16 || vpcCidr.prefixLength > 24) {
    return { ok: false, reason: `eksctl splits only a /16 to /24 VPC CIDR, got ${vpcCidr.text}` };
  }
  let ipv4Prefix: number;
  let ipv6Blocks: Cidr[] | undefined;
  if (ipv6VpcCidr === undefined) {
    if (zones * 2 > 16) return { ok: false, reason: `eksctl creates at most 16 subnets, ${zones * 2} needed` };
    ipv4Prefix = vpcCidr.prefixLength + (zones * 2 <= 8 ? 3 : 4);
  } else {
    const partitions = zones * 2 + 2;
    const hostBits = Math.floor(Math.log2(2 ** (32 - vpcCidr.prefixLength) / partitions));
    ipv4Prefix = 32 - hostBits;
    if (ipv6VpcCidr.prefixLength > 64 || 2 ** (64 - ipv6VpcCidr.prefixLength) < partitions) {
      return { ok: false, reason: `${ipv6VpcCidr.text} has fewer than ${partitions} /64 blocks` };
    }
    ipv6Blocks = Array.from({ length: partitions }, (_, index) => blockAt(ipv6VpcCidr, 64, index));
  }
  const subnets: GeneratedSubnet[] = [];
  for (const isPublic of [true, false]) {
    if (isPublic && privateOnly) continue;
    availabilityZones.forEach((az, i) => {
      const index = isPublic ? i : i + zones;
      subnets.push({
        name: subnetName(isPublic, az),
        az,
        cidr: blockAt(vpcCidr, ipv4Prefix, index).text,
        ...(ipv6Blocks === undefined ? {} : { ipv6Cidr: ipv6Blocks[index].text }),
        public: isPublic,
      });
    });
  }
  return { ok: true, subnets };
}

/** A VPC holds at most 50 IPv4 CIDRs (DesignSpec limit, VPC quota); beyond that the subnets stay outside. */
const MAX_INFERRED_CIDRS = 50;

/**
 * VPC CIDRs that would hold subnets lying outside the known ones: for each such subnet the largest block a VPC may
 * associate (/16 first, then smaller) that contains it without overlapping any known or already inferred CIDR.
 * A 100.64.0.0/19 pod subnet next to a 10.0.0.0/16 VPC gives 100.64.0.0/16.
 */
export function inferVpcCidrs(known: readonly Cidr[], outside: readonly Cidr[], limit = MAX_INFERRED_CIDRS): Cidr[] {
  const inferred: Cidr[] = [];
  for (const subnet of outside) {
    if (inferred.length >= limit) break;
    if (subnet.version !== 4 || [...known, ...inferred].some((cidr) => cidrContains(cidr, subnet))) continue;
    for (let prefix = 16; prefix <= subnet.prefixLength; prefix += 1) {
      const candidate = enclosingCidr(subnet, prefix);
      if (![...known, ...inferred].some((cidr) => cidrOverlaps(cidr, candidate))) {
        inferred.push(candidate);
        break;
      }
    }
  }
  return inferred;
}
