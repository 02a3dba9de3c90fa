/**
 * eksctl keeps AWS identities both ways: an existing-VPC ClusterConfig (the shape of eksctl's examples/04-existing-vpc.yaml)
 * imports with vpc.id and its subnet IDs, and a design with vpc.id exports an existing-VPC config, never a new VPC.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importAwsBundle } from '../aws-import/index.js';
import { bundleFromFiles } from '../aws-import/aws-bundle.files.js';
import { InvalidInputError } from '../errors/planning-error.js';
import { validateDesignSpec } from '../spec/design-spec.validator.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { awsDumpFiles } from '../../../test/fixtures/aws/aws-dump.fixture.js';
import { catalogContext } from '../../../test/fixtures/spec/validation-context.fixture.js';
import { exportEksctl, exportEksctlWithNotes } from './eksctl-export.engine.js';
import { importEksctl } from './eksctl-import.engine.js';

const fixture = () => readFileSync('test/fixtures/eksctl/existing-vpc-ids.yaml', 'utf8');
const AT = '2026-12-04T18:00:00Z';

describe('eksctl identities', () => {
  it('imports an existing-VPC config with vpc.id and every subnet ID, and the design validates', () => {
    const { spec, unsupported } = importEksctl(fixture());
    expect(spec.vpc).toEqual({ id: 'vpc-0c1d2e3f4a5b6c7d8', cidrs: ['10.40.0.0/16'] });
    expect(spec.subnets.map(({ id, az, cidr }) => ({ id, az, cidr }))).toEqual([
      { id: 'subnet-0c1d2e3f4a5b6c701', az: 'eu-north-1a', cidr: '10.40.0.0/19' },
      { id: 'subnet-0c1d2e3f4a5b6c702', az: 'eu-north-1b', cidr: '10.40.32.0/19' },
      { id: 'subnet-0c1d2e3f4a5b6c703', az: 'eu-north-1c', cidr: '10.40.64.0/19' },
    ]);
    expect(unsupported.map((field) => field.path)).not.toContain('vpc.id');
    expect(validateDesignSpec(spec, catalogContext()).ok).toBe(true);
  });

  it('exports it back as the same existing VPC: vpc.id, subnets by name with id, az and cidr, no NAT settings', () => {
    const config = parse(exportEksctl(importEksctl(fixture()).spec));
    expect(config.vpc.id).toBe('vpc-0c1d2e3f4a5b6c7d8');
    expect(config.vpc.nat).toBeUndefined();
    expect(Object.values(config.vpc.subnets.private)).toEqual([
      { id: 'subnet-0c1d2e3f4a5b6c701', az: 'eu-north-1a', cidr: '10.40.0.0/19' },
      { id: 'subnet-0c1d2e3f4a5b6c702', az: 'eu-north-1b', cidr: '10.40.32.0/19' },
      { id: 'subnet-0c1d2e3f4a5b6c703', az: 'eu-north-1c', cidr: '10.40.64.0/19' },
    ]);
    expect(config.vpc.subnets.public).toBeUndefined();
  });

  it('subnets given only by id: a clear 400 naming each eksctl path, not "The design has no subnets"', () => {
    const idOnly = fixture().replace(/\n {8}cidr: "[^"]+"/g, '');
    const error = thrownBy(() => importEksctl(idOnly), InvalidInputError);
    expect(error.code).toBe('EKSCTL_SUBNETS_WITHOUT_CIDRS');
    expect(error.details.map((detail) => detail.path)).toEqual([
      'vpc.subnets.private.eu-north-1a',
      'vpc.subnets.private.eu-north-1b',
      'vpc.subnets.private.eu-north-1c',
    ]);
    expect(error.message).toContain('cidr');
    expect(error.message).toContain('/v1/designs/import/aws');
  });

  it('exports a design without IDs as a new VPC, as before', () => {
    const spec = importEksctl(fixture()).spec;
    delete spec.vpc.id;
    for (const subnet of spec.subnets) delete subnet.id;
    const config = parse(exportEksctl(spec));
    expect(config.vpc.id).toBeUndefined();
    expect(JSON.stringify(config.vpc)).not.toContain('subnet-');
  });

  it('property: AWS import → eksctl export → eksctl import keeps the VPC ID and every subnet ID (seeded)', () => {
    const text = JSON.stringify(bundleFromFiles(awsDumpFiles()));
    const original = [...new Set(text.match(/\b(?:vpc|subnet)-[0-9a-f]{17}\b/g))];
    const hex17 = fc.stringMatching(/^[0-9a-f]{17}$/);
    fc.assert(
      fc.property(fc.uniqueArray(hex17, { minLength: original.length, maxLength: original.length }), (hexes) => {
        // The same dump with other IDs everywhere they appear (subnets, route tables, cluster, node groups, ENIConfigs).
        let renamed = text;
        original.forEach((id, i) => (renamed = renamed.replaceAll(id, `${id.slice(0, id.indexOf('-'))}-${hexes[i]}`)));
        const imported = importAwsBundle(JSON.parse(renamed), { observedAt: AT }).spec;
        const again = importEksctl(exportEksctlWithNotes(imported).yaml).spec;
        expect(again.vpc.id).toBe(imported.vpc.id);
        expect(again.subnets.map((subnet) => [subnet.cidr, subnet.id])).toEqual(imported.subnets.map((subnet) => [subnet.cidr, subnet.id]));
        expect(imported.subnets.every((subnet) => hexes.some((hex) => subnet.id === `subnet-${hex}`))).toBe(true);
      }),
      { seed: 13, numRuns: 40 },
    );
  });
});
