/** Shared test helpers: the bundled catalog as the plan's lookup, and a guard that scenario designs are valid. */
import { AWS_CATALOG } from '../../../catalog/data/aws-catalog.data.js';
import type { Finding } from '../../../common/findings/finding.js';
import type { DesignSpec } from '../../design-spec/design-spec.types.js';
import { validateDesignSpec } from '../../design-spec/design-spec.validator.js';
import { catalogContext } from '../../design-spec/fixtures/validation-context.fixture.js';
import type { PlanDependencies } from '../plan.types.js';

const catalog = new Map(AWS_CATALOG.instanceTypes.map((type) => [type.name, type]));

export const awsCatalog: PlanDependencies = { lookupInstanceType: (name) => catalog.get(name) };

/** The plan is only ever given valid designs; a scenario that is not valid would test nothing real. */
export function valid(spec: DesignSpec): DesignSpec {
  const result = validateDesignSpec(spec, catalogContext());
  if (!result.ok) throw new Error(`scenario design is invalid: ${JSON.stringify(result.details)}`);
  return result.spec;
}

/** ERROR and WARNING findings, reduced to what the scenarios assert. */
export function problems(findings: readonly Finding[]): Array<Pick<Finding, 'code' | 'severity' | 'path'>> {
  return findings.filter((finding) => finding.severity !== 'INFO').map(({ code, severity, path }) => ({ code, severity, path }));
}

export function brief(findings: readonly Finding[]): Array<Pick<Finding, 'code' | 'severity' | 'path'>> {
  return findings.map(({ code, severity, path }) => ({ code, severity, path }));
}
