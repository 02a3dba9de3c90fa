import { describe, expect, it } from 'vitest';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { exposureRequestForWorkload as sut } from './design-exposure.mapper.js';
import { recommendExposure } from './exposure-recommendation.engine.js';

const design: DesignSpec = {
  name: 'shop',
  region: 'eu-west-1',
  ipFamily: 'IPV4',
  vpc: { cidrs: ['10.0.0.0/16'] },
  subnets: [
    { name: 'public-a', az: 'eu-west-1a', cidr: '10.0.0.0/24', public: true, roles: ['ELB'] },
    { name: 'public-b', az: 'eu-west-1b', cidr: '10.0.1.0/24', public: true, roles: ['ELB'] },
    { name: 'private-a', az: 'eu-west-1a', cidr: '10.0.16.0/20', roles: ['NODES', 'INTERNAL_ELB'] },
  ],
  cni: { securityGroupsForPods: true },
  loadBalancerController: { installed: true, version: '2.8.1', serviceMutatorWebhook: false },
  nodeGroups: [
    { name: 'general', kind: 'MANAGED', instanceTypes: ['m6i.large'], subnets: ['public-a'], minSize: 1, desiredSize: 2, maxSize: 4 },
    { name: 'serverless', kind: 'FARGATE', instanceTypes: [], subnets: ['public-a'], minSize: 0, desiredSize: 0, maxSize: 0 },
  ],
  workloads: [
    {
      name: 'web',
      namespace: 'shop',
      nodeGroup: 'general',
      replicas: 3,
      securityGroups: ['web-pods'],
      expose: { audience: 'INTERNET', protocol: 'HTTP', port: 80 },
    },
    {
      name: 'jobs',
      nodeGroup: 'serverless',
      replicas: 1,
      expose: { audience: 'VPC', protocol: 'TCP', port: 9000, targetType: 'INSTANCE' },
    },
    { name: 'internal', nodeGroup: 'general', replicas: 1 },
  ],
};

describe('exposureRequestForWorkload', () => {
  it('carries the design facts the exposure rules depend on', () => {
    expect(sut(design, design.workloads![0])).toEqual({
      expose: { audience: 'INTERNET', protocol: 'HTTP', port: 80 },
      workload: { name: 'web', namespace: 'shop' },
      context: {
        compute: 'EC2',
        ipFamily: 'IPV4',
        controller: 'LBC',
        lbcVersion: '2.8.1',
        serviceMutatorWebhook: false,
        podSecurityGroups: 'STRICT',
        cni: 'VPC_CNI',
        subnets: design.subnets,
      },
    });
  });

  it('a Fargate workload asking for instance targets gets the Fargate error', () => {
    const request = sut(design, design.workloads![1])!;
    expect(request.context?.compute).toBe('FARGATE');
    expect(request.context?.podSecurityGroups).toBe('OFF');
    expect(recommendExposure(request).errors.map((error) => error.code)).toEqual(['FARGATE_REQUIRES_IP_TARGETS']);
  });

  it('no expose → no request; an uninstalled controller → in-tree only', () => {
    expect(sut(design, design.workloads![2])).toBeUndefined();
    const inTree = sut({ ...design, loadBalancerController: { installed: false } }, design.workloads![0])!;
    expect(inTree.context?.controller).toBe('CCM_ONLY');
  });
});
