import { parseValue } from 'graphql';
import { describe, expect, it } from 'vitest';
import { JsonScalar as sut } from './json.scalar.js';

function nest(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { x: value };
  return value;
}

describe('JSON scalar', () => {
  it('serializes every JSON value as it is', () => {
    const values = [
      '10.0.0.0/16',
      12,
      -1.5,
      true,
      false,
      null,
      [],
      {},
      ['a', 1, null],
      { name: 'partner', cidrs: ['10.9.0.0/16'], via: 'VPN', nested: { deep: [{ x: 1 }] } },
    ];
    for (const value of values) expect(sut.serialize(value)).toEqual(value);
  });

  it('keeps a __proto__ key as an ordinary key and never touches Object.prototype', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"a":1}') as unknown;
    const result = sut.parseValue(value) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops undefined properties like JSON.stringify does', () => {
    expect(sut.serialize({ a: 1, b: undefined })).toEqual({ a: 1 });
  });

  it('refuses what JSON cannot represent', () => {
    for (const value of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      undefined,
      () => 1,
      Symbol('s'),
      10n,
      new Date(0),
      new Map(),
      [Number.NaN],
    ]) {
      expect(() => sut.serialize(value), String(value)).toThrow(TypeError);
    }
  });

  it('bounds the depth of values and literals at 64 levels', () => {
    expect(sut.parseValue(nest(64))).toEqual(nest(64));
    expect(() => sut.parseValue(nest(65))).toThrow(/at most 64 levels/);
    expect(() => sut.serialize(nest(10_000))).toThrow(/at most 64 levels/);
    const literal = (depth: number) => parseValue(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
    expect(sut.parseLiteral(literal(64), undefined)).toEqual(JSON.parse(`${'['.repeat(64)}1${']'.repeat(64)}`));
    expect(() => sut.parseLiteral(literal(65), undefined)).toThrow(/at most 64 levels/);
  });

  it('parses object, list, scalar and variable literals', () => {
    const ast = parseValue('{ name: "partner", cidrs: ["10.9.0.0/16"], count: 3, ratio: 0.5, on: true, none: null, from: $peer }');
    expect(sut.parseLiteral(ast, { peer: { via: 'VPN' } })).toEqual({
      name: 'partner',
      cidrs: ['10.9.0.0/16'],
      count: 3,
      ratio: 0.5,
      on: true,
      none: null,
      from: { via: 'VPN' },
    });
    expect(sut.parseLiteral(parseValue('$missing'), {})).toBeNull();
    expect(() => sut.parseLiteral(parseValue('SOME_ENUM'), undefined)).toThrow(TypeError);
  });
});
