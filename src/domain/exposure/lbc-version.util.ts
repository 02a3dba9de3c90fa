/** AWS Load Balancer Controller versions and the features that appeared in them. */
import { InvalidInputError } from '../errors/planning-error.js';
import type { ExposureContext } from './exposure.types.js';

export type Version = readonly [number, number, number];

/** Features gated by controller version, with the release that introduced them. */
export const LBC_FEATURES = {
  /** `spec.loadBalancerClass: service.k8s.aws/nlb` ([LBC-NLB] L41). */
  loadBalancerClass: [2, 4, 0],
  /** Service mutator webhook ([LBC-SA] L724). */
  serviceMutatorWebhook: [2, 5, 0],
  /** Subnet discovery falls back to route reachability when no subnet has role tags ([LBC-SUB] L17-18). */
  subnetReachabilityFallback: [2, 12, 1],
  /** `alb.ingress.kubernetes.io/enable-frontend-nlb` (LBC PR #4126, released in v2.13.0). */
  frontendNlb: [2, 13, 0],
} as const satisfies Record<string, Version>;

export type LbcFeature = keyof typeof LBC_FEATURES;

export function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+][0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

export function requireVersion(text: string, path: string): Version {
  const version = parseVersion(text);
  if (!version) {
    throw new InvalidInputError('INVALID_LBC_VERSION', `${path}: "${text}" is not a version like 2.13.0`, [
      { path, message: `"${text}" is not a version like 2.13.0`, code: 'INVALID_LBC_VERSION' },
    ]);
  }
  return version;
}

export function compareVersions(a: Version, b: Version): number {
  for (let index = 0; index < 3; index += 1) {
    if (a[index] !== b[index]) return a[index] - b[index];
  }
  return 0;
}

export function lbcSupports(version: Version, feature: LbcFeature): boolean {
  return compareVersions(version, LBC_FEATURES[feature]) >= 0;
}

/** The service mutator webhook hands new LoadBalancer Services to the LBC: the LBC is installed, the webhook enabled, v2.5 or later. */
export function webhookActive(context: Pick<ExposureContext, 'controller' | 'serviceMutatorWebhook'>, version: Version): boolean {
  return context.controller === 'LBC' && context.serviceMutatorWebhook && lbcSupports(version, 'serviceMutatorWebhook');
}

export function formatVersion(version: Version): string {
  return version.join('.');
}
