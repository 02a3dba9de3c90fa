/**
 * CIDR rules over a draft design: syntax and family, VPC and subnet sizes, containment in the VPC, overlaps,
 * peers and the service CIDR. Overlaps are found by one sweep over CIDRs sorted by start address (O(n log n)).
 */
import { cidrContains, cidrOverlaps, parseAddress, parseCidr, parseCidrResult, type Cidr, type IpVersion } from '../network/cidr.js';
import type { DesignSpecErrorCode } from './design-spec.codes.js';
import type { PathSegment, Problems } from './design-spec.problems.js';
import { show, type Draft } from './design-spec.readers.js';
import type { DesignSpec } from './design-spec.types.js';

// BP subnets.adoc: VPC CIDR blocks from /16 to /28; AWS VPC user guide: subnets /16 to /28, IPv6 subnets /64.
const IPV4_PREFIXES = { largest: 16, smallest: 28 };
const IPV6_SUBNET_PREFIX = 64;
// AWS VPC user guide "Subnet CIDR blocks": the first four and the last address of every subnet are reserved.
const AWS_RESERVED_ADDRESSES = 5;
// EKS CreateCluster kubernetesNetworkConfig.serviceIpv4Cidr (exposure.md §5): RFC 1918, /24 to /12, not in the VPC.
const SERVICE_CIDR_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((range) => parseCidr(range));
const SERVICE_CIDR_PREFIXES = { largest: 12, smallest: 24 };
const MAX_CIDRS_NAMED = 5;

interface Placed {
  readonly cidr: Cidr;
  readonly path: readonly PathSegment[];
  /** How a message names it: `subnets[4] "private-b"`. */
  readonly label: string;
}

interface PlacedSet {
  readonly placed: readonly Placed[];
  /** Every entry parsed: only then is "outside the VPC" a fact rather than a consequence of a bad VPC CIDR. */
  readonly complete: boolean;
}

/** A rule `from` is a CIDR when it looks like an address; anything else names a security group. */
export function looksLikeCidr(from: string): boolean {
  return from.includes('/') || parseAddress(from) !== undefined;
}

export function checkNetwork(spec: Draft<DesignSpec>, problems: Problems): void {
  const cidrs = new CidrReader(problems);
  const vpcIpv4 = checkVpcIpv4(spec, cidrs, problems);
  const vpcIpv6 = checkVpcIpv6(spec, cidrs, problems);
  checkPeers(spec, cidrs, [...vpcIpv4.placed, ...vpcIpv6.placed], problems);
  checkSubnets(spec, cidrs, vpcIpv4, vpcIpv6, problems);
  checkServiceCidr(spec, cidrs, vpcIpv4.placed, problems);

  spec.endpointAccess?.publicAccessCidrs?.forEach((value, i) => cidrs.read(value, undefined, ['endpointAccess', 'publicAccessCidrs', i]));
  // AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS applies to IPv4 SNAT only.
  spec.cni?.excludeSnatCidrs?.forEach((value, i) => cidrs.read(value, 4, ['cni', 'excludeSnatCidrs', i]));
  spec.securityGroups?.forEach((group, g) =>
    group?.ingress?.forEach((rule, r) => {
      if (rule?.from === undefined || !looksLikeCidr(rule.from)) return;
      cidrs.read(rule.from, undefined, ['securityGroups', g, 'ingress', r, 'from']);
    }),
  );
}

/** Parses CIDR text through domain/network/cidr.ts and reports why one is unusable. */
class CidrReader {
  public constructor(private readonly problems: Problems) {}

  public read(value: string | undefined, family: IpVersion | undefined, path: readonly PathSegment[]): Cidr | undefined {
    if (value === undefined) return undefined;
    const parsed = parseCidrResult(value);
    if (!parsed.ok) {
      this.problems.add(path, 'CIDR_INVALID', `${parsed.reason}.`);
      return undefined;
    }
    if (family !== undefined && parsed.cidr.version !== family) {
      const mismatch = parseCidrResult(value, family);
      this.problems.add(path, 'CIDR_WRONG_FAMILY', `${mismatch.ok ? `Expected an IPv${family} CIDR` : mismatch.reason}.`);
      return undefined;
    }
    // The parser forgives whitespace, `/016` and upper-case IPv6; a stored design should not.
    if (parsed.cidr.text !== value) {
      this.problems.add(path, 'CIDR_NOT_CANONICAL', `${show(value)} is not written canonically; write ${parsed.cidr.text}.`);
    }
    return parsed.cidr;
  }
}

function checkVpcIpv4(spec: Draft<DesignSpec>, cidrs: CidrReader, problems: Problems): PlacedSet {
  const placed: Placed[] = [];
  let complete = (spec.vpc?.cidrs?.length ?? 0) > 0 && !problems.has(['vpc', 'secondaryCidrs']);
  for (const field of ['cidrs', 'secondaryCidrs'] as const) {
    spec.vpc?.[field]?.forEach((value, i) => {
      const path = ['vpc', field, i];
      const cidr = cidrs.read(value, 4, path);
      if (cidr === undefined) {
        complete = false;
        return;
      }
      if (!withinPrefixes(cidr, IPV4_PREFIXES)) {
        problems.add(path, 'VPC_CIDR_SIZE', `A VPC CIDR must be between ${describePrefixes(IPV4_PREFIXES)}, got ${cidr.text}.`);
      }
      placed.push({ cidr, path, label: `vpc.${field}[${i}]` });
    });
  }
  reportOverlaps(placed, 'VPC_CIDR_OVERLAP', problems);
  return { placed, complete };
}

function checkVpcIpv6(spec: Draft<DesignSpec>, cidrs: CidrReader, problems: Problems): PlacedSet {
  const placed: Placed[] = [];
  let complete = !problems.has(['vpc']) && !problems.has(['vpc', 'ipv6Cidrs']);
  spec.vpc?.ipv6Cidrs?.forEach((value, i) => {
    const path = ['vpc', 'ipv6Cidrs', i];
    const cidr = cidrs.read(value, 6, path);
    if (cidr === undefined) complete = false;
    else placed.push({ cidr, path, label: `vpc.ipv6Cidrs[${i}]` });
  });
  reportOverlaps(placed, 'VPC_CIDR_OVERLAP', problems);
  return { placed, complete };
}

function checkPeers(spec: Draft<DesignSpec>, cidrs: CidrReader, vpcCidrs: readonly Placed[], problems: Problems): void {
  spec.vpc?.peers?.forEach((peer, p) =>
    peer?.cidrs?.forEach((value, i) => {
      const path = ['vpc', 'peers', p, 'cidrs', i];
      const cidr = cidrs.read(value, undefined, path);
      const clash = cidr && vpcCidrs.find((vpc) => cidrOverlaps(vpc.cidr, cidr));
      if (cidr && clash) {
        problems.add(
          path,
          'PEER_CIDR_OVERLAPS_VPC',
          `${cidr.text} of peer ${show(peer.name ?? `#${p}`)} overlaps the VPC CIDR ${clash.cidr.text} (${clash.label}); ` +
            'overlapping networks cannot be routed to each other.',
        );
      }
    }),
  );
}

function checkSubnets(spec: Draft<DesignSpec>, cidrs: CidrReader, vpcIpv4: PlacedSet, vpcIpv6: PlacedSet, problems: Problems): void {
  const ipv4: Placed[] = [];
  const ipv6: Placed[] = [];
  spec.subnets?.forEach((subnet, i) => {
    if (subnet === undefined) return;
    const label = `subnets[${i}]${subnet.name === undefined ? '' : ` ${show(subnet.name)}`}`;
    const cidrPath = ['subnets', i, 'cidr'];
    const cidr = cidrs.read(subnet.cidr, 4, cidrPath);
    if (cidr !== undefined) {
      ipv4.push({ cidr, path: cidrPath, label });
      if (!withinPrefixes(cidr, IPV4_PREFIXES)) {
        problems.add(cidrPath, 'SUBNET_CIDR_SIZE', `A subnet must be between ${describePrefixes(IPV4_PREFIXES)}, got ${cidr.text}.`);
      }
      if (vpcIpv4.complete && !vpcIpv4.placed.some((vpc) => cidrContains(vpc.cidr, cidr))) {
        problems.add(cidrPath, 'SUBNET_OUTSIDE_VPC', `${cidr.text} is not inside any VPC CIDR (${listCidrs(vpcIpv4.placed)}).`);
      }
      checkObservation(subnet, cidr, ['subnets', i, 'observed', 'availableIps'], problems);
    }
    const ipv6Path = ['subnets', i, 'ipv6Cidr'];
    const ipv6Cidr = cidrs.read(subnet.ipv6Cidr, 6, ipv6Path);
    if (ipv6Cidr !== undefined) {
      ipv6.push({ cidr: ipv6Cidr, path: ipv6Path, label });
      if (ipv6Cidr.prefixLength !== IPV6_SUBNET_PREFIX) {
        problems.add(ipv6Path, 'SUBNET_IPV6_CIDR_SIZE', `An IPv6 subnet CIDR must be a /${IPV6_SUBNET_PREFIX}, got ${ipv6Cidr.text}.`);
      }
      if (vpcIpv6.complete && !vpcIpv6.placed.some((vpc) => cidrContains(vpc.cidr, ipv6Cidr))) {
        const where =
          vpcIpv6.placed.length === 0 ? 'the VPC has no IPv6 CIDR (vpc.ipv6Cidrs)' : `vpc.ipv6Cidrs is ${listCidrs(vpcIpv6.placed)}`;
        problems.add(ipv6Path, 'SUBNET_IPV6_OUTSIDE_VPC', `${ipv6Cidr.text} is not inside the VPC's IPv6 CIDRs: ${where}.`);
      }
    }
  });
  reportOverlaps(ipv4, 'SUBNET_CIDR_OVERLAP', problems);
  reportOverlaps(ipv6, 'SUBNET_IPV6_CIDR_OVERLAP', problems);
}

/** AWS reserves 5 addresses of every subnet, so AvailableIpAddressCount never exceeds the size less 5. */
function checkObservation(
  subnet: Draft<DesignSpec['subnets'][number]>,
  cidr: Cidr,
  path: readonly PathSegment[],
  problems: Problems,
): void {
  const available = subnet?.observed?.availableIps;
  if (available === undefined || problems.has(path) || cidr.prefixLength < IPV4_PREFIXES.largest) return;
  const usable = 2 ** (32 - cidr.prefixLength) - AWS_RESERVED_ADDRESSES;
  if (available > usable) {
    problems.add(
      path,
      'OBSERVED_IPS_ABOVE_USABLE',
      `${cidr.text} holds at most ${usable} usable addresses (5 are AWS-reserved), but ${available} are observed available.`,
    );
  }
}

function checkServiceCidr(spec: Draft<DesignSpec>, cidrs: CidrReader, vpcIpv4: readonly Placed[], problems: Problems): void {
  const path = ['serviceIpv4Cidr'];
  const cidr = cidrs.read(spec.serviceIpv4Cidr, 4, path);
  if (cidr === undefined) return;
  if (!SERVICE_CIDR_RANGES.some((range) => cidrContains(range, cidr))) {
    problems.add(
      path,
      'SERVICE_CIDR_NOT_PRIVATE',
      `${cidr.text} must be inside ${SERVICE_CIDR_RANGES.map((range) => range.text).join(', ')}.`,
    );
  }
  if (!withinPrefixes(cidr, SERVICE_CIDR_PREFIXES)) {
    problems.add(
      path,
      'SERVICE_CIDR_SIZE',
      `The service CIDR must be between ${describePrefixes(SERVICE_CIDR_PREFIXES)}, got ${cidr.text}.`,
    );
  }
  const clash = vpcIpv4.find((vpc) => cidrOverlaps(vpc.cidr, cidr));
  if (clash) {
    problems.add(path, 'SERVICE_CIDR_OVERLAPS_VPC', `${cidr.text} overlaps the VPC CIDR ${clash.cidr.text} (${clash.label}).`);
  }
}

/**
 * Reports every CIDR that overlaps another one, once each, naming one CIDR it overlaps. Sweep over CIDRs sorted by
 * start (widest first): a CIDR overlaps an earlier one iff it starts before the furthest end seen so far, and a CIDR
 * that overlaps only later ones is that furthest end when the next one arrives.
 */
function reportOverlaps(items: readonly Placed[], code: DesignSpecErrorCode, problems: Problems): void {
  if (items.length < 2) return;
  const sorted = [...items].sort((a, b) => compareBigints(a.cidr.first, b.cidr.first) || compareBigints(b.cidr.last, a.cidr.last));
  const partner = new Map<Placed, Placed>();
  let reach = sorted[0];
  for (const current of sorted.slice(1)) {
    if (current.cidr.first <= reach.cidr.last) {
      if (!partner.has(current)) partner.set(current, reach);
      if (!partner.has(reach)) partner.set(reach, current);
    }
    if (current.cidr.last > reach.cidr.last) reach = current;
  }
  for (const item of items) {
    const other = partner.get(item);
    if (other) problems.add(item.path, code, `${item.cidr.text} overlaps ${other.label} (${other.cidr.text}).`);
  }
}

function withinPrefixes(cidr: Cidr, { largest, smallest }: { largest: number; smallest: number }): boolean {
  return cidr.prefixLength >= largest && cidr.prefixLength <= smallest;
}

function describePrefixes({ largest, smallest }: { largest: number; smallest: number }): string {
  return `/${largest} and /${smallest}`;
}

function compareBigints(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function listCidrs(placed: readonly Placed[]): string {
  const shown = placed
    .slice(0, MAX_CIDRS_NAMED)
    .map((p) => p.cidr.text)
    .join(', ');
  return placed.length > MAX_CIDRS_NAMED ? `${shown}, …` : shown;
}
