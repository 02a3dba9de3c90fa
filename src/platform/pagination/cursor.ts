import { InvalidInputError } from '../../domain/errors/planning-error.js';

/** Opaque, URL-safe keyset cursors: callers pass back what they got, never build one. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function invalidCursor(): InvalidInputError {
  return new InvalidInputError('INVALID_CURSOR', 'The cursor is not one this service issued; start again without it.', [
    { path: 'cursor', message: 'unrecognised cursor' },
  ]);
}

export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursor();
  const record = parsed as Record<string, unknown>;
  const position = {} as Record<K, string>;
  for (const key of keys) {
    if (typeof record[key] !== 'string' && typeof record[key] !== 'number') throw invalidCursor();
    position[key] = String(record[key]);
  }
  return position;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;
