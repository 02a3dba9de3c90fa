import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advisorDeps } from '../../../test/fixtures/advice/advice-test.helpers.js';
import { cleanDesign } from '../../../test/fixtures/plan/clean-design.fixture.js';
import { valid } from '../../../test/fixtures/plan/plan-test.helpers.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { adviseDesign, remedyFigures, whatIf } from './index.js';

const INSTANCE_TYPES = ['m5.large', 'm5.xlarge', 't3.medium', 'c5.2xlarge', 'm6i.large', 'r5.large', 'c6g.xlarge'];

/** Variations of the clean design that run from roomy to overflowing: node subnet size, group size, pods, CNI mode. */
const designArb = fc
  .record({
    prefix: fc.integer({ min: 20, max: 26 }),
    kind: fc.constantFrom('MANAGED', 'SELF_MANAGED', 'KARPENTER'),
    instanceType: fc.constantFrom(...INSTANCE_TYPES),
    maxSize: fc.integer({ min: 3, max: 90 }),
    replicas: fc.integer({ min: 0, max: 2500 }),
    prefixDelegation: fc.boolean(),
    warmEniTarget: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    maxPods: fc.option(fc.integer({ min: 20, max: 250 }), { nil: undefined }),
  })
  .map((v): DesignSpec => {
    const spec = cleanDesign();
    let third = 16;
    const size = 2 ** (24 - Math.min(24, v.prefix));
    spec.subnets = spec.subnets.map((subnet) => {
      if (!subnet.name.startsWith('private-')) return subnet;
      // Aligned: a /20 steps 16 in the third octet, a /24 or smaller 1.
      const cidr = `10.0.${third}.0/${v.prefix}`;
      third += Math.max(1, size);
      return { ...subnet, cidr };
    });
    spec.nodeGroups = [
      {
        ...spec.nodeGroups[0],
        kind: v.kind,
        instanceTypes: [v.instanceType],
        minSize: 1,
        desiredSize: Math.max(1, Math.floor(v.maxSize / 2)),
        maxSize: v.maxSize,
        ...(v.maxPods === undefined ? {} : { maxPods: v.maxPods }),
      },
    ];
    spec.workloads = spec.workloads!.map((workload) => (workload.name === 'storefront' ? { ...workload, replicas: v.replicas } : workload));
    spec.cni = {
      version: '1.20.0',
      prefixDelegation: v.prefixDelegation,
      ...(v.warmEniTarget === undefined ? {} : { warmEniTarget: v.warmEniTarget }),
    };
    return valid(spec);
  });

describe('advice and what-if properties', () => {
  it("applying any remedy's patch with what-if gives exactly its `after`; no problem means no remedy", () => {
    let remedies = 0;
    let clean = 0;
    fc.assert(
      fc.property(designArb, (spec) => {
        const advice = adviseDesign(spec, advisorDeps);
        if (advice.problems.length === 0) {
          clean++;
          expect(advice.remedies).toEqual([]);
        }
        for (const remedy of advice.remedies) {
          remedies++;
          const result = whatIf(spec, remedy.patch, advisorDeps);
          expect(remedy.after).toEqual(remedyFigures(result.plan));
          expect(remedy.after.usedIpsAtMax).toBe(result.plan.summary.usedIpsAtMax);
          expect(remedy.after.freeIpsAtMaxTightest).toBe(result.plan.summary.tightestSubnet?.freeIpsAtMax ?? null);
          expect(remedy.after.errors).toBe(result.plan.summary.errors);
          expect(remedy.after.warnings).toBe(result.plan.summary.warnings);
          expect(remedy.solves.length).toBeGreaterThan(0);
        }
        expect(advice.remedies.map((remedy) => remedy.rank)).toEqual(advice.remedies.map((_, i) => i + 1));
      }),
      { seed: 1414, numRuns: 40 },
    );
    // The generator reaches both sides: designs with remedies and designs with nothing to fix.
    expect(remedies).toBeGreaterThan(0);
    expect(clean).toBeGreaterThan(0);
  });

  it('what-if with an empty patch gives an all-zero diff', () => {
    fc.assert(
      fc.property(designArb, (spec) => {
        const { diff, spec: after } = whatIf(spec, [], advisorDeps);
        expect(after).toEqual(spec);
        expect(diff.spec).toEqual([]);
        expect(diff.plan.nodeGroups).toEqual([]);
        expect(diff.plan.subnets).toEqual([]);
        expect(diff.plan.findings).toEqual({ new: [], resolved: [] });
        for (const move of Object.values(diff.plan.summary)) expect(move.delta).toBe(0);
      }),
      { seed: 1415, numRuns: 40 },
    );
  });
});
