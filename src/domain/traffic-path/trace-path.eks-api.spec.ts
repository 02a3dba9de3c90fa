/**
 * Hop model F7 (kubectl / nodes / pods → EKS API server) of traffic-path.md §3, every table row.
 */
import { describe, expect, it } from 'vitest';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { privateCluster, publicCluster, variant } from '../../../test/fixtures/traffic-path/designs.scenario.js';
import {
  actions,
  assumptionCodes,
  eksApi,
  flow,
  internet,
  kinds,
  last,
  node,
  peer,
  pod,
  trace,
  vpcHost,
} from '../../../test/fixtures/traffic-path/trace-helpers.scenario.js';

const access = (design: DesignSpec, endpointAccess: DesignSpec['endpointAccess']) =>
  variant(design, (copy) => {
    copy.endpointAccess = endpointAccess;
  });

const publicOnlyPrivateNodes = access(privateCluster, { public: true, private: false });
const privateOnly = access(privateCluster, { public: false, private: true });

describe('F7 public endpoint only', () => {
  it('an internet client is admitted by the default publicAccessCidrs 0.0.0.0/0', () => {
    const sut = trace(publicCluster, flow(internet('198.18.0.7'), eksApi, 443));
    expect(kinds(sut)).toEqual(['INTERNET', 'EKS_API_PUBLIC_ENDPOINT']);
    expect(actions(sut)).toEqual(['FORWARD', 'DELIVER']);
    expect(sut.sourceIpSeenByDestination).toBe('CLIENT_IP');
    expect(last(sut).note).toContain('0.0.0.0/0');
  });

  it('an internet client outside publicAccessCidrs is dropped', () => {
    const restricted = access(publicCluster, { public: true, private: false, publicAccessCidrs: ['203.0.113.0/24'] });
    const sut = trace(restricted, flow(internet('198.18.0.7'), eksApi, 443));
    expect(kinds(sut)).toEqual(['INTERNET', 'EKS_API_PUBLIC_ENDPOINT']);
    expect(sut.dropReason?.code).toBe('API_CIDR_DENIED');
    expect(trace(restricted, flow(internet('203.0.113.77'), eksApi, 443)).verdict).toBe('REACHABLE');
  });

  it('endpointAccess unset means EKS defaults: public only, open to all', () => {
    const unset = access(publicCluster, undefined);
    const sut = trace(unset, flow(internet('198.18.0.7'), eksApi, 443));
    expect(sut.verdict).toBe('REACHABLE');
    expect(assumptionCodes(sut)).toContain('ENDPOINT_ACCESS_DEFAULT');
  });

  it('a node in a private subnet goes out through the NAT gateway and is seen as its EIP', () => {
    const sut = trace(publicOnlyPrivateNodes, flow(node('general'), eksApi, 443));
    expect(kinds(sut)).toEqual(['NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'EKS_API_PUBLIC_ENDPOINT']);
    expect(sut.sourceIpSeenByDestination).toBe('NAT_GATEWAY_EIP');
    expect(last(sut).note).toContain('not Amazon');
    expect(last(sut).note).toContain('VPC CNI');
  });

  it('... and is dropped when publicAccessCidrs leave out the NAT gateway EIP, until it is added', () => {
    const restricted = access(privateCluster, { public: true, private: false, publicAccessCidrs: ['198.18.0.0/24'] });
    const sut = trace(restricted, flow(node('general'), eksApi, 443));
    expect(kinds(sut)).toEqual(['NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'EKS_API_PUBLIC_ENDPOINT']);
    expect(sut.dropReason?.code).toBe('API_CIDR_DENIED');
    expect(sut.dropReason?.message).toContain('203.0.113.10/32');
    const withEip = access(privateCluster, { public: true, private: false, publicAccessCidrs: ['198.18.0.0/24', '54.1.2.3/32'] });
    const fixed = trace(withEip, { ...flow(node('general'), eksApi, 443), natGatewayEips: { 'nat-a': '54.1.2.3' } });
    expect(fixed.verdict).toBe('REACHABLE');
  });

  it('a drop at the public endpoint still says what it saw and names the address to allow (issue 17 item 5, [EKS-EP] L145, L153)', () => {
    // [TP §3] F7 row "public only | node in private subnet": the endpoint sees the NAT gateway EIP and refuses it when
    // publicAccessCidrs leave it out; the fix the user guide gives is to add that outbound address.
    const restricted = access(privateCluster, { public: true, private: false, publicAccessCidrs: ['198.18.0.0/24'] });
    const sut = trace(restricted, { ...flow(node('general'), eksApi, 443), natGatewayEips: { 'nat-a': '54.1.2.3' } });
    expect(sut.verdict).toBe('DROPPED');
    expect(sut.sourceIpSeenByDestination).toBe('NAT_GATEWAY_EIP');
    expect(last(sut).packet).toMatchObject({ src: '54.1.2.3', srcRole: 'NAT_GATEWAY_EIP' });
    expect(sut.dropReason?.message).toContain('add 54.1.2.3/32 to publicAccessCidrs');
    expect(sut.clientIpPreserved).toBe(false);
    const client = trace(
      access(publicCluster, { public: true, private: false, publicAccessCidrs: ['203.0.113.0/24'] }),
      flow(internet('198.18.0.7'), eksApi, 443),
    );
    expect(client).toMatchObject({ verdict: 'DROPPED', sourceIpSeenByDestination: 'CLIENT_IP' });
    expect(client.dropReason?.message).toContain('add 198.18.0.7/32 to publicAccessCidrs');
  });

  it('a drop before the destination reports no source seen: private-only endpoint, security group at the X-ENIs', () => {
    const privateOnlyClient = trace(privateOnly, flow(internet('198.18.0.7'), eksApi, 443));
    expect(privateOnlyClient).toMatchObject({ verdict: 'DROPPED', sourceIpSeenByDestination: null });
    const sgDenied = trace(privateOnly, flow(peer('hub', '10.2.9.9'), eksApi, 443));
    expect(sgDenied).toMatchObject({ verdict: 'DROPPED', sourceIpSeenByDestination: null });
  });

  it('a pod in a private subnet: node SNAT, NAT gateway, public endpoint', () => {
    const sut = trace(publicOnlyPrivateNodes, flow(pod('web'), eksApi, 443));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'EKS_API_PUBLIC_ENDPOINT']);
    expect(sut.sourceIpSeenByDestination).toBe('NAT_GATEWAY_EIP');
  });

  it('a node in a public subnet uses its own public IP', () => {
    const sut = trace(publicCluster, flow(node('default'), eksApi, 443));
    expect(kinds(sut)).toEqual(['NODE', 'INTERNET_GATEWAY', 'EKS_API_PUBLIC_ENDPOINT']);
    expect(sut.sourceIpSeenByDestination).toBe('NODE_PUBLIC_IP');
  });

  it('the API server only listens on TCP 443', () => {
    expect(trace(publicCluster, flow(internet('198.18.0.7'), eksApi, 6443)).dropReason?.code).toBe('PORT_NOT_EXPOSED');
  });
});

describe('F7 public and private endpoints', () => {
  it('nodes and pods in the VPC use the private endpoint; publicAccessCidrs do not apply', () => {
    const restricted = access(privateCluster, { public: true, private: true, publicAccessCidrs: ['198.18.0.0/24'] });
    const fromNode = trace(restricted, flow(node('general'), eksApi, 443));
    expect(kinds(fromNode)).toEqual(['NODE', 'EKS_API_PRIVATE_ENDPOINT']);
    expect(fromNode.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
    expect(last(fromNode).securityGroups).toEqual([
      { name: 'eks-cluster-sg', direction: 'INGRESS', allowed: true, rule: 'ALL all ports from eks-cluster-sg' },
    ]);
    expect(last(fromNode).note).toContain('publicAccessCidrs do not apply');
    const fromPod = trace(restricted, flow(pod('web'), eksApi, 443));
    expect(kinds(fromPod)).toEqual(['POD', 'EKS_API_PRIVATE_ENDPOINT']);
    expect(fromPod.sourceIpSeenByDestination).toBe('POD_IP');
    expect(assumptionCodes(fromPod)).toContain('VPC_DNS_ENABLED');
  });

  it('an internet client still uses the public endpoint, subject to publicAccessCidrs', () => {
    const restricted = access(privateCluster, { public: true, private: true, publicAccessCidrs: ['198.18.0.0/24'] });
    expect(kinds(trace(restricted, flow(internet('198.18.0.7'), eksApi, 443)))).toEqual(['INTERNET', 'EKS_API_PUBLIC_ENDPOINT']);
    expect(trace(restricted, flow(internet('8.8.8.8'), eksApi, 443)).dropReason?.code).toBe('API_CIDR_DENIED');
  });

  it('a node whose security groups leave out the cluster security group is denied', () => {
    const customSg = variant(privateCluster, (design) => {
      design.securityGroups = [{ name: 'node-sg', ingress: [{ protocol: 'ALL', from: 'node-sg' }] }];
      design.nodeGroups[0].securityGroups = ['node-sg'];
    });
    const sut = trace(customSg, flow(node('general'), eksApi, 443));
    expect(sut.dropReason?.code).toBe('API_SG_DENIED');
  });
});

describe('F7 private endpoint only', () => {
  it('an internet client has no way in', () => {
    const sut = trace(privateOnly, flow(internet('198.18.0.7'), eksApi, 443));
    expect(kinds(sut)).toEqual(['INTERNET']);
    expect(actions(sut)).toEqual(['DROP']);
    expect(sut.dropReason?.code).toBe('API_PRIVATE_ONLY');
  });

  it('a connected network needs a 443 rule in the cluster security group', () => {
    const denied = trace(privateOnly, flow(peer('hub', '10.2.9.9'), eksApi, 443));
    expect(kinds(denied)).toEqual(['CLIENT', 'TRANSIT_GATEWAY', 'EKS_API_PRIVATE_ENDPOINT']);
    expect(denied.dropReason?.code).toBe('API_SG_DENIED');
    const withRule = variant(privateOnly, (design) => {
      design.clusterSecurityGroup = 'cluster-sg';
      design.securityGroups = [
        {
          name: 'cluster-sg',
          ingress: [
            { protocol: 'ALL', from: 'cluster-sg' },
            { protocol: 'TCP', ports: '443', from: '10.2.0.0/16' },
          ],
        },
      ];
    });
    const allowed = trace(withRule, flow(peer('hub', '10.2.9.9'), eksApi, 443));
    expect(allowed.verdict).toBe('REACHABLE');
    expect(allowed.sourceIpSeenByDestination).toBe('CLIENT_IP');
    expect(last(allowed).securityGroups).toEqual([
      { name: 'cluster-sg', direction: 'INGRESS', allowed: true, rule: 'TCP 443 from 10.2.0.0/16' },
    ]);
    const vpn = trace(withRule, flow(peer('onprem', '192.168.1.1'), eksApi, 443));
    expect(kinds(vpn)).toEqual(['CLIENT', 'VPN_GATEWAY', 'EKS_API_PRIVATE_ENDPOINT']);
    expect(vpn.dropReason?.code).toBe('API_SG_DENIED');
  });

  it('a bastion host in the VPC also needs the rule', () => {
    const sut = trace(privateOnly, flow(vpcHost('10.0.0.20'), eksApi, 443));
    expect(kinds(sut)).toEqual(['CLIENT', 'EKS_API_PRIVATE_ENDPOINT']);
    expect(sut.dropReason?.code).toBe('API_SG_DENIED');
  });
});
