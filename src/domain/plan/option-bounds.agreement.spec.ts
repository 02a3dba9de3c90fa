/**
 * The engines and the design schema agree on every bounded option at its edges (bound and bound ± 1); the REST and
 * GraphQL side is test/capacity/option-bounds.e2e-spec.ts, the CLI side src/cli/commands/option-bounds.cli.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { AWS_CATALOG } from '../catalog/data/aws-catalog.data.js';
import { computeMaxPods, resolveCniPool, resolveMaxPodsOptions, type MaxPodsOptions } from '../capacity/index.js';
import { PlanningError } from '../errors/planning-error.js';
import { validateDesignSpec } from '../spec/design-spec.validator.js';
import { OPTION_BOUNDS, type BoundedOption, type IntegerBounds } from '../spec/option-bounds.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { validDesign } from '../../../test/fixtures/spec/valid-design.fixture.js';
import { catalogContext } from '../../../test/fixtures/spec/validation-context.fixture.js';
import { awsCatalog } from '../../../test/fixtures/plan/plan-test.helpers.js';
import { planDesign } from './design-plan.engine.js';

/** [value, accepted] at the edges of the bounds. */
const edges = (bounds: IntegerBounds): [number, boolean][] => [
  [bounds.min - 1, false],
  [bounds.min, true],
  [bounds.max, true],
  [bounds.max + 1, false],
];

const accepted = (run: () => unknown): boolean => {
  try {
    run();
    return true;
  } catch (error) {
    if (error instanceof PlanningError && error.kind === 'INVALID_INPUT') return false;
    throw error;
  }
};

const m5Large = AWS_CATALOG.instanceTypes.find((type) => type.name === 'm5.large')!;

describe('bounded options: engines and design schema agree at the edges', () => {
  const maxPodsOptions: (BoundedOption & keyof MaxPodsOptions)[] = ['maxEnis', 'reservedEnis', 'kubeletMaxPods', 'podsPerCore'];
  it.each(maxPodsOptions)('max-pods %s', (option) => {
    for (const [value, expected] of edges(OPTION_BOUNDS[option])) {
      expect([value, accepted(() => resolveMaxPodsOptions({ launcher: 'KARPENTER', [option]: value }))]).toEqual([value, expected]);
      expect([value, accepted(() => computeMaxPods(m5Large, { launcher: 'KARPENTER', [option]: value }))]).toEqual([value, expected]);
    }
  });

  it('maxPodsExpression length', () => {
    const expression = (length: number) => `${' '.repeat(length - 1)}1`;
    expect(accepted(() => resolveMaxPodsOptions({ maxPodsExpression: expression(OPTION_BOUNDS.maxPodsExpressionLength.max) }))).toBe(true);
    expect(accepted(() => resolveMaxPodsOptions({ maxPodsExpression: expression(OPTION_BOUNDS.maxPodsExpressionLength.max + 1) }))).toBe(
      false,
    );
  });

  const warmPool = ['warmEniTarget', 'warmIpTarget', 'minimumIpTarget', 'warmPrefixTarget'] as const;
  it.each([...warmPool, 'maxEni'] as const)('CNI %s in subnet usage and in a saved design', (setting) => {
    const bounds = OPTION_BOUNDS[setting === 'maxEni' ? 'maxEnis' : setting];
    for (const [value, expected] of edges(bounds)) {
      expect([value, accepted(() => resolveCniPool({ [setting]: value }))]).toEqual([value, expected]);
      const design = validDesign();
      design.cni = { ...design.cni, [setting]: value };
      expect([value, validateDesignSpec(design, catalogContext()).ok]).toEqual([value, expected]);
    }
  });

  it.each([
    ['podsPerCore', 'podsPerCore'],
    ['maxPods', 'kubeletMaxPods'],
    ['maxSurge', 'nodes'],
  ] as const)('design nodeGroups[].%s reads OPTION_BOUNDS.%s, and what validates also plans', (field, option) => {
    for (const [value, expected] of edges(OPTION_BOUNDS[option])) {
      const design: DesignSpec = validDesign();
      design.nodeGroups[0] = { ...design.nodeGroups[0], [field]: value };
      const validation = validateDesignSpec(design, catalogContext());
      expect([value, validation.ok]).toEqual([value, expected]);
      if (validation.ok && option !== 'nodes')
        expect(planDesign(validation.spec, awsCatalog).nodeGroups).toHaveLength(design.nodeGroups.length);
    }
  });

  it('design node-group sizes (minSize = desiredSize = maxSize) read OPTION_BOUNDS.nodes', () => {
    for (const [value, expected] of edges(OPTION_BOUNDS.nodes)) {
      const design: DesignSpec = validDesign();
      design.nodeGroups[0] = { ...design.nodeGroups[0], minSize: value, desiredSize: value, maxSize: value };
      expect([value, validateDesignSpec(design, catalogContext()).ok]).toEqual([value, expected]);
    }
  });
});
