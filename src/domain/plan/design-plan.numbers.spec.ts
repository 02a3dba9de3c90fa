/**
 * Plan figures checked by hand against capacity.md §2 and §5 (E = ENIs, I = IPv4 per ENI, S = I − 1).
 * m5.xlarge: E 4, I 15, 4 vCPUs, 18 branch ENIs. m5.large: E 3, I 10. The clean design runs 20 replicas
 * (storefront 6, orders 4, worker 10) on `general` (3 / 6 / 12 nodes over private-a, -b, -c).
 */
import { describe, expect, it } from 'vitest';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { planDesign as sut } from './design-plan.engine.js';
import { cleanDesign } from '../../../test/fixtures/plan/clean-design.fixture.js';
import { awsCatalog, brief, problems, valid } from '../../../test/fixtures/plan/plan-test.helpers.js';

const LETTERS = ['a', 'b', 'c'] as const;
const plan = (spec: DesignSpec) => sut(valid(spec), awsCatalog);
const subnetNamed = (result: ReturnType<typeof plan>, name: string) => result.subnets.find((subnet) => subnet.name === name)!;

describe('plan numbers, checked by hand', () => {
  it('secondary-IP mode with the default WARM_ENI_TARGET=1', () => {
    const result = plan(cleanDesign());
    const group = result.nodeGroups[0];

    // Managed node group: calculator 4 × 14 + 2 = 58 (< 110 cap), and 58 pods can get an address.
    expect(group).toMatchObject({ launcher: 'MANAGED_NODE_GROUP', maxPods: 58, effectiveMaxPods: 58, podIpSlotsPerNode: 56 });
    // min: ceil(20 / 3) = 7 pods → ENIs = ceil(7 / 14) + 1 = 2, each filled: 2 × 15 = 30 addresses, 28 − 7 warm.
    expect(group.loads.min).toMatchObject({ nodes: 3, podsPerNode: 7, enisPerNode: 2, nodeSubnetIpsPerNode: 30, warmIpsPerNode: 21 });
    expect(group.loads.desired).toMatchObject({ nodes: 6, podsPerNode: 4, nodeSubnetIpsPerNode: 30 });
    expect(group.loads.max).toMatchObject({ nodes: 12, podsPerNode: 2, nodeSubnetIpsPerNode: 30 });
    // Spread over 3 zones: 1 / 2 / 4 nodes per subnet.
    const privateA = subnetNamed(result, 'private-a');
    expect(privateA).toMatchObject({
      usableIps: 8187, // /19 − 5 reserved
      usedIps: { min: 30, desired: 60, max: 120 },
      freeIpsAtMax: 8067,
      surgeIps: 30,
      freeIpsAfterSurge: 8037,
      maxNodes: 272, // floor(8187 / 30)
      prefixBlocks: null,
    });
    expect(group.maxNodesThatFit).toBe(816); // 272 per zone × 3
    expect(group.podCapacityAtMax).toBe(672); // 12 × 56
    // NAT gateways take one address in their public subnet.
    expect(subnetNamed(result, 'public-a').usedIps).toEqual({ min: 1, desired: 1, max: 1 });
  });

  it('secondary-IP mode with WARM_IP_TARGET / MINIMUM_IP_TARGET', () => {
    const spec = cleanDesign();
    spec.cni = { version: '1.20.0', warmIpTarget: 5, minimumIpTarget: 10 };
    const group = plan(spec).nodeGroups[0];

    // min: max(7 + 5, 10) = 12 secondaries on ceil(12 / 14) = 1 ENI → 13 addresses; max: max(2 + 5, 10) = 10 → 11.
    expect(group.loads.min).toMatchObject({ podsPerNode: 7, enisPerNode: 1, nodeSubnetIpsPerNode: 13 });
    expect(group.loads.max).toMatchObject({ podsPerNode: 2, enisPerNode: 1, nodeSubnetIpsPerNode: 11 });
  });

  it('prefix delegation with the default WARM_PREFIX_TARGET=1', () => {
    const spec = cleanDesign();
    spec.cni = { version: '1.20.0', prefixDelegation: true };
    const result = plan(spec);
    const group = result.nodeGroups[0];

    // Calculator with prefixes: 4 × (14 × 16) + 2 = 898, managed node groups cap it at 110 (< 30 vCPUs).
    expect(group.instanceTypes[0]).toMatchObject({
      maxPods: 110,
      ipLimitedPods: 898,
      cap: 110,
      capApplied: true,
      podAddressMode: 'PREFIX_DELEGATION',
    });
    // min: 7 pods → ceil(7 / 16) + 1 = 2 prefixes on 1 ENI → 1 + 2 × 16 = 33 addresses.
    expect(group.loads.min).toMatchObject({ podsPerNode: 7, prefixesPerNode: 2, enisPerNode: 1, nodeSubnetIpsPerNode: 33 });
    expect(group.loads.max).toMatchObject({ podsPerNode: 2, prefixesPerNode: 2, nodeSubnetIpsPerNode: 33 });
    const privateA = subnetNamed(result, 'private-a');
    expect(privateA.usedIps).toEqual({ min: 33, desired: 66, max: 132 });
    // A /19 has 2^(28 − 19) = 512 aligned /28 blocks, 510 assignable; 4 nodes × 2 prefixes, 4 single addresses.
    expect(privateA.prefixBlocks).toEqual({
      alignedBlocks: 512,
      assignableBlocks: 510,
      neededBlocks: 8,
      individualIps: 4,
      bestCaseAvailableBlocks: 510,
    });
    expect(problems(result.findings)).toEqual([]);
  });

  it('prefix delegation with WARM_IP_TARGET keeps less than a spare /28', () => {
    const spec = cleanDesign();
    spec.cni = { version: '1.20.0', prefixDelegation: true, warmIpTarget: 5 };
    const group = plan(spec).nodeGroups[0];

    // max(ceil((7 + 5) / 16), 0) = 1 prefix → 1 + 16 = 17 addresses.
    expect(group.loads.min).toMatchObject({ prefixesPerNode: 1, nodeSubnetIpsPerNode: 17 });
  });

  it('custom networking: the node subnet pays the primary ENI, the ENIConfig subnet of the zone pays the pod ENIs', () => {
    const spec = customNetworkingDesign();
    const result = plan(spec);
    const group = result.nodeGroups[0];

    // Calculator: (4 − 1) × 14 + 2 = 44, and 3 pod ENIs × 14 + 2 = 44 pods can get an address: no mismatch.
    expect(group).toMatchObject({ maxPods: 44, effectiveMaxPods: 44, podIpSlotsPerNode: 42 });
    // 7 pods → 2 pod ENIs × (1 primary + 14 secondaries) = 30 in the pod subnet, 1 node address in the node subnet.
    expect(group.loads.min).toMatchObject({ podsPerNode: 7, nodeSubnetIpsPerNode: 1, podSubnetIpsPerNode: 30, enisPerNode: 3 });
    expect(subnetNamed(result, 'private-a').usedIps).toEqual({ min: 1, desired: 2, max: 4 });
    expect(subnetNamed(result, 'pods-a').usedIps).toEqual({ min: 30, desired: 60, max: 120 });
    expect(subnetNamed(result, 'pods-a').charges).toEqual([
      {
        kind: 'POD_ENI_IPS',
        consumer: 'general',
        nodes: { min: 1, desired: 2, max: 4 },
        ipsPerNodeAtMax: 30,
        usedIps: { min: 30, desired: 60, max: 120 },
        prefixesAtMax: 0,
        surgeIps: 30,
      },
    ]);
    expect(subnetNamed(result, 'private-a').surgeIps).toBe(1);
    expect(problems(result.findings)).toEqual([]);
  });

  it('custom networking under nodeadm: the kubelet value is one ENI too high (#375)', () => {
    const spec = customNetworkingDesign();
    Object.assign(spec.nodeGroups[0], { kind: 'SELF_MANAGED', amiFamily: 'AL2023' });

    const result = plan(spec);

    // nodeadm: 4 × 14 + 2 = 58; only 3 × 14 + 2 = 44 pods can get an address.
    expect(result.nodeGroups[0]).toMatchObject({ launcher: 'NODEADM', maxPods: 58, effectiveMaxPods: 44 });
    expect(problems(result.findings)).toEqual([
      { code: 'MAX_PODS_EXCEEDS_POD_IPS', severity: 'WARNING', path: 'nodeGroups[0].instanceTypes[0]' },
    ]);
  });

  it('security groups for pods: trunk ENI and branch-ENI pods in the node subnet', () => {
    const spec = cleanDesign();
    spec.cni = { version: '1.20.0', securityGroupsForPods: true };
    spec.securityGroups = [{ name: 'pods', ingress: [{ protocol: 'TCP', ports: '8443', from: '10.0.0.0/16' }] }];
    // Self-managed with maxPods 44 = (4 − 1 trunk) × 14 + 2, the value #2051 asks for.
    Object.assign(spec.nodeGroups[0], { kind: 'SELF_MANAGED', maxPods: 44 });
    spec.workloads![0].securityGroups = ['pods'];

    const result = plan(spec);
    const group = result.nodeGroups[0];

    expect(group).toMatchObject({
      maxPods: 44,
      effectiveMaxPods: 44,
      podIpSlotsPerNode: 42,
      branchEniPodsPerNode: 18,
      replicas: { podIp: 20, branchEni: 6, hostNetwork: 0 },
    });
    // min: 7 pods, 2 with branch ENIs; 5 others on ENIs = ceil(5 / 14) + 1 = 2 → 2 × 15 + 1 trunk + 2 branch = 33.
    expect(group.loads.min).toMatchObject({ podsPerNode: 7, branchPodsPerNode: 2, enisPerNode: 3, nodeSubnetIpsPerNode: 33 });
    // desired: 4 pods (1 branch) → 2 × 15 + 1 + 1 = 32; max: 2 pods (1 branch) → 32.
    expect(subnetNamed(result, 'private-a').usedIps).toEqual({ min: 33, desired: 64, max: 128 });
    expect(result.workloads[0]).toMatchObject({ branchEni: true, podCapacityAtMax: 216 }); // 18 × 12
    expect(result.workloads[2]).toMatchObject({ branchEni: false, podCapacityAtMax: 504 }); // 42 × 12
  });

  it('Fargate: one address per pod in the profile subnets, spread like nodes', () => {
    const spec = cleanDesign();
    spec.nodeGroups.push({
      name: 'system',
      kind: 'FARGATE',
      instanceTypes: [],
      subnets: ['private-a', 'private-b'],
      minSize: 0,
      desiredSize: 2,
      maxSize: 4,
    });
    spec.workloads!.push({ name: 'coredns', namespace: 'kube-system', nodeGroup: 'system', replicas: 3 });

    const result = plan(spec);
    const system = result.nodeGroups[1];

    // Pods per size: max(size, replicas) = 3 / 3 / 4, each its own node with one address.
    expect(system).toMatchObject({ launcher: 'FARGATE', maxPods: 1, podCapacityAtMax: 4, branchEniPodsPerNode: 0 });
    expect(system.loads.min).toMatchObject({ nodes: 3, podsPerNode: 1, nodeSubnetIpsPerNode: 1 });
    expect(system.placementAtMax).toEqual([
      { subnet: 'private-a', az: 'eu-west-1a', nodes: 2 },
      { subnet: 'private-b', az: 'eu-west-1b', nodes: 2 },
    ]);
    const fargateCharge = (name: string) => subnetNamed(result, name).charges.find((charge) => charge.kind === 'FARGATE_POD_IPS');
    expect(fargateCharge('private-a')).toMatchObject({ nodes: { min: 2, desired: 2, max: 2 }, usedIps: { min: 2, desired: 2, max: 2 } });
    expect(fargateCharge('private-b')).toMatchObject({ nodes: { min: 1, desired: 1, max: 2 }, usedIps: { min: 1, desired: 1, max: 2 } });
    expect(subnetNamed(result, 'private-a').usedIps).toEqual({ min: 32, desired: 62, max: 122 });
    expect(result.workloads[3].podCapacityAtMax).toBeNull();
  });

  it('IPv6: nodes and Fargate pods still take one IPv4 address each, pods take addresses from the node /80', () => {
    const spec = cleanDesign();
    spec.ipFamily = 'IPV6';
    spec.vpc.ipv6Cidrs = ['2a05:d018:abc:ab00::/56'];
    spec.subnets.forEach((subnet, i) => {
      subnet.ipv6Cidr = `2a05:d018:abc:ab${i.toString(16).padStart(2, '0')}::/64`;
    });
    delete spec.serviceIpv4Cidr;
    spec.nodeGroups.push({
      name: 'system',
      kind: 'FARGATE',
      instanceTypes: [],
      subnets: ['private-a', 'private-b'],
      minSize: 0,
      desiredSize: 2,
      maxSize: 4,
    });
    spec.workloads!.push({ name: 'coredns', namespace: 'kube-system', nodeGroup: 'system', replicas: 3 });

    const result = plan(spec);

    expect(result.nodeGroups[0]).toMatchObject({ maxPods: 110, effectiveMaxPods: 110 });
    expect(result.nodeGroups[0].loads.max).toMatchObject({ nodeSubnetIpsPerNode: 1, podSubnetIpsPerNode: 0 });
    // private-a at max: 4 nodes + 2 Fargate pods, each one IPv4 address and one /80.
    expect(subnetNamed(result, 'private-a')).toMatchObject({ usedIps: { min: 3, desired: 4, max: 6 }, ipv6Prefixes80AtMax: 6 });
    expect(result.cluster).toMatchObject({ serviceIpv4Cidr: null, serviceIpv4CidrSource: 'NOT_APPLICABLE' });
    expect(brief(result.findings)).toEqual([{ code: 'FARGATE_IPV6_NEEDS_IPV4', severity: 'INFO', path: 'nodeGroups[1]' }]);
  });

  it('Windows: primary ENI only, resource-controller warm defaults, kubelet 110 above the 9 pod addresses', () => {
    const spec = cleanDesign();
    spec.nodeGroups.push({
      name: 'win',
      kind: 'MANAGED',
      amiFamily: 'WINDOWS',
      instanceTypes: ['m5.large'],
      subnets: ['private-a', 'private-b', 'private-c'],
      minSize: 0,
      desiredSize: 3,
      maxSize: 3,
    });
    spec.workloads!.push({ name: 'legacy', namespace: 'shop', nodeGroup: 'win', replicas: 6 });

    const result = plan(spec);
    const win = result.nodeGroups[1];

    expect(win).toMatchObject({ os: 'WINDOWS', maxPods: 110, effectiveMaxPods: 9, podIpSlotsPerNode: 9 });
    // 2 pods per node: max(2 + warm-ip-target 3, minimum-ip-target 3) = 5 secondaries + the primary = 6.
    expect(win.loads.desired).toMatchObject({ podsPerNode: 2, nodeSubnetIpsPerNode: 6 });
    expect(win.loads.min).toMatchObject({ nodes: 0, nodeSubnetIpsPerNode: 0 });
    expect(problems(result.findings)).toEqual([
      { code: 'MAX_PODS_EXCEEDS_POD_IPS', severity: 'WARNING', path: 'nodeGroups[1].instanceTypes[0]' },
    ]);
  });

  it('Karpenter with custom networking reserves the primary ENI (RESERVED_ENIS=1)', () => {
    const spec = customNetworkingDesign();
    Object.assign(spec.nodeGroups[0], { kind: 'KARPENTER', instanceTypes: ['m5.large'] });

    const result = plan(spec);

    // ENILimitedPods with (3 − 1) usable ENIs: 2 × 9 + 2 = 20, exactly the pods that can get an address.
    expect(result.nodeGroups[0]).toMatchObject({ launcher: 'KARPENTER', maxPods: 20, effectiveMaxPods: 20 });
    expect(problems(result.findings)).toEqual([]);
  });

  it('self-managed AL2 writes the uncapped eni-max-pods.txt value; a kubelet podsPerCore caps it', () => {
    const spec = cleanDesign();
    Object.assign(spec.nodeGroups[0], { kind: 'SELF_MANAGED', amiFamily: 'AL2' });
    expect(plan(spec).nodeGroups[0]).toMatchObject({ launcher: 'ENI_FORMULA', maxPods: 58 });

    spec.nodeGroups[0].podsPerCore = 4;
    expect(plan(spec).nodeGroups[0]).toMatchObject({ maxPods: 16, effectiveMaxPods: 16, podIpSlotsPerNode: 14 }); // 4 × 4 vCPUs
  });

  it('charges never shrink with size, even when fuller nodes keep more spare ENIs', () => {
    const spec = cleanDesign();
    spec.workloads![2].replicas = 130; // 140 pods: 4 nodes × 35 need 4 ENIs (60 addresses), 5 nodes × 28 need 3 (45)
    Object.assign(spec.nodeGroups[0], { subnets: ['private-a'], minSize: 4, desiredSize: 5, maxSize: 5 });

    const result = plan(spec);

    expect(result.nodeGroups[0].loads.min).toMatchObject({ podsPerNode: 35, nodeSubnetIpsPerNode: 60 });
    expect(result.nodeGroups[0].loads.desired).toMatchObject({ podsPerNode: 28, nodeSubnetIpsPerNode: 45 });
    // Raw 240 at min, 225 at desired: the 4 nodes keep their ENIs when a fifth joins, so desired stays at 240.
    expect(subnetNamed(result, 'private-a').usedIps).toEqual({ min: 240, desired: 240, max: 240 });
  });
});

/** The clean design with a 100.64.0.0/16 secondary CIDR, a /18 pod subnet per zone and one ENIConfig per zone. */
function customNetworkingDesign(): DesignSpec {
  const spec = cleanDesign();
  spec.vpc.secondaryCidrs = ['100.64.0.0/16'];
  LETTERS.forEach((letter, i) => {
    spec.subnets.push({
      name: `pods-${letter}`,
      az: `eu-west-1${letter}`,
      cidr: `100.64.${64 * i}.0/18`,
      natGateway: `nat-${letter}`,
      roles: ['PODS'],
    });
  });
  spec.cni = {
    version: '1.20.0',
    customNetworking: true,
    eniConfigs: LETTERS.map((letter) => ({ az: `eu-west-1${letter}`, subnet: `pods-${letter}` })),
  };
  return spec;
}
