/**
 * fast-check generators of malformed and hostile input: wrong types, huge and negative numbers, invalid and overlapping
 * CIDRs, IPv6 where IPv4 is expected, unicode, deep nesting, prototype keys, YAML bombs.
 */
import fc from 'fast-check';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';

export const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFFFF',
    '\uD800',
    '../../../etc/passwd',
    "' OR 1=1 --",
    '"; DROP TABLE "Design"; --',
    '<script>alert(1)</script>',
    '%00',
    '%2e%2e%2f',
    'null',
    'undefined',
    'NaN',
    'Infinity',
    '1e309',
    '-1',
    '0x10',
    '__proto__',
    'constructor',
    '{{7*7}}',
    '${jndi:ldap://x}',
    '🦄'.repeat(300),
    'a'.repeat(20_000),
    'm5.large',
    'aws',
    'IPV6',
    'TRUE',
    'true ',
    ' 1.20.0',
    'v999.999.999',
  ),
);

export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    65536,
    30000,
    32768,
  ),
);

export const hostileCidr = fc.oneof(
  fc.constantFrom(
    '10.0.0.1/24',
    '10.0.0.0/33',
    '10.0.0.0/-1',
    '10.0.0.0/08',
    '10.0.0.0 /16',
    '300.1.1.1/8',
    '10.0.0/16',
    '0.0.0.0/0',
    '10.0.0.0/16/16',
    '2600:1f14::/56',
    '::/0',
    '2600:1f14::1/64',
    'fe80::1%eth0/64',
    '::ffff:10.0.0.0/104',
    '10.0.0.0/16',
    '10.0.0.0/28',
    '10.0.0.0/32',
    '100.64.0.0/10',
    '172.20.0.0/16',
    '10.100.0.0/16',
    '192.168.0.0/16',
  ),
  fc
    .tuple(fc.integer({ min: -5, max: 300 }), fc.integer({ min: -5, max: 300 }), fc.integer({ min: -5, max: 40 }))
    .map(([a, b, p]) => `${a}.${b}.0.0/${p}`),
);

const hostileScalar = fc.oneof(hostileText, hostileNumber, hostileCidr, fc.boolean(), fc.constant(null));

/** Any JSON value, biased towards the shapes APIs choke on. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 2, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 30 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileText, hostileScalar, { maxKeys: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 3000 }).map((depth) => nest(depth)) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)) },
);

function nest(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { x: value };
  return value;
}

/** A request body as raw text: JSON of a hostile value, or text that is not JSON at all. */
export const hostileBodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? 'null') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{',
      '{"a":',
      '[1,2',
      'nul',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '\u0000',
      '{}'.repeat(5000),
      '['.repeat(10_000),
    ),
  },
  { weight: 1, arbitrary: hostileText },
);

/** Leaf paths of a JSON value, e.g. [['vpc','cidrs',0], ['subnets',3,'az'], …]. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length === 0 ? [prefix] : value.flatMap((item, i) => leafPaths(item, [...prefix, i]));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length === 0 ? [prefix] : entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
  }
  return [prefix];
}

const DESIGN_PATHS = leafPaths(validDesign());

/**
 * A valid design with 1–4 hostile edits (a leaf replaced, a field deleted or an unknown field added) plus one edit that
 * is always invalid, so no generated design can be saved by accident.
 */
export const mutatedDesign: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...DESIGN_PATHS), fc.constantFrom('replace', 'delete', 'add'), hostileJson), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.constantFrom<'cidr' | 'unknown' | 'type'>('cidr', 'unknown', 'type'),
  )
  .map(([edits, guaranteed]) => {
    const design = validDesign() as unknown as Record<string, unknown>;
    for (const [path, action, value] of edits) edit(design, path, action, value);
    if (guaranteed === 'cidr') (design.vpc as Record<string, unknown>) = { ...(design.vpc as object), cidrs: ['999.0.0.0/8'] };
    if (guaranteed === 'unknown') design.fuzzUnknownField = true;
    if (guaranteed === 'type') design.subnets = 'not-a-list';
    return design;
  });

function edit(root: Record<string, unknown>, path: (string | number)[], action: 'replace' | 'delete' | 'add', value: unknown): void {
  if (path.length === 0) return;
  let parent: any = root;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return;
    parent = parent[key];
  }
  if (typeof parent !== 'object' || parent === null) return;
  const last = path[path.length - 1];
  if (action === 'replace') parent[last] = value;
  else if (action === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (!Array.isArray(parent)) parent[`fuzz_${String(last)}`] = value;
}

/** YAML that parsers choke on: alias bombs, deep nesting, huge documents, tabs, junk. */
export const hostileYaml: fc.Arbitrary<string> = fc.oneof(
  fc.constant(billionLaughs()),
  fc.integer({ min: 100, max: 5000 }).map((depth) => `${'['.repeat(depth)}1${']'.repeat(depth)}`),
  fc.integer({ min: 100, max: 3000 }).map((depth) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n')),
  fc.constant(`apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n${'  annotations:\n'.repeat(3)}\t- bad tab`),
  fc.constant(`---\n`.repeat(5000)),
  fc.constant('{{{{{'),
  hostileText,
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
);

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n');
}
