/**
 * The checks the capacity engine runs on request fields, written once. A check decides whether a value passes; the
 * caller's `reject` builds the error, so each caller keeps its own code, path and wording.
 */
import type { InvalidInputCode } from '../errors/error-codes.js';
import { InvalidInputError } from '../errors/planning-error.js';
import type { IntegerBounds } from '../spec/option-bounds.js';

/** Builds the error for a rejected value; `requirement` reads like "must be one of A, B". */
export type Reject = (requirement: string, value: unknown) => InvalidInputError;

export interface OptionWording {
  /** The detail's message when it is not the requirement itself. */
  detail?: string;
  /** Whether the message ends with "(got <value as JSON>)"; default true. */
  showValue?: boolean;
}

/** Rejects as `<path> <requirement> (got <value>)` with the detail `{ path, message: <requirement> }`. */
export function rejectOption(code: InvalidInputCode, path: string, wording: OptionWording = {}): Reject {
  return (requirement, value) =>
    new InvalidInputError(code, `${path} ${requirement}${wording.showValue === false ? '' : ` (got ${JSON.stringify(value)})`}`, [
      { path, message: wording.detail ?? requirement },
    ]);
}

/** One of `allowed`; `fallback` when absent (undefined or null). */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, reject: Reject): T {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw reject(`must be one of ${allowed.join(', ')}`, value);
}

/** A boolean, or undefined when absent (undefined or null). */
export function optionalBoolean(value: unknown, reject: Reject): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  throw reject('must be true or false', value);
}

/** An integer from `min` to `max`; `requirement` words the rule when "must be an integer from min to max" does not. */
export function requiredInteger(
  value: unknown,
  min: number,
  max: number,
  reject: Reject,
  requirement = `must be an integer from ${min} to ${max}`,
): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw reject(requirement, value);
}

/** An integer inside the option's bounds (OPTION_BOUNDS), or undefined when absent (undefined or null). */
export function optionalWithin(value: unknown, bounds: IntegerBounds, reject: Reject, requirement?: string): number | undefined {
  return optionalInteger(value, bounds.min, bounds.max, reject, requirement);
}

/** An integer inside the option's bounds (OPTION_BOUNDS). */
export function requiredWithin(value: unknown, bounds: IntegerBounds, reject: Reject, requirement?: string): number {
  return requiredInteger(value, bounds.min, bounds.max, reject, requirement);
}

/** As requiredInteger, or undefined when absent (undefined or null). */
export function optionalInteger(value: unknown, min: number, max: number, reject: Reject, requirement?: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  return requiredInteger(value, min, max, reject, requirement);
}
