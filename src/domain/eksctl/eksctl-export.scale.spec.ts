/**
 * The eksctl export grows linearly with the design (issue 16: a 3,000-subnet / 1,000-node-group export stalled the
 * event loop for seconds). Work is measured by counting every property read of the design, not by a clock, so a busy
 * machine cannot change the verdict: a quadratic step (a nested scan over subnets or node groups) multiplies the
 * reads by about 16 when the design grows 4 times; a linear export by about 4.
 */
import { describe, expect, it } from 'vitest';
import { largeDesign } from '../../../test/fixtures/spec/large-design.fixture.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { exportEksctlWithNotes as sut } from './eksctl-export.engine.js';

/** A deep read-only view of `value` that counts every property read, nested objects and arrays included. */
function counted<T extends object>(value: T): { view: T; reads: () => number } {
  let reads = 0;
  const views = new WeakMap<object, object>();
  const wrap = (target: object): object => {
    const known = views.get(target);
    if (known) return known;
    const view = new Proxy(target, {
      get(object, key, receiver) {
        reads += 1;
        const found: unknown = Reflect.get(object, key, receiver);
        return typeof found === 'object' && found !== null ? wrap(found) : found;
      },
    });
    views.set(target, view);
    return view;
  };
  return { view: wrap(value) as T, reads: () => reads };
}

function readsToExport(spec: DesignSpec): number {
  const { view, reads } = counted(spec);
  const exported = sut(view);
  expect(exported.yaml).toContain('managedNodeGroups:');
  return reads();
}

describe('exportEksctl at scale', () => {
  it('reads the design a number of times that grows linearly with its subnets and node groups', () => {
    const small = readsToExport(largeDesign({ subnets: 300, nodeGroups: 100 }));
    const large = readsToExport(largeDesign({ subnets: 1200, nodeGroups: 400 }));

    expect(small).toBeGreaterThan(1000);
    // 4 times the design: linear work is about 4 times the reads; 6 leaves room for constant terms, quadratic is ~16.
    expect(large / small).toBeLessThan(6);
  });

  it('exports the 3,000-subnet / 1,000-node-group design whole', () => {
    const exported = sut(largeDesign());

    expect(exported.yaml.match(/^ {2}- name: group-\d+$/gm)).toHaveLength(1000);
    expect(exported.yaml.match(/^ {6}subnet-\d+:$/gm)).toHaveLength(3000);
  });
});
