import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrContainsAddress, parseCidr } from '../network/cidr.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { AddressPlan } from './address-plan.js';
import { DesignLookup } from './design-lookup.js';
import { PodNetwork } from './pod-network.js';
import {
  customNetworkingCluster,
  ipv6Cluster,
  privateCluster,
  sgForPodsCluster,
  variant,
} from '../../../test/fixtures/traffic-path/designs.scenario.js';
import { podEgressTranslation } from './snat.rules.js';

function translate(design: DesignSpec, workload: string, dst: string) {
  const lookup = new DesignLookup(design);
  const addresses = new AddressPlan(lookup, () => undefined);
  const pods = new PodNetwork(lookup, addresses, () => undefined);
  const { workload: found, index } = lookup.workload(workload, undefined, 'x');
  const pod = pods.place(found, index, 0, addresses.node(found.nodeGroup, 0, 'x'));
  return podEgressTranslation(lookup, pod, dst);
}

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join('.'));
const vpc = parseCidr('10.0.0.0/16');

describe('podEgressTranslation', () => {
  it('never SNATs a destination inside a VPC CIDR, and SNATs everything else by default', () => {
    fc.assert(
      fc.property(ipv4, (dst) => {
        const sut = translate(privateCluster, 'web', dst);
        expect(sut.snatToNode).toBe(!cidrContainsAddress(vpc, dst));
        expect(sut.leavesVia).toBe(sut.snatToNode ? 'PRIMARY_ENI' : 'POD_ENI');
      }),
      { seed: 20261208 },
    );
  });

  it('never SNATs with EXTERNALSNAT=true', () => {
    const external = variant(privateCluster, (design) => {
      design.cni = { externalSnat: true };
    });
    fc.assert(
      fc.property(ipv4, (dst) => {
        expect(translate(external, 'web', dst).snatToNode).toBe(false);
      }),
      { seed: 20261209 },
    );
  });

  it('treats secondary CIDRs as part of the VPC and honours EXCLUDE_SNAT_CIDRS', () => {
    expect(translate(customNetworkingCluster, 'frontend', '100.64.200.1').snatToNode).toBe(false);
    const excluded = variant(privateCluster, (design) => {
      design.cni = { excludeSnatCidrs: ['192.168.0.0/16'] };
    });
    expect(translate(excluded, 'web', '192.168.4.4')).toMatchObject({ snatToNode: false, leavesVia: 'POD_ENI' });
    expect(translate(excluded, 'web', '172.16.4.4').snatToNode).toBe(true);
  });

  it('SG-for-pods: strict never SNATs; standard SNATs off-VPC through eth0', () => {
    expect(translate(sgForPodsCluster, 'payments', '1.1.1.1')).toMatchObject({ snatToNode: false, leavesVia: 'POD_ENI' });
    const standard = variant(sgForPodsCluster, (design) => {
      design.cni!.podSecurityGroupEnforcingMode = 'STANDARD';
    });
    expect(translate(standard, 'payments', '1.1.1.1')).toMatchObject({ snatToNode: true, leavesVia: 'PRIMARY_ENI' });
    expect(translate(standard, 'payments', '10.0.9.9')).toMatchObject({ snatToNode: false, leavesVia: 'POD_ENI' });
  });

  it('IPv6 pods: IPv6 untranslated, IPv4 through the node', () => {
    expect(translate(ipv6Cluster, 'client', '2606:4700::1').snatToNode).toBe(false);
    expect(translate(ipv6Cluster, 'client', '10.20.1.1').snatToNode).toBe(true);
  });

  it('hostNetwork and Fargate pods are never SNATed by the CNI', () => {
    expect(translate(privateCluster, 'node-exporter', '1.1.1.1').snatToNode).toBe(false);
    expect(translate(privateCluster, 'thumbnails', '1.1.1.1')).toMatchObject({ snatToNode: false, leavesVia: 'POD_ENI' });
  });
});
