/**
 * The design plan (docs/api.md GET /v1/designs/{id}/plan, POST /v1/plan): the capacity and exposure engines run
 * over one valid DesignSpec, with everything wrong or tight about it in one sorted findings list.
 * Pure and linear in the design's size: lists are indexed once, per-node figures are computed once per (group, size)
 * and multiplied by node counts, and max-pods and per-node demands are memoised across groups with the same settings.
 * It never throws for a valid design: what the engines reject becomes an ERROR finding at the path that caused it.
 */
import { resolveCniPool, runClusterChecks, type ResolvedCniPool } from '../capacity/index.js';
import { PlanningError } from '../errors/planning-error.js';
import type { Finding, FindingSeverity } from '../findings/finding.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { checkClusterNetwork } from './cluster-network.checks.js';
import { CapacityMemo, planGroupCapacity, podIpSlotsPerNode, type CapacityPools, type GroupCapacity } from './node-group-capacity.js';
import { countReplicas, emptyLoad, fargatePods, sizedLoad, type DemandMemo, type GroupReplicas } from './node-load.js';
import { CAPACITY_WARNING_FIX, CAPACITY_WARNING_SEVERITY } from './plan-finding.codes.js';
import { PlanContext } from './plan-context.js';
import type { AtSizes, DesignPlan, NodeGroupPlan, PlanDependencies, PlanSummary, SubnetPlan } from './plan.types.js';
import { SubnetLedger, evenShare, subnetFindings, zonesOf, type GroupCharge, type Zone } from './subnet-ledger.js';
import { planWorkloads, type GroupForWorkloads } from './workload.plan.js';

export const PLAN_ASSUMPTIONS: readonly string[] = [
  'Launchers: MANAGED → managed node group (EKS injects the calculator value, capped 110/250); SELF_MANAGED AL2023 → nodeadm; SELF_MANAGED AL2 or Bottlerocket → the eni-max-pods.txt value bootstrap.sh writes; KARPENTER → Karpenter with RESERVED_ENIS 1 for custom networking and 1 for security groups for pods, as its docs say; AUTO_MODE → Auto Mode; WINDOWS AMIs run the Windows model.',
  "A node group's max pods is the lowest across its instance types; its addresses are sized with the type whose node costs the most addresses.",
  'Pods per node: the replicas of the workloads on the group (hostNetwork excluded) divided by the nodes at that size, rounded up, capped by the kubelet maxPods less aws-node and kube-proxy, the pod addresses and the branch ENIs of a node.',
  "Nodes spread evenly over the Availability Zones of the group's subnets (remainder to the first zones), then evenly over the group's subnets in a zone (remainder to the first).",
  'Pods do not move onto nodes added later, so a larger size never frees the addresses a smaller size held.',
  'Rolling replacement: every node group may roll at once, each adding maxSurge nodes (default 1; Fargate: pods) at its max-size per-node cost to each subnet it uses.',
  "Fargate: the profile's min/desired/max sizes count pods, and its workloads' replicas are at least that many; one IPv4 address per pod (also in IPv6 clusters).",
  'Windows nodes use secondary IPs with the VPC resource controller defaults; Auto Mode nodes use prefix delegation with the CNI default warm targets.',
  'EKS control-plane ENIs and load balancers are not charged to subnets; their minimum free addresses are checked instead. NAT gateways take one address each.',
];

/** Stated only when the design carries observations. */
export const OBSERVED_ASSUMPTION =
  "Observed subnets: AWS's available count already excludes what runs now, so each group is charged only its growth from currentSize (absent: 0, nothing running yet) to maxSize, at the current-size per-node cost for the nodes that run; a NAT gateway with an id exists already, one without takes an address.";

const SEVERITY_RANK: Record<FindingSeverity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };
const pathOrder = new Intl.Collator('en', { numeric: true });
const GROUP_PATH = /^nodeGroups\[\d+\]/;

export function planDesign(spec: DesignSpec, deps: PlanDependencies): DesignPlan {
  const context = new PlanContext(spec, deps);
  const clusterFindings: Finding[] = [];
  const groupFindings: Finding[] = [];
  const otherFindings: Finding[] = [];
  const pools = resolvePools(spec, otherFindings);
  const memo = new CapacityMemo();
  const demands: DemandMemo = new Map();
  const ledger = new SubnetLedger(context);

  interface PlannedGroup {
    capacity: GroupCapacity;
    replicas: GroupReplicas;
    zones: Zone[];
    charge: GroupCharge;
    loads: NodeGroupPlan['loads'];
  }
  const planned: PlannedGroup[] = spec.nodeGroups.map((group, index) => {
    const capacity = planGroupCapacity(group, index, context, pools, memo, groupFindings);
    const replicas = countReplicas(context.workloadsOf(group), capacity);
    const zones = zonesOf(group, context);
    const sizes: AtSizes = { min: group.minSize, desired: group.desiredSize, max: group.maxSize };
    const nodes: AtSizes = capacity.fargate
      ? { min: fargatePods(sizes.min, replicas), desired: fargatePods(sizes.desired, replicas), max: fargatePods(sizes.max, replicas) }
      : sizes;
    const min = sizedLoad(capacity, replicas, nodes.min, spec.ipFamily, demands);
    const desired = sizedLoad(capacity, replicas, nodes.desired, spec.ipFamily, demands);
    const max = sizedLoad(capacity, replicas, nodes.max, spec.ipFamily, demands);
    const currentNodes = group.currentSize ?? 0;
    const current = currentNodes > 0 ? sizedLoad(capacity, replicas, currentNodes, spec.ipFamily, demands).cost : max.cost;
    const charge: GroupCharge = {
      nodes,
      costs: { min: min.cost, desired: desired.cost, max: max.cost },
      unitCost: max.cost,
      surgeNodes: group.maxSurge ?? 1,
      fargate: capacity.fargate,
      current: { nodes: currentNodes, cost: current },
    };
    ledger.chargeGroup(index, zones, charge);
    const atSize = (load: typeof min, count: number) => (count > 0 ? load.load : emptyLoad(0));
    return {
      capacity,
      replicas,
      zones,
      charge,
      loads: { min: atSize(min, nodes.min), desired: atSize(desired, nodes.desired), max: atSize(max, nodes.max) },
    };
  });

  const freeIpsBySubnet = new Map<string, number>();
  spec.subnets.forEach((subnet, index) => {
    if (!freeIpsBySubnet.has(subnet.name)) freeIpsBySubnet.set(subnet.name, ledger.freeAtMax(index));
  });
  clusterFindings.push(...runClusterChecks(spec, { freeIpsBySubnet, lookupInstanceType: (name) => context.instanceType(name) }));

  const groupCosts = new Map(planned.map((group, index) => [index, group.charge]));
  const subnets = ledger.subnetPlans(spec.ipFamily === 'IPV6', groupCosts);
  for (const subnet of subnets) otherFindings.push(...subnetFindings(subnet));

  const nodeGroups: NodeGroupPlan[] = planned.map(({ capacity, replicas, zones, charge, loads }) => {
    const group = capacity.group;
    const slots = podIpSlotsPerNode(capacity);
    return {
      name: group.name,
      index: capacity.index,
      kind: group.kind,
      amiFamily: group.amiFamily ?? null,
      os: capacity.os,
      launcher: capacity.launcher,
      instanceTypes: capacity.instanceTypePlans,
      maxPods: capacity.kubeletMaxPods,
      effectiveMaxPods: capacity.effectiveMaxPods,
      podIpSlotsPerNode: slots,
      branchEniPodsPerNode: capacity.fargate ? 0 : capacity.branchRoomPerNode,
      sizes: { min: group.minSize, desired: group.desiredSize, max: group.maxSize },
      surgeNodes: charge.surgeNodes,
      replicas: { ...replicas },
      loads,
      podCapacityAtMax: capacity.fargate ? charge.nodes.max : slots === null ? null : slots * group.maxSize,
      maxNodesThatFit: ledger.maxNodesThatFit(capacity.index, charge.nodes.max),
      placementAtMax: placement(zones, charge.nodes.max, spec),
    };
  });

  const byName = new Map<string, GroupForWorkloads>();
  for (const { capacity, replicas } of planned)
    if (!byName.has(capacity.group.name)) byName.set(capacity.group.name, { capacity, replicas });
  const workloads = planWorkloads(context, byName, otherFindings);
  const network = checkClusterNetwork(context);
  otherFindings.push(...network.findings);

  const findings = sortFindings(mergeFindings(clusterFindings, groupFindings, otherFindings));
  return {
    designName: spec.name,
    ipFamily: spec.ipFamily,
    cluster: network.cluster,
    nodeGroups,
    subnets,
    workloads,
    findings,
    summary: summarize(findings, nodeGroups, subnets, workloads.length),
    assumptions: spec.subnets.some((subnet) => subnet.observed !== undefined)
      ? [...PLAN_ASSUMPTIONS, OBSERVED_ASSUMPTION]
      : [...PLAN_ASSUMPTIONS],
  };
}

/** ERROR before WARNING before INFO, then by path (numeric-aware: subnets[2] before subnets[10]), then code. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      pathOrder.compare(a.path, b.path) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/**
 * One finding per code, path and message; a capacity-engine rejection of a node group is dropped when the cluster checks
 * already report the same rule for that group (e.g. IPV6_REQUIRES_NITRO, IPV6_WINDOWS_UNSUPPORTED).
 */
function mergeFindings(cluster: Finding[], groups: Finding[], others: Finding[]): Finding[] {
  const clusterRules = new Set<string>();
  for (const finding of cluster) {
    const group = GROUP_PATH.exec(finding.path)?.[0];
    if (group) clusterRules.add(`${finding.code}|${group}`);
  }
  const seen = new Set<string>();
  const merged: Finding[] = [];
  const keep = (finding: Finding): void => {
    const key = `${finding.code}|${finding.path}|${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    merged.push(finding);
  };
  cluster.forEach(keep);
  for (const finding of groups) {
    const group = GROUP_PATH.exec(finding.path)?.[0];
    if (group && clusterRules.has(`${finding.code}|${group}`)) continue;
    keep(finding);
  }
  others.forEach(keep);
  return merged;
}

function resolvePools(spec: DesignSpec, findings: Finding[]): CapacityPools {
  const cni = spec.cni ?? {};
  let cluster: ResolvedCniPool;
  try {
    cluster = resolveCniPool({
      version: cni.version,
      prefixDelegation: cni.prefixDelegation,
      customNetworking: cni.customNetworking,
      securityGroupsForPods: cni.securityGroupsForPods,
      maxEni: cni.maxEni,
      warmEniTarget: cni.warmEniTarget,
      warmIpTarget: cni.warmIpTarget,
      minimumIpTarget: cni.minimumIpTarget,
      warmPrefixTarget: cni.warmPrefixTarget,
    });
  } catch (error) {
    if (!(error instanceof PlanningError)) throw error;
    findings.push({
      code: 'CNI_SETTINGS_INVALID',
      severity: 'ERROR',
      path: error.details[0]?.path ?? 'cni',
      message: `The CNI settings cannot be planned (${error.code}): ${error.message}; the CNI defaults were used instead.`,
      fix: 'Correct the CNI setting the message names.',
    });
    cluster = resolveCniPool({});
  }
  for (const warning of cluster.warnings) {
    const field =
      warning.code === 'WARM_PREFIX_TARGET_ZERO_UNSUPPORTED'
        ? 'warmPrefixTarget'
        : warning.code === 'OPTION_IGNORED'
          ? 'warmEniTarget'
          : 'warmIpTarget';
    findings.push({
      code: warning.code,
      severity: CAPACITY_WARNING_SEVERITY[warning.code] ?? 'INFO',
      path: `cni.${field}`,
      message: warning.message,
      ...(CAPACITY_WARNING_FIX[warning.code] ? { fix: CAPACITY_WARNING_FIX[warning.code] } : {}),
    });
  }
  return { cluster: { ...cluster, warnings: [] }, autoMode: { ...resolveCniPool({ prefixDelegation: true }), warnings: [] } };
}

function placement(zones: readonly Zone[], nodes: number, spec: DesignSpec): NodeGroupPlan['placementAtMax'] {
  return zones.flatMap((zone, z) => {
    const inZone = evenShare(nodes, zones.length, z);
    return zone.subnets.map((subnet, slot) => ({
      subnet: spec.subnets[subnet].name,
      az: zone.az,
      nodes: evenShare(inZone, zone.subnets.length, slot),
    }));
  });
}

function summarize(findings: Finding[], nodeGroups: NodeGroupPlan[], subnets: SubnetPlan[], workloads: number): PlanSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of findings) {
    if (finding.severity === 'ERROR') errors += 1;
    else if (finding.severity === 'WARNING') warnings += 1;
    else infos += 1;
  }
  let tightest: SubnetPlan | undefined;
  let tightestObserved: SubnetPlan | undefined;
  let usedIpsAtMax = 0;
  for (const subnet of subnets) {
    usedIpsAtMax += subnet.usedIps.max;
    if (!subnet.charges.some((charge) => charge.kind !== 'NAT_GATEWAY')) continue;
    if (subnet.observed !== undefined && isTighterObserved(subnet, tightestObserved)) tightestObserved = subnet;
    if (
      !tightest ||
      subnet.utilizationAtMax > tightest.utilizationAtMax ||
      (subnet.utilizationAtMax === tightest.utilizationAtMax && subnet.freeIpsAtMax < tightest.freeIpsAtMax)
    ) {
      tightest = subnet;
    }
  }
  if (tightestObserved !== undefined) tightest = tightestObserved;
  let nodesAtMax = 0;
  let podCapacityAtMax = 0;
  for (const group of nodeGroups) {
    if (group.kind === 'FARGATE') continue;
    nodesAtMax += group.sizes.max;
    podCapacityAtMax += group.podCapacityAtMax ?? 0;
  }
  return {
    status: errors > 0 ? 'ERRORS' : warnings > 0 ? 'WARNINGS' : 'OK',
    errors,
    warnings,
    infos,
    tightestSubnet: tightest
      ? {
          name: tightest.name,
          usedIpsAtMax: tightest.usedIps.max,
          freeIpsAtMax: tightest.freeIpsAtMax,
          utilization: tightest.utilizationAtMax,
          ...(tightest.observed === undefined ? {} : { observed: tightest.observed }),
        }
      : null,
    nodeGroups: nodeGroups.length,
    subnets: subnets.length,
    workloads,
    nodesAtMax,
    podCapacityAtMax,
    usedIpsAtMax,
  };
}

/** Least observed headroom at max size first; ties: the smaller share of the observed addresses left, then list order. */
function isTighterObserved(subnet: SubnetPlan, than: SubnetPlan | undefined): boolean {
  if (than === undefined) return true;
  const a = subnet.observed!;
  const b = than.observed!;
  if (a.headroomAtMax !== b.headroomAtMax) return a.headroomAtMax < b.headroomAtMax;
  const share = (observed: typeof a) => (observed.availableIps > 0 ? observed.headroomAtMax / observed.availableIps : 0);
  return share(a) < share(b);
}
