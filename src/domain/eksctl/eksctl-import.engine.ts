/**
 * importEksctl: an eksctl ClusterConfig (apiVersion eksctl.io/v1alpha5, kind ClusterConfig) → DesignSpec.
 * Pure: text in, spec out. Every field it does not carry is listed in `unsupported` with its YAML path; every
 * assumption or inference is a warning. Malformed or hostile YAML, another kind of document, or a mapped field of the
 * wrong type is an InvalidInputError.
 */
import { InvalidInputError, ValidationFailedError } from '../errors/planning-error.js';
import { cidrContains, parseCidr } from '../network/cidr.js';
import { DESIGN_SPEC_LIMITS, KUBERNETES_VERSION_PATTERN } from '../spec/design-spec.schema.js';
import {
  AWS_ID_PATTERNS,
  SUBNET_ROLES,
  type CniSettings,
  type DesignSpec,
  type EniConfig,
  type IpFamily,
  type SecurityGroup,
  type Subnet,
  type SubnetRole,
} from '../spec/design-spec.types.js';
import { readVpcCniAddon, type EniConfigReference } from './eksctl-cni.mapper.js';
import { ConfigObject, formatPath, ImportContext, isRecord } from './eksctl-config.reader.js';
import { readNodeGroups, SecurityGroupIds } from './eksctl-node-groups.mapper.js';
import { explainUnsupported } from './eksctl-schema.data.js';
import {
  markClusterEndpointSubnets,
  readEndpointAccess,
  readNatGateways,
  readVpc,
  reportUnresolved,
  type ImportedSubnet,
  type VpcImport,
} from './eksctl-vpc.mapper.js';
import { parseYamlDocument } from './eksctl-yaml.parser.js';
import type { EksctlImport } from './eksctl.types.js';

export const EKSCTL_API_VERSION = 'eksctl.io/v1alpha5';
export const EKSCTL_KIND = 'ClusterConfig';

const TAG = /^[A-Za-z0-9._:/=+@-]{1,100}$/;
const MAX_TAGS = DESIGN_SPEC_LIMITS.tags;

export function importEksctl(yamlText: string): EksctlImport {
  const yaml = parseYamlDocument(yamlText, 'eksctl config');
  const root = yaml.value;
  assertClusterConfig(root);
  const ctx = new ImportContext(yaml);
  const config = new ConfigObject(ctx, [], root);
  config.consume('apiVersion');
  config.consume('kind');

  const metadata = readMetadata(config);
  const network = config.object('kubernetesNetworkConfig');
  const ipFamily = readIpFamily(network);
  const serviceIpv4Cidr = network?.string('serviceIPv4CIDR');

  const cni = readVpcCniAddon(config, ipFamily, metadata.region);
  const vpc = readVpc(config, metadata.region, ipFamily === 'IPV6');
  const securityGroups = new SecurityGroupIds();
  const eniConfigs = resolveEniConfigs(cni?.eniConfigs ?? [], cni?.settings.customNetworking === true, vpc, securityGroups, ctx);
  markClusterEndpointSubnets(config, vpc.catalog);
  const natGateways = readNatGateways(config, vpc, ipFamily === 'IPV6');
  const endpointAccess = readEndpointAccess(config, vpc);
  const { nodeGroups, origins, ec2Subnets } = readNodeGroups(config, vpc.catalog, securityGroups);
  assignRoles(vpc.catalog.subnets, ec2Subnets);

  if (securityGroups.list().length > 0) {
    ctx.warn(
      'SECURITY_GROUP_RULES_UNKNOWN',
      `Security groups ${securityGroups.list().join(', ')} are referenced by ID; the design lists them with no ingress rules (deny all inbound) until their rules are added.`,
    );
  }
  if (vpc.catalog.subnets.length === 0) assertPlannableSubnets(vpc, ctx);
  if (ctx.problems.length > 0) {
    const [first] = ctx.problems;
    const more = ctx.problems.length > 1 ? ` (and ${ctx.problems.length - 1} more)` : '';
    throw new InvalidInputError(
      'EKSCTL_CONFIG_INVALID',
      `The eksctl config is invalid at ${first.path || 'its root'}: ${first.message}${more}`,
      ctx.problems,
    );
  }

  const cniSettings: CniSettings | undefined =
    cni === undefined && eniConfigs.length === 0 ? undefined : { ...cni?.settings, ...(eniConfigs.length === 0 ? {} : { eniConfigs }) };
  const spec: DesignSpec = {
    name: metadata.name,
    region: metadata.region,
    ...(metadata.tags.length === 0 ? {} : { tags: metadata.tags }),
    ...(metadata.version === undefined ? {} : { kubernetesVersion: metadata.version }),
    ipFamily,
    vpc: {
      ...(vpc.vpcId === undefined ? {} : { id: vpc.vpcId }),
      cidrs: vpc.cidrs,
      ...(vpc.secondaryCidrs.length === 0 ? {} : { secondaryCidrs: vpc.secondaryCidrs }),
      ...(vpc.ipv6Cidrs.length === 0 ? {} : { ipv6Cidrs: vpc.ipv6Cidrs }),
    },
    subnets: vpc.catalog.subnets.map(toDesignSubnet),
    ...(natGateways.length === 0 ? {} : { natGateways }),
    ...(endpointAccess === undefined ? {} : { endpointAccess }),
    ...(serviceIpv4Cidr === undefined ? {} : { serviceIpv4Cidr: canonicalCidr(serviceIpv4Cidr) }),
    ...(cniSettings === undefined || Object.keys(cniSettings).length === 0 ? {} : { cni: cniSettings }),
    nodeGroups,
    ...(securityGroups.list().length === 0
      ? {}
      : { securityGroups: securityGroups.list().map((name): SecurityGroup => ({ name, ingress: [] })) }),
  };
  return {
    spec,
    unsupported: ctx.unsupportedFields(root, explainUnsupported),
    warnings: ctx.warnings,
    origins: {
      nodeGroups: origins,
      subnets: vpc.catalog.subnets.map((subnet) => (subnet.path.length > 0 ? formatPath(subnet.path) : 'vpc')),
    },
  };
}

/** Design fields whose ClusterConfig name differs (eksctl pkg/apis/eksctl.io/v1alpha5/types.go NodeGroupBase). */
const EKSCTL_FIELD_NAMES: Readonly<Record<string, string>> = { desiredSize: 'desiredCapacity', maxPods: 'maxPodsPerNode' };

/**
 * A design validation error of an imported config, told in the user's ClusterConfig paths: `nodeGroups[1].desiredSize`
 * becomes `managedNodeGroups[0].desiredCapacity`, with the design path kept in the message.
 */
export function inEksctlPaths(error: ValidationFailedError, imported: EksctlImport): ValidationFailedError {
  const details = error.details.map((detail) => {
    const eksctlPath = eksctlPathOf(imported, detail.path);
    return eksctlPath === undefined || eksctlPath === detail.path
      ? detail
      : { ...detail, path: eksctlPath, message: `${detail.message} (design path ${detail.path})` };
  });
  return new ValidationFailedError(details);
}

function eksctlPathOf({ origins }: EksctlImport, specPath: string): string | undefined {
  const match = /^(nodeGroups|subnets)\[(\d+)\](?:\.([A-Za-z]+))?(.*)$/.exec(specPath);
  if (!match) return undefined;
  const [, list, index, field, rest] = match;
  const base = (list === 'nodeGroups' ? origins.nodeGroups : origins.subnets)[Number(index)];
  if (base === undefined) return undefined;
  if (field === undefined) return base;
  return `${base}.${(list === 'nodeGroups' ? EKSCTL_FIELD_NAMES[field] : undefined) ?? field}${rest}`;
}

/**
 * An existing-VPC config whose subnets are all given by ID only cannot be planned (the planner never calls AWS): say
 * which subnets need what, at their eksctl paths, rather than let the design fail with "The design has no subnets".
 */
function assertPlannableSubnets(vpc: VpcImport, ctx: ImportContext): void {
  const idOnly = ctx.warnings.filter(
    (warning) => warning.code === 'SUBNET_SKIPPED' && warning.path !== undefined && /given by id only/.test(warning.message),
  );
  if (idOnly.length === 0) return;
  const paths = idOnly.map((warning) => warning.path!);
  throw new InvalidInputError(
    'EKSCTL_SUBNETS_WITHOUT_CIDRS',
    `Every subnet of ${vpc.vpcId ?? 'the existing VPC'} is given only by id (${paths.join(', ')}): the planner never calls AWS, so it needs each subnet's cidr (and az) to plan its IPs. Add them, or import the VPC from the AWS CLI's own output with POST /v1/designs/import/aws.`,
    paths.map((path) => ({ path, message: 'a subnet given by id only: add its cidr (and az), or use the AWS import' })),
  );
}

function assertClusterConfig(root: unknown): asserts root is Record<string, unknown> {
  if (!isRecord(root)) {
    const got = root === null || root === undefined ? 'an empty document' : Array.isArray(root) ? 'a list' : `a ${typeof root}`;
    throw new InvalidInputError('NOT_AN_EKSCTL_CLUSTER_CONFIG', `Expected an eksctl ClusterConfig (a YAML mapping), got ${got}.`, [
      { path: '', message: `got ${got}` },
    ]);
  }
  const problems = [
    root.apiVersion !== EKSCTL_API_VERSION
      ? { path: 'apiVersion', message: `expected ${EKSCTL_API_VERSION}, got ${JSON.stringify(root.apiVersion ?? null)}` }
      : undefined,
    root.kind !== EKSCTL_KIND ? { path: 'kind', message: `expected ${EKSCTL_KIND}, got ${JSON.stringify(root.kind ?? null)}` } : undefined,
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) {
    throw new InvalidInputError(
      'NOT_AN_EKSCTL_CLUSTER_CONFIG',
      `Not an eksctl ClusterConfig: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}.`,
      problems,
    );
  }
}

interface Metadata {
  name: string;
  region: string;
  version?: string;
  tags: string[];
}

function readMetadata(config: ConfigObject): Metadata {
  const ctx = config.ctx;
  const metadata = config.object('metadata');
  const name = metadata?.string('name');
  const region = metadata?.string('region');
  if (name === undefined) ctx.problem(['metadata', 'name'], 'A ClusterConfig needs metadata.name.');
  if (region === undefined) ctx.problem(['metadata', 'region'], 'A ClusterConfig needs metadata.region.');
  let version = metadata?.string('version');
  if (version !== undefined && !KUBERNETES_VERSION_PATTERN.test(version)) {
    metadata!.unsupported('version', `${JSON.stringify(version)} is not a Kubernetes major.minor version such as 1.31.`);
    version = undefined;
  }
  const tags: string[] = [];
  for (const [key, value] of metadata?.stringMap('tags') ?? []) {
    // A DesignSpec tag is one word: key=value (or the bare key for an empty value).
    const tag = value === '' ? key : `${key}=${value}`;
    const path = [...metadata!.at('tags'), key];
    if (!TAG.test(tag))
      ctx.unsupported(path, `Tag ${JSON.stringify(tag)} does not fit a DesignSpec tag (letters, digits and -_.:/=+@, at most 100).`);
    else if (tags.length >= MAX_TAGS) ctx.unsupported(path, `A DesignSpec holds at most ${MAX_TAGS} tags.`);
    else tags.push(tag);
  }
  return { name: name ?? '', region: region ?? '', ...(version === undefined ? {} : { version }), tags };
}

function readIpFamily(network: ConfigObject | undefined): IpFamily {
  const family = network?.string('ipFamily');
  if (family === undefined) return 'IPV4';
  const upper = family.toUpperCase();
  if (upper === 'IPV4' || upper === 'IPV6') return upper;
  network!.ctx.problem(network!.at('ipFamily'), `Expected IPv4 or IPv6, got ${JSON.stringify(family)}.`);
  return 'IPV4';
}

function canonicalCidr(text: string): string {
  try {
    return parseCidr(text).text;
  } catch {
    return text; // the DesignSpec validator names the problem
  }
}

/**
 * ENIConfig references → DesignSpec eniConfigs; their subnets become pod subnets. With custom networking on and no
 * eniConfig, the private subnets outside the primary VPC CIDR (one per AZ) are taken as the pod subnets.
 */
function resolveEniConfigs(
  refs: readonly EniConfigReference[],
  customNetworking: boolean,
  vpc: VpcImport,
  securityGroups: SecurityGroupIds,
  ctx: ImportContext,
): EniConfig[] {
  const eniConfigs: EniConfig[] = [];
  for (const ref of refs) {
    const subnet = vpc.catalog.resolve(ref.subnet, 'private');
    if (subnet === undefined) {
      reportUnresolved(ctx, vpc.catalog, ref.subnet, [...ref.path, 'id']);
      continue;
    }
    subnet.pods = true;
    const groups = ref.securityGroupIds.map((id) => securityGroups.add(id));
    eniConfigs.push({ az: ref.az, subnet: subnet.name, ...(groups.length === 0 ? {} : { securityGroups: groups }) });
  }
  if (!customNetworking || refs.length > 0) return eniConfigs;

  const primary = vpc.cidrs.length > 0 ? parseCidr(vpc.cidrs[0]) : undefined;
  const candidates = vpc.catalog.subnets.filter(
    (subnet) => subnet.topology === 'private' && primary !== undefined && !cidrContains(primary, subnet.cidr),
  );
  const zones = new Set<string>();
  const perZone = candidates.filter((subnet) => !zones.has(subnet.az) && zones.add(subnet.az));
  perZone.forEach((subnet) => {
    subnet.pods = true;
    eniConfigs.push({ az: subnet.az, subnet: subnet.name });
  });
  if (perZone.length > 0) {
    ctx.warn(
      'ENICONFIGS_INFERRED',
      `Custom networking is on but the vpc-cni add-on has no eniConfig; the design takes ${perZone.map((subnet) => subnet.name).join(', ')} (private, outside vpc.cidr) as the pod subnets of their zones.`,
    );
  }
  return eniConfigs;
}

/**
 * Roles: public subnets host internet-facing load balancers (ELB) and, when a node group runs there, nodes; private
 * subnets host nodes and internal load balancers (the kubernetes.io/role/elb and internal-elb tags eksctl sets);
 * ENIConfig subnets host pods. CLUSTER_ENDPOINTS was set from the control-plane settings.
 */
function assignRoles(subnets: readonly ImportedSubnet[], ec2Subnets: ReadonlySet<ImportedSubnet>): void {
  for (const subnet of subnets) {
    if (subnet.pods) subnet.roles.add('PODS');
    else if (subnet.topology === 'public') {
      subnet.roles.add('ELB');
      if (ec2Subnets.has(subnet)) subnet.roles.add('NODES');
    } else {
      subnet.roles.add('NODES');
      subnet.roles.add('INTERNAL_ELB');
    }
  }
}

function toDesignSubnet(subnet: ImportedSubnet): Subnet {
  const roles: SubnetRole[] = SUBNET_ROLES.filter((role) => subnet.roles.has(role));
  return {
    name: subnet.name,
    ...(subnet.id !== undefined && AWS_ID_PATTERNS.subnet.test(subnet.id) ? { id: subnet.id } : {}),
    az: subnet.az,
    cidr: subnet.cidr.text,
    ...(subnet.ipv6Cidr === undefined ? {} : { ipv6Cidr: subnet.ipv6Cidr }),
    ...(subnet.topology === 'public' ? { public: true } : {}),
    ...(subnet.natGateway === undefined ? {} : { natGateway: subnet.natGateway }),
    ...(roles.length === 0 ? {} : { roles }),
  };
}
