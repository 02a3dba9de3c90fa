/**
 * Output for people (aligned tables and `label: value` blocks) and for scripts (`--output json`: the API's JSON,
 * pretty-printed; `--output yaml`: the same data as YAML).
 */
import { stringify } from 'yaml';

export const OUTPUT_FORMATS = ['table', 'json', 'yaml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `render` draws the table view; json and yaml print the value as the API returns it. */
export function formatOutput<T>(format: OutputFormat, value: T, render: (value: T) => string): string {
  if (format === 'json') return `${JSON.stringify(value, null, 2)}\n`;
  // Through JSON first, so YAML shows exactly the JSON data (no undefined fields, no anchors for shared objects).
  if (format === 'yaml') return stringify(JSON.parse(JSON.stringify(value)) as unknown, { lineWidth: 0, aliasDuplicateObjects: false });
  return render(value);
}

export interface Column<Row> {
  header: string;
  value: (row: Row) => unknown;
  /** Numbers are right-aligned by default. */
  align?: 'left' | 'right';
}

/** A cell as text: `-` for absent values, `yes`/`no` for booleans. */
export function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(cell).join(', ');
  return String(value);
}

/** Columns padded to their widest cell, headers upper-case; no trailing spaces. */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const cells = rows.map((row) => columns.map((column) => cell(column.value(row)).replace(/\s*\n\s*/g, ' ')));
  const rightAligned = columns.map(
    (column, i) =>
      column.align === 'right' ||
      (column.align === undefined &&
        rows.length > 0 &&
        rows.every((row) => {
          const value = column.value(row);
          return typeof value === 'number' || value === null || value === undefined;
        }) &&
        cells.some((line) => line[i] !== '-')),
  );
  const headers = columns.map((column) => column.header.toUpperCase());
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((line) => line[i].length)));
  const line = (values: string[]) =>
    values
      .map((value, i) => (rightAligned[i] ? value.padStart(widths[i]) : value.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return `${[line(headers), ...cells.map(line)].join('\n')}\n`;
}

/** `label:  value` lines with the values aligned. */
export function renderFields(fields: ReadonlyArray<readonly [string, unknown]>): string {
  const width = Math.max(0, ...fields.map(([label]) => label.length + 1));
  return `${fields.map(([label, value]) => `${`${label}:`.padEnd(width)}  ${cell(value)}`.trimEnd()).join('\n')}\n`;
}

/** A titled block; empty blocks are left out. */
export function section(title: string, body: string): string {
  return body.trim() === '' ? '' : `\n${title}\n${body}`;
}

/** Warnings and assumptions as `CODE  message` lines, the messages aligned. */
export function renderNotes(notes: ReadonlyArray<{ code: string; message: string }>): string {
  const width = Math.max(0, ...notes.map((note) => note.code.length));
  return notes.map((note) => `  ${note.code.padEnd(width)}  ${note.message}\n`).join('');
}
