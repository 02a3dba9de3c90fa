/**
 * Per workload: the exposure engine's recommendation for its `expose` block, and its replicas against the pod capacity
 * of its node group at max size (nodes × pods a node can run, and branch ENIs for pods with security groups).
 */
import { PlanningError } from '../errors/planning-error.js';
import type { Finding } from '../findings/finding.js';
import { exposureRequestForWorkload, planExposure, primaryAnnotations } from '../exposure/index.js';
import type { Subnet, SubnetRole, Workload } from '../spec/design-spec.types.js';
import type { GroupCapacity } from './node-group-capacity.js';
import type { GroupReplicas } from './node-load.js';
import type { PlanContext } from './plan-context.js';
import type { WorkloadExposurePlan, WorkloadPlan } from './plan.types.js';

export interface GroupForWorkloads {
  capacity: GroupCapacity;
  replicas: GroupReplicas;
}

export function planWorkloads(context: PlanContext, groups: ReadonlyMap<string, GroupForWorkloads>, findings: Finding[]): WorkloadPlan[] {
  const spec = context.spec;
  const workloads = spec.workloads ?? [];
  const lbSubnets = workloads.some((workload) => workload.expose) ? loadBalancerCandidates(spec.subnets) : [];
  const overCapacity = new Set<string>();
  const plans = workloads.map((workload, index) => {
    const group = groups.get(workload.nodeGroup);
    const path = `workloads[${index}]`;
    const podSgs = (workload.securityGroups?.length ?? 0) > 0;
    const sgFindings = podSgs ? podSecurityGroupFindings(context, workload, group, path) : [];
    findings.push(...sgFindings);
    // Pods that cannot land on the group at all are reported once, not again as a capacity shortage.
    const cannotRun = sgFindings.some((finding) => finding.code === 'POD_SECURITY_GROUPS_UNSUPPORTED');
    if (workload.hostNetwork && group?.capacity.fargate) {
      findings.push({
        code: 'FARGATE_HOST_NETWORK_UNSUPPORTED',
        severity: 'ERROR',
        path: `${path}.hostNetwork`,
        message: `Workload ${workload.name} uses hostNetwork on Fargate profile ${workload.nodeGroup}; Fargate does not run host-network pods (UG fargate.adoc).`,
        fix: 'Drop hostNetwork, or run the workload on an EC2 node group.',
      });
    }
    const branchEni = podSgs && group?.capacity.securityGroupsForPods === true && !workload.hostNetwork;
    const podCapacityAtMax = group ? workloadCapacity(group.capacity, workload, branchEni) : null;
    if (group && !cannotRun && podCapacityAtMax !== null && workload.replicas > podCapacityAtMax.pods) {
      overCapacity.add(workload.nodeGroup);
      const branchBound = podCapacityAtMax.bound === 'BRANCH_ENI';
      const { maxSize } = group.capacity.group;
      findings.push({
        code: branchBound ? 'WORKLOAD_EXCEEDS_BRANCH_ENI_CAPACITY' : 'WORKLOAD_EXCEEDS_POD_CAPACITY',
        severity: 'ERROR',
        path: `${path}.replicas`,
        message: branchBound
          ? `Workload ${workload.name} runs ${workload.replicas} pods with security groups, but node group ${workload.nodeGroup} has ${podCapacityAtMax.perNode} branch ENIs per node × ${maxSize} nodes = ${podCapacityAtMax.pods} at max size; the rest stay Pending (vpc.amazonaws.com/pod-eni).`
          : `Workload ${workload.name} runs ${workload.replicas} replicas, but node group ${workload.nodeGroup} runs at most ${podCapacityAtMax.perNode} such pods per node × ${maxSize} nodes = ${podCapacityAtMax.pods} at max size.`,
        fix: branchBound
          ? 'Raise maxSize, use instance types with more branch interfaces, or drop pod security groups from part of the workload.'
          : 'Raise the node group maxSize, use larger instance types or prefix delegation, or lower the replicas.',
      });
    }
    return {
      name: workload.name,
      namespace: workload.namespace ?? null,
      index,
      nodeGroup: workload.nodeGroup,
      replicas: workload.replicas,
      hostNetwork: workload.hostNetwork === true,
      branchEni,
      podCapacityAtMax: podCapacityAtMax?.pods ?? null,
      exposure: workload.expose ? exposureOf(context, workload, lbSubnets, path, findings) : null,
    };
  });
  for (const [name, group] of groups) {
    if (!overCapacity.has(name)) findings.push(...groupCapacityFindings(group));
  }
  return plans;
}

interface WorkloadCapacity {
  pods: number;
  perNode: number;
  bound: 'KUBELET' | 'POD_IPS' | 'BRANCH_ENI';
}

/** Pods of this workload the group holds at max size if it ran alone; null for Fargate and unplannable groups. */
function workloadCapacity(capacity: GroupCapacity, workload: Workload, branchEni: boolean): WorkloadCapacity | null {
  if (capacity.fargate || !capacity.plannable || capacity.kubeletMaxPods === null) return null;
  const kubelet = Math.max(0, capacity.kubeletMaxPods - capacity.hostDaemonsPerNode);
  let perNode = kubelet;
  let bound: WorkloadCapacity['bound'] = 'KUBELET';
  const limit = workload.hostNetwork ? null : branchEni ? capacity.branchRoomPerNode : capacity.ipRoomPerNode;
  if (limit !== null && limit < perNode) {
    perNode = limit;
    bound = branchEni ? 'BRANCH_ENI' : 'POD_IPS';
  }
  return { pods: perNode * capacity.group.maxSize, perNode, bound };
}

/** The workloads of one group together, when no single workload was already reported. */
function groupCapacityFindings({ capacity, replicas }: GroupForWorkloads): Finding[] {
  if (capacity.fargate || !capacity.plannable || capacity.kubeletMaxPods === null) return [];
  const nodes = capacity.group.maxSize;
  const kubelet = Math.max(0, capacity.kubeletMaxPods - capacity.hostDaemonsPerNode) * nodes;
  const addresses = capacity.ipRoomPerNode === null ? Infinity : capacity.ipRoomPerNode * nodes;
  const branches = capacity.branchRoomPerNode === null ? Infinity : capacity.branchRoomPerNode * nodes;
  const shortages: string[] = [];
  if (replicas.podIp + replicas.hostNetwork > kubelet)
    shortages.push(`${replicas.podIp + replicas.hostNetwork} pods for ${kubelet} kubelet slots`);
  if (replicas.podIp - replicas.branchEni > addresses)
    shortages.push(`${replicas.podIp - replicas.branchEni} pods for ${addresses} pod addresses`);
  // With no branch ENI at all the pods are reported as POD_SECURITY_GROUPS_UNSUPPORTED instead.
  if (replicas.branchEni > branches && capacity.branchRoomPerNode !== 0)
    shortages.push(`${replicas.branchEni} pods with security groups for ${branches} branch ENIs`);
  if (shortages.length === 0) return [];
  return [
    {
      code: 'NODE_GROUP_POD_CAPACITY_EXCEEDED',
      severity: 'ERROR',
      path: `nodeGroups[${capacity.index}].maxSize`,
      message: `The workloads on node group ${capacity.group.name} need more than it holds at max size (${nodes} nodes): ${shortages.join('; ')}.`,
      fix: 'Raise maxSize, use larger instance types or prefix delegation, or move workloads to another node group.',
    },
  ];
}

function podSecurityGroupFindings(context: PlanContext, workload: Workload, group: GroupForWorkloads | undefined, path: string): Finding[] {
  if (!context.spec.cni?.securityGroupsForPods) {
    return [
      {
        code: 'POD_SECURITY_GROUPS_NOT_ENABLED',
        severity: 'WARNING',
        path: `${path}.securityGroups`,
        message: `Workload ${workload.name} names pod security groups, but security groups for pods (ENABLE_POD_ENI) is off, so its pods use the node security groups.`,
        fix: "Set cni.securityGroupsForPods to true, or remove the workload's securityGroups.",
      },
    ];
  }
  const capacity = group?.capacity;
  if (!capacity || capacity.fargate || workload.hostNetwork) return [];
  const reason =
    capacity.os === 'WINDOWS'
      ? 'Windows nodes do not support security groups for pods'
      : capacity.group.kind === 'AUTO_MODE'
        ? 'EKS Auto Mode does not support security groups for pods'
        : capacity.branchRoomPerNode === 0
          ? `some of its instance types (${capacity.group.instanceTypes.filter((name) => context.instanceType(name)?.trunkingCompatible === false).join(', ')}) cannot attach a trunk ENI (no t family type can)`
          : undefined;
  if (!reason) return [];
  return [
    {
      code: 'POD_SECURITY_GROUPS_UNSUPPORTED',
      severity: 'ERROR',
      path: `${path}.securityGroups`,
      message: `Workload ${workload.name} has pod security groups, but node group ${capacity.group.name} cannot give its pods branch ENIs: ${reason}. Its pods stay Pending on those nodes (UG security-groups-for-pods).`,
      fix: 'Run the workload on a Linux EC2 node group whose instance types all support trunking (Nitro, not t family), or on Fargate.',
    },
  ];
}

function exposureOf(
  context: PlanContext,
  workload: Workload,
  lbSubnets: Subnet[],
  path: string,
  findings: Finding[],
): WorkloadExposurePlan | null {
  const request = exposureRequestForWorkload(context.spec, workload);
  if (!request) return null;
  try {
    const plan = planExposure({ ...request, context: { ...request.context, subnets: lbSubnets } });
    const { decision } = plan;
    for (const issue of decision.errors) {
      findings.push({
        code: issue.code,
        severity: 'ERROR',
        path: `${path}.expose`,
        message: `Workload ${workload.name}: ${issue.message}`,
      });
    }
    for (const issue of decision.warnings) {
      findings.push({
        code: issue.code,
        severity: 'WARNING',
        path: `${path}.expose`,
        message: `Workload ${workload.name}: ${issue.message}`,
      });
    }
    return {
      kind: decision.kind,
      controller: decision.controller,
      serviceType: decision.serviceType,
      targetType: decision.targetType,
      scheme: decision.scheme,
      externalTrafficPolicy: decision.externalTrafficPolicy,
      clientIpVia: decision.clientIpVia,
      annotations: primaryAnnotations(plan),
      subnets: decision.subnets,
      rationale: decision.rationale.map((entry) => entry.message),
    };
  } catch (error) {
    if (!(error instanceof PlanningError)) throw error;
    const details = error.details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
    findings.push({
      code: 'EXPOSURE_REQUEST_INVALID',
      severity: 'ERROR',
      path: `${path}.expose`,
      message: `The exposure of workload ${workload.name} cannot be planned (${error.code}): ${details || error.message}`,
      fix: 'Fix the workload name, namespace or expose fields the message names.',
    });
    return null;
  }
}

/**
 * The only subnets load-balancer discovery can pick (src/domain/exposure/subnet-discovery.engine.ts): per Availability
 * Zone, the first subnet (tagged first, then by name) of each candidate set it may use — ELB-tagged, INTERNAL_ELB-tagged,
 * public, private. Discovery keeps one subnet per zone with that same order, so its choice over this short list equals
 * its choice over all subnets, and a design with thousands of subnets is scanned once instead of once per workload.
 */
export function loadBalancerCandidates(subnets: readonly Subnet[]): Subnet[] {
  const selections: Array<{ accepts: (subnet: Subnet) => boolean; tag: SubnetRole; best: Map<string, Subnet> }> = [
    { accepts: (subnet) => subnet.roles?.includes('ELB') === true, tag: 'ELB', best: new Map() },
    { accepts: (subnet) => subnet.roles?.includes('INTERNAL_ELB') === true, tag: 'INTERNAL_ELB', best: new Map() },
    { accepts: (subnet) => subnet.public === true, tag: 'ELB', best: new Map() },
    { accepts: (subnet) => !subnet.public, tag: 'INTERNAL_ELB', best: new Map() },
  ];
  for (const subnet of subnets) {
    for (const selection of selections) {
      if (!selection.accepts(subnet)) continue;
      const current = selection.best.get(subnet.az);
      if (!current || before(subnet, current, selection.tag)) selection.best.set(subnet.az, subnet);
    }
  }
  const chosen = new Set<Subnet>();
  for (const selection of selections) for (const subnet of selection.best.values()) chosen.add(subnet);
  return subnets.filter((subnet) => chosen.has(subnet));
}

function before(a: Subnet, b: Subnet, tag: SubnetRole): boolean {
  const aTagged = a.roles?.includes(tag) ? 0 : 1;
  const bTagged = b.roles?.includes(tag) ? 0 : 1;
  return (aTagged - bTagged || a.name.localeCompare(b.name)) < 0;
}
