import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AWS_CATALOG } from '../catalog/data/aws-catalog.data.js';
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import { InvalidInputError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import type { MaxPodsOptions, MaxPodsResult } from './capacity.types.js';
import { compileMaxPodsExpression } from './max-pods-expression.js';
import { computeMaxPods as sut, computeMaxPodsTable } from './max-pods.engine.js';

const catalog = new Map(AWS_CATALOG.instanceTypes.map((type) => [type.name, type]));
const type = (name: string): InstanceTypeRecord => {
  const found = catalog.get(name);
  if (!found) throw new Error(`${name} is not in the bundled catalog`);
  return found;
};
const scenario = (file: string): string => readFileSync(new URL(`../../../test/fixtures/capacity/${file}`, import.meta.url), 'utf8');
const codes = (result: MaxPodsResult): string[] => result.warnings.map((warning) => warning.code);

function expectInvalid(run: () => unknown, code: string): void {
  expect(thrownBy(run, InvalidInputError).code).toBe(code);
}

describe('ENI_FORMULA equals eni-max-pods.txt for every instance type', () => {
  const rows = scenario('eni-max-pods.tsv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map(([name, maxPods]) => ({ name: name ?? '', maxPods: Number(maxPods) }));

  it('covers the whole catalog, one row per type', () => {
    expect(rows).toHaveLength(1391);
    expect(AWS_CATALOG.instanceTypes).toHaveLength(1391);
    expect(new Set(rows.map((row) => row.name))).toEqual(new Set(catalog.keys()));
  });

  it('matches all 1,391 rows', () => {
    const mismatches = rows
      .map((row) => ({ ...row, computed: sut(type(row.name), { launcher: 'ENI_FORMULA' }).maxPods }))
      .filter((row) => row.computed !== row.maxPods);
    expect(mismatches).toEqual([]);
  });
});

describe('check cases of capacity.md §6', () => {
  interface CheckCase {
    id: string;
    instanceType: string;
    options: MaxPodsOptions;
    expected: Partial<
      Pick<
        MaxPodsResult,
        'maxPods' | 'ipLimitedPods' | 'branchEniPods' | 'kubeReservedMemoryMiB' | 'cap' | 'capApplied' | 'uncappedMaxPods'
      >
    > & {
      maxPodsAtMost?: number;
    };
    source: string;
    note: string;
  }
  const { cases } = JSON.parse(scenario('max-pods-check-cases.json')) as { cases: CheckCase[] };

  it('has all 39 numbered cases plus the nodeadm e2e case', () => {
    const numbered = new Set(cases.map((c) => c.id.replace(/[ab]$/, '')).filter((id) => /^\d+$/.test(id)));
    expect([...numbered].map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    expect(cases.some((c) => c.id === 'e2e')).toBe(true);
  });

  it.each(cases)('#$id $instanceType $options → $expected ($source)', ({ instanceType, options, expected }) => {
    const result = sut(type(instanceType), options);
    const { maxPodsAtMost, ...exact } = expected;
    expect(result).toMatchObject(exact);
    if (maxPodsAtMost !== undefined) expect(result.maxPods).toBeLessThanOrEqual(maxPodsAtMost);
  });
});

describe('CALCULATOR (max-pods-calculator.sh)', () => {
  it('applies --cni-max-eni, then custom networking, then prefix delegation, then the cap, and says so in order', () => {
    const result = sut(type('m5.large'), { prefixDelegation: true, customNetworking: true, maxEnis: 2 });
    const rules = result.steps.map((step) => step.rule);
    const index = (fragment: string): number => rules.findIndex((rule) => rule.includes(fragment));
    expect(index('--cni-max-eni')).toBeLessThan(index('--cni-custom-networking-enabled'));
    expect(index('--cni-custom-networking-enabled')).toBeLessThan(index('prefix delegation (Nitro'));
    expect(index('prefix delegation (Nitro')).toBeLessThan(index('cap:'));
    expect(result.steps.find((step) => step.rule.includes('prefix delegation (Nitro'))?.value).toBe(1 * 9 * 16 + 2);
    expect(result.maxPods).toBe(110);
    expect(result.uncappedMaxPods).toBe(146);
  });

  it('reports the bare-metal quirk as a warning while the CNI itself would use prefixes', () => {
    const result = sut(type('m5.metal'), { prefixDelegation: true, showMaxAllowed: true });
    expect(result.maxPods).toBe(737);
    expect(codes(result)).toContain('CALCULATOR_BARE_METAL_PREFIX_DELEGATION_IGNORED');
    expect(result.podAddressMode).toBe('PREFIX_DELEGATION');
    expect(result.ipLimitedPods).toBe(15 * 49 * 16 + 2);
  });

  it('treats c7g.metal, the one bare-metal type reported as Nitro, like any Nitro type', () => {
    expect(sut(type('c7g.metal'), { prefixDelegation: true, showMaxAllowed: true }).maxPods).toBe(15 * 49 * 16 + 2);
  });

  it('assumes the lower cap and warns when the vCPU count is unknown', () => {
    const result = sut(type('trn2.3xlarge'), { prefixDelegation: true });
    expect(result.cap).toBe(110);
    expect(result.maxPods).toBe(110);
    expect(codes(result)).toContain('VCPU_UNKNOWN');
    expect(result.kubeReservedCpuMillicores).toBeNull();
  });

  it('lets an explicit kubelet maxPods win over the script and drops the cap', () => {
    const result = sut(type('m5.large'), { kubeletMaxPods: 50 });
    expect(result).toMatchObject({ maxPods: 50, cap: null, capApplied: false, ipLimitedPods: 29 });
    expect(codes(result)).toContain('MAX_PODS_EXCEEDS_POD_IPS');
  });

  it('flags the kubelet value that custom networking makes too high (amazon-eks-ami#375)', () => {
    const result = sut(type('t3.medium'), { launcher: 'ENI_FORMULA', customNetworking: true });
    expect(result).toMatchObject({ maxPods: 17, ipLimitedPods: 12, effectivePods: 12 });
    expect(codes(result)).toContain('MAX_PODS_EXCEEDS_POD_IPS');
  });
});

describe('vCPU counts re-synced for p3, f1 and dl1 (issue 17 item 1)', () => {
  // SOURCES.calculatorCap: max-pods-calculator.sh caps at 250 when `CPU_COUNT -gt 30`, else 110; SOURCES.karpenter `pods`
  // applies podsPerCore × DefaultVCpus. Both need the vCPU count the catalog used to lack for these seven types.
  it('p3.16xlarge: 64 vCPUs lift the calculator cap to 250, so the ENI formula 8 × 29 + 2 = 234 stands', () => {
    const result = sut(type('p3.16xlarge'));
    expect(result).toMatchObject({ maxPods: 234, cap: 250, capApplied: false });
    expect(codes(result)).not.toContain('VCPU_UNKNOWN');
  });

  it('every re-synced type has its EC2 vCPU count and Karpenter applies podsPerCore to it', () => {
    const expected = {
      'dl1.24xlarge': 96,
      'f1.2xlarge': 8,
      'f1.4xlarge': 16,
      'f1.16xlarge': 64,
      'p3.2xlarge': 8,
      'p3.8xlarge': 32,
      'p3.16xlarge': 64,
    };
    for (const [name, vcpu] of Object.entries(expected)) {
      expect(type(name).vcpu).toBe(vcpu);
      const karpenter = sut(type(name), { launcher: 'KARPENTER', podsPerCore: 1 });
      expect(karpenter.maxPods).toBe(Math.min(vcpu, sut(type(name), { launcher: 'KARPENTER' }).maxPods));
      expect(codes(karpenter)).not.toContain('VCPU_UNKNOWN');
    }
  });
});

describe('MANAGED_NODE_GROUP', () => {
  it('caps like the calculator and ignores showMaxAllowed and kubelet maxPods with a warning', () => {
    const result = sut(type('m5.4xlarge'), { launcher: 'MANAGED_NODE_GROUP', showMaxAllowed: true, kubeletMaxPods: 234 });
    expect(result).toMatchObject({ maxPods: 110, cap: 110, capApplied: true, uncappedMaxPods: 234 });
    expect(codes(result)).toEqual(expect.arrayContaining(['OPTION_IGNORED', 'MANAGED_NODE_GROUP_OVERRIDES_MAX_PODS']));
  });

  it('uses the 250 cap above 30 vCPUs', () => {
    expect(sut(type('m5.16xlarge'), { launcher: 'MANAGED_NODE_GROUP', prefixDelegation: true })).toMatchObject({ maxPods: 250, cap: 250 });
  });
});

describe('NODEADM', () => {
  const m5Large = (options: MaxPodsOptions): MaxPodsResult => sut(type('m5.large'), { launcher: 'NODEADM', ...options });

  it('uses the standard formula, uncapped, and ignores prefix delegation', () => {
    const result = sut(type('m5.4xlarge'), { launcher: 'NODEADM', prefixDelegation: true });
    expect(result).toMatchObject({ maxPods: 234, cap: null, ipLimitedPods: 8 * 29 * 16 + 2 });
    expect(codes(result)).toContain('LAUNCHER_NOT_PREFIX_DELEGATION_AWARE');
  });

  it.each([
    ['max_pods + 2', 31],
    ['max_pods < 30 ? max_pods : 30', 29],
    ['max_pods > 20 ? 20 : max_pods', 20],
    ['default_enis * (ips_per_eni - 1) * 16 + 2', 434],
    ['"42"', 42],
    ['int(double(max_pods) * 1.5)', 43],
    ['double(max_pods) * 1.5', 43],
    ['110u', 110],
  ])('evaluates %s to %i', (expression, expected) => {
    const result = m5Large({ maxPodsExpression: expression });
    expect(result.maxPods).toBe(expected);
    expect(codes(result)).not.toContain('MAX_PODS_EXPRESSION_FALLBACK');
  });

  it.each([
    ['max_pods - 29', 'not a positive integer'],
    ['-5', 'not a positive integer'],
    ['2147483648', 'not a positive integer'],
    ['max_pods * 9223372036854775807', 'evaluation failed'],
    ['max_pods / 0', 'evaluation failed'],
    ['max_pods * 1.5', 'does not type-check'],
    ['unknown_var + 1', 'does not type-check'],
    ['max_pods +', 'does not parse'],
    ['true', 'cannot be read as an integer'],
    ['"many"', 'cannot be read as an integer'],
  ])('falls back to the standard value for %s (%s)', (expression, reason) => {
    const result = m5Large({ maxPodsExpression: expression });
    expect(result.maxPods).toBe(29);
    const warning = result.warnings.find((w) => w.code === 'MAX_PODS_EXPRESSION_FALLBACK');
    expect(warning?.message).toContain(reason);
  });

  it('gives the kubelet config maxPods precedence over the expression', () => {
    const result = m5Large({ maxPodsExpression: 'max_pods + 2', kubeletMaxPods: 20 });
    expect(result.maxPods).toBe(20);
    expect(codes(result)).toContain('MAX_PODS_EXPRESSION_OVERRIDDEN');
  });

  it('compiles an expression once and reuses it', () => {
    expect(compileMaxPodsExpression('max_pods + 7')).toBe(compileMaxPodsExpression('max_pods + 7'));
  });
});

describe('KARPENTER', () => {
  it('computes ENILimitedPods on the default card only', () => {
    expect(sut(type('p5.48xlarge'), { launcher: 'KARPENTER' }).maxPods).toBe(100);
  });

  it('gives Windows 110 and still applies podsPerCore', () => {
    expect(sut(type('m5.large'), { launcher: 'KARPENTER', amiFamily: 'WINDOWS' })).toMatchObject({
      maxPods: 110,
      os: 'WINDOWS',
      ipLimitedPods: 9,
    });
    expect(sut(type('m5.large'), { launcher: 'KARPENTER', os: 'WINDOWS', podsPerCore: 10 }).maxPods).toBe(20);
  });

  it('ignores podsPerCore on Bottlerocket with a warning', () => {
    const result = sut(type('m5.large'), { launcher: 'KARPENTER', amiFamily: 'BOTTLEROCKET', podsPerCore: 4 });
    expect(result.maxPods).toBe(29);
    expect(codes(result)).toContain('PODS_PER_CORE_IGNORED');
  });

  it('takes spec.kubelet.maxPods and then podsPerCore', () => {
    expect(sut(type('m5.xlarge'), { launcher: 'KARPENTER', kubeletMaxPods: 110, podsPerCore: 10 }).maxPods).toBe(40);
  });

  it('gives 0 pods when RESERVED_ENIS uses every ENI', () => {
    const result = sut(type('m5.large'), { launcher: 'KARPENTER', reservedEnis: 3 });
    expect(result.maxPods).toBe(0);
    expect(codes(result)).toContain('KARPENTER_NO_USABLE_ENIS');
  });

  it('is not prefix-delegation aware and recommends RESERVED_ENIS for custom networking', () => {
    const pd = sut(type('m5.large'), { launcher: 'KARPENTER', prefixDelegation: true });
    expect(pd).toMatchObject({ maxPods: 29, ipLimitedPods: 434 });
    expect(pd.warnings.find((w) => w.code === 'LAUNCHER_NOT_PREFIX_DELEGATION_AWARE')?.message).toContain(
      'aws/karpenter-provider-aws#8210',
    );
    const custom = sut(type('m5.large'), { launcher: 'KARPENTER', customNetworking: true, securityGroupsForPods: true });
    expect(custom.warnings.find((w) => w.code === 'KARPENTER_RESERVED_ENIS_RECOMMENDED')?.message).toContain('RESERVED_ENIS to 2');
    expect(sut(type('m5.large'), { launcher: 'KARPENTER', customNetworking: true, reservedEnis: 1 }).warnings).toEqual([]);
  });
});

describe('kube-reserved memory as the launchers compute it (issue 17 item 2)', () => {
  const m4Xlarge = type('m4.xlarge');

  it('nodeadm e2e kubelet-config-max-pods: m4.xlarge, `max_pods + 2` and kubelet maxPods 1 reserve 915Mi (SOURCES.nodeadmKubeReservedE2e)', () => {
    // expected.json: "maxPods": 60 in nodeadm's config (4 × 14 + 2 = 58, + 2) and kubeReserved memory "915Mi" = 11 × 60 + 255;
    // the drop-in then sets maxPods 1, which does not change the reservation (SOURCES.nodeadmKubeReservedOrder).
    const result = sut(m4Xlarge, { launcher: 'NODEADM', maxPodsExpression: 'max_pods + 2', kubeletMaxPods: 1 });
    expect(result.maxPods).toBe(1);
    expect(result.kubeReservedMemoryMiB).toBe(915);
    expect(result.steps.find((step) => step.source.includes('withDefaultReservedResources'))?.value).toBe(60);
  });

  it('nodeadm m5.large with kubelet maxPods 110 reserves for its standard 29 pods: 574 MiB, not 1465', () => {
    const result = sut(type('m5.large'), { launcher: 'NODEADM', kubeletMaxPods: 110 });
    expect(result).toMatchObject({ maxPods: 110, kubeReservedMemoryMiB: 11 * 29 + 255 });
    expect(result.kubeReservedMemoryMiB).toBe(574);
  });

  it('nodeadm without an override reserves for the value it sets (standard or expression)', () => {
    expect(sut(m4Xlarge, { launcher: 'NODEADM' }).kubeReservedMemoryMiB).toBe(11 * 58 + 255);
    expect(sut(m4Xlarge, { launcher: 'NODEADM', maxPodsExpression: 'max_pods + 2' }).kubeReservedMemoryMiB).toBe(915);
  });

  it('Karpenter AL2023 m5.large with reservedEnis 1 schedules 20 pods but reserves for ENILimitedPods(0) = 29: 574 MiB (SOURCES.karpenterKubeReserved)', () => {
    const result = sut(type('m5.large'), { launcher: 'KARPENTER', reservedEnis: 1 });
    expect(result.maxPods).toBe(20);
    expect(result.kubeReservedMemoryMiB).toBe(574);
  });

  it('Karpenter AL2 also ignores kubelet maxPods and podsPerCore for memory; Bottlerocket reserves for the pods it runs (SOURCES.karpenterMemoryOverheadFlags)', () => {
    expect(sut(type('m5.xlarge'), { launcher: 'KARPENTER', amiFamily: 'AL2', kubeletMaxPods: 110, podsPerCore: 10 })).toMatchObject({
      maxPods: 40,
      kubeReservedMemoryMiB: 11 * 58 + 255,
    });
    expect(sut(type('m5.large'), { launcher: 'KARPENTER', amiFamily: 'BOTTLEROCKET', kubeletMaxPods: 110 })).toMatchObject({
      maxPods: 110,
      kubeReservedMemoryMiB: 11 * 110 + 255,
    });
    expect(sut(type('m5.large'), { launcher: 'KARPENTER', amiFamily: 'BOTTLEROCKET', reservedEnis: 1 }).kubeReservedMemoryMiB).toBe(
      11 * 20 + 255,
    );
  });
});

describe('small capacity edges (issue 17 item 3)', () => {
  it('reads a two-part cniVersion as major.minor.0, as max-pods-calculator.sh does (SOURCES.calculatorCniVersion)', () => {
    // The script splits on dots and compares only the major and minor fields: 1.9 enables prefix delegation, 1.8 does not.
    expect(sut(type('m5.large'), { cniVersion: '1.9', prefixDelegation: true, showMaxAllowed: true }).maxPods).toBe(3 * 9 * 16 + 2);
    expect(sut(type('m5.large'), { cniVersion: 'v1.9', prefixDelegation: true, showMaxAllowed: true }).maxPods).toBe(3 * 9 * 16 + 2);
    expect(sut(type('m5.large'), { cniVersion: '1.8', prefixDelegation: true, showMaxAllowed: true }).maxPods).toBe(29);
  });

  it.each(['latest', '1', '1.', '1.9.', '1.9.0.1', 'v', '01.9', '1.x', '1.9 beta', '', '1'.repeat(5000), '1.9-' + 'a'.repeat(41)])(
    'answers INVALID_CNI_VERSION for the malformed %j, whatever its shape',
    (cniVersion) => {
      expectInvalid(() => sut(type('m5.large'), { cniVersion }), 'INVALID_CNI_VERSION');
    },
  );

  it.each(['AL2', 'BOTTLEROCKET'] as const)(
    'warns that nodeadm configures AL2023 only when amiFamily is %s (SOURCES.nodeadmAl2023Only)',
    (amiFamily) => {
      const result = sut(type('m5.large'), { launcher: 'NODEADM', amiFamily });
      expect(result.maxPods).toBe(29);
      expect(result.warnings.find((w) => w.code === 'NODEADM_CONFIGURES_AL2023_ONLY')?.message).toContain('AL2023');
      expect(codes(sut(type('m5.large'), { launcher: 'NODEADM', amiFamily: 'AL2023' }))).not.toContain('NODEADM_CONFIGURES_AL2023_ONLY');
    },
  );

  it('subtracts EFA-only interfaces on network card 0 with RESERVED_ENIS, as Karpenter ENILimitedPods does (SOURCES.karpenterEniLimitedPods)', () => {
    // p5.48xlarge: 2 ENIs on card 0, 50 IPv4 each. One EFA-only on card 0 leaves 1 ENI: 1 × 49 + 2 = 51 pods.
    const one = sut(type('p5.48xlarge'), { launcher: 'KARPENTER', efaOnlyInterfaces: 1 });
    expect(one.maxPods).toBe(51);
    // kube-reserved uses ENILimitedPods(ctx, info, 0, nics): the EFA-only interfaces still count there, RESERVED_ENIS does not.
    expect(one.kubeReservedMemoryMiB).toBe(11 * 51 + 255);
    const both = sut(type('p5.48xlarge'), { launcher: 'KARPENTER', efaOnlyInterfaces: 1, reservedEnis: 1 });
    expect(both.maxPods).toBe(0);
    expect(codes(both)).toContain('KARPENTER_NO_USABLE_ENIS');
    expect(both.kubeReservedMemoryMiB).toBe(11 * 51 + 255);
    const ignored = sut(type('p5.48xlarge'), { launcher: 'NODEADM', efaOnlyInterfaces: 1 });
    expect(ignored.warnings.find((w) => w.code === 'OPTION_IGNORED')?.message).toContain('efaOnlyInterfaces');
  });
});

describe('AUTO_MODE', () => {
  it('caps at 110 and records the two UG formulas', () => {
    const result = sut(type('m5.large'), { launcher: 'AUTO_MODE' });
    expect(result).toMatchObject({ maxPods: 27, cap: 110, capApplied: false, podAddressMode: 'PREFIX_DELEGATION', ipLimitedPods: 434 });
    expect(result.steps.map((step) => step.value)).toEqual(expect.arrayContaining([27, 29, 110]));
    expect(result.warnings.find((w) => w.code === 'AUTO_MODE_DOCS_DISAGREE')?.message).toContain('gives 29');
    const large = sut(type('m5.4xlarge'), { launcher: 'AUTO_MODE' });
    expect(large).toMatchObject({ maxPods: 110, capApplied: true });
    expect(codes(large)).not.toContain('AUTO_MODE_DOCS_DISAGREE');
  });

  it('falls back to secondary IPs when prefix delegation is explicitly off', () => {
    expect(sut(type('m5.large'), { launcher: 'AUTO_MODE', prefixDelegation: false })).toMatchObject({
      podAddressMode: 'SECONDARY_IP',
      ipLimitedPods: 29,
    });
  });
});

describe('FARGATE', () => {
  it('is one pod with one address per node, with no kube-reserved from maxPods', () => {
    const result = sut(type('m5.large'), { launcher: 'FARGATE', prefixDelegation: true });
    expect(result).toMatchObject({ maxPods: 1, ipLimitedPods: 1, cap: null, podAddressMode: 'FARGATE', kubeReservedMemoryMiB: null });
    expect(codes(result)).toContain('OPTION_IGNORED');
    expect(codes(sut(type('m5.large'), { launcher: 'FARGATE', ipFamily: 'IPV6' }))).toContain('FARGATE_IPV6_NEEDS_IPV4');
  });
});

describe('Windows', () => {
  it('uses the primary ENI only and the kubelet default 110, whatever the Linux launcher', () => {
    for (const launcher of ['ENI_FORMULA', 'CALCULATOR', 'MANAGED_NODE_GROUP'] as const) {
      const result = sut(type('m5.large'), { launcher, os: 'WINDOWS' });
      expect(result).toMatchObject({ maxPods: 110, ipLimitedPods: 9, kubeReservedMemoryMiB: null });
      expect(result.warnings.find((w) => w.code === 'MAX_PODS_EXCEEDS_POD_IPS')?.message).toContain('Pending');
    }
  });

  it('falls back to secondary IPs for prefix mode on a non-Nitro type', () => {
    const result = sut(type('m4.xlarge'), { os: 'WINDOWS', prefixDelegation: true });
    expect(result.ipLimitedPods).toBe(14);
    expect(codes(result)).toContain('PREFIX_DELEGATION_UNSUPPORTED_INSTANCE');
  });
});

describe('IPv6', () => {
  it('forces prefix mode, reports no address limit, and uses the PD formula in the calculator', () => {
    const result = sut(type('m5.large'), { ipFamily: 'IPV6', showMaxAllowed: true });
    expect(result).toMatchObject({ maxPods: 434, ipLimitedPods: null, effectivePods: 434, podAddressMode: 'IPV6_PREFIX' });
  });

  it('allows bare metal and warns launchers that keep the IPv4 formula', () => {
    const result = sut(type('m5.metal'), { ipFamily: 'IPV6', launcher: 'NODEADM' });
    expect(result.maxPods).toBe(737);
    expect(codes(sut(type('m5.large'), { ipFamily: 'IPV6', launcher: 'NODEADM' }))).toContain('IPV6_MAX_PODS_NOT_RAISED');
  });
});

describe('security groups for pods', () => {
  it('applies the trunk penalty from CNI 1.16.4 only, comparing versions numerically', () => {
    expect(sut(type('m5.large'), { securityGroupsForPods: true, cniVersion: '1.16.3' }).ipLimitedPods).toBe(29);
    expect(sut(type('m5.large'), { securityGroupsForPods: true, cniVersion: 'v1.16.4-eksbuild.1' }).ipLimitedPods).toBe(20);
    expect(sut(type('m5.large'), { securityGroupsForPods: true, cniVersion: '1.16.10' }).ipLimitedPods).toBe(20);
    expect(sut(type('m5.large'), { securityGroupsForPods: true, cniVersion: '1.9.0' }).ipLimitedPods).toBe(29);
  });

  it('warns when the branch ENI limit of a type is unknown', () => {
    const result = sut(type('trn2.3xlarge'), { securityGroupsForPods: true });
    expect(result.branchEniPods).toBeNull();
    expect(codes(result)).toContain('TRUNKING_SUPPORT_UNKNOWN');
  });

  it('reports 0 branch pods when the feature is off', () => {
    expect(sut(type('m5.large')).branchEniPods).toBe(0);
  });
});

describe('results', () => {
  it('explains every number with a rule and a source, and uses UPPER_SNAKE warning codes', () => {
    const results = [
      sut(type('m5.large'), { prefixDelegation: true, customNetworking: true, securityGroupsForPods: true }),
      sut(type('p5.48xlarge'), { launcher: 'KARPENTER', podsPerCore: 2 }),
      sut(type('m5.large'), { launcher: 'AUTO_MODE' }),
      sut(type('m5.large'), { launcher: 'NODEADM', maxPodsExpression: 'nope(' }),
    ];
    for (const result of results) {
      expect(result.steps.length).toBeGreaterThan(2);
      for (const step of result.steps) {
        expect(step.rule.length).toBeGreaterThan(3);
        expect(Number.isFinite(step.value)).toBe(true);
        expect(step.source.length).toBeGreaterThan(5);
      }
      for (const warning of result.warnings) expect(warning.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    }
  });

  it('derives kube-reserved from maxPods and vCPUs', () => {
    expect(sut(type('m5.4xlarge'))).toMatchObject({ maxPods: 110, kubeReservedMemoryMiB: 1465, kubeReservedCpuMillicores: 110 });
    expect(sut(type('p4d.24xlarge'))).toMatchObject({
      kubeReservedMemoryMiB: 11 * 250 + 255,
      kubeReservedCpuMillicores: 60 + 10 + 10 + 230,
    });
    expect(sut(type('a1.medium')).kubeReservedCpuMillicores).toBe(60);
  });
});

describe('computeMaxPodsTable', () => {
  // Its time (target < 50 ms for the whole catalog) is measured by npm run bench, not asserted here.
  it('returns one row per instance type, the expression applied to each', () => {
    const options: MaxPodsOptions = { launcher: 'NODEADM', maxPodsExpression: 'max_pods < 110 ? max_pods : 110' };
    const table = computeMaxPodsTable(AWS_CATALOG.instanceTypes, options);
    expect(table.items).toHaveLength(1391);
    expect(table.skipped).toEqual([]);
    expect(table.items.every((row) => row.maxPods <= 110)).toBe(true);
    expect(table.items.find((row) => row.instanceType === 'm5.large')?.maxPods).toBe(29);
  });

  it('skips the types an option combination cannot run on, with the rule', () => {
    const table = computeMaxPodsTable(AWS_CATALOG.instanceTypes, { securityGroupsForPods: true });
    expect(table.items.length + table.skipped.length).toBe(1391);
    expect(table.skipped.find((row) => row.instanceType === 't3.medium')?.code).toBe('SECURITY_GROUPS_FOR_PODS_INSTANCE_UNSUPPORTED');
    expect(table.skipped.every((row) => catalog.get(row.instanceType)?.trunkingCompatible === false)).toBe(true);
  });

  it('still throws for invalid options', () => {
    expectInvalid(() => computeMaxPodsTable(AWS_CATALOG.instanceTypes, { maxEnis: -1 }), 'INVALID_MAX_ENIS');
  });
});

describe('impossible input', () => {
  it.each<[string, string, MaxPodsOptions]>([
    ['INVALID_LAUNCHER', 'm5.large', { launcher: 'EKSCTL' as never }],
    ['INVALID_OS', 'm5.large', { os: 'MACOS' as never }],
    ['INVALID_IP_FAMILY', 'm5.large', { ipFamily: 'DUAL' as never }],
    ['INVALID_AMI_FAMILY', 'm5.large', { amiFamily: 'UBUNTU' as never }],
    ['INVALID_OPTION', 'm5.large', { prefixDelegation: 'yes' as never }],
    ['INVALID_CNI_VERSION', 'm5.large', { cniVersion: '1' }],
    ['INVALID_EFA_ONLY_INTERFACES', 'm5.large', { launcher: 'KARPENTER', efaOnlyInterfaces: -1 }],
    ['INVALID_CNI_VERSION', 'm5.large', { cniVersion: 'latest' }],
    ['INVALID_MAX_ENIS', 'm5.large', { maxEnis: -1 }],
    ['INVALID_MAX_ENIS', 'm5.large', { maxEnis: 0 }],
    ['INVALID_MAX_ENIS', 'm5.large', { maxEnis: 1.5 }],
    ['INVALID_KUBELET_MAX_PODS', 'm5.large', { kubeletMaxPods: 0 }],
    ['INVALID_KUBELET_MAX_PODS', 'm5.large', { kubeletMaxPods: 2 ** 31 }],
    ['INVALID_PODS_PER_CORE', 'm5.large', { podsPerCore: -2 }],
    ['INVALID_RESERVED_ENIS', 'm5.large', { reservedEnis: -1 }],
    ['INVALID_MAX_PODS_EXPRESSION', 'm5.large', { maxPodsExpression: '  ' }],
    ['AMI_FAMILY_OS_MISMATCH', 'm5.large', { amiFamily: 'WINDOWS', os: 'LINUX' }],
    ['AMI_FAMILY_OS_MISMATCH', 'm5.large', { amiFamily: 'BOTTLEROCKET', os: 'WINDOWS' }],
    ['SECURITY_GROUPS_FOR_PODS_WINDOWS_UNSUPPORTED', 'm5.large', { os: 'WINDOWS', securityGroupsForPods: true }],
    ['CUSTOM_NETWORKING_WINDOWS_UNSUPPORTED', 'm5.large', { os: 'WINDOWS', customNetworking: true }],
    ['IPV6_WINDOWS_UNSUPPORTED', 'm5.large', { os: 'WINDOWS', ipFamily: 'IPV6' }],
    ['FARGATE_WINDOWS_UNSUPPORTED', 'm5.large', { launcher: 'FARGATE', os: 'WINDOWS' }],
    ['NODEADM_WINDOWS_UNSUPPORTED', 'm5.large', { launcher: 'NODEADM', os: 'WINDOWS' }],
    ['AUTO_MODE_WINDOWS_UNSUPPORTED', 'm5.large', { launcher: 'AUTO_MODE', os: 'WINDOWS' }],
    ['SECURITY_GROUPS_FOR_PODS_AUTO_MODE_UNSUPPORTED', 'm5.large', { launcher: 'AUTO_MODE', securityGroupsForPods: true }],
    ['CUSTOM_NETWORKING_AUTO_MODE_UNSUPPORTED', 'm5.large', { launcher: 'AUTO_MODE', customNetworking: true }],
    ['IPV6_CUSTOM_NETWORKING_UNSUPPORTED', 'm5.large', { ipFamily: 'IPV6', customNetworking: true }],
    ['IPV6_REQUIRES_PREFIX_DELEGATION', 'm5.large', { ipFamily: 'IPV6', prefixDelegation: false }],
    ['IPV6_REQUIRES_CNI_1_10_1', 'm5.large', { ipFamily: 'IPV6', cniVersion: '1.10.0' }],
    ['IPV6_REQUIRES_NITRO', 't2.medium', { ipFamily: 'IPV6' }],
    ['IPV6_REQUIRES_NITRO', 'm4.xlarge', { ipFamily: 'IPV6', launcher: 'KARPENTER' }],
    ['SECURITY_GROUPS_FOR_PODS_INSTANCE_UNSUPPORTED', 't3.medium', { securityGroupsForPods: true }],
    ['SECURITY_GROUPS_FOR_PODS_INSTANCE_UNSUPPORTED', 'm4.xlarge', { securityGroupsForPods: true, launcher: 'NODEADM' }],
  ])('%s for %s %o', (code, name, options) => {
    expectInvalid(() => sut(type(name), options), code);
  });

  it('names the t family in the security-groups-for-pods error', () => {
    expect(() => sut(type('t3.medium'), { securityGroupsForPods: true })).toThrow(/t family/);
  });

  it('rejects an instance record with impossible ENI limits', () => {
    expectInvalid(() => sut({ ...type('m5.large'), maxEnis: 0 }), 'INVALID_INSTANCE_TYPE');
  });
});
