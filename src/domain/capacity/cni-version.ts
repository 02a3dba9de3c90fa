/**
 * Amazon VPC CNI versions as the rules need them: numeric major.minor.patch comparison.
 * EKS add-on versions carry a build suffix (`v1.18.3-eksbuild.1`); it names a packaging of the same release, so it is
 * accepted and ignored rather than treated as a semver pre-release.
 */
import { InvalidInputError } from '../errors/planning-error.js';

export interface CniVersion {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

/**
 * major.minor[.patch]: max-pods-calculator.sh reads only the first two dot-separated fields (SOURCES.calculatorCniVersion),
 * so `1.9` is 1.9.0 there and here. Every other form, whatever its shape or length, is INVALID_CNI_VERSION.
 */
const VERSION_PATTERN = /^v?(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})(?:\.(0|[1-9]\d{0,3}))?(?:-[0-9A-Za-z.-]{1,40})?(?:\+[0-9A-Za-z.-]{1,40})?$/;
const MAX_QUOTED = 40;

export function parseCniVersion(text: unknown, path = 'cniVersion'): CniVersion {
  const match = typeof text === 'string' ? VERSION_PATTERN.exec(text.trim()) : null;
  if (!match) {
    const shown = typeof text === 'string' ? text : typeof text;
    throw new InvalidInputError(
      'INVALID_CNI_VERSION',
      `"${shown.length > MAX_QUOTED ? `${shown.slice(0, MAX_QUOTED)}…` : shown}" is not a VPC CNI version (expected e.g. 1.20.0, 1.9 or v1.18.3-eksbuild.1)`,
      [{ path, message: 'expected major.minor[.patch]', code: 'INVALID_CNI_VERSION' }],
    );
  }
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0), text: String(text).trim() };
}

export function compareCniVersions(a: CniVersion, b: CniVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export function isCniAtLeast(version: CniVersion, major: number, minor: number, patch = 0): boolean {
  return compareCniVersions(version, { major, minor, patch, text: '' }) >= 0;
}

/** max-pods-calculator.sh: `(major > 1) || (major == 1 && minor > 8)`. */
export function cniSupportsPrefixDelegation(version: CniVersion): boolean {
  return isCniAtLeast(version, 1, 9);
}

/** CNI README ENABLE_PREFIX_DELEGATION: bare-metal instances from v1.11. */
export function cniSupportsBareMetalPrefixDelegation(version: CniVersion): boolean {
  return isCniAtLeast(version, 1, 11);
}

/** Since v1.16.4 (PR #2801) the trunk ENI never gets pod IPs. */
export function cniTrunkEniHasNoPodIps(version: CniVersion): boolean {
  return isCniAtLeast(version, 1, 16, 4);
}

/** CNI README ENABLE_IPv6: v1.10.1 and later. */
export function cniSupportsIpv6(version: CniVersion): boolean {
  return isCniAtLeast(version, 1, 10, 1);
}
