/** The pure capacity engine's public surface (max pods, per-node IP demand, subnet usage, cluster checks). */
export * from './capacity.types.js';
export { SOURCES as CAPACITY_SOURCES } from './capacity-sources.js';
export { parseCniVersion, compareCniVersions, type CniVersion } from './cni-version.js';
export { kubeReservedCpuMillicores, kubeReservedMemoryMiB } from './kube-reserved.js';
export { compileMaxPodsExpression, type CompiledMaxPodsExpression } from './max-pods-expression.js';
export { resolveMaxPodsOptions, type ResolvedMaxPodsOptions } from './max-pods-options.js';
export {
  computeMaxPods,
  computeMaxPodsResolved,
  computeMaxPodsTable,
  type MaxPodsTable,
  type MaxPodsTableSkip,
} from './max-pods.engine.js';
export {
  DEFAULT_WARM_ENI_TARGET,
  DEFAULT_WARM_PREFIX_TARGET,
  WINDOWS_DEFAULTS,
  fargatePodDemand,
  nodeIpDemand,
  resolveCniPool,
  type NodeIpDemand,
  type NodeIpDemandInput,
  type NodeIpMode,
  type ResolvedCniPool,
} from './node-ip-demand.js';
export { HOST_NETWORK_PODS, IPS_PER_PREFIX, podIpCapacity, type PodIpCapacity } from './pod-ip-capacity.js';
export {
  AWS_RESERVED_IPS,
  bestCaseBlocks,
  computeSubnetUsage,
  prefixBlockRisk,
  prefixBlockUsage,
  type InstanceTypeLookup,
  type PrefixBlockRisk,
} from './subnet-usage.engine.js';
export {
  CLUSTER_SUBNET_MIN_FREE_IPS,
  CLUSTER_SUBNET_RECOMMENDED_FREE_IPS,
  CLUSTER_UNSUPPORTED_AZ_IDS,
  LOAD_BALANCER_MIN_FREE_IPS,
  checkClusterEndpointSubnets,
  checkCustomNetworking,
  checkIpv6,
  checkLoadBalancerSubnets,
  runClusterChecks,
  type ClusterCheckContext,
} from './cluster-checks.js';
