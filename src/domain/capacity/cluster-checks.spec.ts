import { describe, expect, it } from 'vitest';
import { AWS_CATALOG } from '../catalog/data/aws-catalog.data.js';
import type { Finding } from '../findings/finding.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import {
  checkClusterEndpointSubnets,
  checkCustomNetworking,
  checkIpv6,
  checkLoadBalancerSubnets,
  runClusterChecks as sut,
} from './cluster-checks.js';

const catalog = new Map(AWS_CATALOG.instanceTypes.map((type) => [type.name, type]));
const lookupInstanceType = (name: string) => catalog.get(name);

function design(overrides: Partial<DesignSpec> = {}): DesignSpec {
  return {
    name: 'shop',
    region: 'eu-west-1',
    ipFamily: 'IPV4',
    vpc: { cidrs: ['10.0.0.0/16'], secondaryCidrs: ['100.64.0.0/16'] },
    subnets: [
      { name: 'cluster-a', az: 'eu-west-1a', cidr: '10.0.0.0/27', roles: ['CLUSTER_ENDPOINTS'] },
      { name: 'cluster-b', az: 'eu-west-1b', cidr: '10.0.0.32/27', roles: ['CLUSTER_ENDPOINTS'] },
      { name: 'nodes-a', az: 'eu-west-1a', cidr: '10.0.16.0/20', roles: ['NODES'] },
      { name: 'nodes-b', az: 'eu-west-1b', cidr: '10.0.32.0/20', roles: ['NODES'] },
      { name: 'public-a', az: 'eu-west-1a', cidr: '10.0.1.0/24', public: true, roles: ['ELB'] },
      { name: 'public-b', az: 'eu-west-1b', cidr: '10.0.2.0/24', public: true, roles: ['ELB'] },
      { name: 'pods-a', az: 'eu-west-1a', cidr: '100.64.0.0/17', roles: ['PODS'] },
      { name: 'pods-b', az: 'eu-west-1b', cidr: '100.64.128.0/17', roles: ['PODS'] },
    ],
    nodeGroups: [
      {
        name: 'apps',
        kind: 'MANAGED',
        instanceTypes: ['m5.large'],
        subnets: ['nodes-a', 'nodes-b'],
        minSize: 2,
        desiredSize: 3,
        maxSize: 6,
      },
    ],
    workloads: [{ name: 'web', nodeGroup: 'apps', replicas: 2, expose: { audience: 'INTERNET', protocol: 'HTTPS', port: 443 } }],
    ...overrides,
  };
}
const codes = (findings: Finding[]): string[] => findings.map((finding) => finding.code);

describe('cluster checks', () => {
  it('finds nothing wrong with a sound design', () => {
    expect(sut(design(), { lookupInstanceType })).toEqual([]);
  });

  it('gives every finding a code, a design path and a fix', () => {
    const broken = design({
      ipFamily: 'IPV6',
      cni: { customNetworking: true, prefixDelegation: false, version: '1.9.0', eniConfigs: [{ az: 'eu-west-1a', subnet: 'nowhere' }] },
      subnets: [{ name: 'only', az: 'use1-az3', cidr: '10.0.0.0/28', roles: ['CLUSTER_ENDPOINTS', 'ELB', 'NODES'] }],
      nodeGroups: [
        { name: 'old', kind: 'SELF_MANAGED', instanceTypes: ['m4.large'], subnets: ['only'], minSize: 1, desiredSize: 1, maxSize: 1 },
      ],
    });
    const findings = sut(broken, { lookupInstanceType, freeIpsBySubnet: { only: 3 } });
    expect(findings.length).toBeGreaterThan(8);
    for (const finding of findings) {
      expect(finding.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(finding.path).toMatch(/^(subnets|nodeGroups|cni|vpc|workloads)/);
      expect(finding.fix?.length ?? 0).toBeGreaterThan(10);
      expect(['ERROR', 'WARNING', 'INFO']).toContain(finding.severity);
    }
  });

  describe('cluster-endpoint subnets', () => {
    it('requires 6 free addresses, recommends 16', () => {
      const findings = checkClusterEndpointSubnets(design(), {
        freeIpsBySubnet: new Map([
          ['cluster-a', 5],
          ['cluster-b', 12],
        ]),
      });
      expect(findings).toEqual([
        expect.objectContaining({ code: 'CLUSTER_SUBNET_TOO_FEW_IPS', severity: 'ERROR', path: 'subnets[0]' }),
        expect.objectContaining({ code: 'CLUSTER_SUBNET_BELOW_RECOMMENDED_IPS', severity: 'WARNING', path: 'subnets[1]' }),
      ]);
    });

    it('counts an unlisted subnet as empty: a /28 has 11 usable addresses, below the 16 recommended', () => {
      const spec = design();
      spec.subnets[0] = { ...spec.subnets[0], cidr: '10.0.0.0/28' };
      expect(codes(checkClusterEndpointSubnets(spec))).toEqual(['CLUSTER_SUBNET_BELOW_RECOMMENDED_IPS']);
    });

    it('needs two Availability Zones and refuses use1-az3, usw1-az2 and cac1-az3', () => {
      const spec = design({
        region: 'us-east-1',
        subnets: [
          { name: 'c1', az: 'use1-az3', cidr: '10.0.0.0/27', roles: ['CLUSTER_ENDPOINTS'] },
          { name: 'c2', az: 'use1-az3', cidr: '10.0.0.32/27', roles: ['CLUSTER_ENDPOINTS'] },
        ],
      });
      const findings = checkClusterEndpointSubnets(spec);
      expect(codes(findings)).toEqual(['CLUSTER_SUBNET_AZ_UNSUPPORTED', 'CLUSTER_SUBNET_AZ_UNSUPPORTED', 'CLUSTER_SUBNETS_SINGLE_AZ']);
      expect(findings[0]?.path).toBe('subnets[0].az');
      for (const az of ['usw1-az2', 'cac1-az3']) {
        const other = design({ subnets: [{ name: 'c', az, cidr: '10.0.0.0/27', roles: ['CLUSTER_ENDPOINTS'] }] });
        expect(codes(checkClusterEndpointSubnets(other))).toContain('CLUSTER_SUBNET_AZ_UNSUPPORTED');
      }
    });

    it('points out AZ names that may hide a refused AZ id', () => {
      const spec = design({ region: 'us-east-1' });
      spec.subnets = spec.subnets.map((subnet) => ({ ...subnet, az: subnet.az.replace('eu-west-1', 'us-east-1') }));
      expect(codes(checkClusterEndpointSubnets(spec))).toEqual(['CLUSTER_SUBNET_AZ_ID_UNKNOWN', 'CLUSTER_SUBNET_AZ_ID_UNKNOWN']);
    });

    it('warns when no subnet is designated', () => {
      const spec = design();
      spec.subnets = spec.subnets.filter((subnet) => !subnet.roles?.includes('CLUSTER_ENDPOINTS'));
      expect(checkClusterEndpointSubnets(spec)).toEqual([
        expect.objectContaining({ code: 'CLUSTER_SUBNETS_NOT_DESIGNATED', path: 'subnets' }),
      ]);
    });
  });

  describe('load balancer subnets', () => {
    it('warns about subnets the LBC ignores (< 8 free) and an ALB left with one AZ', () => {
      const findings = checkLoadBalancerSubnets(design(), { freeIpsBySubnet: { 'public-b': 7 } });
      expect(findings).toEqual([
        expect.objectContaining({ code: 'LB_SUBNET_IGNORED_BY_LBC', path: 'subnets[5]' }),
        expect.objectContaining({ code: 'ALB_NEEDS_TWO_AZS', severity: 'ERROR' }),
      ]);
    });

    it('keeps 8 free addresses as the LBC threshold', () => {
      expect(checkLoadBalancerSubnets(design(), { freeIpsBySubnet: { 'public-b': 8 } })).toEqual([]);
    });

    it('asks for load balancer subnets when workloads are exposed without them', () => {
      const spec = design({
        workloads: [
          { name: 'web', nodeGroup: 'apps', replicas: 2, expose: { audience: 'INTERNET', protocol: 'TCP', port: 443 } },
          { name: 'api', nodeGroup: 'apps', replicas: 2, expose: { audience: 'VPC', protocol: 'HTTP', port: 80 } },
        ],
      });
      spec.subnets = spec.subnets.map((subnet) => ({ ...subnet, roles: subnet.roles?.filter((role) => role !== 'ELB') }));
      expect(checkLoadBalancerSubnets(spec)).toEqual([
        expect.objectContaining({ code: 'LB_PUBLIC_SUBNETS_MISSING', path: 'workloads[0].expose' }),
        expect.objectContaining({ code: 'LB_INTERNAL_SUBNETS_MISSING', path: 'workloads[1].expose' }),
      ]);
    });

    it('flags an internet-facing load balancer subnet that is not public', () => {
      const spec = design();
      spec.subnets[4] = { ...spec.subnets[4], public: false };
      expect(codes(checkLoadBalancerSubnets(spec))).toEqual(['ELB_SUBNET_NOT_PUBLIC']);
    });
  });

  describe('custom networking', () => {
    const eniConfigs = [
      { az: 'eu-west-1a', subnet: 'pods-a' },
      { az: 'eu-west-1b', subnet: 'pods-b' },
    ];

    it('passes with an ENIConfig per node AZ', () => {
      expect(checkCustomNetworking(design({ cni: { customNetworking: true, eniConfigs } }))).toEqual([]);
    });

    it('needs an ENIConfig for every AZ the node groups use', () => {
      const findings = checkCustomNetworking(design({ cni: { customNetworking: true, eniConfigs: [eniConfigs[0]] } }));
      expect(findings).toEqual([
        expect.objectContaining({ code: 'CUSTOM_NETWORKING_ENICONFIG_MISSING', severity: 'ERROR', path: 'nodeGroups[0].subnets[1]' }),
      ]);
      expect(findings[0]?.fix).toContain('eu-west-1b');
    });

    it('checks ENIConfig subnets exist, sit in their AZ, and are not duplicated', () => {
      const findings = checkCustomNetworking(
        design({
          cni: {
            customNetworking: true,
            eniConfigs: [
              { az: 'eu-west-1a', subnet: 'pods-b' },
              { az: 'eu-west-1b', subnet: 'pods-x' },
              { az: 'eu-west-1b', subnet: 'pods-b' },
            ],
          },
        }),
      );
      expect(findings.map((f) => [f.code, f.path])).toEqual([
        ['ENICONFIG_SUBNET_AZ_MISMATCH', 'cni.eniConfigs[0].subnet'],
        ['ENICONFIG_SUBNET_UNKNOWN', 'cni.eniConfigs[1].subnet'],
        ['ENICONFIG_DUPLICATE_AZ', 'cni.eniConfigs[2].az'],
      ]);
    });

    it('reports Windows, Auto Mode and unused ENIConfigs', () => {
      const spec = design({
        cni: { customNetworking: true, eniConfigs },
        nodeGroups: [
          {
            name: 'win',
            kind: 'MANAGED',
            amiFamily: 'WINDOWS',
            instanceTypes: ['m5.large'],
            subnets: ['nodes-a'],
            minSize: 1,
            desiredSize: 1,
            maxSize: 1,
          },
          { name: 'auto', kind: 'AUTO_MODE', instanceTypes: [], subnets: ['nodes-a'], minSize: 0, desiredSize: 0, maxSize: 0 },
          { name: 'fargate', kind: 'FARGATE', instanceTypes: [], subnets: ['nodes-a'], minSize: 0, desiredSize: 0, maxSize: 0 },
        ],
      });
      expect(codes(checkCustomNetworking(spec))).toEqual([
        'CUSTOM_NETWORKING_WINDOWS_UNSUPPORTED',
        'CUSTOM_NETWORKING_IGNORED_BY_AUTO_MODE',
      ]);
      expect(codes(checkCustomNetworking(design({ cni: { eniConfigs } })))).toEqual(['ENICONFIGS_UNUSED']);
    });
  });

  describe('IPv6', () => {
    const ipv6Design = (overrides: Partial<DesignSpec> = {}): DesignSpec => {
      const spec = design({ ipFamily: 'IPV6', vpc: { cidrs: ['10.0.0.0/16'], ipv6Cidrs: ['2600:1f14:abc:de00::/56'] }, ...overrides });
      spec.subnets = spec.subnets.map((subnet, index) => ({ ...subnet, ipv6Cidr: `2600:1f14:abc:de0${index}::/64` }));
      return spec;
    };

    it('passes a dual-stack Nitro design', () => {
      expect(checkIpv6(ipv6Design(), { lookupInstanceType })).toEqual([]);
      expect(checkIpv6(design(), { lookupInstanceType })).toEqual([]);
    });

    it('needs IPv6 CIDRs on the VPC and on node and cluster subnets', () => {
      const spec = ipv6Design({ vpc: { cidrs: ['10.0.0.0/16'] } });
      spec.subnets[2] = { ...spec.subnets[2], ipv6Cidr: undefined };
      spec.subnets[4] = { ...spec.subnets[4], ipv6Cidr: undefined };
      expect(checkIpv6(spec).map((f) => [f.code, f.path])).toEqual([
        ['IPV6_VPC_CIDR_MISSING', 'vpc.ipv6Cidrs'],
        ['IPV6_SUBNET_CIDR_MISSING', 'subnets[2].ipv6Cidr'],
      ]);
    });

    it('rejects custom networking, disabled prefix delegation, an old CNI, Windows and non-Nitro types', () => {
      const spec = ipv6Design({
        cni: { customNetworking: true, prefixDelegation: false, version: 'v1.10.0-eksbuild.1' },
        nodeGroups: [
          {
            name: 'xen',
            kind: 'SELF_MANAGED',
            instanceTypes: ['m5.large', 'm4.xlarge'],
            subnets: ['nodes-a'],
            minSize: 1,
            desiredSize: 1,
            maxSize: 1,
          },
          {
            name: 'metal',
            kind: 'SELF_MANAGED',
            instanceTypes: ['m5.metal'],
            subnets: ['nodes-a'],
            minSize: 1,
            desiredSize: 1,
            maxSize: 1,
          },
          {
            name: 'win',
            kind: 'MANAGED',
            amiFamily: 'WINDOWS',
            instanceTypes: ['m5.large'],
            subnets: ['nodes-a'],
            minSize: 1,
            desiredSize: 1,
            maxSize: 1,
          },
          { name: 'fargate', kind: 'FARGATE', instanceTypes: [], subnets: ['nodes-a'], minSize: 0, desiredSize: 0, maxSize: 0 },
        ],
      });
      expect(checkIpv6(spec, { lookupInstanceType }).map((f) => [f.code, f.path])).toEqual([
        ['IPV6_CUSTOM_NETWORKING_UNSUPPORTED', 'cni.customNetworking'],
        ['IPV6_REQUIRES_PREFIX_DELEGATION', 'cni.prefixDelegation'],
        ['IPV6_REQUIRES_CNI_1_10_1', 'cni.version'],
        ['IPV6_REQUIRES_NITRO', 'nodeGroups[0].instanceTypes[1]'],
        ['IPV6_WINDOWS_UNSUPPORTED', 'nodeGroups[2].amiFamily'],
        ['FARGATE_IPV6_NEEDS_IPV4', 'nodeGroups[3]'],
      ]);
    });
  });
});
