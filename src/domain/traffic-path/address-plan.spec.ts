import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContainsAddress, parseCidr } from '../network/cidr.js';
import { AddressPlan, hostAddress } from './address-plan.js';
import { DesignLookup } from './design-lookup.js';
import {
  customNetworkingCluster,
  ipv6Cluster,
  privateCluster,
  sgForPodsCluster,
} from '../../../test/fixtures/traffic-path/designs.scenario.js';
import {
  exposures,
  flow,
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
import { tracePath } from './trace-path.engine.js';
import type { Endpoint } from './trace-path.types.js';

function planFor(design = privateCluster) {
  const assumed: string[] = [];
  const sut = new AddressPlan(new DesignLookup(design), (code) => assumed.push(code));
  return { sut, assumed };
}

describe('AddressPlan', () => {
  it('places node k of group g in subnets[k % n] at subnet + 4 + 10·g + ⌊k/n⌋', () => {
    const { sut } = planFor();
    expect(sut.node('general', 0, 'x')).toMatchObject({ name: 'general-node-0', az: 'us-east-1a', primaryIp: '10.0.16.4' });
    expect(sut.node('general', 1, 'x')).toMatchObject({ name: 'general-node-1', az: 'us-east-1b', primaryIp: '10.0.32.4' });
    expect(sut.node('general', 2, 'x').primaryIp).toBe('10.0.16.5');
    expect(sut.node('batch', 0, 'x').primaryIp).toBe('10.0.32.14');
  });

  it('gives pods addresses from the upper half of their subnet, or the ENIConfig subnet', () => {
    const { sut } = planFor();
    const subnet = new DesignLookup(privateCluster).subnet('private-a', 'x');
    expect(sut.podIpv4(subnet, 0, 0)).toBe('10.0.24.10');
    expect(sut.podIpv4(subnet, 1, 1)).toBe('10.0.24.21');
    const custom = trace(customNetworkingCluster, flow(pod('frontend'), pod('backend'), 80));
    expect(custom.hops[0].packet.src).toBe('100.64.16.10');
  });

  it('takes IPv6 pod addresses from the node /80 prefix', () => {
    const { sut } = planFor(ipv6Cluster);
    const nodeA = sut.node('general', 0, 'x');
    expect(nodeA.ipv6).toBe('2600:1f14:abc:de10::1');
    expect(sut.podIpv6(nodeA, 0, 0)).toBe('2600:1f14:abc:de10:1::1');
    expect(cidrContainsAddress(parseCidr('2600:1f14:abc:de10::/64'), sut.podIpv6(sut.node('general', 2, 'x'), 1, 0))).toBe(true);
  });

  it('uses documentation ranges for public addresses and reports them', () => {
    const { sut, assumed } = planFor();
    expect(sut.natGatewayEip('nat-a')).toBe('203.0.113.10');
    expect(sut.natGatewayEip('nat-b')).toBe('203.0.113.11');
    expect(sut.nodePublicIp(sut.node('general', 0, 'x'))).toBe('198.51.100.10');
    expect(sut.eksApiPublicIp()).toBe('192.0.2.10');
    expect(assumed.every((code) => code === 'ADDRESS_PLACEHOLDERS')).toBe(true);
    expect(assumed).toHaveLength(4);
  });

  it('puts load balancers and the private endpoint at the top of their subnet', () => {
    const lookup = new DesignLookup(privateCluster);
    const { sut } = planFor();
    expect(sut.lbPrivateIp(lookup.subnet('public-a', 'x'), 0)).toBe('10.0.0.246');
    expect(sut.eksApiPrivateIp(lookup.subnet('private-a', 'x'))).toBe('10.0.31.250');
  });

  it('derives a subnet /64 from the VPC IPv6 CIDR when the subnet has none', () => {
    const lookup = new DesignLookup({ ...ipv6Cluster, subnets: ipv6Cluster.subnets.map(({ ipv6Cidr: _dropped, ...subnet }) => subnet) });
    const assumed: string[] = [];
    const sut = new AddressPlan(lookup, (code) => assumed.push(code));
    expect(sut.subnetIpv6(lookup.subnet('private-b', 'x')).text).toBe('2600:1f14:abc:de02::/64');
    expect(assumed).toContain('SUBNET_IPV6_DERIVED');
  });

  it('hostAddress wraps inside the usable range and never returns a reserved address', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 28 }), fc.bigInt({ min: -100000n, max: 100000n }), (prefix, offset) => {
        const cidr = parseCidr(`10.0.0.0/${prefix}`);
        const address = hostAddress(cidr, offset);
        const last = Number(cidr.last & 0xffn);
        const lastOctet = Number(address.split('.')[3]);
        expect(cidrContainsAddress(cidr, address)).toBe(true);
        if (prefix >= 24) {
          expect(lastOctet).toBeGreaterThanOrEqual(4);
          expect(lastOctet).not.toBe(last);
        }
      }),
      { seed: 20261210 },
    );
  });
});

describe('determinism', () => {
  const designs = [privateCluster, customNetworkingCluster, sgForPodsCluster];
  const endpoints: Endpoint[] = [
    pod('web'),
    pod('checkout', { sameAz: false }),
    pod('reports'),
    node('general'),
    internet(),
    vpcHost('10.0.0.77'),
    peer('hub', '10.2.0.8'),
    service('checkout'),
  ];

  it('the same design and flow always give the same trace, addresses included', () => {
    const deps = exposures({ checkout: nlb({ scheme: 'INTERNAL' }) });
    fc.assert(
      fc.property(fc.constantFrom(...endpoints), fc.constantFrom(...endpoints), fc.integer({ min: 1, max: 65535 }), (from, to, port) => {
        const run = () => {
          try {
            return tracePath(privateCluster, flow(from, to, port), deps);
          } catch (error) {
            return (error as { code?: string }).code;
          }
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 150, seed: 20261211 },
    );
  });

  it('never crashes: every flow is a trace or a coded InvalidInputError', () => {
    for (const design of designs) {
      for (const from of endpoints) {
        for (const to of endpoints) {
          let outcome: unknown;
          try {
            outcome = tracePath(design, flow(from, to, 443), exposures()).verdict;
          } catch (error) {
            outcome = (error as { kind?: string; code?: string }).kind;
            expect((error as { code?: string }).code).toMatch(/^[A-Z_]+$/);
          }
          expect(['REACHABLE', 'DROPPED', 'INVALID_INPUT']).toContain(outcome);
        }
      }
    }
  });

  it('the acceptance example: pod in a private subnet → internet', () => {
    const sut = trace(privateCluster, flow(pod('web'), internet('93.184.216.34'), 443));
    expect(kinds(sut)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(sut.hops.map((hop) => hop.packet.src)).toEqual(['10.0.24.10', '10.0.16.4', '203.0.113.10', '203.0.113.10', '203.0.113.10']);
    expect(last(sut).packet).toMatchObject({ src: '203.0.113.10', srcRole: 'NAT_GATEWAY_EIP', dst: '93.184.216.34' });
  });
});
