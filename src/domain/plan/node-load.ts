/**
 * What one node of a group holds at one size and which addresses it takes (capacity.md §5.1–§5.4), computed once per
 * (group, size) and multiplied by the node counts — never per node.
 *
 * Pods per node: the replicas of the group's workloads spread evenly over the nodes at that size (rounded up), capped by
 * what a node can run: the kubelet maxPods less the host-network daemons (aws-node, kube-proxy) and the host-network
 * workload pods, the node's pod addresses, and the branch ENIs for pods with security groups. A workload without
 * `expose` counts like any other; hostNetwork pods take no address.
 * A group with several instance types is sized with the type whose node costs the most addresses (conservative).
 */
import { fargatePodDemand, nodeIpDemand, type NodeIpDemand } from '../capacity/index.js';
import type { IpFamily } from '../spec/design-spec.types.js';
import type { GroupCapacity, TypeCapacity } from './node-group-capacity.js';
import { ceilDiv, type IndexedWorkload } from './plan-context.js';
import type { NodeLoad } from './plan.types.js';

export interface GroupReplicas {
  /** Pods that need a VPC address (hostNetwork excluded), branch-ENI pods included. */
  podIp: number;
  /** Of `podIp`, pods with pod security groups on a group running security groups for pods. */
  branchEni: number;
  hostNetwork: number;
}

/** Addresses one node takes from each kind of subnet, and how many of them sit in /28 prefixes. */
export interface NodeCost {
  nodeSubnetIps: number;
  podSubnetIps: number;
  /** Prefixes in the node subnet (no custom networking) and in the ENIConfig subnet (custom networking). */
  nodeSubnetPrefixes: number;
  podSubnetPrefixes: number;
  ipv6Prefixes80: number;
}

export interface SizedLoad {
  load: NodeLoad;
  cost: NodeCost;
}

const ZERO_COST: NodeCost = { nodeSubnetIps: 0, podSubnetIps: 0, nodeSubnetPrefixes: 0, podSubnetPrefixes: 0, ipv6Prefixes80: 0 };

export function countReplicas(workloads: readonly IndexedWorkload[], capacity: GroupCapacity): GroupReplicas {
  const replicas: GroupReplicas = { podIp: 0, branchEni: 0, hostNetwork: 0 };
  for (const { workload } of workloads) {
    if (workload.hostNetwork && !capacity.fargate) {
      replicas.hostNetwork += workload.replicas;
      continue;
    }
    replicas.podIp += workload.replicas;
    if (capacity.securityGroupsForPods && (workload.securityGroups?.length ?? 0) > 0) replicas.branchEni += workload.replicas;
  }
  return replicas;
}

/** Fargate: each pod is its own node; the group's sizes count pods, and its workloads' replicas are at least that many. */
export function fargatePods(size: number, replicas: GroupReplicas): number {
  return Math.max(size, replicas.podIp);
}

/** Memoises per-node demands across groups with the same type, pods and settings (large designs repeat them). */
export type DemandMemo = Map<string, NodeIpDemand>;

export function sizedLoad(
  capacity: GroupCapacity,
  replicas: GroupReplicas,
  nodes: number,
  ipFamily: IpFamily,
  memo: DemandMemo,
): SizedLoad {
  if (capacity.fargate) {
    const demand = fargatePodDemand(ipFamily);
    return {
      load: {
        nodes,
        podsPerNode: 1,
        branchPodsPerNode: 0,
        sizingInstanceType: null,
        nodeSubnetIpsPerNode: demand.nodeSubnetIps,
        podSubnetIpsPerNode: 0,
        enisPerNode: demand.enis,
        prefixesPerNode: 0,
        warmIpsPerNode: 0,
      },
      cost: { ...ZERO_COST, nodeSubnetIps: demand.nodeSubnetIps, ipv6Prefixes80: demand.ipv6Prefixes80 },
    };
  }
  if (!capacity.plannable || capacity.kubeletMaxPods === null) return { load: emptyLoad(nodes), cost: ZERO_COST };
  const perNode = Math.max(1, nodes);
  const hostPods = ceilDiv(replicas.hostNetwork, perNode);
  const kubeletRoom = Math.max(0, capacity.kubeletMaxPods - capacity.hostDaemonsPerNode - hostPods);
  const pods = Math.min(ceilDiv(replicas.podIp, perNode), kubeletRoom);
  const branch = Math.min(ceilDiv(replicas.branchEni, perNode), capacity.branchRoomPerNode ?? Infinity, pods);
  const regular = Math.min(ceilDiv(replicas.podIp - replicas.branchEni, perNode), capacity.ipRoomPerNode ?? Infinity, pods - branch);

  let worst: { type: TypeCapacity; demand: NodeIpDemand } | undefined;
  for (const type of capacity.types) {
    const demand = nodeDemand(type, regular + branch, branch, capacity, ipFamily, memo);
    if (!worst || costlier(demand, worst.demand)) worst = { type, demand };
  }
  const { type, demand } = worst!;
  const customNetworking = type.pool.customNetworking;
  return {
    load: {
      nodes,
      podsPerNode: regular + branch,
      branchPodsPerNode: branch,
      sizingInstanceType: type.type.name,
      nodeSubnetIpsPerNode: demand.nodeSubnetIps,
      podSubnetIpsPerNode: demand.podSubnetIps,
      enisPerNode: demand.enis,
      prefixesPerNode: demand.prefixes,
      warmIpsPerNode: demand.warmIps,
    },
    cost: {
      nodeSubnetIps: demand.nodeSubnetIps,
      podSubnetIps: demand.podSubnetIps,
      nodeSubnetPrefixes: customNetworking ? 0 : demand.prefixes,
      podSubnetPrefixes: customNetworking ? demand.prefixes : 0,
      ipv6Prefixes80: demand.ipv6Prefixes80,
    },
  };
}

/** A size with no nodes holds nothing and costs nothing. */
export function emptyLoad(nodes: number): NodeLoad {
  return {
    nodes,
    podsPerNode: 0,
    branchPodsPerNode: 0,
    sizingInstanceType: null,
    nodeSubnetIpsPerNode: 0,
    podSubnetIpsPerNode: 0,
    enisPerNode: 0,
    prefixesPerNode: 0,
    warmIpsPerNode: 0,
  };
}

function nodeDemand(
  type: TypeCapacity,
  pods: number,
  branchPods: number,
  capacity: GroupCapacity,
  ipFamily: IpFamily,
  memo: DemandMemo,
): NodeIpDemand {
  const pool = type.pool;
  const key = [
    type.type.name,
    pods,
    branchPods,
    type.kubeletMaxPods,
    capacity.os,
    ipFamily,
    pool.prefixDelegation,
    pool.customNetworking,
    pool.securityGroupsForPods,
    pool.version.text,
    pool.maxEni,
    pool.warmEniTarget,
    pool.warmIpTarget,
    pool.minimumIpTarget,
    pool.warmPrefixTarget,
  ].join('|');
  let demand = memo.get(key);
  if (!demand) {
    demand = nodeIpDemand(
      { instanceType: type.type, pods, branchPods, maxPods: Math.max(1, type.kubeletMaxPods), os: capacity.os, ipFamily },
      pool,
    );
    memo.set(key, demand);
  }
  return demand;
}

function costlier(a: NodeIpDemand, b: NodeIpDemand): boolean {
  return a.totalIps > b.totalIps || (a.totalIps === b.totalIps && a.prefixes > b.prefixes);
}
