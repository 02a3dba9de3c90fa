import { describe, expect, it } from 'vitest';
import { PlanningError } from '../errors/planning-error.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { decideExposure, exposureRequestForWorkload } from '../exposure/index.js';
import { privateCluster, variant } from '../../../test/fixtures/traffic-path/designs.scenario.js';
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
});
