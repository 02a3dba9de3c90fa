/**
 * [TP §3] F7: kubectl, nodes and pods to the EKS API server through the public endpoint (publicAccessCidrs) or the
 * private endpoint (cross-account X-ENIs in the cluster VPC carrying the cluster security group).
 */
import { cidrContainsAddress } from '../../network/cidr.js';
import type { EndpointAccess } from '../../spec/design-spec.types.js';
import { invalid, parseDesignCidr, type IndexedSubnet } from '../design-lookup.js';
import type { Actor, TraceContext } from '../trace-context.js';
import type { HopKind } from '../trace-path.types.js';

const PUBLIC_ENDPOINT = 'EKS API public endpoint';
const PRIVATE_ENDPOINT = 'EKS API private endpoint';
const API_PORT = 443;

export function traceToEksApi(ctx: TraceContext, source: Actor): void {
  const access = endpointAccess(ctx);
  if (source.kind === 'HOST' && source.endpoint === 'INTERNET') {
    if (access.public) {
      ctx.begin(source, ctx.addresses.eksApiPublicIp(), 'EKS_API_PUBLIC_IP');
      publicEndpoint(ctx, access);
      return;
    }
    ctx.begin(source, ctx.addresses.eksApiPrivateIp(endpointSubnet(ctx, undefined)), 'EKS_API_PRIVATE_IP');
    ctx.t.dropHere(
      'API_PRIVATE_ONLY',
      'Only the private endpoint is enabled: "There is no public access to your API server from the internet. Any kubectl commands must come from within the VPC or a connected network" ([EKS-EP] L123-124).',
    );
  }
  if (access.private) {
    privateEndpoint(ctx, source, access);
    return;
  }
  if (source.kind === 'HOST' && source.endpoint === 'PEER') {
    throw invalid(
      'UNSUPPORTED_FLOW',
      'With only the public endpoint, a peer network reaches the API server through its own internet egress; trace that address as an INTERNET endpoint.',
      'flow.from',
    );
  }
  ctx.begin(source, ctx.addresses.eksApiPublicIp(), 'EKS_API_PUBLIC_IP');
  ctx.exitToInternet(ctx.leaveForInternet(source));
  publicEndpoint(
    ctx,
    access,
    'From inside the VPC with only public access the traffic "leave[s] the VPC but not Amazon\'s network" ([EKS-EP] L106); the VPC CNI\'s own API calls take the same path — enable private access to keep them in the VPC ([CNI] L477-486).',
  );
}

function publicEndpoint(ctx: TraceContext, access: Required<EndpointAccess>, note = ''): void {
  requireApiPort(ctx, 'EKS_API_PUBLIC_ENDPOINT', PUBLIC_ENDPOINT);
  const { src, srcRole } = ctx.t.packet;
  const cidrs = access.publicAccessCidrs;
  const allowedBy = cidrs.find((text, i) => cidrContainsAddress(parseDesignCidr(text, `endpointAccess.publicAccessCidrs[${i}]`), src));
  if (allowedBy === undefined) {
    const natHint =
      srcRole === 'NAT_GATEWAY_EIP'
        ? ` Nodes in private subnets reach the public endpoint from their NAT gateway's address: "you will need to add the outbound IP address of the NAT gateway" ([EKS-EP] L145).`
        : '';
    ctx.t.dropAt(
      'EKS_API_PUBLIC_ENDPOINT',
      PUBLIC_ENDPOINT,
      'API_CIDR_DENIED',
      `The public endpoint sees ${src} (${srcRole}), which is not in publicAccessCidrs (${cidrs.join(', ')}) ([EKS-EP] L145, L153): add ${src}/32 to publicAccessCidrs or enable private access.${natHint}`,
      { note, destinationSawSource: true },
    );
  }
  ctx.t.deliver('EKS_API_PUBLIC_ENDPOINT', PUBLIC_ENDPOINT, { note: `Admitted by publicAccessCidrs ${allowedBy}. ${note}`.trim() });
}

function privateEndpoint(ctx: TraceContext, source: Actor, access: Required<EndpointAccess>): void {
  ctx.t.assume(
    'VPC_DNS_ENABLED',
    'The VPC is taken to have enableDnsHostnames and enableDnsSupport on with AmazonProvidedDNS, so the endpoint name resolves to the private endpoint ([EKS-EP] L85, L125-130).',
  );
  const az = ctx.nodeOf(source)?.az ?? (source.kind === 'HOST' ? source.subnet?.subnet.az : undefined);
  const subnet = endpointSubnet(ctx, az);
  ctx.begin(source, ctx.addresses.eksApiPrivateIp(subnet), 'EKS_API_PRIVATE_IP');
  if (source.kind !== 'HOST') {
    // The X-ENI addresses are inside the VPC, so pods reach them without SNAT ([TP §3] F7).
    ctx.leaveInsideVpc(source, ctx.t.packet.dst);
  } else if (source.endpoint === 'PEER' && source.peer) {
    ctx.peerHop(source.peer);
  }
  requireApiPort(ctx, 'EKS_API_PRIVATE_ENDPOINT', PRIVATE_ENDPOINT);
  const verdicts = ctx.admit('EKS_API_PRIVATE_ENDPOINT', PRIVATE_ENDPOINT, [ctx.pods.clusterSecurityGroup()], 'API_SG_DENIED');
  const publicToo = access.public
    ? ' Public access is also on, but inside the VPC the name resolves to the private endpoint and publicAccessCidrs do not apply ([EKS-EP] L114).'
    : '';
  ctx.t.deliver('EKS_API_PRIVATE_ENDPOINT', PRIVATE_ENDPOINT, {
    securityGroups: verdicts,
    note: `Cross-account X-ENI in ${subnet.subnet.name} carrying the cluster security group ([EKS-EP] L241; [EKS-SGR]).${publicToo}`,
  });
}

function endpointAccess(ctx: TraceContext): Required<EndpointAccess> {
  const given = ctx.design.endpointAccess;
  if (!given) {
    ctx.t.assume(
      'ENDPOINT_ACCESS_DEFAULT',
      'endpointAccess is not set; EKS defaults to the public endpoint only, open to 0.0.0.0/0 ([EKS-EP] L104-108).',
    );
    return { public: true, private: false, publicAccessCidrs: ['0.0.0.0/0'] };
  }
  if (!given.public && !given.private) {
    throw invalid(
      'ENDPOINT_ACCESS_NONE',
      'endpointAccess turns off both the public and the private endpoint; EKS requires at least one.',
      'endpointAccess',
    );
  }
  const cidrs = given.publicAccessCidrs?.length ? given.publicAccessCidrs : ['0.0.0.0/0'];
  return { public: given.public, private: given.private, publicAccessCidrs: cidrs };
}

/** Subnet of the X-ENI: a CLUSTER_ENDPOINTS subnet (the client's AZ first), else a node subnet, else the first subnet. */
function endpointSubnet(ctx: TraceContext, az: string | undefined): IndexedSubnet {
  let pool = ctx.lookup.subnetsWithRole('CLUSTER_ENDPOINTS');
  if (pool.length === 0) {
    const nodeSubnets = new Set(ctx.design.nodeGroups.flatMap((group) => group.subnets));
    pool = ctx.lookup.allSubnets().filter((candidate) => nodeSubnets.has(candidate.subnet.name));
  }
  if (pool.length === 0) pool = ctx.lookup.allSubnets();
  if (pool.length === 0) throw invalid('NO_SUBNETS', 'The design has no subnets for the EKS private endpoint.', 'subnets');
  return pool.find((candidate) => candidate.subnet.az === az) ?? pool[0];
}

function requireApiPort(ctx: TraceContext, kind: HopKind, name: string): void {
  const { dstPort } = ctx.t.packet;
  if (ctx.flow.protocol === 'TCP' && dstPort === API_PORT) return;
  ctx.t.dropAt(kind, name, 'PORT_NOT_EXPOSED', `The EKS API server listens on TCP ${API_PORT} only, not ${ctx.flow.protocol} ${dstPort}.`, {
    destinationSawSource: true,
  });
}
