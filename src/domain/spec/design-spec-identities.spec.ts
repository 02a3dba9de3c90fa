/** AWS identities and observations in a DesignSpec: ID forms, uniqueness, observation bounds, and old designs unchanged. */
import { describe, expect, it } from 'vitest';
import { validateDesignSpec as sut, type DesignSpecValidation } from './design-spec.validator.js';
import { validDesign } from '../../../test/fixtures/spec/valid-design.fixture.js';
import { catalogContext } from '../../../test/fixtures/spec/validation-context.fixture.js';

const context = catalogContext();

function designWith(mutate: (design: any) => void): unknown {
  const design = validDesign();
  mutate(design);
  return design;
}

function failures(result: DesignSpecValidation): { path: string; code: string | undefined }[] {
  return result.ok ? [] : result.details.map(({ path, code }) => ({ path, code }));
}

describe('DesignSpec identities', () => {
  it('keeps every identity and observation of a valid brownfield design', () => {
    const input = designWith((design) => {
      design.clusterName = 'payments_prod-2';
      design.vpc.id = 'vpc-0a1b2c3d4e5f67890';
      design.subnets[0].id = 'subnet-0a1b2c3d';
      design.subnets[0].observed = { availableIps: 240, at: '2026-12-04T18:00:00.123+01:00' };
      design.subnets[1].id = 'subnet-0a1b2c3d4e5f67891';
      design.natGateways[0].id = 'nat-0a1b2c3d4e5f67890';
      design.natGateways[0].eip = '203.0.113.10';
      design.securityGroups[0].id = 'sg-0a1b2c3d4e5f67890';
      design.nodeGroups[0].currentSize = 4;
    });
    const result = sut(input, context);
    expect(failures(result)).toEqual([]);
    expect(result.ok && result.spec).toEqual(input);
  });

  it('reads a design saved before identities existed exactly as before', () => {
    const old = validDesign();
    const result = sut(JSON.parse(JSON.stringify(old)), context);
    expect(result.ok && result.spec).toEqual(old);
    expect(result.ok && 'observed' in result.spec.subnets[0]).toBe(false);
  });

  it.each([
    ['vpc.id', (d: any) => (d.vpc.id = 'vpc-123'), 'AWS_ID_INVALID'],
    ['vpc.id', (d: any) => (d.vpc.id = 'subnet-0a1b2c3d'), 'AWS_ID_INVALID'],
    ['subnets[0].id', (d: any) => (d.subnets[0].id = 'subnet-0A1B2C3D'), 'AWS_ID_INVALID'],
    ['subnets[0].id', (d: any) => (d.subnets[0].id = 'subnet-0a1b2c3d4e5f6789'), 'AWS_ID_INVALID'],
    ['natGateways[0].id', (d: any) => (d.natGateways[0].id = 'igw-0a1b2c3d'), 'AWS_ID_INVALID'],
    ['natGateways[0].eip', (d: any) => (d.natGateways[0].eip = '203.0.113.256'), 'IP_ADDRESS_INVALID'],
    ['securityGroups[0].id', (d: any) => (d.securityGroups[0].id = 'sg-xyz12345'), 'AWS_ID_INVALID'],
    ['clusterName', (d: any) => (d.clusterName = '-starts-with-hyphen'), 'CLUSTER_NAME_INVALID'],
    ['clusterName', (d: any) => (d.clusterName = 'has.dot'), 'CLUSTER_NAME_INVALID'],
    ['nodeGroups[0].currentSize', (d: any) => (d.nodeGroups[0].currentSize = -1), 'NUMBER_OUT_OF_RANGE'],
    ['nodeGroups[0].currentSize', (d: any) => (d.nodeGroups[0].currentSize = 1.5), 'INTEGER_REQUIRED'],
    ['subnets[0].observed.at', (d: any) => (d.subnets[0].observed = { availableIps: 1, at: '2026-12-04 18:00' }), 'DATE_TIME_INVALID'],
    ['subnets[0].observed.at', (d: any) => (d.subnets[0].observed = { availableIps: 1, at: '2026-13-45T99:00:00Z' }), 'DATE_TIME_INVALID'],
    [
      'subnets[0].observed.availableIps',
      (d: any) => (d.subnets[0].observed = { availableIps: '12', at: '2026-12-04T18:00:00Z' }),
      'TYPE_MISMATCH',
    ],
    ['subnets[0].observed.at', (d: any) => (d.subnets[0].observed = { availableIps: 12 }), 'FIELD_REQUIRED'],
    [
      'subnets[0].observed.source',
      (d: any) => (d.subnets[0].observed = { availableIps: 12, at: '2026-12-04T18:00:00Z', source: 'x' }),
      'FIELD_UNKNOWN',
    ],
  ])('%s: %s', (path, mutate, code) => {
    expect(failures(sut(designWith(mutate), context))).toEqual([{ path, code }]);
  });

  it('refuses more observed free addresses than the subnet can hold', () => {
    // public-a is a /24: 256 − 5 = 251 usable.
    const input = designWith((design) => {
      design.subnets[0].observed = { availableIps: 252, at: '2026-12-04T18:00:00Z' };
      design.subnets[1].observed = { availableIps: 251, at: '2026-12-04T18:00:00Z' };
    });
    expect(validDesign().subnets[0].cidr).toMatch(/\/24$/);
    expect(failures(sut(input, context))).toEqual([{ path: 'subnets[0].observed.availableIps', code: 'OBSERVED_IPS_ABOVE_USABLE' }]);
  });

  it('reports an AWS ID used twice in one list at the second entry, naming the first', () => {
    const result = sut(
      designWith((design) => {
        design.subnets[0].id = 'subnet-0a1b2c3d';
        design.subnets[2].id = 'subnet-0a1b2c3d';
        design.natGateways[0].eip = '203.0.113.10';
        design.natGateways[1].eip = '203.0.113.10';
        design.securityGroups[0].id = 'sg-0a1b2c3d';
        design.securityGroups[1].id = 'sg-0a1b2c3d';
      }),
      context,
    );
    expect(failures(result)).toEqual([
      { path: 'subnets[2].id', code: 'DUPLICATE_AWS_ID' },
      { path: 'natGateways[1].eip', code: 'DUPLICATE_AWS_ID' },
      { path: 'securityGroups[1].id', code: 'DUPLICATE_AWS_ID' },
    ]);
    expect(!result.ok && result.details[0].message).toContain('subnets[0]');
  });
});
