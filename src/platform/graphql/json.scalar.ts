import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { MAX_JSON_DEPTH } from '../../domain/json/json-depth.js';

/** A JSON value as it appears in a DesignSpec or any other plain JSON document. */
export type JsonScalarValue = string | number | boolean | null | JsonScalarValue[] | { [key: string]: JsonScalarValue };

/**
 * Any JSON value (string, number, boolean, null, list, object). Used only where the value is truly arbitrary
 * (a spec change's before/after); everything else has a real GraphQL type. Values nest at most MAX_JSON_DEPTH levels,
 * the same bound REST bodies have, so a hostile literal or variable cannot overflow the stack.
 */
export const JsonScalar = new GraphQLScalarType<JsonScalarValue, JsonScalarValue>({
  name: 'JSON',
  description: 'Any JSON value: string, number, boolean, null, list or object (at most 64 levels deep).',
  serialize: (value) => toJson(value, 0),
  parseValue: (value) => toJson(value, 0),
  parseLiteral: (ast, variables) => fromLiteral(ast, variables ?? undefined, 0),
});

function toJson(value: unknown, depth: number): JsonScalarValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JSON cannot represent a non-finite number.');
    return value;
  }
  if (typeof value !== 'object') throw new TypeError(`JSON cannot represent a ${typeof value}.`);
  if (depth >= MAX_JSON_DEPTH) throw new TypeError(`JSON values nest at most ${MAX_JSON_DEPTH} levels.`);
  if (Array.isArray(value)) return value.map((item) => toJson(item, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw new TypeError('JSON objects must be plain objects.');
  const result: { [key: string]: JsonScalarValue } = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    // defineProperty, so a key named __proto__ stays an ordinary key.
    Object.defineProperty(result, key, { value: toJson(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function fromLiteral(ast: ValueNode, variables: Record<string, unknown> | undefined, depth: number): JsonScalarValue {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT: {
      const number = Number(ast.value);
      if (!Number.isFinite(number)) throw new TypeError('JSON cannot represent a non-finite number.');
      return number;
    }
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return variables && ast.name.value in variables ? toJson(variables[ast.name.value], depth) : null;
    case Kind.LIST:
      if (depth >= MAX_JSON_DEPTH) throw new TypeError(`JSON values nest at most ${MAX_JSON_DEPTH} levels.`);
      return ast.values.map((item) => fromLiteral(item, variables, depth + 1));
    case Kind.OBJECT: {
      if (depth >= MAX_JSON_DEPTH) throw new TypeError(`JSON values nest at most ${MAX_JSON_DEPTH} levels.`);
      const result: { [key: string]: JsonScalarValue } = {};
      for (const field of ast.fields) {
        Object.defineProperty(result, field.name.value, {
          value: fromLiteral(field.value, variables, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
    default:
      throw new TypeError('JSON takes a string, number, boolean, null, list or object literal.');
  }
}
