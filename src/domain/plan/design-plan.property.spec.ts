import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMI_FAMILIES, AUDIENCES, EXPOSE_PROTOCOLS, NODE_GROUP_KINDS, type DesignSpec } from '../spec/design-spec.types.js';
import { validateDesignSpec } from '../spec/design-spec.validator.js';
import { largeDesign } from '../../../test/fixtures/spec/large-design.fixture.js';
import { catalogContext } from '../../../test/fixtures/spec/validation-context.fixture.js';
import { planDesign as sut, sortFindings } from './design-plan.engine.js';
import { awsCatalog } from '../../../test/fixtures/plan/plan-test.helpers.js';

const INSTANCE_TYPES = [
  'm5.large',
  'm5.xlarge',
  't3.medium',
  'c5.2xlarge',
  'm6i.large',
  'm4.large',
  'p5.48xlarge',
  'm5.metal',
  'c7g.medium',
];
const MAX_GROUPS = 8;

const groupArb = fc.record({
  kind: fc.constantFrom(...NODE_GROUP_KINDS),
  amiFamily: fc.option(fc.constantFrom(...AMI_FAMILIES), { nil: undefined }),
  instanceTypes: fc.subarray(INSTANCE_TYPES, { minLength: 1, maxLength: 3 }),
  minSize: fc.integer({ min: 0, max: 20 }),
  toDesired: fc.integer({ min: 0, max: 20 }),
  toMax: fc.integer({ min: 0, max: 60 }),
  maxPods: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
  podsPerCore: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  maxSurge: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

const workloadArb = fc.record({
  group: fc.nat(),
  replicas: fc.integer({ min: 0, max: 800 }),
  hostNetwork: fc.boolean(),
  podSecurityGroups: fc.boolean(),
  expose: fc.option(
    fc.record({
      audience: fc.constantFrom(...AUDIENCES),
      protocol: fc.constantFrom(...EXPOSE_PROTOCOLS),
      port: fc.integer({ min: 1, max: 65535 }),
    }),
    { nil: undefined },
  ),
});

const designArb = fc.record({
  groups: fc.array(groupArb, { minLength: 1, maxLength: MAX_GROUPS }),
  spareSubnets: fc.integer({ min: 3, max: 40 }),
  ipv6: fc.boolean(),
  customNetworking: fc.boolean(),
  cni: fc.record(
    {
      version: fc.constantFrom('1.20.0', '1.16.0', '1.10.1', '1.8.0'),
      prefixDelegation: fc.boolean(),
      securityGroupsForPods: fc.boolean(),
      warmEniTarget: fc.integer({ min: 0, max: 3 }),
      warmIpTarget: fc.integer({ min: 0, max: 20 }),
      minimumIpTarget: fc.integer({ min: 0, max: 40 }),
      warmPrefixTarget: fc.integer({ min: 0, max: 2 }),
      maxEni: fc.integer({ min: 1, max: 4 }),
    },
    { requiredKeys: [] },
  ),
  workloads: fc.array(workloadArb, { maxLength: 12 }),
});

type DesignInput = typeof designArb extends fc.Arbitrary<infer T> ? T : never;

/** A largeDesign() with random node group kinds, AMIs, instance types, sizes, CNI settings and workloads. */
function buildDesign(input: DesignInput): DesignSpec {
  const groupCount = input.groups.length;
  const spec = largeDesign({ nodeGroups: groupCount, subnets: 3 + 3 * groupCount + input.spareSubnets, dualStack: input.ipv6 });
  spec.ipFamily = input.ipv6 ? 'IPV6' : 'IPV4';
  spec.cni = input.ipv6 ? { ...input.cni, prefixDelegation: true, version: '1.20.0' } : { ...input.cni };
  if (input.customNetworking && !input.ipv6) {
    // The last three subnets (one per zone) are never node subnets: they become the ENIConfig pod subnets.
    const podSubnets = spec.subnets.slice(-3);
    spec.cni.customNetworking = true;
    spec.cni.eniConfigs = podSubnets.map((subnet) => ({ az: subnet.az, subnet: subnet.name }));
  }
  spec.nodeGroups.forEach((group, g) => {
    const shape = input.groups[g];
    const fargate = shape.kind === 'FARGATE';
    Object.assign(group, {
      kind: shape.kind,
      instanceTypes: fargate ? [] : shape.instanceTypes,
      minSize: shape.minSize,
      desiredSize: shape.minSize + shape.toDesired,
      maxSize: shape.minSize + shape.toDesired + shape.toMax,
    });
    if (shape.amiFamily && !fargate) group.amiFamily = shape.amiFamily;
    if (shape.maxPods !== undefined) group.maxPods = shape.maxPods;
    if (shape.podsPerCore !== undefined) group.podsPerCore = shape.podsPerCore;
    if (shape.maxSurge !== undefined) group.maxSurge = shape.maxSurge;
  });
  spec.workloads = [
    ...spec.workloads!,
    ...input.workloads.map((workload, w) => ({
      name: `extra-${w}`,
      namespace: 'apps',
      nodeGroup: `group-${workload.group % groupCount}`,
      replicas: workload.replicas,
      ...(workload.hostNetwork ? { hostNetwork: true } : {}),
      ...(workload.podSecurityGroups ? { securityGroups: ['nodes'] } : {}),
      ...(workload.expose ? { expose: workload.expose } : {}),
    })),
  ];
  return spec;
}

describe('planDesign properties', () => {
  it('never throws on random valid designs; addresses grow from min to desired to max; output is sorted plain JSON', () => {
    let planned = 0;
    fc.assert(
      fc.property(designArb, (input) => {
        const validation = validateDesignSpec(buildDesign(input), catalogContext());
        fc.pre(validation.ok);
        if (!validation.ok) return;

        const plan = sut(validation.spec, awsCatalog);
        planned += 1;

        for (const subnet of plan.subnets) {
          expect(subnet.usedIps.min).toBeLessThanOrEqual(subnet.usedIps.desired);
          expect(subnet.usedIps.desired).toBeLessThanOrEqual(subnet.usedIps.max);
          expect(subnet.freeIpsAtMax).toBe(subnet.usableIps - subnet.usedIps.max);
          for (const charge of subnet.charges) expect(charge.usedIps.min).toBeLessThanOrEqual(charge.usedIps.max);
        }
        for (const group of plan.nodeGroups) {
          if (group.podIpSlotsPerNode === null || group.kind === 'FARGATE') continue;
          for (const load of [group.loads.min, group.loads.desired, group.loads.max]) {
            expect(load.podsPerNode - load.branchPodsPerNode).toBeLessThanOrEqual(group.podIpSlotsPerNode);
          }
        }
        expect(sortFindings([...plan.findings])).toEqual(plan.findings);
        const counts = { ERROR: 0, WARNING: 0, INFO: 0 };
        for (const finding of plan.findings) counts[finding.severity] += 1;
        expect([plan.summary.errors, plan.summary.warnings, plan.summary.infos]).toEqual([counts.ERROR, counts.WARNING, counts.INFO]);
        expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
      }),
      { numRuns: 60, seed: 20_261_125 },
    );
    expect(planned).toBeGreaterThan(20);
  });
});
