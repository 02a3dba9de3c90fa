import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationFailedError, type ErrorDetail } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { DESIGN_SPEC_ERROR_CODES } from './design-spec.codes.js';
import { MAX_REPORTED_DETAILS } from './design-spec.problems.js';
import type { DesignSpec } from './design-spec.types.js';
import { assertValidDesignSpec, validateDesignSpec as sut, type DesignSpecValidation } from './design-spec.validator.js';
import { largeDesign } from '../../../test/fixtures/spec/large-design.fixture.js';
import { validDesign } from '../../../test/fixtures/spec/valid-design.fixture.js';
import { catalogContext } from '../../../test/fixtures/spec/validation-context.fixture.js';

const context = catalogContext();

/** The fixture with `mutate` applied, typed loosely so tests can write anything a caller could send. */
function designWith(mutate: (design: any) => void): unknown {
  const design = validDesign();
  mutate(design);
  return design;
}

function failures(result: DesignSpecValidation): { path: string; code: string | undefined }[] {
  if (result.ok) return [];
  return result.details.map(({ path, code }) => ({ path, code }));
}

function detailsOf(result: DesignSpecValidation): ErrorDetail[] {
  if (result.ok) throw new Error('expected the design to be rejected');
  return result.details;
}

const AZ_IDS: Record<string, string> = { 'us-east-1a': 'use1-az1', 'us-east-1b': 'use1-az3', 'us-east-1c': 'use1-az4' };

interface RuleCase {
  rule: string;
  mutate: (design: any) => void;
  expected: { path: string; code: string }[];
}

describe('validateDesignSpec', () => {
  describe('a valid design', () => {
    it('passes and round-trips as a clean copy', () => {
      const input = validDesign();

      const result = sut(input, context);

      expect(result).toEqual({ ok: true, spec: validDesign() });
      if (!result.ok) return;
      expect(result.spec).not.toBe(input);
      expect(result.spec.subnets).not.toBe(input.subnets);
      expect(result.spec.subnets[0]).not.toBe(input.subnets[0]);
    });

    it('keeps absent optional fields absent instead of inventing defaults', () => {
      const input: DesignSpec = {
        name: 'minimal',
        region: 'eu-west-1',
        ipFamily: 'IPV4',
        vpc: { cidrs: ['10.0.0.0/16'] },
        subnets: [
          { name: 'a', az: 'eu-west-1a', cidr: '10.0.0.0/24' },
          { name: 'b', az: 'eu-west-1b', cidr: '10.0.1.0/24' },
        ],
        nodeGroups: [],
      };

      const result = sut(input, context);

      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(Object.keys(result.spec)).toEqual(['name', 'region', 'ipFamily', 'vpc', 'subnets', 'nodeGroups']);
      expect(Object.keys(result.spec.vpc)).toEqual(['cidrs']);
      expect(Object.keys(result.spec.subnets[0])).toEqual(['name', 'az', 'cidr']);
    });

    it('accepts a dual-stack IPV6 design and AZ ids', () => {
      const input = designWith((d) => {
        d.ipFamily = 'IPV6';
        d.vpc.ipv6Cidrs = ['2600:1f14:abc:de00::/56'];
        d.cni = { version: '1.20.0-eksbuild.1', prefixDelegation: true };
        d.subnets.forEach((subnet: any, i: number) => {
          subnet.ipv6Cidr = `2600:1f14:abc:de${i.toString(16).padStart(2, '0')}::/64`;
          subnet.az = AZ_IDS[subnet.az].replace('az3', 'az2');
        });
        delete d.workloads[0].securityGroups;
      });

      expect(failures(sut(input, context))).toEqual([]);
    });

    it("checks instance types against the design's own catalog", () => {
      const custom = catalogContext({ internal: ['m5.large', 'm5.xlarge', 'm6i.xlarge'] });
      const input = designWith((d) => (d.catalog = 'internal'));

      expect(failures(sut(input, custom))).toEqual([{ path: 'nodeGroups[1].instanceTypes[0]', code: 'UNKNOWN_INSTANCE_TYPE' }]);
    });

    it('does not modify its input', () => {
      const input = designWith((d) => (d.subnets[6].cidr = '10.9.0.0/19'));
      const before = JSON.stringify(input);

      sut(input, context);

      expect(JSON.stringify(input)).toBe(before);
    });
  });

  describe('assertValidDesignSpec', () => {
    it('returns the clean spec for a valid design', () => {
      expect(assertValidDesignSpec(validDesign(), context)).toEqual(validDesign());
    });

    it('throws ValidationFailedError with every detail', () => {
      const input = designWith((d) => {
        d.region = 'mars';
        d.subnets[0].cidr = '10.0.0.1/24';
      });

      const error = thrownBy(() => assertValidDesignSpec(input, context), ValidationFailedError);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.kind).toBe('INVALID_INPUT');
      expect(error.details.map((detail) => detail.path)).toEqual(['region', 'subnets[0].cidr']);
      expect(error.message).toMatch(/^region: .*\(and 1 more problem\)$/);
    });
  });

  describe('structure', () => {
    it('rejects input that is not an object', () => {
      for (const input of [[], null, 'design', 42, true, undefined]) {
        expect(failures(sut(input, context))).toEqual([{ path: '', code: 'TYPE_MISMATCH' }]);
      }
    });

    const cases: RuleCase[] = [
      { rule: 'required field', mutate: (d) => delete d.region, expected: [{ path: 'region', code: 'FIELD_REQUIRED' }] },
      {
        rule: 'required nested field',
        mutate: (d) => delete d.workloads[0].expose.port,
        expected: [{ path: 'workloads[0].expose.port', code: 'FIELD_REQUIRED' }],
      },
      { rule: 'unknown top-level field', mutate: (d) => (d.extra = 1), expected: [{ path: 'extra', code: 'FIELD_UNKNOWN' }] },
      {
        rule: 'unknown nested field',
        mutate: (d) => (d.subnets[2].routeTable = 'rtb-1'),
        expected: [{ path: 'subnets[2].routeTable', code: 'FIELD_UNKNOWN' }],
      },
      {
        rule: 'unknown field that is not an identifier',
        mutate: (d) => (d.cni['warm.ip'] = 1),
        expected: [{ path: 'cni["warm.ip"]', code: 'FIELD_UNKNOWN' }],
      },
      {
        rule: 'boolean of the wrong type',
        mutate: (d) => (d.subnets[1].public = 'yes'),
        expected: [{ path: 'subnets[1].public', code: 'TYPE_MISMATCH' }],
      },
      { rule: 'null', mutate: (d) => (d.cni.prefixDelegation = null), expected: [{ path: 'cni.prefixDelegation', code: 'TYPE_MISMATCH' }] },
      {
        rule: 'numeric string',
        mutate: (d) => (d.nodeGroups[0].minSize = '3'),
        expected: [{ path: 'nodeGroups[0].minSize', code: 'TYPE_MISMATCH' }],
      },
      { rule: 'array where an object is expected', mutate: (d) => (d.vpc = [d.vpc]), expected: [{ path: 'vpc', code: 'TYPE_MISMATCH' }] },
      { rule: 'enum value', mutate: (d) => (d.ipFamily = 'ipv4'), expected: [{ path: 'ipFamily', code: 'ENUM_VALUE_UNKNOWN' }] },
      {
        rule: 'enum value in a list',
        mutate: (d) => (d.subnets[0].roles = ['ELB', 'PUBLIC']),
        expected: [{ path: 'subnets[0].roles[1]', code: 'ENUM_VALUE_UNKNOWN' }],
      },
      {
        rule: 'whole numbers for counts',
        mutate: (d) => (d.workloads[0].replicas = 2.5),
        expected: [{ path: 'workloads[0].replicas', code: 'INTEGER_REQUIRED' }],
      },
      {
        rule: 'negative size',
        mutate: (d) => (d.nodeGroups[0].minSize = -1),
        expected: [{ path: 'nodeGroups[0].minSize', code: 'NUMBER_OUT_OF_RANGE' }],
      },
      {
        rule: 'huge number',
        mutate: (d) => (d.nodeGroups[1].maxSize = 1e21),
        expected: [{ path: 'nodeGroups[1].maxSize', code: 'NUMBER_OUT_OF_RANGE' }],
      },
      {
        rule: 'negative warm target',
        mutate: (d) => (d.cni.warmIpTarget = -1),
        expected: [{ path: 'cni.warmIpTarget', code: 'NUMBER_OUT_OF_RANGE' }],
      },
      {
        rule: 'maxPods of 0',
        mutate: (d) => (d.nodeGroups[1].maxPods = 0),
        expected: [{ path: 'nodeGroups[1].maxPods', code: 'NUMBER_OUT_OF_RANGE' }],
      },
      {
        rule: 'port above 65535',
        mutate: (d) => (d.workloads[1].expose.port = 70000),
        expected: [{ path: 'workloads[1].expose.port', code: 'PORT_INVALID' }],
      },
      {
        rule: 'port 0 and a fractional target port',
        mutate: (d) => {
          d.workloads[0].expose.port = 0;
          d.workloads[0].expose.targetPort = 80.5;
        },
        expected: [
          { path: 'workloads[0].expose.port', code: 'PORT_INVALID' },
          { path: 'workloads[0].expose.targetPort', code: 'PORT_INVALID' },
        ],
      },
      { rule: 'empty string', mutate: (d) => (d.owner = ''), expected: [{ path: 'owner', code: 'STRING_EMPTY' }] },
      {
        rule: 'name longer than 100 characters',
        mutate: (d) => (d.natGateways[0].name = 'n'.repeat(101)),
        expected: [{ path: 'natGateways[0].name', code: 'STRING_TOO_LONG' }],
      },
      { rule: 'name charset', mutate: (d) => (d.name = 'payments prod'), expected: [{ path: 'name', code: 'NAME_INVALID' }] },
      {
        rule: 'unicode name (and the reference that no longer resolves)',
        mutate: (d) => (d.subnets[0].name = 'públic-a'),
        expected: [
          { path: 'subnets[0].name', code: 'NAME_INVALID' },
          { path: 'natGateways[0].subnet', code: 'UNKNOWN_SUBNET' },
        ],
      },
      { rule: 'list too long', mutate: (d) => (d.tags = new Array(51).fill('x')), expected: [{ path: 'tags', code: 'ARRAY_TOO_LONG' }] },
      { rule: 'VPC without CIDRs', mutate: (d) => (d.vpc.cidrs = []), expected: [{ path: 'vpc.cidrs', code: 'ARRAY_EMPTY' }] },
      {
        rule: 'node group without subnets',
        mutate: (d) => (d.nodeGroups[0].subnets = []),
        expected: [{ path: 'nodeGroups[0].subnets', code: 'ARRAY_EMPTY' }],
      },
      { rule: 'region code', mutate: (d) => (d.region = 'US-EAST-1'), expected: [{ path: 'region', code: 'REGION_INVALID' }] },
      { rule: 'CNI version', mutate: (d) => (d.cni.version = 'v1.20'), expected: [{ path: 'cni.version', code: 'VERSION_INVALID' }] },
      {
        rule: 'Kubernetes version',
        mutate: (d) => (d.kubernetesVersion = '1.31.0'),
        expected: [{ path: 'kubernetesVersion', code: 'VERSION_INVALID' }],
      },
      {
        rule: 'namespace',
        mutate: (d) => (d.workloads[0].namespace = 'Payments'),
        expected: [{ path: 'workloads[0].namespace', code: 'NAMESPACE_INVALID' }],
      },
      { rule: 'tag', mutate: (d) => (d.tags = ['prod', 'has space']), expected: [{ path: 'tags[1]', code: 'TAG_INVALID' }] },
      {
        rule: 'owner control characters',
        mutate: (d) => (d.owner = 'team\npayments'),
        expected: [{ path: 'owner', code: 'OWNER_INVALID' }],
      },
      {
        rule: 'IngressGroup name',
        mutate: (d) => (d.workloads[0].expose.shareGroup = 'Public_Web'),
        expected: [{ path: 'workloads[0].expose.shareGroup', code: 'SHARE_GROUP_INVALID' }],
      },
      {
        rule: 'certificate ARN',
        mutate: (d) => (d.workloads[0].expose.certificateArn = 'not-an-arn'),
        expected: [{ path: 'workloads[0].expose.certificateArn', code: 'CERTIFICATE_ARN_INVALID' }],
      },
      {
        rule: 'security group rule ports',
        mutate: (d) => {
          d.securityGroups[0].ingress[0].ports = '443-80';
          d.securityGroups[0].ingress[1].ports = '70000';
        },
        expected: [
          { path: 'securityGroups[0].ingress[0].ports', code: 'SG_RULE_PORTS_INVALID' },
          { path: 'securityGroups[0].ingress[1].ports', code: 'SG_RULE_PORTS_INVALID' },
        ],
      },
      {
        rule: 'the same entry twice in a list',
        mutate: (d) => (d.nodeGroups[0].instanceTypes = ['m5.large', 'm5.large']),
        expected: [{ path: 'nodeGroups[0].instanceTypes[1]', code: 'DUPLICATE_ENTRY' }],
      },
    ];

    it.each(cases)('$rule', ({ mutate, expected }) => {
      expect(failures(sut(designWith(mutate), context))).toEqual(expected);
    });

    it('rejects an own __proto__ key without polluting any prototype', () => {
      const input = designWith((d) => {
        Object.defineProperty(d.vpc, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
      });
      const parsed = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') as unknown;

      expect(failures(sut(input, context))).toEqual([{ path: 'vpc.__proto__', code: 'FIELD_UNKNOWN' }]);
      expect(failures(sut(parsed, context))).toContainEqual({ path: '__proto__', code: 'FIELD_UNKNOWN' });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('does not descend into unknown deeply nested junk', () => {
      let junk: unknown = 'bottom';
      for (let depth = 0; depth < 100_000; depth++) junk = { a: [junk] };
      const input = designWith((d) => (d.cni.junk = junk));

      expect(failures(sut(input, context))).toEqual([{ path: 'cni.junk', code: 'FIELD_UNKNOWN' }]);
    });

    it('rejects an over-long list without reading its entries', () => {
      const input = designWith((d) => (d.subnets = new Array(1_000_000).fill(null)));

      expect(failures(sut(input, context))).toEqual([{ path: 'subnets', code: 'ARRAY_TOO_LONG' }]);
    });

    it('reports a JavaScript getter that throws instead of throwing', () => {
      const input = designWith((d) =>
        Object.defineProperty(d, 'region', {
          enumerable: true,
          get: () => {
            throw new Error('boom');
          },
        }),
      );

      expect(failures(sut(input, context))).toEqual([{ path: '', code: 'INPUT_UNREADABLE' }]);
    });
  });

  describe('CIDRs', () => {
    const cases: RuleCase[] = [
      {
        rule: 'syntax',
        mutate: (d) => (d.subnets[6].cidr = '10.0.32.0/33'),
        expected: [{ path: 'subnets[6].cidr', code: 'CIDR_INVALID' }],
      },
      {
        rule: 'not a CIDR at all',
        mutate: (d) => (d.subnets[6].cidr = 'NaN'),
        expected: [{ path: 'subnets[6].cidr', code: 'CIDR_INVALID' }],
      },
      {
        rule: 'canonical form',
        mutate: (d) => (d.subnets[6].cidr = '10.0.32.0/019'),
        expected: [{ path: 'subnets[6].cidr', code: 'CIDR_NOT_CANONICAL' }],
      },
      {
        rule: 'IPv6 where IPv4 is expected',
        mutate: (d) => (d.subnets[6].cidr = '2600:1f14::/64'),
        expected: [{ path: 'subnets[6].cidr', code: 'CIDR_WRONG_FAMILY' }],
      },
      {
        rule: 'IPv4 where IPv6 is expected',
        mutate: (d) => (d.subnets[6].ipv6Cidr = '10.0.32.0/19'),
        expected: [{ path: 'subnets[6].ipv6Cidr', code: 'CIDR_WRONG_FAMILY' }],
      },
      {
        rule: 'VPC CIDR size',
        mutate: (d) => d.vpc.cidrs.push('10.2.0.0/29'),
        expected: [{ path: 'vpc.cidrs[1]', code: 'VPC_CIDR_SIZE' }],
      },
      {
        rule: 'VPC CIDRs overlapping each other (both reported)',
        mutate: (d) => d.vpc.secondaryCidrs.push('10.0.128.0/17'),
        expected: [
          { path: 'vpc.cidrs[0]', code: 'VPC_CIDR_OVERLAP' },
          { path: 'vpc.secondaryCidrs[1]', code: 'VPC_CIDR_OVERLAP' },
        ],
      },
      {
        rule: 'subnet outside the VPC',
        mutate: (d) => (d.subnets[6].cidr = '10.9.0.0/19'),
        expected: [{ path: 'subnets[6].cidr', code: 'SUBNET_OUTSIDE_VPC' }],
      },
      {
        rule: 'subnet size',
        mutate: (d) => (d.subnets[3].cidr = '10.0.3.0/29'),
        expected: [{ path: 'subnets[3].cidr', code: 'SUBNET_CIDR_SIZE' }],
      },
      {
        rule: 'overlapping subnets (both reported)',
        mutate: (d) => (d.subnets[7].cidr = '10.0.32.0/20'),
        expected: [
          { path: 'subnets[6].cidr', code: 'SUBNET_CIDR_OVERLAP' },
          { path: 'subnets[7].cidr', code: 'SUBNET_CIDR_OVERLAP' },
        ],
      },
      {
        rule: 'IPv6 subnet size',
        mutate: (d) => {
          d.vpc.ipv6Cidrs = ['2600:1f14:abc:de00::/56'];
          d.subnets[6].ipv6Cidr = '2600:1f14:abc:de00::/60';
        },
        expected: [{ path: 'subnets[6].ipv6Cidr', code: 'SUBNET_IPV6_CIDR_SIZE' }],
      },
      {
        rule: 'IPv6 subnet without a VPC IPv6 CIDR',
        mutate: (d) => (d.subnets[6].ipv6Cidr = '2600:1f14:abc:de00::/64'),
        expected: [{ path: 'subnets[6].ipv6Cidr', code: 'SUBNET_IPV6_OUTSIDE_VPC' }],
      },
      {
        rule: 'overlapping IPv6 subnets',
        mutate: (d) => {
          d.vpc.ipv6Cidrs = ['2600:1f14:abc:de00::/56'];
          d.subnets[6].ipv6Cidr = '2600:1f14:abc:de01::/64';
          d.subnets[8].ipv6Cidr = '2600:1f14:abc:de01::/64';
        },
        expected: [
          { path: 'subnets[6].ipv6Cidr', code: 'SUBNET_IPV6_CIDR_OVERLAP' },
          { path: 'subnets[8].ipv6Cidr', code: 'SUBNET_IPV6_CIDR_OVERLAP' },
        ],
      },
      {
        rule: 'peer overlapping the VPC',
        mutate: (d) => (d.vpc.peers[1].cidrs[1] = '100.64.128.0/20'),
        expected: [{ path: 'vpc.peers[1].cidrs[1]', code: 'PEER_CIDR_OVERLAPS_VPC' }],
      },
      {
        rule: 'service CIDR outside the private ranges',
        mutate: (d) => (d.serviceIpv4Cidr = '100.65.0.0/16'),
        expected: [{ path: 'serviceIpv4Cidr', code: 'SERVICE_CIDR_NOT_PRIVATE' }],
      },
      {
        rule: 'service CIDR size',
        mutate: (d) => (d.serviceIpv4Cidr = '192.168.0.0/25'),
        expected: [{ path: 'serviceIpv4Cidr', code: 'SERVICE_CIDR_SIZE' }],
      },
      {
        rule: 'service CIDR overlapping the VPC',
        mutate: (d) => (d.serviceIpv4Cidr = '10.0.0.0/12'),
        expected: [{ path: 'serviceIpv4Cidr', code: 'SERVICE_CIDR_OVERLAPS_VPC' }],
      },
      {
        rule: 'IPv6 service CIDR',
        mutate: (d) => (d.serviceIpv4Cidr = 'fd00::/108'),
        expected: [{ path: 'serviceIpv4Cidr', code: 'CIDR_WRONG_FAMILY' }],
      },
      {
        rule: 'public access CIDR syntax',
        mutate: (d) => d.endpointAccess.publicAccessCidrs.push('everyone'),
        expected: [{ path: 'endpointAccess.publicAccessCidrs[1]', code: 'CIDR_INVALID' }],
      },
      {
        rule: 'IPv6 SNAT exclusion',
        mutate: (d) => (d.cni.excludeSnatCidrs = ['2600::/64']),
        expected: [{ path: 'cni.excludeSnatCidrs[0]', code: 'CIDR_WRONG_FAMILY' }],
      },
      {
        rule: 'a rule source that is an address without a prefix length',
        mutate: (d) => (d.securityGroups[2].ingress[0].from = '10.0.0.1'),
        expected: [{ path: 'securityGroups[2].ingress[0].from', code: 'CIDR_INVALID' }],
      },
    ];

    it.each(cases)('$rule', ({ mutate, expected }) => {
      expect(failures(sut(designWith(mutate), context))).toEqual(expected);
    });

    it('names the host-bits problem and the network meant', () => {
      const [detail] = detailsOf(
        sut(
          designWith((d) => (d.subnets[6].cidr = '10.0.32.1/19')),
          context,
        ),
      );

      expect(detail).toEqual({
        path: 'subnets[6].cidr',
        code: 'CIDR_INVALID',
        message: '"10.0.32.1/19" has host bits set; the network is 10.0.32.0/19.',
      });
    });

    it('names the subnet an overlapping subnet collides with', () => {
      const details = detailsOf(
        sut(
          designWith((d) => (d.subnets[7].cidr = '10.0.32.0/20')),
          context,
        ),
      );

      expect(details.map((detail) => detail.message)).toEqual([
        '10.0.32.0/19 overlaps subnets[7] "private-b" (10.0.32.0/20).',
        '10.0.32.0/20 overlaps subnets[6] "private-a" (10.0.32.0/19).',
      ]);
    });

    it('reports every one of many nested overlapping subnets once', () => {
      const input = designWith((d) => {
        d.subnets[6].cidr = '10.0.32.0/19';
        d.subnets[7].cidr = '10.0.33.0/24';
        d.subnets[8].cidr = '10.0.34.0/24';
        d.subnets.push({ name: 'late', az: 'us-east-1a', cidr: '10.0.40.0/21' });
      });

      expect(failures(sut(input, context))).toEqual([
        { path: 'subnets[6].cidr', code: 'SUBNET_CIDR_OVERLAP' },
        { path: 'subnets[7].cidr', code: 'SUBNET_CIDR_OVERLAP' },
        { path: 'subnets[8].cidr', code: 'SUBNET_CIDR_OVERLAP' },
        { path: 'subnets[12].cidr', code: 'SUBNET_CIDR_OVERLAP' },
      ]);
    });
  });

  describe('names and references', () => {
    const cases: RuleCase[] = [
      {
        rule: 'duplicate subnet',
        mutate: (d) => (d.subnets[4].name = 'cluster-a'),
        expected: [{ path: 'subnets[4].name', code: 'DUPLICATE_NAME' }],
      },
      {
        rule: 'duplicate NAT gateway',
        mutate: (d) => d.natGateways.push({ name: 'nat-a', subnet: 'public-b' }),
        expected: [{ path: 'natGateways[3].name', code: 'DUPLICATE_NAME' }],
      },
      {
        rule: 'duplicate node group',
        mutate: (d) => d.nodeGroups.push({ ...d.nodeGroups[2] }),
        expected: [{ path: 'nodeGroups[3].name', code: 'DUPLICATE_NAME' }],
      },
      {
        rule: 'duplicate security group',
        mutate: (d) => d.securityGroups.push({ name: 'pods', ingress: [] }),
        expected: [{ path: 'securityGroups[3].name', code: 'DUPLICATE_NAME' }],
      },
      {
        rule: 'duplicate peer',
        mutate: (d) => (d.vpc.peers[1].name = 'shared-services'),
        expected: [{ path: 'vpc.peers[1].name', code: 'DUPLICATE_NAME' }],
      },
      {
        rule: 'duplicate workload (namespace + name; no namespace is "default")',
        mutate: (d) => {
          d.workloads.push({ name: 'checkout', namespace: 'payments', nodeGroup: 'general', replicas: 1 });
          d.workloads.push({ name: 'checkout', namespace: 'canary', nodeGroup: 'general', replicas: 1 });
          d.workloads.push({ name: 'web', nodeGroup: 'general', replicas: 1 });
          d.workloads.push({ name: 'web', namespace: 'default', nodeGroup: 'general', replicas: 1 });
        },
        expected: [
          { path: 'workloads[5].name', code: 'DUPLICATE_WORKLOAD' },
          { path: 'workloads[8].name', code: 'DUPLICATE_WORKLOAD' },
        ],
      },
      {
        rule: 'unknown NAT gateway',
        mutate: (d) => (d.subnets[6].natGateway = 'nat-z'),
        expected: [{ path: 'subnets[6].natGateway', code: 'UNKNOWN_NAT_GATEWAY' }],
      },
      {
        rule: 'NAT gateway in an unknown subnet',
        mutate: (d) => (d.natGateways[0].subnet = 'public-z'),
        expected: [{ path: 'natGateways[0].subnet', code: 'UNKNOWN_SUBNET' }],
      },
      {
        rule: 'NAT gateway in a private subnet',
        mutate: (d) => (d.natGateways[0].subnet = 'private-a'),
        expected: [{ path: 'natGateways[0].subnet', code: 'NAT_GATEWAY_SUBNET_NOT_PUBLIC' }],
      },
      {
        rule: 'public subnet routed to a NAT gateway',
        mutate: (d) => (d.subnets[0].natGateway = 'nat-b'),
        expected: [{ path: 'subnets[0].natGateway', code: 'PUBLIC_SUBNET_WITH_NAT_GATEWAY' }],
      },
      {
        rule: 'node group in an unknown subnet',
        mutate: (d) => (d.nodeGroups[0].subnets[2] = 'private-z'),
        expected: [{ path: 'nodeGroups[0].subnets[2]', code: 'UNKNOWN_SUBNET' }],
      },
      {
        rule: 'instance type missing from the catalog',
        mutate: (d) => d.nodeGroups[0].instanceTypes.push('m5.larg'),
        expected: [{ path: 'nodeGroups[0].instanceTypes[2]', code: 'UNKNOWN_INSTANCE_TYPE' }],
      },
      { rule: 'unknown catalog', mutate: (d) => (d.catalog = 'internal'), expected: [{ path: 'catalog', code: 'UNKNOWN_CATALOG' }] },
      {
        rule: 'workload on an unknown node group',
        mutate: (d) => (d.workloads[2].nodeGroup = 'spot'),
        expected: [{ path: 'workloads[2].nodeGroup', code: 'UNKNOWN_NODE_GROUP' }],
      },
      {
        rule: 'every place that names a security group (in document order)',
        mutate: (d) => {
          d.clusterSecurityGroup = 'control-plane';
          d.securityGroups[1].ingress[0].from = 'nodez';
          d.workloads[0].securityGroups = ['pod'];
          d.nodeGroups[0].securityGroups = ['node'];
          d.cni.eniConfigs[0].securityGroups = ['pods-sg'];
        },
        expected: [
          { path: 'cni.eniConfigs[0].securityGroups[0]', code: 'UNKNOWN_SECURITY_GROUP' },
          { path: 'nodeGroups[0].securityGroups[0]', code: 'UNKNOWN_SECURITY_GROUP' },
          { path: 'workloads[0].securityGroups[0]', code: 'UNKNOWN_SECURITY_GROUP' },
          { path: 'securityGroups[1].ingress[0].from', code: 'UNKNOWN_SECURITY_GROUP' },
          { path: 'clusterSecurityGroup', code: 'UNKNOWN_SECURITY_GROUP' },
        ],
      },
      {
        rule: 'ENIConfig for an unknown subnet',
        mutate: (d) => (d.cni.eniConfigs[0].subnet = 'pods-z'),
        expected: [{ path: 'cni.eniConfigs[0].subnet', code: 'UNKNOWN_SUBNET' }],
      },
      {
        rule: 'ENIConfig subnet in another AZ',
        mutate: (d) => (d.cni.eniConfigs[0].subnet = 'pods-b'),
        expected: [{ path: 'cni.eniConfigs[0].az', code: 'ENICONFIG_AZ_MISMATCH' }],
      },
      {
        rule: 'two ENIConfigs for one AZ (leaving another AZ without one)',
        mutate: (d) => (d.cni.eniConfigs[1] = { az: 'us-east-1a', subnet: 'pods-a' }),
        expected: [
          { path: 'cni.eniConfigs[1].az', code: 'DUPLICATE_ENICONFIG_AZ' },
          { path: 'nodeGroups[0].subnets[1]', code: 'ENICONFIG_MISSING_FOR_AZ' },
          { path: 'nodeGroups[1].subnets[1]', code: 'ENICONFIG_MISSING_FOR_AZ' },
        ],
      },
    ];

    it.each(cases)('$rule', ({ mutate, expected }) => {
      expect(failures(sut(designWith(mutate), context))).toEqual(expected);
    });

    it('suggests the name a typo probably meant', () => {
      const input = designWith((d) => {
        d.nodeGroups[0].instanceTypes[1] = 'm5.xlarg';
        d.workloads[0].nodeGroup = 'generl';
        d.workloads[1].nodeGroup = 'something-else-entirely';
      });

      expect(detailsOf(sut(input, context)).map((detail) => detail.message)).toEqual([
        'The "aws" catalog has no instance type "m5.xlarg". Did you mean "m5.xlarge"?',
        'No node group is named "generl". Did you mean "general"?',
        'No node group is named "something-else-entirely".',
      ]);
    });

    it('does not report references into a list it could not read', () => {
      const input = designWith((d) => (d.subnets = { a: 1 }));

      expect(failures(sut(input, context))).toEqual([{ path: 'subnets', code: 'TYPE_MISMATCH' }]);
    });
  });

  describe('EKS semantics', () => {
    const cases: RuleCase[] = [
      {
        rule: 'desiredSize below minSize',
        mutate: (d) => (d.nodeGroups[0].desiredSize = 2),
        expected: [{ path: 'nodeGroups[0].desiredSize', code: 'NODE_GROUP_SIZE_ORDER' }],
      },
      {
        rule: 'maxSize below minSize',
        mutate: (d) => {
          d.nodeGroups[0].minSize = 5;
          d.nodeGroups[0].maxSize = 4;
        },
        expected: [{ path: 'nodeGroups[0].maxSize', code: 'NODE_GROUP_SIZE_ORDER' }],
      },
      {
        rule: 'EC2 node group without instance types',
        mutate: (d) => (d.nodeGroups[0].instanceTypes = []),
        expected: [{ path: 'nodeGroups[0].instanceTypes', code: 'INSTANCE_TYPES_REQUIRED' }],
      },
      {
        rule: 'Fargate with instance types',
        mutate: (d) => (d.nodeGroups[2].instanceTypes = ['m5.large']),
        expected: [{ path: 'nodeGroups[2].instanceTypes', code: 'FARGATE_INSTANCE_TYPES' }],
      },
      {
        rule: 'Fargate in a public subnet',
        mutate: (d) => (d.nodeGroups[2].subnets = ['private-a', 'public-b']),
        expected: [{ path: 'nodeGroups[2].subnets[1]', code: 'FARGATE_PUBLIC_SUBNET' }],
      },
      {
        rule: 'IPV6 without IPv6 CIDRs, with custom networking',
        mutate: (d) => (d.ipFamily = 'IPV6'),
        expected: [
          { path: 'vpc.ipv6Cidrs', code: 'IPV6_VPC_CIDR_REQUIRED' },
          { path: 'subnets[6].ipv6Cidr', code: 'IPV6_SUBNET_CIDR_REQUIRED' },
          { path: 'subnets[7].ipv6Cidr', code: 'IPV6_SUBNET_CIDR_REQUIRED' },
          { path: 'subnets[8].ipv6Cidr', code: 'IPV6_SUBNET_CIDR_REQUIRED' },
          { path: 'cni.customNetworking', code: 'IPV6_CUSTOM_NETWORKING' },
        ],
      },
      {
        rule: 'custom networking without ENIConfigs',
        mutate: (d) => delete d.cni.eniConfigs,
        expected: [{ path: 'cni.eniConfigs', code: 'ENICONFIGS_REQUIRED' }],
      },
      {
        rule: 'custom networking with a node AZ that has no ENIConfig (Fargate exempt)',
        mutate: (d) => d.cni.eniConfigs.pop(),
        expected: [
          { path: 'nodeGroups[0].subnets[2]', code: 'ENICONFIG_MISSING_FOR_AZ' },
          { path: 'nodeGroups[1].subnets[2]', code: 'ENICONFIG_MISSING_FOR_AZ' },
        ],
      },
      {
        rule: 'endpoint with neither public nor private access',
        mutate: (d) => (d.endpointAccess = { public: false, private: false }),
        expected: [{ path: 'endpointAccess', code: 'ENDPOINT_ACCESS_DISABLED' }],
      },
      {
        rule: 'cluster subnets in one AZ',
        mutate: (d) => {
          d.subnets[4].az = 'us-east-1a';
          d.subnets[5].az = 'us-east-1a';
        },
        expected: [{ path: 'subnets', code: 'CLUSTER_SUBNETS_SINGLE_AZ' }],
      },
      {
        rule: 'cluster subnet in an AZ id EKS does not support',
        mutate: (d) => {
          d.subnets.forEach((subnet: any) => (subnet.az = AZ_IDS[subnet.az]));
          d.cni.eniConfigs.forEach((eniConfig: any) => (eniConfig.az = AZ_IDS[eniConfig.az]));
        },
        expected: [{ path: 'subnets[4].az', code: 'CLUSTER_SUBNET_AZ_UNSUPPORTED' }],
      },
      {
        rule: 'AZ that is neither a name nor an id',
        mutate: (d) => (d.subnets[0].az = 'zone-a'),
        expected: [{ path: 'subnets[0].az', code: 'AZ_INVALID' }],
      },
      {
        rule: 'AZ of another Region',
        mutate: (d) => (d.subnets[0].az = 'us-west-2a'),
        expected: [{ path: 'subnets[0].az', code: 'AZ_NOT_IN_REGION' }],
      },
      {
        rule: 'AZ names mixed with AZ ids (the odd one out is reported)',
        mutate: (d) => (d.subnets[0].az = 'use1-az1'),
        expected: [{ path: 'subnets[0].az', code: 'AZ_NAMING_MIXED' }],
      },
      {
        rule: 'IngressGroup on a TCP exposure',
        mutate: (d) => (d.workloads[1].expose.shareGroup = 'internal'),
        expected: [{ path: 'workloads[1].expose.shareGroup', code: 'SHARE_GROUP_PROTOCOL' }],
      },
    ];

    it.each(cases)('$rule', ({ mutate, expected }) => {
      expect(failures(sut(designWith(mutate), context))).toEqual(expected);
    });

    it('requires two AZs across all subnets when no subnet has the CLUSTER_ENDPOINTS role', () => {
      const input = {
        name: 'single-az',
        region: 'eu-west-1',
        ipFamily: 'IPV4',
        vpc: { cidrs: ['10.0.0.0/16'] },
        subnets: [
          { name: 'a', az: 'eu-west-1a', cidr: '10.0.0.0/24' },
          { name: 'b', az: 'eu-west-1a', cidr: '10.0.1.0/24' },
        ],
        nodeGroups: [],
      };

      expect(detailsOf(sut(input, context))).toEqual([
        {
          path: 'subnets',
          code: 'CLUSTER_SUBNETS_SINGLE_AZ',
          message: 'The subnets are all in "eu-west-1a"; EKS needs cluster subnets in at least 2 Availability Zones.',
        },
      ]);
      expect(failures(sut({ ...input, subnets: [] }, context))).toEqual([{ path: 'subnets', code: 'CLUSTER_SUBNETS_SINGLE_AZ' }]);
    });
  });

  describe('reporting', () => {
    it('reports every problem at once, in document order', () => {
      const input = designWith((d) => {
        d.workloads[0].expose.port = 0;
        d.nodeGroups[0].instanceTypes = ['m5.large', 'x9.huge'];
        d.subnets[7].cidr = '10.0.32.0/20';
        d.region = 'mars';
        d.cni.mode = 'fast';
        d.endpointAccess = { public: false, private: false };
        d.natGateways[2].subnet = 'private-c';
        d.securityGroups[0].ingress[0].from = '10.0.0.0/33';
        d.vpc.secondaryCidrs = ['100.64.0.1/16'];
        d.nodeGroups[1].desiredSize = 99;
      });

      expect(failures(sut(input, context))).toEqual([
        { path: 'region', code: 'REGION_INVALID' },
        { path: 'vpc.secondaryCidrs[0]', code: 'CIDR_INVALID' },
        { path: 'subnets[6].cidr', code: 'SUBNET_CIDR_OVERLAP' },
        { path: 'subnets[7].cidr', code: 'SUBNET_CIDR_OVERLAP' },
        { path: 'natGateways[2].subnet', code: 'NAT_GATEWAY_SUBNET_NOT_PUBLIC' },
        { path: 'endpointAccess', code: 'ENDPOINT_ACCESS_DISABLED' },
        { path: 'cni.mode', code: 'FIELD_UNKNOWN' },
        { path: 'nodeGroups[0].instanceTypes[1]', code: 'UNKNOWN_INSTANCE_TYPE' },
        { path: 'nodeGroups[1].desiredSize', code: 'NODE_GROUP_SIZE_ORDER' },
        { path: 'workloads[0].expose.port', code: 'PORT_INVALID' },
        { path: 'securityGroups[0].ingress[0].from', code: 'CIDR_INVALID' },
      ]);
    });

    it("follows the caller's key order, with missing fields after the present ones", () => {
      const { nodeGroups, subnets, ...rest } = validDesign();
      const input = { nodeGroups, ...rest, subnets } as Record<string, unknown>;
      delete input.region;
      (nodeGroups[0] as unknown as Record<string, unknown>).minSize = 'three';
      subnets[0].cidr = 'bad';

      expect(failures(sut(input, context))).toEqual([
        { path: 'nodeGroups[0].minSize', code: 'TYPE_MISMATCH' },
        { path: 'subnets[0].cidr', code: 'CIDR_INVALID' },
        { path: 'region', code: 'FIELD_REQUIRED' },
      ]);
    });

    it('caps the details and says how many more there are', () => {
      const input = largeDesign({ subnets: 1500, nodeGroups: 10 });
      input.subnets.forEach((subnet) => (subnet.cidr = '10.0.0.0/26'));

      const details = detailsOf(sut(input, context));

      expect(details).toHaveLength(MAX_REPORTED_DETAILS + 1);
      expect(details[0]).toMatchObject({ path: 'subnets[0].cidr', code: 'SUBNET_CIDR_OVERLAP' });
      expect(details[MAX_REPORTED_DETAILS]).toEqual({
        path: '',
        code: 'TOO_MANY_PROBLEMS',
        message: '500 more problems not shown; fix the ones above first.',
      });
    });

    it('gives every code a documented meaning', () => {
      const codes = new Set(Object.keys(DESIGN_SPEC_ERROR_CODES));
      const input = designWith((d) => {
        d.region = 'x';
        d.subnets[0].cidr = '1.2.3.4/40';
        d.workloads[0].replicas = -2;
      });

      for (const detail of detailsOf(sut(input, context))) expect(codes.has(detail.code ?? '')).toBe(true);
    });
  });

  describe('properties', () => {
    const knownCodes = new Set(Object.keys(DESIGN_SPEC_ERROR_CODES));

    function expectWellFormed(result: DesignSpecValidation): void {
      if (result.ok) return;
      expect(result.details.length).toBeGreaterThan(0);
      for (const detail of result.details) {
        expect(typeof detail.path).toBe('string');
        expect(typeof detail.message).toBe('string');
        expect(detail.message.length).toBeGreaterThan(0);
        expect(knownCodes.has(detail.code ?? '')).toBe(true);
        // JSON input must never reach the last-resort guard: that would be a validator bug.
        expect(detail.code).not.toBe('INPUT_UNREADABLE');
      }
    }

    it('never throws on arbitrary JSON values', () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => expectWellFormed(sut(value, context))),
        { numRuns: 300, seed: 20261205 },
      );
    });

    it('never throws on arbitrary JavaScript values', () => {
      fc.assert(
        fc.property(
          fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true }),
          (value) => expectWellFormed(sut(value, context)),
        ),
        { numRuns: 200, seed: 20261206 },
      );
    });

    type Segment = string | number;
    type Mutation = { target: number; kind: 'delete' | 'set' | 'addKey' | 'proto' | 'wrap'; value: unknown; key: string };

    const junk = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -1, 0, 0.5, -0, Number.MAX_SAFE_INTEGER, 65536),
      fc.constantFrom('NaN', 'Infinity', '-1', '1e400', '', ' ', '10.0.0.0/8', '::/0', 'us-east-1a', 'IPV6', 'FARGATE'),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    const mutation: fc.Arbitrary<Mutation> = fc.record({
      target: fc.nat(),
      kind: fc.constantFrom('delete', 'set', 'set', 'addKey', 'proto', 'wrap'),
      value: junk,
      key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'name', 'hasOwnProperty'), fc.string({ maxLength: 8 })),
    });

    function allPaths(value: unknown, at: Segment[] = [], into: Segment[][] = []): Segment[][] {
      if (typeof value !== 'object' || value === null) return into;
      for (const [key, child] of Object.entries(value)) {
        const path = [...at, Array.isArray(value) ? Number(key) : key];
        into.push(path);
        allPaths(child, path, into);
      }
      return into;
    }

    function apply(design: any, { target, kind, value, key }: Mutation): void {
      const paths = allPaths(design);
      if (paths.length === 0) return;
      const path = paths[target % paths.length];
      const parent = path.slice(0, -1).reduce((node, segment) => node?.[segment], design);
      const last = path[path.length - 1];
      if (typeof parent !== 'object' || parent === null) return;
      const own = (node: object, name: string, v: unknown) =>
        Object.defineProperty(node, name, { value: v, enumerable: true, configurable: true, writable: true });
      if (kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
      } else if (kind === 'set') parent[last] = value;
      else if (kind === 'wrap') parent[last] = [parent[last]];
      else {
        const node = parent[last];
        const holder = typeof node === 'object' && node !== null && !Array.isArray(node) ? node : parent;
        if (!Array.isArray(holder)) own(holder, kind === 'proto' ? '__proto__' : key, value);
      }
    }

    it('never throws on mutated valid designs, and round-trips those still valid', () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
          const design = validDesign();
          mutations.forEach((m) => apply(design, m));

          const result = sut(design, context);

          expectWellFormed(result);
          if (result.ok) expect(result.spec).toEqual(JSON.parse(JSON.stringify(design)));
          expect(sut(design, context)).toEqual(result);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: 500, seed: 20261207 },
      );
    });

    // The mutation property above once failed on -0 (a JSON round trip writes 0): the reader now reads -0 as 0.
    it('reads -0 as 0, so a valid spec equals its JSON round trip', () => {
      const design = validDesign();
      design.nodeGroups[0].minSize = -0;
      const result = sut(design, context);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(Object.is(result.spec.nodeGroups[0].minSize, 0)).toBe(true);
      expect(result.spec).toEqual(JSON.parse(JSON.stringify(design)));
    });
  });

  // Validation time at this size is measured by npm run bench.
  describe('large designs', () => {
    it('validates a 3,000-subnet, 1,000-node-group design, IPv4 and dual-stack', () => {
      expect(failures(sut(largeDesign(), context))).toEqual([]);
      expect(failures(sut(largeDesign({ dualStack: true }), context))).toEqual([]);
    });
  });
});
