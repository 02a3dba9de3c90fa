import { describe, expect, it } from 'vitest';
import type { FindingSeverity } from '../findings/finding.js';
import type { DesignSpec } from '../spec/design-spec.types.js';
import { planDesign as sut, sortFindings } from './design-plan.engine.js';
import { PLAN_FINDING_CODES } from './plan-finding.codes.js';
import { cleanDesign } from '../../../test/fixtures/plan/clean-design.fixture.js';
import { awsCatalog, brief, problems, valid } from '../../../test/fixtures/plan/plan-test.helpers.js';

interface Scenario {
  name: string;
  change: (spec: DesignSpec) => void;
  code: string;
  severity: FindingSeverity;
  path: string;
  /** INFO findings that come with it (the scenario still trips one ERROR or WARNING). */
  infos?: string[];
}

const general = (spec: DesignSpec) => spec.nodeGroups[0];
const subnet = (spec: DesignSpec, name: string) => spec.subnets.find((s) => s.name === name)!;
const podSecurityGroup = { name: 'pods', ingress: [{ protocol: 'TCP' as const, ports: '8443', from: '10.0.0.0/16' }] };

// Indexes in cleanDesign(): subnets 0-2 public, 3-5 cluster, 6-8 private; nodeGroups[0] general;
// workloads[0] storefront (exposed to the internet), [1] orders (in-cluster), [2] worker.
const scenarios: Scenario[] = [
  {
    name: 'a node subnet that cannot hold max size',
    change: (spec) => {
      Object.assign(subnet(spec, 'private-a'), { cidr: '10.0.32.0/24', roles: ['NODES'] });
      general(spec).maxSize = 40; // 14 nodes × 30 addresses in private-a's 251
    },
    code: 'SUBNET_FULL_AT_MAX',
    severity: 'ERROR',
    path: 'subnets[6]',
  },
  {
    name: 'a node subnet under 15% free at max size',
    change: (spec) => {
      subnet(spec, 'private-a').cidr = '10.0.32.0/23';
      general(spec).maxSize = 45; // 15 nodes × 30 = 450 of 507: 57 free, room for one 30-address surge node
    },
    code: 'SUBNET_LOW_HEADROOM_AT_MAX',
    severity: 'WARNING',
    path: 'subnets[6]',
  },
  {
    name: 'no room for the surge nodes of a rolling replacement',
    change: (spec) => {
      subnet(spec, 'private-a').cidr = '10.0.32.0/23';
      Object.assign(general(spec), { maxSize: 42, maxSurge: 3 }); // 14 × 30 = 420 of 507: 87 free (17%) < 3 × 30
    },
    code: 'SUBNET_NO_SURGE_ROOM',
    severity: 'WARNING',
    path: 'subnets[6]',
  },
  {
    name: 'prefix-mode nodes needing more /28 blocks than a /26 can ever hold',
    change: (spec) => denseGroup(spec, '10.0.4.0/26', 20), // ceil(20 / 16) + 1 = 3 prefixes > 2 assignable blocks
    code: 'PREFIX_BLOCKS_NEVER_AVAILABLE',
    severity: 'ERROR',
    path: 'subnets[9]',
    infos: ['NODE_GROUP_SINGLE_AZ'],
  },
  {
    name: 'prefixes needing most of the free aligned /28 blocks',
    change: (spec) => denseGroup(spec, '10.0.4.0/25', 40), // 4 prefixes of at most 6 blocks
    code: 'PREFIX_FRAGMENTATION_RISK',
    severity: 'WARNING',
    path: 'subnets[9]',
    infos: ['NODE_GROUP_SINGLE_AZ'],
  },
  {
    name: 'the kubelet admits pods that get no address (security groups for pods under a managed node group, #2051)',
    change: (spec) => {
      spec.cni = { ...spec.cni, securityGroupsForPods: true };
    },
    code: 'MAX_PODS_EXCEEDS_POD_IPS',
    severity: 'WARNING',
    path: 'nodeGroups[0].instanceTypes[0]',
  },
  {
    name: 'a workload with more replicas than its node group runs at max size',
    change: (spec) => {
      spec.workloads![2].replicas = 700; // 12 nodes × (58 − 2) pods
    },
    code: 'WORKLOAD_EXCEEDS_POD_CAPACITY',
    severity: 'ERROR',
    path: 'workloads[2].replicas',
  },
  {
    name: 'more pods with security groups than branch ENIs',
    change: (spec) => {
      spec.cni = { ...spec.cni, securityGroupsForPods: true };
      spec.securityGroups = [podSecurityGroup];
      // Self-managed with maxPods at the address limit (44), so only the branch ENIs (18 per m5.xlarge) bind.
      Object.assign(general(spec), { kind: 'SELF_MANAGED', maxPods: 44 });
      Object.assign(spec.workloads![2], { replicas: 220, securityGroups: ['pods'] }); // > 12 × 18
    },
    code: 'WORKLOAD_EXCEEDS_BRANCH_ENI_CAPACITY',
    severity: 'ERROR',
    path: 'workloads[2].replicas',
  },
  {
    name: 'workloads that fit one by one but not together',
    change: (spec) => {
      spec.workloads![2].replicas = 400;
      spec.workloads!.push({ name: 'reports', namespace: 'shop', nodeGroup: 'general', replicas: 400 });
    },
    code: 'NODE_GROUP_POD_CAPACITY_EXCEEDED',
    severity: 'ERROR',
    path: 'nodeGroups[0].maxSize',
  },
  {
    name: 'pod security groups while security groups for pods is off',
    change: (spec) => {
      spec.securityGroups = [podSecurityGroup];
      spec.workloads![2].securityGroups = ['pods'];
    },
    code: 'POD_SECURITY_GROUPS_NOT_ENABLED',
    severity: 'WARNING',
    path: 'workloads[2].securityGroups',
  },
  {
    name: 'pod security groups on instance types without trunking',
    change: (spec) => {
      spec.cni = { ...spec.cni, securityGroupsForPods: true };
      spec.securityGroups = [podSecurityGroup];
      general(spec).instanceTypes = ['t3.xlarge'];
      spec.workloads![2].securityGroups = ['pods'];
    },
    code: 'POD_SECURITY_GROUPS_UNSUPPORTED',
    severity: 'ERROR',
    path: 'workloads[2].securityGroups',
  },
  {
    name: 'a host-network workload on Fargate',
    change: (spec) => {
      spec.nodeGroups.push({
        name: 'system',
        kind: 'FARGATE',
        instanceTypes: [],
        subnets: ['private-a', 'private-b'],
        minSize: 0,
        desiredSize: 2,
        maxSize: 4,
      });
      spec.workloads!.push({ name: 'agent', namespace: 'kube-system', nodeGroup: 'system', replicas: 2, hostNetwork: true });
    },
    code: 'FARGATE_HOST_NETWORK_UNSUPPORTED',
    severity: 'ERROR',
    path: 'workloads[3].hostNetwork',
  },
  {
    name: 'a service CIDR overlapping a peered network',
    change: (spec) => {
      spec.serviceIpv4Cidr = '10.1.0.0/16';
    },
    code: 'SERVICE_CIDR_OVERLAPS_PEER',
    severity: 'ERROR',
    path: 'serviceIpv4Cidr',
  },
  {
    name: 'the default service CIDR landing on a secondary VPC CIDR',
    change: (spec) => {
      delete spec.serviceIpv4Cidr;
      spec.vpc.secondaryCidrs = ['172.20.0.0/16']; // the VPC has a 10. CIDR, so EKS picks 172.20.0.0/16
    },
    code: 'DEFAULT_SERVICE_CIDR_OVERLAPS_VPC',
    severity: 'ERROR',
    path: 'serviceIpv4Cidr',
    infos: ['SERVICE_CIDR_DEFAULTED'],
  },
  {
    name: 'a public endpoint open to the internet',
    change: (spec) => {
      spec.endpointAccess!.publicAccessCidrs = ['0.0.0.0/0'];
    },
    code: 'PUBLIC_ENDPOINT_UNRESTRICTED',
    severity: 'WARNING',
    path: 'endpointAccess.publicAccessCidrs',
  },
  {
    name: 'a public-only endpoint restricted to CIDRs the nodes do not come from',
    change: (spec) => {
      spec.endpointAccess!.private = false;
    },
    code: 'PUBLIC_ENDPOINT_CIDRS_BLOCK_NODES',
    severity: 'WARNING',
    path: 'endpointAccess.publicAccessCidrs',
    infos: ['PRIVATE_ENDPOINT_DISABLED'],
  },
  {
    name: 'every EC2 node in one Availability Zone',
    change: (spec) => {
      general(spec).subnets = ['private-a'];
    },
    code: 'NODES_SINGLE_AZ',
    severity: 'WARNING',
    path: 'nodeGroups',
    infos: ['NODE_GROUP_SINGLE_AZ'],
  },
  {
    name: 'a cluster subnet below the recommended free addresses (capacity cluster checks)',
    change: (spec) => {
      subnet(spec, 'cluster-a').cidr = '10.0.3.0/28';
    },
    code: 'CLUSTER_SUBNET_BELOW_RECOMMENDED_IPS',
    severity: 'WARNING',
    path: 'subnets[3]',
  },
  {
    name: 'an exposure warning from the exposure engine',
    change: (spec) => {
      spec.workloads!.push({
        name: 'db-proxy',
        namespace: 'shop',
        nodeGroup: 'general',
        replicas: 2,
        expose: { audience: 'VPC', protocol: 'TCP', port: 5432, staticIps: true },
      });
    },
    code: 'STATIC_PRIVATE_IPS_PROPOSED',
    severity: 'WARNING',
    path: 'workloads[3].expose',
  },
];

/** A prefix-mode group alone in a small subnet of us-east-1a, with maxSurge 0 so only the /28 arithmetic speaks. */
function denseGroup(spec: DesignSpec, cidr: string, replicas: number): void {
  spec.cni = { ...spec.cni, prefixDelegation: true };
  spec.subnets.push({ name: 'dense-a', az: 'eu-west-1a', cidr, natGateway: 'nat-a', roles: ['NODES'] });
  spec.nodeGroups.push({
    name: 'dense',
    kind: 'MANAGED',
    amiFamily: 'AL2023',
    instanceTypes: ['m5.xlarge'],
    subnets: ['dense-a'],
    minSize: 1,
    desiredSize: 1,
    maxSize: 1,
    maxSurge: 0,
  });
  spec.workloads!.push({ name: 'dense-app', namespace: 'shop', nodeGroup: 'dense', replicas });
}

describe('design plan scenarios', () => {
  it('finds no error or warning in a clean design, and says so in the summary', () => {
    const plan = sut(valid(cleanDesign()), awsCatalog);

    expect(problems(plan.findings)).toEqual([]);
    expect(plan.summary).toMatchObject({ status: 'OK', errors: 0, warnings: 0, nodeGroups: 1, subnets: 9, workloads: 3, nodesAtMax: 12 });
    expect(plan.summary.tightestSubnet).toEqual({ name: 'private-a', usedIpsAtMax: 120, freeIpsAtMax: 8067, utilization: 0.0147 });
  });

  it.each(scenarios)('trips exactly one problem: $name → $code', ({ change, code, severity, path, infos = [] }) => {
    const spec = cleanDesign();
    change(spec);

    const plan = sut(valid(spec), awsCatalog);

    expect(problems(plan.findings)).toEqual([{ code, severity, path }]);
    expect(plan.findings.filter((finding) => finding.severity === 'INFO').map((finding) => finding.code)).toEqual(infos);
    const finding = plan.findings.find((f) => f.code === code)!;
    expect(finding.message.length).toBeGreaterThan(30);
  });

  it('reports an INFO-only observation alone: the service CIDR EKS picks', () => {
    const spec = cleanDesign();
    delete spec.serviceIpv4Cidr;

    const plan = sut(valid(spec), awsCatalog);

    expect(brief(plan.findings)).toEqual([{ code: 'SERVICE_CIDR_DEFAULTED', severity: 'INFO', path: 'serviceIpv4Cidr' }]);
    expect(plan.cluster).toMatchObject({
      serviceIpv4Cidr: '172.20.0.0/16',
      serviceIpv4CidrSource: 'EKS_DEFAULT',
      clusterDnsIp: '172.20.0.10',
    });
    expect(plan.summary.status).toBe('OK');
  });

  it('reports a private-only endpoint as a hint', () => {
    const spec = cleanDesign();
    spec.endpointAccess = { public: false, private: true };

    const plan = sut(valid(spec), awsCatalog);

    expect(brief(plan.findings)).toEqual([{ code: 'PRIVATE_ENDPOINT_ONLY', severity: 'INFO', path: 'endpointAccess.public' }]);
    expect(plan.cluster).toMatchObject({ endpointPublic: false, endpointPrivate: true, publicAccessCidrs: [] });
  });

  it('treats an absent endpointAccess as the EKS default: public to everyone, private off', () => {
    const spec = cleanDesign();
    delete spec.endpointAccess;

    const plan = sut(valid(spec), awsCatalog);

    expect(brief(plan.findings)).toEqual([
      { code: 'PUBLIC_ENDPOINT_UNRESTRICTED', severity: 'WARNING', path: 'endpointAccess' },
      { code: 'PRIVATE_ENDPOINT_DISABLED', severity: 'INFO', path: 'endpointAccess' },
    ]);
  });

  it('passes the free addresses at max size to the load-balancer subnet check', () => {
    const spec = cleanDesign();
    subnet(spec, 'private-a').cidr = '10.0.32.0/24'; // an INTERNAL_ELB subnet with 251 usable addresses
    general(spec).maxSize = 24; // 8 nodes in private-a × 30 addresses = 240
    spec.nodeGroups.push({
      name: 'extra',
      kind: 'MANAGED',
      instanceTypes: ['m5.large'],
      subnets: ['private-a'],
      minSize: 0,
      desiredSize: 0,
      maxSize: 1,
      maxSurge: 0,
    });

    const plan = sut(valid(spec), awsCatalog);

    // An m5.large without pods keeps WARM_ENI_TARGET 1 ENI: 10 addresses; 240 + 10 leaves 1 of 251.
    expect(plan.subnets[6].freeIpsAtMax).toBe(1);
    expect(brief(plan.findings)).toContainEqual({ code: 'LB_SUBNET_IGNORED_BY_LBC', severity: 'WARNING', path: 'subnets[6]' });
    expect(plan.summary.tightestSubnet).toEqual({ name: 'private-a', usedIpsAtMax: 250, freeIpsAtMax: 1, utilization: 0.996 });
  });

  it('turns what the engines reject into findings instead of throwing', () => {
    const spec = cleanDesign();
    spec.workloads![0].name = 'Store_Front'; // a valid design name, but not a DNS-1035 Service name
    const unknownTypes = { lookupInstanceType: () => undefined };

    const plan = sut(valid(spec), unknownTypes);

    expect(problems(plan.findings)).toEqual([
      { code: 'NODE_GROUP_NOT_PLANNABLE', severity: 'ERROR', path: 'nodeGroups[0].instanceTypes' },
      { code: 'INSTANCE_TYPE_UNKNOWN', severity: 'ERROR', path: 'nodeGroups[0].instanceTypes[0]' },
      { code: 'EXPOSURE_REQUEST_INVALID', severity: 'ERROR', path: 'workloads[0].expose' },
    ]);
    expect(plan.nodeGroups[0]).toMatchObject({ maxPods: null, podCapacityAtMax: null, maxNodesThatFit: null });
    expect(plan.subnets[6].usedIps).toEqual({ min: 0, desired: 0, max: 0 });
  });

  it('reports an impossible node group setting once for the group', () => {
    const spec = cleanDesign();
    spec.nodeGroups.push({
      name: 'auto-win',
      kind: 'AUTO_MODE',
      amiFamily: 'WINDOWS',
      instanceTypes: ['m5.large', 'm5.xlarge'],
      subnets: ['private-a', 'private-b'],
      minSize: 0,
      desiredSize: 0,
      maxSize: 2,
    });

    const plan = sut(valid(spec), awsCatalog);

    expect(problems(plan.findings)).toEqual([
      { code: 'AUTO_MODE_WINDOWS_UNSUPPORTED', severity: 'ERROR', path: 'nodeGroups[1].amiFamily' },
      { code: 'NODE_GROUP_NOT_PLANNABLE', severity: 'ERROR', path: 'nodeGroups[1].instanceTypes' },
    ]);
    expect(plan.nodeGroups[1].instanceTypes.map((type) => type.unsupportedCode)).toEqual([
      'AUTO_MODE_WINDOWS_UNSUPPORTED',
      'AUTO_MODE_WINDOWS_UNSUPPORTED',
    ]);
  });

  it('sorts findings by severity, then path with numeric indexes, then code', () => {
    const finding = (severity: FindingSeverity, path: string, code = 'X') => ({ code, severity, path, message: `${code} at ${path}` });
    const findings = [
      finding('INFO', 'cni'),
      finding('WARNING', 'subnets[10]'),
      finding('ERROR', 'subnets[10]'),
      finding('WARNING', 'subnets[2].az'),
      finding('WARNING', 'subnets[2]', 'B'),
      finding('WARNING', 'subnets[2]', 'A'),
      finding('ERROR', 'nodeGroups[0].maxSize'),
    ];

    expect(sortFindings(findings).map(({ severity, path, code }) => `${severity} ${path} ${code}`)).toEqual([
      'ERROR nodeGroups[0].maxSize X',
      'ERROR subnets[10] X',
      'WARNING subnets[2] A',
      'WARNING subnets[2] B',
      'WARNING subnets[2].az X',
      'WARNING subnets[10] X',
      'INFO cni X',
    ]);
  });

  it('keeps the plan findings in that order', () => {
    const spec = cleanDesign();
    spec.serviceIpv4Cidr = '10.1.0.0/16';
    spec.endpointAccess!.publicAccessCidrs = ['0.0.0.0/0'];
    subnet(spec, 'private-a').cidr = '10.0.32.0/24';
    subnet(spec, 'private-a').roles = ['NODES'];
    general(spec).maxSize = 45;

    const plan = sut(valid(spec), awsCatalog);

    expect(brief(plan.findings)).toEqual([
      { code: 'SERVICE_CIDR_OVERLAPS_PEER', severity: 'ERROR', path: 'serviceIpv4Cidr' },
      { code: 'SUBNET_FULL_AT_MAX', severity: 'ERROR', path: 'subnets[6]' },
      { code: 'PUBLIC_ENDPOINT_UNRESTRICTED', severity: 'WARNING', path: 'endpointAccess.publicAccessCidrs' },
    ]);
    expect(sortFindings([...plan.findings])).toEqual(plan.findings);
  });

  it('documents every code it emits itself', () => {
    const spec = cleanDesign();
    spec.serviceIpv4Cidr = '10.1.0.0/16';
    const plan = sut(valid(spec), awsCatalog);
    for (const finding of plan.findings) expect(Object.keys(PLAN_FINDING_CODES)).toContain(finding.code);
  });
});
