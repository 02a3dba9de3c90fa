/** Content negotiation for routes that answer JSON or an SVG picture of the same result (traces, plans, what-if). */

export const SVG = 'image/svg+xml';

/** Content negotiation between the two representations: SVG only when it is preferred over JSON (ties keep JSON). */
export function prefersSvg(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept
    .split(',')
    .slice(0, 50)
    .map((part) => {
      const [range, ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((p) => /^\s*q=([01](\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
      return { range: range.trim(), q: q ? Number(q[1]) : 1 };
    });
  const quality = (type: string): number => {
    const [major] = type.split('/');
    const exact =
      ranges.find((r) => r.range === type) ?? ranges.find((r) => r.range === `${major}/*`) ?? ranges.find((r) => r.range === '*/*');
    return exact?.q ?? 0;
  };
  return quality(SVG) > quality('application/json');
}
