/**
 * Flows to a Service: [TP §3] F2b (ClusterIP), NodePort from outside, and F6 (NLB / ALB / CLB → node → pod, with
 * instance and ip targets, externalTrafficPolicy, client-IP preservation, proxy protocol, X-Forwarded-For, hairpin,
 * health-check behaviour). The exposure decision comes through the ResolveExposure port.
 */
import { NODE_PORT_RANGE, isInNodePortRange } from '../../kubernetes/service-ports.js';
import type { Expose } from '../../spec/design-spec.types.js';
import type { NodePlacement } from '../address-plan.js';
import { invalid, type IndexedSubnet } from '../design-lookup.js';
import type { PodPlacement } from '../pod-network.js';
import { syntheticVerdict, type ResolvedSecurityGroup } from '../security-group.evaluator.js';
import { describePod, hostName, names, type Actor, type TraceContext, type WorkloadRef } from '../trace-context.js';
import type {
  AddressRole,
  FlowProtocol,
  HopKind,
  ResolvedExposure,
  SecurityGroupVerdict,
  ServiceEndpoint,
  ServiceEntry,
} from '../trace-path.types.js';
import { deliverOnSameNode, isStrictBranch, nodeAddressFor, nodeToPod, podToPod, travelToNode } from './pod-and-node.flow.js';
import { OPTION_BOUNDS, isIntegerWithin } from '../../spec/option-bounds.js';

interface ServiceShape {
  ref: WorkloadRef;
  expose: Expose;
  exposure: ResolvedExposure;
  /** Service port (ClusterIP) and LB listener port. */
  servicePort: number;
  /** Container port the endpoints listen on. */
  targetPort: number;
  protocol: FlowProtocol;
}

export function traceToService(ctx: TraceContext, source: Actor, to: ServiceEndpoint): void {
  const ref = ctx.workload(to, 'flow.to');
  const expose = ref.workload.expose;
  if (!expose) {
    throw invalid(
      'WORKLOAD_NOT_EXPOSED',
      `Workload ${ref.workload.name} has no expose block, so it has no Service to trace to.`,
      'flow.to.workload',
    );
  }
  const service: ServiceShape = {
    ref,
    expose,
    exposure: ctx.deps.resolveExposure(ref.workload, ctx.design),
    servicePort: expose.port,
    targetPort: expose.targetPort ?? expose.port,
    protocol: expose.protocol === 'UDP' ? 'UDP' : 'TCP',
  };
  const entry = to.via ?? defaultEntry(source, service.exposure);
  if (entry === 'CLUSTER_IP') return viaClusterIp(ctx, source, to, service);
  if (entry === 'NODE_PORT') {
    if (service.exposure.serviceType === 'ClusterIP') {
      throw invalid(
        'SERVICE_HAS_NO_NODE_PORT',
        `The exposure of ${ref.workload.name} (${service.exposure.kind}) gives its Service no NodePort.`,
        'flow.to.via',
      );
    }
    return viaNodePort(ctx, source, to, service);
  }
  if (service.exposure.kind === 'CLUSTER_IP' || service.exposure.kind === 'NODE_PORT') {
    throw invalid(
      'SERVICE_HAS_NO_LOAD_BALANCER',
      `The exposure of ${ref.workload.name} is ${service.exposure.kind}: there is no load balancer.`,
      'flow.to.via',
    );
  }
  return viaLoadBalancer(ctx, source, to, service);
}

function defaultEntry(source: Actor, exposure: ResolvedExposure): ServiceEntry {
  if (source.kind !== 'HOST') return 'CLUSTER_IP';
  if (exposure.kind === 'CLUSTER_IP') return 'CLUSTER_IP';
  return exposure.kind === 'NODE_PORT' ? 'NODE_PORT' : 'LOAD_BALANCER';
}

// ------------------------------------------------------------------------------------------------ F2b ClusterIP

function viaClusterIp(ctx: TraceContext, source: Actor, to: ServiceEndpoint, service: ServiceShape): void {
  const workload = service.ref.workload;
  const clusterIp = ctx.addresses.clusterIp(service.ref.index);
  ctx.begin(source, clusterIp, 'CLUSTER_IP');
  if (source.kind === 'HOST') {
    ctx.t.dropHere(
      'NO_ROUTE',
      `${clusterIp} is a ClusterIP, a virtual address only kube-proxy inside the cluster translates; ${hostName(source)} cannot route to it. Reach the Service through a NodePort or a load balancer.`,
    );
  }
  const clientNode = source.kind === 'POD' ? source.pod.node : source.node;
  const proxyName = clientNode.group.kind === 'FARGATE' ? `${clientNode.name} (Fargate micro-VM)` : clientNode.name;
  requireListener(ctx, 'NODE', proxyName, [service.protocol], [service.servicePort], `Service ${workload.name}`);
  requireEndpoints(ctx, 'NODE', proxyName, service, 'NO_ENDPOINTS');
  const policy = service.exposure.internalTrafficPolicy ?? 'CLUSTER';
  const localPossible = clientNode.group.name === workload.nodeGroup && clientNode.group.kind !== 'FARGATE';
  const local = (to.localEndpoint ?? true) && localPossible;
  if (policy === 'LOCAL' && !local) {
    ctx.t.dropAt(
      'NODE',
      proxyName,
      'LOCAL_NO_ENDPOINT',
      `internalTrafficPolicy Local and no ready endpoint of ${workload.name} on ${clientNode.name}: "traffic is dropped by kube-proxy" ([K8S-VIP] #internal-traffic-policy).`,
    );
  }
  const endpointNode = local
    ? clientNode
    : ctx.pickNode(workload.nodeGroup, `workloads[${service.ref.index}].nodeGroup`, { avoid: clientNode, near: clientNode });
  const endpoint = ctx.podOn(service.ref, endpointNode, replicaFor(source, service.ref));
  if (policy === 'CLUSTER') {
    ctx.t.assume(
      'KUBE_PROXY_ENDPOINT_CHOICE',
      `kube-proxy picks any ready endpoint of ${workload.name}; the trace follows the one on ${endpointNode.name}${local ? ", the client's own node" : ''}. Set localEndpoint to trace the other case.`,
    );
  }
  const { dst, dstRole } = podAddress(ctx, endpoint);
  ctx.t.hop(
    'NODE',
    proxyName,
    { dst, dstRole, dstPort: service.targetPort },
    {
      note: `kube-proxy on the client's node DNATs the ClusterIP to an endpoint; the client is "never source NAT'd" ([K8S-SRCIP]).${policy === 'LOCAL' ? ' internalTrafficPolicy Local: only node-local endpoints.' : ''}`,
    },
  );
  if (source.kind === 'POD') podToPod(ctx, source.pod, endpoint);
  else nodeToPod(ctx, source.node, endpoint);
}

// ------------------------------------------------------------------------------------------------ NodePort

function viaNodePort(ctx: TraceContext, source: Actor, to: ServiceEndpoint, service: ServiceShape): void {
  const workload = service.ref.workload;
  const groupPath = `workloads[${service.ref.index}].nodeGroup`;
  const { group } = ctx.lookup.nodeGroup(workload.nodeGroup, groupPath);
  if (group.kind === 'FARGATE') {
    throw invalid(
      'FARGATE_NO_NODE_PORT',
      `${workload.name} runs on Fargate, which has no node to open a NodePort on; use ip targets.`,
      'flow.to.via',
    );
  }
  const nodePort = resolveNodePort(ctx, to, service, true);
  const clientNode = ctx.nodeOf(source);
  const hitNode = ctx.pickNode(workload.nodeGroup, groupPath, { avoid: clientNode, near: clientNode });
  const local = to.localEndpoint ?? true;
  const endpointNode = local ? hitNode : ctx.pickNode(workload.nodeGroup, groupPath, { avoid: hitNode, near: hitNode });
  const endpoint = ctx.podOn(service.ref, endpointNode, replicaFor(source, service.ref));
  const family = ctx.familyFrom(source);
  const { dst, dstRole } = nodeAddressFor(ctx, source, hitNode, family);
  ctx.begin(source, dst, dstRole);
  travelToNode(ctx, source, hitNode, hitNode.name);
  const verdicts = ctx.admit('NODE', hitNode.name, ctx.pods.nodeSecurityGroups(hitNode));
  requireListener(ctx, 'NODE', hitNode.name, [service.protocol], [nodePort], `NodePort of ${workload.name}`, verdicts);
  kubeProxyInbound(ctx, { node: hitNode, verdicts, local, endpoint, service, policy: service.exposure.externalTrafficPolicy ?? 'CLUSTER' });
}

/**
 * kube-proxy on a node that received NodePort traffic (directly or from an instance-target LB) ([TP §3] F6):
 * Cluster → DNAT + SNAT to the node, then to the endpoint anywhere; Local → DNAT to a local endpoint only.
 */
function kubeProxyInbound(
  ctx: TraceContext,
  args: {
    node: NodePlacement;
    verdicts: SecurityGroupVerdict[];
    local: boolean;
    endpoint: PodPlacement;
    service: ServiceShape;
    policy: 'CLUSTER' | 'LOCAL';
  },
): void {
  const { node, verdicts, local, endpoint, service, policy } = args;
  const workload = service.ref.workload;
  requireEndpoints(ctx, 'NODE', node.name, service, 'NO_ENDPOINTS', verdicts);
  const { dst, dstRole } = podAddress(ctx, endpoint);
  if (policy === 'LOCAL') {
    if (isStrictBranch(endpoint)) {
      ctx.t.dropAt(
        'NODE',
        node.name,
        'POD_SG_LOCAL_UNSUPPORTED',
        `${endpoint.name} uses SG-for-pods in strict mode, which is not supported behind NodePort / instance targets with externalTrafficPolicy Local ([EKS-SGP] L38); use ip targets or Cluster.`,
        { securityGroups: verdicts },
      );
    }
    if (!local) {
      ctx.t.dropAt(
        'NODE',
        node.name,
        'LOCAL_NO_ENDPOINT',
        `externalTrafficPolicy Local and no ready endpoint of ${workload.name} on ${node.name}: kube-proxy "does not forward any traffic" and the packet is dropped ([K8S-VIP] #external-traffic-policy; [K8S-SRCIP]).`,
        { securityGroups: verdicts },
      );
    }
    ctx.t.hop(
      'NODE',
      node.name,
      { dst, dstRole, dstPort: service.targetPort },
      {
        securityGroups: verdicts,
        note: 'kube-proxy DNATs to the local endpoint and keeps the source (externalTrafficPolicy Local, [K8S-SRCIP]).',
      },
    );
    deliverFromNode(ctx, node, endpoint, false);
    return;
  }
  const ipv6 = dstRole === 'POD_IPV6';
  ctx.t.hop(
    'NODE',
    node.name,
    {
      src: ipv6 ? node.ipv6 : node.primaryIp,
      srcRole: ipv6 ? 'NODE_IPV6' : 'NODE_PRIMARY_IP',
      srcSecurityGroups: names(ctx.pods.nodeSecurityGroups(node)),
      dst,
      dstRole,
      dstPort: service.targetPort,
    },
    {
      securityGroups: verdicts,
      note: 'kube-proxy DNATs to an endpoint and SNATs to this node (externalTrafficPolicy Cluster, [K8S-SRCIP]).',
    },
  );
  if (endpoint.node.name === node.name) {
    deliverFromNode(ctx, node, endpoint, true);
    return;
  }
  ctx.leaveThroughEni(ctx.pods.nodeSecurityGroups(node));
  ctx.vpcHop(node.az, endpoint.node.az);
  ctx.deliverToPodFromNetwork(endpoint);
}

/** From kube-proxy on a node to an endpoint on that node. */
function deliverFromNode(ctx: TraceContext, node: NodePlacement, pod: PodPlacement, sourceIsThisHost: boolean): void {
  if (isStrictBranch(pod)) {
    ctx.leaveThroughEni(ctx.pods.nodeSecurityGroups(node));
    ctx.vpcHop(node.az, pod.node.az);
    ctx.deliverToPodFromNetwork(
      pod,
      `${describePod(pod)} Strict mode: traffic from the node reaches the branch ENI through the VPC ([BPG-SGP] L70).`,
    );
    return;
  }
  if (pod.interface === 'BRANCH_ENI' && !sourceIsThisHost) {
    // Standard mode enforces the pod SG for inbound traffic from another host ([CNI] L519-525).
    const verdicts = ctx.admit('POD', pod.name, pod.securityGroups);
    ctx.t.deliver('POD', pod.name, {
      securityGroups: verdicts,
      note: `${describePod(pod)} Standard mode enforces the pod security groups for traffic from other hosts ([CNI] L519-525).`,
    });
    return;
  }
  deliverOnSameNode(ctx, pod, 'kube-proxy forwards to the local veth; no ENI crossed.');
}

// ------------------------------------------------------------------------------------------------ F6 load balancers

function viaLoadBalancer(ctx: TraceContext, source: Actor, to: ServiceEndpoint, service: ServiceShape): void {
  const { exposure, ref } = service;
  const workload = ref.workload;
  const groupPath = `workloads[${ref.index}].nodeGroup`;
  const lbKind: HopKind = exposure.kind === 'ALB_INGRESS' ? 'ALB' : exposure.kind === 'CLB' ? 'CLB' : 'NLB';
  const targetType = exposure.targetType ?? defaultTargetType(ctx, lbKind);
  // Which target types can work (CLB, Fargate, IPv6, CCM, alternate CNI) is the exposure engine's rule: raise its error.
  if (exposure.targetTypeConflict) {
    throw invalid(exposure.targetTypeConflict.code, exposure.targetTypeConflict.message, 'exposure.targetType');
  }
  const scheme = exposure.scheme ?? defaultScheme(ctx, service);
  const policy = exposure.externalTrafficPolicy ?? defaultTrafficPolicy(ctx, targetType);
  const preserve = lbKind === 'NLB' ? (exposure.preserveClientIp ?? defaultPreserve(ctx, targetType, service.protocol)) : false;

  // Which node / pod the load balancer sends this connection to.
  const clientNode = ctx.nodeOf(source);
  let receiving: NodePlacement | undefined;
  let local = true;
  let endpoint: PodPlacement;
  if (targetType === 'IP') {
    endpoint = ctx.podOn(ref, ctx.pickNode(workload.nodeGroup, groupPath, { near: clientNode }), replicaFor(source, ref));
  } else {
    if (to.lbPicksSourceNode) {
      if (!clientNode || clientNode.group.kind === 'FARGATE') {
        throw invalid(
          'LB_PICKS_SOURCE_NODE_NEEDS_NODE_SOURCE',
          'lbPicksSourceNode needs a pod or node on an EC2 node as the flow source.',
          'flow.to.lbPicksSourceNode',
        );
      }
      receiving = clientNode;
    } else {
      receiving = ctx.pickNode(workload.nodeGroup, groupPath, { avoid: clientNode, near: clientNode });
    }
    local = (to.localEndpoint ?? true) && receiving.group.name === workload.nodeGroup;
    const endpointNode = local ? receiving : ctx.pickNode(workload.nodeGroup, groupPath, { avoid: receiving, near: receiving });
    endpoint = ctx.podOn(ref, endpointNode, replicaFor(source, ref));
  }
  const targetAz = (receiving ?? endpoint.node).az;
  const lbSubnet = pickLbSubnet(ctx, scheme, targetAz);
  const lbName = `${workload.name} ${lbKind} (${scheme === 'INTERNAL' ? 'internal' : 'internet-facing'})`;
  ctx.t.assume(
    'LB_TARGET_SELECTION',
    `The ${lbKind} node in ${lbSubnet.subnet.az} (subnet ${lbSubnet.subnet.name}) sends this connection to ${receiving ? receiving.name : endpoint.name}; ` +
      (lbKind === 'NLB'
        ? 'cross-zone load balancing is off by default for NLB, so each LB node uses the healthy targets in its own AZ. '
        : 'ALB and CLB nodes spread connections over all healthy registered targets. ') +
      'Only healthy targets in enabled AZs receive traffic ([LBC-SA]).',
  );

  // Client → load balancer.
  const family = ctx.familyFrom(source);
  const lbPrivate = ctx.addresses.lbPrivateIp(lbSubnet, ref.index);
  const lbIpv6 = ctx.addresses.lbIpv6(lbSubnet, ref.index);
  const lbAddress = family === 6 ? lbIpv6 : lbPrivate;
  const lbAddressRole: AddressRole = family === 6 ? 'LB_IPV6' : 'LB_PRIVATE_IP';
  if (scheme === 'INTERNET_FACING') {
    if (source.kind === 'HOST' && source.endpoint === 'PEER') {
      throw invalid(
        'UNSUPPORTED_FLOW',
        `A peer network reaches an internet-facing load balancer through its own internet egress; trace that address as an INTERNET endpoint.`,
        'flow.from',
      );
    }
    ctx.begin(source, family === 6 ? lbIpv6 : ctx.addresses.lbPublicIp(ref.index), family === 6 ? 'LB_IPV6' : 'LB_PUBLIC_IP');
    if (!(source.kind === 'HOST' && source.endpoint === 'INTERNET')) ctx.exitToInternet(ctx.leaveForInternet(source));
    ctx.t.hop(
      'INTERNET_GATEWAY',
      'igw',
      { dst: lbAddress, dstRole: lbAddressRole },
      {
        note:
          family === 6
            ? 'IPv6 routed untranslated to the load balancer.'
            : `The internet gateway maps the load balancer's public address to its private address in ${lbSubnet.subnet.name}.`,
      },
    );
  } else {
    ctx.begin(source, lbAddress, lbAddressRole);
    if (source.kind === 'HOST' && source.endpoint === 'INTERNET') {
      ctx.t.dropHere(
        'NO_ROUTE',
        `The ${lbKind} is internal: it has only private addresses, which the internet cannot reach. Use an internet-facing scheme.`,
      );
    }
    if (source.kind !== 'HOST') {
      ctx.leaveInsideVpc(source, lbAddress);
    } else if (source.endpoint === 'PEER' && source.peer) {
      ctx.peerHop(source.peer);
    }
  }
  ctx.t.assume(
    'LB_FRONTEND_ALLOWS_CLIENT',
    "The load balancer's own security group (LBC ≥ 2.6 frontend SG from loadBalancerSourceRanges, default 0.0.0.0/0) is taken to admit the client.",
  );

  // At the load balancer.
  requireListener(ctx, lbKind, lbName, lbKind === 'NLB' ? [service.protocol] : ['TCP'], listenerPorts(lbKind, service), `The ${lbKind}`);
  requireEndpoints(ctx, lbKind, lbName, service, 'LB_UNHEALTHY');
  if (lbKind === 'NLB' && targetType === 'INSTANCE' && policy === 'LOCAL' && exposure.proxyProtocol === 'V2') {
    ctx.t.dropAt(
      lbKind,
      lbName,
      'LB_UNHEALTHY',
      'Proxy protocol v2 with instance targets and externalTrafficPolicy Local: the health checks on kube-proxy\'s healthCheckNodePort do not speak PPv2, so no target is healthy — "you shouldn\'t configure proxy protocol v2 with NLB instance mode and externalTrafficPolicy set to Local" ([LBC-NLB] L158).',
    );
  }
  const { via: clientHeader, note: headerNote } = clientIpHeader(lbKind, service);
  if (clientHeader) ctx.t.carryClientIpIn(clientHeader);

  const clientIpv4ToIpv6 = targetType === 'IP' && ctx.lookup.isIpv6Cluster && family === 4;
  const keepsSource = lbKind === 'NLB' && preserve && !clientIpv4ToIpv6;
  const packet = ctx.t.packet;
  const src = keepsSource ? packet.src : targetType === 'IP' && ctx.lookup.isIpv6Cluster ? lbIpv6 : lbPrivate;
  const srcRole: AddressRole = keepsSource ? packet.srcRole : targetType === 'IP' && ctx.lookup.isIpv6Cluster ? 'LB_IPV6' : 'LB_PRIVATE_IP';
  const lbNote = [
    keepsSource
      ? 'Client IP preservation: the NLB forwards with the client address as source.'
      : lbKind === 'NLB'
        ? `The NLB connects to the target from its own address${clientIpv4ToIpv6 ? ': "Preserve client IP has no effect on traffic converted from IPv4 to IPv6" ([LBC-SA] L624)' : ''}.`
        : `The ${lbKind} terminates the connection and opens a new one from its private address.`,
    healthCheckNote(targetType, policy),
    clientHeader ? clientHeaderNote(clientHeader) : '',
    headerNote,
  ]
    .filter(Boolean)
    .join(' ');

  if (targetType === 'IP') {
    const { dst, dstRole } = podAddress(ctx, endpoint);
    ctx.t.hop(lbKind, lbName, { src, srcRole, srcSecurityGroups: [], dst, dstRole, dstPort: service.targetPort }, { note: lbNote });
    const verdicts = lbTargetIngress(ctx, service, 'POD', endpoint.name, endpoint.securityGroups);
    const returnPath = ctx.checkReturnPath(endpoint);
    ctx.t.deliver('POD', endpoint.name, {
      securityGroups: verdicts,
      note: `${describePod(endpoint)}${returnPath ? ` ${returnPath}` : ''}`,
    });
    return;
  }
  const node = receiving as NodePlacement;
  const nodePort = resolveNodePort(ctx, to, service, false);
  ctx.t.hop(
    lbKind,
    lbName,
    { src, srcRole, srcSecurityGroups: [], dst: node.primaryIp, dstRole: 'NODE_PRIMARY_IP', dstPort: nodePort },
    { note: lbNote },
  );
  const verdicts = lbTargetIngress(ctx, service, 'NODE', node.name, ctx.pods.nodeSecurityGroups(node));
  // Hairpin needs the client's own address to arrive at its own instance (a NAT-translated source cannot loop back).
  const sourceFromClientNode = ['POD_IP', 'POD_IPV6', 'NODE_PRIMARY_IP', 'NODE_IPV6'].includes(ctx.t.packet.srcRole);
  if (lbKind === 'NLB' && keepsSource && clientNode && sourceFromClientNode) {
    if (node.name === clientNode.name) {
      ctx.t.dropAt(
        'NODE',
        node.name,
        'HAIRPIN',
        `The NLB sent the connection back to ${node.name}, the client's own instance, with the client address preserved: "NAT loopback, also known as hairpinning, is not supported when client IP preservation is enabled" ([ELB-NLB-TS]). Use ip targets or preserve_client_ip.enabled=false.`,
        { securityGroups: verdicts },
      );
    }
    ctx.t.assume(
      'HAIRPIN_IF_OWN_NODE',
      `The NLB picked ${node.name}, not the client's node ${clientNode.name}; when it picks the client's own node the connection times out (hairpin, [ELB-NLB-TS]). Set lbPicksSourceNode to trace that case.`,
    );
  }
  if (policy === 'LOCAL' && local) {
    ctx.t.assume(
      'HEALTH_CHECK_ROUTES_AROUND_EMPTY_NODES',
      `Nodes without a ready endpoint of ${workload.name} fail the /healthz check on the healthCheckNodePort, so the load balancer only sends to nodes like ${node.name} that run one (set localEndpoint false to trace the window before a check fails).`,
    );
  }
  if (policy === 'LOCAL' && !local) {
    ctx.t.assume(
      'LB_SENT_TO_NODE_WITHOUT_ENDPOINT',
      `The load balancer sends to ${node.name} although it has no ready endpoint: the window before its /healthz health check fails (a newly joined node, [ISSUE] cloud-provider-aws#87).`,
    );
  }
  kubeProxyInbound(ctx, { node, verdicts, local, endpoint, service, policy });
}

/**
 * Target-ENI ingress for load-balancer traffic ([TP §2]): the controller adds the rule (LBC ≥ 2.6 backend SG rule,
 * or the CCM's node SG rule) unless the exposure says it does not; then the design's groups are evaluated as written.
 */
function lbTargetIngress(
  ctx: TraceContext,
  service: ServiceShape,
  kind: HopKind,
  name: string,
  groups: readonly ResolvedSecurityGroup[],
): SecurityGroupVerdict[] {
  if (service.exposure.manageBackendSecurityGroupRules === false) return ctx.admit(kind, name, groups);
  const packet = ctx.t.packet;
  const fromClient = packet.srcRole !== 'LB_PRIVATE_IP' && packet.srcRole !== 'LB_IPV6';
  ctx.t.assume(
    'LB_BACKEND_SG_RULES_MANAGED',
    'The load balancer controller is taken to manage the target security-group rule for this load balancer (LBC ≥ 2.6 backend rule, or the in-tree CCM node rule); with client IP preservation it must admit the client ranges, not only the LB subnets ([LBC-NLB] L164-202).',
  );
  const rule = fromClient
    ? `${ctx.flow.protocol} ${packet.dstPort} from the client source ranges and health checks from the LB subnets (controller-managed)`
    : `${ctx.flow.protocol} ${packet.dstPort} from the load balancer (controller-managed)`;
  return [syntheticVerdict(groups[0]?.name ?? 'target ENI', rule)];
}

function requireListener(
  ctx: TraceContext,
  kind: HopKind,
  name: string,
  protocols: readonly FlowProtocol[],
  ports: readonly number[],
  what: string,
  securityGroups?: SecurityGroupVerdict[],
): void {
  const { dstPort } = ctx.t.packet;
  if (protocols.includes(ctx.flow.protocol) && ports.includes(dstPort)) return;
  ctx.t.dropAt(
    kind,
    name,
    'PORT_NOT_EXPOSED',
    `${what} has no ${ctx.flow.protocol} listener on port ${dstPort} (it listens on ${protocols.join('/')} ${ports.join(', ')}).`,
    { securityGroups },
  );
}

function requireEndpoints(
  ctx: TraceContext,
  kind: HopKind,
  name: string,
  service: ServiceShape,
  code: 'NO_ENDPOINTS' | 'LB_UNHEALTHY',
  securityGroups?: SecurityGroupVerdict[],
): void {
  if (service.ref.workload.replicas > 0) return;
  ctx.t.dropAt(
    kind,
    name,
    code,
    code === 'LB_UNHEALTHY'
      ? `${service.ref.workload.name} has no replicas, so no target passes the health checks ([LBC-SA] L478-479).`
      : `${service.ref.workload.name} has no replicas: the Service has no endpoints and kube-proxy rejects the connection.`,
    { securityGroups },
  );
}

function listenerPorts(kind: HopKind, service: ServiceShape): number[] {
  if (kind !== 'ALB') return [service.servicePort];
  // ALB Ingress listens on 80, or 443 with a certificate (LBC listen-ports default), and routes to the Service port.
  const tls = service.expose.protocol === 'HTTPS' || service.expose.protocol === 'GRPC' || service.expose.certificateArn !== undefined;
  return [...new Set([tls ? 443 : 80, service.servicePort])];
}

type ClientIpHeader = 'X_FORWARDED_FOR' | 'PROXY_PROTOCOL_V2' | 'PROXY_PROTOCOL_V1';

function clientIpHeader(kind: HopKind, service: ServiceShape): { via: ClientIpHeader | null; note: string } {
  const { exposure, expose } = service;
  if (kind === 'ALB') return { via: 'X_FORWARDED_FOR', note: '' }; // [ELB-ALB-XFF]; [LBC-IA] L216-231
  if (kind === 'CLB') {
    const listener = exposure.clbListener ?? (['HTTP', 'HTTPS', 'GRPC'].includes(expose.protocol) ? 'HTTP' : 'TCP');
    if (listener === 'HTTP') return { via: 'X_FORWARDED_FOR', note: '' }; // [ELB-CLB-XFF]
    if (exposure.proxyProtocol === 'V1') return { via: 'PROXY_PROTOCOL_V1', note: '' }; // [ELB-CLB-PP] "uses proxy protocol version 1"
    const note =
      exposure.proxyProtocol === 'V2'
        ? 'A Classic Load Balancer only speaks proxy protocol v1; the v2 request is ignored.'
        : 'TCP listener without proxy protocol: the client address is lost.';
    return { via: null, note };
  }
  if (exposure.proxyProtocol === 'V2') return { via: 'PROXY_PROTOCOL_V2', note: '' };
  return {
    via: null,
    note: exposure.proxyProtocol === 'V1' ? 'A Network Load Balancer only speaks proxy protocol v2; the v1 request is ignored.' : '',
  };
}

function clientHeaderNote(via: ClientIpHeader): string {
  if (via === 'X_FORWARDED_FOR') return 'Adds the client address to X-Forwarded-For (append, the default).';
  return `Prepends a proxy protocol ${via === 'PROXY_PROTOCOL_V2' ? 'v2' : 'v1'} header with the client address; the application must parse it.`;
}

function healthCheckNote(targetType: 'IP' | 'INSTANCE', policy: 'CLUSTER' | 'LOCAL'): string {
  if (targetType === 'IP') {
    return 'ip targets: health checks and traffic go straight to the pod; kube-proxy, the NodePort, externalTrafficPolicy and healthCheckNodePort are bypassed ([ISSUE] LBC#1813; [BPG-LB] L108-130).';
  }
  if (policy === 'LOCAL') {
    return 'Health check: HTTP /healthz on the healthCheckNodePort; nodes without a ready endpoint answer "No Service Endpoints Found" and get no traffic ([LBC-CODE-MB] L158-164; [CCM-AWS] L2185-2196).';
  }
  return 'Health check on the NodePort: every node running kube-proxy passes, with or without a local endpoint.';
}

function resolveNodePort(ctx: TraceContext, to: ServiceEndpoint, service: ServiceShape, dialledDirectly: boolean): number {
  if (to.nodePort !== undefined) {
    if (!isIntegerWithin(to.nodePort, OPTION_BOUNDS.port)) {
      throw invalid('INVALID_PORT', `nodePort ${String(to.nodePort)} is not a port number.`, 'flow.to.nodePort');
    }
    return to.nodePort;
  }
  const port = ctx.flow.port;
  if (dialledDirectly && isInNodePortRange(port)) return port;
  const assigned = NODE_PORT_RANGE.min + (service.ref.index % (NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1));
  ctx.t.assume(
    'NODE_PORT_ASSIGNED',
    `The NodePort of ${service.ref.workload.name} is not in the design; ${assigned} is shown (Kubernetes allocates one from ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}).`,
  );
  return assigned;
}

function pickLbSubnet(ctx: TraceContext, scheme: 'INTERNAL' | 'INTERNET_FACING', az: string): IndexedSubnet {
  const internetFacing = scheme === 'INTERNET_FACING';
  let pool = ctx.lookup.subnetsWithRole(internetFacing ? 'ELB' : 'INTERNAL_ELB');
  if (pool.length === 0) {
    pool = ctx.lookup.allSubnets().filter((candidate) => Boolean(candidate.subnet.public) === internetFacing);
    if (pool.length === 0 && internetFacing) {
      throw invalid('NO_LB_SUBNET', 'An internet-facing load balancer needs a public subnet (role ELB); the design has none.', 'subnets');
    }
    if (pool.length === 0) pool = ctx.lookup.allSubnets();
    ctx.t.assume(
      'LB_SUBNET_INFERRED',
      `No subnet has the ${internetFacing ? 'ELB' : 'INTERNAL_ELB'} role; the load balancer is placed in a ${internetFacing ? 'public' : 'private'} subnet, as subnet auto-discovery would.`,
    );
  }
  return pool.find((candidate) => candidate.subnet.az === az) ?? pool[0];
}

function defaultTargetType(ctx: TraceContext, kind: HopKind): 'INSTANCE' {
  ctx.t.assume(
    'LB_TARGET_TYPE_DEFAULT',
    `The exposure names no target type; ${kind === 'CLB' ? 'a CLB registers instances' : 'the LBC default target type is instance'}.`,
  );
  return 'INSTANCE';
}

function defaultScheme(ctx: TraceContext, service: ServiceShape): 'INTERNAL' | 'INTERNET_FACING' {
  const scheme = service.expose.audience === 'INTERNET' ? 'INTERNET_FACING' : 'INTERNAL';
  ctx.t.assume(
    'LB_SCHEME_DEFAULT',
    `The exposure names no scheme; audience ${service.expose.audience} gives ${scheme.toLowerCase().replace('_', '-')}.`,
  );
  return scheme;
}

function defaultTrafficPolicy(ctx: TraceContext, targetType: 'IP' | 'INSTANCE'): 'CLUSTER' {
  if (targetType === 'INSTANCE') {
    ctx.t.assume('EXTERNAL_TRAFFIC_POLICY_DEFAULT', 'externalTrafficPolicy is not set; Kubernetes defaults it to Cluster.');
  }
  return 'CLUSTER';
}

/** NLB target-group default ([ELB-NLB-TGA]; [LBC-SA] L620), surfaced like Reachability Analyzer's ASSUMPTION_PRESERVE_CLIENT_IP_IS_*. */
function defaultPreserve(ctx: TraceContext, targetType: 'IP' | 'INSTANCE', protocol: FlowProtocol): boolean {
  const enabled = targetType === 'INSTANCE' || protocol === 'UDP';
  if (enabled) {
    ctx.t.assume(
      'PRESERVE_CLIENT_IP_IS_ENABLED',
      `preserve_client_ip.enabled is not set; the NLB default is true for ${targetType === 'INSTANCE' ? 'instance targets' : 'UDP target groups'} ([ELB-NLB-TGA]).`,
    );
  } else {
    ctx.t.assume(
      'PRESERVE_CLIENT_IP_IS_DISABLED',
      'preserve_client_ip.enabled is not set; the NLB default is false for ip targets with TCP/TLS ([LBC-SA] L620; [ELB-NLB-TGA]).',
    );
  }
  return enabled;
}

function podAddress(ctx: TraceContext, pod: PodPlacement): { dst: string; dstRole: AddressRole } {
  if (pod.interface === 'HOST_NETWORK') {
    return ctx.lookup.isIpv6Cluster
      ? { dst: pod.node.ipv6, dstRole: 'NODE_IPV6' }
      : { dst: pod.node.primaryIp, dstRole: 'NODE_PRIMARY_IP' };
  }
  return ctx.lookup.isIpv6Cluster ? { dst: pod.ipv6, dstRole: 'POD_IPV6' } : { dst: pod.ipv4, dstRole: 'POD_IP' };
}

function replicaFor(source: Actor, ref: WorkloadRef): number {
  return source.kind === 'POD' && source.pod.workloadIndex === ref.index ? 1 : 0;
}
