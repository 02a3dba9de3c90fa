/**
 * Impossible flows become InvalidInputError with a stable code and a path — never a crash.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { customNetworkingCluster, ipv6Cluster, privateCluster, variant } from '../../../test/fixtures/traffic-path/designs.scenario.js';
import {
  eksApi,
  exposures,
  flow,
  internet,
  nlb,
  node,
  peer,
  pod,
  service,
  trace,
  vpcHost,
} from '../../../test/fixtures/traffic-path/trace-helpers.scenario.js';
import type { Flow, TracePathDeps } from './trace-path.types.js';
import type { DesignSpec } from '../spec/design-spec.types.js';

const errorOf = (design: DesignSpec, f: Flow, deps?: TracePathDeps): InvalidInputError =>
  thrownBy(() => trace(design, f, deps), InvalidInputError);

describe('invalid flows', () => {
  it.each([
    ['an unknown workload', flow(pod('nope'), internet()), 'UNKNOWN_WORKLOAD', 'flow.from.workload'],
    ['an unknown node group', flow(node('nope'), internet()), 'UNKNOWN_NODE_GROUP', 'flow.from.nodeGroup'],
    ['an unknown peer network', flow(pod('web'), peer('mars', '10.9.0.1')), 'UNKNOWN_NETWORK', 'flow.to.network'],
    ['a peer address outside the peer', flow(pod('web'), peer('hub', '10.9.0.1')), 'PEER_IP_OUTSIDE_NETWORK', 'flow.to.ip'],
    ['a VPC host outside the VPC', flow(pod('web'), vpcHost('10.9.0.1')), 'VPC_HOST_OUTSIDE_VPC', 'flow.to.ip'],
    ['an internet address inside the VPC', flow(pod('web'), internet('10.0.1.1')), 'INTERNET_IP_IN_VPC', 'flow.to.ip'],
    ['an internet address inside a peer', flow(pod('web'), internet('10.2.0.1')), 'INTERNET_IP_IN_PEER', 'flow.to.ip'],
    ['a malformed address', flow(pod('web'), internet('999.1.1.1')), 'INVALID_IP', 'flow.to.ip'],
    ['a Service as the source', flow(service('web'), pod('checkout')), 'INVALID_FLOW_SOURCE', 'flow.from.kind'],
    ['the EKS API as the source', flow(eksApi, pod('checkout')), 'INVALID_FLOW_SOURCE', 'flow.from.kind'],
    ['two ends outside the cluster', flow(internet(), vpcHost('10.0.1.1')), 'UNSUPPORTED_FLOW', 'flow'],
    ['sameNode across node groups', flow(pod('web'), pod('reports', { sameNode: true })), 'SAME_NODE_IMPOSSIBLE', 'flow.to.sameNode'],
    ['sameNode on Fargate', flow(pod('thumbnails'), pod('thumbnails', { sameNode: true })), 'SAME_NODE_IMPOSSIBLE', 'flow.to.sameNode'],
    ['sameNode from outside', flow(internet(), pod('web', { sameNode: true })), 'SAME_NODE_IMPOSSIBLE', 'flow.to.sameNode'],
    ['a node endpoint on Fargate', flow(node('serverless'), internet()), 'NODE_GROUP_IS_FARGATE', 'flow.from.nodeGroup'],
    [
      'another AZ where the group has one',
      flow(pod('reports'), pod('reports', { sameAz: false })),
      'NO_NODE_IN_AZ',
      'workloads[2].nodeGroup',
    ],
    ['a Service for a workload without expose', flow(pod('web'), service('reports')), 'WORKLOAD_NOT_EXPOSED', 'flow.to.workload'],
    ['an unknown protocol', { ...flow(pod('web'), internet()), protocol: 'SCTP' } as unknown as Flow, 'INVALID_PROTOCOL', 'flow.protocol'],
    ['a port out of range', flow(pod('web'), internet(), 70000), 'INVALID_PORT', 'flow.port'],
    [
      'an unknown endpoint kind',
      { ...flow(pod('web'), internet()), to: { kind: 'MOON' } } as unknown as Flow,
      'INVALID_ENDPOINT',
      'flow.to.kind',
    ],
  ])('rejects %s', (_what, f, code, path) => {
    const error = errorOf(privateCluster, f);
    expect(error.code).toBe(code);
    expect(error.kind).toBe('INVALID_INPUT');
    expect(error.details[0]?.path).toBe(path);
  });

  it('rejects exposures that cannot exist', () => {
    // Target-type conflicts are the exposure engine's (resolved-exposure.mapper.spec.ts runs them for real): the trace
    // raises the one its input carries, at the exposure's targetType.
    const conflict = {
      code: 'FARGATE_REQUIRES_IP_TARGETS' as const,
      message: 'Pods on AWS Fargate can only be load balanced as IP targets.',
    };
    const raised = errorOf(
      privateCluster,
      flow(internet(), service('thumbnails'), 80),
      exposures({ thumbnails: nlb({ targetTypeConflict: conflict }) }),
    );
    expect([raised.code, raised.message, raised.details[0]?.path]).toEqual([conflict.code, conflict.message, 'exposure.targetType']);
    expect(errorOf(privateCluster, flow(internet(), service('checkout', { via: 'LOAD_BALANCER' }), 443)).code).toBe(
      'SERVICE_HAS_NO_LOAD_BALANCER',
    );
    expect(errorOf(privateCluster, flow(internet(), service('checkout', { via: 'NODE_PORT' }), 30000)).code).toBe(
      'SERVICE_HAS_NO_NODE_PORT',
    );
    expect(
      errorOf(
        privateCluster,
        flow(internet(), service('thumbnails', { via: 'NODE_PORT' }), 30000),
        exposures({ thumbnails: { kind: 'NODE_PORT', serviceType: 'NodePort' } }),
      ).code,
    ).toBe('FARGATE_NO_NODE_PORT');
    expect(
      errorOf(
        privateCluster,
        flow(vpcHost('10.0.0.9'), service('checkout', { lbPicksSourceNode: true }), 443),
        exposures({ checkout: nlb() }),
      ).code,
    ).toBe('LB_PICKS_SOURCE_NODE_NEEDS_NODE_SOURCE');
    expect(errorOf(privateCluster, flow(peer('hub', '10.2.0.9'), service('checkout'), 443), exposures({ checkout: nlb() })).code).toBe(
      'UNSUPPORTED_FLOW',
    );
  });

  it('rejects designs the flow cannot be placed in', () => {
    const missingEniConfig = variant(customNetworkingCluster, (design) => {
      design.cni!.eniConfigs = design.cni!.eniConfigs!.slice(0, 1);
    });
    expect(errorOf(missingEniConfig, flow(pod('frontend'), pod('backend', { sameAz: false }))).code).toBe('ENICONFIG_MISSING_FOR_AZ');
    const unknownSg = variant(privateCluster, (design) => {
      design.nodeGroups[0].securityGroups = ['ghost-sg'];
    });
    expect(errorOf(unknownSg, flow(pod('web'), internet())).code).toBe('UNKNOWN_SECURITY_GROUP');
    const badRule = variant(privateCluster, (design) => {
      design.securityGroups = [{ name: 'node-sg', ingress: [{ protocol: 'TCP', ports: '80-http', from: '0.0.0.0/0' }] }];
      design.nodeGroups[0].securityGroups = ['node-sg'];
    });
    expect(errorOf(badRule, flow(pod('reports'), pod('web'), 80)).code).toBe('INVALID_SECURITY_GROUP_RULE');
    const danglingReference = variant(privateCluster, (design) => {
      design.securityGroups = [{ name: 'node-sg', ingress: [{ protocol: 'ALL', from: 'ghost-sg' }] }];
      design.nodeGroups[0].securityGroups = ['node-sg'];
    });
    expect(errorOf(danglingReference, flow(pod('web'), internet())).code).toBe('UNKNOWN_SECURITY_GROUP');
    const unknownSubnet = variant(privateCluster, (design) => {
      design.nodeGroups[0].subnets = ['nowhere'];
    });
    expect(errorOf(unknownSubnet, flow(pod('web'), internet())).code).toBe('UNKNOWN_SUBNET');
    const noAccess = variant(privateCluster, (design) => {
      design.endpointAccess = { public: false, private: false };
    });
    expect(errorOf(noAccess, flow(node('general'), eksApi)).code).toBe('ENDPOINT_ACCESS_NONE');
    const ambiguous = variant(privateCluster, (design) => {
      design.workloads!.push({ name: 'web', namespace: 'other', nodeGroup: 'general', replicas: 1 });
    });
    expect(errorOf(ambiguous, flow(pod('web'), internet())).code).toBe('AMBIGUOUS_WORKLOAD');
    expect(trace(ambiguous, flow({ kind: 'POD', workload: 'web', namespace: 'other' }, internet())).hops[0].name).toBe('other/web-0');
    const customV6 = variant(ipv6Cluster, (design) => {
      design.cni = { customNetworking: true, eniConfigs: [{ az: 'us-west-2a', subnet: 'private-a' }] };
    });
    expect(errorOf(customV6, flow(pod('client'), internet('2606:4700::1'))).code).toBe('CUSTOM_NETWORKING_IPV6');
    const badVersion = variant(privateCluster, (design) => {
      design.cni = { version: 'latest' };
    });
    expect(errorOf(badVersion, flow(peer('hub', '10.2.0.9'), pod('web'), 8080)).code).toBe('INVALID_CNI_VERSION');
  });
});
