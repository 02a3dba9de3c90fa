/**
 * Where a pod's packets enter and leave the VPC: which ENI carries the pod's address, which subnet that ENI is in,
 * and which security groups are evaluated there ([TP §2]).
 */
import type { EniConfig, Workload } from '../spec/design-spec.types.js';
import type { AddressPlan, Assume, NodePlacement } from './address-plan.js';
import { invalid, type DesignLookup, type IndexedSubnet } from './design-lookup.js';
import { eksDefaultClusterSecurityGroup, EKS_DEFAULT_CLUSTER_SG, type ResolvedSecurityGroup } from './security-group.evaluator.js';

/**
 * NODE_ENI: secondary IP on a node ENI carrying the node's SGs; CUSTOM_NETWORKING_ENI: secondary ENI in the ENIConfig
 * subnet; BRANCH_ENI: SG-for-pods branch ENI on the trunk; FARGATE_ENI: the Fargate pod's own ENI; HOST_NETWORK: the node.
 */
export type PodInterface = 'NODE_ENI' | 'CUSTOM_NETWORKING_ENI' | 'BRANCH_ENI' | 'FARGATE_ENI' | 'HOST_NETWORK';

export interface PodPlacement {
  workload: Workload;
  workloadIndex: number;
  replica: number;
  node: NodePlacement;
  name: string;
  interface: PodInterface;
  /** POD_SECURITY_GROUP_ENFORCING_MODE for BRANCH_ENI pods, else null. */
  enforcing: 'STRICT' | 'STANDARD' | null;
  /** Subnet of the ENI that carries the pod's address (its route table applies to traffic leaving that ENI). */
  podSubnet: IndexedSubnet;
  ipv4: string;
  ipv6: string;
  /** Security groups of the pod's ENI. */
  securityGroups: ResolvedSecurityGroup[];
}

export class PodNetwork {
  public constructor(
    private readonly lookup: DesignLookup,
    private readonly addresses: AddressPlan,
    private readonly assume: Assume,
  ) {}

  public place(workload: Workload, workloadIndex: number, replica: number, node: NodePlacement): PodPlacement {
    const cni = this.lookup.design.cni ?? {};
    const name = `${workload.namespace ?? 'default'}/${workload.name}-${replica}`;
    const base = { workload, workloadIndex, replica, node, name };
    if (workload.hostNetwork) {
      // hostNetwork pods use the node's primary IP and are never translated ([EKS-SNAT] L29).
      return {
        ...base,
        interface: 'HOST_NETWORK',
        enforcing: null,
        podSubnet: node.subnet,
        ipv4: node.primaryIp,
        ipv6: node.ipv6,
        securityGroups: this.nodeSecurityGroups(node),
      };
    }
    if (node.group.kind === 'FARGATE') {
      this.assume(
        'FARGATE_POD_OWN_ENI',
        'Fargate pods run in their own micro-VM with their own ENI: no node SNAT, pod security groups (or the cluster security group) on that ENI, and pod-to-pod traffic always crosses the VPC.',
      );
      const groups = workload.securityGroups?.length
        ? this.named(workload.securityGroups, `workloads[${workloadIndex}].securityGroups`)
        : [this.clusterSecurityGroup()];
      return {
        ...base,
        interface: 'FARGATE_ENI',
        enforcing: null,
        podSubnet: node.subnet,
        ipv4: this.addresses.podIpv4(node.subnet, workloadIndex, replica),
        ipv6: this.addresses.podIpv6(node, workloadIndex, replica),
        securityGroups: groups,
      };
    }
    const eniConfig = cni.customNetworking ? this.eniConfigFor(node) : undefined;
    if (eniConfig && this.lookup.isIpv6Cluster) {
      throw invalid(
        'CUSTOM_NETWORKING_IPV6',
        'Custom networking is not available for IPv6 clusters ([EKS-IPV6] L22).',
        'cni.customNetworking',
      );
    }
    const podSubnet = eniConfig ? this.lookup.subnet(eniConfig.subnet, 'cni.eniConfigs[].subnet') : node.subnet;
    const ipv4 = this.addresses.podIpv4(podSubnet, workloadIndex, replica);
    const ipv6 = this.addresses.podIpv6(node, workloadIndex, replica);
    if (workload.securityGroups?.length) {
      if (cni.securityGroupsForPods) {
        // Branch ENI with the SecurityGroupPolicy's groups; they win over the ENIConfig groups ([BPG-SGP] L27-29; [EKS-SGP] L36).
        const enforcing = cni.podSecurityGroupEnforcingMode ?? 'STRICT';
        const groups = this.named(workload.securityGroups, `workloads[${workloadIndex}].securityGroups`);
        return { ...base, interface: 'BRANCH_ENI', enforcing, podSubnet, ipv4, ipv6, securityGroups: groups };
      }
      this.assume(
        'WORKLOAD_SECURITY_GROUPS_IGNORED',
        `Workload ${workload.name} lists security groups but cni.securityGroupsForPods (ENABLE_POD_ENI) is off, so its pods carry the ${eniConfig ? 'ENIConfig' : 'node'} security groups ([CNI] L488-500).`,
      );
    }
    if (eniConfig) {
      // Secondary ENIs carry the ENIConfig SGs; CNI ≥ 1.8.0 falls back to the primary ENI's SGs when none are listed ([CNI] L173-178; PR #1259).
      const groups = eniConfig.securityGroups?.length
        ? this.named(eniConfig.securityGroups, 'cni.eniConfigs[].securityGroups')
        : this.nodeSecurityGroups(node);
      return { ...base, interface: 'CUSTOM_NETWORKING_ENI', enforcing: null, podSubnet, ipv4, ipv6, securityGroups: groups };
    }
    // "every Pod on a node shares the same security groups as the node it runs on" ([BPG-SGP] L18).
    return { ...base, interface: 'NODE_ENI', enforcing: null, podSubnet, ipv4, ipv6, securityGroups: this.nodeSecurityGroups(node) };
  }

  /** Node ENI security groups: the node group's list, else the EKS cluster security group managed node groups get ([EKS-SGR]). */
  public nodeSecurityGroups(node: NodePlacement): ResolvedSecurityGroup[] {
    if (node.group.securityGroups?.length) {
      return this.named(node.group.securityGroups, `nodeGroups[${node.groupIndex}].securityGroups`);
    }
    const cluster = this.clusterSecurityGroup();
    this.assume(
      'EKS_DEFAULT_NODE_SECURITY_GROUPS',
      `Node group ${node.group.name} lists no security groups; its nodes are taken to carry the cluster security group ${cluster.name}, as EKS does for managed node groups ([EKS-SGR] L25-79).`,
    );
    return [cluster];
  }

  /** The cluster security group on the EKS private-endpoint X-ENIs ([EKS-EP] L241; [EKS-SGR]). */
  public clusterSecurityGroup(): ResolvedSecurityGroup {
    const name = this.lookup.design.clusterSecurityGroup;
    if (name !== undefined) return this.named([name], 'clusterSecurityGroup')[0];
    this.assume(
      'CLUSTER_SECURITY_GROUP_DEFAULT',
      `clusterSecurityGroup is not set; the EKS-created cluster security group (${EKS_DEFAULT_CLUSTER_SG}) admits all traffic from its own members only ([EKS-SGR] L25-79).`,
    );
    return eksDefaultClusterSecurityGroup();
  }

  private named(names: readonly string[], path: string): ResolvedSecurityGroup[] {
    return names.map((name) => {
      const group = this.lookup.securityGroup(name, path);
      for (const rule of group.ingress) {
        const isReference = !/^[\d.:a-fA-F]+\/\d+$/.test(rule.from);
        if (isReference && rule.from !== EKS_DEFAULT_CLUSTER_SG && !this.lookup.hasSecurityGroup(rule.from)) {
          throw invalid(
            'UNKNOWN_SECURITY_GROUP',
            `Security group ${name} has a rule from "${rule.from}", which is neither a CIDR nor a security group in the design.`,
            `securityGroups[${name}].ingress`,
          );
        }
      }
      return { name: group.name, ingress: group.ingress, origin: 'DESIGN' as const };
    });
  }

  private eniConfigFor(node: NodePlacement): EniConfig {
    const eniConfig = (this.lookup.design.cni?.eniConfigs ?? []).find((candidate) => candidate.az === node.az);
    if (!eniConfig) {
      throw invalid(
        'ENICONFIG_MISSING_FOR_AZ',
        `Custom networking is on but no ENIConfig covers ${node.az}, where ${node.name} runs; its pods would get no address ([CNI] L170-184).`,
        'cni.eniConfigs',
      );
    }
    return eniConfig;
  }
}
