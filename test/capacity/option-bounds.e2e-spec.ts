/**
 * REST, GraphQL and the plan agree on every bounded option at its edges (bound and bound ± 1): inside the bounds the
 * answer is a result, outside a coded 400 (never a 500). The engine and CLI sides are unit specs
 * (src/domain/plan/option-bounds.agreement.spec.ts, src/cli/commands/option-bounds.cli.spec.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTION_BOUNDS, type IntegerBounds } from '../../src/domain/spec/option-bounds.js';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const edges = (bounds: IntegerBounds): [number, boolean][] => [
  [bounds.min - 1, false],
  [bounds.min, true],
  [bounds.max, true],
  [bounds.max + 1, false],
];

describe('bounded options over REST, GraphQL and the plan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** REST 200 or a coded 400; GraphQL data or a coded error; both must agree with `expected`. */
  async function expectAnswers(
    rest: () => Promise<{ status: number; body: { error?: { code: string } } }>,
    query: string,
    expected: boolean,
  ) {
    const restAnswer = await rest();
    const graphql = await t.graphql(query);
    const restAccepted = restAnswer.status === 200;
    const graphqlAccepted = graphql.status === 200 && graphql.body.errors === undefined;
    if (!restAccepted) expect([restAnswer.status, restAnswer.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    if (!graphqlAccepted) expect(graphql.body.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    return { rest: restAccepted, graphql: graphqlAccepted, expected };
  }

  it.each(['maxEnis', 'reservedEnis', 'kubeletMaxPods', 'podsPerCore'] as const)('max-pods %s', async (option) => {
    for (const [value, expected] of edges(OPTION_BOUNDS[option])) {
      const answers = await expectAnswers(
        () => t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.large', launcher: 'KARPENTER', [option]: value }),
        `{ maxPods(input: { instanceType: "m5.large", launcher: KARPENTER, ${option}: ${value} }) { maxPods } }`,
        expected,
      );
      expect([value, answers.rest, answers.graphql]).toEqual([value, expected, expected]);
    }
  });

  it.each(['warmEniTarget', 'warmIpTarget', 'minimumIpTarget', 'warmPrefixTarget', 'maxEni'] as const)(
    'subnet-usage and plan cni.%s',
    async (setting) => {
      for (const [value, expected] of edges(OPTION_BOUNDS[setting === 'maxEni' ? 'maxEnis' : setting])) {
        const body = {
          subnet: { cidr: '10.0.0.0/16' },
          cni: { [setting]: value },
          nodeGroups: [{ instanceType: 'm5.large', nodes: 2, podsPerNode: 10 }],
        };
        const answers = await expectAnswers(
          () => t.http.post('/v1/capacity/subnet-usage').send(body),
          `{ subnetUsage(input: { subnet: { cidr: "10.0.0.0/16" }, cni: { ${setting}: ${value} }, nodeGroups: [{ instanceType: "m5.large", nodes: 2, podsPerNode: 10 }] }) { usedIps } }`,
          expected,
        );
        const design = validDesign();
        design.cni = { ...design.cni, [setting]: value };
        const plan = await t.http.post('/v1/plan').send(design);
        if (plan.status !== 200) expect(plan.status).toBe(400);
        expect([value, answers.rest, answers.graphql, plan.status === 200]).toEqual([value, expected, expected, expected]);
      }
    },
  );

  it('plan nodeGroups[].podsPerCore and maxPods agree with max-pods podsPerCore and kubeletMaxPods', async () => {
    for (const [field, option] of [
      ['podsPerCore', 'podsPerCore'],
      ['maxPods', 'kubeletMaxPods'],
    ] as const) {
      for (const [value, expected] of edges(OPTION_BOUNDS[option])) {
        const design = validDesign();
        design.nodeGroups[0] = { ...design.nodeGroups[0], [field]: value };
        const plan = await t.http.post('/v1/plan').send(design);
        if (plan.status !== 200) expect(plan.status).toBe(400);
        expect([field, value, plan.status === 200]).toEqual([field, value, expected]);
      }
    }
  });
});
