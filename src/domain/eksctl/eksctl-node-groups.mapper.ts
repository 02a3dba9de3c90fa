/**
 * `managedNodeGroups` (MANAGED), `nodeGroups` (SELF_MANAGED) and `fargateProfiles` (FARGATE) → DesignSpec node groups.
 * Subnet choice follows eksctl: `subnets` (keys or IDs), else the subnets of `availabilityZones`, else every subnet of
 * the node group's topology (`privateNetworking`); Fargate profiles default to the private subnets.
 */
import { WINDOWS_VARIANTS, type AmiFamily, type NodeGroup, type NodeGroupKind, type WindowsVariant } from '../spec/design-spec.types.js';
import { formatPath, type ConfigObject, type ImportContext } from './eksctl-config.reader.js';
import { reportUnresolved, type ImportedSubnet, type SubnetCatalog, type Topology } from './eksctl-vpc.mapper.js';

/** eksctl DefaultNodeType and DefaultNodeCount (pkg/apis/eksctl.io/v1alpha5/types.go). */
export const EKSCTL_DEFAULT_INSTANCE_TYPE = 'm5.large';
const EKSCTL_DEFAULT_NODE_COUNT = 2;

/** DesignSpec AMI family → the eksctl amiFamily it is exported as (and read back from). */
export const EKSCTL_AMI_FAMILIES: Readonly<Record<AmiFamily, string>> = {
  AL2023: 'AmazonLinux2023',
  AL2: 'AmazonLinux2',
  BOTTLEROCKET: 'Bottlerocket',
  WINDOWS: 'WindowsServer2022CoreContainer',
};
/**
 * The eksctl Windows families (eksctl pkg/apis/eksctl.io/v1alpha5/types.go@99984adb L226-233 and the supported list
 * L614-619): WindowsServer<2019|2022|2025><Core|Full>Container. Each is a windowsVariant, so it round-trips exactly.
 */
export function eksctlWindowsFamily(variant: WindowsVariant): string {
  const [, year, edition] = /^WINDOWS_SERVER_(\d{4})_(CORE|FULL)$/.exec(variant) ?? [];
  return `WindowsServer${year}${edition === 'FULL' ? 'Full' : 'Core'}Container`;
}

const WINDOWS_VARIANT_BY_EKSCTL_FAMILY = new Map(WINDOWS_VARIANTS.map((variant) => [eksctlWindowsFamily(variant), variant]));

/** eksctl amiFamily → DesignSpec; Ubuntu families (and the deprecated Windows 2004/20H2) have no counterpart. */
export function amiFamilyOf(family: string): { amiFamily: AmiFamily; windowsVariant?: WindowsVariant } | undefined {
  const windowsVariant = WINDOWS_VARIANT_BY_EKSCTL_FAMILY.get(family);
  if (windowsVariant !== undefined) {
    // The default (2022 Core, what WINDOWS exports as) needs no variant in the design.
    return family === EKSCTL_AMI_FAMILIES.WINDOWS ? { amiFamily: 'WINDOWS' } : { amiFamily: 'WINDOWS', windowsVariant };
  }
  const amiFamily = (Object.keys(EKSCTL_AMI_FAMILIES) as AmiFamily[]).find((candidate) => EKSCTL_AMI_FAMILIES[candidate] === family);
  return amiFamily === undefined ? undefined : { amiFamily };
}

/** DesignSpec → eksctl amiFamily: the Windows variant when there is one. */
export function eksctlAmiFamily(group: Pick<NodeGroup, 'amiFamily' | 'windowsVariant'>): string | undefined {
  if (group.amiFamily === 'WINDOWS' && group.windowsVariant !== undefined) return eksctlWindowsFamily(group.windowsVariant);
  return group.amiFamily === undefined ? undefined : EKSCTL_AMI_FAMILIES[group.amiFamily];
}

/** Security groups referenced by ID; each becomes a DesignSpec security group (rules unknown) named by its ID. */
export class SecurityGroupIds {
  private readonly ids: string[] = [];

  public add(id: string): string {
    if (!this.ids.includes(id)) this.ids.push(id);
    return id;
  }

  public list(): readonly string[] {
    return this.ids;
  }
}

export interface NodeGroupImport {
  nodeGroups: NodeGroup[];
  /** Where each node group came from in the ClusterConfig (`managedNodeGroups[0]`, `autoModeConfig.nodePools[1]`). */
  origins: string[];
  /** Subnets that run EC2 nodes (public ones among them get the NODES role). */
  ec2Subnets: Set<ImportedSubnet>;
}

export function readNodeGroups(config: ConfigObject, catalog: SubnetCatalog, securityGroups: SecurityGroupIds): NodeGroupImport {
  const defaults: Record<Topology, ImportedSubnet[]> = { public: catalog.nodeSubnets('public'), private: catalog.nodeSubnets('private') };
  const ec2Subnets = new Set<ImportedSubnet>();
  const nodeGroups: NodeGroup[] = [];
  const origins: string[] = [];
  const ec2Groups: [string, NodeGroupKind][] = [
    ['managedNodeGroups', 'MANAGED'],
    ['nodeGroups', 'SELF_MANAGED'],
  ];
  for (const [list, kind] of ec2Groups) {
    for (const group of config.objectList(list)) {
      const nodeGroup = readEc2NodeGroup(group, kind, catalog, defaults, securityGroups);
      if (nodeGroup === undefined) continue;
      nodeGroup.subnets.forEach((name) => {
        const subnet = catalog.named(name);
        if (subnet !== undefined) ec2Subnets.add(subnet);
      });
      nodeGroups.push(nodeGroup);
      origins.push(formatPath(group.path));
    }
  }
  for (const profile of config.objectList('fargateProfiles')) {
    const nodeGroup = readFargateProfile(profile, catalog, defaults.private);
    if (nodeGroup === undefined) continue;
    nodeGroups.push(nodeGroup);
    origins.push(formatPath(profile.path));
  }
  readAutoModeNodePools(config, defaults).forEach((nodeGroup, i) => {
    nodeGroup.subnets.forEach((name) => {
      const subnet = catalog.named(name);
      if (subnet !== undefined) ec2Subnets.add(subnet);
    });
    nodeGroups.push(nodeGroup);
    origins.push(`autoModeConfig.nodePools[${i}]`);
  });
  return { nodeGroups, origins, ec2Subnets };
}

/**
 * eksctl `autoModeConfig` (pkg/apis/eksctl.io/v1alpha5/auto_mode.go@99984adb L18-28): with `enabled: true` and no
 * `nodePools`, eksctl creates both built-in pools, general-purpose and system (defaults.go L65-68). Each pool becomes an
 * AUTO_MODE node group the planner can size (its max pods come from the Auto Mode launcher), on the private subnets.
 */
export const AUTO_MODE_NODE_POOLS = ['general-purpose', 'system'] as const;

function readAutoModeNodePools(config: ConfigObject, defaults: Record<Topology, ImportedSubnet[]>): NodeGroup[] {
  const autoMode = config.object('autoModeConfig');
  if (autoMode === undefined || autoMode.boolean('enabled') !== true) return [];
  const pools = autoMode.stringList('nodePools') ?? [...AUTO_MODE_NODE_POOLS];
  const subnets = (defaults.private.length > 0 ? defaults.private : defaults.public).map((subnet) => subnet.name);
  if (pools.length > 0) {
    autoMode.ctx.warn(
      'AUTO_MODE_NODE_POOLS_ASSUMED',
      `Auto Mode node pools ${pools.join(', ')} became AUTO_MODE node groups with ${EKSCTL_DEFAULT_INSTANCE_TYPE} and ${EKSCTL_DEFAULT_NODE_COUNT} nodes each; set the instance types and sizes you expect.`,
      autoMode.at('nodePools'),
    );
  }
  return pools.map((name) => ({
    name,
    kind: 'AUTO_MODE' as const,
    instanceTypes: [EKSCTL_DEFAULT_INSTANCE_TYPE],
    subnets,
    minSize: 0,
    desiredSize: EKSCTL_DEFAULT_NODE_COUNT,
    maxSize: EKSCTL_DEFAULT_NODE_COUNT,
  }));
}

function readEc2NodeGroup(
  group: ConfigObject,
  kind: NodeGroupKind,
  catalog: SubnetCatalog,
  defaults: Record<Topology, ImportedSubnet[]>,
  securityGroups: SecurityGroupIds,
): NodeGroup | undefined {
  const ctx = group.ctx;
  const name = group.string('name');
  if (name === undefined) {
    ctx.problem(group.path, 'A node group needs a name.');
    return undefined;
  }
  const family = group.string('amiFamily');
  const ami = family === undefined ? undefined : amiFamilyOf(family);
  if (family !== undefined && ami === undefined) {
    group.unsupported(
      'amiFamily',
      `${family} is not among the DesignSpec AMI families (AL2023, AL2, BOTTLEROCKET, WINDOWS); the node group is planned without one.`,
    );
  }
  const instanceTypes = readInstanceTypes(group, kind);
  const sizes = readSizes(group, name);
  const privateNetworking = group.boolean('privateNetworking') === true;
  const subnets = selectSubnets(group, privateNetworking ? 'private' : 'public', catalog, defaults, name);
  const maxPods = group.integer('maxPodsPerNode', 1) ?? readKubelet(group, 'maxPods');
  const podsPerCore = readKubelet(group, 'podsPerCore');
  const groupSecurityGroups = readNodeSecurityGroups(group, securityGroups);
  return {
    name,
    kind,
    ...(ami ?? {}),
    instanceTypes,
    subnets: subnets.map((subnet) => subnet.name),
    ...sizes,
    ...(maxPods === undefined ? {} : { maxPods }),
    ...(podsPerCore === undefined ? {} : { podsPerCore }),
    ...(groupSecurityGroups.length === 0 ? {} : { securityGroups: groupSecurityGroups }),
  };
}

function readInstanceTypes(group: ConfigObject, kind: NodeGroupKind): string[] {
  const types: string[] = [];
  const add = (type: string | undefined) => {
    if (type !== undefined && type !== '' && !types.includes(type)) types.push(type);
  };
  add(group.string('instanceType'));
  if (kind === 'MANAGED') group.stringList('instanceTypes')?.forEach(add);
  if (kind === 'SELF_MANAGED') group.object('instancesDistribution')?.stringList('instanceTypes')?.forEach(add);
  if (types.length === 0) {
    types.push(EKSCTL_DEFAULT_INSTANCE_TYPE);
    group.ctx.warn(
      'INSTANCE_TYPE_DEFAULTED',
      `No instance type for node group ${JSON.stringify(group.value.name)}: eksctl uses ${EKSCTL_DEFAULT_INSTANCE_TYPE}, and so does the design.`,
      group.path,
    );
  }
  return types;
}

/**
 * eksctl fills missing sizes (pkg/cfn/builder/nodegroup.go): minSize = desiredCapacity ?? 2,
 * maxSize = desiredCapacity ?? minSize, and the ASG starts at minSize when desiredCapacity is unset.
 */
function readSizes(group: ConfigObject, name: string): Pick<NodeGroup, 'minSize' | 'desiredSize' | 'maxSize'> {
  const desired = group.integer('desiredCapacity');
  const min = group.integer('minSize');
  const max = group.integer('maxSize');
  if (desired === undefined && min === undefined && max === undefined) {
    group.ctx.warn(
      'NODE_GROUP_SIZE_DEFAULTED',
      `Node group ${JSON.stringify(name)} gives no sizes; eksctl starts ${EKSCTL_DEFAULT_NODE_COUNT} nodes (min = desired = max = ${EKSCTL_DEFAULT_NODE_COUNT}).`,
      group.path,
    );
  }
  const minSize = min ?? desired ?? EKSCTL_DEFAULT_NODE_COUNT;
  return { minSize, desiredSize: desired ?? minSize, maxSize: max ?? desired ?? minSize };
}

/** kubeletExtraConfig (self-managed node groups) holds kubelet's maxPods and podsPerCore. */
function readKubelet(group: ConfigObject, key: 'maxPods' | 'podsPerCore'): number | undefined {
  return group.object('kubeletExtraConfig')?.integer(key, key === 'maxPods' ? 1 : 0);
}

function readNodeSecurityGroups(group: ConfigObject, securityGroups: SecurityGroupIds): string[] {
  const settings = group.object('securityGroups');
  const ids = settings?.stringList('attachIDs') ?? [];
  settings?.unsupported('withShared', "eksctl's shared node security group is created by eksctl; its rules are not part of the design.");
  settings?.unsupported('withLocal', "eksctl's per-node-group security group is created by eksctl; its rules are not part of the design.");
  return ids.map((id) => securityGroups.add(id));
}

function selectSubnets(
  group: ConfigObject,
  topology: Topology,
  catalog: SubnetCatalog,
  defaults: Record<Topology, ImportedSubnet[]>,
  name: string,
): ImportedSubnet[] {
  const ctx = group.ctx;
  const refs = group.stringList('subnets');
  const zones = group.stringList('availabilityZones');
  if (refs !== undefined && refs.length > 0) return resolveAll(refs, group.at('subnets'), topology, catalog, ctx);
  const inTopology = defaults[topology];
  const chosen = zones !== undefined && zones.length > 0 ? inTopology.filter((subnet) => zones.includes(subnet.az)) : inTopology;
  if (chosen.length > 0 || catalog.subnets.length === 0) return chosen;
  const other: Topology = topology === 'public' ? 'private' : 'public';
  const fallback = defaults[other].filter((subnet) => zones === undefined || zones.length === 0 || zones.includes(subnet.az));
  ctx.warn(
    'NODE_GROUP_SUBNETS_FALLBACK',
    `Node group ${JSON.stringify(name)} asks for ${topology} subnets${zones?.length ? ` in ${zones.join(', ')}` : ''} but there are none; the design places it in the ${other} ones.`,
    group.path,
  );
  return fallback;
}

function resolveAll(
  refs: readonly string[],
  path: readonly (string | number)[],
  prefer: Topology,
  catalog: SubnetCatalog,
  ctx: ImportContext,
): ImportedSubnet[] {
  const chosen = new Set<ImportedSubnet>();
  refs.forEach((ref, i) => {
    const subnet = catalog.resolve(ref, prefer);
    if (subnet === undefined) reportUnresolved(ctx, catalog, ref, [...path, i]);
    else chosen.add(subnet);
  });
  return [...chosen];
}

/** Fargate runs pods in private subnets; eksctl uses the cluster's private subnets when the profile names none. */
function readFargateProfile(profile: ConfigObject, catalog: SubnetCatalog, privateSubnets: ImportedSubnet[]): NodeGroup | undefined {
  const ctx = profile.ctx;
  const name = profile.string('name');
  if (name === undefined) {
    ctx.problem(profile.path, 'A Fargate profile needs a name.');
    return undefined;
  }
  const refs = profile.stringList('subnets');
  const subnets = refs !== undefined && refs.length > 0 ? resolveAll(refs, profile.at('subnets'), 'private', catalog, ctx) : privateSubnets;
  return {
    name,
    kind: 'FARGATE',
    instanceTypes: [],
    subnets: subnets.map((subnet) => subnet.name),
    minSize: 0,
    desiredSize: 0,
    maxSize: 0,
  };
}
