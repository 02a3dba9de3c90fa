import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advisorDeps } from '../../../test/fixtures/advice/advice-test.helpers.js';
import { overflowDesign } from '../../../test/fixtures/advice/overflow-design.fixture.js';
import { cleanDesign } from '../../../test/fixtures/plan/clean-design.fixture.js';
import { valid } from '../../../test/fixtures/plan/plan-test.helpers.js';
import { planDesign } from '../plan/index.js';
import { CAPACITY_SOURCES } from '../capacity/index.js';
import { adviseDesign, remedyFigures, whatIf, type Remedy } from './index.js';

const SOURCES: ReadonlySet<string> = new Set(Object.values(CAPACITY_SOURCES));

describe('the advisor on node subnets that overflow at max size in secondary-IP mode', () => {
  const spec = valid(overflowDesign());
  const advice = adviseDesign(spec, advisorDeps);
  const byKind = new Map(advice.remedies.map((remedy) => [remedy.kind, remedy]));

  it('is the design the README quotes (test/fixtures/advice/overflow-design.json)', () => {
    expect(JSON.parse(readFileSync(new URL('../../../test/fixtures/advice/overflow-design.json', import.meta.url), 'utf8'))).toEqual(
      overflowDesign(),
    );
  });

  it('finds every node subnet short at max size', () => {
    expect(advice.problems).toEqual(
      ['private-a (10.0.16.0/22)', 'private-b (10.0.20.0/22)', 'private-c (10.0.24.0/22)'].map((subnet, i) => ({
        code: 'SUBNET_FULL_AT_MAX',
        severity: 'ERROR',
        path: `subnets[${6 + i}]`,
        message: `${subnet} needs 1080 addresses at max size but has 1019 usable (61 short).`,
      })),
    );
  });

  it('proposes prefix delegation, warm-pool tuning, custom networking, larger subnets and a new IPv6 cluster, ranked', () => {
    expect(advice.remedies.map((remedy) => [remedy.rank, remedy.kind, remedy.disruption])).toEqual([
      [1, 'WARM_POOL_TUNING', 'NONE'],
      [2, 'PREFIX_DELEGATION', 'ROLLING_NODE_REPLACEMENT'],
      [3, 'LARGER_SUBNETS', 'ROLLING_NODE_REPLACEMENT'],
      [4, 'CUSTOM_NETWORKING', 'ROLLING_NODE_REPLACEMENT'],
      [5, 'IPV6_NEW_CLUSTER', 'NEW_CLUSTER'],
      [6, 'INSTANCE_TYPES', 'ROLLING_NODE_REPLACEMENT'],
    ]);
    // The last one frees addresses but leaves every subnet over 80 %, so it ranks after every remedy that leaves none.
    expect(byKind.get('INSTANCE_TYPES')!.problemsLeft.map((problem) => problem.code)).toEqual(
      Array(3).fill('SUBNET_OVER_80_PERCENT_AT_MAX'),
    );
  });

  it("prices every remedy with what-if: its `after` is exactly the patched plan's figures, `before` the design's", () => {
    const before = remedyFigures(planDesign(spec, advisorDeps));
    for (const remedy of advice.remedies) {
      const result = whatIf(spec, remedy.patch, advisorDeps);
      expect(remedy.before).toEqual(before);
      expect(remedy.after).toEqual({
        usedIpsAtMax: result.plan.summary.usedIpsAtMax,
        freeIpsAtMaxTightest: result.plan.summary.tightestSubnet?.freeIpsAtMax ?? null,
        nodesThatFit: remedyFigures(result.plan).nodesThatFit,
        maxPodsPerNode: remedyFigures(result.plan).maxPodsPerNode,
        errors: result.plan.summary.errors,
        warnings: result.plan.summary.warnings,
      });
      expect(remedy.findingsRemoved).toEqual(result.diff.plan.findings.resolved);
      expect(remedy.findingsAdded).toEqual(result.diff.plan.findings.new);
    }
  });

  it('warm-pool tuning: WARM_ENI_TARGET=0 with MINIMUM_IP_TARGET sized to the 15 pods per node, no node replaced', () => {
    const remedy = byKind.get('WARM_POOL_TUNING')!;
    expect(remedy.patch).toEqual([
      { op: 'add', path: '/cni/warmEniTarget', value: 0 },
      { op: 'add', path: '/cni/warmIpTarget', value: 4 },
      { op: 'add', path: '/cni/minimumIpTarget', value: 15 },
    ]);
    // 24 nodes a subnet, each 2 ENIs (primaries) + 15 pods + 4 warm = 21 addresses: 504 a subnet, 1,515 with the NAT gateways.
    expect(remedy.after).toMatchObject({ usedIpsAtMax: 1515, freeIpsAtMaxTightest: 515, errors: 0 });
    expect(remedy.solves).toHaveLength(3);
    expect(remedy.worsens).toEqual([]);
  });

  it('prefix delegation: the cheapest warm target, and the /28 check on every subnet that holds prefixes', () => {
    const remedy = byKind.get('PREFIX_DELEGATION')!;
    expect(remedy.patch).toEqual([
      { op: 'add', path: '/cni/prefixDelegation', value: true },
      { op: 'add', path: '/cni/warmIpTarget', value: 1 },
      { op: 'add', path: '/cni/minimumIpTarget', value: 15 },
    ]);
    // One /28 per node (15 pods + 1 warm) and the ENI primary: 17 × 24 = 408 a subnet; the kubelet allows 110 pods.
    expect(remedy.after).toMatchObject({ usedIpsAtMax: 1227, maxPodsPerNode: 110, errors: 0, warnings: 0 });
    expect(remedy.tradeOffs[0].message).toMatch(
      /^Warm target: WARM_IP_TARGET=1 with MINIMUM_IP_TARGET=15 .*WARM_PREFIX_TARGET=1 \(one spare \/28 per node\) would use 2379/,
    );
    const checks = remedy.tradeOffs.filter((tradeOff) => tradeOff.message.startsWith('/28 check'));
    expect(checks.map((check) => check.message)).toEqual(
      ['private-a (10.0.16.0/22)', 'private-b (10.0.20.0/22)', 'private-c (10.0.24.0/22)'].map(
        (subnet) =>
          `/28 check, ${subnet}: 24 prefixes needed at max size, at most 62 free aligned /28 blocks of 62 assignable: no fragmentation risk.`,
      ),
    );
  });

  it('custom networking: 100.64.0.0/16, one pod subnet per AZ, the ENIConfigs, and the max pods the primary ENI costs', () => {
    const remedy = byKind.get('CUSTOM_NETWORKING')!;
    expect(remedy.patch.slice(0, 2)).toEqual([
      { op: 'add', path: '/vpc/secondaryCidrs', value: ['100.64.0.0/16'] },
      {
        op: 'add',
        path: '/subnets/-',
        value: { name: 'pods-eu-west-1a', az: 'eu-west-1a', cidr: '100.64.0.0/18', roles: ['PODS'], natGateway: 'nat-a' },
      },
    ]);
    expect(remedy.patch.at(-2)).toEqual({ op: 'add', path: '/cni/customNetworking', value: true });
    expect(remedy.patch.at(-1)).toEqual({
      op: 'add',
      path: '/cni/eniConfigs',
      value: ['a', 'b', 'c'].map((zone) => ({ az: `eu-west-1${zone}`, subnet: `pods-eu-west-1${zone}` })),
    });
    // m5.xlarge: 4 ENIs × 14 secondaries + 2 = 58; without the primary ENI 3 × 14 + 2 = 44.
    expect(remedy.tradeOffs.map((tradeOff) => tradeOff.message)).toContain(
      'general: max pods per node 58 → 44 (the primary ENI no longer holds pods); pod capacity at max size 4032 → 3024.',
    );
    expect(remedy.worsens).toContain('Max pods per node (lowest node group) falls from 58 to 44.');
  });

  it('larger subnets: the next free CIDRs of the VPC that keep each subnet under 80 %', () => {
    expect(byKind.get('LARGER_SUBNETS')!.patch).toEqual([
      { op: 'replace', path: '/subnets/6/cidr', value: '10.0.8.0/21' },
      { op: 'replace', path: '/subnets/7/cidr', value: '10.0.32.0/21' },
      { op: 'replace', path: '/subnets/8/cidr', value: '10.0.40.0/21' },
    ]);
  });

  it('IPv6 is always a new cluster', () => {
    const remedy = byKind.get('IPV6_NEW_CLUSTER')!;
    expect(remedy.disruption).toBe('NEW_CLUSTER');
    expect(remedy.patch[0]).toEqual({ op: 'replace', path: '/ipFamily', value: 'IPV6' });
  });

  it('every trade-off cites a source of the project’s sources table', () => {
    const tradeOffs = advice.remedies.flatMap((remedy: Remedy) => remedy.tradeOffs);
    expect(tradeOffs.length).toBeGreaterThan(advice.remedies.length);
    for (const tradeOff of tradeOffs) expect(SOURCES).toContain(tradeOff.source);
  });
});

describe('the advisor elsewhere', () => {
  it('a design with no problem gets no remedies', () => {
    expect(adviseDesign(valid(cleanDesign()), advisorDeps)).toEqual({ problems: [], remedies: [] });
  });

  it('a node group whose pods are IP-limited below what its workloads need is a problem', () => {
    const spec = cleanDesign();
    spec.nodeGroups[0] = {
      ...spec.nodeGroups[0],
      instanceTypes: ['t3.medium'],
      maxSize: 3,
      minSize: 1,
      desiredSize: 2,
      maxPods: 110,
      kind: 'SELF_MANAGED',
    };
    // 3 × t3.medium give pods 17 addresses each (3 ENIs × 5 secondary addresses + 2) under a kubelet maxPods of 110: 45 pods, 114 needed.
    spec.workloads = spec.workloads!.map((workload) => ({
      ...workload,
      replicas: workload.name === 'storefront' ? 100 : workload.replicas,
    }));
    const advice = adviseDesign(valid(spec), advisorDeps);
    expect(advice.problems.filter((problem) => problem.code === 'NODE_GROUP_IP_LIMITED')).toEqual([
      expect.objectContaining({ path: 'nodeGroups[0]', severity: 'ERROR' }),
    ]);
    expect(advice.remedies.some((remedy) => remedy.solves.some((solved) => solved.code === 'NODE_GROUP_IP_LIMITED'))).toBe(true);
  });

  it('with observed state, the problems are what AWS reports left, not an empty subnet', () => {
    // The overflow design in /21 node subnets: planned alone it fits (1,080 of 2,043), but AWS reports 500 free while
    // 24 nodes already run, and growing to 72 takes 600 more in each subnet (the plan's observed headroom).
    const spec = overflowDesign();
    let third = 16;
    spec.subnets = spec.subnets.map((subnet) => {
      if (!subnet.name.startsWith('private-')) return subnet;
      const cidr = `10.0.${third}.0/21`;
      third += 8;
      return { ...subnet, cidr, observed: { availableIps: 500, at: '2026-12-04T12:00:00Z' } };
    });
    spec.nodeGroups[0] = { ...spec.nodeGroups[0], currentSize: 24 };
    const observed = valid(spec);
    const advice = adviseDesign(observed, advisorDeps);
    expect(advice.problems.map(({ code, path }) => [code, path])).toEqual([
      ['OBSERVED_IPS_EXHAUSTED', 'subnets[6].observed'],
      ['OBSERVED_IPS_EXHAUSTED', 'subnets[7].observed'],
      ['OBSERVED_IPS_EXHAUSTED', 'subnets[8].observed'],
    ]);
    expect(advice.problems[0].message).toBe(
      'private-a (10.0.16.0/21) has 500 addresses available (observed 2026-12-04T12:00:00Z); growing its node groups to max size takes 600 more (100 short).',
    );
    const custom = advice.remedies.find((remedy) => remedy.kind === 'CUSTOM_NETWORKING')!;
    expect(custom.problemsLeft).toEqual([]);
    for (const remedy of advice.remedies) expect(remedy.after).toEqual(remedyFigures(whatIf(observed, remedy.patch, advisorDeps).plan));
  });
});
