import { describe, expect, it } from 'vitest';
import { AWS_CATALOG } from '../catalog/data/aws-catalog.data.js';
import { InvalidInputError, NotFoundError, PlanningError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import type { SubnetUsageRequest } from './capacity.types.js';
import { computeSubnetUsage, prefixBlockRisk, prefixBlockUsage } from './subnet-usage.engine.js';

const catalog = new Map(AWS_CATALOG.instanceTypes.map((type) => [type.name, type]));
const lookup = (name: string) => catalog.get(name);
const sut = (request: SubnetUsageRequest) => computeSubnetUsage(request, lookup);
const codes = (result: ReturnType<typeof sut>): string[] => result.warnings.map((w) => w.code);

const errorOf = (run: () => unknown): PlanningError => thrownBy(run, PlanningError);

describe('computeSubnetUsage', () => {
  it('reproduces the best-practices example: 3 × c5.large, 2 CoreDNS pods → 50 IPs, 43 warm (BP vpc-cni.adoc)', () => {
    const result = sut({
      subnet: { cidr: '10.0.0.0/24' },
      nodeGroups: [
        { name: 'with-coredns', instanceType: 'c5.large', nodes: 2, podsPerNode: 1 },
        { name: 'empty', instanceType: 'c5.large', nodes: 1, podsPerNode: 0 },
      ],
    });
    expect(result.usedIps).toBe(50);
    expect(result.perNodeGroup.map((g) => g.enisPerNode)).toEqual([2, 1]);
    expect(result.perNodeGroup.reduce((sum, g) => sum + g.warmIpsPerNode * g.nodes, 0)).toBe(43);
  });

  it('accounts for the 5 AWS-reserved addresses and reports free addresses and the largest node count', () => {
    const result = sut({ subnet: { cidr: '10.0.0.0/24' }, nodeGroups: [{ instanceType: 'm5.large', nodes: 3, podsPerNode: 10 }] });
    expect(result).toMatchObject({
      unit: 'IP_ADDRESS',
      totalIps: 256,
      awsReservedIps: 5,
      usableIps: 251,
      usedIps: 90,
      freeIps: 161,
      shortfallIps: 0,
      fits: true,
      maxNodes: 8,
      maxNodesByGroup: [8],
      prefixBlocks: null,
    });
    expect(result.perNodeGroup[0]).toMatchObject({
      ipsPerNode: 30,
      enisPerNode: 3,
      secondaryIpsPerNode: 27,
      maxPods: 29,
      maxIpsPerNode: 30,
      maxNodes: 8,
      totalIps: 90,
    });
  });

  it('says how much is missing when the node groups do not fit', () => {
    const result = sut({ subnet: { cidr: '10.0.0.0/26' }, nodeGroups: [{ instanceType: 'm5.large', nodes: 3, podsPerNode: 10 }] });
    expect(result).toMatchObject({ usableIps: 59, usedIps: 90, freeIps: -31, shortfallIps: 31, fits: false, maxNodes: 1 });
    expect(codes(result)).toContain('SUBNET_TOO_SMALL');
  });

  it('scales several groups together for maxNodes and gives each group its own headroom', () => {
    const result = sut({
      subnet: { cidr: '10.0.0.0/24' },
      nodeGroups: [
        { name: 'apps', instanceType: 'm5.large', nodes: 2, podsPerNode: 10 },
        { name: 'system', instanceType: 'm5.large', nodes: 1, podsPerNode: 0 },
      ],
    });
    expect(result.usedIps).toBe(2 * 30 + 10);
    expect(result.maxNodesByGroup).toEqual([7, 3]);
    expect(result.maxNodes).toBe(10);
    expect(result.perNodeGroup.map((g) => g.maxNodes)).toEqual([8, 19]);
  });

  it('counts surge nodes and the fully grown pool', () => {
    const result = sut({
      subnet: { cidr: '10.0.0.0/24' },
      cni: { warmIpTarget: 2, minimumIpTarget: 5 },
      nodeGroups: [{ instanceType: 'm5.large', nodes: 4, podsPerNode: 3, surgeNodes: 1 }],
    });
    expect(result.perNodeGroup[0]).toMatchObject({ ipsPerNode: 1 + 5, totalIps: 5 * 6, maxIpsPerNode: 3 + 27 });
    expect(result.usedIps).toBe(30);
    expect(result.maxNodes).toBe(Math.floor(251 / 6) - 1);
  });

  it('caps pods at the kubelet maxPods with a warning', () => {
    const result = sut({ subnet: { cidr: '10.0.0.0/24' }, nodeGroups: [{ instanceType: 'm5.large', nodes: 1, podsPerNode: 40 }] });
    expect(result.perNodeGroup[0]?.ipsPerNode).toBe(30);
    expect(codes(result)).toContain('PODS_EXCEED_MAX_PODS');
  });

  it('uses a given maxPods without computing one', () => {
    const result = sut({
      subnet: { cidr: '10.0.0.0/24' },
      cni: { prefixDelegation: true },
      nodeGroups: [{ instanceType: 'm5.large', nodes: 1, podsPerNode: 30, maxPods: 40 }],
    });
    expect(result.perNodeGroup[0]).toMatchObject({ maxPods: 40, prefixesPerNode: 3, ipsPerNode: 1 + 48, maxIpsPerNode: 1 + 48 });
  });

  describe('prefix delegation and /28 blocks', () => {
    it('counts prefixes and the aligned blocks left', () => {
      const result = sut({
        subnet: { cidr: '10.0.0.0/24' },
        cni: { prefixDelegation: true },
        nodeGroups: [{ instanceType: 'm5.large', nodes: 4, podsPerNode: 10 }],
      });
      expect(result.perNodeGroup[0]).toMatchObject({ prefixesPerNode: 2, enisPerNode: 1, ipsPerNode: 33, maxIpsPerNode: 1 + 16 * 7 });
      expect(result.prefixBlocks).toEqual({
        alignedBlocks: 16,
        assignableBlocks: 14,
        neededBlocks: 8,
        individualIps: 4,
        bestCaseAvailableBlocks: 14,
      });
      expect(result.fits).toBe(true);
      expect(codes(result)).toContain('PREFIX_FRAGMENTATION_RISK');
    });

    it('warns when the subnet can never hold the /28 prefixes needed, even with free addresses', () => {
      const result = sut({
        subnet: { cidr: '10.0.0.0/27' },
        cni: { prefixDelegation: true, warmIpTarget: 1, minimumIpTarget: 1 },
        nodeGroups: [{ instanceType: 't3.small', nodes: 1, podsPerNode: 0 }],
      });
      expect(result).toMatchObject({ usableIps: 27, usedIps: 17, fits: false, maxNodes: 0 });
      expect(result.prefixBlocks).toMatchObject({ alignedBlocks: 2, assignableBlocks: 0, neededBlocks: 1 });
      expect(result.warnings.find((w) => w.code === 'PREFIX_BLOCKS_NEVER_AVAILABLE')?.message).toContain('never hold more than 0');
    });

    it('lets individual addresses spoil blocks (best case packing)', () => {
      const result = sut({
        subnet: { cidr: '10.0.0.0/23' },
        cni: { prefixDelegation: true },
        nodeGroups: [
          { name: 'xen', instanceType: 'm4.xlarge', nodes: 12, podsPerNode: 14 },
          { name: 'nitro', instanceType: 'm5.large', nodes: 9, podsPerNode: 0 },
        ],
      });
      expect(result.prefixBlocks).toMatchObject({
        assignableBlocks: 30,
        neededBlocks: 9,
        individualIps: 12 * 30 + 9,
        bestCaseAvailableBlocks: 30 - Math.ceil((369 - 27) / 16),
      });
      expect(result.fits).toBe(false);
      expect(codes(result)).toEqual(expect.arrayContaining(['PREFIX_DELEGATION_UNSUPPORTED_INSTANCE', 'PREFIX_BLOCKS_INSUFFICIENT']));
    });
  });

  describe('which subnet pays (§5.4)', () => {
    const customNetworking = (role: 'NODES' | 'PODS') =>
      sut({
        subnet: { cidr: '100.64.0.0/24', role },
        cni: { customNetworking: true },
        nodeGroups: [{ instanceType: 'm5.large', nodes: 2, podsPerNode: 5 }],
      });

    it('charges the node IP to the node subnet and the pod ENIs to the ENIConfig subnet', () => {
      expect(customNetworking('NODES').usedIps).toBe(2);
      expect(customNetworking('PODS').usedIps).toBe(2 * 20);
      expect(customNetworking('PODS').perNodeGroup[0]?.maxPods).toBe(20);
    });

    it('charges nothing to a PODS subnet without custom networking, with a warning', () => {
      const result = sut({
        subnet: { cidr: '10.0.0.0/24', role: 'PODS' },
        nodeGroups: [{ instanceType: 'm5.large', nodes: 2, podsPerNode: 5 }],
      });
      expect(result).toMatchObject({ usedIps: 0, maxNodes: null });
      expect(codes(result)).toContain('SUBNET_ROLE_PODS_WITHOUT_CUSTOM_NETWORKING');
    });

    it('charges trunk and branch ENIs with security groups for pods', () => {
      const result = sut({
        subnet: { cidr: '10.0.0.0/24' },
        cni: { securityGroupsForPods: true },
        nodeGroups: [{ instanceType: 'm5.large', nodes: 1, podsPerNode: 12, branchPodsPerNode: 4 }],
      });
      expect(result.perNodeGroup[0]?.ipsPerNode).toBe(2 + 18 + 1 + 4);
    });

    it('charges Fargate one address per pod and Windows its primary ENI pool', () => {
      const result = sut({
        subnet: { cidr: '10.0.0.0/24' },
        nodeGroups: [
          { name: 'fargate', launcher: 'FARGATE', nodes: 30, podsPerNode: 1 },
          { name: 'windows', instanceType: 'm5.large', os: 'WINDOWS', nodes: 2, podsPerNode: 4 },
        ],
      });
      expect(result.perNodeGroup.map((g) => g.ipsPerNode)).toEqual([1, 8]);
      expect(result.usedIps).toBe(30 + 16);
    });

    it('counts /80 prefixes in an IPv6 subnet and one IPv4 address per node in its IPv4 CIDR', () => {
      const v6 = sut({
        subnet: { cidr: '2600:1f14:abc:de00::/64' },
        nodeGroups: [{ instanceType: 'm5.large', nodes: 100, podsPerNode: 200 }],
      });
      expect(v6).toMatchObject({
        ipFamily: 'IPV6',
        unit: 'PREFIX_80',
        totalIps: 65536,
        awsReservedUnits: 2,
        usableIps: 65534,
        usedIps: 100,
        maxNodes: 65534,
        prefixBlocks: null,
      });
      expect(v6.perNodeGroup[0]?.maxPods).toBe(110);
      const v4 = sut({
        subnet: { cidr: '10.0.0.0/24' },
        ipFamily: 'IPV6',
        nodeGroups: [{ instanceType: 'm5.large', nodes: 100, podsPerNode: 200 }],
      });
      expect(v4).toMatchObject({ usedIps: 100, maxNodes: 251 });
      const fargate = sut({
        subnet: { cidr: '2600:1f14:abc:de00::/64' },
        nodeGroups: [{ launcher: 'FARGATE', nodes: 10, podsPerNode: 1 }],
      });
      expect(fargate.usedIps).toBe(10);
      expect(codes(fargate)).toContain('FARGATE_IPV6_NEEDS_IPV4');
    });
  });

  describe('impossible input', () => {
    const base = { subnet: { cidr: '10.0.0.0/24' }, nodeGroups: [{ instanceType: 'm5.large', nodes: 1, podsPerNode: 1 }] };

    it.each<[string, SubnetUsageRequest]>([
      ['INVALID_SUBNET_CIDR', { ...base, subnet: { cidr: '10.0.0.1/24' } }],
      ['INVALID_SUBNET_CIDR', { ...base, subnet: { cidr: 'ten' } }],
      ['SUBNET_SIZE_UNSUPPORTED', { ...base, subnet: { cidr: '10.0.0.0/29' } }],
      ['SUBNET_SIZE_UNSUPPORTED', { ...base, subnet: { cidr: '10.0.0.0/15' } }],
      ['SUBNET_SIZE_UNSUPPORTED', { ...base, subnet: { cidr: '2600:1f14:abc:de00::/96' } }],
      ['SUBNET_FAMILY_MISMATCH', { ...base, subnet: { cidr: '2600:1f14:abc:de00::/64' }, ipFamily: 'IPV4' }],
      ['INVALID_SUBNET_ROLE', { ...base, subnet: { cidr: '10.0.0.0/24', role: 'LB' as never } }],
      ['INVALID_NODE_GROUP', { ...base, nodeGroups: [{ instanceType: 'm5.large', nodes: -1, podsPerNode: 1 }] }],
      ['INVALID_NODE_GROUP', { ...base, nodeGroups: [{ instanceType: 'm5.large', nodes: 1, podsPerNode: 1.5 }] }],
      ['INVALID_NODE_GROUP', { ...base, nodeGroups: [{ nodes: 1, podsPerNode: 1 }] }],
      ['INVALID_WARM_POOL_SETTING', { ...base, cni: { warmEniTarget: -1 } }],
      ['FARGATE_ONE_POD_PER_NODE', { ...base, nodeGroups: [{ launcher: 'FARGATE', nodes: 1, podsPerNode: 5 }] }],
      [
        'BRANCH_PODS_NEED_SECURITY_GROUPS_FOR_PODS',
        { ...base, nodeGroups: [{ instanceType: 'm5.large', nodes: 1, podsPerNode: 5, branchPodsPerNode: 1 }] },
      ],
      [
        'BRANCH_PODS_EXCEED_PODS',
        {
          ...base,
          cni: { securityGroupsForPods: true },
          nodeGroups: [{ instanceType: 'm5.large', nodes: 1, podsPerNode: 1, branchPodsPerNode: 2 }],
        },
      ],
      [
        'SECURITY_GROUPS_FOR_PODS_INSTANCE_UNSUPPORTED',
        { ...base, cni: { securityGroupsForPods: true }, nodeGroups: [{ instanceType: 't3.large', nodes: 1, podsPerNode: 1 }] },
      ],
      ['IPV6_CUSTOM_NETWORKING_UNSUPPORTED', { ...base, ipFamily: 'IPV6', cni: { customNetworking: true } }],
    ])('%s', (code, request) => {
      const error = errorOf(() => sut(request));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.code).toBe(code);
    });

    it('prefixes rule errors with the node group path', () => {
      const error = errorOf(() =>
        sut({
          ...base,
          cni: { securityGroupsForPods: true },
          nodeGroups: [base.nodeGroups[0], { instanceType: 't3.large', nodes: 1, podsPerNode: 1 }],
        }),
      );
      expect(error.message).toMatch(/^nodeGroups\[1\]: /);
      expect(error.details[0]?.path).toBe('nodeGroups[1].securityGroupsForPods');
    });

    it('answers an unknown instance type with INSTANCE_TYPE_NOT_FOUND', () => {
      const error = errorOf(() => sut({ ...base, nodeGroups: [{ instanceType: 'm99.huge', nodes: 1, podsPerNode: 1 }] }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.code).toBe('INSTANCE_TYPE_NOT_FOUND');
    });
  });
});

describe('prefixBlockUsage / prefixBlockRisk', () => {
  it('counts the assignable and best-case free /28 blocks of a /24 (16 aligned, 14 assignable)', () => {
    expect(prefixBlockUsage(16, 3, 27)).toEqual({
      alignedBlocks: 16,
      assignableBlocks: 14,
      neededBlocks: 3,
      individualIps: 27,
      bestCaseAvailableBlocks: 14,
    });
    expect(prefixBlockUsage(16, 3, 28).bestCaseAvailableBlocks).toBe(13);
    expect(prefixBlockUsage(1, 0, 0)).toEqual({
      alignedBlocks: 1,
      assignableBlocks: 0,
      neededBlocks: 0,
      individualIps: 0,
      bestCaseAvailableBlocks: 0,
    });
  });

  it('classifies at each threshold: never available, insufficient, fragmentation risk, none', () => {
    expect(prefixBlockRisk(prefixBlockUsage(16, 15, 0))).toBe('PREFIX_BLOCKS_NEVER_AVAILABLE');
    expect(prefixBlockRisk(prefixBlockUsage(16, 14, 0))).toBe('PREFIX_FRAGMENTATION_RISK');
    expect(prefixBlockRisk(prefixBlockUsage(16, 14, 28))).toBe('PREFIX_BLOCKS_INSUFFICIENT');
    expect(prefixBlockRisk(prefixBlockUsage(16, 8, 0))).toBe('PREFIX_FRAGMENTATION_RISK');
    expect(prefixBlockRisk(prefixBlockUsage(16, 7, 0))).toBeNull();
    expect(prefixBlockRisk(prefixBlockUsage(16, 0, 1000))).toBeNull();
  });
});
