/**
 * The DesignSpec whitelist: which fields exist, their JSON types, enums, bounds and formats.
 * `Schema<T>` ties every reader to design-spec.types.ts, so the two cannot drift apart silently.
 * Cross-field rules (CIDR maths, references, EKS semantics) live in the *.rules.ts files.
 */
import {
  AMI_FAMILIES,
  WINDOWS_VARIANTS,
  AUDIENCES,
  AWS_ID_PATTERNS,
  EXPOSE_PROTOCOLS,
  IP_FAMILIES,
  NODE_GROUP_KINDS,
  PEER_CONNECTIONS,
  POD_SG_ENFORCING_MODES,
  SG_PROTOCOLS,
  SUBNET_ROLES,
  TARGET_TYPES,
  TRAFFIC_POLICIES,
  type CniSettings,
  type DesignSpec,
  type EndpointAccess,
  type EniConfig,
  type Expose,
  type LoadBalancerController,
  type NatGateway,
  type NodeGroup,
  type SecurityGroup,
  type SecurityGroupRule,
  type Subnet,
  type SubnetObservation,
  type Vpc,
  type VpcPeer,
  type Workload,
} from './design-spec.types.js';
import {
  arrayOf,
  bool,
  describe,
  integer,
  objectOf,
  oneOf,
  optional,
  required,
  show,
  text,
  type Draft,
  type Reader,
} from './design-spec.readers.js';
import { OPTION_BOUNDS, type BoundedOption } from './option-bounds.js';

export const DESIGN_SPEC_LIMITS = {
  nameLength: 100,
  vpcCidrs: 50,
  vpcIpv6Cidrs: 5,
  peers: 200,
  peerCidrs: 100,
  subnets: 5000,
  natGateways: 1000,
  nodeGroups: 2000,
  instanceTypesPerNodeGroup: 1500,
  subnetsPerNodeGroup: 1000,
  workloads: 10_000,
  securityGroups: 2500,
  ingressRulesPerSecurityGroup: 1000,
  /** Security groups per ENI (VPC quota, adjustable up to 16). */
  securityGroupsPerEni: 16,
  eniConfigs: 200,
  cidrLists: 100,
  tags: 50,
  replicas: 1_000_000,
} as const;

const L = DESIGN_SPEC_LIMITS;

// EKS cluster names: letters, digits, hyphens and underscores, up to 100 (CreateCluster); we also allow '.'.
const name = text(L.nameLength, { pattern: /^[A-Za-z0-9._-]+$/, code: 'NAME_INVALID', expected: 'letters, digits, "-", "_" and "."' });
/** A reference to another entry by name; resolution (not the charset) is what the rules check. */
const reference = text(L.nameLength);
/** Parsed by the CIDR rules; the bound only keeps hostile strings out of the parser. */
const cidrText = text(64);
export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const region = text(32, {
  pattern: REGION_PATTERN,
  code: 'REGION_INVALID',
  expected: 'a Region code such as us-east-1',
});
/** Its form (AZ name or AZ id) is checked with the Region by the semantic rules. */
const availabilityZone = text(64);
const addOnVersion = text(64, {
  pattern: /^\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[0-9A-Za-z.-]{1,40})?$/,
  code: 'VERSION_INVALID',
  expected: 'major.minor.patch such as 1.20.0 (an -eksbuild.1 suffix is allowed)',
});
/** A Kubernetes major.minor version such as 1.31. */
export const KUBERNETES_VERSION_PATTERN = /^\d{1,2}\.\d{1,3}$/;
const kubernetesVersion = text(16, { pattern: KUBERNETES_VERSION_PATTERN, code: 'VERSION_INVALID', expected: 'major.minor such as 1.31' });
// Kubernetes namespaces are RFC 1123 labels.
const namespace = text(63, {
  pattern: /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/,
  code: 'NAMESPACE_INVALID',
  expected: 'lower-case letters, digits and "-", starting and ending with a letter or digit',
});
// LBC ingress-group: "lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", ≤ 63.
const ingressGroupName = text(63, {
  pattern: /^[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?$/,
  code: 'SHARE_GROUP_INVALID',
  expected: 'lower-case letters, digits, "-" and ".", starting and ending with a letter or digit',
});
const certificateArn = text(2048, {
  pattern: /^arn:aws[a-z-]*:(?:acm|iam):[a-z0-9-]*:\d{12}:[\x21-\x7e]+$/,
  code: 'CERTIFICATE_ARN_INVALID',
  expected: 'an ACM (or IAM server) certificate ARN',
});
const owner = text(200, { pattern: /^[^\p{Cc}]+$/u, code: 'OWNER_INVALID', expected: 'text without control characters' });
const tag = text(100, { pattern: /^[A-Za-z0-9._:/=+@-]+$/, code: 'TAG_INVALID', expected: 'letters, digits and "-_.:/=+@"' });
/** An AWS resource ID of one kind (`subnet-0123456789abcdef0`). */
const awsId = (kind: keyof typeof AWS_ID_PATTERNS, prefix: string) =>
  text(32, { pattern: AWS_ID_PATTERNS[kind], code: 'AWS_ID_INVALID', expected: `"${prefix}-" and 8 or 17 lower-case hex digits` });
// CreateCluster: "The name can contain only alphanumeric characters (case-sensitive), hyphens, and underscores. It must
// start with an alphanumeric character and can't be longer than 100 characters."
const clusterName = text(100, {
  pattern: /^[0-9A-Za-z][A-Za-z0-9_-]*$/,
  code: 'CLUSTER_NAME_INVALID',
  expected: 'letters, digits, "-" and "_", starting with a letter or digit (an EKS cluster name)',
});
const ipv4Address = text(15, {
  pattern: /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/,
  code: 'IP_ADDRESS_INVALID',
  expected: 'an IPv4 address such as 203.0.113.10',
});
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** An ISO 8601 date-time with its offset (`2026-12-04T18:00:00Z`), as `date -u +%FT%TZ` prints it. */
const dateTime: Reader<string> = (value, path, problems) => {
  const read = text(40)(value, path, problems);
  if (read !== undefined && !(ISO_DATE_TIME.test(read) && Number.isFinite(Date.parse(read)))) {
    problems.add(path, 'DATE_TIME_INVALID', `${show(read)} is not an ISO 8601 date-time with an offset such as "2026-12-04T18:00:00Z".`);
  }
  return read;
};
const port = integer({ ...OPTION_BOUNDS.port, code: 'PORT_INVALID' });
/** An option whose bounds are declared once in OPTION_BOUNDS. */
const bounded = (option: BoundedOption) => integer(OPTION_BOUNDS[option]);
const count = (max: number) => integer({ min: 0, max });

/** Security-group rule ports: `443` or `30000-32767`. */
const portRange: Reader<string> = (value, path, problems) => {
  if (typeof value !== 'string') {
    problems.add(path, 'TYPE_MISMATCH', `Expected a port or port range such as "443" or "30000-32767", got ${describe(value)}.`);
    return undefined;
  }
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(value);
  const from = Number(match?.[1]);
  const to = match?.[2] === undefined ? from : Number(match[2]);
  if (match === null || from < OPTION_BOUNDS.port.min || to > OPTION_BOUNDS.port.max || from > to) {
    problems.add(path, 'SG_RULE_PORTS_INVALID', `${show(value)} is not a port or an ascending port range within 1-65535.`);
  }
  return value;
};

const names = (noun: string, max: number) => arrayOf(reference, { max, noun });
const cidrs = (noun: string, max: number, min = 0) => arrayOf(cidrText, { max, min, noun });

const peer = objectOf<VpcPeer>('a VPC peer', {
  name: required(name),
  cidrs: required(cidrs('peer CIDRs', L.peerCidrs, 1)),
  via: required(oneOf(PEER_CONNECTIONS)),
});

const vpc = objectOf<Vpc>('the VPC', {
  id: optional(awsId('vpc', 'vpc')),
  cidrs: required(cidrs('VPC CIDRs', L.vpcCidrs, 1)),
  secondaryCidrs: optional(cidrs('secondary CIDRs', L.vpcCidrs)),
  ipv6Cidrs: optional(cidrs('IPv6 CIDRs', L.vpcIpv6Cidrs)),
  peers: optional(arrayOf(peer, { max: L.peers, noun: 'peers' })),
});

// A /16 subnet (the largest) has 65,531 usable addresses; the semantic rules compare with the subnet's own size.
const observation = objectOf<SubnetObservation>('an observation', {
  availableIps: required(count(2 ** 16)),
  at: required(dateTime),
});

const subnet = objectOf<Subnet>('a subnet', {
  name: required(name),
  id: optional(awsId('subnet', 'subnet')),
  az: required(availabilityZone),
  cidr: required(cidrText),
  ipv6Cidr: optional(cidrText),
  public: optional(bool),
  natGateway: optional(reference),
  roles: optional(arrayOf(oneOf(SUBNET_ROLES), { max: SUBNET_ROLES.length * 2, noun: 'roles' })),
  observed: optional(observation),
});

const natGateway = objectOf<NatGateway>('a NAT gateway', {
  name: required(name),
  id: optional(awsId('natGateway', 'nat')),
  eip: optional(ipv4Address),
  subnet: required(reference),
});

const endpointAccess = objectOf<EndpointAccess>('endpoint access', {
  public: required(bool),
  private: required(bool),
  publicAccessCidrs: optional(cidrs('public access CIDRs', L.cidrLists)),
});

const eniConfig = objectOf<EniConfig>('an ENIConfig', {
  az: required(availabilityZone),
  subnet: required(reference),
  securityGroups: optional(names('security groups', L.securityGroupsPerEni)),
});

const cni = objectOf<CniSettings>('the CNI settings', {
  version: optional(addOnVersion),
  prefixDelegation: optional(bool),
  customNetworking: optional(bool),
  eniConfigs: optional(arrayOf(eniConfig, { max: L.eniConfigs, noun: 'ENIConfigs' })),
  externalSnat: optional(bool),
  excludeSnatCidrs: optional(cidrs('SNAT exclusions', L.cidrLists)),
  warmEniTarget: optional(bounded('warmEniTarget')),
  warmIpTarget: optional(bounded('warmIpTarget')),
  minimumIpTarget: optional(bounded('minimumIpTarget')),
  warmPrefixTarget: optional(bounded('warmPrefixTarget')),
  maxEni: optional(bounded('maxEnis')),
  securityGroupsForPods: optional(bool),
  podSecurityGroupEnforcingMode: optional(oneOf(POD_SG_ENFORCING_MODES)),
});

const loadBalancerController = objectOf<LoadBalancerController>('the load balancer controller', {
  installed: required(bool),
  version: optional(addOnVersion),
  serviceMutatorWebhook: optional(bool),
});

const nodeGroup = objectOf<NodeGroup>('a node group', {
  name: required(name),
  kind: required(oneOf(NODE_GROUP_KINDS)),
  amiFamily: optional(oneOf(AMI_FAMILIES)),
  windowsVariant: optional(oneOf(WINDOWS_VARIANTS)),
  instanceTypes: required(names('instance types', L.instanceTypesPerNodeGroup)),
  subnets: required(arrayOf(reference, { max: L.subnetsPerNodeGroup, min: 1, noun: 'subnets' })),
  minSize: required(bounded('nodes')),
  desiredSize: required(bounded('nodes')),
  maxSize: required(bounded('nodes')),
  currentSize: optional(bounded('nodes')),
  maxPods: optional(bounded('kubeletMaxPods')),
  // kubelet podsPerCore: 0 turns the limit off.
  podsPerCore: optional(bounded('podsPerCore')),
  maxSurge: optional(bounded('nodes')),
  securityGroups: optional(names('security groups', L.securityGroupsPerEni)),
});

const expose = objectOf<Expose>('an exposure', {
  audience: required(oneOf(AUDIENCES)),
  protocol: required(oneOf(EXPOSE_PROTOCOLS)),
  port: required(port),
  targetPort: optional(port),
  needClientIp: optional(bool),
  staticIps: optional(bool),
  shareGroup: optional(ingressGroupName),
  externalTrafficPolicy: optional(oneOf(TRAFFIC_POLICIES)),
  targetType: optional(oneOf(TARGET_TYPES)),
  certificateArn: optional(certificateArn),
});

const workload = objectOf<Workload>('a workload', {
  name: required(name),
  namespace: optional(namespace),
  nodeGroup: required(reference),
  replicas: required(count(L.replicas)),
  securityGroups: optional(names('security groups', L.securityGroupsPerEni)),
  hostNetwork: optional(bool),
  expose: optional(expose),
});

const securityGroupRule = objectOf<SecurityGroupRule>('a security group rule', {
  protocol: required(oneOf(SG_PROTOCOLS)),
  ports: optional(portRange),
  from: required(text(L.nameLength)),
});

const securityGroup = objectOf<SecurityGroup>('a security group', {
  name: required(name),
  id: optional(awsId('securityGroup', 'sg')),
  ingress: required(arrayOf(securityGroupRule, { max: L.ingressRulesPerSecurityGroup, noun: 'ingress rules' })),
});

export const readDesignSpec: Reader<Draft<DesignSpec>> = objectOf<DesignSpec>('a DesignSpec', {
  name: required(name),
  region: required(region),
  clusterName: optional(clusterName),
  owner: optional(owner),
  tags: optional(arrayOf(tag, { max: L.tags, noun: 'tags' })),
  catalog: optional(name),
  kubernetesVersion: optional(kubernetesVersion),
  ipFamily: required(oneOf(IP_FAMILIES)),
  vpc: required(vpc),
  subnets: required(arrayOf(subnet, { max: L.subnets, noun: 'subnets' })),
  natGateways: optional(arrayOf(natGateway, { max: L.natGateways, noun: 'NAT gateways' })),
  endpointAccess: optional(endpointAccess),
  serviceIpv4Cidr: optional(cidrText),
  cni: optional(cni),
  loadBalancerController: optional(loadBalancerController),
  nodeGroups: required(arrayOf(nodeGroup, { max: L.nodeGroups, noun: 'node groups' })),
  workloads: optional(arrayOf(workload, { max: L.workloads, noun: 'workloads' })),
  securityGroups: optional(arrayOf(securityGroup, { max: L.securityGroups, noun: 'security groups' })),
  clusterSecurityGroup: optional(reference),
});
