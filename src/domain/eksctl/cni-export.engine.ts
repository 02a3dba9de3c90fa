/**
 * exportCni: the VPC CNI configuration a design implies, three ways: the aws-node environment as a
 * `kubectl set env` command, as the EKS add-on `configurationValues` JSON, and the design's ENIConfig manifests
 * (crd.k8s.amazonaws.com/v1alpha1, one per Availability Zone, named after the zone). ENIConfigs only take effect
 * with custom networking on, which is also when the zone label that selects them is set.
 */
import { stringify } from 'yaml';
import type { DesignSpec, EniConfig } from '../spec/design-spec.types.js';
import { cniEnvironment } from './cni-env.mapper.js';
import type { CniExport } from './eksctl.types.js';

export const ENI_CONFIG_API_VERSION = 'crd.k8s.amazonaws.com/v1alpha1';

/** Characters a shell passes through unquoted. */
const SHELL_SAFE = /^[A-Za-z0-9._,/:=@+-]+$/;

export function exportCni(spec: DesignSpec): CniExport {
  const env = cniEnvironment(spec);
  const eniConfigs = spec.cni?.eniConfigs ?? [];
  return {
    env,
    setEnvCommand: setEnvCommand(env),
    configurationValues: configurationValues(spec, env, eniConfigs),
    eniConfigs: eniConfigManifests(eniConfigs),
  };
}

function setEnvCommand(env: Record<string, string>): string {
  const assignments = Object.entries(env).map(
    ([name, value]) => `${name}=${SHELL_SAFE.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`}`,
  );
  if (assignments.length === 0) return '';
  return ['kubectl set env daemonset aws-node -n kube-system', ...assignments].join(' \\\n  ');
}

/**
 * The EKS add-on form. ENIConfigs go in the add-on's `eniConfig` (charts/aws-vpc-cni/values.yaml: create, region,
 * subnets keyed by zone with `id` and `securityGroups`); `id` holds the design's subnet name until the subnet exists.
 */
function configurationValues(spec: DesignSpec, env: Record<string, string>, eniConfigs: readonly EniConfig[]): string {
  const values: Record<string, unknown> = { env };
  if (eniConfigs.length > 0) {
    values.eniConfig = {
      create: true,
      region: spec.region,
      subnets: Object.fromEntries(
        eniConfigs.map((eniConfig) => [
          eniConfig.az,
          { id: eniConfig.subnet, ...(eniConfig.securityGroups?.length ? { securityGroups: eniConfig.securityGroups } : {}) },
        ]),
      ),
    };
  }
  return JSON.stringify(values);
}

/** ENIConfig `spec.subnet` needs a subnet ID: the design's subnet name stands in for it (a comment says which). */
function eniConfigManifests(eniConfigs: readonly EniConfig[]): string {
  return eniConfigs
    .map((eniConfig) => {
      const manifest = {
        apiVersion: ENI_CONFIG_API_VERSION,
        kind: 'ENIConfig',
        metadata: { name: eniConfig.az },
        spec: { subnet: eniConfig.subnet, ...(eniConfig.securityGroups?.length ? { securityGroups: eniConfig.securityGroups } : {}) },
      };
      return `# subnet: the ID of subnet ${eniConfig.subnet} (${eniConfig.az})\n${stringify(manifest, { lineWidth: 0 })}`;
    })
    .join('---\n');
}
