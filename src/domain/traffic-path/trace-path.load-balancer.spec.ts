/**
 * Hop model F6 (client → load balancer → node → pod) of traffic-path.md §3: every table row, the
 * health-check and drop bullets, and NodePort from outside the cluster.
 */
import { describe, expect, it } from 'vitest';
import {
  ipv6Cluster,
  privateCluster,
  publicCluster,
  sgForPodsCluster,
  variant,
} from '../../../test/fixtures/traffic-path/designs.scenario.js';
import {
  actions,
  alb,
  assumptionCodes,
  clb,
  exposures,
  flow,
  hopOf,
  internet,
  kinds,
  last,
  nlb,
  node,
  peer,
  pod,
  service,
  trace,
  vpcHost,
} from '../../../test/fixtures/traffic-path/trace-helpers.scenario.js';
import type { ResolvedExposure, ServiceEndpoint } from './trace-path.types.js';

const CLIENT = '8.8.8.8';

/** internet client → the `checkout` Service (TCP 443 → 8443) of the private cluster. */
function fromInternet(exposure: Partial<ResolvedExposure>, to: Partial<ServiceEndpoint> = {}, port = 443) {
  return trace(privateCluster, flow(internet(CLIENT), service('checkout', to), port), exposures({ checkout: exposure }));
}

describe('F6 NLB', () => {
  it('instance targets, Cluster: nlb → node(DNAT+SNAT) → pod, the pod sees the node IP and the client IP is lost', () => {
    const sut = fromInternet(nlb());
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'NODE', 'POD']);
    expect(actions(sut)).toEqual(['FORWARD', 'DNAT', 'DNAT', 'SNAT', 'DELIVER']);
    expect(hopOf(sut, 'NLB').packet).toMatchObject({ src: CLIENT, srcRole: 'CLIENT_IP', dstRole: 'NODE_PRIMARY_IP' });
    expect(sut.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
    expect(sut.clientIpPreserved).toBe(false);
    expect(sut.clientIpVia).toBe('NONE');
    expect(assumptionCodes(sut)).toEqual(
      expect.arrayContaining(['PRESERVE_CLIENT_IP_IS_ENABLED', 'LB_TARGET_SELECTION', 'NODE_PORT_ASSIGNED', 'LB_BACKEND_SG_RULES_MANAGED']),
    );
    expect(sut.assumptions.find((assumption) => assumption.code === 'LB_TARGET_SELECTION')?.message).toContain('cross-zone');
  });

  it('instance targets, Cluster, endpoint on another node: [→ vpc] after the node; PPv2 carries the client IP', () => {
    const sut = fromInternet(nlb({ proxyProtocol: 'V2' }), { localEndpoint: false });
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'NODE', 'VPC', 'POD']);
    expect(sut.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
    expect(sut.clientIpVia).toBe('PROXY_PROTOCOL_V2');
    expect(sut.clientIpPreserved).toBe(true);
  });

  it('instance targets, Local: nlb → node(DNAT, no SNAT) → pod, the pod sees the client IP', () => {
    const sut = fromInternet(nlb({ externalTrafficPolicy: 'LOCAL' }));
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'NODE', 'POD']);
    expect(hopOf(sut, 'NODE').action).toBe('DNAT');
    expect(sut.sourceIpSeenByDestination).toBe('CLIENT_IP');
    expect(last(sut).packet.src).toBe(CLIENT);
    expect(sut.clientIpVia).toBe('L3_SOURCE');
    expect(hopOf(sut, 'NLB').note).toContain('/healthz');
    expect(assumptionCodes(sut)).toContain('HEALTH_CHECK_ROUTES_AROUND_EMPTY_NODES');
  });

  it('ip targets, default (TCP): nlb → pod from the NLB private IP; client IP only through PPv2', () => {
    const sut = fromInternet(nlb({ targetType: 'IP', externalTrafficPolicy: null }));
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'POD']);
    expect(hopOf(sut, 'NLB').action).toBe('SNAT');
    expect(sut.sourceIpSeenByDestination).toBe('LB_PRIVATE_IP');
    expect(last(sut).packet.src.startsWith('10.0.0.')).toBe(true);
    expect(last(sut).packet.dstPort).toBe(8443);
    expect(sut.clientIpVia).toBe('NONE');
    expect(assumptionCodes(sut)).toContain('PRESERVE_CLIENT_IP_IS_DISABLED');
    const withPpv2 = fromInternet(nlb({ targetType: 'IP', proxyProtocol: 'V2' }));
    expect(withPpv2.clientIpVia).toBe('PROXY_PROTOCOL_V2');
    expect(withPpv2.sourceIpSeenByDestination).toBe('LB_PRIVATE_IP');
  });

  it('ip targets with preserve_client_ip.enabled=true (or UDP): the pod sees the client IP', () => {
    const sut = fromInternet(nlb({ targetType: 'IP', preserveClientIp: true }));
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'POD']);
    expect(sut.sourceIpSeenByDestination).toBe('CLIENT_IP');
    expect(sut.clientIpVia).toBe('L3_SOURCE');
    const udp = variant(privateCluster, (design) => {
      design.workloads![1].expose = { audience: 'INTERNET', protocol: 'UDP', port: 53 };
    });
    const udpTrace = trace(udp, flow(internet(CLIENT), service('checkout'), 53, 'UDP'), exposures({ checkout: nlb({ targetType: 'IP' }) }));
    expect(udpTrace.sourceIpSeenByDestination).toBe('CLIENT_IP');
    expect(assumptionCodes(udpTrace)).toContain('PRESERVE_CLIENT_IP_IS_ENABLED');
  });

  it('dual-stack, ip targets, IPv4 client → IPv6 pod: the pod sees the NLB IPv6 address, preservation has no effect', () => {
    const deps = exposures({ api: nlb({ targetType: 'IP', preserveClientIp: true }) });
    const sut = trace(ipv6Cluster, flow(internet(CLIENT), service('api'), 443), deps);
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'POD']);
    expect(sut.sourceIpSeenByDestination).toBe('LB_IPV6');
    expect(last(sut).packet.dstRole).toBe('POD_IPV6');
    expect(sut.clientIpVia).toBe('NONE');
    expect(hopOf(sut, 'NLB').note).toContain('no effect');
    const ppv2 = trace(
      ipv6Cluster,
      flow(internet(CLIENT), service('api'), 443),
      exposures({ api: nlb({ targetType: 'IP', proxyProtocol: 'V2' }) }),
    );
    expect(ppv2.clientIpVia).toBe('PROXY_PROTOCOL_V2');
    const v6Client = trace(ipv6Cluster, flow(internet('2606:4700::6810:84e5'), service('api'), 443), deps);
    expect(v6Client.sourceIpSeenByDestination).toBe('CLIENT_IP');
  });
});

describe('F6 ALB and CLB', () => {
  const web = (exposure: Partial<ResolvedExposure>, to: Partial<ServiceEndpoint> = {}) =>
    trace(privateCluster, flow(internet(CLIENT), service('web', to), 80), exposures({ web: exposure }));

  it('ALB, ip targets: alb → pod from the ALB private IP, client in X-Forwarded-For', () => {
    const sut = web(alb());
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'ALB', 'POD']);
    expect(sut.sourceIpSeenByDestination).toBe('LB_PRIVATE_IP');
    expect(sut.clientIpVia).toBe('X_FORWARDED_FOR');
    expect(sut.clientIpPreserved).toBe(true);
    expect(last(sut).packet.dstPort).toBe(8080);
  });

  it('ALB, instance targets, Cluster: node SNAT, the pod sees the node IP; the client is in X-Forwarded-For', () => {
    const sut = web(alb({ targetType: 'INSTANCE', externalTrafficPolicy: 'CLUSTER' }));
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'ALB', 'NODE', 'POD']);
    expect(sut.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
    expect(sut.clientIpVia).toBe('X_FORWARDED_FOR');
  });

  it('ALB, instance targets, Local: no node SNAT, the pod sees the ALB IP', () => {
    const sut = web(alb({ targetType: 'INSTANCE', externalTrafficPolicy: 'LOCAL' }));
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'ALB', 'NODE', 'POD']);
    expect(hopOf(sut, 'NODE').action).toBe('DNAT');
    expect(sut.sourceIpSeenByDestination).toBe('LB_PRIVATE_IP');
    expect(sut.clientIpVia).toBe('X_FORWARDED_FOR');
  });

  it('CLB, HTTP listener: X-Forwarded-For; node IP with Cluster, LB IP with Local', () => {
    const cluster = web(clb());
    expect(kinds(cluster)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'CLB', 'NODE', 'POD']);
    expect(cluster.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
    expect(cluster.clientIpVia).toBe('X_FORWARDED_FOR');
    const local = web(clb({ externalTrafficPolicy: 'LOCAL' }));
    expect(local.sourceIpSeenByDestination).toBe('LB_PRIVATE_IP');
    expect(local.clientIpVia).toBe('X_FORWARDED_FOR');
  });

  it('CLB, TCP listener: proxy protocol v1 only when enabled, else the client IP is lost', () => {
    const plain = fromInternet(clb({ clbListener: 'TCP' }));
    expect(kinds(plain)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'CLB', 'NODE', 'POD']);
    expect(plain.clientIpVia).toBe('NONE');
    expect(plain.clientIpPreserved).toBe(false);
    const ppv1 = fromInternet(clb({ clbListener: 'TCP', proxyProtocol: 'V1' }));
    expect(ppv1.clientIpVia).toBe('PROXY_PROTOCOL_V1');
    expect(ppv1.clientIpPreserved).toBe(true);
    expect(ppv1.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
  });
});

describe('F6 health checks and drops', () => {
  it('Local with no endpoint on the node the LB picked: kube-proxy drops (the window before /healthz fails)', () => {
    const sut = fromInternet(nlb({ externalTrafficPolicy: 'LOCAL' }), { localEndpoint: false });
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'NODE']);
    expect(last(sut).action).toBe('DROP');
    expect(sut.dropReason?.code).toBe('LOCAL_NO_ENDPOINT');
    expect(assumptionCodes(sut)).toContain('LB_SENT_TO_NODE_WITHOUT_ENDPOINT');
  });

  it('a direct NodePort hit on a node without a local endpoint is dropped', () => {
    const open = variant(privateCluster, (design) => {
      design.securityGroups = [
        {
          name: 'node-sg',
          ingress: [
            { protocol: 'ALL', from: 'node-sg' },
            { protocol: 'TCP', ports: '30000-32767', from: '10.0.0.0/16' },
          ],
        },
      ];
      design.nodeGroups[0].securityGroups = ['node-sg'];
    });
    const deps = exposures({ checkout: { kind: 'NODE_PORT', serviceType: 'NodePort', externalTrafficPolicy: 'LOCAL' } });
    const dropped = trace(open, flow(vpcHost('10.0.1.50'), service('checkout', { localEndpoint: false }), 30443), deps);
    expect(kinds(dropped)).toEqual(['CLIENT', 'VPC', 'NODE']);
    expect(dropped.dropReason?.code).toBe('LOCAL_NO_ENDPOINT');
    const served = trace(open, flow(vpcHost('10.0.1.50'), service('checkout'), 30443), deps);
    expect(kinds(served)).toEqual(['CLIENT', 'VPC', 'NODE', 'POD']);
    expect(served.sourceIpSeenByDestination).toBe('CLIENT_IP');
    expect(hopOf(served, 'NODE').securityGroups).toContainEqual({
      name: 'node-sg',
      direction: 'INGRESS',
      allowed: true,
      rule: 'TCP 30000-32767 from 10.0.0.0/16',
    });
  });

  it('ip targets bypass kube-proxy, the NodePort, externalTrafficPolicy and healthCheckNodePort', () => {
    const sut = fromInternet(nlb({ targetType: 'IP', externalTrafficPolicy: 'LOCAL' }), { localEndpoint: false });
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'POD']);
    expect(sut.verdict).toBe('REACHABLE');
    expect(hopOf(sut, 'NLB').note).toContain('healthCheckNodePort');
  });

  it('hairpin: a pod → internal NLB with instance targets and client IP preservation times out on its own node', () => {
    const deps = exposures({ checkout: nlb({ scheme: 'INTERNAL' }) });
    const sut = trace(privateCluster, flow(pod('web'), service('checkout', { via: 'LOAD_BALANCER', lbPicksSourceNode: true }), 443), deps);
    expect(kinds(sut)).toEqual(['POD', 'NLB', 'NODE']);
    expect(sut.dropReason?.code).toBe('HAIRPIN');
    expect(hopOf(sut, 'NLB').packet.src).toBe(sut.hops[0].packet.src);
    const otherNode = trace(privateCluster, flow(pod('web'), service('checkout', { via: 'LOAD_BALANCER' }), 443), deps);
    expect(otherNode.verdict).toBe('REACHABLE');
    expect(assumptionCodes(otherNode)).toContain('HAIRPIN_IF_OWN_NODE');
  });

  it('PPv2 with instance targets and Local fails the health checks: no healthy target', () => {
    const sut = fromInternet(nlb({ externalTrafficPolicy: 'LOCAL', proxyProtocol: 'V2' }));
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB']);
    expect(sut.dropReason?.code).toBe('LB_UNHEALTHY');
  });

  it('a workload without replicas has no healthy target', () => {
    const empty = variant(privateCluster, (design) => {
      design.workloads![1].replicas = 0;
    });
    const sut = trace(empty, flow(internet(CLIENT), service('checkout'), 443), exposures({ checkout: nlb() }));
    expect(sut.dropReason?.code).toBe('LB_UNHEALTHY');
  });

  it('target security groups evaluated as written when the controller does not manage them', () => {
    const sut = fromInternet(nlb({ manageBackendSecurityGroupRules: false }));
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'NODE']);
    expect(sut.dropReason?.code).toBe('SG_INGRESS_DENIED');
    expect(last(sut).securityGroups).toEqual([{ name: 'eks-cluster-sg', direction: 'INGRESS', allowed: false }]);
  });

  it('an internal load balancer is not reachable from the internet', () => {
    const sut = fromInternet(nlb({ scheme: 'INTERNAL' }));
    expect(kinds(sut)).toEqual(['INTERNET']);
    expect(sut.dropReason?.code).toBe('NO_ROUTE');
  });

  it('a port without a listener is dropped at the load balancer', () => {
    const sut = fromInternet(nlb(), {}, 8080);
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB']);
    expect(sut.dropReason?.code).toBe('PORT_NOT_EXPOSED');
  });

  it('SG-for-pods strict pods are unsupported behind instance targets with Local, fine with Cluster', () => {
    const deps = (policy: 'LOCAL' | 'CLUSTER') => exposures({ payments: nlb({ externalTrafficPolicy: policy }) });
    const local = trace(sgForPodsCluster, flow(internet(CLIENT), service('payments'), 443), deps('LOCAL'));
    expect(kinds(local)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'NODE']);
    expect(local.dropReason?.code).toBe('POD_SG_LOCAL_UNSUPPORTED');
    const cluster = trace(sgForPodsCluster, flow(internet(CLIENT), service('payments'), 443), deps('CLUSTER'));
    expect(cluster.verdict).toBe('REACHABLE');
    // Strict mode: from the node the packet goes through the VPC to the branch ENI; payments-sg admits node-sg on 8443.
    expect(kinds(cluster)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'NODE', 'VPC', 'POD']);
    expect(last(cluster).securityGroups).toContainEqual({
      name: 'payments-sg',
      direction: 'INGRESS',
      allowed: true,
      rule: 'TCP 8443 from node-sg',
    });
  });
});

describe('F6 clients inside the VPC, peers and NodePort', () => {
  it('a VPC host reaches an internal NLB directly; a peer through its attachment', () => {
    const deps = exposures({ checkout: nlb({ scheme: 'INTERNAL' }) });
    expect(kinds(trace(privateCluster, flow(vpcHost('10.0.16.200'), service('checkout'), 443), deps))).toEqual([
      'CLIENT',
      'NLB',
      'NODE',
      'POD',
    ]);
    const fromHub = trace(privateCluster, flow(peer('hub', '10.2.3.4'), service('checkout'), 443), deps);
    expect(kinds(fromHub)).toEqual(['CLIENT', 'TRANSIT_GATEWAY', 'NLB', 'NODE', 'POD']);
  });

  it('a pod calling the internet-facing address leaves through NAT and comes back in through the IGW', () => {
    const sut = trace(
      privateCluster,
      flow(pod('reports'), service('checkout', { via: 'LOAD_BALANCER' }), 443),
      exposures({ checkout: nlb({ externalTrafficPolicy: 'LOCAL' }) }),
    );
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET_GATEWAY', 'NLB', 'NODE', 'POD']);
    expect(sut.sourceIpSeenByDestination).toBe('NAT_GATEWAY_EIP');
    expect(sut.clientIpPreserved).toBe(false);
  });

  it('Fargate pods are reachable through ip targets', () => {
    const sut = trace(privateCluster, flow(internet(CLIENT), service('thumbnails'), 80), exposures({ thumbnails: alb() }));
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'ALB', 'POD']);
    expect(sut.verdict).toBe('REACHABLE');
  });

  it('NodePort from the internet on public nodes: node security groups decide', () => {
    const deps = exposures({ app: { kind: 'NODE_PORT', serviceType: 'NodePort' } });
    const closed = trace(publicCluster, flow(internet(CLIENT), service('app'), 30443), deps);
    expect(kinds(closed)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NODE']);
    expect(closed.dropReason?.code).toBe('SG_INGRESS_DENIED');
    const open = variant(publicCluster, (design) => {
      design.securityGroups = [
        {
          name: 'np',
          ingress: [
            { protocol: 'ALL', from: 'np' },
            { protocol: 'TCP', ports: '30000-32767', from: '0.0.0.0/0' },
          ],
        },
      ];
      design.nodeGroups[0].securityGroups = ['np'];
    });
    const served = trace(open, flow(internet(CLIENT), service('app'), 30443), deps);
    expect(kinds(served)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NODE', 'POD']);
    expect(served.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
    expect(hopOf(served, 'NODE').packet.dstPort).toBe(8443);
  });

  it('a node calling a Service goes through its own kube-proxy', () => {
    const sut = trace(privateCluster, flow(node('batch'), service('checkout'), 443));
    expect(kinds(sut)).toEqual(['NODE', 'NODE', 'VPC', 'POD']);
    expect(sut.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
  });
});
