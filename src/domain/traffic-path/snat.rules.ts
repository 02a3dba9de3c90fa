/**
 * Amazon VPC CNI source translation of pod-originated traffic ([TP §1]).
 */
import { parseAddress } from '../network/cidr.js';
import type { DesignLookup } from './design-lookup.js';
import type { PodPlacement } from './pod-network.js';

export interface PodEgressTranslation {
  /** The node rewrites the pod's source to its primary private IPv4. */
  snatToNode: boolean;
  /** The ENI the packet leaves the node through; its subnet's route table and security groups apply. */
  leavesVia: 'POD_ENI' | 'PRIMARY_ENI';
  /** Why, with the source of the rule. */
  reason: string;
}

export function podEgressTranslation(lookup: DesignLookup, pod: PodPlacement, dst: string): PodEgressTranslation {
  const cni = lookup.design.cni ?? {};
  const dstVersion = parseAddress(dst)?.version;
  if (pod.interface === 'HOST_NETWORK') {
    return {
      snatToNode: false,
      leavesVia: 'PRIMARY_ENI',
      reason: 'hostNetwork pods use the node primary IP and are never translated ([EKS-SNAT] L29).',
    };
  }
  if (pod.interface === 'FARGATE_ENI') {
    return { snatToNode: false, leavesVia: 'POD_ENI', reason: 'A Fargate pod owns its ENI; there is no node to SNAT to.' };
  }
  if (lookup.isIpv6Cluster) {
    if (dstVersion === 6) {
      return { snatToNode: false, leavesVia: 'POD_ENI', reason: 'IPv6 pod addresses are never translated ([EKS-IPV6] L27).' };
    }
    return {
      snatToNode: true,
      leavesVia: 'PRIMARY_ENI',
      reason:
        'IPv4 from an IPv6 pod leaves from a host-local 169.254.172.0/22 address SNATed to the node primary IPv4 ([EKS-IPV6] L25; [CNI] L703-711 ENABLE_V4_EGRESS).',
    };
  }
  if (pod.interface === 'BRANCH_ENI' && pod.enforcing === 'STRICT') {
    return {
      snatToNode: false,
      leavesVia: 'POD_ENI',
      reason: 'SG-for-pods strict mode: SNAT is disabled and all traffic leaves through the branch ENI ([CNI] L506-517; [BPG-SGP] L60).',
    };
  }
  if (lookup.isInVpc(dst)) {
    return {
      snatToNode: false,
      leavesVia: 'POD_ENI',
      reason: 'Destination inside a VPC CIDR: AWS-SNAT-CHAIN-0 returns before SNAT ([CNI-NET] L488-560; [EKS-SNAT] L7).',
    };
  }
  if (cni.externalSnat) {
    return { snatToNode: false, leavesVia: 'POD_ENI', reason: 'AWS_VPC_K8S_CNI_EXTERNALSNAT=true removes the SNAT rule ([CNI] L231-239).' };
  }
  const excluded = lookup.excludedFromSnat(dst);
  if (excluded !== undefined) {
    return {
      snatToNode: false,
      leavesVia: 'POD_ENI',
      reason: `Destination in AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS (${excluded}) is not SNATed ([CNI] L259-266).`,
    };
  }
  if (pod.interface === 'BRANCH_ENI') {
    return {
      snatToNode: true,
      leavesVia: 'PRIMARY_ENI',
      reason:
        'SG-for-pods standard mode with EXTERNALSNAT=false: off-VPC traffic is SNATed via eth0 and only the eth0 (node) security groups apply ([CNI] L519-525).',
    };
  }
  return {
    snatToNode: true,
    leavesVia: 'PRIMARY_ENI',
    reason:
      'Off-VPC destination: the CNI SNATs to the primary private IPv4 of the node primary ENI and routes through it ([EKS-SNAT] L7; [CNI-NET] L488-560; [CNI-PROP] L117-120)' +
      (pod.interface === 'CUSTOM_NETWORKING_ENI' ? ', also under custom networking ([CNI] L170-184; [BPG-CN] L27).' : '.'),
  };
}

/** Whether the CNI exempts traffic to/from this off-VPC address from SNAT (EXTERNALSNAT or an excluded CIDR). */
export function snatExempt(lookup: DesignLookup, address: string): boolean {
  const cni = lookup.design.cni ?? {};
  if (cni.externalSnat) return true;
  return lookup.excludedFromSnat(address) !== undefined;
}
