/**
 * Hop models F1, F2, F2b and F3 of traffic-path.md §3.
 */
import { describe, expect, it } from 'vitest';
import {
  customNetworkingCluster,
  privateCluster,
  sgForPodsCluster,
  variant,
} from '../../../test/fixtures/traffic-path/designs.scenario.js';
import {
  actions,
  assumptionCodes,
  exposures,
  flow,
  hopOf,
  kinds,
  last,
  peer,
  pod,
  service,
  trace,
  vpcHost,
} from '../../../test/fixtures/traffic-path/trace-helpers.scenario.js';

describe('F1 pod → pod on the same node', () => {
  it('is delivered by host routes: no SNAT, no security groups', () => {
    const sut = trace(privateCluster, flow(pod('web'), pod('checkout', { sameNode: true }), 8443));
    expect(kinds(sut)).toEqual(['POD', 'POD']);
    expect(actions(sut)).toEqual(['FORWARD', 'DELIVER']);
    expect(sut.verdict).toBe('REACHABLE');
    expect(sut.sourceIpSeenByDestination).toBe('POD_IP');
    expect(sut.clientIpPreserved).toBe(true);
    expect(sut.clientIpVia).toBe('L3_SOURCE');
    expect(sut.hops.flatMap((hop) => hop.securityGroups)).toEqual([]);
    expect(last(sut).note).toContain('no ENI crossed');
  });

  it('SG-for-pods strict sends same-node traffic through the VPC and evaluates both branch-ENI pods', () => {
    const strictBoth = variant(sgForPodsCluster, (design) => {
      design.workloads![1].securityGroups = ['payments-sg'];
    });
    const sut = trace(strictBoth, flow(pod('payments'), pod('ledger', { sameNode: true }), 8443));
    expect(kinds(sut)).toEqual(['POD', 'VPC', 'POD']);
    expect(sut.hops[0].securityGroups).toEqual([expect.objectContaining({ name: 'payments-sg', direction: 'EGRESS', allowed: true })]);
    // payments-sg only admits 8443 from node-sg and the public subnet, not from itself.
    expect(sut.verdict).toBe('DROPPED');
    expect(sut.dropReason?.code).toBe('SG_INGRESS_DENIED');
    expect(last(sut).securityGroups).toEqual([{ name: 'payments-sg', direction: 'INGRESS', allowed: false }]);
  });

  it('SG-for-pods strict: a destination on the node ENI is checked against the node security groups', () => {
    const sut = trace(sgForPodsCluster, flow(pod('payments'), pod('ledger', { sameNode: true }), 8080));
    expect(kinds(sut)).toEqual(['POD', 'VPC', 'POD']);
    expect(sut.dropReason?.code).toBe('SG_INGRESS_DENIED');
    const fixed = variant(sgForPodsCluster, (design) => {
      design.securityGroups![0].ingress.push({ protocol: 'TCP', ports: '8080', from: 'payments-sg' });
    });
    const sutFixed = trace(fixed, flow(pod('payments'), pod('ledger', { sameNode: true }), 8080));
    expect(sutFixed.verdict).toBe('REACHABLE');
    expect(last(sutFixed).securityGroups).toContainEqual({
      name: 'node-sg',
      direction: 'INGRESS',
      allowed: true,
      rule: 'TCP 8080 from payments-sg',
    });
  });

  it('SG-for-pods standard mode does not enforce same-host traffic', () => {
    const standard = variant(sgForPodsCluster, (design) => {
      design.cni!.podSecurityGroupEnforcingMode = 'STANDARD';
    });
    const sut = trace(standard, flow(pod('payments'), pod('ledger', { sameNode: true }), 8080));
    expect(kinds(sut)).toEqual(['POD', 'POD']);
    expect(sut.verdict).toBe('REACHABLE');
  });
});

describe('F2 pod → pod on another node', () => {
  it('crosses the VPC local route; egress SG of the source ENI, ingress SG of the destination ENI', () => {
    const sut = trace(privateCluster, flow(pod('web'), pod('checkout'), 8443));
    expect(kinds(sut)).toEqual(['POD', 'VPC', 'POD']);
    expect(sut.sourceIpSeenByDestination).toBe('POD_IP');
    expect(sut.hops[0].packet.src).toBe(last(sut).packet.src);
    expect(sut.hops[0].securityGroups[0]).toMatchObject({ name: 'eks-cluster-sg', direction: 'EGRESS', allowed: true });
    expect(last(sut).securityGroups).toEqual([
      { name: 'eks-cluster-sg', direction: 'INGRESS', allowed: true, rule: 'ALL all ports from eks-cluster-sg' },
    ]);
    expect(assumptionCodes(sut)).toEqual(
      expect.arrayContaining(['EKS_DEFAULT_NODE_SECURITY_GROUPS', 'NACL_DEFAULT_ALLOW', 'NODE_PLACEMENT']),
    );
  });

  it('defaults to the same AZ and crosses AZs when asked', () => {
    const sameAz = trace(privateCluster, flow(pod('web'), pod('checkout'), 8443));
    expect(hopOf(sameAz, 'VPC').name).toBe('vpc us-east-1a');
    const otherAz = trace(privateCluster, flow(pod('web'), pod('checkout', { sameAz: false }), 8443));
    expect(kinds(otherAz)).toEqual(['POD', 'VPC', 'POD']);
    expect(hopOf(otherAz, 'VPC').name).toBe('vpc us-east-1a → us-east-1b');
    expect(hopOf(otherAz, 'VPC').note).toContain('inter-AZ');
    expect(last(otherAz).packet.dst.startsWith('10.0.')).toBe(true);
    expect(last(otherAz).packet.dst).not.toBe(last(sameAz).packet.dst);
  });

  it('drops when the destination ENI security group has no matching rule', () => {
    const locked = variant(privateCluster, (design) => {
      design.securityGroups = [{ name: 'node-sg', ingress: [{ protocol: 'TCP', ports: '443', from: '10.0.0.0/16' }] }];
      design.nodeGroups[0].securityGroups = ['node-sg'];
    });
    const sut = trace(locked, flow(pod('web'), pod('checkout'), 8443));
    expect(kinds(sut)).toEqual(['POD', 'VPC', 'POD']);
    expect(actions(sut)).toEqual(['FORWARD', 'FORWARD', 'DROP']);
    expect(sut.dropReason?.code).toBe('SG_INGRESS_DENIED');
    expect(sut.dropReason?.message).toContain('TCP 8443');
    expect(sut.sourceIpSeenByDestination).toBeNull();
    expect(trace(locked, flow(pod('web'), pod('checkout'), 443)).verdict).toBe('REACHABLE');
  });

  it('custom networking: pods use the ENIConfig subnet and security groups, no SNAT inside the VPC', () => {
    const sut = trace(customNetworkingCluster, flow(pod('frontend'), pod('backend', { sameAz: false }), 8080));
    expect(kinds(sut)).toEqual(['POD', 'VPC', 'POD']);
    expect(sut.hops[0].packet.src.startsWith('100.64.')).toBe(true);
    expect(last(sut).packet.dst.startsWith('100.64.')).toBe(true);
    expect(last(sut).securityGroups).toEqual([
      { name: 'pods-sg', direction: 'INGRESS', allowed: true, rule: 'ALL all ports from pods-sg' },
    ]);
    expect(sut.sourceIpSeenByDestination).toBe('POD_IP');
  });
});

describe('F2b pod → ClusterIP', () => {
  it('kube-proxy on the client node DNATs, the source stays the pod IP (endpoint on the same node)', () => {
    const sut = trace(privateCluster, flow(pod('web'), service('checkout'), 443));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'POD']);
    expect(actions(sut)).toEqual(['FORWARD', 'DNAT', 'DELIVER']);
    expect(sut.hops[0].packet.dstRole).toBe('CLUSTER_IP');
    expect(sut.hops[0].packet.dst).toBe('172.20.0.101');
    expect(sut.hops[1].packet).toMatchObject({ dstRole: 'POD_IP', dstPort: 8443 });
    expect(sut.sourceIpSeenByDestination).toBe('POD_IP');
    expect(assumptionCodes(sut)).toEqual(expect.arrayContaining(['KUBE_PROXY_ENDPOINT_CHOICE', 'SERVICE_CIDR_DEFAULT']));
  });

  it('then crosses the VPC when the chosen endpoint is on another node (F2)', () => {
    const sut = trace(privateCluster, flow(pod('web'), service('checkout', { localEndpoint: false }), 443));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'VPC', 'POD']);
    expect(sut.sourceIpSeenByDestination).toBe('POD_IP');
    const fromOtherGroup = trace(privateCluster, flow(pod('reports'), service('checkout'), 443));
    expect(kinds(fromOtherGroup)).toEqual(['POD', 'NODE', 'VPC', 'POD']);
  });

  it('internalTrafficPolicy Local with no node-local endpoint is dropped by kube-proxy', () => {
    const deps = exposures({ checkout: { internalTrafficPolicy: 'LOCAL' } });
    const sut = trace(privateCluster, flow(pod('web'), service('checkout', { localEndpoint: false }), 443), deps);
    expect(kinds(sut)).toEqual(['POD', 'NODE']);
    expect(last(sut).action).toBe('DROP');
    expect(sut.dropReason?.code).toBe('LOCAL_NO_ENDPOINT');
    expect(trace(privateCluster, flow(pod('web'), service('checkout'), 443), deps).verdict).toBe('REACHABLE');
  });

  it('uses serviceIpv4Cidr when set, and drops a port the Service does not expose', () => {
    const withCidr = variant(privateCluster, (design) => {
      design.serviceIpv4Cidr = '10.100.0.0/16';
    });
    expect(trace(withCidr, flow(pod('web'), service('checkout'), 443)).hops[0].packet.dst).toBe('10.100.0.101');
    const wrongPort = trace(privateCluster, flow(pod('web'), service('checkout'), 80));
    expect(wrongPort.dropReason?.code).toBe('PORT_NOT_EXPOSED');
    expect(kinds(wrongPort)).toEqual(['POD', 'NODE']);
  });

  it('a Service without replicas has no endpoints', () => {
    const empty = variant(privateCluster, (design) => {
      design.workloads![1].replicas = 0;
    });
    expect(trace(empty, flow(pod('web'), service('checkout'), 443)).dropReason?.code).toBe('NO_ENDPOINTS');
  });

  it('ClusterIPs are not routable from outside the cluster', () => {
    const sut = trace(privateCluster, flow(vpcHost('10.0.16.200'), service('checkout', { via: 'CLUSTER_IP' }), 443));
    expect(kinds(sut)).toEqual(['CLIENT']);
    expect(sut.dropReason?.code).toBe('NO_ROUTE');
  });
});

describe('F3 pod → other VPC / on-premises', () => {
  it('default SNAT: pod → node(SNAT) → vpc-peering → client, seen as the node primary IP', () => {
    const sut = trace(privateCluster, flow(pod('web'), peer('shared-services', '10.1.5.20'), 5432));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'VPC_PEERING', 'CLIENT']);
    expect(actions(sut)).toEqual(['FORWARD', 'SNAT', 'FORWARD', 'DELIVER']);
    expect(sut.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
    expect(last(sut).packet.src).toBe('10.0.16.4');
    expect(sut.clientIpVia).toBe('NONE');
    expect(assumptionCodes(sut)).toContain('PEER_ROUTES_PRESENT');
  });

  it('transit gateway, VPN and Direct Connect', () => {
    expect(kinds(trace(privateCluster, flow(pod('web'), peer('hub', '10.2.0.9'), 443)))).toEqual([
      'POD',
      'NODE',
      'TRANSIT_GATEWAY',
      'CLIENT',
    ]);
    const vpn = trace(privateCluster, flow(pod('web'), peer('onprem', '192.168.10.10'), 443));
    expect(kinds(vpn)).toEqual(['POD', 'NODE', 'VPN_GATEWAY', 'CLIENT']);
    expect(assumptionCodes(vpn)).toContain('PEER_ATTACHMENT_VGW');
    const dx = trace(privateCluster, flow(pod('web'), peer('datacenter', '172.20.1.1'), 443));
    expect(kinds(dx)).toEqual(['POD', 'NODE', 'VPN_GATEWAY', 'CLIENT']);
    expect(dx.hops[2].name).toBe('datacenter (DIRECT_CONNECT)');
  });

  it('EXTERNALSNAT=true: no node hop, the peer sees the pod IP', () => {
    const externalSnat = variant(privateCluster, (design) => {
      design.cni = { externalSnat: true };
    });
    const sut = trace(externalSnat, flow(pod('web'), peer('shared-services', '10.1.5.20'), 5432));
    expect(kinds(sut)).toEqual(['POD', 'VPC_PEERING', 'CLIENT']);
    expect(sut.sourceIpSeenByDestination).toBe('POD_IP');
    expect(sut.clientIpVia).toBe('L3_SOURCE');
  });

  it('EXCLUDE_SNAT_CIDRS exempts only the listed networks', () => {
    const excluded = variant(privateCluster, (design) => {
      design.cni = { excludeSnatCidrs: ['10.2.0.0/16'] };
    });
    const hub = trace(excluded, flow(pod('web'), peer('hub', '10.2.0.9'), 443));
    expect(kinds(hub)).toEqual(['POD', 'TRANSIT_GATEWAY', 'CLIENT']);
    expect(hub.sourceIpSeenByDestination).toBe('POD_IP');
    const peering = trace(excluded, flow(pod('web'), peer('shared-services', '10.1.0.9'), 443));
    expect(peering.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
  });

  it('peer-initiated connections to a pod fail before CNI 1.8.0 unless SNAT is exempted, and work since', () => {
    const openToPeer = variant(privateCluster, (design) => {
      design.securityGroups = [
        {
          name: 'node-sg',
          ingress: [
            { protocol: 'ALL', from: 'node-sg' },
            { protocol: 'TCP', ports: '8080', from: '10.1.0.0/16' },
          ],
        },
      ];
      design.nodeGroups[0].securityGroups = ['node-sg'];
    });
    const oldCni = variant(openToPeer, (design) => {
      design.cni = { version: '1.7.10' };
    });
    const broken = trace(oldCni, flow(peer('shared-services', '10.1.5.20'), pod('web'), 8080));
    expect(kinds(broken)).toEqual(['CLIENT', 'VPC_PEERING', 'POD']);
    expect(broken.dropReason?.code).toBe('ASYMMETRIC_RETURN_PATH');
    expect(assumptionCodes(broken)).toContain('CLIENT_IP_ON_SECONDARY_ENI');
    const exempted = variant(oldCni, (design) => {
      design.cni!.excludeSnatCidrs = ['10.1.0.0/16'];
    });
    const ok = trace(exempted, flow(peer('shared-services', '10.1.5.20'), pod('web'), 8080));
    expect(ok.verdict).toBe('REACHABLE');
    expect(ok.sourceIpSeenByDestination).toBe('CLIENT_IP');
    const current = trace(openToPeer, flow(peer('shared-services', '10.1.5.20'), pod('web'), 8080));
    expect(current.verdict).toBe('REACHABLE');
    expect(last(current).note).toContain('CNI ≥ 1.8.0');
  });

  it('the destination ENI must admit the peer (the default cluster security group admits only its members)', () => {
    expect(trace(privateCluster, flow(peer('hub', '10.2.0.9'), pod('web'), 8080)).dropReason?.code).toBe('SG_INGRESS_DENIED');
    const locked = variant(privateCluster, (design) => {
      design.securityGroups = [{ name: 'node-sg', ingress: [{ protocol: 'ALL', from: 'node-sg' }] }];
      design.nodeGroups[0].securityGroups = ['node-sg'];
    });
    const sut = trace(locked, flow(peer('hub', '10.2.0.9'), pod('web'), 8080));
    expect(kinds(sut)).toEqual(['CLIENT', 'TRANSIT_GATEWAY', 'POD']);
    expect(sut.dropReason?.code).toBe('SG_INGRESS_DENIED');
  });

  it('pod → VPC host stays untranslated', () => {
    const sut = trace(privateCluster, flow(pod('web'), vpcHost('10.0.1.50'), 5432));
    expect(kinds(sut)).toEqual(['POD', 'VPC', 'CLIENT']);
    expect(sut.sourceIpSeenByDestination).toBe('POD_IP');
    expect(hopOf(sut, 'VPC').name).toBe('vpc us-east-1a → us-east-1b');
  });
});
