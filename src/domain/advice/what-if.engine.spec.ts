import { describe, expect, it } from 'vitest';
import { advisorDeps } from '../../../test/fixtures/advice/advice-test.helpers.js';
import { cleanDesign } from '../../../test/fixtures/plan/clean-design.fixture.js';
import { valid } from '../../../test/fixtures/plan/plan-test.helpers.js';
import { InvalidInputError, ValidationFailedError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { applyDesignPatch, whatIf } from './index.js';

describe('what-if', () => {
  const spec = valid(cleanDesign());

  it('applies the patch to a copy, plans it, and diffs it against the unchanged design', () => {
    const result = whatIf(spec, [{ op: 'replace', path: '/nodeGroups/0/maxSize', value: 30 }], advisorDeps);
    expect(spec.nodeGroups[0].maxSize).toBe(12);
    expect(result.spec.nodeGroups[0].maxSize).toBe(30);
    expect(result.diff.spec).toEqual([{ path: 'nodeGroups["general"].maxSize', kind: 'CHANGED', before: 12, after: 30 }]);
    expect(result.diff.plan.nodeGroups.map((group) => group.podCapacityAtMax)).toEqual([
      {
        before: result.plan.nodeGroups[0].podCapacityAtMax! * (12 / 30),
        after: result.plan.nodeGroups[0].podCapacityAtMax,
        delta: expect.any(Number),
      },
    ]);
  });

  it('an empty patch changes nothing: no spec change and an all-zero plan diff', () => {
    const { diff } = whatIf(spec, [], advisorDeps);
    expect(diff.spec).toEqual([]);
    expect(diff.plan.nodeGroups).toEqual([]);
    expect(diff.plan.subnets).toEqual([]);
    expect(diff.plan.findings).toEqual({ new: [], resolved: [] });
    for (const move of Object.values(diff.plan.summary)) expect(move.delta).toBe(0);
  });

  it('honours test operations and names the failing operation by index and path', () => {
    const error = thrownBy(
      () =>
        applyDesignPatch(spec, [
          { op: 'test', path: '/nodeGroups/0/maxSize', value: 12 },
          { op: 'test', path: '/nodeGroups/0/minSize', value: 99 },
        ]),
      InvalidInputError,
    );
    expect(error).toMatchObject({
      code: 'PATCH_TEST_FAILED',
      message:
        'Patch operation 1 (test at "/nodeGroups/0/minSize") cannot be applied: the value at the path is not the one the test expects.',
      details: [{ path: 'patch[1].path', message: 'the value at the path is not the one the test expects (/nodeGroups/0/minSize)' }],
    });
  });

  it.each([
    [{ op: 'replace', path: '/nodeGroups/7/maxSize', value: 3 }, 'patch[0].path', /path does not exist/],
    [{ op: 'frobnicate', path: '/name' }, 'patch[0].path', /op must be one of/],
    [{ op: 'add', path: 'name', value: 'x' }, 'patch[0].path', /JSON Pointer/],
    [{ op: 'add', path: '/__proto__/polluted', value: 1 }, 'patch[0].path', /./],
    ['not an operation', 'patch[0]', /must be an object/],
  ])('refuses %j with 400 PATCH_INVALID at %s', (operation, path, reason) => {
    const error = thrownBy(() => applyDesignPatch(spec, [operation]), InvalidInputError);
    expect(error).toMatchObject({
      code: 'PATCH_INVALID',
      kind: 'INVALID_INPUT',
      details: [{ path, message: expect.stringMatching(reason) }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a body that is not a list of operations', () => {
    expect(thrownBy(() => applyDesignPatch(spec, { op: 'add' }), InvalidInputError)).toMatchObject({
      code: 'PATCH_INVALID',
      details: [{ path: 'patch' }],
    });
  });

  it('validates the changed spec exactly as a save would', () => {
    const error = thrownBy(
      () => whatIf(spec, [{ op: 'replace', path: '/nodeGroups/0/instanceTypes/0', value: 'm5.huge' }], advisorDeps),
      ValidationFailedError,
    );
    expect(error.details.map((detail) => detail.path)).toEqual(['nodeGroups[0].instanceTypes[0]']);
  });
});
