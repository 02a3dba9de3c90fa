import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/planning-error.js';
import { eksDefaultClusterSecurityGroup, egressVerdicts, evaluateIngress, type ResolvedSecurityGroup } from './security-group.evaluator.js';

const web: ResolvedSecurityGroup = {
  name: 'web-sg',
  origin: 'DESIGN',
  ingress: [
    { protocol: 'TCP', ports: '443', from: '0.0.0.0/0' },
    { protocol: 'TCP', ports: '30000-32767', from: '10.0.0.0/16' },
    { protocol: 'UDP', ports: '53', from: 'dns-sg' },
    { protocol: 'ICMP', from: '10.0.0.0/8' },
    { protocol: 'TCP', ports: '8443', from: '2600:1f14::/32' },
  ],
};

describe('evaluateIngress', () => {
  it('matches protocol, port and CIDR, and names the rule that admitted the packet', () => {
    const sut = evaluateIngress([web], { src: '8.8.8.8', srcSecurityGroups: [], protocol: 'TCP', port: 443 });
    expect(sut).toEqual({
      allowed: true,
      verdicts: [{ name: 'web-sg', direction: 'INGRESS', allowed: true, rule: 'TCP 443 from 0.0.0.0/0' }],
    });
  });

  it('honours port ranges and the source CIDR', () => {
    expect(evaluateIngress([web], { src: '10.0.3.3', srcSecurityGroups: [], protocol: 'TCP', port: 31000 }).allowed).toBe(true);
    expect(evaluateIngress([web], { src: '10.1.3.3', srcSecurityGroups: [], protocol: 'TCP', port: 31000 }).allowed).toBe(false);
    expect(evaluateIngress([web], { src: '10.0.3.3', srcSecurityGroups: [], protocol: 'TCP', port: 29999 }).allowed).toBe(false);
  });

  it('matches a source security group only when the sending ENI carries it', () => {
    expect(evaluateIngress([web], { src: '10.0.9.9', srcSecurityGroups: ['dns-sg'], protocol: 'UDP', port: 53 }).allowed).toBe(true);
    expect(evaluateIngress([web], { src: '10.0.9.9', srcSecurityGroups: ['other'], protocol: 'UDP', port: 53 }).allowed).toBe(false);
    expect(evaluateIngress([web], { src: '10.0.9.9', srcSecurityGroups: ['dns-sg'], protocol: 'TCP', port: 53 }).allowed).toBe(false);
  });

  it('ignores ports for ICMP, and matches IPv6 sources only against IPv6 CIDRs', () => {
    expect(evaluateIngress([web], { src: '10.200.0.1', srcSecurityGroups: [], protocol: 'ICMP', port: 0 }).allowed).toBe(true);
    expect(evaluateIngress([web], { src: '2600:1f14:1::5', srcSecurityGroups: [], protocol: 'TCP', port: 8443 }).allowed).toBe(true);
    expect(evaluateIngress([web], { src: '2600:1f15:1::5', srcSecurityGroups: [], protocol: 'TCP', port: 443 }).allowed).toBe(false);
  });

  it('admits when any group on the ENI admits, and reports each group', () => {
    const sut = evaluateIngress([eksDefaultClusterSecurityGroup(), web], {
      src: '10.0.1.1',
      srcSecurityGroups: ['eks-cluster-sg'],
      protocol: 'TCP',
      port: 22,
    });
    expect(sut.allowed).toBe(true);
    expect(sut.verdicts).toEqual([
      { name: 'eks-cluster-sg', direction: 'INGRESS', allowed: true, rule: 'ALL all ports from eks-cluster-sg' },
      { name: 'web-sg', direction: 'INGRESS', allowed: false },
    ]);
  });

  it('rejects unreadable port ranges and CIDRs with host bits', () => {
    const badPorts: ResolvedSecurityGroup = {
      name: 'x',
      origin: 'DESIGN',
      ingress: [{ protocol: 'TCP', ports: 'https', from: '0.0.0.0/0' }],
    };
    expect(() => evaluateIngress([badPorts], { src: '1.1.1.1', srcSecurityGroups: [], protocol: 'TCP', port: 443 })).toThrow(
      InvalidInputError,
    );
    const badCidr: ResolvedSecurityGroup = { name: 'y', origin: 'DESIGN', ingress: [{ protocol: 'ALL', from: '10.0.0.1/16' }] };
    expect(() => evaluateIngress([badCidr], { src: '1.1.1.1', srcSecurityGroups: [], protocol: 'TCP', port: 443 })).toThrow(/host bits/);
  });

  it('lists the default egress rule for every group', () => {
    expect(egressVerdicts([web])).toEqual([
      { name: 'web-sg', direction: 'EGRESS', allowed: true, rule: 'ALL to 0.0.0.0/0, ::/0 (default egress)' },
    ]);
  });
});
