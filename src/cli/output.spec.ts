import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cell, formatOutput, renderFields, renderNotes, renderTable } from './output.js';

describe('CLI output', () => {
  const rows = [
    { name: 'm5.large', pods: 29, cap: null as number | null },
    { name: 'm5.24xlarge', pods: 250, cap: 250 },
  ];

  it('aligns columns: text left, numbers right, absent values as a dash, no trailing spaces', () => {
    const sut = renderTable(
      [
        { header: 'instance type', value: (r: (typeof rows)[number]) => r.name },
        { header: 'max pods', value: (r) => r.pods },
        { header: 'cap', value: (r) => r.cap },
      ],
      rows,
    );
    expect(sut).toBe(['INSTANCE TYPE  MAX PODS  CAP', 'm5.large             29    -', 'm5.24xlarge         250  250', ''].join('\n'));
  });

  it('writes label: value blocks with aligned values', () => {
    expect(
      renderFields([
        ['max pods', 290],
        ['cap', null],
        ['fits', false],
      ]),
    ).toBe('max pods:  290\ncap:       -\nfits:      no\n');
    expect(cell(['a', 'b'])).toBe('a, b');
    expect(cell([])).toBe('-');
  });

  it('aligns the messages of warnings', () => {
    expect(
      renderNotes([
        { code: 'SUBNET_TOO_SMALL', message: 'a' },
        { code: 'PREFIX_BLOCKS_NEVER_AVAILABLE', message: 'b' },
      ]),
    ).toBe('  SUBNET_TOO_SMALL               a\n  PREFIX_BLOCKS_NEVER_AVAILABLE  b\n');
    expect(renderNotes([])).toBe('');
  });

  it('prints the API value itself for json and yaml, the table view otherwise', () => {
    const value = { maxPods: 290, cap: null, dropped: undefined, steps: [{ rule: 'x', value: 1 }] };
    expect(JSON.parse(formatOutput('json', value, () => 'table'))).toEqual({ maxPods: 290, cap: null, steps: [{ rule: 'x', value: 1 }] });
    expect(parse(formatOutput('yaml', value, () => 'table'))).toEqual({ maxPods: 290, cap: null, steps: [{ rule: 'x', value: 1 }] });
    expect(formatOutput('table', value, (v) => `pods ${v.maxPods}\n`)).toBe('pods 290\n');
  });

  it('does not fold long strings in yaml', () => {
    const message = 'word '.repeat(60).trim();
    expect(formatOutput('yaml', { message }, () => '')).toBe(`message: ${message}\n`);
  });
});
