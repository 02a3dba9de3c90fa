import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { exportCni as sut } from './cni-export.engine.js';

function design(overrides: Partial<DesignSpec> = {}): DesignSpec {
  return {
    name: 'cni',
    region: 'us-east-1',
    ipFamily: 'IPV4',
    vpc: { cidrs: ['10.0.0.0/16'], secondaryCidrs: ['100.64.0.0/16'] },
    subnets: [
      { name: 'nodes-a', az: 'us-east-1a', cidr: '10.0.0.0/20' },
      { name: 'nodes-b', az: 'us-east-1b', cidr: '10.0.16.0/20' },
      { name: 'pods-a', az: 'us-east-1a', cidr: '100.64.0.0/17', roles: ['PODS'] },
      { name: 'pods-b', az: 'us-east-1b', cidr: '100.64.128.0/17', roles: ['PODS'] },
    ],
    nodeGroups: [],
    ...overrides,
  };
}

describe('exportCni', () => {
  it('sets nothing for a design that sets nothing', () => {
    expect(sut(design())).toEqual({ env: {}, setEnvCommand: '', configurationValues: '{"env":{}}', eniConfigs: '' });
  });

  it('writes only the settings the design sets, false and zero included', () => {
    const result = sut(design({ cni: { version: '1.20.0', prefixDelegation: false, warmIpTarget: 0, maxEni: 4, excludeSnatCidrs: [] } }));
    expect(result.env).toEqual({ ENABLE_PREFIX_DELEGATION: 'false', MAX_ENI: '4', WARM_IP_TARGET: '0' });
    expect(result.setEnvCommand).toBe(
      'kubectl set env daemonset aws-node -n kube-system \\\n  ENABLE_PREFIX_DELEGATION=false \\\n  MAX_ENI=4 \\\n  WARM_IP_TARGET=0',
    );
  });

  it('IPv6 clusters run the CNI in IPv6 prefix mode', () => {
    const result = sut(design({ ipFamily: 'IPV6', cni: { prefixDelegation: false, warmPrefixTarget: 2 } }));
    expect(result.env).toEqual({ ENABLE_IPv4: 'false', ENABLE_IPv6: 'true', ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '2' });
  });

  it('custom networking adds the zone label and one ENIConfig per AZ; AZ ids use the zone-id label', () => {
    const eniConfigs = [
      { az: 'use1-az1', subnet: 'pods-a' },
      { az: 'use1-az2', subnet: 'pods-b', securityGroups: ['pods', 'nodes'] },
    ];
    const result = sut(design({ cni: { customNetworking: true, eniConfigs } }));

    expect(result.env).toEqual({ AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', ENI_CONFIG_LABEL_DEF: 'topology.k8s.aws/zone-id' });
    expect(JSON.parse(result.configurationValues).eniConfig).toEqual({
      create: true,
      region: 'us-east-1',
      subnets: { 'use1-az1': { id: 'pods-a' }, 'use1-az2': { id: 'pods-b', securityGroups: ['pods', 'nodes'] } },
    });
    const manifests = parseAllDocuments(result.eniConfigs).map((document) => document.toJS());
    expect(manifests).toEqual([
      { apiVersion: 'crd.k8s.amazonaws.com/v1alpha1', kind: 'ENIConfig', metadata: { name: 'use1-az1' }, spec: { subnet: 'pods-a' } },
      {
        apiVersion: 'crd.k8s.amazonaws.com/v1alpha1',
        kind: 'ENIConfig',
        metadata: { name: 'use1-az2' },
        spec: { subnet: 'pods-b', securityGroups: ['pods', 'nodes'] },
      },
    ]);
  });

  it('ENIConfigs of a design with custom networking off are exported without the zone label that would select them', () => {
    const result = sut(design({ cni: { customNetworking: false, eniConfigs: [{ az: 'us-east-1a', subnet: 'pods-a' }] } }));
    expect(result.env).toEqual({ AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'false' });
    expect(JSON.parse(result.configurationValues)).toEqual({
      env: { AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'false' },
      eniConfig: { create: true, region: 'us-east-1', subnets: { 'us-east-1a': { id: 'pods-a' } } },
    });
    expect(parseAllDocuments(result.eniConfigs)).toHaveLength(1);
  });
});
