/**
 * JSON `null` on an object property means "not set": GraphQL clients and generated REST clients send it for every
 * absent optional field. Array elements are kept as they are, so `[null]` still fails validation. Own keys are copied
 * with defineProperty, so a `__proto__` key stays data and never becomes a prototype.
 */
export function dropNullProperties(value: unknown, depth = 0): unknown {
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => dropNullProperties(item, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null)
      Object.defineProperty(result, key, {
        value: dropNullProperties(item, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return result;
}
