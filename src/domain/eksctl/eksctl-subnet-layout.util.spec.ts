import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContains, cidrOverlaps, parseCidr } from '../network/cidr.js';
import { eksctlGeneratedSubnets as sut, enclosingCidr, inferVpcCidrs } from './eksctl-subnet-layout.util.js';

const layout = (result: ReturnType<typeof sut>) =>
  result.ok
    ? result.subnets.map((subnet) => `${subnet.name} ${subnet.cidr}${subnet.ipv6Cidr ? ` ${subnet.ipv6Cidr}` : ''}`)
    : result.reason;

describe('eksctlGeneratedSubnets', () => {
  it("splits eksctl's default 192.168.0.0/16 into /19s: public in the first blocks, private after them", () => {
    // eksctl logs "subnets for us-west-2a - public:192.168.0.0/19 private:192.168.96.0/19" for a 3-AZ cluster.
    expect(
      layout(
        sut({ vpcCidr: parseCidr('192.168.0.0/16'), availabilityZones: ['us-west-2a', 'us-west-2b', 'us-west-2c'], privateOnly: false }),
      ),
    ).toEqual([
      'public-us-west-2a 192.168.0.0/19',
      'public-us-west-2b 192.168.32.0/19',
      'public-us-west-2c 192.168.64.0/19',
      'private-us-west-2a 192.168.96.0/19',
      'private-us-west-2b 192.168.128.0/19',
      'private-us-west-2c 192.168.160.0/19',
    ]);
  });

  it('uses 16 blocks for five to eight AZs and refuses more, or a VPC CIDR outside /16-/24', () => {
    const five = sut({
      vpcCidr: parseCidr('10.0.0.0/16'),
      availabilityZones: ['a', 'b', 'c', 'd', 'e'].map((z) => `us-east-1${z}`),
      privateOnly: false,
    });
    expect(five.ok && five.subnets.map((subnet) => subnet.cidr)).toEqual([
      '10.0.0.0/20',
      '10.0.16.0/20',
      '10.0.32.0/20',
      '10.0.48.0/20',
      '10.0.64.0/20',
      '10.0.80.0/20',
      '10.0.96.0/20',
      '10.0.112.0/20',
      '10.0.128.0/20',
      '10.0.144.0/20',
    ]);
    expect(
      layout(
        sut({ vpcCidr: parseCidr('10.0.0.0/16'), availabilityZones: Array.from({ length: 9 }, (_, i) => `az${i}`), privateOnly: false }),
      ),
    ).toBe('eksctl creates at most 16 subnets, 18 needed');
    expect(layout(sut({ vpcCidr: parseCidr('10.0.0.0/25'), availabilityZones: ['us-east-1a'], privateOnly: false }))).toBe(
      'eksctl splits only a /16 to /24 VPC CIDR, got 10.0.0.0/25',
    );
  });

  it('IPv6 clusters take 2n + 2 partitions of both blocks (calculateDesiredMask: a /20 in 6 parts gives /23s)', () => {
    expect(
      layout(
        sut({
          vpcCidr: parseCidr('192.168.0.0/20'),
          ipv6VpcCidr: parseCidr('2600:1f14:abc:de00::/56'),
          availabilityZones: ['us-west-2a', 'us-west-2b'],
          privateOnly: false,
        }),
      ),
    ).toEqual([
      'public-us-west-2a 192.168.0.0/23 2600:1f14:abc:de00::/64',
      'public-us-west-2b 192.168.2.0/23 2600:1f14:abc:de01::/64',
      'private-us-west-2a 192.168.4.0/23 2600:1f14:abc:de02::/64',
      'private-us-west-2b 192.168.6.0/23 2600:1f14:abc:de03::/64',
    ]);
  });

  it('a private cluster gets the private subnets only, at their usual blocks', () => {
    expect(layout(sut({ vpcCidr: parseCidr('10.0.0.0/16'), availabilityZones: ['us-east-1a', 'us-east-1b'], privateOnly: true }))).toEqual([
      'private-us-east-1a 10.0.64.0/19',
      'private-us-east-1b 10.0.96.0/19',
    ]);
  });
});

describe('inferVpcCidrs', () => {
  it('takes the /16 around pod subnets next to the VPC', () => {
    const inferred = inferVpcCidrs(
      [parseCidr('10.0.0.0/16')],
      ['100.64.0.0/18', '100.64.64.0/18'].map((text) => parseCidr(text)),
    );
    expect(inferred.map((cidr) => cidr.text)).toEqual(['100.64.0.0/16']);
  });

  it('shrinks the block until it no longer overlaps a known CIDR', () => {
    const inferred = inferVpcCidrs([parseCidr('10.0.0.0/20')], [parseCidr('10.0.32.0/24')]);
    expect(inferred.map((cidr) => cidr.text)).toEqual(['10.0.32.0/19']);
  });

  it('stops at the VPC CIDR limit', () => {
    const outside = Array.from({ length: 60 }, (_, i) => parseCidr(`${i + 20}.0.0.0/24`));
    expect(inferVpcCidrs([], outside)).toHaveLength(50);
  });

  it('property: every inferred block holds the subnets it was inferred for and overlaps nothing known', () => {
    const subnet = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 16, max: 28 }))
      .map(([a, b, prefix]) => enclosingCidr(parseCidr(`100.${a}.${b}.0/28`), prefix));
    fc.assert(
      fc.property(fc.array(subnet, { maxLength: 12 }), (subnets) => {
        const known = [parseCidr('100.128.0.0/16')];
        const outside = subnets.filter((candidate) => !known.some((cidr) => cidrOverlaps(cidr, candidate)));
        const inferred = inferVpcCidrs(known, outside);
        for (const candidate of outside) expect(inferred.some((cidr) => cidrContains(cidr, candidate))).toBe(true);
        for (const [i, cidr] of inferred.entries()) {
          expect(cidr.prefixLength).toBeGreaterThanOrEqual(16);
          expect(known.some((other) => cidrOverlaps(other, cidr))).toBe(false);
          expect(inferred.some((other, j) => j !== i && cidrOverlaps(other, cidr))).toBe(false);
        }
      }),
      { numRuns: 200, seed: 20261219 },
    );
  });
});
