/**
 * Flows to a pod, a node or a host outside the cluster: [TP §3] F1, F2, F3, F4, F5, plus VPC / peer / internet clients
 * reaching pods and nodes directly.
 */
import type { NodePlacement } from '../address-plan.js';
import { invalid } from '../design-lookup.js';
import type { PodPlacement } from '../pod-network.js';
import { describePod, hostName, type Actor, type TraceContext } from '../trace-context.js';
import type { AddressRole, InternetEndpoint, NodeEndpoint, PeerEndpoint, PodEndpoint, VpcHostEndpoint } from '../trace-path.types.js';

export function traceToPod(ctx: TraceContext, source: Actor, to: PodEndpoint): void {
  const ref = ctx.workload(to, 'flow.to');
  const groupPath = `workloads[${ref.index}].nodeGroup`;
  const near = ctx.nodeOf(source);
  let node: NodePlacement;
  if (to.sameNode) {
    node = sameNodeAs(near, ref.workload.nodeGroup, `workload ${ref.workload.name}`);
  } else if (near) {
    node = ctx.pickNode(ref.workload.nodeGroup, groupPath, { avoid: near, near, sameAz: to.sameAz });
  } else {
    node = ctx.node(ref.workload.nodeGroup, 0, groupPath);
  }
  const replica = source.kind === 'POD' && source.pod.workloadIndex === ref.index ? 1 : 0;
  const pod = ctx.podOn(ref, node, replica);
  if (near) ctx.t.assume('NODE_PLACEMENT', placementMessage(source, pod.node, pod.name));
  const destination = ctx.actorForPod(pod);
  if (destination.kind === 'NODE') {
    reachNode(ctx, source, destination.node, destination.label);
    return;
  }
  const family = ctx.familyFrom(source);
  const dst = family === 6 ? pod.ipv6 : pod.ipv4;
  ctx.begin(source, dst, family === 6 ? 'POD_IPV6' : 'POD_IP');
  if (source.kind === 'HOST' && (family === 6) !== ctx.lookup.isIpv6Cluster) {
    ctx.t.dropHere('NO_ROUTE', `Pods of this ${ctx.design.ipFamily} cluster have no IPv${family} address for ${source.ip} to reach.`);
  }
  if (source.kind === 'POD') podToPod(ctx, source.pod, pod);
  else if (source.kind === 'NODE') nodeToPod(ctx, source.node, pod);
  else hostToPod(ctx, source, pod);
}

/** [TP §3] F1 (same node) and F2 (other node), from the packet as it is now (the source hop or a ClusterIP DNAT). */
export function podToPod(ctx: TraceContext, src: PodPlacement, dst: PodPlacement): void {
  if (src.node.name === dst.node.name && src.interface !== 'FARGATE_ENI') {
    if (isStrictBranch(src) || isStrictBranch(dst)) {
      // "Traffic between pods on the same node will go over the VPC" in strict mode ([BPG-SGP] L70).
      ctx.leaveThroughEni(src.securityGroups);
      ctx.vpcHop(src.node.az, dst.node.az);
      ctx.deliverToPodFromNetwork(
        dst,
        `${describePod(dst)} Strict mode sends same-node traffic out of the branch ENI, so both pods' security groups apply ([BPG-SGP] L70).`,
      );
      return;
    }
    deliverOnSameNode(
      ctx,
      dst,
      'Same node: host route to the veth, no ENI crossed, so security groups are not evaluated ([CNI-PROP] L88-120).',
    );
    return;
  }
  ctx.leaveActorInsideVpc({ kind: 'POD', pod: src }, ctx.translation(src, ctx.t.packet.dst));
  ctx.vpcHop(src.node.az, dst.node.az);
  ctx.deliverToPodFromNetwork(dst);
}

/** A node (kubelet, hostNetwork, kube-proxy after SNAT) to a pod, from the packet as it is now. */
export function nodeToPod(ctx: TraceContext, node: NodePlacement, pod: PodPlacement): void {
  if (pod.node.name === node.name && pod.interface !== 'FARGATE_ENI') {
    if (isStrictBranch(pod)) {
      // Kubelet probes to strict-mode pods leave the node and come back through the branch ENI; the pod's groups must
      // admit the node, and TCP probes need DISABLE_TCP_EARLY_DEMUX=true ([CNI] L529-545; [ISSUE] amazon-vpc-cni-k8s#1260).
      ctx.t.assume(
        'TCP_EARLY_DEMUX_DISABLED',
        'DISABLE_TCP_EARLY_DEMUX=true is taken to be set on aws-node; without it kubelet TCP probes to strict-mode SG-for-pods pods fail ([CNI] L529-545).',
      );
      ctx.leaveThroughEni(ctx.pods.nodeSecurityGroups(node));
      ctx.vpcHop(node.az, pod.node.az);
      ctx.deliverToPodFromNetwork(
        pod,
        `${describePod(pod)} Strict mode: traffic from the pod's own node goes through the VPC, so the pod's security groups must admit the node.`,
      );
      return;
    }
    deliverOnSameNode(
      ctx,
      pod,
      pod.interface === 'BRANCH_ENI'
        ? 'Same node: SG-for-pods standard mode does not enforce same-host traffic (kubelet, NodeLocal DNS) ([CNI] L519-525).'
        : 'Same node: host route to the veth, no ENI crossed ([CNI-PROP] L88-120).',
    );
    return;
  }
  ctx.leaveThroughEni(ctx.pods.nodeSecurityGroups(node));
  ctx.vpcHop(node.az, pod.node.az);
  ctx.deliverToPodFromNetwork(pod);
}

function hostToPod(ctx: TraceContext, host: Extract<Actor, { kind: 'HOST' }>, pod: PodPlacement): void {
  if (host.endpoint === 'VPC_HOST') {
    ctx.vpcHop(host.subnet?.subnet.az, pod.node.az);
  } else if (host.endpoint === 'PEER' && host.peer) {
    ctx.peerHop(host.peer);
  } else if (host.version === 6 && pod.podSubnet.subnet.public) {
    ctx.t.hop(
      'INTERNET_GATEWAY',
      'igw',
      {},
      { note: 'IPv6 subnet routed through an internet gateway: inbound IPv6 is allowed up to the security groups.' },
    );
  } else if (host.version === 6) {
    ctx.t.assume(
      'EGRESS_ONLY_IGW_FOR_PRIVATE_IPV6',
      'Private subnets of an IPv6 design are taken to route ::/0 to an egress-only internet gateway ([BPG-V6]).',
    );
    ctx.t.dropAt(
      'EGRESS_ONLY_INTERNET_GATEWAY',
      'eigw',
      'EIGW_INBOUND',
      `The egress-only internet gateway "prevents hosts outside of your VPC from initiating an IPv6 connection" to ${pod.ipv6} ([VPC-EIGW]).`,
    );
  } else {
    ctx.t.dropHere(
      'NO_ROUTE',
      `${ctx.t.packet.dst} is a private pod address: nothing on the internet routes to it. Expose the workload through a load balancer.`,
    );
  }
  ctx.deliverToPodFromNetwork(pod);
}

export function traceToNode(ctx: TraceContext, source: Actor, to: NodeEndpoint): void {
  const near = ctx.nodeOf(source);
  const node = to.sameNode
    ? sameNodeAs(near, to.nodeGroup, `node group ${to.nodeGroup}`)
    : near
      ? ctx.pickNode(to.nodeGroup, 'flow.to.nodeGroup', { avoid: near, near })
      : ctx.ec2Node(to.nodeGroup, 0, 'flow.to.nodeGroup');
  if (node.group.kind === 'FARGATE') {
    throw invalid(
      'NODE_GROUP_IS_FARGATE',
      `Node group ${to.nodeGroup} is Fargate: there is no node to address, only pods.`,
      'flow.to.nodeGroup',
    );
  }
  if (near) ctx.t.assume('NODE_PLACEMENT', placementMessage(source, node, node.name));
  reachNode(ctx, source, node, node.name);
}

/** Any source to a node as the destination (kubelet, a hostNetwork pod). */
function reachNode(ctx: TraceContext, source: Actor, node: NodePlacement, label: string): void {
  const family = ctx.familyFrom(source);
  const { dst, dstRole } = nodeAddressFor(ctx, source, node, family);
  ctx.begin(source, dst, dstRole);
  if (travelToNode(ctx, source, node, label) === 'SAME_HOST') {
    ctx.t.deliver('NODE', label, { note: 'Same node: delivered inside the host, no ENI crossed.' });
    return;
  }
  const verdicts = ctx.admit('NODE', label, ctx.pods.nodeSecurityGroups(node));
  ctx.t.deliver('NODE', label, { securityGroups: verdicts, note: `Node in ${node.subnet.subnet.name} (${node.az}).` });
}

/** The address a source dials to reach a node: public IPv4 from the internet (public subnet), else private / IPv6. */
export function nodeAddressFor(
  ctx: TraceContext,
  source: Actor,
  node: NodePlacement,
  family: 4 | 6,
): { dst: string; dstRole: AddressRole } {
  if (family === 6) return { dst: node.ipv6, dstRole: 'NODE_IPV6' };
  if (source.kind === 'HOST' && source.endpoint === 'INTERNET' && node.subnet.subnet.public) {
    return { dst: ctx.nodePublicAddress(node), dstRole: 'NODE_PUBLIC_IP' };
  }
  return { dst: node.primaryIp, dstRole: 'NODE_PRIMARY_IP' };
}

/**
 * From the source hop to the node's ENI: same host (no ENI crossed), or through the VPC, a peer attachment or the
 * internet gateway. Leaves the packet at the node's ENI, before its ingress check.
 */
export function travelToNode(ctx: TraceContext, source: Actor, node: NodePlacement, label: string): 'SAME_HOST' | 'NETWORK' {
  const family = ctx.familyFrom(source);
  const dst = ctx.t.packet.dst;
  if (source.kind === 'HOST' && (family === 6) !== ctx.lookup.isIpv6Cluster) {
    ctx.t.dropHere('NO_ROUTE', `Nodes of this ${ctx.design.ipFamily} cluster serve no IPv${family} address for ${source.ip} to reach.`);
  }
  if (ctx.nodeOf(source)?.name === node.name) {
    if (!(source.kind === 'POD' && isStrictBranch(source.pod))) return 'SAME_HOST';
    ctx.leaveThroughEni(source.pod.securityGroups);
    ctx.vpcHop(node.az, node.az);
  } else if (source.kind !== 'HOST') {
    ctx.leaveInsideVpc(source, dst);
    ctx.vpcHop(source.kind === 'POD' ? source.pod.node.az : source.node.az, node.az);
  } else if (source.endpoint === 'VPC_HOST') {
    ctx.vpcHop(source.subnet?.subnet.az, node.az);
  } else if (source.endpoint === 'PEER' && source.peer) {
    ctx.peerHop(source.peer);
  } else if (family === 4 && node.subnet.subnet.public) {
    ctx.t.hop(
      'INTERNET_GATEWAY',
      'igw',
      { dst: node.primaryIp, dstRole: 'NODE_PRIMARY_IP' },
      { note: 'The internet gateway maps the node public IPv4 to its primary private IPv4.' },
    );
  } else if (family === 6 && node.subnet.subnet.public) {
    ctx.t.hop('INTERNET_GATEWAY', 'igw', {}, { note: 'IPv6 routed untranslated.' });
  } else if (family === 6) {
    ctx.t.dropAt(
      'EGRESS_ONLY_INTERNET_GATEWAY',
      'eigw',
      'EIGW_INBOUND',
      `The egress-only internet gateway blocks internet-initiated IPv6 to ${dst} ([VPC-EIGW]).`,
    );
  } else {
    ctx.t.dropHere(
      'NO_ROUTE',
      `${label} is in private subnet ${node.subnet.subnet.name} and has no public address the internet could reach.`,
    );
  }
  return 'NETWORK';
}

/** [TP §3] F3/F4/F5 and pod/node → VPC host: a pod or node to an address outside the cluster. */
export function traceToHost(ctx: TraceContext, source: Actor, to: InternetEndpoint | VpcHostEndpoint | PeerEndpoint): void {
  if (source.kind === 'HOST') {
    throw invalid(
      'UNSUPPORTED_FLOW',
      'Both ends are outside the cluster; trace flows that start or end at a pod, node, Service or the EKS API.',
      'flow',
    );
  }
  const host = ctx.hostActor(to, 'flow.to');
  ctx.begin(source, host.ip, 'HOST_IP');
  if (host.endpoint === 'INTERNET') {
    ctx.exitToInternet(ctx.leaveForInternet(source));
  } else {
    ctx.leaveInsideVpc(source, host.ip);
    if (host.endpoint === 'PEER' && host.peer) ctx.peerHop(host.peer);
    else ctx.vpcHop(source.kind === 'POD' ? source.pod.node.az : source.node.az, host.subnet?.subnet.az);
  }
  ctx.t.assume(
    'REMOTE_HOST_SECURITY_NOT_MODELLED',
    'Security groups, NACLs and host firewalls of hosts outside the cluster are not in the design; they are taken to let the traffic in.',
  );
  ctx.t.deliver(host.endpoint === 'INTERNET' ? 'INTERNET' : 'CLIENT', hostName(host), {
    note: `Sees ${ctx.t.packet.src} (${ctx.t.packet.srcRole}).`,
  });
}

export function isStrictBranch(pod: PodPlacement): boolean {
  return pod.interface === 'BRANCH_ENI' && pod.enforcing === 'STRICT';
}

/** Delivery from the host namespace to a pod's veth on the same node. */
export function deliverOnSameNode(ctx: TraceContext, pod: PodPlacement, note: string): void {
  ctx.t.deliver('POD', pod.name, { note: `${describePod(pod)} ${note}` });
}

function sameNodeAs(near: NodePlacement | undefined, groupName: string, what: string): NodePlacement {
  if (!near) throw invalid('SAME_NODE_IMPOSSIBLE', 'sameNode needs a pod or node as the flow source.', 'flow.to.sameNode');
  if (near.group.kind === 'FARGATE') {
    throw invalid('SAME_NODE_IMPOSSIBLE', 'Fargate runs every pod on its own micro-VM; no two pods share a node.', 'flow.to.sameNode');
  }
  if (near.group.name !== groupName) {
    throw invalid(
      'SAME_NODE_IMPOSSIBLE',
      `The source runs on node group ${near.group.name}, ${what} on ${groupName}: they cannot share a node.`,
      'flow.to.sameNode',
    );
  }
  return near;
}

function placementMessage(source: Actor, destination: NodePlacement, destinationName: string): string {
  const from =
    source.kind === 'POD' ? `${source.pod.name} on ${source.pod.node.name}` : source.kind === 'NODE' ? source.label : 'the client';
  const sourceAz = source.kind === 'POD' ? source.pod.node.az : source.kind === 'NODE' ? source.node.az : undefined;
  const relation = sourceAz === undefined ? '' : destination.az === sourceAz ? ' (same AZ)' : ' (another AZ)';
  return `The source is ${from}; the destination ${destinationName} is placed on ${destination.name} in ${destination.az}${relation}. Use sameNode / sameAz to trace another placement.`;
}
