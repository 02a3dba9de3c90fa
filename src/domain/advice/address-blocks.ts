/** Free aligned CIDR blocks inside a VPC range, through the project's CIDR library (src/domain/network/cidr.ts). */
import { cidrOverlaps, formatAddress, parseCidrResult, type Cidr } from '../network/cidr.js';

/** Parsed CIDRs of one IP version; texts that do not parse are left out (a validated design has none). */
export function parseAll(texts: readonly (string | undefined)[], version: 4 | 6): Cidr[] {
  return texts.flatMap((text) => {
    if (text === undefined) return [];
    const parsed = parseCidrResult(text, version);
    return parsed.ok ? [parsed.cidr] : [];
  });
}

/**
 * The first `limit` aligned blocks of /`prefixLength` inside `container` that overlap none of `taken`, lowest first.
 * Blocks inside a taken range are skipped in one step, so a /16 with a few large subnets costs a few iterations.
 */
export function freeBlocks(container: Cidr, prefixLength: number, taken: readonly Cidr[], limit: number): Cidr[] {
  const bits = container.version === 4 ? 32 : 128;
  if (prefixLength < container.prefixLength || prefixLength > bits) return [];
  const size = 1n << BigInt(bits - prefixLength);
  const found: Cidr[] = [];
  let first = container.first;
  while (first + size - 1n <= container.last && found.length < limit) {
    const block = parseCidrResult(`${formatAddress(container.version, first)}/${prefixLength}`, container.version);
    if (!block.ok) break;
    const blocker = taken.find((cidr) => cidrOverlaps(cidr, block.cidr));
    if (blocker === undefined) {
      found.push(block.cidr);
      first += size;
    } else {
      // Jump past the blocking range, to the next aligned block.
      const next = blocker.last + 1n;
      first = next > first ? ((next + size - 1n) / size) * size : first + size;
    }
  }
  return found;
}
