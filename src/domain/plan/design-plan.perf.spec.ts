/**
 * Performance sanity check (issue 8: a 1,000-node-group / 3,000-subnet plan under 1 s on 2 cores, growing at most ~linearly).
 * Prints the fastest and the median time per size (after a warm-up at the largest size, so the JIT has settled); it asserts
 * the plans' shape, not the time, so a slow or busy CI machine does not fail it.
 */
import { describe, expect, it } from 'vitest';
import { largeDesign } from '../../../test/fixtures/spec/large-design.fixture.js';
import { planDesign as sut } from './design-plan.engine.js';
import { awsCatalog } from '../../../test/fixtures/plan/plan-test.helpers.js';

const SIZES = [10, 100, 1000] as const;
const RUNS = 5;

describe('planDesign performance', () => {
  it('plans largeDesign() sizes 10, 100 and 1,000 node groups (3 subnets each)', () => {
    sut(largeDesign({ nodeGroups: 1000, subnets: 3000 }), awsCatalog); // warm-up
    const medians: Record<number, number> = {};
    const fastest: Record<number, number> = {};
    for (const nodeGroups of SIZES) {
      const spec = largeDesign({ nodeGroups, subnets: 3 * nodeGroups });
      const times: number[] = [];
      let plan = sut(spec, awsCatalog);
      for (let run = 0; run < RUNS; run += 1) {
        const start = performance.now();
        plan = sut(spec, awsCatalog);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      medians[nodeGroups] = times[Math.floor(RUNS / 2)]!;
      fastest[nodeGroups] = times[0]!;

      expect(plan.nodeGroups).toHaveLength(nodeGroups);
      expect(plan.subnets).toHaveLength(3 * nodeGroups);
      expect(plan.workloads.every((workload) => workload.exposure?.kind === 'ALB_INGRESS')).toBe(true);
      // Every group puts 2 of its 4 max-size nodes (30 addresses each) in its first /26 (59 usable).
      expect(plan.findings.filter((finding) => finding.code === 'SUBNET_FULL_AT_MAX').length).toBeGreaterThanOrEqual(nodeGroups);
    }
    const report = SIZES.map(
      (size) => `${size} node groups / ${3 * size} subnets: ${fastest[size].toFixed(1)} ms (median ${medians[size].toFixed(1)})`,
    ).join('; ');
    const growth = `${(fastest[100] / fastest[10]).toFixed(1)}, ${(fastest[1000] / fastest[100]).toFixed(1)}`;
    console.log(`planDesign fastest of ${RUNS}: ${report}; ×10 growth ${growth}`);
  });
});
