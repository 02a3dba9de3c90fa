import { describe, expect, it } from 'vitest';
import { PlanningError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { decideExposure, exposureRequestForWorkload } from '../exposure/index.js';
import { ipv6Cluster, privateCluster, variant } from '../../../test/fixtures/traffic-path/designs.scenario.js';
import { tracePath } from '../traffic-path/index.js';
import { flow, internet, service } from '../../../test/fixtures/traffic-path/trace-helpers.scenario.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { resolveExposureWithEngine as sut } from './resolved-exposure.mapper.js';

const workload = (design: typeof privateCluster, name: string) => design.workloads!.find((candidate) => candidate.name === name)!;

const thrown = (run: () => unknown): PlanningError => thrownBy(run, PlanningError);

describe('resolveExposureWithEngine', () => {
  it('answers what the exposure engine decides for each exposed workload of the design', () => {
    for (const name of ['web', 'checkout', 'thumbnails']) {
      const decision = decideExposure(exposureRequestForWorkload(privateCluster, workload(privateCluster, name))!);
      expect(sut(workload(privateCluster, name), privateCluster)).toMatchObject({
        kind: decision.kind,
        targetType: decision.targetType,
        scheme: decision.scheme,
        externalTrafficPolicy: decision.externalTrafficPolicy,
        preserveClientIp: decision.preserveClientIp,
        proxyProtocol: decision.proxyProtocol,
      });
    }
    expect(sut(workload(privateCluster, 'web'), privateCluster)).toEqual({
      kind: 'ALB_INGRESS',
      targetType: 'IP',
      serviceType: 'ClusterIP',
      targetTypeConflict: null,
      scheme: 'INTERNET_FACING',
      externalTrafficPolicy: null,
      preserveClientIp: null,
      proxyProtocol: null,
    });
  });

  it('passes the Classic Load Balancer listener protocol (an HTTP listener parses HTTP and adds X-Forwarded-For)', () => {
    const inTree = variant(privateCluster, (design) => {
      design.loadBalancerController = { installed: false };
    });
    expect(sut(workload(inTree, 'web'), inTree)).toMatchObject({ kind: 'CLB', clbListener: 'HTTP' });
    // L4 without the LBC is an in-tree NLB: no CLB listener to pass.
    expect(sut(workload(inTree, 'checkout'), inTree)).toMatchObject({ kind: 'NLB', targetType: 'INSTANCE' });
    expect(sut(workload(inTree, 'checkout'), inTree).clbListener).toBeUndefined();
    expect(sut(workload(privateCluster, 'checkout'), privateCluster).clbListener).toBeUndefined();
  });

  it('points exposure-engine problems at the design fields that caused them', () => {
    const badName = variant(privateCluster, (design) => {
      workload(design, 'web').name = 'Web_App';
    });
    const nameError = thrown(() => sut(workload(badName, 'Web_App'), badName));
    expect(nameError.code).toBe('VALIDATION_FAILED');
    expect(nameError.details.map((detail) => detail.path)).toEqual(['workloads[0].name']);
    const badVersion = variant(privateCluster, (design) => {
      design.loadBalancerController = { installed: true, version: 'latest' };
    });
    const versionError = thrown(() => sut(workload(badVersion, 'web'), badVersion));
    expect(versionError).toMatchObject({ code: 'INVALID_LBC_VERSION', kind: 'INVALID_INPUT' });
    expect(versionError.details.map((detail) => detail.path)).toEqual(['loadBalancerController.version']);
  });

  it('refuses a workload without an expose block with its path', () => {
    const error = thrown(() => sut(workload(privateCluster, 'reports'), privateCluster));
    expect(error).toMatchObject({ code: 'WORKLOAD_NOT_EXPOSED', details: [{ path: 'workloads[2].expose' }] });
  });

  describe('target-type rules come from the exposure engine, and the trace reports what the exposure answer does', () => {
    const explicitTargets = (design: DesignSpec, name: string, targetType: 'IP' | 'INSTANCE'): DesignSpec =>
      variant(design, (copy) => {
        workload(copy, name).expose!.targetType = targetType;
      });

    it.each([
      [
        'instance targets for Fargate pods',
        explicitTargets(privateCluster, 'thumbnails', 'INSTANCE'),
        'thumbnails',
        'FARGATE_REQUIRES_IP_TARGETS',
      ],
      ['instance targets in an IPv6 cluster', explicitTargets(ipv6Cluster, 'api', 'INSTANCE'), 'api', 'IPV6_REQUIRES_IP_TARGETS'],
      [
        'ip targets for the in-tree Classic Load Balancer',
        explicitTargets(
          variant(privateCluster, (design) => {
            design.loadBalancerController = { installed: false };
          }),
          'web',
          'IP',
        ),
        'web',
        'CCM_SUPPORTS_INSTANCE_TARGETS_ONLY',
      ],
    ])('%s: the exposure engine corrects it and keeps the error; the trace raises that error', (_what, design, name, code) => {
      const request = exposureRequestForWorkload(design, workload(design, name))!;
      const decision = decideExposure(request);
      const engineError = decision.errors.find((error) => error.code === code);
      expect(engineError).toBeDefined();
      expect(sut(workload(design, name), design).targetTypeConflict).toEqual({ code, message: engineError!.message });
      const traceError = thrown(() => tracePath(design, flow(internet(), service(name), 443), { resolveExposure: sut }));
      expect(traceError).toMatchObject({ code, kind: 'INVALID_INPUT', message: engineError!.message });
      expect(traceError.details.map((detail) => detail.path)).toEqual(['exposure.targetType']);
    });

    it('gives the trace the Service type the engine builds (an ALB with ip targets has a ClusterIP backend, no NodePort)', () => {
      expect(sut(workload(privateCluster, 'web'), privateCluster).serviceType).toBe('ClusterIP');
      const instanceAlb = explicitTargets(privateCluster, 'web', 'INSTANCE');
      expect(sut(workload(instanceAlb, 'web'), instanceAlb)).toMatchObject({ serviceType: 'NodePort', targetTypeConflict: null });
      const noNodePort = thrown(() =>
        tracePath(privateCluster, flow(internet(), service('web', { via: 'NODE_PORT' }), 30000), { resolveExposure: sut }),
      );
      expect(noNodePort.code).toBe('SERVICE_HAS_NO_NODE_PORT');
    });
  });
});
