import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { importEksctl } from './eksctl-import.engine.js';
import { EKSCTL_YAML_LIMITS, parseYamlDocument as sut } from './eksctl-yaml.parser.js';
import {
  EKSCTL_HEADER,
  TOO_DEEP_CONFIGS,
  billionLaughs,
  largeEksctlConfig,
  oversizedConfig,
} from '../../../test/fixtures/eksctl/hostile-yaml.fixture.js';

const HEADER = EKSCTL_HEADER;

function refusal(action: () => unknown): InvalidInputError {
  return thrownBy(action, InvalidInputError);
}

describe('parseYamlDocument', () => {
  it('gives plain data, the line of a path and the source text of a scalar', () => {
    const parsed = sut('metadata:\n  name: demo\n  version: 1.30\nitems:\n  - a\n  - b\n', 'test');

    expect(parsed.value).toEqual({ metadata: { name: 'demo', version: 1.3 }, items: ['a', 'b'] });
    expect(parsed.lineOf(['metadata', 'version'])).toBe(3);
    expect(parsed.lineOf(['items', 1])).toBe(6);
    expect(parsed.lineOf(['missing'])).toBeUndefined();
    expect(parsed.sourceOf(['metadata', 'version'])).toBe('1.30');
  });

  it('shifts reported lines by the offset of an embedded document', () => {
    const error = refusal(() => sut('a: [1, 2\n', 'embedded', 10));
    expect(error.message).toMatch(/at line 1[12], column \d+/);
  });

  it('accepts ordinary anchors and aliases', () => {
    expect(sut('base: &b { x: 1 }\nother: *b\n', 'test').value).toEqual({ base: { x: 1 }, other: { x: 1 } });
  });
});

describe('importEksctl on malformed YAML', () => {
  it.each([
    ['an unclosed flow sequence', `${HEADER}vpc:\n  cidr: [10.0.0.0/16\n  nat: x\n`, 'line 8, column 3', 'BAD_INDENT'],
    ['a duplicate key', `${HEADER}vpc:\n  cidr: 10.0.0.0/16\n  cidr: 10.1.0.0/16\n`, 'line 8, column 3', 'DUPLICATE_KEY'],
    ['a tab as indentation', `${HEADER}vpc:\n\tcidr: 10.0.0.0/16\n`, 'line 7, column 1', 'TAB_AS_INDENT'],
    ['an unterminated quote', `${HEADER}  version: "1.31\n`, 'line 7, column 1', 'MISSING_CHAR'],
  ])('%s → MALFORMED_YAML with line and column', (_, text, where, yamlCode) => {
    const error = refusal(() => importEksctl(text));
    expect(error.code).toBe('MALFORMED_YAML');
    expect(error.message).toMatch(new RegExp(`^The eksctl config is not valid YAML at ${where}: `));
    expect(error.details).toEqual([{ path: '', message: expect.stringMatching(new RegExp(`^${where}: `)), code: yamlCode }]);
  });

  it('two documents → MULTIPLE_YAML_DOCUMENTS naming where the second starts', () => {
    const error = refusal(() => importEksctl(`${HEADER}---\n${HEADER}`));
    expect(error.code).toBe('MULTIPLE_YAML_DOCUMENTS');
    expect(error.details[0].message).toBe('a second document starts at line 6');
  });

  it('a value that is not text → MALFORMED_YAML', () => {
    const error = refusal(() => importEksctl({ apiVersion: 'eksctl.io/v1alpha5' } as unknown as string));
    expect(error.code).toBe('MALFORMED_YAML');
    expect(error.message).toBe('The eksctl config must be YAML text, got object.');
  });

  it('a merge key on a scalar is bad input, not an alias bomb', () => {
    const error = refusal(() => importEksctl(`${HEADER}vpc:\n  <<: 5\n`));
    expect(error.code).toBe('MALFORMED_YAML');
    expect(error.message).toContain('Merge sources must be maps or map aliases');
  });
});

describe('importEksctl on hostile YAML', () => {
  it('a billion-laughs alias bomb is refused before it expands (refusal time: npm run bench)', () => {
    const error = refusal(() => importEksctl(`${HEADER}${billionLaughs()}`));
    expect(error.code).toBe('YAML_ALIAS_LIMIT_EXCEEDED');
    expect(error.message).toBe(
      `The eksctl config expands too many aliases (more than ${EKSCTL_YAML_LIMITS.maxAliasCount}); this looks like a YAML bomb.`,
    );
  });

  it('an alias bomb inside the vpc-cni configurationValues string is refused too', () => {
    const text = `${HEADER}addons:\n  - name: vpc-cni\n    configurationValues: |\n${billionLaughs('      ')}`;
    const error = refusal(() => importEksctl(text));
    expect(error.code).toBe('YAML_ALIAS_LIMIT_EXCEEDED');
    expect(error.details[0].path).toBe('addons[0].configurationValues');
  });

  it('a 5 MB document is refused by size without being parsed', () => {
    const text = oversizedConfig();
    const error = refusal(() => importEksctl(text));
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(error.code).toBe('YAML_TOO_LARGE');
    expect(error.message).toBe(`The eksctl config has ${text.length} characters; at most ${EKSCTL_YAML_LIMITS.maxChars} are accepted.`);
  });

  it.each(TOO_DEEP_CONFIGS.map(([name, text, where]) => [name, text, where]))(
    '%s → YAML_TOO_DEEP before the parser recurses',
    (_, text, where) => {
      const error = refusal(() => importEksctl(text));
      expect(error.code).toBe('YAML_TOO_DEEP');
      expect(error.message).toBe(`The eksctl config nests too deeply at ${where}.`);
    },
  );

  it('nesting within the indentation bound but deeper than the tree limit → YAML_TOO_DEEP', () => {
    const text = `${HEADER}x:\n${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('')}`;
    const error = refusal(() => importEksctl(text));
    expect(error.code).toBe('YAML_TOO_DEEP');
    expect(error.message).toBe(`The eksctl config nests collections more than ${EKSCTL_YAML_LIMITS.maxDepth} levels deep.`);
  });

  it('a large legitimate config (1,500 node groups, under the size limit) imports (its time is in npm run bench)', () => {
    const text = largeEksctlConfig(1500);

    const result = importEksctl(text);

    expect(text.length).toBeLessThan(EKSCTL_YAML_LIMITS.maxChars);
    expect(result.spec.nodeGroups).toHaveLength(1500);
    expect(result.spec.nodeGroups[1499].subnets).toEqual(['private-us-east-1c']);
  });
});
