/**
 * Hop models F4 (IPv4 pod → internet, every table row) and F5 (IPv6) of traffic-path.md §3,
 * plus node egress and SG-for-pods egress security groups.
 */
import { describe, expect, it } from 'vitest';
import {
  customNetworkingCluster,
  ipv6Cluster,
  privateCluster,
  publicCluster,
  sgForPodsCluster,
  variant,
} from '../../../test/fixtures/traffic-path/designs.scenario.js';
import {
  actions,
  assumptionCodes,
  flow,
  hopOf,
  internet,
  kinds,
  last,
  node,
  pod,
  trace,
} from '../../../test/fixtures/traffic-path/trace-helpers.scenario.js';

const externalSnat = <T extends typeof privateCluster>(design: T): T =>
  variant(design, (copy) => {
    copy.cni = { ...copy.cni, externalSnat: true };
  }) as T;

describe('F4 pod → internet (IPv4)', () => {
  it('public subnet, EXTERNALSNAT=false: node SNAT, then the IGW maps the node to its public IP', () => {
    const sut = trace(publicCluster, flow(pod('app'), internet(), 443));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(actions(sut)).toEqual(['FORWARD', 'SNAT', 'SNAT', 'DELIVER']);
    expect(sut.sourceIpSeenByDestination).toBe('NODE_PUBLIC_IP');
    expect(hopOf(sut, 'NODE').packet.src).toBe('172.31.0.4');
    expect(last(sut).packet.src).toBe('198.51.100.10');
    expect(sut.clientIpPreserved).toBe(false);
    expect(assumptionCodes(sut)).toEqual(expect.arrayContaining(['NODE_HAS_PUBLIC_IP', 'ADDRESS_PLACEHOLDERS', 'RANDOMIZED_SNAT_PORTS']));
  });

  it('public subnet, EXTERNALSNAT=true: the pod address has no public mapping at the IGW', () => {
    const sut = trace(externalSnat(publicCluster), flow(pod('app'), internet(), 443));
    expect(kinds(sut)).toEqual(['POD', 'INTERNET_GATEWAY']);
    expect(actions(sut)).toEqual(['FORWARD', 'DROP']);
    expect(sut.dropReason?.code).toBe('NO_PUBLIC_IP');
    expect(sut.sourceIpSeenByDestination).toBeNull();
  });

  it('public subnet, SG-for-pods strict: same drop ("not able to access the internet")', () => {
    const sut = trace(sgForPodsCluster, flow(pod('edge-payments'), internet(), 443));
    expect(kinds(sut)).toEqual(['POD', 'INTERNET_GATEWAY']);
    expect(sut.dropReason?.code).toBe('NO_PUBLIC_IP');
    expect(sut.hops[0].securityGroups[0]).toMatchObject({ name: 'payments-sg', direction: 'EGRESS' });
  });

  it('private subnet, EXTERNALSNAT=false: pod → node(SNAT) → NAT gateway → IGW → internet, seen as the NAT EIP', () => {
    const sut = trace(privateCluster, flow(pod('web'), internet(), 443));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(actions(sut)).toEqual(['FORWARD', 'SNAT', 'SNAT', 'FORWARD', 'DELIVER']);
    expect(sut.sourceIpSeenByDestination).toBe('NAT_GATEWAY_EIP');
    expect(hopOf(sut, 'NAT_GATEWAY').name).toBe('nat-a');
    expect(last(sut).packet.src).toBe('203.0.113.10');
    expect(sut.verdict).toBe('REACHABLE');
  });

  it('private subnet, EXTERNALSNAT=true: no node hop; the NAT gateway translates the pod IP', () => {
    const sut = trace(externalSnat(privateCluster), flow(pod('web'), internet(), 443));
    expect(kinds(sut)).toEqual(['POD', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(sut.sourceIpSeenByDestination).toBe('NAT_GATEWAY_EIP');
    expect(hopOf(sut, 'NAT_GATEWAY').packet.src).toBe('203.0.113.10');
  });

  it('private subnet without a NAT route drops at the pod, whatever EXTERNALSNAT says', () => {
    for (const design of [privateCluster, externalSnat(privateCluster)]) {
      const sut = trace(design, flow(pod('scraper'), internet(), 443));
      expect(kinds(sut)).toEqual(['POD']);
      expect(actions(sut)).toEqual(['DROP']);
      expect(sut.dropReason?.code).toBe('NO_ROUTE');
    }
  });

  it('a NAT gateway in a private subnet has no way out', () => {
    const broken = variant(privateCluster, (design) => {
      design.natGateways![0].subnet = 'private-b';
    });
    const sut = trace(broken, flow(pod('web'), internet(), 443));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'NAT_GATEWAY']);
    expect(sut.dropReason?.code).toBe('NO_ROUTE');
  });

  it('uses a NAT gateway Elastic IP given with the flow', () => {
    const sut = trace(privateCluster, { ...flow(pod('web'), internet(), 443), natGatewayEips: { 'nat-a': '54.1.2.3' } });
    expect(last(sut).packet.src).toBe('54.1.2.3');
    expect(sut.assumptions.some((assumption) => assumption.message.includes('nat-a'))).toBe(false);
  });

  it('custom networking: the pod IP comes from 100.64.0.0/16 and off-VPC SNAT still yields the node primary IP', () => {
    const sut = trace(customNetworkingCluster, flow(pod('frontend'), internet(), 443));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(sut.hops[0].packet.src.startsWith('100.64.')).toBe(true);
    expect(hopOf(sut, 'NODE').packet).toMatchObject({ src: '10.0.16.4', srcRole: 'NODE_PRIMARY_IP' });
    expect(hopOf(sut, 'NODE').note).toContain('custom networking');
    // SNAT routes through the primary ENI, so the node security groups apply on the way out.
    expect(sut.hops[0].securityGroups[0]).toMatchObject({ name: 'node-sg', direction: 'EGRESS' });
    const noSnat = trace(externalSnat(customNetworkingCluster), flow(pod('frontend'), internet(), 443));
    expect(kinds(noSnat)).toEqual(['POD', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(noSnat.hops[0].securityGroups[0]).toMatchObject({ name: 'pods-sg', direction: 'EGRESS' });
  });

  it('SG-for-pods: strict leaves through the branch ENI (pod SG); standard SNATs via eth0 (node SG) unless EXTERNALSNAT', () => {
    const strict = trace(sgForPodsCluster, flow(pod('payments'), internet(), 443));
    expect(kinds(strict)).toEqual(['POD', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(strict.hops[0].securityGroups.map((group) => group.name)).toEqual(['payments-sg']);

    const standard = variant(sgForPodsCluster, (design) => {
      design.cni!.podSecurityGroupEnforcingMode = 'STANDARD';
    });
    const viaEth0 = trace(standard, flow(pod('payments'), internet(), 443));
    expect(kinds(viaEth0)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(viaEth0.hops[0].securityGroups.map((group) => group.name)).toEqual(['node-sg']);
    expect(hopOf(viaEth0, 'NODE').note).toContain('eth0');

    const standardExternal = trace(externalSnat(standard), flow(pod('payments'), internet(), 443));
    expect(kinds(standardExternal)).toEqual(['POD', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(standardExternal.hops[0].securityGroups.map((group) => group.name)).toEqual(['payments-sg']);
  });

  it('Fargate pods egress with their own ENI address through the NAT gateway', () => {
    const sut = trace(privateCluster, flow(pod('thumbnails'), internet(), 443));
    expect(kinds(sut)).toEqual(['POD', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(assumptionCodes(sut)).toContain('FARGATE_POD_OWN_ENI');
  });

  it('nodes egress without CNI SNAT: private via NAT, public via their own public IP', () => {
    expect(kinds(trace(privateCluster, flow(node('general'), internet(), 443)))).toEqual([
      'NODE',
      'NAT_GATEWAY',
      'INTERNET_GATEWAY',
      'INTERNET',
    ]);
    const publicNode = trace(publicCluster, flow(node('default'), internet(), 443));
    expect(kinds(publicNode)).toEqual(['NODE', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(publicNode.sourceIpSeenByDestination).toBe('NODE_PUBLIC_IP');
  });

  it('a hostNetwork pod is the node itself and is never translated by the CNI', () => {
    const sut = trace(privateCluster, flow(pod('node-exporter'), internet(), 443));
    expect(kinds(sut)).toEqual(['NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(sut.hops[0].packet.srcRole).toBe('NODE_PRIMARY_IP');
    expect(sut.hops[0].name).toContain('hostNetwork');
  });
});

describe('F5 IPv6 pod → internet', () => {
  const v6Host = internet('2606:4700:4700::1111');

  it('leaves untranslated through the egress-only IGW from a private subnet', () => {
    const sut = trace(ipv6Cluster, flow(pod('client'), v6Host, 443));
    expect(kinds(sut)).toEqual(['POD', 'EGRESS_ONLY_INTERNET_GATEWAY', 'INTERNET']);
    expect(sut.sourceIpSeenByDestination).toBe('POD_IPV6');
    expect(sut.clientIpVia).toBe('L3_SOURCE');
    expect(sut.hops[0].packet.src.startsWith('2600:1f14:abc:de10:')).toBe(true);
    expect(assumptionCodes(sut)).toContain('EGRESS_ONLY_IGW_FOR_PRIVATE_IPV6');
  });

  it('uses the internet gateway when the subnet routes ::/0 to it', () => {
    const publicV6 = variant(ipv6Cluster, (design) => {
      design.nodeGroups[0].subnets = ['public-a'];
    });
    const sut = trace(publicV6, flow(pod('client'), v6Host, 443));
    expect(kinds(sut)).toEqual(['POD', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(sut.sourceIpSeenByDestination).toBe('POD_IPV6');
  });

  it('internet-initiated IPv6 is dropped at the egress-only IGW', () => {
    const sut = trace(ipv6Cluster, flow(v6Host, pod('client'), 8443));
    expect(kinds(sut)).toEqual(['INTERNET', 'EGRESS_ONLY_INTERNET_GATEWAY']);
    expect(sut.dropReason?.code).toBe('EIGW_INBOUND');
  });

  it('IPv4 egress leaves from 169.254.172.0/22, SNATed to the node IPv4, then the NAT gateway', () => {
    const sut = trace(ipv6Cluster, flow(pod('client'), internet(), 443));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(sut.hops[0].packet).toMatchObject({ src: '169.254.172.11', srcRole: 'POD_HOST_LOCAL_IPV4' });
    expect(hopOf(sut, 'NODE').packet.srcRole).toBe('NODE_PRIMARY_IP');
    expect(sut.sourceIpSeenByDestination).toBe('NAT_GATEWAY_EIP');
    expect(assumptionCodes(sut)).toContain('V4_EGRESS_ENABLED');
  });

  it('pods of an IPv4 cluster have no IPv6 address', () => {
    const sut = trace(privateCluster, flow(pod('web'), v6Host, 443));
    expect(kinds(sut)).toEqual(['POD']);
    expect(sut.dropReason?.code).toBe('NO_ROUTE');
  });
});

describe('internet → pod / node directly', () => {
  it('a pod IPv4 address is private: nothing routes to it from the internet', () => {
    const sut = trace(publicCluster, flow(internet(), pod('app'), 8443));
    expect(kinds(sut)).toEqual(['INTERNET']);
    expect(sut.dropReason?.code).toBe('NO_ROUTE');
  });

  it('a node in a public subnet is reached through the IGW, subject to its security groups', () => {
    const sut = trace(publicCluster, flow(internet(), node('default'), 22));
    expect(kinds(sut)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NODE']);
    expect(sut.hops[0].packet.dstRole).toBe('NODE_PUBLIC_IP');
    expect(hopOf(sut, 'INTERNET_GATEWAY').action).toBe('DNAT');
    expect(sut.dropReason?.code).toBe('SG_INGRESS_DENIED');
    const open = variant(publicCluster, (design) => {
      design.securityGroups = [{ name: 'ssh', ingress: [{ protocol: 'TCP', ports: '22', from: '0.0.0.0/0' }] }];
      design.nodeGroups[0].securityGroups = ['ssh'];
    });
    const opened = trace(open, flow(internet(), node('default'), 22));
    expect(opened.verdict).toBe('REACHABLE');
    expect(opened.sourceIpSeenByDestination).toBe('CLIENT_IP');
  });

  it('a node in a private subnet has no public address', () => {
    expect(trace(privateCluster, flow(internet(), node('general'), 22)).dropReason?.code).toBe('NO_ROUTE');
  });
});
