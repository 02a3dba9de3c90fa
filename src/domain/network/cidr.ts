/**
 * CIDR and address arithmetic over `ip-address`, as exact bigints so IPv6 /56 and /80 ranges work the same as IPv4.
 * Pure: used by the engines and by DesignSpec validation.
 */
import { Address4, Address6 } from 'ip-address';
import { LRUCache } from 'lru-cache';

export type IpVersion = 4 | 6;

export interface Cidr {
  /** Canonical text, e.g. `10.0.0.0/16` or `2600:1f14:abc:de00::/56`. */
  readonly text: string;
  readonly version: IpVersion;
  readonly prefixLength: number;
  readonly first: bigint;
  readonly last: bigint;
}

export type CidrParseResult = { ok: true; cidr: Cidr } | { ok: false; reason: string };

const IPV4_BITS = 32;
const IPV6_BITS = 128;

/**
 * Parses `a.b.c.d/n` or an IPv6 prefix. AWS rejects a CIDR whose host bits are set
 * ("10.0.0.1/24 is not a valid CIDR block"), so we do too and name the network it probably meant.
 */
export function parseCidrResult(text: unknown, expected?: IpVersion): CidrParseResult {
  if (typeof text !== 'string') return parseCidrText(text, expected);
  // A design names the same few CIDRs again and again (validation, address plans, every trace), and parsing through
  // ip-address's bigints dominated a trace's time; results are immutable, so they are shared.
  // A fixed-width prefix: `6` + `1::/64` must not meet the unversioned `61::/64`.
  const key = `${expected ?? 0}|${text}`;
  let result = parsedCidrs.get(key);
  if (result === undefined) {
    result = Object.freeze(parseCidrText(text, expected));
    parsedCidrs.set(key, result);
  }
  return result;
}

const parsedCidrs = new LRUCache<string, CidrParseResult>({ max: 10_000 });

function parseCidrText(text: unknown, expected?: IpVersion): CidrParseResult {
  if (typeof text !== 'string' || !text.includes('/')) {
    return { ok: false, reason: `"${String(text)}" is not a CIDR block (expected address/prefix-length)` };
  }
  const [addressPart, prefixPart, ...rest] = text.trim().split('/');
  if (rest.length > 0 || !/^\d{1,3}$/.test(prefixPart ?? '')) {
    return { ok: false, reason: `"${text}" is not a CIDR block (bad prefix length)` };
  }
  const prefixLength = Number(prefixPart);
  const parsed = parseAddress(addressPart);
  if (parsed === undefined) return { ok: false, reason: `"${text}" does not start with a valid IP address` };
  const { version, value } = parsed;
  if (expected !== undefined && version !== expected) {
    return { ok: false, reason: `"${text}" is an IPv${version} CIDR where an IPv${expected} CIDR is expected` };
  }
  const bits = version === 4 ? IPV4_BITS : IPV6_BITS;
  if (prefixLength > bits) return { ok: false, reason: `"${text}" has a prefix length above /${bits}` };
  const hostBits = BigInt(bits - prefixLength);
  const first = (value >> hostBits) << hostBits;
  const last = first + (1n << hostBits) - 1n;
  if (first !== value) {
    const canonical = `${formatAddress(version, first)}/${prefixLength}`;
    return { ok: false, reason: `"${text}" has host bits set; the network is ${canonical}` };
  }
  return {
    ok: true,
    cidr: Object.freeze({ text: `${formatAddress(version, first)}/${prefixLength}`, version, prefixLength, first, last }),
  };
}

export function parseCidr(text: string, expected?: IpVersion): Cidr {
  const result = parseCidrResult(text, expected);
  if (!result.ok) throw new RangeError(result.reason);
  return result.cidr;
}

export function isValidCidr(text: unknown, expected?: IpVersion): boolean {
  return parseCidrResult(text, expected).ok;
}

/** A bare IPv4 or IPv6 address (no prefix, no zone) as an exact number; each address is parsed once. */
export function parseAddress(text: unknown): { version: IpVersion; value: bigint } | undefined {
  if (typeof text !== 'string' || text.includes('/') || text.includes('%')) return undefined;
  try {
    return text.includes(':') ? { version: 6, value: new Address6(text).bigInt() } : { version: 4, value: new Address4(text).bigInt() };
  } catch {
    return undefined;
  }
}

export function formatAddress(version: IpVersion, value: bigint): string {
  return version === 4 ? Address4.fromBigInt(value).correctForm() : Address6.fromBigInt(value).correctForm();
}

export function cidrSize(cidr: Cidr): bigint {
  return cidr.last - cidr.first + 1n;
}

export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.version === inner.version && outer.first <= inner.first && inner.last <= outer.last;
}

export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

export function cidrContainsAddress(cidr: Cidr, address: string): boolean {
  const parsed = parseAddress(address);
  return parsed !== undefined && parsed.version === cidr.version && cidr.first <= parsed.value && parsed.value <= cidr.last;
}

/** cidrContainsAddress for an address parsed once (parseAddress) and checked against many CIDRs. */
export function cidrContainsValue(cidr: Cidr, address: { version: IpVersion; value: bigint } | undefined): boolean {
  return address !== undefined && address.version === cidr.version && cidr.first <= address.value && address.value <= cidr.last;
}

/** The address `offset` places after the network address (negative counts back from the last address). */
export function addressAt(cidr: Cidr, offset: bigint | number): string {
  const n = BigInt(offset);
  const value = n >= 0n ? cidr.first + n : cidr.last + n + 1n;
  if (value < cidr.first || value > cidr.last) throw new RangeError(`offset ${offset} is outside ${cidr.text}`);
  return formatAddress(cidr.version, value);
}

/** Count of aligned blocks of `blockPrefix` inside the CIDR (0 when the CIDR is smaller than one block). */
export function alignedBlockCount(cidr: Cidr, blockPrefix: number): bigint {
  if (blockPrefix < cidr.prefixLength) return 0n;
  return 1n << BigInt(blockPrefix - cidr.prefixLength);
}
