import { describe, expect, it } from 'vitest';
import { rememberSerialized, serializeResult, stringifyResult } from './serialized-result.js';

describe('stringifyResult', () => {
  it('serializes like Apollo (JSON and a newline) what it has not seen', () => {
    const result = { data: { a: 1 }, errors: [{ message: 'x' }] };
    expect(stringifyResult(result)).toBe(`${JSON.stringify(result)}\n`);
  });

  it('sends the remembered text of a data object as it is, only when nothing else is in the result', () => {
    const data = { maxPods: { maxPods: 29 } };
    const text = rememberSerialized(data);
    expect(text).toBe(serializeResult({ data }));
    // Remembered by identity: an equal object that was not remembered is serialized afresh.
    const known = { same: true };
    rememberSerialized(known, 'remembered text\n');
    expect(stringifyResult({ data: known })).toBe('remembered text\n');
    expect(stringifyResult({ data: { same: true } })).toBe('{"data":{"same":true}}\n');
    expect(stringifyResult({ data, errors: undefined, extensions: undefined })).toBe(text);
    expect(stringifyResult({ data, extensions: { cost: 1 } })).toBe(`${JSON.stringify({ data, extensions: { cost: 1 } })}\n`);
  });
});
