/**
 * Strict readers from untrusted JSON to a typed draft. Each reader reports what is wrong at its path and returns the
 * value when it has the right JSON type (a format problem is reported but the value is kept, so later rules can still
 * resolve references to it) or `undefined` when there is nothing usable. Readers never throw and never descend into
 * fields they do not know, so deep junk costs nothing.
 */
import type { DesignSpecErrorCode } from './design-spec.codes.js';
import type { Problems, SpecPath } from './design-spec.problems.js';

/**
 * A DesignSpec-shaped value read so far: every field may be missing and every list entry may be unreadable
 * (`undefined` keeps the indexes, so paths stay right).
 */
export type Draft<T> = T extends readonly (infer U)[]
  ? (Draft<U> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Draft<Exclude<T[K], undefined>> }
    : T;

export type Reader<T> = (value: unknown, path: SpecPath, problems: Problems) => T | undefined;

export interface Field<T, Optional extends boolean> {
  readonly read: Reader<T>;
  readonly optional: Optional;
}

type IsOptional<T, K extends keyof T> = object extends Pick<T, K> ? true : false;

/** One reader per field of T, optional exactly where T's field is: a field added to the type without a reader fails to compile. */
export type Schema<T> = { [K in keyof T]-?: Field<Draft<Exclude<T[K], undefined>>, IsOptional<T, K>> };

export const required = <T>(read: Reader<T>): Field<T, false> => ({ read, optional: false });
export const optional = <T>(read: Reader<T>): Field<T, true> => ({ read, optional: true });

const MAX_VALUE_SHOWN = 60;

/** The value as a caller would recognise it in a message, cut short. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > MAX_VALUE_SHOWN ? `${text.slice(0, MAX_VALUE_SHOWN)}…` : text;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : String(value);
  if (typeof value === 'string') return `the string ${show(value)}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectOf<T>(noun: string, schema: Schema<T>): Reader<Draft<T>> {
  const fields: [string, Field<unknown, boolean>][] = Object.entries(schema);
  const known = new Set(fields.map(([name]) => name));
  const accepted = fields.map(([name]) => name).join(', ');
  return (value, path, problems) => {
    if (!isRecord(value)) {
      problems.add(path, 'TYPE_MISMATCH', `Expected ${noun} (a JSON object), got ${describe(value)}.`);
      return undefined;
    }
    const draft: Record<string, unknown> = {};
    for (const [name, field] of fields) {
      // `undefined` cannot come from JSON; a JavaScript caller means "absent" by it.
      const raw = Object.hasOwn(value, name) ? value[name] : undefined;
      if (raw === undefined) {
        if (!field.optional) problems.add(path.field(name), 'FIELD_REQUIRED', `${name} is required in ${noun}.`);
        continue;
      }
      const read = field.read(raw, path.field(name), problems);
      if (read !== undefined) draft[name] = read;
    }
    for (const name of Object.keys(value)) {
      if (!known.has(name)) {
        problems.add(path.field(name), 'FIELD_UNKNOWN', `Unknown field ${show(name)} in ${noun}; allowed: ${accepted}.`);
      }
    }
    return draft as Draft<T>;
  };
}

export function arrayOf<T>(item: Reader<T>, limits: { max: number; min?: number; noun: string }): Reader<(T | undefined)[]> {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.add(path, 'TYPE_MISMATCH', `Expected a list of ${limits.noun}, got ${describe(value)}.`);
      return undefined;
    }
    if (value.length > limits.max) {
      problems.add(path, 'ARRAY_TOO_LONG', `At most ${limits.max} ${limits.noun} are allowed, got ${value.length}.`);
      return undefined;
    }
    if (value.length < (limits.min ?? 0)) {
      problems.add(path, 'ARRAY_EMPTY', `At least ${limits.min} of ${limits.noun} needed.`);
    }
    const items: (T | undefined)[] = new Array<T | undefined>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = item(value[i], path.item(i), problems);
    return items;
  };
}

export interface TextFormat {
  pattern: RegExp;
  code: DesignSpecErrorCode;
  /** What a matching value looks like, for the message. */
  expected: string;
}

export function text(max: number, format?: TextFormat): Reader<string> {
  return (value, path, problems) => {
    if (typeof value !== 'string') {
      problems.add(path, 'TYPE_MISMATCH', `Expected a string, got ${describe(value)}.`);
      return undefined;
    }
    if (value.length === 0) {
      problems.add(path, 'STRING_EMPTY', 'Must not be empty.');
      return undefined;
    }
    if (value.length > max) {
      problems.add(path, 'STRING_TOO_LONG', `At most ${max} characters are allowed, got ${value.length}.`);
      return undefined;
    }
    if (format !== undefined && !format.pattern.test(value)) {
      problems.add(path, format.code, `${show(value)} is not valid: expected ${format.expected}.`);
    }
    return value;
  };
}

export function integer(range: { min: number; max: number; code?: DesignSpecErrorCode }): Reader<number> {
  return (value, path, problems) => {
    if (typeof value !== 'number') {
      problems.add(path, 'TYPE_MISMATCH', `Expected a whole number, got ${describe(value)}.`);
      return undefined;
    }
    if (!Number.isInteger(value)) {
      problems.add(path, range.code ?? 'INTEGER_REQUIRED', `Expected a whole number, got ${describe(value)}.`);
    } else if (value < range.min || value > range.max) {
      problems.add(path, range.code ?? 'NUMBER_OUT_OF_RANGE', `Must be between ${range.min} and ${range.max}, got ${value}.`);
    }
    // -0 is read as 0: JSON has no negative zero, so a spec must not change when it is saved and read back.
    return Number.isFinite(value) ? value + 0 : undefined;
  };
}

export const bool: Reader<boolean> = (value, path, problems) => {
  if (typeof value === 'boolean') return value;
  problems.add(path, 'TYPE_MISMATCH', `Expected true or false, got ${describe(value)}.`);
  return undefined;
};

export function oneOf<const V extends string>(values: readonly V[]): Reader<V> {
  const allowed = new Set<string>(values);
  return (value, path, problems) => {
    if (typeof value === 'string' && allowed.has(value)) return value as V;
    problems.add(path, 'ENUM_VALUE_UNKNOWN', `Expected one of ${values.join(', ')}, got ${describe(value)}.`);
    return undefined;
  };
}
