import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { guardYamlReferences } from './yaml-references.guard.js';

const limits = { maxAnchors: 3, maxMergeKeys: 2, maxDocuments: 2 };
const refusal = (text: string) => {
  try {
    guardYamlReferences(text, 'manifests', limits);
    return undefined;
  } catch (error) {
    return error as { code: string; kind: string };
  }
};

describe('guardYamlReferences', () => {
  it('counts anchors and aliases wherever YAML allows them, and refuses one over the limit', () => {
    const three = 'a: &x 1\nb: *x\nc: [&y 2]\n';
    expect(refusal(three)).toBeUndefined();
    expect(parseAllDocuments(three)[0].toJS()).toEqual({ a: 1, b: 1, c: [2] });
    expect(refusal(`${three}d: {e: *y}\n`)).toMatchObject({ code: 'YAML_ANCHOR_LIMIT_EXCEEDED', kind: 'INVALID_INPUT' });
    expect(refusal('- &a 1\n- &b 2\n- &c 3\n- &d 4\n')).toMatchObject({ code: 'YAML_ANCHOR_LIMIT_EXCEEDED' });
  });

  it('does not count & or * inside words (a&b, 2*3, wildcards in quotes)', () => {
    expect(refusal('a: b&c\nd: 2*3\ne: "*.example.com"\nf: x&y&z\ng: h*i\n')).toBeUndefined();
  });

  it('refuses merge keys and documents over their limits', () => {
    expect(refusal('b: &b {x: 1}\nm: {<<: *b}\nn:\n  <<: *b\n')).toBeUndefined();
    expect(refusal('m: {<<: {}}\nn:\n  <<: {}\no:\n  << : {}\n')).toMatchObject({ code: 'YAML_ANCHOR_LIMIT_EXCEEDED' });
    expect(refusal('a: 1\n---\nb: 2\n---\nc: 3\n')).toBeUndefined();
    expect(refusal('---\na: 1\n---\nb: 2\n--- \nc: 3\n')).toMatchObject({ code: 'YAML_TOO_MANY_DOCUMENTS', kind: 'PAYLOAD_TOO_LARGE' });
  });
});
