/**
 * Parsing annotation values exactly as the AWS Load Balancer Controller does ([LBC-CODE-PARSER]: LBC
 * pkg/annotations/parser.go@225f44568848eb25f13e304a5f1cc68c0cd9415d, the commit exposure.md pins), so the
 * lint accepts what the controller accepts and quotes the controller's own error text for what it rejects.
 */
import type { AnnotationOwner, AnnotationSpec } from './annotation-catalog.data.js';

/** Go strconv.ParseBool. */
const GO_BOOLEANS = new Map<string, boolean>([
  ['1', true],
  ['t', true],
  ['T', true],
  ['TRUE', true],
  ['true', true],
  ['True', true],
  ['0', false],
  ['f', false],
  ['F', false],
  ['FALSE', false],
  ['false', false],
  ['False', false],
]);

export function parseGoBool(raw: string): boolean | undefined {
  return GO_BOOLEANS.get(raw);
}

/** Go strconv.ParseInt(raw, 10, bits): optional sign, decimal digits only, within int64 (or int32 for ParseInt32Annotation). */
export function parseGoInt(raw: string, bits: 32 | 64 = 64): number | undefined {
  if (!/^[+-]?\d+$/.test(raw)) return undefined;
  const value = BigInt(raw);
  const max = bits === 32 ? 2147483647n : 9223372036854775807n;
  if (value > max || value < -max - 1n) return undefined;
  return Number(value);
}

/** splitCommaSeparatedString: split on commas, trim, drop empty parts. */
export function splitList(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * ParseStringMapAnnotation ([LBC-CODE-PARSER] L149-173): `k1=v1, k2=v2`, keys and values trimmed; undefined when a pair
 * has no `=` or an empty key. Pairs are split as splitKeyValuePairs does (L217-253): `\,` (any `\x`) is the character
 * itself, a comma starts a new pair only when an `=` follows somewhere after it, and text after a comma with no `=`
 * left is a pair of its own, so malformed (`Name=a,b` is an error; `Name=a\\,b` is the tag value `a,b`).
 */
export function parseStringMap(raw: string): Map<string, string> | undefined {
  const result = new Map<string, string>();
  for (const pair of splitKeyValuePairs(raw)) {
    const separator = pair.indexOf('=');
    if (separator === -1) return undefined;
    const key = pair.slice(0, separator).trim();
    if (key.length === 0) return undefined;
    result.set(key, pair.slice(separator + 1).trim());
  }
  return result;
}

function splitKeyValuePairs(raw: string): string[] {
  const pairs: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charAt(i);
    if (char === '\\' && i + 1 < raw.length) {
      current += raw.charAt(++i);
    } else if (char === ',') {
      const remaining = raw.slice(i + 1).trim();
      if (remaining.includes('=')) {
        pairs.push(current.trim());
        current = '';
      } else if (remaining.length > 0) {
        // Text after the comma without any `=`: the controller returns it as its own (malformed) pair.
        pairs.push(current.trim(), remaining);
        return pairs;
      } else {
        current += char;
      }
    } else {
      current += char;
    }
  }
  if (current.length > 0) pairs.push(current.trim());
  return pairs;
}

export function parseJson(raw: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

export interface ListenPortsParse {
  ports: Map<number, 'HTTP' | 'HTTPS'>;
  problem?: string;
}

/** computeIngressListenPorts (LBC pkg/ingress/model_build_listener.go): `[{"HTTP": 80}, {"HTTPS": 443}]`. */
export function parseListenPorts(raw: string): ListenPortsParse {
  const ports = new Map<number, 'HTTP' | 'HTTPS'>();
  const parsed = parseJson(raw);
  if (!parsed.ok || !Array.isArray(parsed.value)) {
    return { ports, problem: `failed to parse listen-ports configuration: \`${raw}\`` };
  }
  if (parsed.value.length === 0) return { ports, problem: `empty listen-ports configuration: \`${raw}\`` };
  for (const entry of parsed.value) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      return { ports, problem: `failed to parse listen-ports configuration: \`${raw}\`` };
    }
    for (const [protocol, port] of Object.entries(entry as Record<string, unknown>)) {
      if (typeof port !== 'number' || !Number.isInteger(port)) {
        return { ports, problem: `failed to parse listen-ports configuration: \`${raw}\`` };
      }
      if (port < 1 || port > 65535) return { ports, problem: `listen port must be within [1, 65535]: ${port}` };
      if (protocol !== 'HTTP' && protocol !== 'HTTPS') {
        return { ports, problem: `listen protocol must be within [HTTP, HTTPS]: ${protocol}` };
      }
      ports.set(port, protocol);
    }
  }
  return { ports };
}

export interface ValueProblem {
  code: string;
  message: string;
}

/**
 * Checks one value against its catalogue entry. `owner` is the controller that will read it: the in-tree controller is
 * more lenient in places (`aws-load-balancer-internal` is "any value except false", tags may omit `=value`).
 */
export function checkAnnotationValue(spec: AnnotationSpec, key: string, raw: string, owner: AnnotationOwner): ValueProblem | undefined {
  const invalid = (message: string): ValueProblem => ({ code: spec.invalidCode ?? 'INVALID_ANNOTATION_VALUE', message });
  switch (spec.type) {
    case 'boolean':
      // [CCM-AWS] L2453-2460: the in-tree controller treats any value except "false" as true for `-internal`.
      if (owner === 'CCM') return undefined;
      if (parseGoBool(raw) === undefined) return invalid(`failed to parse bool annotation, ${key}: ${raw} (use "true" or "false")`);
      break;
    case 'int': {
      // [LBC-CODE-PARSER] L100-126: ParseInt64Annotation / ParseInt32Annotation, each with its own bit size and wording.
      const bits = spec.bits ?? 64;
      const value = parseGoInt(raw, bits);
      if (value === undefined) return invalid(`failed to parse int${bits} annotation, ${key}: ${raw}`);
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        return invalid(`${key}: ${raw} is outside [${spec.min ?? '-∞'}, ${spec.max ?? '∞'}]`);
      }
      break;
    }
    case 'stringMap':
      if (owner === 'LBC' && parseStringMap(raw) === undefined) {
        return invalid(`failed to parse stringMap annotation, ${key}: ${raw} (expected key1=value1,key2=value2)`);
      }
      break;
    case 'json': {
      const parsed = parseJson(raw);
      if (!parsed.ok) return invalid(`failed to parse json annotation, ${key}: ${raw} (${parsed.reason})`);
      break;
    }
    case 'string':
    case 'stringList':
      break;
  }
  if (spec.values && !matchesAllowed(spec, raw)) return invalid(unknownValueMessage(spec, key, raw));
  if (spec.maxLength !== undefined && raw.length > spec.maxLength) {
    return invalid(`load balancer name cannot be longer than ${spec.maxLength} characters (${key} has ${raw.length})`);
  }
  return undefined;
}

function matchesAllowed(spec: AnnotationSpec, raw: string): boolean {
  const values = spec.values ?? [];
  return spec.caseInsensitive ? values.some((value) => value.toUpperCase() === raw.toUpperCase()) : values.includes(raw);
}

/** Upstream wording where the controller has one. */
function unknownValueMessage(spec: AnnotationSpec, key: string, raw: string): string {
  const allowed = (spec.values ?? []).join(', ');
  if (key.endsWith('aws-load-balancer-proxy-protocol')) {
    return `invalid value ${raw} for Load Balancer proxy protocol v2 annotation, only value currently supported is *`;
  }
  if (key.endsWith('scheme')) return `unknown scheme: ${raw} (expected one of ${allowed})`;
  if (key.endsWith('target-type')) return `unknown targetType: ${raw} (expected one of ${allowed})`;
  if (key.endsWith('ip-address-type')) return `unknown IPAddressType: ${raw} (expected one of ${allowed})`;
  if (key === 'alb.ingress.kubernetes.io/healthcheck-protocol') return `healthCheckProtocol must be within [HTTP, HTTPS]: ${raw}`;
  if (key.endsWith('healthcheck-protocol')) return `unsupported health check protocol ${raw} (expected one of ${allowed})`;
  return `${key}: "${raw}" is not one of ${allowed}`;
}
