import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTION_BOUNDS, describeBounds, isIntegerWithin } from './option-bounds.js';

/** The rows of the README's "Option bounds" table: option → [min, max]. */
function readmeTable(): Record<string, [number, number]> {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Option bounds'), readme.indexOf('\n## ', readme.indexOf('## Option bounds') + 1));
  const rows = section
    .split('\n')
    .map((line) => /^\| `(\w+)` \|[^|]*\| (\d+) \| (\d+) \|/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  return Object.fromEntries(rows.map((match) => [match[1], [Number(match[2]), Number(match[3])]]));
}

describe('OPTION_BOUNDS', () => {
  it('is what the README table says, option for option', () => {
    const expected = Object.fromEntries(Object.entries(OPTION_BOUNDS).map(([name, bounds]) => [name, [bounds.min, bounds.max]]));
    expect(readmeTable()).toEqual(expected);
  });

  it.each(Object.entries(OPTION_BOUNDS))('%s accepts its bounds and refuses one past them and fractions', (_, bounds) => {
    expect(isIntegerWithin(bounds.min, bounds)).toBe(true);
    expect(isIntegerWithin(bounds.max, bounds)).toBe(true);
    expect(isIntegerWithin(bounds.min - 1, bounds)).toBe(false);
    expect(isIntegerWithin(bounds.max + 1, bounds)).toBe(false);
    expect(isIntegerWithin(bounds.min + 0.5, bounds)).toBe(false);
    expect(isIntegerWithin(String(bounds.min), bounds)).toBe(false);
    expect(bounds.min).toBeLessThanOrEqual(bounds.max);
  });

  it('words a bound the same way everywhere', () => {
    expect(describeBounds(OPTION_BOUNDS.maxEnis)).toBe('an integer from 1 to 128');
  });
});
