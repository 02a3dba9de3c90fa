/**
 * importAwsBundle: the AWS CLI's own JSON (describe-vpcs, describe-subnets, … verbatim, offline) → a DesignSpec that keeps
 * every AWS identity and the free addresses AWS reported. Pure: JSON in, spec out; the planner never calls AWS.
 * Every inference is a warning naming the AWS field it came from; what the design cannot hold is listed in `unsupported`.
 * Field names and nesting follow botocore's ec2 / eks service models and the AWS CLI reference's example outputs.
 */
import { InvalidInputError } from '../errors/planning-error.js';
import { CNI_ENV_VARIABLES, parseCniValue, ZONE_LABELS } from '../eksctl/cni-env.mapper.js';
import { cidrContains, parseCidrResult } from '../network/cidr.js';
import { KUBERNETES_VERSION_PATTERN } from '../spec/design-spec.schema.js';
import {
  SUBNET_ROLES,
  type AmiFamily,
  type CniSettings,
  type DesignSpec,
  type EniConfig,
  type NatGateway,
  type NodeGroup,
  type SecurityGroup,
  type SecurityGroupProtocol,
  type SecurityGroupRule,
  type Subnet,
  type SubnetRole,
} from '../spec/design-spec.types.js';
import { readBundle, throwIfAny, type AwsBundle } from './aws-bundle.reader.js';
import type { AwsImport, AwsImportOptions, AwsImportWarning, AwsImportWarningCode, AwsUnsupported } from './aws-import.types.js';
import type { JsonNode } from './aws-json.reader.js';

const NAME_MAX = 100;
const DEFAULT_ROUTE = '0.0.0.0/0';
// EKS AMI types (CreateNodegroup amiType) by prefix; CUSTOM (a launch template AMI) has no family.
const AMI_TYPE_PREFIXES: ReadonlyArray<[string, AmiFamily]> = [
  ['AL2023_', 'AL2023'],
  ['AL2_', 'AL2'],
  ['BOTTLEROCKET_', 'BOTTLEROCKET'],
  ['WINDOWS_', 'WINDOWS'],
];
// EC2 IpPermissions.IpProtocol: a name or an IANA protocol number; -1 is every protocol.
const PROTOCOLS: Readonly<Record<string, SecurityGroupProtocol>> = {
  '-1': 'ALL',
  tcp: 'TCP',
  '6': 'TCP',
  udp: 'UDP',
  '17': 'UDP',
  icmp: 'ICMP',
  '1': 'ICMP',
};
const ROLE_TAGS: ReadonlyArray<[string, SubnetRole]> = [
  ['kubernetes.io/role/elb', 'ELB'],
  ['kubernetes.io/role/internal-elb', 'INTERNAL_ELB'],
];

class Collector {
  public readonly warnings: AwsImportWarning[] = [];
  public readonly unsupported: AwsUnsupported[] = [];

  public warn(code: AwsImportWarningCode, message: string, path?: string): void {
    this.warnings.push(path === undefined ? { code, message } : { code, message, path });
  }

  public unsupportedAt(path: string, message: string): void {
    this.unsupported.push({ path, message });
  }
}

/** Names unique within one list, valid as DesignSpec names; the fallback (an AWS ID) is always valid. */
class Names {
  private readonly used = new Set<string>();

  public constructor(private readonly out: Collector) {}

  public pick(wanted: string | undefined, fallback: string, path: string): string {
    const cleaned = wanted
      ?.replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, NAME_MAX);
    let name = cleaned !== undefined && cleaned !== '' ? cleaned : fallback;
    if (this.used.has(name)) name = fallback;
    if (wanted !== undefined && name !== wanted) {
      this.out.warn(
        'NAME_CHANGED',
        `The Name tag ${JSON.stringify(wanted)} is ${name === fallback ? 'used twice or unusable' : 'not a valid design name'}; named ${name}.`,
        path,
      );
    }
    this.used.add(name);
    return name;
  }
}

export function importAwsBundle(input: unknown, options: AwsImportOptions): AwsImport {
  const bundle = readBundle(input);
  const out = new Collector();
  const observedAt = bundle.observedAt ?? options.observedAt;
  const vpc = selectVpc(bundle);
  const vpcId = vpc.string('VpcId', true)!;
  const inVpc = (node: JsonNode, what: string, id: string | undefined): boolean => {
    const owner = node.string('VpcId');
    if (owner === undefined || owner === vpcId) return true;
    out.warn('FOREIGN_VPC_RESOURCE', `${what} ${id ?? ''} is in ${owner}, not ${vpcId}; left out.`.replace('  ', ' '), node.path);
    return false;
  };

  // VPC CIDRs: the primary, then the other associated blocks (CidrBlockAssociationSet, state "associated").
  const primary = vpc.string('CidrBlock', true);
  const associated = vpc
    .list('CidrBlockAssociationSet')
    .filter((association) => (association.field('CidrBlockState').string('State') ?? 'associated') === 'associated')
    .map((association) => association.string('CidrBlock'))
    .filter((cidr): cidr is string => cidr !== undefined && cidr !== primary);
  const ipv6Cidrs = vpc
    .list('Ipv6CidrBlockAssociationSet')
    .filter((association) => (association.field('Ipv6CidrBlockState').string('State') ?? 'associated') === 'associated')
    .flatMap((association) => association.string('Ipv6CidrBlock') ?? []);
  throwIfAny(bundle.problems, 'The VPC cannot be read');
  const vpcCidrs = [primary!, ...associated].map((text) => parseCidrResult(text, 4)).flatMap((parsed) => (parsed.ok ? [parsed.cidr] : []));

  // Subnets of the VPC.
  const subnetNodes = (bundle.outputs.subnets?.[0]?.list('Subnets', true) ?? []).filter((node) =>
    inVpc(node, 'Subnet', node.string('SubnetId')),
  );
  const subnetNames = new Names(out);
  const subnets: Array<Subnet & { node: JsonNode; id: string }> = [];
  for (const node of subnetNodes) {
    const id = node.string('SubnetId', true);
    const cidr = node.string('CidrBlock', true);
    const az = node.string('AvailabilityZone', true);
    const available = node.number('AvailableIpAddressCount');
    if (id === undefined || cidr === undefined || az === undefined) continue;
    const parsed = parseCidrResult(cidr, 4);
    if (parsed.ok && !vpcCidrs.some((block) => cidrContains(block, parsed.cidr))) {
      throw new InvalidInputError(
        'AWS_SUBNET_OUTSIDE_VPC',
        `${node.path}.CidrBlock ${cidr} (${id}) is outside every CIDR of ${vpcId} (${vpcCidrs.map((block) => block.text).join(', ')}); dump vpcs and subnets of the same VPC at the same time.`,
        [{ path: `${node.path}.CidrBlock`, message: `${cidr} is outside ${vpcCidrs.map((block) => block.text).join(', ')}` }],
      );
    }
    const tags = node.tags();
    const ipv6 = node
      .list('Ipv6CidrBlockAssociationSet')
      .filter((association) => (association.field('Ipv6CidrBlockState').string('State') ?? 'associated') === 'associated')
      .flatMap((association) => association.string('Ipv6CidrBlock') ?? [])[0];
    const subnet: Subnet & { node: JsonNode; id: string } = {
      name: subnetNames.pick(tags.get('Name'), id, `${node.path}.Tags`),
      id,
      az,
      cidr,
      ...(ipv6 !== undefined ? { ipv6Cidr: ipv6 } : {}),
      node,
    };
    if (available !== undefined) subnet.observed = { availableIps: available, at: observedAt };
    subnets.push(subnet);
  }
  throwIfAny(bundle.problems, 'The subnets cannot be read');
  const subnetById = new Map(subnets.map((subnet) => [subnet.id, subnet]));
  const roles = new Map<string, Set<SubnetRole>>(subnets.map((subnet) => [subnet.id, new Set()]));
  const addRole = (subnetId: string, role: SubnetRole) => roles.get(subnetId)?.add(role);
  for (const subnet of subnets) {
    const tags = subnet.node.tags();
    for (const [tag, role] of ROLE_TAGS) {
      if (!tags.has(tag)) continue;
      addRole(subnet.id, role);
      out.warn('INFERRED', `${subnet.name}: role ${role} from the tag ${tag}.`, `${subnet.node.path}.Tags`);
    }
  }

  // NAT gateways (describe-nat-gateways), named by their Name tag or ID.
  const natNames = new Names(out);
  const natGateways: Array<NatGateway & { id: string }> = [];
  const natNameById = new Map<string, string>();
  for (const node of bundle.outputs.natGateways?.[0]?.list('NatGateways', true) ?? []) {
    const id = node.string('NatGatewayId', true);
    if (id === undefined || !inVpc(node, 'NAT gateway', id)) continue;
    const state = node.string('State');
    if (state !== undefined && state !== 'available' && state !== 'pending') {
      out.warn('RESOURCE_SKIPPED', `NAT gateway ${id} is ${state}; left out.`, `${node.path}.State`);
      continue;
    }
    if (node.string('ConnectivityType') === 'private') {
      out.unsupportedAt(
        node.path,
        `NAT gateway ${id} is a private NAT gateway (no internet egress); the design models public NAT gateways only.`,
      );
      continue;
    }
    const subnet = subnetById.get(node.string('SubnetId') ?? '');
    if (subnet === undefined) {
      out.warn(
        'RESOURCE_SKIPPED',
        `NAT gateway ${id} is in subnet ${node.string('SubnetId') ?? '(none)'}, which the subnets output does not hold; left out.`,
        `${node.path}.SubnetId`,
      );
      continue;
    }
    const addresses = node.list('NatGatewayAddresses');
    const eip = (addresses.find((address) => address.boolean('IsPrimary') === true) ?? addresses[0])?.string('PublicIp');
    const name = natNames.pick(node.tags().get('Name'), id, `${node.path}.Tags`);
    natNameById.set(id, name);
    natGateways.push({ name, id, ...(eip !== undefined ? { eip } : {}), subnet: subnet.name });
  }

  // Routes: each subnet's explicit route table association, else the VPC's main route table.
  const tables = (bundle.outputs.routeTables?.[0]?.list('RouteTables', true) ?? []).filter((node) =>
    inVpc(node, 'Route table', node.string('RouteTableId')),
  );
  const igws = new Set(
    (bundle.outputs.internetGateways?.[0]?.list('InternetGateways', true) ?? [])
      .filter((node) => node.list('Attachments').some((attachment) => attachment.string('VpcId') === vpcId))
      .flatMap((node) => node.string('InternetGatewayId') ?? []),
  );
  const explicit = new Map<string, JsonNode>();
  let main: JsonNode | undefined;
  for (const table of tables) {
    for (const association of table.list('Associations')) {
      const subnetId = association.string('SubnetId');
      if (subnetId !== undefined) explicit.set(subnetId, table);
      if (association.boolean('Main') === true) main = table;
    }
  }
  const natSubnets = new Set(natGateways.map((nat) => nat.subnet));
  for (const subnet of subnets) {
    const table = explicit.get(subnet.id) ?? main;
    const which = explicit.has(subnet.id) ? 'its route table' : 'the main route table';
    if (bundle.outputs.routeTables === undefined || table === undefined) {
      const mapsPublic = subnet.node.boolean('MapPublicIpOnLaunch') === true || natSubnets.has(subnet.name);
      if (mapsPublic) subnet.public = true;
      out.warn(
        'ROUTE_TABLES_MISSING',
        `${subnet.name}: ${mapsPublic ? 'public' : 'private'} from ${natSubnets.has(subnet.name) ? 'the NAT gateway it holds' : 'MapPublicIpOnLaunch'} (no route table for it).`,
        `${subnet.node.path}.MapPublicIpOnLaunch`,
      );
      continue;
    }
    const route = table
      .list('Routes')
      .find((candidate) => candidate.string('DestinationCidrBlock') === DEFAULT_ROUTE && candidate.string('State') !== 'blackhole');
    const gateway = route?.string('GatewayId');
    const nat = route?.string('NatGatewayId');
    const tableId = table.string('RouteTableId') ?? table.path;
    if (gateway?.startsWith('igw-')) {
      subnet.public = true;
      if (bundle.outputs.internetGateways !== undefined && !igws.has(gateway)) {
        out.warn('INFERRED', `${subnet.name}: ${gateway} is not attached to ${vpcId} in the internet-gateways output.`, route!.path);
      }
      out.warn(
        'INFERRED',
        `${subnet.name}: public, since ${which} ${tableId} sends ${DEFAULT_ROUTE} to ${gateway}.`,
        `${route!.path}.GatewayId`,
      );
    } else if (nat !== undefined) {
      const name = natNameById.get(nat);
      if (name === undefined) {
        out.warn(
          'NAT_GATEWAY_UNKNOWN',
          `${subnet.name}: ${which} ${tableId} sends ${DEFAULT_ROUTE} to ${nat}, which natGateways does not describe; no NAT gateway set.`,
          `${route!.path}.NatGatewayId`,
        );
      } else {
        subnet.natGateway = name;
        out.warn(
          'INFERRED',
          `${subnet.name}: private through NAT gateway ${name}, since ${which} ${tableId} sends ${DEFAULT_ROUTE} to ${nat}.`,
          `${route!.path}.NatGatewayId`,
        );
      }
    }
  }

  // Security groups of the VPC, with their ingress rules.
  const sgNodes = (bundle.outputs.securityGroups?.[0]?.list('SecurityGroups', true) ?? []).filter((node) =>
    inVpc(node, 'Security group', node.string('GroupId')),
  );
  const sgNames = new Names(out);
  const sgNameById = new Map<string, string>();
  for (const node of sgNodes) {
    const id = node.string('GroupId', true);
    if (id !== undefined) sgNameById.set(id, sgNames.pick(node.string('GroupName'), id, `${node.path}.GroupName`));
  }
  const securityGroups: SecurityGroup[] = sgNodes.flatMap((node) => {
    const id = node.string('GroupId');
    if (id === undefined) return [];
    return [{ name: sgNameById.get(id)!, id, ingress: ingressRules(node, sgNameById, out) }];
  });
  const sgName = (id: string, path: string): string | undefined => {
    const name = sgNameById.get(id);
    if (name === undefined)
      out.warn('SECURITY_GROUP_UNKNOWN', `Security group ${id} is not in the security-groups output of ${vpcId}; left out.`, path);
    return name;
  };

  // The cluster.
  const spec: DesignSpec = {
    name: 'imported',
    region: regionOf(subnets, bundle),
    ipFamily: 'IPV4',
    vpc: {
      id: vpcId,
      cidrs: [primary!],
      ...(associated.length > 0 ? { secondaryCidrs: associated } : {}),
      ...(ipv6Cidrs.length > 0 ? { ipv6Cidrs } : {}),
    },
    subnets: [],
    nodeGroups: [],
  };
  const cluster = bundle.outputs.cluster?.[0]?.field('cluster').object(true);
  let clusterName: string | undefined;
  if (cluster !== undefined) {
    const config = cluster.field('resourcesVpcConfig');
    const clusterVpc = config.string('vpcId');
    clusterName = cluster.string('name', true);
    if (clusterVpc !== undefined && clusterVpc !== vpcId) {
      out.warn('FOREIGN_VPC_RESOURCE', `Cluster ${clusterName ?? ''} is in ${clusterVpc}, not ${vpcId}; left out.`, `${config.path}.vpcId`);
      clusterName = undefined;
    } else {
      if (clusterName !== undefined) spec.clusterName = clusterName;
      const version = cluster.string('version');
      if (version !== undefined && KUBERNETES_VERSION_PATTERN.test(version)) spec.kubernetesVersion = version;
      const endpointPublic = config.boolean('endpointPublicAccess');
      const endpointPrivate = config.boolean('endpointPrivateAccess');
      if (endpointPublic !== undefined || endpointPrivate !== undefined) {
        const cidrs = config.strings('publicAccessCidrs');
        spec.endpointAccess = {
          public: endpointPublic ?? true,
          private: endpointPrivate ?? false,
          ...(endpointPublic !== false && cidrs.length > 0 ? { publicAccessCidrs: cidrs } : {}),
        };
      }
      for (const [i, id] of config.strings('subnetIds').entries()) {
        if (subnetById.has(id)) addRole(id, 'CLUSTER_ENDPOINTS');
        else
          out.warn(
            'FOREIGN_VPC_RESOURCE',
            `Cluster subnet ${id} is not among the subnets of ${vpcId}; left out.`,
            `${config.path}.subnetIds[${i}]`,
          );
      }
      const network = cluster.field('kubernetesNetworkConfig');
      const serviceCidr = network.string('serviceIpv4Cidr');
      if (serviceCidr !== undefined) spec.serviceIpv4Cidr = serviceCidr;
      const family = network.string('ipFamily');
      if (family === 'ipv6') spec.ipFamily = 'IPV6';
      const clusterSg = config.string('clusterSecurityGroupId');
      if (clusterSg !== undefined) {
        const name = sgName(clusterSg, `${config.path}.clusterSecurityGroupId`);
        if (name !== undefined) spec.clusterSecurityGroup = name;
      }
    }
  }

  // Managed node groups and Fargate profiles.
  const groupNames = new Names(out);
  const subnetRefs = (node: JsonNode, key: string, what: string): string[] =>
    node
      .strings(key)
      .flatMap((id, i) => {
        const subnet = subnetById.get(id);
        if (subnet !== undefined) return [subnet];
        out.warn(
          'FOREIGN_VPC_RESOURCE',
          `${what}: subnet ${id} is not among the subnets of ${vpcId}; left out.`,
          `${node.path}.${key}[${i}]`,
        );
        return [];
      })
      .map((subnet) => subnet.id);
  for (const output of bundle.outputs.nodegroups ?? []) {
    const node = output.field('nodegroup').object(true);
    if (node === undefined) continue;
    const name = node.string('nodegroupName', true);
    if (name === undefined) continue;
    if (clusterName !== undefined && node.string('clusterName') !== undefined && node.string('clusterName') !== clusterName) {
      out.warn(
        'FOREIGN_VPC_RESOURCE',
        `Node group ${name} belongs to cluster ${node.string('clusterName')}, not ${clusterName}; left out.`,
        `${node.path}.clusterName`,
      );
      continue;
    }
    const ids = subnetRefs(node, 'subnets', `Node group ${name}`);
    const instanceTypes = node.strings('instanceTypes');
    const scaling = node.field('scalingConfig');
    const minSize = scaling.number('minSize', true);
    const maxSize = scaling.number('maxSize', true);
    const desiredSize = scaling.number('desiredSize', true);
    if (ids.length === 0 || instanceTypes.length === 0 || minSize === undefined || maxSize === undefined || desiredSize === undefined) {
      out.warn(
        'RESOURCE_SKIPPED',
        `Node group ${name} has ${ids.length === 0 ? 'no subnet of this VPC' : instanceTypes.length === 0 ? 'no instanceTypes (a launch template sets them)' : 'no complete scalingConfig'}; left out.`,
        node.path,
      );
      continue;
    }
    const amiType = node.string('amiType');
    const amiFamily = amiType === undefined ? undefined : AMI_TYPE_PREFIXES.find(([prefix]) => amiType.startsWith(prefix))?.[1];
    if (amiType !== undefined && amiFamily === undefined)
      out.unsupportedAt(`${node.path}.amiType`, `amiType ${amiType} has no DesignSpec AMI family; planned without one.`);
    for (const id of ids) addRole(id, 'NODES');
    const group: NodeGroup = {
      name: groupNames.pick(name, `nodegroup-${spec.nodeGroups.length + 1}`, `${node.path}.nodegroupName`),
      kind: 'MANAGED',
      ...(amiFamily !== undefined ? { amiFamily } : {}),
      instanceTypes,
      subnets: ids.map((id) => subnetById.get(id)!.name),
      minSize,
      desiredSize,
      maxSize,
      currentSize: desiredSize,
    };
    out.warn(
      'INFERRED',
      `Node group ${group.name}: currentSize ${desiredSize} from scalingConfig.desiredSize (the nodes running now).`,
      `${scaling.path}.desiredSize`,
    );
    for (const key of ['labels', 'taints', 'launchTemplate', 'remoteAccess', 'capacityType'] as const) {
      if (node.field(key).exists) out.unsupportedAt(`${node.path}.${key}`, `${key} does not change the network plan and is not kept.`);
    }
    spec.nodeGroups.push(group);
  }
  for (const output of bundle.outputs.fargateProfiles ?? []) {
    const node = output.field('fargateProfile').object(true);
    const name = node?.string('fargateProfileName', true);
    if (node === undefined || name === undefined) continue;
    const ids = subnetRefs(node, 'subnets', `Fargate profile ${name}`);
    if (ids.length === 0) {
      out.warn('RESOURCE_SKIPPED', `Fargate profile ${name} has no subnet of this VPC; left out.`, node.path);
      continue;
    }
    for (const id of ids) addRole(id, 'NODES');
    spec.nodeGroups.push({
      name: groupNames.pick(name, `fargate-${spec.nodeGroups.length + 1}`, `${node.path}.fargateProfileName`),
      kind: 'FARGATE',
      instanceTypes: [],
      subnets: ids.map((id) => subnetById.get(id)!.name),
      minSize: 0,
      desiredSize: 0,
      maxSize: 0,
    });
    out.warn('INFERRED', `Fargate profile ${name}: a FARGATE group with 0 pods; set its sizes (pods) to plan its addresses.`, node.path);
  }

  // The VPC CNI: aws-node's image tag and environment, and the ENIConfigs.
  const cni = readAwsNode(bundle, out);
  const eniConfigs = readEniConfigs(bundle, subnetById, sgName, out);
  for (const eniConfig of eniConfigs) addRole(eniConfig.subnetId, 'PODS');
  if (eniConfigs.length > 0) {
    cni.eniConfigs = eniConfigs.map(({ az, subnetId, securityGroups: groups }) => ({
      az,
      subnet: subnetById.get(subnetId)!.name,
      ...(groups.length > 0 ? { securityGroups: groups } : {}),
    }));
  }
  if (Object.keys(cni).length > 0) spec.cni = cni;

  throwIfAny(bundle.problems, 'The AWS bundle cannot be read');
  spec.name = designName(bundle.name ?? clusterName ?? vpc.tags().get('Name') ?? vpcId);
  spec.subnets = subnets.map(({ node: _node, ...subnet }) => {
    const subnetRoles = SUBNET_ROLES.filter((role) => roles.get(subnet.id)!.has(role));
    return subnetRoles.length > 0 ? { ...subnet, roles: subnetRoles } : subnet;
  });
  if (natGateways.length > 0) spec.natGateways = natGateways;
  if (securityGroups.length > 0) spec.securityGroups = securityGroups;
  return { spec, unsupported: out.unsupported, warnings: out.warnings };
}

function selectVpc(bundle: AwsBundle): JsonNode {
  const vpcs = bundle.outputs.vpcs![0].list('Vpcs', true);
  throwIfAny(bundle.problems, 'The VPCs cannot be read');
  const ids = vpcs.map((vpc) => vpc.string('VpcId'));
  if (bundle.vpcId !== undefined) {
    const found = vpcs.find((vpc) => vpc.string('VpcId') === bundle.vpcId);
    if (found !== undefined) return found;
    throw new InvalidInputError('AWS_VPC_NOT_SELECTED', `vpcId ${bundle.vpcId} is not in vpcs.Vpcs (${ids.join(', ') || 'none'}).`, [
      { path: 'vpcId', message: `not one of ${ids.join(', ') || 'no VPC'}` },
    ]);
  }
  if (vpcs.length === 1) return vpcs[0];
  throw new InvalidInputError(
    'AWS_VPC_NOT_SELECTED',
    vpcs.length === 0
      ? 'vpcs.Vpcs is empty: dump the VPC the cluster runs in.'
      : `vpcs.Vpcs holds ${vpcs.length} VPCs (${ids.join(', ')}); say which with vpcId.`,
    [{ path: 'vpcs.Vpcs', message: vpcs.length === 0 ? 'no VPC' : 'several VPCs and no vpcId' }],
  );
}

/** The Region: an AZ name less its letter (us-east-1a → us-east-1), else the cluster ARN's Region field. */
function regionOf(subnets: readonly Subnet[], bundle: AwsBundle): string {
  const zone = subnets.map((subnet) => /^([a-z]{2}(?:-[a-z]+)+-\d{1,2})[a-z]$/.exec(subnet.az)?.[1]).find((region) => region !== undefined);
  if (zone !== undefined) return zone;
  const arn = bundle.outputs.cluster?.[0]?.field('cluster').string('arn');
  return arn?.split(':')[3] ?? 'us-east-1';
}

function designName(text: string): string {
  const cleaned = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, NAME_MAX);
  return cleaned === '' ? 'imported' : cleaned;
}

function ingressRules(group: JsonNode, sgNameById: ReadonlyMap<string, string>, out: Collector): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = [];
  for (const permission of group.list('IpPermissions')) {
    const raw = permission.string('IpProtocol') ?? '-1';
    const protocol = Object.hasOwn(PROTOCOLS, raw.toLowerCase()) ? PROTOCOLS[raw.toLowerCase()] : undefined;
    if (protocol === undefined) {
      out.unsupportedAt(`${permission.path}.IpProtocol`, `Protocol ${raw} is not TCP, UDP, ICMP or all; the rule is not kept.`);
      continue;
    }
    const from = permission.number('FromPort');
    const to = permission.number('ToPort');
    const ports =
      protocol === 'ALL' || protocol === 'ICMP' || from === undefined || to === undefined || from < 1 || (from <= 1 && to >= 65535)
        ? undefined
        : from === to
          ? String(from)
          : `${from}-${to}`;
    const rule = (source: string): SecurityGroupRule => ({ protocol, ...(ports !== undefined ? { ports } : {}), from: source });
    for (const range of permission.list('IpRanges')) {
      const cidr = range.string('CidrIp');
      if (cidr !== undefined) rules.push(rule(cidr));
    }
    for (const range of permission.list('Ipv6Ranges')) {
      const cidr = range.string('CidrIpv6');
      if (cidr !== undefined) rules.push(rule(cidr));
    }
    for (const [i, pair] of permission.list('UserIdGroupPairs').entries()) {
      const id = pair.string('GroupId');
      const name = id === undefined ? undefined : sgNameById.get(id);
      if (name !== undefined) rules.push(rule(name));
      else
        out.unsupportedAt(
          `${permission.path}.UserIdGroupPairs[${i}]`,
          `Security group ${id ?? '(no GroupId)'} is not in this VPC's security groups; the rule is not kept.`,
        );
    }
    if (permission.list('PrefixListIds').length > 0) {
      out.unsupportedAt(`${permission.path}.PrefixListIds`, 'Managed prefix lists are not in the design; those sources are not kept.');
    }
  }
  return rules;
}

function readAwsNode(bundle: AwsBundle, out: Collector): CniSettings {
  const settings: CniSettings = {};
  const daemonSet = bundle.outputs.awsNode?.[0];
  if (daemonSet === undefined) return settings;
  const containers = daemonSet.field('spec').field('template').field('spec').list('containers', true);
  const container = containers.find((candidate) => candidate.string('name') === 'aws-node');
  if (container === undefined) {
    out.warn(
      'CNI_SETTING_INVALID',
      'The aws-node DaemonSet has no container named aws-node; the CNI defaults apply.',
      `${daemonSet.path}.spec.template.spec.containers`,
    );
    return settings;
  }
  const image = container.string('image');
  const tag = image === undefined ? undefined : /:v?(\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[0-9A-Za-z.-]{1,40})?)$/.exec(image)?.[1];
  if (tag !== undefined) {
    settings.version = tag;
    out.warn('INFERRED', `CNI version ${tag} from the aws-node image tag.`, `${container.path}.image`);
  } else if (image !== undefined) {
    out.warn(
      'CNI_SETTING_INVALID',
      `The aws-node image ${image} has no version tag; the planner default applies.`,
      `${container.path}.image`,
    );
  }
  const env = new Map<string, JsonNode>();
  for (const variable of container.list('env')) {
    const name = variable.string('name');
    if (name !== undefined) env.set(name, variable);
  }
  for (const variable of CNI_ENV_VARIABLES) {
    const node = env.get(variable.name);
    if (node === undefined) continue;
    const raw = node.field('value').value;
    if (raw === undefined) {
      out.unsupportedAt(`${node.path}.valueFrom`, `${variable.name} comes from valueFrom; only literal values are read.`);
      continue;
    }
    const parsed = parseCniValue(variable.kind, raw);
    if (!parsed.ok) {
      out.warn('CNI_SETTING_INVALID', `${variable.name}=${JSON.stringify(raw)} is not ${parsed.expected}; left out.`, `${node.path}.value`);
      continue;
    }
    if (variable.kind === 'cidrList' && (parsed.value as string[]).length === 0) continue;
    (settings as Record<string, unknown>)[variable.field] = parsed.value;
  }
  return settings;
}

interface ImportedEniConfig extends Omit<EniConfig, 'subnet'> {
  subnetId: string;
  securityGroups: string[];
}

function readEniConfigs(
  bundle: AwsBundle,
  subnetById: ReadonlyMap<string, Subnet & { node: JsonNode }>,
  sgName: (id: string, path: string) => string | undefined,
  out: Collector,
): ImportedEniConfig[] {
  const list = bundle.outputs.eniConfigs?.[0];
  if (list === undefined) return [];
  const items = list.field('kind').value === 'ENIConfig' ? [list] : list.list('items', true);
  return items.flatMap((item) => {
    const metadata = item.field('metadata');
    const name = metadata.string('name', true);
    const specNode = item.field('spec');
    const subnetId = specNode.string('subnet', true);
    if (name === undefined || subnetId === undefined) return [];
    const subnet = subnetById.get(subnetId);
    if (subnet === undefined) {
      out.warn(
        'FOREIGN_VPC_RESOURCE',
        `ENIConfig ${name}: subnet ${subnetId} is not among the subnets of this VPC; left out.`,
        `${specNode.path}.subnet`,
      );
      return [];
    }
    // The CNI picks an ENIConfig by the node's zone label value, so the name is the zone; a zone label on it says so too.
    const labels = metadata.field('labels');
    const label = labels.keys().find((key) => ZONE_LABELS.has(key));
    const labelled = label === undefined ? undefined : labels.string(label);
    const zoneLike = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}[a-z]$|-az\d{1,2}$/;
    const zone = zoneLike.test(name) ? name : (labelled ?? subnet.az);
    // An ENIConfig named by AZ id (ENI_CONFIG_LABEL_DEF=topology.k8s.aws/zone-id) is the zone of the subnet with that id.
    const az = zone === subnet.node.string('AvailabilityZoneId') ? subnet.az : zone;
    out.warn(
      'INFERRED',
      `ENIConfig ${name}: Availability Zone ${az}${az === zone ? '' : ` (AZ id ${zone})`} from ${zoneLike.test(name) ? 'its name' : labelled !== undefined ? `its label ${label}` : `its subnet ${subnet.name}`}.`,
      `${metadata.path}.name`,
    );
    const groups = specNode.strings('securityGroups').flatMap((id, i) => sgName(id, `${specNode.path}.securityGroups[${i}]`) ?? []);
    return [{ az, subnetId, securityGroups: groups }];
  });
}
