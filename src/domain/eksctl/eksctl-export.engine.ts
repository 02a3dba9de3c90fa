/**
 * exportEksctl: DesignSpec → eksctl ClusterConfig YAML (deterministic key order, the `yaml` library). The VPC CNI
 * settings travel in the vpc-cni add-on's configurationValues. What a ClusterConfig cannot hold is found by importing
 * the exported YAML again and comparing: every difference is a `notExported` entry, so the list cannot miss a field.
 */
import { stringify } from 'yaml';
import { cidrContains, parseCidr, parseCidrResult } from '../network/cidr.js';
import type { DesignSpec, NodeGroup, Subnet } from '../spec/design-spec.types.js';
import { exportCni } from './cni-export.engine.js';
import { formatPath } from './eksctl-config.reader.js';
import { EKSCTL_API_VERSION, EKSCTL_KIND, importEksctl } from './eksctl-import.engine.js';
import { AUTO_MODE_NODE_POOLS, eksctlAmiFamily } from './eksctl-node-groups.mapper.js';
import { eksctlGeneratedSubnets } from './eksctl-subnet-layout.util.js';
import type { PathSegment } from './eksctl-yaml.parser.js';
import type { EksctlExport, NotExportedField } from './eksctl.types.js';

/** The placeholder the import uses for an AWS-assigned IPv6 block (RFC 3849 documentation space). */
const DOCUMENTATION_IPV6 = parseCidr('2001:db8::/32');

export function exportEksctl(spec: DesignSpec): string {
  return exportEksctlWithNotes(spec).yaml;
}

export function exportEksctlWithNotes(spec: DesignSpec): EksctlExport {
  const body = stringify(clusterConfig(spec), { lineWidth: 0, schema: 'yaml-1.1' });
  const notes = notExported(spec, body);
  return { yaml: notExportedComment(notes) + body, notExported: notes };
}

/**
 * What the ClusterConfig cannot hold, as a comment block at the top of the YAML itself: the file is what a reviewer
 * keeps and applies, so it says what the design had that `eksctl create cluster` will not see. One line per path.
 */
function notExportedComment(notes: readonly NotExportedField[]): string {
  if (notes.length === 0) return '';
  const lines = notes.map((note) => `#   ${note.path || '(whole config)'}: ${note.reason}`.replace(/\s*\n\s*/g, ' '));
  return ['# Not exported: the design has these, an eksctl ClusterConfig cannot hold them.', ...lines, ''].join('\n');
}

interface Layout {
  /** eksctl generates exactly these subnets from availabilityZones and vpc.cidr. */
  generated: boolean;
  zones: string[];
  subnetsByName: ReadonlyMap<string, Subnet>;
  /** nodeSubnets(spec, false) and nodeSubnets(spec, true), computed once rather than once per node group. */
  defaultSubnets: { private: Subnet[]; public: Subnet[] };
}

function clusterConfig(spec: DesignSpec): Record<string, unknown> {
  const layout = subnetLayout(spec);
  const publicSubnets = spec.subnets.filter((subnet) => subnet.public === true);
  const privateCluster =
    spec.endpointAccess?.public === false &&
    spec.endpointAccess.private &&
    publicSubnets.length === 0 &&
    (spec.natGateways ?? []).length === 0;
  const cni = exportCni(spec);
  const hasEniConfigs = (spec.cni?.eniConfigs ?? []).length > 0;
  const hasCniValues = Object.keys(cni.env).length > 0 || hasEniConfigs;
  const vpcCni =
    spec.cni !== undefined || hasCniValues
      ? [
          {
            name: 'vpc-cni',
            ...(spec.cni?.version === undefined ? {} : { version: `v${spec.cni.version}` }),
            ...(hasCniValues ? { configurationValues: cni.configurationValues } : {}),
          },
        ]
      : [];
  const byKind = (kind: NodeGroup['kind']) => spec.nodeGroups.filter((group) => group.kind === kind);

  return omitEmpty({
    apiVersion: EKSCTL_API_VERSION,
    kind: EKSCTL_KIND,
    metadata: omitEmpty({
      name: spec.name,
      region: spec.region,
      version: spec.kubernetesVersion,
      tags: spec.tags === undefined ? undefined : Object.fromEntries(spec.tags.map(splitTag)),
    }),
    kubernetesNetworkConfig: omitEmpty({ ipFamily: spec.ipFamily === 'IPV6' ? 'IPv6' : 'IPv4', serviceIPv4CIDR: spec.serviceIpv4Cidr }),
    availabilityZones: layout.generated ? layout.zones : undefined,
    vpc: vpcSection(spec, layout, privateCluster),
    privateCluster: privateCluster ? { enabled: true } : undefined,
    addons: vpcCni,
    managedNodeGroups: byKind('MANAGED').map((group) => ec2NodeGroup(group, layout, 'MANAGED')),
    nodeGroups: byKind('SELF_MANAGED').map((group) => ec2NodeGroup(group, layout, 'SELF_MANAGED')),
    fargateProfiles: byKind('FARGATE').map((group) => fargateProfile(group, layout)),
    autoModeConfig: autoModeConfig(byKind('AUTO_MODE')),
  });
}

/** AUTO_MODE node groups named after eksctl's built-in pools become `autoModeConfig.nodePools`. */
function autoModeConfig(groups: readonly NodeGroup[]): Record<string, unknown> | undefined {
  const pools = groups.map((group) => group.name).filter((name) => (AUTO_MODE_NODE_POOLS as readonly string[]).includes(name));
  return pools.length === 0 ? undefined : { enabled: true, nodePools: pools };
}

function splitTag(tag: string): [string, string] {
  const at = tag.indexOf('=');
  return at < 0 ? [tag, ''] : [tag.slice(0, at), tag.slice(at + 1)];
}

/** The generated layout when the design's subnets are exactly what eksctl would create; otherwise explicit subnets. */
function subnetLayout(spec: DesignSpec): Layout {
  const publicZones = unique(spec.subnets.filter((subnet) => subnet.public === true).map((subnet) => subnet.az));
  const zones = publicZones.length > 0 ? publicZones : unique(spec.subnets.map((subnet) => subnet.az));
  const subnetsByName = new Map(spec.subnets.map((subnet) => [subnet.name, subnet]));
  const defaultSubnets = { private: nodeSubnets(spec, false), public: nodeSubnets(spec, true) };
  // An existing VPC is always written subnet by subnet, with the IDs eksctl looks the subnets up by.
  if (spec.vpc.id !== undefined) return { generated: false, zones, subnetsByName, defaultSubnets };
  const vpcCidr = parseCidrResult(spec.vpc.cidrs[0] ?? '');
  const ipv6 = spec.ipFamily === 'IPV6' ? parseCidrResult(spec.vpc.ipv6Cidrs?.[0] ?? '') : undefined;
  if (!vpcCidr.ok || spec.vpc.cidrs.length !== 1 || (spec.vpc.secondaryCidrs ?? []).length > 0 || (ipv6 !== undefined && !ipv6.ok)) {
    return { generated: false, zones, subnetsByName, defaultSubnets };
  }
  const generated = eksctlGeneratedSubnets({
    vpcCidr: vpcCidr.cidr,
    availabilityZones: zones,
    ...(ipv6?.ok ? { ipv6VpcCidr: ipv6.cidr } : {}),
    privateOnly: publicZones.length === 0,
  });
  const matches =
    generated.ok &&
    generated.subnets.length === spec.subnets.length &&
    generated.subnets.every((expected, i) => {
      const actual = spec.subnets[i];
      return (
        actual.name === expected.name &&
        actual.az === expected.az &&
        actual.cidr === expected.cidr &&
        actual.ipv6Cidr === expected.ipv6Cidr &&
        (actual.public === true) === expected.public
      );
    });
  return { generated: matches, zones, subnetsByName, defaultSubnets };
}

function vpcSection(spec: DesignSpec, layout: Layout, privateCluster: boolean): Record<string, unknown> {
  const [primary, ...associated] = spec.vpc.cidrs;
  const ipv6 = (spec.vpc.ipv6Cidrs ?? []).filter((text) => {
    const parsed = parseCidrResult(text);
    return !(parsed.ok && cidrContains(DOCUMENTATION_IPV6, parsed.cidr));
  });
  const clusterEndpointSubnets = spec.subnets.filter((subnet) => subnet.roles?.includes('CLUSTER_ENDPOINTS'));
  const privateNodeSubnets = layout.defaultSubnets.private;
  const onPrivateSubnets = clusterEndpointSubnets.length > 0 && sameNames(clusterEndpointSubnets, privateNodeSubnets);
  const section = (isPublic: boolean) =>
    Object.fromEntries(
      spec.subnets
        .filter((subnet) => (subnet.public === true) === isPublic)
        .map((subnet) => [subnet.name, { ...(subnet.id === undefined ? {} : { id: subnet.id }), az: subnet.az, cidr: subnet.cidr }]),
    );
  const existingVpc = spec.vpc.id !== undefined;
  return omitEmpty({
    id: spec.vpc.id,
    cidr: primary,
    ipv6Cidr: ipv6[0],
    subnets: layout.generated ? undefined : omitEmpty({ private: section(false), public: section(true) }),
    extraCIDRs: [...associated, ...(spec.vpc.secondaryCidrs ?? [])],
    extraIPv6CIDRs: ipv6.slice(1),
    // eksctl creates the NAT gateway of an IPv6 cluster itself (pkg/cfn/builder/vpc_ipv6.go).
    // eksctl manages no NAT gateway in an existing VPC (vpc.nat is ignored there).
    nat: existingVpc || privateCluster || spec.ipFamily === 'IPV6' ? undefined : { gateway: natMode(spec) },
    clusterEndpoints:
      spec.endpointAccess === undefined
        ? undefined
        : { privateAccess: spec.endpointAccess.private, publicAccess: spec.endpointAccess.public },
    publicAccessCIDRs: spec.endpointAccess?.publicAccessCidrs,
    controlPlaneSubnetIDs: onPrivateSubnets ? undefined : clusterEndpointSubnets.map((subnet) => subnet.name),
    controlPlaneOnPrivateSubnets: onPrivateSubnets ? true : undefined,
  });
}

function natMode(spec: DesignSpec): string {
  const gateways = spec.natGateways ?? [];
  if (gateways.length === 0) return 'Disable';
  return gateways.length === 1 ? 'Single' : 'HighlyAvailable';
}

/** Subnets the import would give to a node group with no subnets listed (pod subnets are ENIConfig targets). */
function nodeSubnets(spec: DesignSpec, isPublic: boolean): Subnet[] {
  const pods = new Set((spec.cni?.eniConfigs ?? []).map((eniConfig) => eniConfig.subnet));
  return spec.subnets.filter((subnet) => (subnet.public === true) === isPublic && !pods.has(subnet.name));
}

function ec2NodeGroup(group: NodeGroup, layout: Layout, kind: 'MANAGED' | 'SELF_MANAGED'): Record<string, unknown> {
  const subnets = subnetsOf(layout, group);
  const privateNetworking = subnets.length > 0 && subnets.every((subnet) => subnet.public !== true);
  const [first, ...more] = group.instanceTypes;
  return omitEmpty({
    name: group.name,
    amiFamily: eksctlAmiFamily(group),
    instanceType: more.length === 0 ? first : undefined,
    instanceTypes: kind === 'MANAGED' && more.length > 0 ? group.instanceTypes : undefined,
    instancesDistribution: kind === 'SELF_MANAGED' && more.length > 0 ? { instanceTypes: group.instanceTypes } : undefined,
    ...placement(subnets, privateNetworking ? layout.defaultSubnets.private : layout.defaultSubnets.public, layout),
    privateNetworking: privateNetworking ? true : undefined,
    desiredCapacity: group.desiredSize,
    minSize: group.minSize,
    maxSize: group.maxSize,
    maxPodsPerNode: group.maxPods,
    kubeletExtraConfig: kind === 'SELF_MANAGED' && group.podsPerCore !== undefined ? { podsPerCore: group.podsPerCore } : undefined,
    securityGroups: group.securityGroups?.length ? { attachIDs: group.securityGroups } : undefined,
  });
}

function fargateProfile(group: NodeGroup, layout: Layout): Record<string, unknown> {
  const subnets = subnetsOf(layout, group);
  const where = placement(subnets, layout.defaultSubnets.private, layout);
  // A Fargate profile has no availabilityZones: in the generated layout its subnets are named by AZ key.
  const zones = where.availabilityZones as string[] | undefined;
  return omitEmpty({ name: group.name, subnets: zones ?? where.subnets });
}

/** Nothing when the node group uses its topology's default subnets; AZs in the generated layout; names otherwise. */
function placement(subnets: Subnet[], defaults: Subnet[], layout: Layout): Record<string, unknown> {
  if (subnets.length === 0 || sameNames(subnets, defaults)) return {};
  const zones = subnets.map((subnet) => subnet.az);
  if (layout.generated && unique(zones).length === zones.length && subnets.every((subnet) => subnet.public === subnets[0].public)) {
    return { availabilityZones: zones };
  }
  return { subnets: subnets.map((subnet) => subnet.name) };
}

/** The node group's subnets that the design defines, in the node group's order. */
function subnetsOf(layout: Layout, group: NodeGroup): Subnet[] {
  return group.subnets.flatMap((name) => layout.subnetsByName.get(name) ?? []);
}

function sameNames(a: readonly Subnet[], b: readonly Subnet[]): boolean {
  return a.length === b.length && a.every((subnet, i) => subnet.name === b[i].name);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Drops undefined values, empty lists and empty mappings, keeping key order. */
function omitEmpty(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => {
      if (value === undefined) return false;
      if (Array.isArray(value)) return value.length > 0;
      if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
      return true;
    }),
  );
}

// --- What the ClusterConfig cannot hold ----------------------------------------------------------------------------

const REASONS: [RegExp, string][] = [
  [/^owner$/, 'eksctl has no owner field.'],
  [/^catalog$/, 'eksctl uses EC2 instance types directly; it has no instance-type catalog.'],
  [/^vpc\.peers/, 'Peering, Transit Gateway, VPN and Direct Connect are outside a ClusterConfig.'],
  [/^vpc\.cidrs/, 'eksctl has one vpc.cidr; further CIDRs are exported as vpc.extraCIDRs and import back as vpc.secondaryCidrs.'],
  [/^vpc\.ipv6Cidrs/, "A documentation-prefix IPv6 block is the import's stand-in for an AWS-assigned one and is not exported."],
  [/^loadBalancerController/, 'The AWS Load Balancer Controller is installed with Helm, not by a ClusterConfig.'],
  [/^workloads/, 'Workloads are Kubernetes objects, not part of a ClusterConfig.'],
  [
    /^securityGroups/,
    'eksctl attaches security groups by ID (securityGroups.attachIDs, eniConfig securityGroups) and cannot hold their rules.',
  ],
  [/^clusterSecurityGroup$/, 'EKS creates the cluster security group; a ClusterConfig cannot name one from the design.'],
  [
    /^natGateways|^subnets\[\d+\]\.natGateway$/,
    'eksctl places NAT gateways itself (vpc.nat.gateway Single: one in the first public subnet; HighlyAvailable: one per AZ; IPv6 clusters: one).',
  ],
  [/^subnets\[\d+\]\.ipv6Cidr$/, 'eksctl subnets have no IPv6 CIDR field; only the IPv6 layout eksctl generates carries them.'],
  [
    /^subnets\[\d+\]\.roles$/,
    'Subnet roles follow from where eksctl puts a subnet (public/private, eniConfig, control plane); this set cannot be expressed.',
  ],
  [/^subnets$/, 'eksctl lists public subnets before private ones; the subnets import back in that order.'],
  [/^nodeGroups\[\d+\]\.maxSurge$/, 'eksctl cannot set the update surge of a node group.'],
  [/^nodeGroups\[\d+\]\.podsPerCore$/, 'eksctl sets podsPerCore only for self-managed node groups (kubeletExtraConfig).'],
  [
    /^nodeGroups\[\d+\]\.desiredSize|^nodeGroups\[\d+\]\.minSize|^nodeGroups\[\d+\]\.maxSize/,
    'A Fargate profile has no size; pods are counted by workloads.',
  ],
  [
    /^nodeGroups\[\d+\]$/,
    'KARPENTER node groups are Kubernetes NodePools, and only AUTO_MODE node groups named general-purpose or system are eksctl Auto Mode node pools; others are not ClusterConfig node groups.',
  ],
  [/^nodeGroups$/, 'eksctl lists managed node groups, then self-managed ones, then Fargate profiles; they import back in that order.'],
  [/^nodeGroups\[\d+\]\.instanceTypes$/, "A node group without instance types gets eksctl's default (m5.large) on import."],
  [/^cni/, 'The VPC CNI settings could not be expressed in the vpc-cni add-on exactly (an IPv6 cluster always runs prefix delegation).'],
  [/^endpointAccess/, "eksctl's endpoint defaults (public on, private off) cannot tell an explicit setting from an absent one."],
];

/** Placeholders written where eksctl wants AWS IDs the design does not have. */
function placeholderNotes(spec: DesignSpec, yaml: string): NotExportedField[] {
  const notes: NotExportedField[] = [];
  if (/^\s*controlPlaneSubnetIDs:/m.test(yaml)) {
    notes.push({
      path: 'subnets[*].roles',
      reason: 'vpc.controlPlaneSubnetIDs lists the CLUSTER_ENDPOINTS subnets by name; replace them with subnet IDs once the subnets exist.',
    });
  }
  if ((spec.cni?.eniConfigs ?? []).length > 0) {
    notes.push({
      path: 'cni.eniConfigs',
      reason: 'The vpc-cni eniConfig names each pod subnet by its design name; replace them with subnet IDs once the subnets exist.',
    });
  }
  const ipv6 = spec.vpc.ipv6Cidrs?.[0];
  if (ipv6 !== undefined && /^\s*ipv6Cidr:/m.test(yaml)) {
    notes.push({
      path: 'vpc.ipv6Cidrs',
      reason: 'eksctl needs vpc.ipv6Pool (the BYOIPv6 pool ID) with vpc.ipv6Cidr; add it before creating the cluster.',
    });
  }
  return notes;
}

function notExported(spec: DesignSpec, yaml: string): NotExportedField[] {
  const notes = placeholderNotes(spec, yaml);
  let reimported: DesignSpec;
  try {
    reimported = importEksctl(yaml).spec;
  } catch (error) {
    return [
      ...notes,
      { path: '', reason: `The exported config does not import back cleanly: ${error instanceof Error ? error.message : String(error)}` },
    ];
  }
  const found = differences(spec, reimported, []).map((path) => {
    const text = formatPath(path);
    return { path: text, reason: REASONS.find(([pattern]) => pattern.test(text))?.[1] ?? 'A ClusterConfig cannot hold this.' };
  });
  return onePerPath([...notes, ...collapse(found)]);
}

/** One note per path: the reasons of a path reported twice are joined, so headers and comments name each path once. */
function onePerPath(notes: readonly NotExportedField[]): NotExportedField[] {
  const byPath = new Map<string, string[]>();
  for (const note of notes) {
    const reasons = byPath.get(note.path) ?? [];
    if (!reasons.includes(note.reason)) reasons.push(note.reason);
    byPath.set(note.path, reasons);
  }
  return [...byPath].map(([path, reasons]) => ({ path, reason: reasons.join(' ') }));
}

/** `subnets[3].natGateway`, `subnets[4].natGateway`, … with one reason become one `subnets[*].natGateway` note. */
function collapse(notes: readonly NotExportedField[]): NotExportedField[] {
  const groups = new Map<string, NotExportedField[]>();
  for (const note of notes) {
    const key = `${note.path.replace(/\[\d+\]/g, '[*]')}\u0000${note.reason}`;
    const group = groups.get(key);
    if (group) group.push(note);
    else groups.set(key, [note]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return group[0];
    const shown = group
      .slice(0, 5)
      .map((note) => note.path)
      .join(', ');
    return {
      path: group[0].path.replace(/\[\d+\]/g, '[*]'),
      reason: `${group[0].reason} (${group.length} entries: ${shown}${group.length > 5 ? ', …' : ''})`,
    };
  });
}

/**
 * Paths where `a` (the design) and `b` (what its export imports back as) differ. Lists of named entries are paired by
 * name, so a missing node group is one difference and the others are still compared; a list whose entries all
 * survive but in another order is one difference at the list.
 */
function differences(a: unknown, b: unknown, path: PathSegment[]): PathSegment[][] {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (isNamedList(a) && isNamedList(b)) {
      const byName = new Map(b.map((item) => [item.name, item]));
      const found = a.flatMap((item, i) =>
        byName.has(item.name) ? differences(item, byName.get(item.name), [...path, i]) : [[...path, i]],
      );
      // Sets, not nested scans: a 3,000-subnet design compared quadratically stalled the export for seconds.
      const namesOfA = new Set(a.map((item) => item.name));
      const names = (list: { name: unknown }[]) => list.map((item) => item.name).filter((name) => namesOfA.has(name) && byName.has(name));
      const reordered = JSON.stringify(names(a)) !== JSON.stringify(names(b));
      const added = b.some((item) => !namesOfA.has(item.name));
      return reordered || added ? [...found, path] : found;
    }
    if (a.length !== b.length) return [path];
    return a.flatMap((item, i) => differences(item, b[i], [...path, i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = unique([...Object.keys(a), ...Object.keys(b)]);
    return keys.flatMap((key) => differences(a[key], b[key], [...path, key]));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

function isNamedList(list: unknown[]): list is { name: unknown }[] {
  return list.length > 0 && list.every((item) => isPlainObject(item) && typeof item.name === 'string');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
