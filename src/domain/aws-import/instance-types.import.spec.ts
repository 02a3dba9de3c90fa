/** describe-instance-types (as the AWS CLI prints it, examples/describe-instance-types.json) → catalog records. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../catalog/catalog-index.js';
import { AWS_CATALOG, AWS_CATALOG_NAME } from '../catalog/data/aws-catalog.data.js';
import { InvalidInputError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { importInstanceTypes as sut } from './instance-types.import.js';

const output = () => JSON.parse(readFileSync(new URL('../../../examples/describe-instance-types.json', import.meta.url), 'utf8'));
const aws = buildIndex(AWS_CATALOG_NAME, true, AWS_CATALOG.instanceTypes);
const known = (name: string) => aws.byName.get(name);

describe('importInstanceTypes', () => {
  const imported = sut(output(), known);
  const record = (name: string) => imported.instanceTypes.find((type) => type.name === name)!;

  it('matches the shipped aws catalog for a type it knows (m5.large), branch ENIs included', () => {
    expect(record('m5.large')).toEqual(known('m5.large'));
  });

  it('reads a type newer than the shipped table: default network card, vCPUs, other cards; branch ENIs unknown with a warning', () => {
    expect(known('m10i.large')).toBeUndefined();
    expect(record('m10i.large')).toEqual({
      name: 'm10i.large',
      family: 'm10i',
      vcpu: 2,
      maxEnis: 4,
      ipv4PerEni: 12,
      hypervisor: 'NITRO',
      bareMetal: false,
      networkCards: [
        { index: 0, maxEnis: 4 },
        { index: 1, maxEnis: 2 },
      ],
      defaultNetworkCardIndex: 0,
      branchInterfaces: null,
      trunkingCompatible: null,
    });
    expect(imported.warnings).toEqual([
      expect.objectContaining({ code: 'INSTANCE_TYPE_BRANCH_ENIS_UNKNOWN', path: 'instanceTypes.InstanceTypes' }),
    ]);
    expect(imported.warnings[0].message).toContain('m10i.large');
  });

  it('reads a bare-metal type without Hypervisor as UNKNOWN', () => {
    expect(record('m5.metal')).toMatchObject({ hypervisor: 'UNKNOWN', bareMetal: true, vcpu: 96, maxEnis: 15, ipv4PerEni: 50 });
  });

  it('answers AWS_INSTANCE_TYPES_INVALID or AWS_OUTPUT_MISMATCH with the JSON path', () => {
    const broken = output();
    broken.InstanceTypes[1].NetworkInfo.Ipv4AddressesPerInterface = '15';
    expect(thrownBy(() => sut(broken, known), InvalidInputError).details[0]).toMatchObject({
      path: 'instanceTypes.InstanceTypes[1].NetworkInfo.Ipv4AddressesPerInterface',
    });
    expect(thrownBy(() => sut({ Subnets: [] }, known), InvalidInputError).code).toBe('AWS_OUTPUT_MISMATCH');
    expect(thrownBy(() => sut('{"InstanceTypes": [', known), InvalidInputError).code).toBe('AWS_INSTANCE_TYPES_INVALID');
    expect(thrownBy(() => sut({ InstanceTypes: [] }, known), InvalidInputError).code).toBe('AWS_INSTANCE_TYPES_INVALID');
  });
});
