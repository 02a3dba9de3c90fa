/**
 * Plans at scale (issue 8: 1,000 node groups / 3,000 subnets): the shape of the plan at each size. How long they take
 * (target < 1 s, growing at most ~linearly) is measured by npm run bench, so a busy machine cannot fail this spec.
 */
import { describe, expect, it } from 'vitest';
import { largeDesign } from '../../../test/fixtures/spec/large-design.fixture.js';
import { planDesign as sut } from './design-plan.engine.js';
import { awsCatalog } from '../../../test/fixtures/plan/plan-test.helpers.js';

describe('planDesign at scale', () => {
  it.each([10, 100, 1000])('plans largeDesign() with %i node groups (3 subnets each)', (nodeGroups) => {
    const plan = sut(largeDesign({ nodeGroups, subnets: 3 * nodeGroups }), awsCatalog);

    expect(plan.nodeGroups).toHaveLength(nodeGroups);
    expect(plan.subnets).toHaveLength(3 * nodeGroups);
    expect(plan.workloads.every((workload) => workload.exposure?.kind === 'ALB_INGRESS')).toBe(true);
    // Every group puts 2 of its 4 max-size nodes (30 addresses each) in its first /26 (59 usable).
    expect(plan.findings.filter((finding) => finding.code === 'SUBNET_FULL_AT_MAX').length).toBeGreaterThanOrEqual(nodeGroups);
  });
});
