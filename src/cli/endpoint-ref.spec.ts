import { describe, expect, it } from 'vitest';
import { PlanningError } from '../domain/errors/planning-error.js';
import { parseEndpointRef as sut } from './endpoint-ref.js';

describe('parseEndpointRef', () => {
  it('reads every endpoint form of the API', () => {
    expect(sut('pod:checkout', '--from')).toEqual({ kind: 'POD', workload: 'checkout' });
    expect(sut('pod:shop/checkout', '--from')).toEqual({ kind: 'POD', workload: 'checkout', namespace: 'shop' });
    expect(sut('service:checkout', '--to')).toEqual({ kind: 'SERVICE', workload: 'checkout' });
    expect(sut('svc:web', '--to')).toEqual({ kind: 'SERVICE', workload: 'web' });
    expect(sut('node:general', '--from')).toEqual({ kind: 'NODE', nodeGroup: 'general' });
    expect(sut('internet:93.184.216.34', '--to')).toEqual({ kind: 'INTERNET', ip: '93.184.216.34' });
    expect(sut('vpc-host:10.0.5.5', '--to')).toEqual({ kind: 'VPC_HOST', ip: '10.0.5.5' });
    expect(sut('VPC_HOST:10.0.5.5', '--to')).toEqual({ kind: 'VPC_HOST', ip: '10.0.5.5' });
    expect(sut('peer:on-prem:192.168.1.10', '--to')).toEqual({ kind: 'PEER', network: 'on-prem', ip: '192.168.1.10' });
    expect(sut('eks-api', '--to')).toEqual({ kind: 'EKS_API' });
  });

  it('keeps the colons of IPv6 addresses', () => {
    expect(sut('internet:2001:db8::1', '--to')).toEqual({ kind: 'INTERNET', ip: '2001:db8::1' });
    expect(sut('peer:dc:2001:db8:5::10', '--to')).toEqual({ kind: 'PEER', network: 'dc', ip: '2001:db8:5::10' });
  });

  it.each([
    ['pod', 'pod needs a workload name'],
    ['internet:example.com', '"example.com" is not an IPv4 or IPv6 address'],
    ['peer:192.168.1.10', 'peer needs <network>:<ip>'],
    ['peer:dc:not-an-ip', '"not-an-ip" is not an IPv4 or IPv6 address'],
    ['peer:on-prem', 'peer needs <network>:<ip>'],
    ['eks-api:x', 'eks-api takes no reference'],
    ['lambda:fn', 'unknown endpoint kind "lambda"'],
  ])('refuses %s with a coded usage error', (ref, why) => {
    let error: unknown;
    try {
      sut(ref, '--to');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PlanningError);
    expect(error).toMatchObject({ code: 'INVALID_ENDPOINT', kind: 'INVALID_INPUT' });
    expect((error as Error).message).toContain(`--to "${ref}": ${why}`);
  });
});
