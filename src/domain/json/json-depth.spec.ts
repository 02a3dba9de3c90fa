import { describe, expect, it } from 'vitest';
import { exceedsJsonDepth } from './json-depth.js';

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

describe('exceedsJsonDepth', () => {
  it('counts object and array levels and stops at the limit', () => {
    expect(exceedsJsonDepth(nest(3), 3)).toBe(false);
    expect(exceedsJsonDepth(nest(4), 3)).toBe(true);
    expect(exceedsJsonDepth({ a: 1, b: [1, 2, { c: 'x' }] }, 3)).toBe(false);
    expect(exceedsJsonDepth('text', 0)).toBe(false);
  });

  it('handles a million levels without recursion', () => {
    expect(exceedsJsonDepth(nest(1_000_000))).toBe(true);
  });
});
