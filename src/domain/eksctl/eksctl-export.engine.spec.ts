import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { CniSettings, DesignSpec } from '../spec/design-spec.types.js';
import { validDesign } from '../../../test/fixtures/spec/valid-design.fixture.js';
import { exportEksctl as sut, exportEksctlWithNotes } from './eksctl-export.engine.js';
import { importEksctl } from './eksctl-import.engine.js';

function sampleSpec(name: string): DesignSpec {
  return importEksctl(readFileSync(new URL(`../../../test/fixtures/eksctl/${name}.yaml`, import.meta.url), 'utf8')).spec;
}

/** A small valid design written by hand, as the planner would hold it. */
function handDesign(): DesignSpec {
  return {
    name: 'hand',
    region: 'eu-central-1',
    ipFamily: 'IPV4',
    vpc: { cidrs: ['10.1.0.0/16'] },
    subnets: [
      { name: 'public-eu-central-1a', az: 'eu-central-1a', cidr: '10.1.0.0/24', public: true, roles: ['ELB'] },
      { name: 'public-eu-central-1b', az: 'eu-central-1b', cidr: '10.1.1.0/24', public: true, roles: ['ELB'] },
      {
        name: 'private-eu-central-1a',
        az: 'eu-central-1a',
        cidr: '10.1.16.0/20',
        natGateway: 'nat-eu-central-1a',
        roles: ['NODES', 'INTERNAL_ELB'],
      },
      {
        name: 'private-eu-central-1b',
        az: 'eu-central-1b',
        cidr: '10.1.32.0/20',
        natGateway: 'nat-eu-central-1a',
        roles: ['NODES', 'INTERNAL_ELB'],
      },
    ],
    natGateways: [{ name: 'nat-eu-central-1a', subnet: 'public-eu-central-1a' }],
    nodeGroups: [
      {
        name: 'web',
        kind: 'MANAGED',
        instanceTypes: ['m5.large'],
        subnets: ['private-eu-central-1a', 'private-eu-central-1b'],
        minSize: 1,
        desiredSize: 2,
        maxSize: 3,
      },
    ],
  };
}

describe('exportEksctl', () => {
  it('writes a ClusterConfig with a fixed key order (sample a)', () => {
    expect(sut(sampleSpec('private-prefix-delegation'))).toBe(`apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: payments-prod
  region: us-east-1
  version: "1.31"
  tags:
    team: payments
    environment: prod
kubernetesNetworkConfig:
  ipFamily: IPv4
  serviceIPv4CIDR: 172.20.0.0/16
vpc:
  cidr: 10.0.0.0/16
  subnets:
    private:
      private-us-east-1a:
        az: us-east-1a
        cidr: 10.0.32.0/19
      private-us-east-1b:
        az: us-east-1b
        cidr: 10.0.64.0/19
      private-us-east-1c:
        az: us-east-1c
        cidr: 10.0.96.0/19
    public:
      public-us-east-1a:
        az: us-east-1a
        cidr: 10.0.0.0/22
      public-us-east-1b:
        az: us-east-1b
        cidr: 10.0.4.0/22
      public-us-east-1c:
        az: us-east-1c
        cidr: 10.0.8.0/22
  nat:
    gateway: HighlyAvailable
  clusterEndpoints:
    privateAccess: true
    publicAccess: true
  publicAccessCIDRs:
    - 203.0.113.0/24
addons:
  - name: vpc-cni
    version: v1.20.0-eksbuild.1
    configurationValues: '{"env":{"ENABLE_PREFIX_DELEGATION":"true","MINIMUM_IP_TARGET":"10","WARM_IP_TARGET":"5","WARM_PREFIX_TARGET":"1"}}'
managedNodeGroups:
  - name: general
    amiFamily: AmazonLinux2023
    instanceTypes:
      - m5.large
      - m5.xlarge
    privateNetworking: true
    desiredCapacity: 6
    minSize: 3
    maxSize: 12
    maxPodsPerNode: 110
  - name: system
    amiFamily: Bottlerocket
    instanceType: c6i.large
    subnets:
      - private-us-east-1a
      - private-us-east-1b
    privateNetworking: true
    desiredCapacity: 2
    minSize: 2
    maxSize: 4
`);
  });

  it('does not depend on the key order of the design it is given', () => {
    const spec = handDesign();
    const reversed = JSON.parse(
      JSON.stringify(spec, (_, value) =>
        value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
      ),
    ) as DesignSpec;
    expect(sut(reversed)).toBe(sut(spec));
  });

  it("uses availabilityZones instead of subnets when the subnets are exactly eksctl's generated layout", () => {
    const config = parse(sut(sampleSpec('fargate-profiles')));
    expect(config.availabilityZones).toEqual(['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d']);
    expect(config.vpc).toEqual({ cidr: '10.60.0.0/16', nat: { gateway: 'Single' } });
    expect(config.fargateProfiles).toEqual([{ name: 'fp-default' }, { name: 'fp-batch', subnets: ['ap-northeast-1a', 'ap-northeast-1c'] }]);
  });

  it("lists the subnets when they are not eksctl's layout, and the node group subnets when they are not the default", () => {
    const spec = handDesign();
    spec.nodeGroups[0].subnets = ['private-eu-central-1b'];
    const config = parse(sut(spec));
    expect(config.availabilityZones).toBeUndefined();
    expect(Object.keys(config.vpc.subnets.private)).toEqual(['private-eu-central-1a', 'private-eu-central-1b']);
    expect(config.managedNodeGroups[0]).toEqual({
      name: 'web',
      instanceType: 'm5.large',
      subnets: ['private-eu-central-1b'],
      privateNetworking: true,
      desiredCapacity: 2,
      minSize: 1,
      maxSize: 3,
    });
    expect(importEksctl(sut(spec)).spec).toEqual(spec);
  });

  it('self-managed node groups: several types go to instancesDistribution, podsPerCore to kubeletExtraConfig; Windows maps to a Windows family', () => {
    const spec = handDesign();
    spec.nodeGroups[0] = {
      ...spec.nodeGroups[0],
      kind: 'SELF_MANAGED',
      amiFamily: 'WINDOWS',
      instanceTypes: ['m5.large', 'm5a.large'],
      podsPerCore: 8,
      maxPods: 58,
      securityGroups: ['sg-0abc'],
    };
    spec.securityGroups = [{ name: 'sg-0abc', ingress: [] }];
    const config = parse(sut(spec));
    expect(config.nodeGroups).toEqual([
      {
        name: 'web',
        amiFamily: 'WindowsServer2022CoreContainer',
        instancesDistribution: { instanceTypes: ['m5.large', 'm5a.large'] },
        privateNetworking: true,
        desiredCapacity: 2,
        minSize: 1,
        maxSize: 3,
        maxPodsPerNode: 58,
        kubeletExtraConfig: { podsPerCore: 8 },
        securityGroups: { attachIDs: ['sg-0abc'] },
      },
    ]);
    expect(importEksctl(sut(spec)).spec).toEqual(spec);
  });

  it('every DesignSpec AMI family exports to its eksctl amiFamily and imports back', () => {
    const expected = {
      AL2023: 'AmazonLinux2023',
      AL2: 'AmazonLinux2',
      BOTTLEROCKET: 'Bottlerocket',
      WINDOWS: 'WindowsServer2022CoreContainer',
    } as const;
    for (const [amiFamily, eksctlFamily] of Object.entries(expected)) {
      const spec = handDesign();
      spec.nodeGroups[0] = { ...spec.nodeGroups[0], amiFamily: amiFamily as keyof typeof expected };
      expect(parse(sut(spec)).managedNodeGroups[0].amiFamily).toBe(eksctlFamily);
      expect(importEksctl(sut(spec)).spec).toEqual(spec);
    }
  });

  it('keeps ENIConfigs whether or not custom networking is on', () => {
    const spec = handDesign();
    spec.vpc.secondaryCidrs = ['100.64.0.0/16'];
    spec.subnets.push({ name: 'pods-a', az: 'eu-central-1a', cidr: '100.64.0.0/17', natGateway: 'nat-eu-central-1a', roles: ['PODS'] });
    spec.cni = { customNetworking: false, eniConfigs: [{ az: 'eu-central-1a', subnet: 'pods-a' }] };
    expect(importEksctl(sut(spec)).spec).toEqual(spec);
  });

  it('a private cluster becomes privateCluster.enabled with no NAT setting', () => {
    const spec = handDesign();
    spec.subnets = spec.subnets.filter((subnet) => !subnet.public).map(({ natGateway: _, ...subnet }) => subnet);
    delete spec.natGateways;
    spec.endpointAccess = { public: false, private: true };
    const config = parse(sut(spec));
    expect(config.privateCluster).toEqual({ enabled: true });
    expect(config.vpc.nat).toBeUndefined();
    expect(importEksctl(sut(spec)).spec).toEqual(spec);
  });

  it("leaves out the IPv6 placeholder block and writes eksctl's IPv6 layout compactly", () => {
    const spec = importEksctl(
      'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: { name: v6, region: us-west-2 }\nkubernetesNetworkConfig: { ipFamily: IPv6 }\navailabilityZones: [us-west-2a, us-west-2b]\n',
    ).spec;
    expect(spec.vpc.ipv6Cidrs).toEqual(['2001:db8::/56']);
    const config = parse(sut(spec));
    expect(config.vpc).toEqual({ cidr: '192.168.0.0/16' });
    expect(config.availabilityZones).toEqual(['us-west-2a', 'us-west-2b']);
    expect(importEksctl(sut(spec)).spec).toEqual(spec);
  });

  it('property: CNI settings survive export and import unchanged', () => {
    const count = fc.integer({ min: 0, max: 64 });
    const settings = fc.record<CniSettings>(
      {
        version: fc.constantFrom('1.18.3', '1.20.0-eksbuild.1'),
        prefixDelegation: fc.boolean(),
        externalSnat: fc.boolean(),
        excludeSnatCidrs: fc.uniqueArray(fc.constantFrom('10.50.0.0/16', '172.16.0.0/12', '192.168.0.0/16'), { minLength: 1 }),
        warmEniTarget: count,
        warmIpTarget: count,
        minimumIpTarget: count,
        warmPrefixTarget: count,
        maxEni: fc.integer({ min: 1, max: 15 }),
        securityGroupsForPods: fc.boolean(),
        podSecurityGroupEnforcingMode: fc.constantFrom('STRICT', 'STANDARD'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(settings, (cni) => {
        const spec = { ...handDesign(), ...(Object.keys(cni).length === 0 ? {} : { cni }) };
        expect(importEksctl(sut(spec)).spec).toEqual(spec);
      }),
      { numRuns: 150, seed: 20261217 },
    );
  });
});

describe('exportEksctlWithNotes', () => {
  it('names every DesignSpec field a ClusterConfig cannot hold', () => {
    const { notExported } = exportEksctlWithNotes(validDesign());
    expect(notExported.map((note) => note.path)).toEqual([
      'subnets[*].roles',
      'cni.eniConfigs',
      'owner',
      'vpc.peers',
      'subnets[*].natGateway',
      'natGateways[*]',
      'natGateways',
      'loadBalancerController',
      'nodeGroups[0].maxSurge',
      'nodeGroups[1]',
      'nodeGroups[2].desiredSize',
      'nodeGroups[2].maxSize',
      'workloads',
      'securityGroups[0]',
      'securityGroups[*].ingress',
      'securityGroups',
      'clusterSecurityGroup',
    ]);
    expect(notExported.find((note) => note.path === 'nodeGroups[1]')?.reason).toBe(
      'KARPENTER node groups are Kubernetes NodePools, and only AUTO_MODE node groups named general-purpose or system are eksctl Auto Mode node pools; others are not ClusterConfig node groups.',
    );
    expect(notExported.find((note) => note.path === 'subnets[*].natGateway')?.reason).toMatch(
      / \(9 entries: subnets\[3\]\.natGateway, subnets\[4\]\.natGateway, .*, …\)$/,
    );
  });

  it('has nothing to say about a design eksctl holds completely', () => {
    expect(exportEksctlWithNotes(handDesign()).notExported).toEqual([]);
  });

  it('flags a NAT layout eksctl cannot build and a node group without instance types', () => {
    const spec = handDesign();
    spec.subnets[3].natGateway = undefined;
    spec.nodeGroups[0].instanceTypes = [];
    const paths = exportEksctlWithNotes(spec).notExported.map((note) => note.path);
    expect(paths).toEqual(['subnets[3].natGateway', 'nodeGroups[0].instanceTypes']);
  });
});
