/** Builds the exposure request for one workload of a DesignSpec, so the plan and the traffic-path engine ask the same question. */
import type { DesignSpec, Workload } from '../spec/design-spec.types.js';
import type { ComputeKind, ExposureRequest, PodSecurityGroupMode } from './exposure.types.js';

export function exposureRequestForWorkload(design: DesignSpec, workload: Workload): ExposureRequest | undefined {
  if (!workload.expose) return undefined;
  const nodeGroup = design.nodeGroups.find((group) => group.name === workload.nodeGroup);
  const compute: ComputeKind = nodeGroup ? (nodeGroup.kind === 'FARGATE' ? 'FARGATE' : 'EC2') : mixedOrEc2(design);
  const controller = design.loadBalancerController;
  return {
    expose: workload.expose,
    workload: { name: workload.name, ...(workload.namespace ? { namespace: workload.namespace } : {}) },
    context: {
      compute,
      ipFamily: design.ipFamily,
      // A design that says nothing about the controller is planned with it (the API default); `installed: false` means in-tree only.
      controller: controller?.installed === false ? 'CCM_ONLY' : 'LBC',
      ...(controller?.version ? { lbcVersion: controller.version } : {}),
      ...(controller?.serviceMutatorWebhook !== undefined ? { serviceMutatorWebhook: controller.serviceMutatorWebhook } : {}),
      podSecurityGroups: podSecurityGroupMode(design, workload),
      // The DesignSpec models the Amazon VPC CNI only.
      cni: 'VPC_CNI',
      subnets: design.subnets,
    },
  };
}

function mixedOrEc2(design: DesignSpec): ComputeKind {
  const kinds = new Set(design.nodeGroups.map((group) => (group.kind === 'FARGATE' ? 'FARGATE' : 'EC2')));
  return kinds.size > 1 ? 'MIXED' : kinds.has('FARGATE') ? 'FARGATE' : 'EC2';
}

/** ENABLE_POD_ENI plus a SecurityGroupPolicy for this workload; POD_SECURITY_GROUP_ENFORCING_MODE defaults to strict. */
function podSecurityGroupMode(design: DesignSpec, workload: Workload): PodSecurityGroupMode {
  if (!design.cni?.securityGroupsForPods || !workload.securityGroups?.length) return 'OFF';
  return design.cni.podSecurityGroupEnforcingMode ?? 'STRICT';
}
