/**
 * What eksctl's ClusterConfig schema knows (pkg/apis/eksctl.io/v1alpha5/assets/schema.json, `preferredOrder` of each
 * definition), used to explain every field the import does not carry: a typo is named as such, a real eksctl field
 * gets the reason the DesignSpec has no place for it.
 */
import type { PathSegment } from './eksctl-yaml.parser.js';

const CLUSTER_CONFIG_FIELDS = new Set([
  'kind',
  'apiVersion',
  'metadata',
  'kubernetesNetworkConfig',
  'autoModeConfig',
  'remoteNetworkConfig',
  'iam',
  'iamIdentityMappings',
  'identityProviders',
  'accessConfig',
  'vpc',
  'addons',
  'addonsConfig',
  'privateCluster',
  'nodeGroups',
  'managedNodeGroups',
  'fargateProfiles',
  'availabilityZones',
  'localZones',
  'cloudWatch',
  'secretsEncryption',
  'gitops',
  'karpenter',
  'outpost',
  'zonalShiftConfig',
]);

const METADATA_FIELDS = new Set(['name', 'region', 'version', 'tags', 'annotations']);

const VPC_FIELDS = new Set([
  'id',
  'cidr',
  'ipv6Cidr',
  'ipv6Pool',
  'securityGroup',
  'subnets',
  'hostnameType',
  'extraCIDRs',
  'extraIPv6CIDRs',
  'sharedNodeSecurityGroup',
  'manageSharedNodeSecurityGroupRules',
  'autoAllocateIPv6',
  'nat',
  'clusterEndpoints',
  'publicAccessCIDRs',
  'controlPlaneSubnetIDs',
  'controlPlaneSecurityGroupIDs',
  'controlPlaneOnPrivateSubnets',
]);

const NODE_GROUP_BASE_FIELDS = [
  'name',
  'amiFamily',
  'instanceType',
  'availabilityZones',
  'subnets',
  'instancePrefix',
  'instanceName',
  'desiredCapacity',
  'minSize',
  'maxSize',
  'volumeSize',
  'ssh',
  'labels',
  'privateNetworking',
  'tags',
  'iam',
  'ami',
  'securityGroups',
  'maxPodsPerNode',
  'asgSuspendProcesses',
  'ebsOptimized',
  'volumeType',
  'volumeName',
  'volumeEncrypted',
  'volumeKmsKeyID',
  'volumeIOPS',
  'volumeThroughput',
  'additionalVolumes',
  'preBootstrapCommands',
  'overrideBootstrapCommand',
  'propagateASGTags',
  'disableIMDSv1',
  'disablePodIMDS',
  'placement',
  'efaEnabled',
  'instanceSelector',
  'bottlerocket',
  'enableDetailedMonitoring',
  'capacityReservation',
  'outpostARN',
  'taints',
  'updateConfig',
];

const MANAGED_NODE_GROUP_FIELDS = new Set([
  ...NODE_GROUP_BASE_FIELDS,
  'instanceTypes',
  'spot',
  'launchTemplate',
  'releaseVersion',
  'nodeRepairConfig',
]);

const NODE_GROUP_FIELDS = new Set([
  ...NODE_GROUP_BASE_FIELDS,
  'instancesDistribution',
  'asgMetricsCollection',
  'cpuCredits',
  'classicLoadBalancerNames',
  'targetGroupARNs',
  'clusterDNS',
  'kubeletExtraConfig',
  'containerRuntime',
  'maxInstanceLifetime',
  'localZones',
]);

const FARGATE_PROFILE_FIELDS = new Set(['name', 'podExecutionRoleARN', 'selectors', 'subnets', 'tags', 'status']);

const ADDON_FIELDS = new Set([
  'name',
  'version',
  'serviceAccountRoleARN',
  'attachPolicyARNs',
  'attachPolicy',
  'permissionsBoundary',
  'wellKnownPolicies',
  'tags',
  'resolveConflicts',
  'podIdentityAssociations',
  'useDefaultPodIdentityAssociations',
  'configurationValues',
  'publishers',
  'types',
  'owners',
]);

const KNOWN_FIELDS: Record<string, { fields: ReadonlySet<string>; noun: string }> = {
  metadata: { fields: METADATA_FIELDS, noun: 'metadata' },
  vpc: { fields: VPC_FIELDS, noun: 'vpc' },
  managedNodeGroups: { fields: MANAGED_NODE_GROUP_FIELDS, noun: 'managed nodegroup' },
  nodeGroups: { fields: NODE_GROUP_FIELDS, noun: 'nodegroup' },
  fargateProfiles: { fields: FARGATE_PROFILE_FIELDS, noun: 'Fargate profile' },
  addons: { fields: ADDON_FIELDS, noun: 'addon' },
};

/** Why an eksctl field has no place in a DesignSpec, for the fields people most often ask about. */
const REASONS: Record<string, string> = {
  iam: 'IAM (OIDC, service accounts, pod identity) is not part of network planning.',
  iamIdentityMappings: 'Cluster access mappings are not part of network planning.',
  identityProviders: 'Identity providers are not part of network planning.',
  accessConfig: 'Cluster access entries are not part of network planning.',
  cloudWatch: 'Control-plane logging is not part of network planning.',
  secretsEncryption: 'Secrets encryption is not part of network planning.',
  gitops: 'GitOps bootstrap is not part of network planning.',
  karpenter: 'eksctl installs Karpenter, but its NodePools are Kubernetes objects; add KARPENTER node groups to the design.',
  outpost: 'Outposts placement is not modelled.',
  zonalShiftConfig: 'Zonal shift is not part of network planning.',
  autoModeConfig: 'The Auto Mode node role and permissions boundary are IAM settings; the node pools import as AUTO_MODE node groups.',
  remoteNetworkConfig: 'Hybrid-node remote networks are not modelled.',
  addonsConfig: 'Add-on defaults are not part of network planning.',
  localZones: 'Local Zone subnets are not modelled.',
  'metadata.annotations': 'Annotations are arbitrary metadata ignored by eksctl; not imported.',
  'vpc.id': 'A DesignSpec describes the VPC by its CIDRs, not its ID.',
  'vpc.ipv6Pool': 'The BYOIPv6 pool ID is not part of a DesignSpec (its CIDR is, as vpc.ipv6Cidrs).',
  'vpc.securityGroup': "eksctl's control-plane security group is referenced by ID only; its rules are unknown.",
  'vpc.controlPlaneSecurityGroupIDs': 'Additional control-plane security groups are referenced by ID only; their rules are unknown.',
  'vpc.sharedNodeSecurityGroup': 'The shared node security group is referenced by ID only; its rules are unknown.',
  'vpc.manageSharedNodeSecurityGroupRules': 'Security group rule management is not modelled.',
  'vpc.hostnameType': 'EC2 hostname type does not affect network planning.',
  'vpc.autoAllocateIPv6': "IPv6 CIDRs allocated to an IPv4 cluster's subnets are not known before creation.",
  'kubernetesNetworkConfig.serviceIPv6CIDR': 'EKS chooses the IPv6 service range (fd00::/108 style); a DesignSpec has no place for it.',
  'nodeGroup.labels': 'Kubernetes node labels are not part of network planning.',
  'nodeGroup.taints': 'Node taints are not part of network planning.',
  'nodeGroup.tags': 'Resource tags are not part of network planning.',
  'nodeGroup.iam': 'Node IAM is not part of network planning.',
  'nodeGroup.ssh': 'SSH access is not part of network planning.',
  'nodeGroup.spot': 'Spot vs on-demand capacity does not change network planning.',
  'nodeGroup.instanceSelector': 'eksctl resolves instanceSelector to instance types at creation; list instanceTypes to plan them.',
  'nodeGroup.launchTemplate': 'A launch template may set maxPods and networking the planner cannot see; set maxPodsPerNode to plan it.',
  'nodeGroup.efaEnabled': 'EFA network cards are not modelled.',
  'nodeGroup.updateConfig': 'Update settings (maxUnavailable) are not modelled; DesignSpec maxSurge is the extra-node count.',
  'fargateProfile.selectors':
    'Selectors choose which pods run on Fargate; a DesignSpec has no pod selectors (model those pods as workloads on this node group).',
  'fargateProfile.podExecutionRoleARN': 'IAM is not part of network planning.',
  'fargateProfile.tags': 'Resource tags are not part of network planning.',
  'fargateProfile.status': 'Read-only status, not configuration.',
  'addon.attachPolicyARNs': 'Add-on IAM is not part of network planning.',
  'addon.serviceAccountRoleARN': 'Add-on IAM is not part of network planning.',
  'addon.podIdentityAssociations': 'Add-on IAM is not part of network planning.',
  'addon.useDefaultPodIdentityAssociations': 'Add-on IAM is not part of network planning.',
  'addon.wellKnownPolicies': 'Add-on IAM is not part of network planning.',
  'addon.resolveConflicts': 'Add-on update behaviour is not part of network planning.',
};

/** List entries share their reasons: `nodeGroup.labels` serves managed and self-managed node groups. */
const REASON_PREFIX: Record<string, string> = {
  managedNodeGroups: 'nodeGroup',
  nodeGroups: 'nodeGroup',
  fargateProfiles: 'fargateProfile',
  addons: 'addon',
};

const GENERIC = 'Not part of a DesignSpec (network planning); not imported.';

/** The reason shown for an unconsumed field at `path`. */
export function explainUnsupported(path: readonly PathSegment[]): string {
  const [top, second, third] = path;
  if (typeof top !== 'string') return GENERIC;
  if (path.length === 1) {
    return CLUSTER_CONFIG_FIELDS.has(top)
      ? (REASONS[top] ?? GENERIC)
      : `"${top}" is not a ClusterConfig field (a typo?); eksctl would reject it.`;
  }
  const known = KNOWN_FIELDS[top];
  // metadata.x, vpc.x: the field is the second segment; lists (node groups, addons): the third.
  const field = known !== undefined && typeof second === 'string' ? second : typeof second === 'number' ? third : undefined;
  if (known !== undefined && typeof field === 'string' && path.length === (typeof second === 'number' ? 3 : 2)) {
    if (!known.fields.has(field)) return `"${field}" is not an eksctl ${known.noun} field (a typo?); eksctl would reject it.`;
    return REASONS[`${REASON_PREFIX[top] ?? top}.${field}`] ?? GENERIC;
  }
  if (typeof second === 'string') return REASONS[`${top}.${second}`] ?? GENERIC;
  return GENERIC;
}
