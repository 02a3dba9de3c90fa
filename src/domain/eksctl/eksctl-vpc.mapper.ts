/**
 * ClusterConfig `vpc` (and the cluster-level `availabilityZones`, `privateCluster`) → DesignSpec VPC CIDRs, subnets,
 * NAT gateways and endpoint access. Subnets come either from `vpc.subnets` (both the AZ-keyed form and named subnets
 * with `az`) or, when none are listed, from the layout eksctl itself would create.
 */
import { cidrContains, parseCidr, parseCidrResult, type Cidr } from '../network/cidr.js';
import { AWS_ID_PATTERNS, type EndpointAccess, type NatGateway, type SubnetRole } from '../spec/design-spec.types.js';
import { type ConfigObject, formatPath, type ImportContext } from './eksctl-config.reader.js';
import { eksctlGeneratedSubnets, inferVpcCidrs, subnetName } from './eksctl-subnet-layout.util.js';
import type { PathSegment } from './eksctl-yaml.parser.js';

export type Topology = 'public' | 'private';

export interface ImportedSubnet {
  /** The eksctl key (an AZ, or a name) that node groups and control-plane settings refer to. */
  readonly key: string;
  readonly id?: string;
  readonly topology: Topology;
  readonly name: string;
  readonly az: string;
  readonly cidr: Cidr;
  readonly ipv6Cidr?: string;
  readonly path: readonly PathSegment[];
  readonly roles: Set<SubnetRole>;
  /** An ENIConfig subnet under custom networking. */
  pods: boolean;
  natGateway?: string;
}

/** eksctl DefaultCIDR (pkg/apis/eksctl.io/v1alpha5/vpc.go). */
export const EKSCTL_DEFAULT_VPC_CIDR = '192.168.0.0/16';
/** RFC 3849 documentation prefix: stands in for an IPv6 block AWS assigns at creation; never routable. */
export const IPV6_PLACEHOLDER_CIDR = '2001:db8::/56';
const AZ_LIKE =
  /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}[a-z]$|^[a-z]{2}(?:-[a-z]+)+-\d{1,2}-[a-z0-9-]+$|^[a-z]{2,5}\d{1,2}(?:-[a-z]{2,5}\d{1,2})?-az\d{1,2}$/;
const NAME_CHARS = /[^A-Za-z0-9._-]/g;

/** The subnets of an import, with eksctl's ways of referring to them (indexed: a large config stays linear). */
export class SubnetCatalog {
  private readonly left = new Map<string, string>();
  private readonly byKey = { public: new Map<string, ImportedSubnet>(), private: new Map<string, ImportedSubnet>() };
  private readonly byId = new Map<string, ImportedSubnet>();
  private readonly byName = new Map<string, ImportedSubnet>();

  public constructor(public readonly subnets: ImportedSubnet[]) {
    for (const subnet of subnets) {
      if (!this.byKey[subnet.topology].has(subnet.key)) this.byKey[subnet.topology].set(subnet.key, subnet);
      if (subnet.id !== undefined && !this.byId.has(subnet.id)) this.byId.set(subnet.id, subnet);
      this.byName.set(subnet.name, subnet);
    }
  }

  /** A subnet the import left out: references to it explain why instead of "unknown". */
  public markSkipped(ref: string, reason: string): void {
    this.left.set(ref, reason);
  }

  public skippedReason(ref: string): string | undefined {
    return this.left.get(ref);
  }

  public named(name: string): ImportedSubnet | undefined {
    return this.byName.get(name);
  }

  /** eksctl resolves a reference against its keys (preferring the node group's topology), then against subnet IDs. */
  public resolve(ref: string, prefer: Topology): ImportedSubnet | undefined {
    const other: Topology = prefer === 'public' ? 'private' : 'public';
    return this.byKey[prefer].get(ref) ?? this.byKey[other].get(ref) ?? this.byId.get(ref) ?? this.byName.get(ref);
  }

  /** Subnets of one topology that nodes may use (pod subnets are ENIConfig targets, not node subnets). */
  public nodeSubnets(topology: Topology): ImportedSubnet[] {
    return this.subnets.filter((subnet) => subnet.topology === topology && !subnet.pods);
  }
}

export interface VpcImport {
  /** vpc.id of an existing VPC, when it is an AWS VPC ID. */
  vpcId?: string;
  catalog: SubnetCatalog;
  cidrs: string[];
  secondaryCidrs: string[];
  ipv6Cidrs: string[];
  existingVpc: boolean;
  privateCluster: boolean;
}

interface RawSubnet {
  key: string;
  topology: Topology;
  id?: string;
  az?: string;
  cidr?: string;
  path: PathSegment[];
}

export function readVpc(config: ConfigObject, region: string, ipv6Cluster: boolean): VpcImport {
  const ctx = config.ctx;
  const vpc = config.object('vpc');
  const privateCluster = config.object('privateCluster')?.boolean('enabled') === true;
  const vpcId = vpc?.string('id');
  if (vpcId !== undefined && !AWS_ID_PATTERNS.vpc.test(vpcId)) {
    vpc?.unsupported('id', `${JSON.stringify(vpcId)} is not a VPC ID (vpc- and 8 or 17 hex digits); the design keeps no vpc.id.`);
  }

  const primary = readCidr(vpc, 'cidr', ctx);
  const extra = (vpc?.stringList('extraCIDRs') ?? []).flatMap((text, i) => canonical(text, [...vpc!.at('extraCIDRs'), i], ctx));
  const ipv6 = [
    readCidr(vpc, 'ipv6Cidr', ctx),
    ...(vpc?.stringList('extraIPv6CIDRs') ?? []).map((text, i) => canonical(text, [...vpc!.at('extraIPv6CIDRs'), i], ctx)[0]),
  ].filter((cidr): cidr is Cidr => cidr !== undefined);
  if (ipv6Cluster && ipv6.length === 0) {
    ipv6.push(parseCidr(IPV6_PLACEHOLDER_CIDR));
    ctx.warn(
      'IPV6_CIDR_PLACEHOLDER',
      `AWS assigns the VPC's IPv6 block when it creates it; ${IPV6_PLACEHOLDER_CIDR} (a documentation prefix) stands in for it so the design can be planned.`,
    );
  }

  const raw = readRawSubnets(vpc);
  const existingVpc = vpcId !== undefined || raw.some((subnet) => subnet.id !== undefined);
  const zones = config.stringList('availabilityZones');
  const skips: [string, string][] = [];
  let subnets: ImportedSubnet[];
  let vpcCidr = primary;
  if (raw.length > 0) {
    subnets = explicitSubnets(raw, ctx, skips);
    if (ipv6Cluster) {
      ctx.warn(
        'IPV6_SUBNET_CIDRS_UNKNOWN',
        'eksctl subnets carry no IPv6 CIDR, so the listed subnets have none in the design; add subnets[].ipv6Cidr before planning an IPV6 cluster.',
        ['vpc', 'subnets'],
      );
    }
  } else if (existingVpc) {
    subnets = [];
    ctx.warn(
      'SUBNET_SKIPPED',
      'The config names an existing VPC without listing its subnets (eksctl would look them up); list vpc.subnets to plan them.',
      ['vpc'],
    );
  } else {
    vpcCidr ??= parseCidr(EKSCTL_DEFAULT_VPC_CIDR);
    subnets = generatedSubnets(vpcCidr, availabilityZones(zones, region, ctx), ipv6Cluster ? ipv6[0] : undefined, privateCluster, ctx);
  }

  const cidrs = vpcCidr !== undefined ? [vpcCidr] : inferPrimaryCidr(subnets, ctx);
  const secondary = [...extra, ...inferSecondaryCidrs(subnets, [...cidrs, ...extra], extra.length > 0, ctx)];
  const catalog = new SubnetCatalog(subnets);
  skips.forEach(([ref, reason]) => catalog.markSkipped(ref, reason));
  return {
    ...(vpcId !== undefined && AWS_ID_PATTERNS.vpc.test(vpcId) ? { vpcId } : {}),
    catalog,
    cidrs: cidrs.map((cidr) => cidr.text),
    secondaryCidrs: secondary.map((cidr) => cidr.text),
    ipv6Cidrs: ipv6.map((cidr) => cidr.text),
    existingVpc,
    privateCluster,
  };
}

/** eksctl picks the zones itself when none are given (three where the Region has them). */
function availabilityZones(zones: string[] | undefined, region: string, ctx: ImportContext): string[] {
  if (zones !== undefined && zones.length > 0) return zones;
  const assumed = ['a', 'b', 'c'].map((letter) => `${region}${letter}`);
  ctx.warn(
    'AVAILABILITY_ZONES_ASSUMED',
    `eksctl picks the Availability Zones when it creates the VPC; the design assumes ${assumed.join(', ')}. Set availabilityZones to pin them.`,
  );
  return assumed;
}

/** An existing VPC named without vpc.cidr: the largest block around its first subnet stands in. */
function inferPrimaryCidr(subnets: readonly ImportedSubnet[], ctx: ImportContext): Cidr[] {
  if (subnets.length === 0) return [];
  const [inferred] = inferVpcCidrs([], [subnets[0].cidr]);
  if (inferred === undefined) return [];
  ctx.warn(
    'VPC_CIDR_INFERRED',
    `The config names an existing VPC without vpc.cidr; ${inferred.text} (the largest block around ${subnets[0].name}) stands in for its CIDR.`,
    ['vpc'],
  );
  return [inferred];
}

/** Subnets outside every known VPC CIDR (pod subnets of custom networking, typically) need a secondary CIDR. */
function inferSecondaryCidrs(subnets: readonly ImportedSubnet[], known: readonly Cidr[], hasExtra: boolean, ctx: ImportContext): Cidr[] {
  const outside = subnets.filter((subnet) => !known.some((cidr) => cidrContains(cidr, subnet.cidr))).map((subnet) => subnet.cidr);
  const inferred = inferVpcCidrs(known, outside);
  if (inferred.length > 0) {
    const holders = subnets.filter((subnet) => inferred.some((cidr) => cidrContains(cidr, subnet.cidr))).map((subnet) => subnet.name);
    ctx.warn(
      'SECONDARY_CIDR_INFERRED',
      `Subnets ${holders.join(', ')} lie outside vpc.cidr${hasExtra ? ' and vpc.extraCIDRs' : ''}; the VPC must have ${inferred.map((cidr) => cidr.text).join(', ')} associated, so the design lists ${inferred.length === 1 ? 'it' : 'them'} in vpc.secondaryCidrs.`,
      ['vpc', 'subnets'],
    );
  }
  return inferred;
}

function readCidr(object: ConfigObject | undefined, key: string, ctx: ImportContext): Cidr | undefined {
  const text = object?.string(key);
  return text === undefined ? undefined : canonical(text, object!.at(key), ctx)[0];
}

function canonical(text: string, path: readonly PathSegment[], ctx: ImportContext): Cidr[] {
  const parsed = parseCidrResult(text);
  if (parsed.ok) return [parsed.cidr];
  ctx.problem(path, `${parsed.reason}.`);
  return [];
}

function readRawSubnets(vpc: ConfigObject | undefined): RawSubnet[] {
  const sections = vpc?.object('subnets');
  const raw: RawSubnet[] = [];
  for (const topology of ['public', 'private'] as const) {
    const mapping = sections?.object(topology);
    if (mapping === undefined) continue;
    for (const key of Object.keys(mapping.value)) {
      const spec = mapping.object(key);
      if (spec === undefined) {
        mapping.consume(key);
        raw.push({ key, topology, path: mapping.at(key) });
        continue;
      }
      const id = spec.string('id');
      raw.push({ key, topology, id, az: spec.string('az'), cidr: spec.string('cidr'), path: mapping.at(key) });
      if (id !== undefined && !AWS_ID_PATTERNS.subnet.test(id)) {
        spec.unsupported('id', `${JSON.stringify(id)} is not a subnet ID (subnet- and 8 or 17 hex digits); the design keeps no id for it.`);
      }
    }
  }
  return raw;
}

function explicitSubnets(raw: RawSubnet[], ctx: ImportContext, skips: [string, string][]): ImportedSubnet[] {
  const used = new Set<string>();
  const subnets: ImportedSubnet[] = [];
  for (const entry of raw) {
    const az = entry.az ?? (AZ_LIKE.test(entry.key) ? entry.key : undefined);
    const parsed = entry.cidr === undefined ? undefined : parseCidrResult(entry.cidr, 4);
    const where = formatPath(entry.path);
    let reason: string | undefined;
    let hint = '';
    if (az === undefined) reason = 'it has no az and its key is not an Availability Zone';
    else if (parsed === undefined) {
      reason = entry.id === undefined ? 'it has no cidr' : `${entry.id} is given by id only`;
      hint =
        ' (eksctl looks it up by ID, but the planner never calls AWS: add its cidr, or import the VPC from the AWS CLI with POST /v1/designs/import/aws, to plan its IPs)';
    } else if (!parsed.ok) reason = `its cidr is unusable: ${parsed.reason}`;
    if (reason !== undefined || parsed === undefined || !parsed.ok || az === undefined) {
      ctx.warn('SUBNET_SKIPPED', `${where} was left out of the design: ${reason}${hint}.`, entry.path);
      skips.push([entry.key, reason!]);
      if (entry.id !== undefined) skips.push([entry.id, reason!]);
      continue;
    }
    const azKeyed = entry.az === undefined || entry.az === entry.key;
    const base = azKeyed ? subnetName(entry.topology === 'public', az) : entry.key.replace(NAME_CHARS, '-').slice(0, 100);
    subnets.push({
      key: entry.key,
      ...(entry.id === undefined ? {} : { id: entry.id }),
      topology: entry.topology,
      name: uniqueName(base, entry.topology, used),
      az,
      cidr: parsed.cidr,
      path: entry.path,
      roles: new Set(),
      pods: false,
    });
  }
  return subnets;
}

function uniqueName(base: string, topology: Topology, used: Set<string>): string {
  let name = base;
  if (used.has(name)) name = `${topology}-${base}`;
  for (let n = 2; used.has(name); n += 1) name = `${base}-${n}`;
  used.add(name);
  return name;
}

function generatedSubnets(
  vpcCidr: Cidr,
  azs: readonly string[],
  ipv6VpcCidr: Cidr | undefined,
  privateOnly: boolean,
  ctx: ImportContext,
): ImportedSubnet[] {
  const layout = eksctlGeneratedSubnets({ vpcCidr, availabilityZones: azs, ipv6VpcCidr, privateOnly });
  if (!layout.ok) {
    ctx.warn('SUBNET_SKIPPED', `eksctl could not lay out subnets (${layout.reason}); the design has none.`, ['vpc']);
    return [];
  }
  return layout.subnets.map((subnet) => ({
    key: subnet.az,
    topology: subnet.public ? 'public' : 'private',
    name: subnet.name,
    az: subnet.az,
    cidr: parseCidr(subnet.cidr),
    ...(subnet.ipv6Cidr === undefined ? {} : { ipv6Cidr: subnet.ipv6Cidr }),
    path: ['vpc'],
    roles: new Set<SubnetRole>(),
    pods: false,
  }));
}

export type NatMode = 'Single' | 'HighlyAvailable' | 'Disable';
const NAT_MODES: readonly NatMode[] = ['Single', 'HighlyAvailable', 'Disable'];

/**
 * vpc.nat.gateway (default Single, eksctl ClusterNATDefault) → NAT gateways in public subnets and the private subnets'
 * natGateway. Single: one in the first public subnet (eksctl uses the first AZ's); HighlyAvailable: one per AZ.
 * eksctl forces Disable for an existing VPC (pkg/vpc/vpc.go ImportSubnets) and manages NAT itself for IPv6 clusters
 * (pkg/cfn/builder/vpc_ipv6.go: one NAT gateway in the first public subnet).
 */
export function readNatGateways(config: ConfigObject, vpcImport: VpcImport, ipv6Cluster: boolean): NatGateway[] {
  const ctx = config.ctx;
  const nat = config.object('vpc')?.object('nat');
  const raw = nat?.string('gateway');
  let mode: NatMode | undefined;
  if (raw !== undefined) {
    mode = NAT_MODES.find((candidate) => candidate === raw);
    if (mode === undefined) ctx.problem(['vpc', 'nat', 'gateway'], `Expected one of ${NAT_MODES.join(', ')}, got ${JSON.stringify(raw)}.`);
  }
  if (vpcImport.privateCluster) {
    mode = 'Disable';
  } else if (ipv6Cluster) {
    if (raw !== undefined)
      ctx.unsupported(
        ['vpc', 'nat'],
        'eksctl creates the NAT gateway itself for IPv6 clusters (one, in the first public subnet); vpc.nat is not a supported option there.',
      );
    mode = 'Single';
  } else if (vpcImport.existingVpc) {
    if (mode === undefined) {
      mode = 'Disable';
      ctx.warn(
        'NAT_GATEWAY_EXISTING_VPC',
        'eksctl does not manage NAT gateways in an existing VPC, so the design has none; add natGateways if the private subnets route through one.',
        ['vpc'],
      );
    } else {
      ctx.warn(
        'NAT_GATEWAY_EXISTING_VPC',
        `eksctl ignores vpc.nat for an existing VPC; the design takes gateway ${mode} as a description of the existing NAT layout.`,
        ['vpc', 'nat'],
      );
    }
  }
  mode ??= 'Single';
  if (mode === 'Disable') return [];

  const subnets = vpcImport.catalog.subnets;
  const publicSubnets = subnets.filter((subnet) => subnet.topology === 'public');
  if (publicSubnets.length === 0) {
    if (subnets.length > 0)
      ctx.warn(
        'NAT_GATEWAY_NO_PUBLIC_SUBNET',
        `vpc.nat.gateway ${mode} needs public subnets and there are none; the design has no NAT gateway.`,
        ['vpc'],
      );
    return [];
  }
  const byZone = new Map<string, NatGateway>();
  for (const host of mode === 'Single' ? [publicSubnets[0]] : publicSubnets) {
    if (!byZone.has(host.az)) byZone.set(host.az, { name: `nat-${host.az}`, subnet: host.name });
  }
  const gateways = [...byZone.values()];
  for (const subnet of subnets) {
    if (subnet.topology === 'private') subnet.natGateway = (byZone.get(subnet.az) ?? gateways[0]).name;
  }
  return gateways;
}

/** vpc.clusterEndpoints and vpc.publicAccessCIDRs; eksctl defaults public on, private off (privateCluster: the reverse). */
export function readEndpointAccess(config: ConfigObject, vpcImport: VpcImport): EndpointAccess | undefined {
  const vpc = config.object('vpc');
  const endpoints = vpc?.object('clusterEndpoints');
  const publicAccess = endpoints?.boolean('publicAccess');
  const privateAccess = endpoints?.boolean('privateAccess');
  const cidrs = vpc
    ?.stringList('publicAccessCIDRs')
    ?.flatMap((text, i) => canonical(text, [...vpc.at('publicAccessCIDRs'), i], config.ctx).map((cidr) => cidr.text));
  if (endpoints === undefined && cidrs === undefined && !vpcImport.privateCluster) return undefined;
  return {
    public: publicAccess ?? !vpcImport.privateCluster,
    private: privateAccess ?? vpcImport.privateCluster,
    ...(cidrs === undefined ? {} : { publicAccessCidrs: cidrs }),
  };
}

/** vpc.controlPlaneSubnetIDs (IDs or subnet keys) or vpc.controlPlaneOnPrivateSubnets → the CLUSTER_ENDPOINTS role. */
export function markClusterEndpointSubnets(config: ConfigObject, catalog: SubnetCatalog): void {
  const ctx = config.ctx;
  const vpc = config.object('vpc');
  const refs = vpc?.stringList('controlPlaneSubnetIDs');
  refs?.forEach((ref, i) => {
    const path = [...vpc!.at('controlPlaneSubnetIDs'), i];
    const subnet = catalog.resolve(ref, 'private');
    if (subnet === undefined) reportUnresolved(ctx, catalog, ref, path);
    else subnet.roles.add('CLUSTER_ENDPOINTS');
  });
  if (vpc?.boolean('controlPlaneOnPrivateSubnets') === true) {
    catalog.nodeSubnets('private').forEach((subnet) => subnet.roles.add('CLUSTER_ENDPOINTS'));
  }
}

export function reportUnresolved(ctx: ImportContext, catalog: SubnetCatalog, ref: string, path: readonly PathSegment[]): void {
  const skipped = catalog.skippedReason(ref);
  const why = skipped === undefined ? 'no subnet in vpc.subnets has that key or ID' : `that subnet was left out (${skipped})`;
  ctx.warn(
    'SUBNET_REFERENCE_UNRESOLVED',
    `${formatPath(path)} refers to ${JSON.stringify(ref)}, but ${why}; the reference was dropped.`,
    path,
  );
}
