/**
 * The plan against what AWS says is left (subnets[].observed, nodeGroups[].currentSize). The clean design's `general`
 * group runs 30 addresses per node at every size (design-plan.numbers.spec.ts) and puts 1 / 2 / 4 nodes in private-a at
 * min / desired / max size.
 */
import { describe, expect, it } from 'vitest';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { planDesign as sut, OBSERVED_ASSUMPTION, PLAN_ASSUMPTIONS } from './design-plan.engine.js';
import { cleanDesign } from '../../../test/fixtures/plan/clean-design.fixture.js';
import { awsCatalog, brief, valid } from '../../../test/fixtures/plan/plan-test.helpers.js';

const AT = '2026-12-04T18:00:00Z';
const plan = (spec: DesignSpec) => sut(valid(spec), awsCatalog);

function observedDesign(availableIps: Record<string, number>, currentSize?: number): DesignSpec {
  const spec = cleanDesign();
  for (const subnet of spec.subnets) {
    const available = availableIps[subnet.name];
    if (available !== undefined) subnet.observed = { availableIps: available, at: AT };
  }
  if (currentSize !== undefined) spec.nodeGroups[0].currentSize = currentSize;
  return spec;
}

describe('plan against observed free addresses', () => {
  it('answers exactly as before when the design has no observation, whatever the current sizes and IDs', () => {
    const before = plan(cleanDesign());
    const spec = cleanDesign();
    spec.nodeGroups[0].currentSize = 5;
    spec.clusterName = 'shop-prod-eks';
    spec.vpc.id = 'vpc-0123456789abcdef0';
    spec.natGateways![0].id = 'nat-0123456789abcdef0';
    const after = plan(spec);
    expect(after).toEqual(before);
    expect(after.subnets.every((subnet) => !('observed' in subnet))).toBe(true);
    expect(after.assumptions).toEqual(PLAN_ASSUMPTIONS);
  });

  it('charges only the growth from the current size: nodes that run are already out of availableIps', () => {
    // 6 nodes now = 2 in private-a (60 addresses); 4 at max (120): 60 more.
    const result = plan(observedDesign({ 'private-a': 1000 }, 6));
    expect(result.subnets.find((subnet) => subnet.name === 'private-a')!.observed).toEqual({
      availableIps: 1000,
      at: AT,
      additionalIpsAtMax: 60,
      headroomAtMax: 940,
      fits: true,
      additionalNodes: [{ nodeGroup: 'general', kind: 'NODE_IPS', ipsPerNode: 30, now: 33, beyondMax: 31 }],
    });
    expect(result.assumptions).toContain(OBSERVED_ASSUMPTION);
  });

  it('without currentSize nothing runs yet: the whole max-size use is charged', () => {
    const observed = plan(observedDesign({ 'private-a': 1000 })).subnets.find((subnet) => subnet.name === 'private-a')!.observed!;
    expect(observed).toMatchObject({ additionalIpsAtMax: 120, headroomAtMax: 880, fits: true });
  });

  it('reports OBSERVED_IPS_EXHAUSTED when the growth does not fit and OBSERVED_IPS_LOW under 10 % left', () => {
    const result = plan(observedDesign({ 'private-a': 50, 'private-b': 65, 'private-c': 70 }, 6));
    const observed = (name: string) => result.subnets.find((subnet) => subnet.name === name)!.observed!;
    expect(observed('private-a')).toMatchObject({ headroomAtMax: -10, fits: false });
    expect(observed('private-a').additionalNodes[0]).toMatchObject({ now: 1, beyondMax: 0 });
    expect(observed('private-b')).toMatchObject({ headroomAtMax: 5, fits: true }); // 5 < 6.5
    expect(observed('private-c')).toMatchObject({ headroomAtMax: 10, fits: true }); // 10 ≥ 7
    const codes = brief(result.findings).filter((finding) => finding.code.startsWith('OBSERVED_'));
    expect(codes).toEqual([
      { code: 'OBSERVED_IPS_EXHAUSTED', severity: 'ERROR', path: 'subnets[6].observed' },
      { code: 'OBSERVED_IPS_LOW', severity: 'WARNING', path: 'subnets[7].observed' },
    ]);
    expect(result.findings.find((finding) => finding.code === 'OBSERVED_IPS_EXHAUSTED')!.message).toContain('10 short');
    expect(result.summary.status).toBe('ERRORS');
  });

  it('names the tightest subnet by observed headroom, not by design utilisation', () => {
    // Design-wise the three private subnets are equal (private-a first); observed, private-c has the least left.
    const result = plan(observedDesign({ 'private-a': 5000, 'private-b': 4000, 'private-c': 300 }, 6));
    expect(result.summary.tightestSubnet).toMatchObject({
      name: 'private-c',
      observed: { availableIps: 300, additionalIpsAtMax: 60, headroomAtMax: 240 },
    });
    expect(plan(cleanDesign()).summary.tightestSubnet).toEqual({
      name: 'private-a',
      usedIpsAtMax: 120,
      freeIpsAtMax: 8067,
      utilization: 0.0147,
    });
  });

  it('counts a NAT gateway with an id as existing and one without as taking a new address', () => {
    const spec = observedDesign({ 'public-a': 0, 'public-b': 0 });
    spec.natGateways![0].id = 'nat-0123456789abcdef0';
    const result = plan(spec);
    const observed = (name: string) => result.subnets.find((subnet) => subnet.name === name)!.observed!;
    expect(observed('public-a')).toMatchObject({ additionalIpsAtMax: 0, headroomAtMax: 0, fits: true, additionalNodes: [] });
    expect(observed('public-b')).toMatchObject({ additionalIpsAtMax: 1, headroomAtMax: -1, fits: false });
    expect(brief(result.findings)).toContainEqual({ code: 'OBSERVED_IPS_EXHAUSTED', severity: 'ERROR', path: 'subnets[1].observed' });
  });

  it('charges custom-networking pod ENIs to the observed ENIConfig subnet', () => {
    const spec = cleanDesign();
    spec.vpc.secondaryCidrs = ['100.64.0.0/16'];
    const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
    zones.forEach((az, i) =>
      spec.subnets.push({
        name: `pods-${i}`,
        az,
        cidr: `100.64.${i * 64}.0/18`,
        natGateway: spec.subnets[3 + i].natGateway,
        roles: ['PODS'],
      }),
    );
    spec.cni = { version: '1.20.0', customNetworking: true, eniConfigs: zones.map((az, i) => ({ az, subnet: `pods-${i}` })) };
    spec.subnets[9].observed = { availableIps: 16000, at: AT };
    spec.nodeGroups[0].currentSize = 12;
    const result = plan(spec);
    const pods = result.subnets[9];
    // At current = max size nothing grows: no additional address, every address is headroom.
    expect(pods.observed).toMatchObject({ additionalIpsAtMax: 0, headroomAtMax: 16000, fits: true });
    const extra = pods.observed!.additionalNodes[0];
    expect(extra).toMatchObject({ nodeGroup: 'general', kind: 'POD_ENI_IPS' });
    expect(extra.ipsPerNode).toBe(pods.charges[0].ipsPerNodeAtMax);
    expect(extra.now).toBe(Math.floor(16000 / extra.ipsPerNode));
  });
});
