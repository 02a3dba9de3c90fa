import { describe, expect, it } from 'vitest';
import type { Subnet } from '../spec/design-spec.types.js';
import { discoverLoadBalancerSubnets as sut } from './subnet-discovery.engine.js';

const V2_13: readonly [number, number, number] = [2, 13, 0];

describe('load-balancer subnet discovery ([LBC-SUB])', () => {
  const subnets: Subnet[] = [
    { name: 'pub-b', az: 'eu-west-1b', cidr: '10.0.1.0/24', public: true, roles: ['ELB'] },
    { name: 'pub-a2', az: 'eu-west-1a', cidr: '10.0.2.0/24', public: true, roles: ['ELB'] },
    { name: 'pub-a1', az: 'eu-west-1a', cidr: '10.0.0.0/24', public: true, roles: ['ELB'] },
    { name: 'priv-a', az: 'eu-west-1a', cidr: '10.0.16.0/20', roles: ['INTERNAL_ELB'] },
  ];

  it('takes role-tagged subnets, one per AZ, the lowest name winning', () => {
    const result = sut({ subnets, scheme: 'INTERNET_FACING', family: 'ALB', owner: 'LBC', lbcVersion: V2_13 });
    expect(result).toMatchObject({ method: 'ROLE_TAGS', errors: [], warnings: [] });
    expect(result.chosen.map((subnet) => subnet.name)).toEqual(['pub-a1', 'pub-b']);
  });

  it('an NLB is satisfied by one subnet, an ALB is not', () => {
    expect(sut({ subnets, scheme: 'INTERNAL', family: 'NLB', owner: 'LBC', lbcVersion: V2_13 }).errors).toEqual([]);
    expect(sut({ subnets, scheme: 'INTERNAL', family: 'ALB', owner: 'LBC', lbcVersion: V2_13 }).errors.map((e) => e.code)).toEqual([
      'TOO_FEW_SUBNETS',
    ]);
  });

  it('the in-tree controller decides by route tables, not tags', () => {
    const untaggedPrivate: Subnet[] = [{ name: 'nodes-a', az: 'eu-west-1a', cidr: '10.0.32.0/20' }];
    const result = sut({ subnets: untaggedPrivate, scheme: 'INTERNAL', family: 'CLB', owner: 'CCM' });
    expect(result).toMatchObject({ method: 'ROUTE_TABLES', errors: [] });
  });

  it('warns when a subnet tagged for internet-facing load balancers has no internet route', () => {
    const mistagged: Subnet[] = [{ name: 'nodes-a', az: 'eu-west-1a', cidr: '10.0.32.0/20', roles: ['ELB'] }];
    const result = sut({ subnets: mistagged, scheme: 'INTERNET_FACING', family: 'NLB', owner: 'LBC', lbcVersion: V2_13 });
    expect(result.warnings.map((w) => w.code)).toEqual(['INTERNET_FACING_IN_PRIVATE_SUBNET']);
  });
});
