/**
 * Deeply nested JSON is a denial-of-service lever: recursive code downstream (class-transformer, validators, GraphQL
 * variable coercion) overflows the stack on a few thousand levels. No request of ours nests beyond a dozen levels, so
 * bodies deeper than this are refused before anything walks them recursively.
 */
export const MAX_JSON_DEPTH = 64;

/** Iterative (never recursive itself); stops at the first path deeper than `limit`. */
export function exceedsJsonDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
