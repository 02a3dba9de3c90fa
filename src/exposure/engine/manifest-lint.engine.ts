/**
 * `lintManifests`: checks a YAML stream (one or many documents, e.g. a whole `helm template` output) against the
 * research/exposure.md rules. Kinds other than Service, Ingress, IngressClass and IngressClassParams are ignored.
 */
import { ValidationFailedError, type ErrorDetail } from '../../common/errors/planning-error.js';
import { IP_FAMILIES } from '../../designs/design-spec/design-spec.types.js';
import { lintAnnotations } from './annotation-lint.rules.js';
import {
  CLUSTER_LB_CONTROLLERS,
  CNI_KINDS,
  COMPUTE_KINDS,
  DEFAULT_EXPOSURE_CONTEXT,
  POD_SECURITY_GROUP_MODES,
  type LintContext,
  type LintContextInput,
  type LintResult,
} from './exposure.types.js';
import { lintIngressGroups } from './ingress-group-lint.rules.js';
import { lintIngresses } from './ingress-lint.rules.js';
import { requireVersion } from './lbc-version.util.js';
import { FindingCollector } from './lint-findings.collector.js';
import { lintChanges } from './manifest-change-lint.rules.js';
import { parseManifestDocuments } from './manifest-documents.parser.js';
import { ManifestIndex, webhookActive, type NormalizedLintContext } from './manifest.index.js';
import { lintServices } from './service-lint.rules.js';

export function lintManifests(yamlText: string, context?: LintContextInput): LintResult {
  const normalized = normalizeLintContext(context ?? {});
  const resources = parseManifestDocuments(yamlText, { defaultNamespace: normalized.defaultNamespace, label: 'manifests' });
  const index = new ManifestIndex(resources, normalized);
  const findings = new FindingCollector();
  lintAnnotations(index, findings);
  lintServices(index, findings);
  lintIngresses(index, findings);
  lintIngressGroups(index, findings);
  if (normalized.previousManifests !== undefined) {
    const previous = parseManifestDocuments(normalized.previousManifests, { defaultNamespace: normalized.defaultNamespace, label: 'previousManifests' });
    lintChanges(index, new ManifestIndex(previous, normalized), findings);
  }
  return { findings: findings.all() };
}

export function normalizeLintContext(input: LintContextInput): NormalizedLintContext {
  const details: ErrorDetail[] = [];
  const oneOf = (field: keyof LintContextInput, allowed: readonly string[]): void => {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value))) {
      details.push({ path: `context.${field}`, message: `must be one of ${allowed.join(', ')}` });
    }
  };
  oneOf('compute', COMPUTE_KINDS);
  oneOf('ipFamily', IP_FAMILIES);
  oneOf('controller', CLUSTER_LB_CONTROLLERS);
  oneOf('podSecurityGroups', POD_SECURITY_GROUP_MODES);
  oneOf('cni', CNI_KINDS);
  for (const flag of ['serviceMutatorWebhook', 'enableIpTargetType'] as const) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') details.push({ path: `context.${flag}`, message: 'must be a boolean' });
  }
  if (input.previousManifests !== undefined && typeof input.previousManifests !== 'string') {
    details.push({ path: 'context.previousManifests', message: 'must be a YAML string' });
  }
  if (input.subnets !== undefined && !Array.isArray(input.subnets)) details.push({ path: 'context.subnets', message: 'must be a list of subnets' });
  if (details.length > 0) throw new ValidationFailedError(details);
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<LintContext>;
  const context: LintContext = { ...DEFAULT_EXPOSURE_CONTEXT, ...defined };
  const version = requireVersion(context.lbcVersion, 'context.lbcVersion');
  return { ...context, version, webhookActive: webhookActive(context, version) };
}
