import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseDocument, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { validateDesignSpec } from '../spec/design-spec.validator.js';
import { catalogContext } from '../../../test/fixtures/spec/validation-context.fixture.js';
import { importEksctl as sut } from './eksctl-import.engine.js';

const HEADER = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-east-1\n';

/** A ClusterConfig with the standard header and `body` (YAML, top-level keys). */
function config(body: string): string {
  return `${HEADER}${body}`;
}

/** An existing VPC with two public and two private AZ-keyed subnets. */
const TWO_ZONES = [
  'vpc:',
  '  cidr: 10.0.0.0/16',
  '  subnets:',
  '    public:',
  '      us-east-1a: { cidr: 10.0.0.0/24 }',
  '      us-east-1b: { cidr: 10.0.1.0/24 }',
  '    private:',
  '      us-east-1a: { cidr: 10.0.16.0/20 }',
  '      us-east-1b: { cidr: 10.0.32.0/20 }',
  '',
].join('\n');

const thrown = (action: () => unknown): InvalidInputError => thrownBy(action, InvalidInputError);

const paths = (items: { path: string }[]) => items.map((item) => item.path);
const codes = (items: { code: string }[]) => items.map((item) => item.code);

describe('importEksctl', () => {
  describe('documents that are not an eksctl ClusterConfig', () => {
    it.each([
      ['a list', '- a\n- b\n', 'Expected an eksctl ClusterConfig (a YAML mapping), got a list.'],
      ['a scalar', 'hello\n', 'Expected an eksctl ClusterConfig (a YAML mapping), got a string.'],
      ['an empty document', '# nothing\n', 'Expected an eksctl ClusterConfig (a YAML mapping), got an empty document.'],
      [
        'a Kubernetes object',
        'apiVersion: v1\nkind: Service\n',
        'Not an eksctl ClusterConfig: apiVersion expected eksctl.io/v1alpha5, got "v1"; kind expected ClusterConfig, got "Service".',
      ],
      [
        'an older apiVersion',
        'apiVersion: eksctl.io/v1alpha4\nkind: ClusterConfig\n',
        'Not an eksctl ClusterConfig: apiVersion expected eksctl.io/v1alpha5, got "eksctl.io/v1alpha4".',
      ],
      [
        'a ClusterConfig without kind',
        'apiVersion: eksctl.io/v1alpha5\n',
        'Not an eksctl ClusterConfig: kind expected ClusterConfig, got null.',
      ],
    ])('%s → NOT_AN_EKSCTL_CLUSTER_CONFIG', (_, text, message) => {
      const error = thrown(() => sut(text));
      expect(error.code).toBe('NOT_AN_EKSCTL_CLUSTER_CONFIG');
      expect(error.message).toBe(message);
    });
  });

  describe('invalid fields', () => {
    it('collects every wrongly typed mapped field with its path and line', () => {
      const error = thrown(() =>
        sut(config('managedNodeGroups:\n  - name: web\n    desiredCapacity: lots\n    minSize: -1\n    privateNetworking: maybe\n')),
      );
      expect(error.code).toBe('EKSCTL_CONFIG_INVALID');
      expect(error.details).toEqual([
        { path: 'managedNodeGroups[0].desiredCapacity', message: 'line 8: Expected a whole number of at least 0, got string "lots".' },
        { path: 'managedNodeGroups[0].minSize', message: 'line 9: Expected a whole number of at least 0, got number -1.' },
        { path: 'managedNodeGroups[0].privateNetworking', message: 'line 10: Expected true or false, got string "maybe".' },
      ]);
      expect(error.message).toBe(
        'The eksctl config is invalid at managedNodeGroups[0].desiredCapacity: line 8: Expected a whole number of at least 0, got string "lots". (and 2 more)',
      );
    });

    it('requires metadata.name and metadata.region', () => {
      const error = thrown(() => sut('apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {}\n'));
      expect(error.details.map((detail) => detail.path)).toEqual(['metadata.name', 'metadata.region']);
    });

    it.each([
      [
        'an unknown NAT mode',
        'vpc:\n  nat:\n    gateway: Multiple\n',
        'vpc.nat.gateway',
        'Expected one of Single, HighlyAvailable, Disable, got "Multiple".',
      ],
      [
        'an unknown IP family',
        'kubernetesNetworkConfig:\n  ipFamily: IPv5\n',
        'kubernetesNetworkConfig.ipFamily',
        'Expected IPv4 or IPv6, got "IPv5".',
      ],
      [
        'a subnet list that is not a list',
        'managedNodeGroups:\n  - name: a\n    subnets: private-a\n',
        'managedNodeGroups[0].subnets',
        'Expected a list of text, got string "private-a".',
      ],
      [
        'a VPC CIDR with host bits',
        'vpc:\n  cidr: 10.0.0.1/16\n',
        'vpc.cidr',
        '"10.0.0.1/16" has host bits set; the network is 10.0.0.0/16.',
      ],
      ['node groups as a mapping', 'managedNodeGroups:\n  web: {}\n', 'managedNodeGroups', 'Expected a list, got a mapping.'],
    ])('%s', (_, body, path, message) => {
      const error = thrown(() => sut(config(body)));
      expect(error.code).toBe('EKSCTL_CONFIG_INVALID');
      expect(error.details).toHaveLength(1);
      expect(error.details[0].path).toBe(path);
      expect(error.details[0].message).toMatch(new RegExp(`^line \\d+: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    });

    it('a malformed configurationValues string is MALFORMED_YAML at the add-on, naming both lines', () => {
      const error = thrown(() =>
        sut(config('addons:\n  - name: vpc-cni\n    configurationValues: |\n      {"env": {"WARM_IP_TARGET": "2"\n')),
      );
      expect(error.code).toBe('MALFORMED_YAML');
      expect(error.details[0].path).toBe('addons[0].configurationValues');
      expect(error.message).toMatch(/^The addons\[0\]\.configurationValues \(line 8\) is not valid YAML at line 2, column 1: /);
    });
  });

  describe('every field that is not carried is reported', () => {
    it('typos are named as such, known eksctl fields get their reason', () => {
      const result = sut(
        config(
          [
            'managedNodegroups: []',
            'cloudWatch:',
            '  clusterLogging: { enableTypes: [api] }',
            'vpc:',
            '  cidr: 10.0.0.0/16',
            '  sharedNodeSecurityGroup: sg-0123',
            '  natt: { gateway: Single }',
            '  clusterEndpoints: { publicAccess: true, privateAcess: true }',
            'managedNodeGroups:',
            '  - name: web',
            '    instanceType: m5.large',
            '    instanceSelector: { vCPUs: 2 }',
            '    amiFamily: Ubuntu2204',
            '    desiredCapcity: 3',
            '',
          ].join('\n'),
        ),
      );

      expect(result.unsupported).toEqual([
        {
          path: 'managedNodegroups',
          line: 6,
          message: '"managedNodegroups" is not a ClusterConfig field (a typo?); eksctl would reject it.',
        },
        { path: 'cloudWatch', line: 7, message: 'Control-plane logging is not part of network planning.' },
        {
          path: 'vpc.sharedNodeSecurityGroup',
          line: 11,
          message: 'The shared node security group is referenced by ID only; its rules are unknown.',
        },
        { path: 'vpc.natt', line: 12, message: '"natt" is not an eksctl vpc field (a typo?); eksctl would reject it.' },
        { path: 'vpc.clusterEndpoints.privateAcess', line: 13, message: 'Not part of a DesignSpec (network planning); not imported.' },
        {
          path: 'managedNodeGroups[0].instanceSelector',
          line: 17,
          message: 'eksctl resolves instanceSelector to instance types at creation; list instanceTypes to plan them.',
        },
        {
          path: 'managedNodeGroups[0].amiFamily',
          line: 18,
          message:
            'Ubuntu2204 is not among the DesignSpec AMI families (AL2023, AL2, BOTTLEROCKET, WINDOWS); the node group is planned without one.',
        },
        {
          path: 'managedNodeGroups[0].desiredCapcity',
          line: 19,
          message: '"desiredCapcity" is not an eksctl managed nodegroup field (a typo?); eksctl would reject it.',
        },
      ]);
      expect(result.spec.nodeGroups[0].amiFamily).toBeUndefined();
    });

    it('reports CNI settings, configurationValues keys and eniConfig fields it does not model, even inside the JSON string', () => {
      const values = {
        env: { WARM_IP_TARGET: '3', AWS_VPC_ENI_MTU: '1500' },
        enableNetworkPolicy: 'true',
        eniConfig: { create: true, tags: { a: 'b' } },
      };
      const result = sut(config(`addons:\n  - name: vpc-cni\n    configurationValues: '${JSON.stringify(values)}'\n`));
      expect(result.spec.cni).toEqual({ warmIpTarget: 3 });
      expect(result.unsupported).toEqual([
        {
          path: 'addons[0].configurationValues.env.AWS_VPC_ENI_MTU',
          line: 8,
          message: 'VPC CNI setting AWS_VPC_ENI_MTU is not modelled by the planner.',
        },
        {
          path: 'addons[0].configurationValues.enableNetworkPolicy',
          line: 8,
          message: 'vpc-cni configuration "enableNetworkPolicy" is not modelled by the planner.',
        },
        { path: 'addons[0].configurationValues.eniConfig.tags', line: 8, message: 'Not modelled by the planner; not imported.' },
      ]);
    });

    it('reports metadata it cannot carry: annotations, odd tags, a non-numeric version', () => {
      const result = sut(
        config('  version: latest\n  tags:\n    team: payments\n    cost center: "42"\n    flag: ""\n  annotations:\n    note: hi\n'),
      );
      expect(result.spec.tags).toEqual(['team=payments', 'flag']);
      expect(result.spec.kubernetesVersion).toBeUndefined();
      expect(paths(result.unsupported)).toEqual(['metadata.version', 'metadata.tags["cost center"]', 'metadata.annotations']);
    });

    it('property: an unknown field added anywhere in a real config is reported at its path (never silently dropped)', () => {
      const base = parseDocument(
        readFileSync(new URL('../../../test/fixtures/eksctl/custom-networking.yaml', import.meta.url), 'utf8'),
      ).toJS() as Record<string, unknown>;
      const containers: (string | number)[][] = [
        // Not vpc.subnets.private itself: every key there is a subnet.
        [],
        ['metadata'],
        ['vpc'],
        ['vpc', 'subnets'],
        ['vpc', 'subnets', 'public', 'eu-west-1a'],
        ['vpc', 'subnets', 'private', 'pods-a'],
        ['vpc', 'clusterEndpoints'],
        ['addons', 0],
        ['managedNodeGroups', 0],
        ['managedNodeGroups', 0, 'securityGroups'],
        ['nodeGroups', 0],
        ['nodeGroups', 0, 'kubeletExtraConfig'],
      ];
      fc.assert(
        fc.property(
          fc.constantFrom(...containers),
          fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/),
          fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 8 })),
          (at, key, value) => {
            const document = structuredClone(base);
            let target: Record<string, unknown> = document;
            for (const segment of at) target = (target as Record<string | number, unknown>)[segment] as Record<string, unknown>;
            fc.pre(!(key in target));
            target[`x${key}`] = value;
            const added = [...at, `x${key}`].reduce<string>(
              (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`),
              '',
            );
            const reported = sut(stringify(document)).unsupported.map((item) => item.path);
            expect(reported.some((path) => added === path || added.startsWith(`${path}.`) || added.startsWith(`${path}[`))).toBe(true);
          },
        ),
        { numRuns: 60, seed: 20261218 },
      );
    });
  });

  describe('VPC and subnets', () => {
    it('with no subnets, lays them out as eksctl would in the default VPC CIDR, assuming three AZs', () => {
      const result = sut(config('managedNodeGroups:\n  - name: web\n    instanceType: m5.large\n    desiredCapacity: 2\n'));
      expect(result.spec.vpc).toEqual({ cidrs: ['192.168.0.0/16'] });
      expect(result.spec.subnets.map((subnet) => `${subnet.name} ${subnet.cidr}`)).toEqual([
        'public-us-east-1a 192.168.0.0/19',
        'public-us-east-1b 192.168.32.0/19',
        'public-us-east-1c 192.168.64.0/19',
        'private-us-east-1a 192.168.96.0/19',
        'private-us-east-1b 192.168.128.0/19',
        'private-us-east-1c 192.168.160.0/19',
      ]);
      expect(codes(result.warnings)).toEqual(['AVAILABILITY_ZONES_ASSUMED']);
      // No privateNetworking: the node group runs in the public subnets, which then host nodes too.
      expect(result.spec.nodeGroups[0].subnets).toEqual(['public-us-east-1a', 'public-us-east-1b', 'public-us-east-1c']);
      expect(result.spec.subnets[0].roles).toEqual(['NODES', 'ELB']);
      expect(result.spec.natGateways).toEqual([{ name: 'nat-us-east-1a', subnet: 'public-us-east-1a' }]);
      expect(validateDesignSpec(result.spec, catalogContext()).ok).toBe(true);
    });

    it('infers the VPC CIDR of an existing VPC from its subnets, and skips subnets it cannot place', () => {
      const result = sut(
        config(
          [
            'vpc:',
            '  id: vpc-0123',
            '  subnets:',
            '    private:',
            '      us-east-1a: { id: subnet-0aaa, cidr: 172.31.0.0/20 }',
            '      us-east-1b: { id: subnet-0bbb, cidr: 172.31.16.0/20 }',
            '      us-east-1c: { id: subnet-0ccc }',
            '      spare: { cidr: 172.31.48.0/20 }',
            'managedNodeGroups:',
            '  - name: web',
            '    instanceType: m5.large',
            '    desiredCapacity: 2',
            '    privateNetworking: true',
            '    subnets: [subnet-0aaa, us-east-1c, subnet-0fff]',
            '',
          ].join('\n'),
        ),
      );
      expect(result.spec.vpc).toEqual({ cidrs: ['172.31.0.0/16'] });
      expect(result.spec.subnets.map((subnet) => subnet.name)).toEqual(['private-us-east-1a', 'private-us-east-1b']);
      expect(result.spec.nodeGroups[0].subnets).toEqual(['private-us-east-1a']);
      expect(result.warnings).toEqual([
        {
          code: 'SUBNET_SKIPPED',
          path: 'vpc.subnets.private.us-east-1c',
          message:
            'vpc.subnets.private.us-east-1c was left out of the design: subnet-0ccc is given by id only (eksctl looks it up by ID, but the planner never calls AWS: add its cidr, or import the VPC from the AWS CLI with POST /v1/designs/import/aws, to plan its IPs).',
        },
        {
          code: 'SUBNET_SKIPPED',
          path: 'vpc.subnets.private.spare',
          message: 'vpc.subnets.private.spare was left out of the design: it has no az and its key is not an Availability Zone.',
        },
        {
          code: 'VPC_CIDR_INFERRED',
          path: 'vpc',
          message:
            'The config names an existing VPC without vpc.cidr; 172.31.0.0/16 (the largest block around private-us-east-1a) stands in for its CIDR.',
        },
        {
          code: 'NAT_GATEWAY_EXISTING_VPC',
          path: 'vpc',
          message:
            'eksctl does not manage NAT gateways in an existing VPC, so the design has none; add natGateways if the private subnets route through one.',
        },
        {
          code: 'SUBNET_REFERENCE_UNRESOLVED',
          path: 'managedNodeGroups[0].subnets[1]',
          message:
            'managedNodeGroups[0].subnets[1] refers to "us-east-1c", but that subnet was left out (subnet-0ccc is given by id only); the reference was dropped.',
        },
        {
          code: 'SUBNET_REFERENCE_UNRESOLVED',
          path: 'managedNodeGroups[0].subnets[2]',
          message:
            'managedNodeGroups[0].subnets[2] refers to "subnet-0fff", but no subnet in vpc.subnets has that key or ID; the reference was dropped.',
        },
      ]);
    });

    it('takes vpc.extraCIDRs as secondary CIDRs without a warning, and names colliding keys apart', () => {
      const result = sut(
        config(
          [
            'vpc:',
            '  cidr: 10.0.0.0/16',
            '  extraCIDRs: [100.64.0.0/16]',
            '  subnets:',
            '    public:',
            '      edge: { az: us-east-1a, cidr: 10.0.0.0/24 }',
            '      us-east-1b: { cidr: 10.0.1.0/24 }',
            '    private:',
            '      edge: { az: us-east-1a, cidr: 100.64.0.0/18 }',
            '      "app/a": { az: us-east-1a, cidr: 10.0.16.0/20 }',
            '',
          ].join('\n'),
        ),
      );
      expect(result.spec.vpc).toEqual({ cidrs: ['10.0.0.0/16'], secondaryCidrs: ['100.64.0.0/16'] });
      expect(result.spec.subnets.map((subnet) => subnet.name)).toEqual(['edge', 'public-us-east-1b', 'private-edge', 'app-a']);
      expect(result.warnings).toEqual([]);
    });

    it('control-plane subnets: vpc.controlPlaneSubnetIDs (IDs or keys) or controlPlaneOnPrivateSubnets', () => {
      const byIds = sut(config(`${TWO_ZONES}  controlPlaneSubnetIDs: [us-east-1a, subnet-0nope]\n`));
      expect(byIds.spec.subnets.map((subnet) => subnet.roles)).toEqual([
        ['ELB'],
        ['ELB'],
        ['NODES', 'CLUSTER_ENDPOINTS', 'INTERNAL_ELB'],
        ['NODES', 'INTERNAL_ELB'],
      ]);
      expect(codes(byIds.warnings)).toEqual(['SUBNET_REFERENCE_UNRESOLVED']);

      const onPrivate = sut(config(`${TWO_ZONES}  controlPlaneOnPrivateSubnets: true\n`));
      expect(onPrivate.spec.subnets.filter((subnet) => subnet.roles?.includes('CLUSTER_ENDPOINTS')).map((subnet) => subnet.name)).toEqual([
        'private-us-east-1a',
        'private-us-east-1b',
      ]);
    });

    it('a private cluster: endpoint private only, no public subnets, no NAT gateway', () => {
      const result = sut(
        config(
          'availabilityZones: [us-east-1a, us-east-1b]\nvpc:\n  cidr: 10.9.0.0/16\nprivateCluster:\n  enabled: true\n  skipEndpointCreation: false\n',
        ),
      );
      expect(result.spec.endpointAccess).toEqual({ public: false, private: true });
      expect(result.spec.subnets.map((subnet) => `${subnet.name} ${subnet.cidr}`)).toEqual([
        'private-us-east-1a 10.9.64.0/19',
        'private-us-east-1b 10.9.96.0/19',
      ]);
      expect(result.spec.natGateways).toBeUndefined();
      expect(paths(result.unsupported)).toEqual(['privateCluster.skipEndpointCreation']);
    });

    it('NAT: Disable gives none; an explicit mode in an existing VPC is taken as its layout, with a warning', () => {
      expect(sut(config(`${TWO_ZONES}  nat: { gateway: Disable }\n`)).spec.natGateways).toBeUndefined();
      const existing = sut(
        config(TWO_ZONES.replace('  cidr: 10.0.0.0/16', '  id: vpc-0123\n  cidr: 10.0.0.0/16') + '  nat: { gateway: Single }\n'),
      );
      expect(existing.spec.natGateways).toEqual([{ name: 'nat-us-east-1a', subnet: 'public-us-east-1a' }]);
      expect(existing.warnings.map((warning) => warning.message)).toContain(
        'eksctl ignores vpc.nat for an existing VPC; the design takes gateway Single as a description of the existing NAT layout.',
      );
    });

    it('an IPv6 cluster without a BYOIP block plans with a documentation-prefix placeholder; vpc.nat is eksctl-managed there', () => {
      const result = sut(
        config(
          'kubernetesNetworkConfig:\n  ipFamily: IPv6\navailabilityZones: [us-east-1a, us-east-1b]\nvpc:\n  nat: { gateway: HighlyAvailable }\n',
        ),
      );
      expect(result.spec.vpc.ipv6Cidrs).toEqual(['2001:db8::/56']);
      expect(result.spec.subnets.map((subnet) => subnet.ipv6Cidr)).toEqual([
        '2001:db8::/64',
        '2001:db8:0:1::/64',
        '2001:db8:0:2::/64',
        '2001:db8:0:3::/64',
      ]);
      expect(result.spec.natGateways).toHaveLength(1);
      expect(codes(result.warnings)).toEqual(['IPV6_CIDR_PLACEHOLDER']);
      expect(paths(result.unsupported)).toEqual(['vpc.nat']);
    });

    it('an existing VPC named without its subnets has none in the design (eksctl would look them up)', () => {
      const result = sut(config('vpc:\n  id: vpc-0123\n  cidr: 10.0.0.0/16\n'));
      expect(result.spec.subnets).toEqual([]);
      expect(result.warnings.map((warning) => warning.message)).toContain(
        'The config names an existing VPC without listing its subnets (eksctl would look them up); list vpc.subnets to plan them.',
      );
    });

    it('an IPv6 cluster in an existing VPC: subnets carry no IPv6 CIDR, which the import says', () => {
      const result = sut(config(`kubernetesNetworkConfig:\n  ipFamily: IPv6\n${TWO_ZONES}`));
      expect(codes(result.warnings)).toEqual(['IPV6_CIDR_PLACEHOLDER', 'IPV6_SUBNET_CIDRS_UNKNOWN']);
      expect(result.spec.subnets.every((subnet) => subnet.ipv6Cidr === undefined)).toBe(true);
    });
  });

  describe('node groups', () => {
    it('fills sizes and the instance type the way eksctl does', () => {
      const result = sut(
        config(
          [
            TWO_ZONES,
            'managedNodeGroups:',
            '  - name: bare',
            '  - name: desired-only',
            '    instanceType: m5.large',
            '    desiredCapacity: 4',
            '  - name: range-only',
            '    instanceType: m5.large',
            '    minSize: 1',
            '    maxSize: 5',
            '',
          ].join('\n'),
        ),
      );
      expect(
        result.spec.nodeGroups.map(({ name, instanceTypes, minSize, desiredSize, maxSize }) => [
          name,
          instanceTypes,
          minSize,
          desiredSize,
          maxSize,
        ]),
      ).toEqual([
        ['bare', ['m5.large'], 2, 2, 2],
        ['desired-only', ['m5.large'], 4, 4, 4],
        ['range-only', ['m5.large'], 1, 1, 5],
      ]);
      expect(codes(result.warnings)).toEqual(['INSTANCE_TYPE_DEFAULTED', 'NODE_GROUP_SIZE_DEFAULTED']);
    });

    it('self-managed: instancesDistribution types, kubelet maxPods, Windows AMIs, attached security groups; availabilityZones pick subnets', () => {
      const result = sut(
        config(
          [
            TWO_ZONES,
            'nodeGroups:',
            '  - name: win',
            '    amiFamily: WindowsServer2019FullContainer',
            '    availabilityZones: [us-east-1b]',
            '    privateNetworking: true',
            '    instancesDistribution:',
            '      instanceTypes: [m5.large, m5a.large]',
            '      spotInstancePools: 2',
            '    kubeletExtraConfig: { maxPods: 29 }',
            '    securityGroups: { attachIDs: [sg-0abc], withShared: true }',
            '',
          ].join('\n'),
        ),
      );
      expect(result.spec.nodeGroups).toEqual([
        {
          name: 'win',
          kind: 'SELF_MANAGED',
          amiFamily: 'WINDOWS',
          windowsVariant: 'WINDOWS_SERVER_2019_FULL',
          instanceTypes: ['m5.large', 'm5a.large'],
          subnets: ['private-us-east-1b'],
          minSize: 2,
          desiredSize: 2,
          maxSize: 2,
          maxPods: 29,
          securityGroups: ['sg-0abc'],
        },
      ]);
      expect(result.spec.securityGroups).toEqual([{ name: 'sg-0abc', ingress: [] }]);
      expect(paths(result.unsupported)).toEqual([
        'nodeGroups[0].instancesDistribution.spotInstancePools',
        'nodeGroups[0].securityGroups.withShared',
      ]);
    });

    it('falls back to the other topology when a node group has no subnet of its own', () => {
      const result = sut(
        config(
          'vpc:\n  cidr: 10.0.0.0/16\n  subnets:\n    private:\n      us-east-1a: { cidr: 10.0.0.0/20 }\n      us-east-1b: { cidr: 10.0.16.0/20 }\nmanagedNodeGroups:\n  - name: web\n    instanceType: m5.large\n',
        ),
      );
      expect(result.spec.nodeGroups[0].subnets).toEqual(['private-us-east-1a', 'private-us-east-1b']);
      expect(codes(result.warnings)).toContain('NODE_GROUP_SUBNETS_FALLBACK');
    });

    it('YAML 1.1 as eksctl reads it: an unquoted version keeps its digits, yes is true, merge keys apply', () => {
      const result = sut(
        config(
          [
            '  version: 1.30',
            TWO_ZONES,
            'defaults: &defaults { instanceType: c5.large, desiredCapacity: 3, privateNetworking: yes }',
            'managedNodeGroups:',
            '  - <<: *defaults',
            '    name: merged',
            '',
          ].join('\n'),
        ),
      );
      expect(result.spec.kubernetesVersion).toBe('1.30');
      expect(result.spec.nodeGroups[0]).toMatchObject({
        name: 'merged',
        instanceTypes: ['c5.large'],
        desiredSize: 3,
        subnets: ['private-us-east-1a', 'private-us-east-1b'],
      });
      expect(paths(result.unsupported)).toEqual(['defaults']);
    });
  });

  describe('the vpc-cni add-on', () => {
    const withValues = (values: string, family = 'IPv4') =>
      sut(
        config(
          `kubernetesNetworkConfig:\n  ipFamily: ${family}\n${TWO_ZONES}addons:\n  - name: vpc-cni\n    version: latest\n    configurationValues: '${values}'\n`,
        ),
      );

    it('reads every DesignSpec CNI variable', () => {
      const env = {
        ENABLE_PREFIX_DELEGATION: 'true',
        WARM_ENI_TARGET: '2',
        WARM_IP_TARGET: '4',
        MINIMUM_IP_TARGET: '8',
        WARM_PREFIX_TARGET: '1',
        MAX_ENI: '3',
        AWS_VPC_K8S_CNI_EXTERNALSNAT: 'TRUE',
        AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS: '10.1.0.0/16, 10.2.0.0/16',
        ENABLE_POD_ENI: 'false',
        POD_SECURITY_GROUP_ENFORCING_MODE: 'strict',
      };
      const result = withValues(JSON.stringify({ env }));
      expect(result.spec.cni).toEqual({
        prefixDelegation: true,
        warmEniTarget: 2,
        warmIpTarget: 4,
        minimumIpTarget: 8,
        warmPrefixTarget: 1,
        maxEni: 3,
        externalSnat: true,
        excludeSnatCidrs: ['10.1.0.0/16', '10.2.0.0/16'],
        securityGroupsForPods: false,
        podSecurityGroupEnforcingMode: 'STRICT',
      });
      expect(result.warnings).toEqual([
        {
          code: 'CNI_VERSION_NOT_PINNED',
          path: 'addons[0].version',
          message: 'vpc-cni version "latest" is resolved by eksctl at creation; the planner assumes its default CNI version.',
        },
      ]);
    });

    it('accepts configurationValues as YAML too, with typed values', () => {
      const result = sut(
        config(
          `${TWO_ZONES}addons:\n  - name: vpc-cni\n    configurationValues: |\n      env:\n        WARM_IP_TARGET: 6\n        ENABLE_PREFIX_DELEGATION: true\n`,
        ),
      );
      expect(result.spec.cni).toEqual({ warmIpTarget: 6, prefixDelegation: true });
    });

    it('reports unreadable values and settings that contradict the IP family', () => {
      const result = withValues(JSON.stringify({ env: { WARM_IP_TARGET: 'many', ENABLE_IPv6: 'true' } }));
      expect(result.spec.cni).toBeUndefined();
      expect(codes(result.warnings)).toEqual(['CNI_VERSION_NOT_PINNED', 'CNI_SETTING_INVALID', 'CNI_SETTING_CONFLICT']);
      expect(paths(result.unsupported)).toEqual([
        'addons[0].configurationValues.env.WARM_IP_TARGET',
        'addons[0].configurationValues.env.ENABLE_IPv6',
      ]);
    });

    it('IPv6: the mode variables are consumed, prefix delegation is implied', () => {
      const result = withValues(
        JSON.stringify({ env: { ENABLE_IPv6: 'true', ENABLE_IPv4: 'false', ENABLE_PREFIX_DELEGATION: 'true' } }),
        'IPv6',
      );
      expect(result.spec.cni).toBeUndefined();
      expect(paths(result.unsupported)).toEqual([]);
    });

    it('custom networking without eniConfig: pod subnets are inferred from private subnets outside vpc.cidr', () => {
      const result = sut(
        config(
          [
            'vpc:',
            '  cidr: 10.0.0.0/16',
            '  subnets:',
            '    private:',
            '      us-east-1a: { cidr: 10.0.0.0/20 }',
            '      us-east-1b: { cidr: 10.0.16.0/20 }',
            '      pods-a: { az: us-east-1a, cidr: 100.64.0.0/17 }',
            '      pods-b: { az: us-east-1b, cidr: 100.64.128.0/17 }',
            'addons:',
            '  - name: vpc-cni',
            '    configurationValues: \'{"env":{"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true","ENI_CONFIG_LABEL_DEF":"failure-domain.beta.kubernetes.io/zone"}}\'',
            'managedNodeGroups:',
            '  - name: web',
            '    instanceType: m5.large',
            '    desiredCapacity: 2',
            '    privateNetworking: true',
            '',
          ].join('\n'),
        ),
      );
      expect(result.spec.cni).toEqual({
        customNetworking: true,
        eniConfigs: [
          { az: 'us-east-1a', subnet: 'pods-a' },
          { az: 'us-east-1b', subnet: 'pods-b' },
        ],
      });
      expect(result.spec.nodeGroups[0].subnets).toEqual(['private-us-east-1a', 'private-us-east-1b']);
      expect(codes(result.warnings)).toEqual(['SECONDARY_CIDR_INFERRED', 'ENICONFIGS_INFERRED', 'NAT_GATEWAY_NO_PUBLIC_SUBNET']);
      expect(validateDesignSpec(result.spec, catalogContext()).ok).toBe(true);
    });

    it('other add-ons and a second vpc-cni entry are reported whole; a bad version is reported', () => {
      const result = sut(
        config(`${TWO_ZONES}addons:\n  - name: vpc-cni\n    version: "1.18"\n  - name: VPC-CNI\n  - name: aws-ebs-csi-driver\n`),
      );
      expect(result.unsupported.map(({ path, message }) => [path, message])).toEqual([
        ['addons[0].version', '"1.18" is not a concrete add-on version such as v1.20.0-eksbuild.1.'],
        ['addons[1]', 'A second vpc-cni add-on entry; only the first is imported.'],
        ['addons[2]', 'Only the vpc-cni add-on is part of network planning; "aws-ebs-csi-driver" is not imported.'],
      ]);
    });
  });
});
