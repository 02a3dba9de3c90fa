/**
 * The state of one trace (design lookups, address plan, the hop builder) and the steps every flow model shares:
 * resolving endpoints, the source hop, CNI SNAT, the VPC local route, ENI ingress checks, peer attachments and the
 * way out to the internet. The flow models (pod-and-node.flow.ts, service.flow.ts, eks-api.flow.ts) compose these.
 */
import { parseAddress, type IpVersion } from '../network/cidr.js';
import type { DesignSpec, VpcPeer, Workload } from '../spec/design-spec.types.js';
import { AddressPlan, type Assume, type NodePlacement } from './address-plan.js';
import { DesignLookup, invalid, parseFlowIp, type IndexedSubnet } from './design-lookup.js';
import { PodNetwork, type PodPlacement } from './pod-network.js';
import { egressVerdicts, evaluateIngress, type ResolvedSecurityGroup } from './security-group.evaluator.js';
import { podEgressTranslation, snatExempt, type PodEgressTranslation } from './snat.rules.js';
import { TraceBuilder } from './trace-builder.js';
import type { DropCode } from './trace-codes.js';
import type { AddressRole, Flow, HopKind, SecurityGroupVerdict, TracePathDeps } from './trace-path.types.js';

export type HostEndpointKind = 'INTERNET' | 'VPC_HOST' | 'PEER';

/** Who sends or receives: a pod, a node (kubelet, hostNetwork) or a host outside the cluster. */
export type Actor =
  | { kind: 'POD'; pod: PodPlacement }
  | { kind: 'NODE'; node: NodePlacement; label: string }
  | { kind: 'HOST'; endpoint: HostEndpointKind; ip: string; version: IpVersion; peer?: VpcPeer; subnet?: IndexedSubnet };

export interface WorkloadRef {
  workload: Workload;
  index: number;
}

/** Where the packet can leave for the internet and which public address it gets there. */
export interface InternetExit {
  /** Subnet of the ENI the packet leaves through (its route table decides NAT GW / IGW). */
  subnet: IndexedSubnet | undefined;
  /** Emits the node SNAT hop when the CNI translates (after the route check, as in [TP §3] F4). */
  translate: () => void;
  /** The public address the IGW maps the (translated) source to, if any. */
  publicMapping: () => { ip: string; role: AddressRole } | null;
}

export class TraceContext {
  public readonly t: TraceBuilder = new TraceBuilder();
  public readonly lookup: DesignLookup;
  public readonly addresses: AddressPlan;
  public readonly pods: PodNetwork;

  public constructor(
    public readonly design: DesignSpec,
    public readonly flow: Flow,
    public readonly deps: TracePathDeps,
  ) {
    this.lookup = new DesignLookup(design);
    this.lookup.cniVersion(); // fail fast on an unreadable version, whichever rule would read it
    const assume: Assume = (code, message) => this.t.assume(code, message);
    this.addresses = new AddressPlan(this.lookup, assume, flow.natGatewayEips);
    this.pods = new PodNetwork(this.lookup, this.addresses, assume);
  }

  // ---------------------------------------------------------------- resolution

  public workload(ref: { workload: string; namespace?: string }, path: string): WorkloadRef {
    return this.lookup.workload(ref.workload, ref.namespace, `${path}.workload`);
  }

  public node(groupName: string, ordinal: number, path: string): NodePlacement {
    return this.addresses.node(groupName, ordinal, path);
  }

  public ec2Node(groupName: string, ordinal: number, path: string): NodePlacement {
    const node = this.node(groupName, ordinal, path);
    if (node.group.kind === 'FARGATE') {
      throw invalid('NODE_GROUP_IS_FARGATE', `Node group ${groupName} is Fargate: there is no node to address, only pods.`, path);
    }
    return node;
  }

  /**
   * A node of the group other than `avoid`, in `near`'s AZ when `sameAz` is true, in another AZ when false,
   * and preferring `near`'s AZ when unset. Deterministic: the lowest ordinal that fits.
   */
  public pickNode(
    groupName: string,
    path: string,
    options: { avoid?: NodePlacement; near?: NodePlacement; sameAz?: boolean },
  ): NodePlacement {
    const { group } = this.lookup.nodeGroup(groupName, path);
    const span = Math.max(2, group.subnets.length * 2);
    // Candidates by slot only: addresses (IPv6 formatting above all) are worked out for the chosen node alone.
    let candidates = Array.from({ length: span }, (_, ordinal) => ({
      ordinal,
      ...this.addresses.nodeSlot(groupName, ordinal, path),
    })).filter((node) => node.name !== options.avoid?.name);
    const near = options.near;
    if (near && options.sameAz !== undefined) {
      candidates = candidates.filter((node) => (node.az === near.az) === options.sameAz);
      if (candidates.length === 0) {
        throw invalid(
          'NO_NODE_IN_AZ',
          `Node group ${groupName} has no node ${options.sameAz ? 'in' : 'outside'} ${near.az} to place the destination on.`,
          path,
        );
      }
    } else if (near) {
      candidates = [...candidates.filter((node) => node.az === near.az), ...candidates.filter((node) => node.az !== near.az)];
    }
    return this.node(groupName, candidates[0].ordinal, path);
  }

  public podOn(ref: WorkloadRef, node: NodePlacement, replica: number): PodPlacement {
    return this.pods.place(ref.workload, ref.index, replica, node);
  }

  /** A pod endpoint or a hostNetwork pod (which is the node itself, [TP §0] `node`). */
  public actorForPod(pod: PodPlacement): Actor {
    if (pod.interface === 'HOST_NETWORK') return { kind: 'NODE', node: pod.node, label: `${pod.node.name} (hostNetwork ${pod.name})` };
    return { kind: 'POD', pod };
  }

  public sourceActor(): Actor {
    const from = this.flow.from;
    switch (from.kind) {
      case 'POD': {
        const ref = this.workload(from, 'flow.from');
        const node = this.node(ref.workload.nodeGroup, 0, `workloads[${ref.index}].nodeGroup`);
        return this.actorForPod(this.podOn(ref, node, 0));
      }
      case 'NODE': {
        const node = this.ec2Node(from.nodeGroup, 0, 'flow.from.nodeGroup');
        return { kind: 'NODE', node, label: node.name };
      }
      case 'INTERNET':
      case 'VPC_HOST':
      case 'PEER':
        return this.hostActor(from, 'flow.from');
      default:
        throw invalid('INVALID_FLOW_SOURCE', `A ${from.kind} endpoint can only be a flow's destination.`, 'flow.from.kind');
    }
  }

  public hostActor(endpoint: { kind: HostEndpointKind; ip: string; network?: string }, path: string): Extract<Actor, { kind: 'HOST' }> {
    const { ip, version } = parseFlowIp(endpoint.ip, `${path}.ip`);
    const peerOfIp = this.lookup.peerContaining(ip);
    if (endpoint.kind === 'INTERNET') {
      if (this.lookup.isInVpc(ip)) throw invalid('INTERNET_IP_IN_VPC', `${ip} is inside the VPC; use a VPC_HOST endpoint.`, `${path}.ip`);
      if (peerOfIp)
        throw invalid('INTERNET_IP_IN_PEER', `${ip} belongs to peer network ${peerOfIp.name}; use a PEER endpoint.`, `${path}.ip`);
      return { kind: 'HOST', endpoint: 'INTERNET', ip, version };
    }
    if (endpoint.kind === 'VPC_HOST') {
      if (!this.lookup.isInVpc(ip)) throw invalid('VPC_HOST_OUTSIDE_VPC', `${ip} is not inside any VPC CIDR of the design.`, `${path}.ip`);
      return { kind: 'HOST', endpoint: 'VPC_HOST', ip, version, subnet: this.lookup.subnetContaining(ip) };
    }
    const peer = this.lookup.peer(endpoint.network ?? '', `${path}.network`);
    if (peerOfIp?.name !== peer.name) {
      throw invalid(
        'PEER_IP_OUTSIDE_NETWORK',
        `${ip} is not inside the CIDRs of peer network ${peer.name} (${peer.cidrs.join(', ')}).`,
        `${path}.ip`,
      );
    }
    return { kind: 'HOST', endpoint: 'PEER', ip, version, peer };
  }

  /** The IP family a flow from this actor into the cluster uses. */
  public familyFrom(actor: Actor): IpVersion {
    if (actor.kind === 'HOST') return actor.version;
    return this.lookup.isIpv6Cluster ? 6 : 4;
  }

  public nodeOf(actor: Actor): NodePlacement | undefined {
    return actor.kind === 'POD' ? actor.pod.node : actor.kind === 'NODE' ? actor.node : undefined;
  }

  // ---------------------------------------------------------------- hops

  /** The source hop. A pod or node picks its address in the destination's family ([TP §1] IPv6 clusters). */
  public begin(actor: Actor, dst: string, dstRole: AddressRole): void {
    const version = parseAddress(dst)?.version ?? 4;
    const port = this.flow.port;
    if (actor.kind === 'POD') {
      const pod = actor.pod;
      const groups = names(pod.securityGroups);
      if (version === 6) {
        this.t.begin(
          'POD',
          pod.name,
          { src: pod.ipv6, srcRole: 'POD_IPV6', dst, dstRole, dstPort: port, srcSecurityGroups: groups },
          { note: describePod(pod) },
        );
        if (!this.lookup.isIpv6Cluster) this.t.dropHere('NO_ROUTE', `Pods of an IPv4 cluster have no IPv6 address to reach ${dst} from.`);
      } else if (this.lookup.isIpv6Cluster) {
        this.t.assume(
          'V4_EGRESS_ENABLED',
          'ENABLE_V4_EGRESS is at its default (true): IPv6 pods reach IPv4 through a host-local 169.254.172.0/22 address ([CNI] L703-711).',
        );
        const hostLocal = this.addresses.podHostLocalIpv4(pod.workloadIndex, pod.replica);
        this.t.begin(
          'POD',
          pod.name,
          { src: hostLocal, srcRole: 'POD_HOST_LOCAL_IPV4', dst, dstRole, dstPort: port, srcSecurityGroups: groups },
          { note: describePod(pod) },
        );
      } else {
        this.t.begin(
          'POD',
          pod.name,
          { src: pod.ipv4, srcRole: 'POD_IP', dst, dstRole, dstPort: port, srcSecurityGroups: groups },
          { note: describePod(pod) },
        );
      }
      return;
    }
    if (actor.kind === 'NODE') {
      const node = actor.node;
      const groups = names(this.pods.nodeSecurityGroups(node));
      const note = `Node in ${node.subnet.subnet.name} (${node.az}) as an endpoint (kubelet / host network).`;
      if (version === 6) {
        this.t.begin(
          'NODE',
          actor.label,
          { src: node.ipv6, srcRole: 'NODE_IPV6', dst, dstRole, dstPort: port, srcSecurityGroups: groups },
          { note },
        );
        if (!this.lookup.isIpv6Cluster)
          this.t.dropHere('NO_ROUTE', `Nodes of an IPv4 cluster have no IPv6 address in this design to reach ${dst} from.`);
      } else {
        this.t.begin(
          'NODE',
          actor.label,
          { src: node.primaryIp, srcRole: 'NODE_PRIMARY_IP', dst, dstRole, dstPort: port, srcSecurityGroups: groups },
          { note },
        );
      }
      return;
    }
    const kind: HopKind = actor.endpoint === 'INTERNET' ? 'INTERNET' : 'CLIENT';
    this.t.begin(kind, hostName(actor), { src: actor.ip, srcRole: 'CLIENT_IP', dst, dstRole, dstPort: port, srcSecurityGroups: [] });
    if (actor.endpoint !== 'INTERNET') {
      this.t.assume(
        'REMOTE_HOST_SECURITY_NOT_MODELLED',
        'Security groups, NACLs and host firewalls of hosts outside the cluster are not in the design; they are taken to let the traffic out and its replies in.',
      );
    }
  }

  /** How a pod's packet to `dst` is translated and which ENI it leaves through ([TP §1]). */
  public translation(pod: PodPlacement, dst: string): PodEgressTranslation {
    return podEgressTranslation(this.lookup, pod, dst);
  }

  /** Lists the egress security groups on the source hop of a packet that leaves through an ENI. */
  public leaveThroughEni(groups: readonly ResolvedSecurityGroup[]): void {
    this.t.annotateLast({ securityGroups: egressVerdicts(groups) });
    this.t.assume(
      'SECURITY_GROUP_EGRESS_ALLOW_ALL',
      'Security-group egress rules are not in the design; every group keeps the default "all traffic out" rule.',
    );
    this.t.assume(
      'NACL_DEFAULT_ALLOW',
      'Network ACLs are not in the design; every subnet is taken to use a NACL that allows all traffic (stateless NACLs would also have to admit the return ports).',
    );
  }

  /** Egress groups of a pod's packet: the pod ENI's, or the node primary ENI's when the CNI SNATs via eth0. */
  public podEgressGroups(pod: PodPlacement, translation: PodEgressTranslation): ResolvedSecurityGroup[] {
    return translation.leavesVia === 'POD_ENI' ? pod.securityGroups : this.pods.nodeSecurityGroups(pod.node);
  }

  /**
   * A pod's or node's packet leaving for an address inside the VPC or a connected network: the security groups of the
   * ENI it leaves through, then the CNI's SNAT on the node when its rules translate that destination ([TP §1]).
   */
  public leaveInsideVpc(actor: Exclude<Actor, { kind: 'HOST' }>, destination: string): void {
    if (actor.kind === 'POD') {
      const translation = this.translation(actor.pod, destination);
      this.leaveActorInsideVpc(actor, translation);
      this.cniSnat(actor.pod, translation);
    } else {
      this.leaveActorInsideVpc(actor);
    }
  }

  /** Security groups of the ENI an actor's packet leaves through, for a destination inside the VPC. */
  public leaveActorInsideVpc(actor: Actor, translation?: PodEgressTranslation): void {
    if (actor.kind === 'POD') this.leaveThroughEni(translation ? this.podEgressGroups(actor.pod, translation) : actor.pod.securityGroups);
    else if (actor.kind === 'NODE') this.leaveThroughEni(this.pods.nodeSecurityGroups(actor.node));
  }

  /** The CNI's SNAT on the source node ([TP §1]). */
  public cniSnat(pod: PodPlacement, translation: PodEgressTranslation): void {
    if (!translation.snatToNode) return;
    this.t.hop(
      'NODE',
      pod.node.name,
      { src: pod.node.primaryIp, srcRole: 'NODE_PRIMARY_IP', srcSecurityGroups: names(this.pods.nodeSecurityGroups(pod.node)) },
      { note: translation.reason },
    );
    this.t.assume(
      'RANDOMIZED_SNAT_PORTS',
      'AWS_VPC_K8S_CNI_RANDOMIZESNAT is at its default (prng, --random-fully): SNATed source ports can fall outside the OS ephemeral range, which matters for NACLs ([CNI] L241-257).',
    );
  }

  /** The VPC local route between two ENIs ([TP §0] `vpc`). */
  public vpcHop(fromAz: string | undefined, toAz: string | undefined): void {
    const crosses = fromAz !== undefined && toAz !== undefined && fromAz !== toAz;
    const name = crosses ? `vpc ${fromAz} → ${toAz}` : `vpc ${toAz ?? fromAz ?? ''}`.trim();
    this.t.hop(
      'VPC',
      name,
      {},
      { note: crosses ? 'Local route across Availability Zones (inter-AZ data transfer is charged).' : 'Local route inside the VPC.' },
    );
  }

  /** Stateful ingress check where the packet enters an ENI; drops with `code` when no rule admits it. */
  public admit(
    kind: HopKind,
    name: string,
    groups: readonly ResolvedSecurityGroup[],
    code: DropCode = 'SG_INGRESS_DENIED',
  ): SecurityGroupVerdict[] {
    const packet = this.t.packet;
    const decision = evaluateIngress(groups, {
      src: packet.src,
      srcSecurityGroups: packet.srcSecurityGroups,
      protocol: this.flow.protocol,
      port: packet.dstPort,
    });
    if (!decision.allowed) {
      this.t.dropAt(
        kind,
        name,
        code,
        `No ingress rule of ${names(groups).join(', ')} on ${name} admits ${this.flow.protocol} ${packet.dstPort} from ${packet.src} (${packet.srcRole}${packet.srcSecurityGroups.length ? `, security groups ${packet.srcSecurityGroups.join(', ')}` : ''}).`,
        { securityGroups: decision.verdicts },
      );
    }
    return decision.verdicts;
  }

  /** The packet enters the pod's ENI from the network: ingress check, then the pod. */
  public deliverToPodFromNetwork(pod: PodPlacement, note?: string): void {
    const verdicts = this.admit('POD', pod.name, pod.securityGroups);
    const returnPath = this.checkReturnPath(pod);
    this.t.deliver('POD', pod.name, { securityGroups: verdicts, note: `${note ?? describePod(pod)}${returnPath ? ` ${returnPath}` : ''}` });
  }

  /**
   * [TP §3] F3: off-VPC sources reach a pod on a secondary ENI, but before CNI 1.8.0 its replies were routed out of the
   * primary ENI unless the CNI leaves that address untranslated ([EKS-SNAT] L14-16; amazon-vpc-cni-k8s#1392, PR #1475).
   * Drops the packet in that case; otherwise returns a note for the delivering hop ('' when the rule does not apply).
   */
  public checkReturnPath(pod: PodPlacement): string {
    const src = this.t.packet.src;
    if (this.lookup.isInVpc(src) || parseAddress(src)?.version === 6) return '';
    if (pod.interface !== 'NODE_ENI' && pod.interface !== 'CUSTOM_NETWORKING_ENI') return '';
    if (snatExempt(this.lookup, src)) return 'The CNI does not SNAT this source, so replies return untranslated.';
    if (!this.lookup.cniVersionBefore(1, 8, 0)) {
      return 'CNI ≥ 1.8.0 marks connections from outside the VPC so replies leave through the ENI they arrived on (PR #1475).';
    }
    if (pod.interface === 'NODE_ENI') {
      this.t.assume(
        'CLIENT_IP_ON_SECONDARY_ENI',
        `${pod.name} is taken to hold a secondary-ENI address (pods on the primary ENI are not affected).`,
      );
    }
    this.t.dropAt(
      'POD',
      pod.name,
      'ASYMMETRIC_RETURN_PATH',
      `CNI ${this.design.cni?.version} routes replies to off-VPC ${src} out of the primary ENI with the pod's secondary-ENI address, so EC2 drops them; upgrade to CNI ≥ 1.8.0, or set AWS_VPC_K8S_CNI_EXTERNALSNAT=true or AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS.`,
      { destinationSawSource: true },
    );
  }

  /** Peering / transit gateway / VPN or Direct Connect hop to or from a peer network. */
  public peerHop(peer: VpcPeer): void {
    const kind: HopKind = peer.via === 'VPC_PEERING' ? 'VPC_PEERING' : peer.via === 'TRANSIT_GATEWAY' ? 'TRANSIT_GATEWAY' : 'VPN_GATEWAY';
    this.t.assume(
      'PEER_ROUTES_PRESENT',
      `Route tables are not in the design: routes for ${peer.name} (${peer.cidrs.join(', ')}) via ${peer.via} are taken to exist in the cluster subnets' and the peer's route tables${peer.via === 'TRANSIT_GATEWAY' ? ' and in the transit gateway route table' : ''}. VPC peering is not transitive.`,
    );
    if (kind === 'VPN_GATEWAY') {
      this.t.assume(
        'PEER_ATTACHMENT_VGW',
        `${peer.via === 'VPN' ? 'The Site-to-Site VPN' : 'Direct Connect (private VIF through a Direct Connect gateway)'} to ${peer.name} is modelled as a virtual private gateway hop (VPN_GATEWAY); attached to a transit gateway instead, the hop is a TRANSIT_GATEWAY with the same addresses.`,
      );
    }
    this.t.hop(
      kind,
      `${peer.name} (${peer.via})`,
      {},
      { note: `Leaves or enters the VPC through the ${peer.via.toLowerCase().replace(/_/g, ' ')} to ${peer.name}.` },
    );
  }

  /**
   * Out to the internet ([TP §3] F4/F5): the route table of the subnet the packet leaves from sends 0.0.0.0/0 to an
   * IGW (public subnet) or a NAT gateway, and ::/0 to an IGW or an egress-only IGW.
   */
  public exitToInternet(exit: InternetExit): void {
    const dstVersion = parseAddress(this.t.packet.dst)?.version;
    const subnet = exit.subnet;
    if (dstVersion === 6) {
      exit.translate();
      if (subnet?.subnet.public) {
        this.t.hop('INTERNET_GATEWAY', 'igw', {}, { note: 'IPv6 is routed untranslated ([EKS-IPV6] L27).' });
      } else {
        this.t.assume(
          'EGRESS_ONLY_IGW_FOR_PRIVATE_IPV6',
          'Private subnets of an IPv6 design are taken to route ::/0 to an egress-only internet gateway ([BPG-V6]).',
        );
        this.t.hop(
          'EGRESS_ONLY_INTERNET_GATEWAY',
          'eigw',
          {},
          { note: 'Outbound-only IPv6; no translation ([EKS-IPV6] L27; [VPC-EIGW]).' },
        );
      }
      return;
    }
    if (!subnet) {
      this.t.dropHere('NO_ROUTE', `${this.t.packet.src} is in no subnet of the design, so no route to ${this.t.packet.dst} is known.`);
    }
    if (subnet.subnet.public) {
      exit.translate();
      const mapping = exit.publicMapping();
      if (!mapping) {
        this.t.dropAt(
          'INTERNET_GATEWAY',
          'igw',
          'NO_PUBLIC_IP',
          `${this.t.packet.src} (${this.t.packet.srcRole}) has no public IPv4 mapping, so the internet gateway cannot translate it ([EKS-SGP] L39; [EKS-SNAT] L13).`,
        );
      }
      this.t.hop(
        'INTERNET_GATEWAY',
        'igw',
        { src: mapping.ip, srcRole: mapping.role, srcSecurityGroups: [] },
        { note: `1:1 translation of ${this.t.packet.src} to its public IPv4.` },
      );
      return;
    }
    const natName = subnet.subnet.natGateway;
    if (!natName) {
      this.t.dropHere('NO_ROUTE', `Subnet ${subnet.subnet.name} is private and has no NAT gateway: no route for ${this.t.packet.dst}.`);
    }
    exit.translate();
    const { natGateway, index } = this.lookup.natGateway(natName, `subnets[${subnet.index}].natGateway`);
    const natSubnet = this.lookup.subnet(natGateway.subnet, `natGateways[${index}].subnet`);
    this.t.hop(
      'NAT_GATEWAY',
      natGateway.name,
      { src: this.addresses.natGatewayEip(natGateway.name), srcRole: 'NAT_GATEWAY_EIP', srcSecurityGroups: [] },
      { note: `Public NAT gateway in ${natSubnet.subnet.name} translates the source to its Elastic IP ([VPC-NAT]).` },
    );
    if (!natSubnet.subnet.public) {
      this.t.dropHere(
        'NO_ROUTE',
        `NAT gateway ${natGateway.name} sits in private subnet ${natSubnet.subnet.name}, which has no route to an internet gateway.`,
      );
    }
    this.t.hop('INTERNET_GATEWAY', 'igw', {}, { note: 'The NAT gateway address is already public; forwarded to the internet.' });
  }

  /** How a pod's packet leaves for the internet. */
  public podInternetExit(pod: PodPlacement, translation: PodEgressTranslation): InternetExit {
    return {
      subnet: translation.leavesVia === 'POD_ENI' ? pod.podSubnet : pod.node.subnet,
      translate: () => this.cniSnat(pod, translation),
      publicMapping: () => (translation.snatToNode ? this.nodePublicMapping(pod.node) : null),
    };
  }

  public nodeInternetExit(node: NodePlacement): InternetExit {
    return { subnet: node.subnet, translate: () => undefined, publicMapping: () => this.nodePublicMapping(node) };
  }

  /** The public IPv4 of a node in a public subnet, as the internet dials it. */
  public nodePublicAddress(node: NodePlacement): string {
    return this.nodePublicMapping(node).ip;
  }

  public hostInternetExit(host: Extract<Actor, { kind: 'HOST' }>): InternetExit {
    return {
      subnet: host.subnet,
      translate: () => undefined,
      publicMapping: () => {
        this.t.assume(
          'HOST_HAS_PUBLIC_IP',
          `VPC host ${host.ip} in public subnet ${host.subnet?.subnet.name} is taken to have a public IPv4 address.`,
        );
        return { ip: this.addresses.hostPublicIp(host.ip), role: 'CLIENT_IP' };
      },
    };
  }

  public actorInternetExit(actor: Actor): InternetExit {
    if (actor.kind === 'POD') return this.podInternetExit(actor.pod, this.translation(actor.pod, this.t.packet.dst));
    if (actor.kind === 'NODE') return this.nodeInternetExit(actor.node);
    if (actor.endpoint === 'VPC_HOST') return this.hostInternetExit(actor);
    throw invalid(
      'UNSUPPORTED_FLOW',
      `A ${actor.endpoint} source does not leave through this VPC; trace it as an INTERNET endpoint.`,
      'flow.from',
    );
  }

  /** Egress security groups, NACL note and (for pods) the route-table subnet of a packet heading for the internet. */
  public leaveForInternet(actor: Actor): InternetExit {
    const exit = this.actorInternetExit(actor);
    if (actor.kind === 'POD') this.leaveThroughEni(this.podEgressGroups(actor.pod, this.translation(actor.pod, this.t.packet.dst)));
    else if (actor.kind === 'NODE') this.leaveThroughEni(this.pods.nodeSecurityGroups(actor.node));
    return exit;
  }

  private nodePublicMapping(node: NodePlacement): { ip: string; role: AddressRole } {
    this.t.assume(
      'NODE_HAS_PUBLIC_IP',
      `${node.name} is in public subnet ${node.subnet.subnet.name} and is taken to have a public IPv4 address (MapPublicIpOnLaunch); without one its traffic cannot use the internet gateway ([EKS-SNAT] L13).`,
    );
    return { ip: this.addresses.nodePublicIp(node), role: 'NODE_PUBLIC_IP' };
  }
}

export function names(groups: readonly ResolvedSecurityGroup[]): string[] {
  return groups.map((group) => group.name);
}

export function hostName(actor: Extract<Actor, { kind: 'HOST' }>): string {
  if (actor.endpoint === 'INTERNET') return `internet ${actor.ip}`;
  if (actor.endpoint === 'PEER') return `${actor.peer?.name ?? 'peer'} ${actor.ip}`;
  return `vpc host ${actor.ip}`;
}

export function describePod(pod: PodPlacement): string {
  const where = `on ${pod.node.name} (${pod.node.az})`;
  switch (pod.interface) {
    case 'NODE_ENI':
      return `Pod ${where}: secondary IP on a node ENI in ${pod.podSubnet.subnet.name}, node security groups.`;
    case 'CUSTOM_NETWORKING_ENI':
      return `Pod ${where}: custom networking, ENI in ENIConfig subnet ${pod.podSubnet.subnet.name} with the ENIConfig security groups.`;
    case 'BRANCH_ENI':
      return `Pod ${where}: SG-for-pods branch ENI (${pod.enforcing?.toLowerCase()} mode) with ${names(pod.securityGroups).join(', ')}.`;
    case 'FARGATE_ENI':
      return `Fargate pod with its own ENI in ${pod.podSubnet.subnet.name}.`;
    case 'HOST_NETWORK':
      return `hostNetwork pod ${where}: uses the node's primary IP.`;
  }
}
