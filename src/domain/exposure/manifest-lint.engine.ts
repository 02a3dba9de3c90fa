/**
 * `lintManifests`: checks a YAML stream (one or many documents, e.g. a whole `helm template` output) against the
 * exposure.md rules. Kinds other than Service, Ingress, IngressClass and IngressClassParams are ignored.
 */
import type { ErrorDetail } from '../errors/planning-error.js';
import { lintAnnotations } from './annotation-lint.rules.js';
import { normalizeExposureContext } from './exposure-decision.engine.js';
import type { LintContext, LintContextInput, LintResult } from './exposure.types.js';
import { lintIngressGroups } from './ingress-group-lint.rules.js';
import { lintIngresses } from './ingress-lint.rules.js';
import { webhookActive } from './lbc-version.util.js';
import { FindingCollector } from './lint-findings.collector.js';
import { lintChanges } from './manifest-change-lint.rules.js';
import { parseManifestDocuments } from './manifest-documents.parser.js';
import { ManifestIndex, type NormalizedLintContext } from './manifest.index.js';
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
    const previous = parseManifestDocuments(normalized.previousManifests, {
      defaultNamespace: normalized.defaultNamespace,
      label: 'previousManifests',
    });
    lintChanges(index, new ManifestIndex(previous, normalized), findings);
  }
  return { findings: findings.all() };
}

export function normalizeLintContext(input: LintContextInput): NormalizedLintContext {
  const details: ErrorDetail[] = [];
  if (input.previousManifests !== undefined && typeof input.previousManifests !== 'string') {
    details.push({ path: 'context.previousManifests', message: 'must be a YAML string' });
  }
  const { context, version } = normalizeExposureContext<LintContext>(input, details);
  return { ...context, version, webhookActive: webhookActive(context, version) };
}
