import { describe, expect, it } from 'vitest';
import { addressAt, alignedBlockCount, cidrContains, cidrOverlaps, cidrSize, parseAddress, parseCidr, parseCidrResult } from './cidr.js';

describe('cidr', () => {
  it('parses IPv4 and IPv6 prefixes to exact ranges', () => {
    const v4 = parseCidr('10.0.0.0/24');
    expect(v4.version).toBe(4);
    expect(cidrSize(v4)).toBe(256n);
    expect(addressAt(v4, 4)).toBe('10.0.0.4');
    expect(addressAt(v4, -1)).toBe('10.0.0.255');
    const v6 = parseCidr('2600:1f14:abc:de00::/56');
    expect(v6.version).toBe(6);
    expect(cidrSize(v6)).toBe(1n << 72n);
  });

  it('rejects host bits, bad prefixes, and the wrong family with a reason', () => {
    expect(parseCidrResult('10.0.0.1/24')).toEqual({ ok: false, reason: '"10.0.0.1/24" has host bits set; the network is 10.0.0.0/24' });
    expect(parseCidrResult('10.0.0.0/33').ok).toBe(false);
    expect(parseCidrResult('10.0.0.0').ok).toBe(false);
    expect(parseCidrResult('300.0.0.0/8').ok).toBe(false);
    expect(parseCidrResult('2600::/56', 4).ok).toBe(false);
    expect(parseCidrResult(42).ok).toBe(false);
  });

  it('answers containment and overlap only within one family', () => {
    const vpc = parseCidr('10.0.0.0/16');
    expect(cidrContains(vpc, parseCidr('10.0.4.0/22'))).toBe(true);
    expect(cidrContains(vpc, parseCidr('10.1.0.0/24'))).toBe(false);
    expect(cidrOverlaps(parseCidr('10.0.0.0/23'), parseCidr('10.0.1.0/24'))).toBe(true);
    expect(cidrOverlaps(parseCidr('10.0.0.0/24'), parseCidr('10.0.1.0/24'))).toBe(false);
    expect(cidrOverlaps(vpc, parseCidr('::/0'))).toBe(false);
  });

  it('counts aligned /28 blocks', () => {
    expect(alignedBlockCount(parseCidr('10.0.0.0/24'), 28)).toBe(16n);
    expect(alignedBlockCount(parseCidr('10.0.0.0/29'), 28)).toBe(0n);
  });

  it('remembers parses per expected version without mixing up texts', () => {
    // Each pair once with the expected version first, once without: the cached answer must be the text's own.
    expect(parseCidr('1::/64', 6).text).toBe('1::/64');
    expect(parseCidr('61::/64').text).toBe('61::/64');
    expect(parseCidr('10.0.0.0/16', 4).text).toBe('10.0.0.0/16');
    expect(parseCidrResult('410.0.0.0/16').ok).toBe(false);
    expect(parseCidrResult('62::/64').ok).toBe(true);
    expect(parseCidrResult('2::/64', 6).ok).toBe(true);
    expect(parseCidrResult('10.1.0.0/16', 6)).toEqual({
      ok: false,
      reason: '"10.1.0.0/16" is an IPv4 CIDR where an IPv6 CIDR is expected',
    });
    expect(parseCidrResult('10.1.0.0/16').ok).toBe(true);
  });

  it('parses bare addresses', () => {
    expect(parseAddress('10.0.0.1')).toEqual({ version: 4, value: 167772161n });
    expect(parseAddress('::1')?.version).toBe(6);
    expect(parseAddress('10.0.0.0/8')).toBeUndefined();
  });
});
