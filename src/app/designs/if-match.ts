import { InvalidInputError } from '../../domain/errors/planning-error.js';

/**
 * The design revision a REST write is based on, from `If-Match: "3"` (also `W/"3"` or a bare `3`; an ETag list must
 * name exactly one revision). `undefined` when the header is absent (the service answers 428).
 */
export function revisionFromIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const value = Array.isArray(header) ? header.join(',') : header;
  const tags = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const match = tags.length === 1 ? /^(?:W\/)?"?(\d{1,10})"?$/.exec(tags[0]) : null;
  const revision = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(revision) || revision < 1 || revision > 2_147_483_647) {
    throw new InvalidInputError('INVALID_IF_MATCH', 'If-Match must name one design revision, e.g. If-Match: "3".', [
      { path: 'If-Match', message: `"${value.slice(0, 100)}" is not a revision` },
    ]);
  }
  return revision;
}

export function etagOf(revision: number): string {
  return `"${revision}"`;
}
