/**
 * The aws-node (Amazon VPC CNI) environment variables a DesignSpec's `cni` settings stand for, both ways.
 * Names and value forms from aws/amazon-vpc-cni-k8s README "CNI Configuration Variables" (all values are strings:
 * "Boolean as a String", "Integer as a String").
 */
import type { CniSettings, DesignSpec, PodSecurityGroupEnforcingMode } from '../spec/design-spec.types.js';

type CniField = Exclude<keyof CniSettings, 'version' | 'eniConfigs'>;

export type CniValueKind = 'boolean' | 'count' | 'positive' | 'cidrList' | 'enforcingMode';

export interface CniEnvVariable {
  readonly name: string;
  readonly field: CniField;
  readonly kind: CniValueKind;
}

/** One row per DesignSpec CNI setting, sorted by variable name (the order exports use). */
export const CNI_ENV_VARIABLES: readonly CniEnvVariable[] = [
  { name: 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG', field: 'customNetworking', kind: 'boolean' },
  { name: 'AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS', field: 'excludeSnatCidrs', kind: 'cidrList' },
  { name: 'AWS_VPC_K8S_CNI_EXTERNALSNAT', field: 'externalSnat', kind: 'boolean' },
  { name: 'ENABLE_POD_ENI', field: 'securityGroupsForPods', kind: 'boolean' },
  { name: 'ENABLE_PREFIX_DELEGATION', field: 'prefixDelegation', kind: 'boolean' },
  { name: 'MAX_ENI', field: 'maxEni', kind: 'positive' },
  { name: 'MINIMUM_IP_TARGET', field: 'minimumIpTarget', kind: 'count' },
  { name: 'POD_SECURITY_GROUP_ENFORCING_MODE', field: 'podSecurityGroupEnforcingMode', kind: 'enforcingMode' },
  { name: 'WARM_ENI_TARGET', field: 'warmEniTarget', kind: 'count' },
  { name: 'WARM_IP_TARGET', field: 'warmIpTarget', kind: 'count' },
  { name: 'WARM_PREFIX_TARGET', field: 'warmPrefixTarget', kind: 'count' },
];

export const PREFIX_DELEGATION_VARIABLE = 'ENABLE_PREFIX_DELEGATION';
export const ENABLE_IPV6_VARIABLE = 'ENABLE_IPv6';
export const ENABLE_IPV4_VARIABLE = 'ENABLE_IPv4';
export const ENI_CONFIG_LABEL_VARIABLE = 'ENI_CONFIG_LABEL_DEF';

/**
 * Node labels that name an ENIConfig after the node's zone. README ENI_CONFIG_LABEL_DEF: `topology.kubernetes.io/zone`
 * (the deprecated `failure-domain.beta.kubernetes.io/zone` works the same); AZ-id ENIConfigs use the zone-id label.
 */
export const ZONE_NAME_LABEL = 'topology.kubernetes.io/zone';
export const ZONE_ID_LABEL = 'topology.k8s.aws/zone-id';
export const ZONE_LABELS: ReadonlySet<string> = new Set([ZONE_NAME_LABEL, 'failure-domain.beta.kubernetes.io/zone', ZONE_ID_LABEL]);

const AZ_ID = /-az\d{1,2}$/;

export function isAvailabilityZoneId(az: string): boolean {
  return AZ_ID.test(az);
}

export type ParsedCniValue =
  { ok: true; value: boolean | number | string[] | PodSecurityGroupEnforcingMode } | { ok: false; expected: string };

/** Reads one env value (a string in the add-on JSON; YAML configurationValues may also give a boolean or number). */
export function parseCniValue(kind: CniValueKind, raw: unknown): ParsedCniValue {
  const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'boolean' || typeof raw === 'number' ? String(raw) : undefined;
  switch (kind) {
    case 'boolean': {
      const lower = text?.toLowerCase();
      return lower === 'true' || lower === 'false' ? { ok: true, value: lower === 'true' } : { ok: false, expected: '"true" or "false"' };
    }
    case 'count':
    case 'positive': {
      const min = kind === 'count' ? 0 : 1;
      const value = text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
      return value >= min ? { ok: true, value } : { ok: false, expected: `a whole number of at least ${min}` };
    }
    case 'cidrList': {
      // README: "comma separated list of IPv4 CIDRs".
      const items = (text ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      return text !== undefined ? { ok: true, value: items } : { ok: false, expected: 'a comma-separated list of CIDRs' };
    }
    case 'enforcingMode': {
      const lower = text?.toLowerCase();
      return lower === 'strict' || lower === 'standard'
        ? { ok: true, value: lower.toUpperCase() as PodSecurityGroupEnforcingMode }
        : { ok: false, expected: '"strict" or "standard"' };
    }
  }
}

function formatCniValue(kind: CniValueKind, value: unknown): string {
  switch (kind) {
    case 'cidrList':
      return (value as string[]).join(',');
    case 'enforcingMode':
      return String(value).toLowerCase();
    default:
      return String(value);
  }
}

/**
 * The environment a design sets, plus what its mode needs: an IPv6 cluster runs the CNI with ENABLE_IPv6=true,
 * ENABLE_IPv4=false and prefix delegation (README ENABLE_IPv6: "IPv6 is only supported in Prefix Delegation mode");
 * custom networking picks each node's ENIConfig by its zone label (README ENI_CONFIG_LABEL_DEF). Sorted by name.
 */
export function cniEnvironment(spec: DesignSpec): Record<string, string> {
  const cni = spec.cni ?? {};
  const env = new Map<string, string>();
  for (const variable of CNI_ENV_VARIABLES) {
    const value = cni[variable.field];
    if (value === undefined) continue;
    if (variable.kind === 'cidrList' && (value as string[]).length === 0) continue;
    env.set(variable.name, formatCniValue(variable.kind, value));
  }
  if (spec.ipFamily === 'IPV6') {
    env.set(ENABLE_IPV6_VARIABLE, 'true');
    env.set(ENABLE_IPV4_VARIABLE, 'false');
    env.set(PREFIX_DELEGATION_VARIABLE, 'true');
  }
  if (cni.customNetworking === true) {
    const byZoneId = (cni.eniConfigs ?? []).some((eniConfig) => isAvailabilityZoneId(eniConfig.az));
    env.set(ENI_CONFIG_LABEL_VARIABLE, byZoneId ? ZONE_ID_LABEL : ZONE_NAME_LABEL);
  }
  return Object.fromEntries([...env.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
