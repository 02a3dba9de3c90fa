/**
 * The GitHub issues of anchors-path.md §3 where users were bitten by a traffic path (#1–#11):
 * for each, a flow that shows the symptom and the fix as a flow that does not.
 * #12–#14 (LBC IngressGroup scheme / Exclusive-annotation conflicts / listen-ports rules) are IngressGroup
 * configuration issues, not packet paths; they belong to the exposure engine's lint, not here.
 */
import { describe, expect, it } from 'vitest';
import { privateCluster, sgForPodsCluster, variant } from '../../../test/fixtures/traffic-path/designs.scenario.js';
import {
  alb,
  assumptionCodes,
  exposures,
  flow,
  hopOf,
  internet,
  kinds,
  last,
  nlb,
  node,
  peer,
  pod,
  service,
  trace,
  vpcHost,
} from '../../../test/fixtures/traffic-path/trace-helpers.scenario.js';
import type { ResolvedExposure } from './trace-path.types.js';

const CLIENT = '8.8.8.8';
const toCheckout = (exposure: Partial<ResolvedExposure>, extra = {}) =>
  trace(privateCluster, flow(internet(CLIENT), service('checkout', extra), 443), exposures({ checkout: exposure }));

describe('anchors-path.md §3 user issues', () => {
  it('#1 LBC#1825: nlb-ip shows 10.x instead of the client; fixed by preserve_client_ip.enabled=true', () => {
    const symptom = toCheckout(nlb({ targetType: 'IP' }));
    expect(symptom.sourceIpSeenByDestination).toBe('LB_PRIVATE_IP');
    expect(last(symptom).packet.src.startsWith('10.')).toBe(true);
    expect(symptom.clientIpPreserved).toBe(false);
    const fix = toCheckout(nlb({ targetType: 'IP', preserveClientIp: true }));
    expect(fix.sourceIpSeenByDestination).toBe('CLIENT_IP');
    expect(last(fix).packet.src).toBe(CLIENT);
  });

  it('#2 LBC#2944: pods behind an ALB (instance mode) see the node IP; the client is only in X-Forwarded-For, or use ip targets', () => {
    const web = (exposure: Partial<ResolvedExposure>) =>
      trace(privateCluster, flow(internet(CLIENT), service('web'), 80), exposures({ web: exposure }));
    const symptom = web(alb({ targetType: 'INSTANCE', externalTrafficPolicy: 'CLUSTER' }));
    expect(symptom.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
    expect(symptom.clientIpVia).toBe('X_FORWARDED_FOR');
    const fix = web(alb({ targetType: 'IP' }));
    expect(kinds(fix)).not.toContain('NODE');
    expect(fix.sourceIpSeenByDestination).toBe('LB_PRIVATE_IP');
    expect(fix.clientIpVia).toBe('X_FORWARDED_FOR');
  });

  it('#3 LBC#3521: preserve_client_ip=true and a target SG that trusts only the LB subnets → no connectivity', () => {
    const onlyLbSubnets = variant(privateCluster, (design) => {
      design.securityGroups = [
        {
          name: 'node-sg',
          ingress: [
            { protocol: 'ALL', from: 'node-sg' },
            { protocol: 'TCP', ports: '8443', from: '10.0.0.0/23' },
          ],
        },
      ];
      design.nodeGroups[0].securityGroups = ['node-sg'];
    });
    const run = (design: typeof privateCluster, preserveClientIp: boolean) =>
      trace(
        design,
        flow(internet(CLIENT), service('checkout'), 443),
        exposures({ checkout: nlb({ targetType: 'IP', preserveClientIp, manageBackendSecurityGroupRules: false }) }),
      );
    const symptom = run(onlyLbSubnets, true);
    expect(kinds(symptom)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'POD']);
    expect(symptom.dropReason?.code).toBe('SG_INGRESS_DENIED');
    // "=false worked but showed the NLB IP"
    const workaround = run(onlyLbSubnets, false);
    expect(workaround.verdict).toBe('REACHABLE');
    expect(workaround.sourceIpSeenByDestination).toBe('LB_PRIVATE_IP');
    const trustClients = variant(onlyLbSubnets, (design) => {
      design.securityGroups![0].ingress.push({ protocol: 'TCP', ports: '8443', from: '0.0.0.0/0' });
    });
    const fix = run(trustClients, true);
    expect(fix.verdict).toBe('REACHABLE');
    expect(fix.sourceIpSeenByDestination).toBe('CLIENT_IP');
  });

  it('#4 LBC#1813: nlb-ip with Local ignores the healthCheckNodePort — traffic goes straight to the pods', () => {
    const ipMode = toCheckout(nlb({ targetType: 'IP', externalTrafficPolicy: 'LOCAL' }), { localEndpoint: false });
    expect(kinds(ipMode)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'POD']);
    expect(hopOf(ipMode, 'NLB').note).toContain('healthCheckNodePort');
    // The node-level health check only exists with instance targets.
    const instanceMode = toCheckout(nlb({ targetType: 'INSTANCE', externalTrafficPolicy: 'LOCAL' }));
    expect(kinds(instanceMode)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'NODE', 'POD']);
    expect(hopOf(instanceMode, 'NLB').note).toContain('healthCheckNodePort');
    expect(hopOf(instanceMode, 'NLB').note).toContain('/healthz');
  });

  it('#5 kubernetes#74948: NLB + Local — nodes without the pod fail health checks; traffic sent to them is dropped', () => {
    const symptom = toCheckout(nlb({ externalTrafficPolicy: 'LOCAL' }), { localEndpoint: false });
    expect(symptom.dropReason?.code).toBe('LOCAL_NO_ENDPOINT');
    const expected = toCheckout(nlb({ externalTrafficPolicy: 'LOCAL' }));
    expect(expected.verdict).toBe('REACHABLE');
    expect(assumptionCodes(expected)).toContain('HEALTH_CHECK_ROUTES_AROUND_EMPTY_NODES');
    expect(toCheckout(nlb({ externalTrafficPolicy: 'CLUSTER' }), { localEndpoint: false }).verdict).toBe('REACHABLE');
  });

  it('#6 cloud-provider-aws#87: a new node gets traffic before its health check fails → drops; ip targets avoid it', () => {
    const symptom = toCheckout(nlb({ externalTrafficPolicy: 'LOCAL' }), { localEndpoint: false });
    expect(assumptionCodes(symptom)).toContain('LB_SENT_TO_NODE_WITHOUT_ENDPOINT');
    expect(symptom.dropReason?.code).toBe('LOCAL_NO_ENDPOINT');
    const fix = toCheckout(nlb({ targetType: 'IP', preserveClientIp: true }));
    expect(fix.verdict).toBe('REACHABLE');
    expect(fix.sourceIpSeenByDestination).toBe('CLIENT_IP');
  });

  it("#7 amazon-vpc-cni-k8s#840: a pod curling its cluster's internal NLB fails when the NLB picks its own node", () => {
    const to = service('checkout', { via: 'LOAD_BALANCER', lbPicksSourceNode: true });
    const symptom = trace(privateCluster, flow(pod('web'), to, 443), exposures({ checkout: nlb({ scheme: 'INTERNAL' }) }));
    expect(kinds(symptom)).toEqual(['POD', 'NLB', 'NODE']);
    expect(symptom.dropReason?.code).toBe('HAIRPIN');
    const ipTargets = trace(
      privateCluster,
      flow(pod('web'), to, 443),
      exposures({ checkout: nlb({ scheme: 'INTERNAL', targetType: 'IP' }) }),
    );
    expect(ipTargets.verdict).toBe('REACHABLE');
    const noPreserve = trace(
      privateCluster,
      flow(pod('web'), to, 443),
      exposures({ checkout: nlb({ scheme: 'INTERNAL', preserveClientIp: false }) }),
    );
    expect(noPreserve.verdict).toBe('REACHABLE');
    expect(noPreserve.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
  });

  it('#8 amazon-vpc-cni-k8s#2523: with EXTERNALSNAT=true egress uses the NAT EIP, and the pod IP inside the VPC', () => {
    const externalSnat = variant(privateCluster, (design) => {
      design.cni = { externalSnat: true };
    });
    const egress = trace(externalSnat, flow(pod('web'), internet(), 443));
    expect(kinds(egress)).toEqual(['POD', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
    expect(egress.sourceIpSeenByDestination).toBe('NAT_GATEWAY_EIP');
    expect(trace(externalSnat, flow(pod('web'), vpcHost('10.0.1.9'), 443)).sourceIpSeenByDestination).toBe('POD_IP');
    expect(trace(externalSnat, flow(pod('web'), peer('hub', '10.2.1.1'), 443)).sourceIpSeenByDestination).toBe('POD_IP');
    // Default: node SNAT for anything off-VPC.
    expect(trace(privateCluster, flow(pod('web'), peer('hub', '10.2.1.1'), 443)).sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
  });

  it('#9 amazon-vpc-cni-k8s#474/#44: wrong source and unreachable pods across VPC peering; fixed by EXCLUDE_SNAT_CIDRS / EXTERNALSNAT', () => {
    const oldCni = variant(privateCluster, (design) => {
      design.cni = { version: '1.5.5' };
      design.securityGroups = [
        {
          name: 'node-sg',
          ingress: [
            { protocol: 'ALL', from: 'node-sg' },
            { protocol: 'ALL', from: '10.1.0.0/16' },
          ],
        },
      ];
      design.nodeGroups[0].securityGroups = ['node-sg'];
    });
    const wrongSource = trace(oldCni, flow(pod('web'), peer('shared-services', '10.1.0.10'), 5432));
    expect(wrongSource.sourceIpSeenByDestination).toBe('NODE_PRIMARY_IP');
    const unreachable = trace(oldCni, flow(peer('shared-services', '10.1.0.10'), pod('web'), 8080));
    expect(unreachable.dropReason?.code).toBe('ASYMMETRIC_RETURN_PATH');
    const fixed = variant(oldCni, (design) => {
      design.cni!.excludeSnatCidrs = ['10.1.0.0/16'];
    });
    expect(trace(fixed, flow(pod('web'), peer('shared-services', '10.1.0.10'), 5432)).sourceIpSeenByDestination).toBe('POD_IP');
    expect(trace(fixed, flow(peer('shared-services', '10.1.0.10'), pod('web'), 8080)).verdict).toBe('REACHABLE');
    const external = variant(oldCni, (design) => {
      design.cni!.externalSnat = true;
    });
    expect(trace(external, flow(peer('shared-services', '10.1.0.10'), pod('web'), 8080)).verdict).toBe('REACHABLE');
  });

  it('#10 amazon-vpc-cni-k8s#1392: traffic from outside the VPC (NLB ip mode + preservation) does not reach the pod on old CNIs', () => {
    const deps = exposures({ checkout: nlb({ targetType: 'IP', preserveClientIp: true }) });
    const old = variant(privateCluster, (design) => {
      design.cni = { version: '1.7.10' };
    });
    const symptom = trace(old, flow(internet(CLIENT), service('checkout'), 443), deps);
    expect(kinds(symptom)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'NLB', 'POD']);
    expect(symptom.dropReason?.code).toBe('ASYMMETRIC_RETURN_PATH');
    // A client inside the VPC is unaffected.
    const internal = trace(
      old,
      flow(vpcHost('10.0.0.30'), service('checkout'), 443),
      exposures({ checkout: nlb({ targetType: 'IP', preserveClientIp: true, scheme: 'INTERNAL' }) }),
    );
    expect(internal.verdict).toBe('REACHABLE');
    const fixed = variant(privateCluster, (design) => {
      design.cni = { version: '1.8.0' };
    });
    const fix = trace(fixed, flow(internet(CLIENT), service('checkout'), 443), deps);
    expect(fix.verdict).toBe('REACHABLE');
    expect(fix.sourceIpSeenByDestination).toBe('CLIENT_IP');
  });

  it('#11 amazon-vpc-cni-k8s#1260: SG-for-pods strict — kubelet probes from the own node need the node SG in the pod SG', () => {
    const noNodeRule = variant(sgForPodsCluster, (design) => {
      design.securityGroups![1].ingress = [{ protocol: 'TCP', ports: '8443', from: '10.0.0.0/24' }];
    });
    const probe = flow(node('general'), pod('payments', { sameNode: true }), 8443);
    const symptom = trace(noNodeRule, probe);
    expect(kinds(symptom)).toEqual(['NODE', 'VPC', 'POD']);
    expect(symptom.dropReason?.code).toBe('SG_INGRESS_DENIED');
    const fix = trace(sgForPodsCluster, probe);
    expect(fix.verdict).toBe('REACHABLE');
    expect(assumptionCodes(fix)).toContain('TCP_EARLY_DEMUX_DISABLED');
    const standard = variant(noNodeRule, (design) => {
      design.cni!.podSecurityGroupEnforcingMode = 'STANDARD';
    });
    const standardFix = trace(standard, probe);
    expect(kinds(standardFix)).toEqual(['NODE', 'POD']);
    expect(standardFix.verdict).toBe('REACHABLE');
  });
});
