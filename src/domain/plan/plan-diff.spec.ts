import { describe, expect, it } from 'vitest';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { planDesign } from './design-plan.engine.js';
import { diffDesigns, diffPlans, diffSpecs, findingKey } from './plan-diff.js';
import { cleanDesign } from '../../../test/fixtures/plan/clean-design.fixture.js';
import { awsCatalog, valid } from '../../../test/fixtures/plan/plan-test.helpers.js';

/** Revision 3 of the clean design: private-a shrunk to a /23, general allowed to 45 nodes, a worker added, a peer gone. */
function revised(): DesignSpec {
  const spec = cleanDesign();
  spec.subnets.reverse(); // reordering named entries is not a change
  spec.subnets.find((subnet) => subnet.name === 'private-a')!.cidr = '10.0.32.0/23';
  spec.subnets.find((subnet) => subnet.name === 'private-b')!.roles = ['INTERNAL_ELB', 'NODES']; // same roles, new order
  spec.nodeGroups[0].maxSize = 45;
  spec.workloads!.push({ name: 'mailer', namespace: 'shop', nodeGroup: 'general', replicas: 2 });
  delete spec.vpc.peers;
  spec.endpointAccess!.publicAccessCidrs = ['203.0.113.0/24', '198.51.100.0/24'];
  return spec;
}

describe('diffSpecs', () => {
  it('lists changes by name-based path, ignoring reordering', () => {
    const sut = diffSpecs(cleanDesign(), revised());

    expect(sut).toEqual([
      {
        path: 'vpc.peers',
        kind: 'REMOVED',
        before: [{ name: 'shared-services', cidrs: ['10.1.0.0/16'], via: 'TRANSIT_GATEWAY' }],
        after: null,
      },
      { path: 'subnets["private-a"].cidr', kind: 'CHANGED', before: '10.0.32.0/19', after: '10.0.32.0/23' },
      {
        path: 'endpointAccess.publicAccessCidrs',
        kind: 'CHANGED',
        before: ['203.0.113.0/24'],
        after: ['203.0.113.0/24', '198.51.100.0/24'],
      },
      { path: 'nodeGroups["general"].maxSize', kind: 'CHANGED', before: 12, after: 45 },
      {
        path: 'workloads["shop/mailer"]',
        kind: 'ADDED',
        before: null,
        after: { name: 'mailer', namespace: 'shop', nodeGroup: 'general', replicas: 2 },
      },
    ]);
  });

  it('is empty for identical designs and for a design whose named lists were shuffled', () => {
    const shuffled = cleanDesign();
    shuffled.subnets.reverse();
    shuffled.workloads!.reverse();
    shuffled.natGateways!.reverse();

    expect(diffSpecs(cleanDesign(), cleanDesign())).toEqual([]);
    expect(diffSpecs(cleanDesign(), shuffled)).toEqual([]);
  });

  it('matches unnamed entries (security-group rules) by content, ENIConfigs by zone, and reports removed entries', () => {
    const before = cleanDesign();
    before.securityGroups = [
      {
        name: 'pods',
        ingress: [
          { protocol: 'TCP', ports: '443', from: '10.0.0.0/16' },
          { protocol: 'ICMP', from: '10.0.0.0/16' },
        ],
      },
    ];
    before.cni = {
      customNetworking: true,
      eniConfigs: [
        { az: 'eu-west-1a', subnet: 'private-a' },
        { az: 'eu-west-1b', subnet: 'private-b' },
      ],
    };
    const after = structuredClone(before);
    after.securityGroups![0].ingress = [
      { protocol: 'ICMP', from: '10.0.0.0/16' },
      { protocol: 'TCP', ports: '8443', from: '10.0.0.0/16' },
    ];
    after.cni!.eniConfigs = [{ az: 'eu-west-1b', subnet: 'private-b', securityGroups: ['pods'] }];
    after.subnets = after.subnets.filter((subnet) => subnet.name !== 'cluster-c');

    expect(diffSpecs(before, after)).toEqual([
      {
        path: 'subnets["cluster-c"]',
        kind: 'REMOVED',
        before: { name: 'cluster-c', az: 'eu-west-1c', cidr: '10.0.3.64/27', natGateway: 'nat-c', roles: ['CLUSTER_ENDPOINTS'] },
        after: null,
      },
      { path: 'cni.eniConfigs["eu-west-1b"].securityGroups', kind: 'ADDED', before: null, after: ['pods'] },
      { path: 'cni.eniConfigs["eu-west-1a"]', kind: 'REMOVED', before: { az: 'eu-west-1a', subnet: 'private-a' }, after: null },
      {
        path: 'securityGroups["pods"].ingress[0]',
        kind: 'REMOVED',
        before: { protocol: 'TCP', ports: '443', from: '10.0.0.0/16' },
        after: null,
      },
      {
        path: 'securityGroups["pods"].ingress[1]',
        kind: 'ADDED',
        before: null,
        after: { protocol: 'TCP', ports: '8443', from: '10.0.0.0/16' },
      },
    ]);
  });
});

describe('diffPlans', () => {
  it('shows how max pods, free addresses and findings moved', () => {
    const before = planDesign(valid(cleanDesign()), awsCatalog);
    const after = planDesign(valid(revised()), awsCatalog);

    const sut = diffPlans(before, after);

    // 45 nodes: 15 per zone × 30 addresses = 450; private-a is now a /23 (507 usable).
    expect(sut.subnets).toEqual([
      {
        name: 'private-c',
        freeIpsAtMax: { before: 8067, after: 7737, delta: -330 },
        usedIpsAtMax: { before: 120, after: 450, delta: 330 },
      },
      {
        name: 'private-b',
        freeIpsAtMax: { before: 8067, after: 7737, delta: -330 },
        usedIpsAtMax: { before: 120, after: 450, delta: 330 },
      },
      { name: 'private-a', freeIpsAtMax: { before: 8067, after: 57, delta: -8010 }, usedIpsAtMax: { before: 120, after: 450, delta: 330 } },
    ]);
    expect(sut.nodeGroups).toEqual([
      {
        name: 'general',
        maxPods: { before: 58, after: 58, delta: 0 },
        effectiveMaxPods: { before: 58, after: 58, delta: 0 },
        podCapacityAtMax: { before: 672, after: 2520, delta: 1848 },
      },
    ]);
    expect(sut.findings.new.map((change) => change.key)).toEqual(['SUBNET_LOW_HEADROOM_AT_MAX subnets["private-a"]']);
    expect(sut.findings.new[0].finding.path).toBe('subnets[2]'); // its index in the revised (reversed) spec
    expect(sut.findings.resolved).toEqual([]);
    expect(sut.summary.warnings).toEqual({ before: 0, after: 1, delta: 1 });

    const back = diffPlans(after, before);
    expect(back.findings.resolved.map((change) => change.key)).toEqual(['SUBNET_LOW_HEADROOM_AT_MAX subnets["private-a"]']);
    expect(back.findings.new).toEqual([]);
  });

  it("keeps a finding's identity when list entries move, and reports added or removed node groups", () => {
    const before = cleanDesign();
    before.endpointAccess!.publicAccessCidrs = ['0.0.0.0/0'];
    before.subnets.find((subnet) => subnet.name === 'cluster-b')!.cidr = '10.0.3.32/28';
    const after = structuredClone(before);
    after.subnets.unshift({ name: 'extra', az: 'eu-west-1a', cidr: '10.0.200.0/24', natGateway: 'nat-a' });
    after.nodeGroups.push({
      name: 'batch',
      kind: 'MANAGED',
      instanceTypes: ['m5.large'],
      subnets: ['private-a', 'private-b'],
      minSize: 0,
      desiredSize: 0,
      maxSize: 2,
    });
    const beforePlan = planDesign(valid(before), awsCatalog);
    const afterPlan = planDesign(valid(after), awsCatalog);

    const sut = diffPlans(beforePlan, afterPlan);

    expect(
      findingKey(
        beforePlan,
        beforePlan.findings.find((f) => f.code === 'CLUSTER_SUBNET_BELOW_RECOMMENDED_IPS')!,
      ),
    ).toBe('CLUSTER_SUBNET_BELOW_RECOMMENDED_IPS subnets["cluster-b"]');
    expect(sut.findings).toEqual({ new: [], resolved: [] });
    expect(sut.nodeGroups).toEqual([
      {
        name: 'batch',
        maxPods: { before: null, after: 29, delta: null },
        effectiveMaxPods: { before: null, after: 29, delta: null },
        podCapacityAtMax: { before: null, after: 54, delta: null },
      },
    ]);
    expect(sut.subnets.map((subnet) => subnet.name)).toEqual(['extra', 'private-a', 'private-b']);
  });
});

describe('diffDesigns', () => {
  it('returns the spec changes and the plan deltas of two revisions', () => {
    const sut = diffDesigns(valid(cleanDesign()), valid(revised()), awsCatalog);

    expect(sut.spec).toHaveLength(5);
    expect(sut.plan.subnets).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(sut))).toEqual(sut);
  });
});
