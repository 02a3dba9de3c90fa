/**
 * eksctl fidelity (issue 17 item 7), each case built from eksctl's own definitions at eksctl-io/eksctl@99984adb:
 * the Windows AMI families (pkg/apis/eksctl.io/v1alpha5/types.go L226-233, supported list L614-619), Auto Mode
 * (auto_mode.go L18-28; defaults.go L65-68: both built-in pools when nodePools is unset) and the NodeGroupBase field
 * names (desiredCapacity, maxPodsPerNode).
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '../errors/planning-error.js';
import { validateDesignSpec } from '../spec/design-spec.validator.js';
import { catalogContext } from '../../../test/fixtures/spec/validation-context.fixture.js';
import { exportEksctlWithNotes } from './eksctl-export.engine.js';
import { importEksctl, inEksctlPaths } from './eksctl-import.engine.js';

const HEADER = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-east-1\n';
const VPC = [
  'vpc:',
  '  cidr: 10.0.0.0/16',
  '  subnets:',
  '    public:',
  '      us-east-1a: { cidr: 10.0.0.0/24 }',
  '      us-east-1b: { cidr: 10.0.1.0/24 }',
  '    private:',
  '      us-east-1a: { cidr: 10.0.16.0/20 }',
  '      us-east-1b: { cidr: 10.0.32.0/20 }',
  '',
].join('\n');

const WINDOWS_FAMILIES = [
  'WindowsServer2019CoreContainer',
  'WindowsServer2019FullContainer',
  'WindowsServer2022CoreContainer',
  'WindowsServer2022FullContainer',
  'WindowsServer2025CoreContainer',
  'WindowsServer2025FullContainer',
];

describe('eksctl fidelity', () => {
  it.each(WINDOWS_FAMILIES)('%s round-trips exactly through the design', (family) => {
    const config = `${HEADER}${VPC}nodeGroups:\n  - name: win\n    amiFamily: ${family}\n    instanceType: m5.large\n    privateNetworking: true\n`;
    const imported = importEksctl(config);
    expect(imported.spec.nodeGroups[0]?.amiFamily).toBe('WINDOWS');
    const exported = exportEksctlWithNotes(imported.spec);
    expect((parse(exported.yaml) as { nodeGroups: { amiFamily: string }[] }).nodeGroups[0]?.amiFamily).toBe(family);
    expect(exported.notExported.map((note) => note.path)).not.toContain('nodeGroups[0].windowsVariant');
    expect(importEksctl(exported.yaml).spec).toEqual(imported.spec);
  });

  it('a windowsVariant without amiFamily WINDOWS is a validation problem', () => {
    const { spec } = importEksctl(
      `${HEADER}${VPC}managedNodeGroups:\n  - name: web\n    instanceType: m5.large\n    privateNetworking: true\n`,
    );
    const result = validateDesignSpec(
      { ...spec, nodeGroups: [{ ...spec.nodeGroups[0], windowsVariant: 'WINDOWS_SERVER_2019_FULL' }] },
      catalogContext(),
    );
    expect(result.ok ? [] : result.details.map((detail) => detail.code)).toEqual(['WINDOWS_VARIANT_WITHOUT_WINDOWS']);
  });

  it('lists what the ClusterConfig cannot hold as a comment block in the YAML itself, each path once', () => {
    const { spec } = importEksctl(
      `${HEADER}${VPC}managedNodeGroups:\n  - name: web\n    instanceType: m5.large\n    privateNetworking: true\n`,
    );
    const design = {
      ...spec,
      nodeGroups: [
        ...spec.nodeGroups,
        {
          name: 'burst',
          kind: 'KARPENTER' as const,
          instanceTypes: ['m5.large'],
          subnets: spec.nodeGroups[0].subnets,
          minSize: 0,
          desiredSize: 0,
          maxSize: 5,
        },
      ],
      workloads: [{ name: 'api', nodeGroup: 'web', replicas: 3 }],
    };
    const exported = exportEksctlWithNotes(design);
    const paths = exported.notExported.map((note) => note.path);
    expect(paths).toEqual([...new Set(paths)]);
    expect(paths).toEqual(expect.arrayContaining(['nodeGroups[1]', 'workloads']));
    const comment = exported.yaml.slice(0, exported.yaml.indexOf('apiVersion:'));
    for (const note of exported.notExported) expect(comment).toContain(`#   ${note.path}: `);
    expect(comment.split('\n').filter((line) => line.startsWith('#   '))).toHaveLength(exported.notExported.length);
    // Still a plain ClusterConfig that eksctl (and the import) reads.
    expect(parse(exported.yaml)).toMatchObject({ apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig' });
    expect(importEksctl(exported.yaml).spec.nodeGroups.map((group) => group.name)).toEqual(['web']);
  });

  it('Auto Mode clusters import as AUTO_MODE node groups: both built-in pools by default, the listed ones otherwise', () => {
    const enabled = importEksctl(`${HEADER}${VPC}autoModeConfig:\n  enabled: true\n`);
    expect(enabled.spec.nodeGroups.map((group) => [group.name, group.kind])).toEqual([
      ['general-purpose', 'AUTO_MODE'],
      ['system', 'AUTO_MODE'],
    ]);
    expect(enabled.spec.nodeGroups[0]?.subnets).toEqual(['private-us-east-1a', 'private-us-east-1b']);
    expect(enabled.warnings.map((warning) => warning.code)).toContain('AUTO_MODE_NODE_POOLS_ASSUMED');
    const valid = validateDesignSpec(enabled.spec, catalogContext());
    expect(valid.ok ? [] : valid.details).toEqual([]);
    const listed = importEksctl(`${HEADER}${VPC}autoModeConfig:\n  enabled: true\n  nodePools: [system]\n`);
    expect(listed.spec.nodeGroups.map((group) => group.name)).toEqual(['system']);
    expect(importEksctl(`${HEADER}${VPC}autoModeConfig:\n  enabled: false\n`).spec.nodeGroups).toEqual([]);
    // Export writes the pools back, and the import reads the same node groups again.
    const exported = exportEksctlWithNotes(enabled.spec);
    expect(parse(exported.yaml)).toMatchObject({ autoModeConfig: { enabled: true, nodePools: ['general-purpose', 'system'] } });
    expect(importEksctl(exported.yaml).spec.nodeGroups).toEqual(enabled.spec.nodeGroups);
  });

  it('design validation errors of an import speak in the ClusterConfig paths', () => {
    const imported = importEksctl(
      `${HEADER}${VPC}fargateProfiles:\n  - name: fp\n    selectors: [{ namespace: jobs }]\nmanagedNodeGroups:\n  - name: web\n    instanceType: m5.large\n    privateNetworking: true\n    minSize: 1\n    maxSize: 3\n    desiredCapacity: 2\n`,
    );
    const web = imported.spec.nodeGroups.findIndex((group) => group.name === 'web');
    const result = validateDesignSpec(
      { ...imported.spec, nodeGroups: imported.spec.nodeGroups.map((group, i) => (i === web ? { ...group, desiredSize: 9 } : group)) },
      catalogContext(),
    );
    expect(result.ok).toBe(false);
    const error = inEksctlPaths(new ValidationFailedError(result.ok ? [] : result.details), imported);
    expect(error.details.map((detail) => detail.path)).toEqual(['managedNodeGroups[0].desiredCapacity']);
    expect(error.details[0]?.message).toContain(`design path nodeGroups[${web}].desiredSize`);
  });
});
