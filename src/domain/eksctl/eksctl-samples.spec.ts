import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { validateDesignSpec } from '../spec/design-spec.validator.js';
import { catalogContext } from '../../../test/fixtures/spec/validation-context.fixture.js';
import { exportCni } from './cni-export.engine.js';
import { exportEksctl, exportEksctlWithNotes } from './eksctl-export.engine.js';
import { importEksctl as sut } from './eksctl-import.engine.js';

const SAMPLES = ['private-prefix-delegation', 'custom-networking', 'ipv6-cluster', 'fargate-profiles'] as const;
type Sample = (typeof SAMPLES)[number];

function sample(name: Sample): string {
  return readFileSync(new URL(`../../../test/fixtures/eksctl/${name}.yaml`, import.meta.url), 'utf8');
}

function expectValid(spec: DesignSpec): void {
  const result = validateDesignSpec(spec, catalogContext());
  expect(result.ok ? [] : result.details).toEqual([]);
  // The validator's clean copy keeps known fields only: the import invents none.
  expect(result.ok && result.spec).toEqual(spec);
}

const paths = (items: { path: string }[]) => items.map((item) => item.path);
const codes = (items: { code: string }[]) => items.map((item) => item.code);

describe('eksctl sample configs', () => {
  describe('(a) private subnets, managed node groups, prefix delegation', () => {
    const result = sut(sample('private-prefix-delegation'));

    it('imports a valid design', () => {
      expectValid(result.spec);
      expect(result.warnings).toEqual([]);
    });

    it('maps metadata, network config, endpoint access and the CNI', () => {
      const { spec } = result;
      expect(spec).toMatchObject({
        name: 'payments-prod',
        region: 'us-east-1',
        kubernetesVersion: '1.31',
        tags: ['team=payments', 'environment=prod'],
        ipFamily: 'IPV4',
        vpc: { cidrs: ['10.0.0.0/16'] },
        serviceIpv4Cidr: '172.20.0.0/16',
        endpointAccess: { public: true, private: true, publicAccessCidrs: ['203.0.113.0/24'] },
        cni: { version: '1.20.0-eksbuild.1', prefixDelegation: true, warmPrefixTarget: 1, warmIpTarget: 5, minimumIpTarget: 10 },
      });
      expect(spec.vpc.secondaryCidrs).toBeUndefined();
    });

    it('names AZ-keyed subnets by topology and zone, with roles and one NAT gateway per AZ', () => {
      const { spec } = result;
      expect(
        spec.subnets.map(({ name, cidr, public: isPublic, natGateway, roles }) => [
          name,
          cidr,
          isPublic ?? false,
          natGateway ?? null,
          roles,
        ]),
      ).toEqual([
        ['public-us-east-1a', '10.0.0.0/22', true, null, ['ELB']],
        ['public-us-east-1b', '10.0.4.0/22', true, null, ['ELB']],
        ['public-us-east-1c', '10.0.8.0/22', true, null, ['ELB']],
        ['private-us-east-1a', '10.0.32.0/19', false, 'nat-us-east-1a', ['NODES', 'INTERNAL_ELB']],
        ['private-us-east-1b', '10.0.64.0/19', false, 'nat-us-east-1b', ['NODES', 'INTERNAL_ELB']],
        ['private-us-east-1c', '10.0.96.0/19', false, 'nat-us-east-1c', ['NODES', 'INTERNAL_ELB']],
      ]);
      expect(spec.natGateways).toEqual([
        { name: 'nat-us-east-1a', subnet: 'public-us-east-1a' },
        { name: 'nat-us-east-1b', subnet: 'public-us-east-1b' },
        { name: 'nat-us-east-1c', subnet: 'public-us-east-1c' },
      ]);
    });

    it('places privateNetworking node groups in the private subnets (all of them, or the listed AZ keys)', () => {
      expect(result.spec.nodeGroups).toEqual([
        {
          name: 'general',
          kind: 'MANAGED',
          amiFamily: 'AL2023',
          instanceTypes: ['m5.large', 'm5.xlarge'],
          subnets: ['private-us-east-1a', 'private-us-east-1b', 'private-us-east-1c'],
          minSize: 3,
          desiredSize: 6,
          maxSize: 12,
          maxPods: 110,
        },
        {
          name: 'system',
          kind: 'MANAGED',
          amiFamily: 'BOTTLEROCKET',
          instanceTypes: ['c6i.large'],
          subnets: ['private-us-east-1a', 'private-us-east-1b'],
          minSize: 2,
          desiredSize: 2,
          maxSize: 4,
        },
      ]);
    });

    it('reports every field it does not carry, with its line', () => {
      expect(result.unsupported).toEqual([
        { path: 'iam', line: 37, message: 'IAM (OIDC, service accounts, pod identity) is not part of network planning.' },
        { path: 'addons[0].attachPolicyARNs', line: 43, message: 'Add-on IAM is not part of network planning.' },
        { path: 'addons[1]', line: 47, message: 'Only the vpc-cni add-on is part of network planning; "coredns" is not imported.' },
        { path: 'addons[2]', line: 49, message: 'Only the vpc-cni add-on is part of network planning; "kube-proxy" is not imported.' },
        { path: 'managedNodeGroups[0].labels', line: 61, message: 'Kubernetes node labels are not part of network planning.' },
        { path: 'managedNodeGroups[0].tags', line: 63, message: 'Resource tags are not part of network planning.' },
        { path: 'managedNodeGroups[1].taints', line: 73, message: 'Node taints are not part of network planning.' },
      ]);
    });

    it('exports the CNI settings exactly', () => {
      expect(exportCni(result.spec)).toEqual({
        env: { ENABLE_PREFIX_DELEGATION: 'true', MINIMUM_IP_TARGET: '10', WARM_IP_TARGET: '5', WARM_PREFIX_TARGET: '1' },
        setEnvCommand: [
          'kubectl set env daemonset aws-node -n kube-system \\',
          '  ENABLE_PREFIX_DELEGATION=true \\',
          '  MINIMUM_IP_TARGET=10 \\',
          '  WARM_IP_TARGET=5 \\',
          '  WARM_PREFIX_TARGET=1',
        ].join('\n'),
        configurationValues:
          '{"env":{"ENABLE_PREFIX_DELEGATION":"true","MINIMUM_IP_TARGET":"10","WARM_IP_TARGET":"5","WARM_PREFIX_TARGET":"1"}}',
        eniConfigs: '',
      });
    });
  });

  describe('(b) custom networking on 100.64.0.0/16 in an existing VPC', () => {
    const result = sut(sample('custom-networking'));

    it('imports a valid design', () => {
      expectValid(result.spec);
    });

    it('infers the secondary CIDR holding the pod subnets, and says so', () => {
      expect(result.spec.vpc).toEqual({ id: 'vpc-0a1b2c3d4e5f60718', cidrs: ['10.20.0.0/16'], secondaryCidrs: ['100.64.0.0/16'] });
      expect(codes(result.warnings)).toEqual(['SECONDARY_CIDR_INFERRED', 'NAT_GATEWAY_EXISTING_VPC', 'SECURITY_GROUP_RULES_UNKNOWN']);
      expect(result.warnings[0]).toEqual({
        code: 'SECONDARY_CIDR_INFERRED',
        path: 'vpc.subnets',
        message:
          'Subnets pods-a, pods-b, pods-c lie outside vpc.cidr; the VPC must have 100.64.0.0/16 associated, so the design lists it in vpc.secondaryCidrs.',
      });
    });

    it('keeps named subnets by key, marks the eniConfig subnets as pod subnets and has no NAT gateway (existing VPC)', () => {
      const { spec } = result;
      expect(spec.subnets.map(({ name, az, roles }) => [name, az, roles])).toEqual([
        ['public-eu-west-1a', 'eu-west-1a', ['ELB']],
        ['public-eu-west-1b', 'eu-west-1b', ['ELB']],
        ['public-eu-west-1c', 'eu-west-1c', ['ELB']],
        ['nodes-a', 'eu-west-1a', ['NODES', 'INTERNAL_ELB']],
        ['nodes-b', 'eu-west-1b', ['NODES', 'INTERNAL_ELB']],
        ['nodes-c', 'eu-west-1c', ['NODES', 'INTERNAL_ELB']],
        ['pods-a', 'eu-west-1a', ['PODS']],
        ['pods-b', 'eu-west-1b', ['PODS']],
        ['pods-c', 'eu-west-1c', ['PODS']],
      ]);
      expect(spec.natGateways).toBeUndefined();
      expect(spec.subnets.every((subnet) => subnet.natGateway === undefined)).toBe(true);
      expect(spec.endpointAccess).toEqual({ public: false, private: true });
    });

    it('reads the CNI env and the eniConfig (by subnet ID or key) with its security groups', () => {
      expect(result.spec.cni).toEqual({
        version: '1.19.2-eksbuild.1',
        customNetworking: true,
        externalSnat: false,
        excludeSnatCidrs: ['10.50.0.0/16', '192.168.0.0/16'],
        warmEniTarget: 1,
        securityGroupsForPods: true,
        podSecurityGroupEnforcingMode: 'STANDARD',
        eniConfigs: [
          { az: 'eu-west-1a', subnet: 'pods-a', securityGroups: ['sg-0f00000000000pods'] },
          { az: 'eu-west-1b', subnet: 'pods-b', securityGroups: ['sg-0f00000000000pods'] },
          { az: 'eu-west-1c', subnet: 'pods-c', securityGroups: ['sg-0f00000000000pods'] },
        ],
      });
      expect(result.spec.securityGroups).toEqual([
        { name: 'sg-0f00000000000pods', ingress: [] },
        { name: 'sg-0e0000000000nodes', ingress: [] },
      ]);
    });

    it('resolves node group subnets given as keys or subnet IDs; self-managed podsPerCore comes from kubeletExtraConfig', () => {
      expect(result.spec.nodeGroups).toEqual([
        {
          name: 'workers',
          kind: 'MANAGED',
          amiFamily: 'AL2',
          instanceTypes: ['m5.2xlarge'],
          subnets: ['nodes-a', 'nodes-b', 'nodes-c'],
          minSize: 2,
          desiredSize: 4,
          maxSize: 10,
          securityGroups: ['sg-0e0000000000nodes'],
        },
        {
          name: 'batch',
          kind: 'SELF_MANAGED',
          instanceTypes: ['c5.4xlarge'],
          subnets: ['nodes-a', 'nodes-b'],
          minSize: 0,
          desiredSize: 2,
          maxSize: 20,
          podsPerCore: 10,
        },
      ]);
    });

    it('keeps the VPC and subnet IDs, and reports the settings it does not model', () => {
      expect(result.spec.subnets.every((subnet) => /^subnet-[0-9a-f]{17}$/.test(subnet.id ?? ''))).toBe(true);
      expect(paths(result.unsupported)).toEqual([
        'addons[0].configurationValues.env.AWS_VPC_K8S_CNI_LOGLEVEL',
        'nodeGroups[0].kubeletExtraConfig.kubeReserved',
        'nodeGroups[0].ssh',
      ]);
      expect(result.unsupported.find((item) => item.path.endsWith('LOGLEVEL'))).toEqual({
        path: 'addons[0].configurationValues.env.AWS_VPC_K8S_CNI_LOGLEVEL',
        line: 34,
        message: 'VPC CNI setting AWS_VPC_K8S_CNI_LOGLEVEL is not modelled by the planner.',
      });
    });

    it('exports the CNI settings exactly, with one ENIConfig per AZ', () => {
      const cni = exportCni(result.spec);
      const env = {
        AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
        AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS: '10.50.0.0/16,192.168.0.0/16',
        AWS_VPC_K8S_CNI_EXTERNALSNAT: 'false',
        ENABLE_POD_ENI: 'true',
        ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone',
        POD_SECURITY_GROUP_ENFORCING_MODE: 'standard',
        WARM_ENI_TARGET: '1',
      };
      expect(cni.env).toEqual(env);
      expect(Object.keys(cni.env)).toEqual(Object.keys(env));
      expect(cni.setEnvCommand).toBe(
        [
          'kubectl set env daemonset aws-node -n kube-system \\',
          '  AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true \\',
          '  AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS=10.50.0.0/16,192.168.0.0/16 \\',
          '  AWS_VPC_K8S_CNI_EXTERNALSNAT=false \\',
          '  ENABLE_POD_ENI=true \\',
          '  ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone \\',
          '  POD_SECURITY_GROUP_ENFORCING_MODE=standard \\',
          '  WARM_ENI_TARGET=1',
        ].join('\n'),
      );
      const pods = { securityGroups: ['sg-0f00000000000pods'] };
      expect(JSON.parse(cni.configurationValues)).toEqual({
        env,
        eniConfig: {
          create: true,
          region: 'eu-west-1',
          subnets: {
            'eu-west-1a': { id: 'pods-a', ...pods },
            'eu-west-1b': { id: 'pods-b', ...pods },
            'eu-west-1c': { id: 'pods-c', ...pods },
          },
        },
      });
      expect(cni.eniConfigs).toBe(
        ['a', 'b', 'c']
          .map((zone) =>
            [
              `# subnet: the ID of subnet pods-${zone} (eu-west-1${zone})`,
              'apiVersion: crd.k8s.amazonaws.com/v1alpha1',
              'kind: ENIConfig',
              'metadata:',
              `  name: eu-west-1${zone}`,
              'spec:',
              `  subnet: pods-${zone}`,
              '  securityGroups:',
              '    - sg-0f00000000000pods',
              '',
            ].join('\n'),
          )
          .join('---\n'),
      );
    });
  });

  describe('(c) IPv6 cluster', () => {
    const result = sut(sample('ipv6-cluster'));

    it("imports a valid design with eksctl's generated dual-stack subnets", () => {
      expectValid(result.spec);
      expect(result.warnings).toEqual([]);
      expect(result.spec.ipFamily).toBe('IPV6');
      expect(result.spec.vpc).toEqual({ cidrs: ['10.40.0.0/16'], ipv6Cidrs: ['2600:1f14:abc:de00::/56'] });
      expect(result.spec.subnets.map(({ name, cidr, ipv6Cidr }) => [name, cidr, ipv6Cidr])).toEqual([
        ['public-us-west-2a', '10.40.0.0/19', '2600:1f14:abc:de00::/64'],
        ['public-us-west-2b', '10.40.32.0/19', '2600:1f14:abc:de01::/64'],
        ['public-us-west-2c', '10.40.64.0/19', '2600:1f14:abc:de02::/64'],
        ['private-us-west-2a', '10.40.96.0/19', '2600:1f14:abc:de03::/64'],
        ['private-us-west-2b', '10.40.128.0/19', '2600:1f14:abc:de04::/64'],
        ['private-us-west-2c', '10.40.160.0/19', '2600:1f14:abc:de05::/64'],
      ]);
    });

    it('has the single NAT gateway eksctl creates for IPv6 clusters', () => {
      expect(result.spec.natGateways).toEqual([{ name: 'nat-us-west-2a', subnet: 'public-us-west-2a' }]);
      expect(result.spec.subnets.filter((subnet) => !subnet.public).map((subnet) => subnet.natGateway)).toEqual([
        'nat-us-west-2a',
        'nat-us-west-2a',
        'nat-us-west-2a',
      ]);
      expect(result.spec.cni).toEqual({ version: '1.20.0-eksbuild.1' });
    });

    it('reports the BYOIPv6 pool, IAM and the other add-ons', () => {
      expect(paths(result.unsupported)).toEqual(['vpc.ipv6Pool', 'iam', 'addons[1]', 'addons[2]']);
    });

    it('exports IPv6 mode to the CNI', () => {
      expect(exportCni(result.spec).env).toEqual({ ENABLE_IPv4: 'false', ENABLE_IPv6: 'true', ENABLE_PREFIX_DELEGATION: 'true' });
    });
  });

  describe('(d) Fargate profiles', () => {
    const result = sut(sample('fargate-profiles'));

    it('imports a valid design: Fargate profiles become FARGATE node groups in private subnets', () => {
      expectValid(result.spec);
      expect(result.warnings).toEqual([]);
      expect(
        result.spec.nodeGroups.map(({ name, kind, instanceTypes, subnets, desiredSize }) => ({
          name,
          kind,
          instanceTypes,
          subnets,
          desiredSize,
        })),
      ).toEqual([
        {
          name: 'system',
          kind: 'MANAGED',
          instanceTypes: ['t3.medium'],
          subnets: ['private-ap-northeast-1a', 'private-ap-northeast-1c', 'private-ap-northeast-1d'],
          desiredSize: 2,
        },
        {
          name: 'fp-default',
          kind: 'FARGATE',
          instanceTypes: [],
          subnets: ['private-ap-northeast-1a', 'private-ap-northeast-1c', 'private-ap-northeast-1d'],
          desiredSize: 0,
        },
        {
          name: 'fp-batch',
          kind: 'FARGATE',
          instanceTypes: [],
          subnets: ['private-ap-northeast-1a', 'private-ap-northeast-1c'],
          desiredSize: 0,
        },
      ]);
    });

    it('lays out the VPC as eksctl does (SplitInto8) with one NAT gateway', () => {
      expect(result.spec.subnets.map((subnet) => subnet.cidr)).toEqual([
        '10.60.0.0/19',
        '10.60.32.0/19',
        '10.60.64.0/19',
        '10.60.96.0/19',
        '10.60.128.0/19',
        '10.60.160.0/19',
      ]);
      expect(result.spec.natGateways).toEqual([{ name: 'nat-ap-northeast-1a', subnet: 'public-ap-northeast-1a' }]);
    });

    it('reports the selectors (no DesignSpec counterpart) and tags', () => {
      expect(result.unsupported).toEqual([
        {
          path: 'fargateProfiles[0].selectors',
          line: 26,
          message:
            'Selectors choose which pods run on Fargate; a DesignSpec has no pod selectors (model those pods as workloads on this node group).',
        },
        {
          path: 'fargateProfiles[1].selectors',
          line: 30,
          message:
            'Selectors choose which pods run on Fargate; a DesignSpec has no pod selectors (model those pods as workloads on this node group).',
        },
        { path: 'fargateProfiles[1].tags', line: 35, message: 'Resource tags are not part of network planning.' },
      ]);
    });
  });

  describe.each(SAMPLES)('round trip of %s', (name) => {
    const imported = sut(sample(name)).spec;

    it('import → export → import gives the same spec, and nothing is lost on the way back', () => {
      const exported = exportEksctlWithNotes(imported);

      expect(sut(exported.yaml).spec).toEqual(imported);
      expect(exported.yaml).toBe(exportEksctl(imported));
      expect(exported.notExported.filter((note) => !/replace them with subnet IDs|ipv6Pool/.test(note.reason))).toEqual([]);
    });

    it('exports deterministically', () => {
      expect(exportEksctl(structuredClone(imported))).toBe(exportEksctl(imported));
      expect(exportEksctl(sut(exportEksctl(imported)).spec)).toBe(exportEksctl(imported));
    });
  });
});
