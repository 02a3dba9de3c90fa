import type { FormattedExecutionResult } from 'graphql';

/**
 * The JSON text of results whose serialization is already known (a cached answer, or one the cache has just
 * serialized to keep), by the identity of their `data` object, so Apollo does not serialize a large answer twice.
 */
const known = new WeakMap<object, string>();

/** Apollo's own format: the JSON of { errors, data, extensions } followed by a newline. */
export function serializeResult(result: FormattedExecutionResult): string {
  return `${JSON.stringify(result)}\n`;
}

/** Remembers the text of a result that has only `data`; returns that text. */
export function rememberSerialized(data: Record<string, unknown>, text: string = serializeResult({ data })): string {
  known.set(data, text);
  return text;
}

/** Apollo's `stringifyResult`: the remembered text when the result is exactly a remembered `data`, else JSON. */
export function stringifyResult(result: FormattedExecutionResult): string {
  const text = result.data && result.errors === undefined && result.extensions === undefined ? known.get(result.data) : undefined;
  return text ?? serializeResult(result);
}
