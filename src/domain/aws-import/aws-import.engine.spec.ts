/**
 * importAwsBundle over the shapes the AWS CLI prints (botocore ec2 / eks models, the CLI reference's example outputs):
 * the multi-AZ dump of examples/aws-dump, a partial bundle, resources of a foreign VPC, and malformed files.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../errors/planning-error.js';
import { planDesign } from '../plan/index.js';
import { validateDesignSpec } from '../spec/design-spec.validator.js';
import { thrownBy } from '../../../test/support/thrown.js';
import { awsCatalog } from '../../../test/fixtures/plan/plan-test.helpers.js';
import { catalogContext } from '../../../test/fixtures/spec/validation-context.fixture.js';
import { awsDumpFiles, awsOutput } from '../../../test/fixtures/aws/aws-dump.fixture.js';
import { bundleFromFiles } from './aws-bundle.files.js';
import { importAwsBundle as sut } from './aws-import.engine.js';

const AT = '2026-12-04T18:00:00Z';
const VPC = 'vpc-0a1b2c3d4e5f60001';
const dump = () => bundleFromFiles(awsDumpFiles()) as Record<string, any>;
const valid = (spec: unknown) => {
  const result = validateDesignSpec(spec, catalogContext());
  if (!result.ok) throw new Error(JSON.stringify(result.details));
  return result.spec;
};
const invalid = (bundle: unknown) => thrownBy(() => sut(bundle, { observedAt: AT }), InvalidInputError);

describe('importAwsBundle: the multi-AZ dump', () => {
  const imported = sut(dump(), { observedAt: AT });
  const spec = imported.spec;
  const subnet = (name: string) => spec.subnets.find((entry) => entry.name === name)!;

  it('keeps every AWS identity: the VPC, each subnet, NAT gateway (with its EIP), security group and the cluster name', () => {
    const subnets = awsOutput('subnets.json').Subnets;
    expect(spec).toMatchObject({ name: 'shop-prod', clusterName: 'shop-prod', region: 'eu-west-1', vpc: { id: VPC } });
    expect(spec.subnets.map((entry) => entry.id)).toEqual(subnets.map((entry: any) => entry.SubnetId));
    expect(spec.natGateways).toEqual([
      { name: 'nat-a', id: 'nat-0a1b2c3d4e5f60041', eip: '203.0.113.10', subnet: 'public-a' },
      { name: 'nat-b', id: 'nat-0a1b2c3d4e5f60042', eip: '203.0.113.11', subnet: 'public-b' },
    ]);
    expect(spec.securityGroups!.map((group) => group.id)).toEqual(
      awsOutput('security-groups.json').SecurityGroups.map((group: any) => group.GroupId),
    );
    expect(valid(spec)).toEqual(spec);
  });

  it('reads both CIDRs of the VPC and every subnet with its AZ, CIDR and observed free addresses', () => {
    expect(spec.vpc).toEqual({ id: VPC, cidrs: ['10.20.0.0/16'], secondaryCidrs: ['100.64.0.0/16'] });
    expect(subnet('private-c')).toMatchObject({ az: 'eu-west-1c', cidr: '10.20.96.0/19', observed: { availableIps: 118, at: AT } });
    expect(subnet('pods-c')).toMatchObject({ cidr: '100.64.128.0/18', observed: { availableIps: 32, at: AT } });
  });

  it('infers public and NAT from explicit route table associations, else the main route table, and says so', () => {
    expect(spec.subnets.map((entry) => [entry.name, entry.public ?? false, entry.natGateway ?? null])).toEqual([
      ['public-a', true, null],
      ['public-b', true, null],
      ['public-c', true, null],
      ['private-a', false, 'nat-a'],
      ['private-b', false, 'nat-b'],
      ['private-c', false, 'nat-a'], // main route table
      ['pods-a', false, 'nat-a'],
      ['pods-b', false, 'nat-b'],
      ['pods-c', false, 'nat-a'], // main route table
    ]);
    expect(imported.warnings).toContainEqual({
      code: 'INFERRED',
      message:
        'private-c: private through NAT gateway nat-a, since the main route table rtb-0a1b2c3d4e5f60080 sends 0.0.0.0/0 to nat-0a1b2c3d4e5f60041.',
      path: 'routeTables.RouteTables[3].Routes[2].NatGatewayId',
    });
  });

  it('infers roles from tags, the cluster subnets, the node groups and the ENIConfigs', () => {
    expect(subnet('public-a').roles).toEqual(['ELB']);
    expect(subnet('private-a').roles).toEqual(['NODES', 'CLUSTER_ENDPOINTS', 'INTERNAL_ELB']);
    expect(subnet('private-c').roles).toEqual(['NODES', 'CLUSTER_ENDPOINTS', 'INTERNAL_ELB']);
    expect(subnet('pods-b').roles).toEqual(['PODS']);
  });

  it('reads the cluster, both managed node groups (desired as currentSize) and the CNI with its ENIConfigs', () => {
    expect(spec).toMatchObject({
      kubernetesVersion: '1.31',
      ipFamily: 'IPV4',
      serviceIpv4Cidr: '172.20.0.0/16',
      endpointAccess: { public: true, private: true, publicAccessCidrs: ['203.0.113.0/24'] },
      clusterSecurityGroup: 'eks-cluster-sg-shop-prod-1234567890',
    });
    expect(spec.nodeGroups).toEqual([
      {
        name: 'batch',
        kind: 'MANAGED',
        amiFamily: 'AL2',
        instanceTypes: ['c5.2xlarge', 'm5.2xlarge'],
        subnets: ['private-a', 'private-b'],
        minSize: 0,
        desiredSize: 2,
        maxSize: 10,
        currentSize: 2,
      },
      {
        name: 'general',
        kind: 'MANAGED',
        amiFamily: 'AL2023',
        instanceTypes: ['m5.xlarge'],
        subnets: ['private-a', 'private-b', 'private-c'],
        minSize: 3,
        desiredSize: 6,
        maxSize: 12,
        currentSize: 6,
      },
    ]);
    expect(spec.cni).toEqual({
      version: '1.19.2-eksbuild.1',
      customNetworking: true,
      externalSnat: false,
      securityGroupsForPods: false,
      prefixDelegation: false,
      warmEniTarget: 1,
      warmPrefixTarget: 1,
      eniConfigs: ['a', 'b', 'c'].map((letter) => ({
        az: `eu-west-1${letter}`,
        subnet: `pods-${letter}`,
        securityGroups: ['shop-prod-pods', 'shop-prod-nodes'],
      })),
    });
    expect(imported.unsupported).toContainEqual({
      path: 'nodegroups[0].nodegroup.labels',
      message: 'labels does not change the network plan and is not kept.',
    });
  });

  it('maps ingress rules: CIDRs, referenced groups by name, port ranges and all-traffic rules', () => {
    const nodes = spec.securityGroups!.find((group) => group.name === 'shop-prod-nodes')!;
    expect(nodes.ingress).toEqual([
      { protocol: 'TCP', ports: '443', from: 'eks-cluster-sg-shop-prod-1234567890' },
      { protocol: 'TCP', ports: '1025-65535', from: 'eks-cluster-sg-shop-prod-1234567890' },
      { protocol: 'TCP', ports: '30000-32767', from: '10.20.0.0/22' },
    ]);
    expect(spec.securityGroups!.find((group) => group.name === 'default')!.ingress).toEqual([{ protocol: 'ALL', from: 'default' }]);
  });

  it('plans against the IPs left: per subnet how many more nodes of each group fit now, and the tightest subnet', () => {
    const plan = planDesign(valid(spec), awsCatalog);
    const observed = (name: string) => plan.subnets.find((entry) => entry.name === name)!.observed!;
    // Custom networking: a node takes its primary address in its node subnet and a pod ENI (1 + 14 warm) in pods-<az>.
    expect(observed('private-c').additionalNodes).toEqual([
      { nodeGroup: 'general', kind: 'NODE_IPS', ipsPerNode: 1, now: 118, beyondMax: 116 },
    ]);
    expect(observed('pods-c')).toEqual({
      availableIps: 32,
      at: AT,
      additionalIpsAtMax: 30, // general: 2 → 4 nodes in eu-west-1c, 15 addresses each
      headroomAtMax: 2,
      fits: true,
      additionalNodes: [{ nodeGroup: 'general', kind: 'POD_ENI_IPS', ipsPerNode: 15, now: 2, beyondMax: 0 }],
    });
    expect(plan.summary.tightestSubnet).toMatchObject({ name: 'pods-c', observed: { headroomAtMax: 2 } });
    expect(plan.findings.filter((finding) => finding.code.startsWith('OBSERVED_')).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'OBSERVED_IPS_LOW', path: 'subnets[8].observed' },
    ]);
  });

  it('reads ENIConfigs named by AZ id as the zone of their subnet', () => {
    const bundle = dump();
    bundle.eniConfigs.items.forEach((item: any, i: number) => (item.metadata.name = ['euw1-az1', 'euw1-az2', 'euw1-az3'][i]));
    const { spec: byId } = sut(bundle, { observedAt: AT });
    expect(byId.cni!.eniConfigs!.map((eniConfig) => eniConfig.az)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(valid(byId)).toEqual(byId);
  });

  it('takes observedAt from the bundle over the import time', () => {
    expect(sut({ ...dump(), observedAt: '2026-12-01T08:00:00Z' }, { observedAt: AT }).spec.subnets[0].observed!.at).toBe(
      '2026-12-01T08:00:00Z',
    );
  });
});

describe('importAwsBundle: partial and foreign input', () => {
  it('imports a VPC and its subnets alone, public from MapPublicIpOnLaunch when no route table is given', () => {
    const { vpcs, subnets } = dump();
    const imported = sut({ vpcs, subnets, name: 'network-only' }, { observedAt: AT });
    expect(imported.spec).toMatchObject({ name: 'network-only', nodeGroups: [], vpc: { id: VPC } });
    expect(imported.spec.subnets.filter((entry) => entry.public).map((entry) => entry.name)).toEqual(['public-a', 'public-b', 'public-c']);
    expect(imported.spec.subnets.every((entry) => entry.natGateway === undefined && entry.id !== undefined)).toBe(true);
    expect(imported.warnings.filter((warning) => warning.code === 'ROUTE_TABLES_MISSING')).toHaveLength(9);
    expect(valid(imported.spec)).toEqual(imported.spec);
  });

  it('leaves out resources of another VPC with a warning and imports the rest unchanged', () => {
    const clean = sut(dump(), { observedAt: AT }).spec;
    const bundle = dump();
    const foreign = 'vpc-0fffffffffffffff1';
    bundle.vpcs.Vpcs.push({ ...bundle.vpcs.Vpcs[0], VpcId: foreign, CidrBlock: '172.31.0.0/16', CidrBlockAssociationSet: [] });
    bundle.subnets.Subnets.push({
      ...bundle.subnets.Subnets[0],
      SubnetId: 'subnet-0fffffffffffffff2',
      VpcId: foreign,
      CidrBlock: '172.31.0.0/20',
    });
    bundle.natGateways.NatGateways.push({ ...bundle.natGateways.NatGateways[0], NatGatewayId: 'nat-0fffffffffffffff3', VpcId: foreign });
    bundle.securityGroups.SecurityGroups.push({
      ...bundle.securityGroups.SecurityGroups[0],
      GroupId: 'sg-0fffffffffffffff4',
      VpcId: foreign,
    });
    bundle.routeTables.RouteTables.push({ ...bundle.routeTables.RouteTables[0], RouteTableId: 'rtb-0fffffffffffffff5', VpcId: foreign });
    bundle.vpcId = VPC;
    const imported = sut(bundle, { observedAt: AT });
    expect(imported.spec).toEqual(clean);
    expect(imported.warnings.filter((warning) => warning.code === 'FOREIGN_VPC_RESOURCE').map((warning) => warning.path)).toEqual([
      'subnets.Subnets[9]',
      'natGateways.NatGateways[2]',
      'routeTables.RouteTables[4]',
      'securityGroups.SecurityGroups[4]',
    ]);
  });

  it('leaves out a cluster of another VPC and node groups in subnets it does not hold', () => {
    const bundle = dump();
    bundle.cluster.cluster.resourcesVpcConfig.vpcId = 'vpc-0fffffffffffffff1';
    bundle.nodegroups[0].nodegroup.subnets = ['subnet-0fffffffffffffff2'];
    const imported = sut(bundle, { observedAt: AT });
    expect(imported.spec.clusterName).toBeUndefined();
    expect(imported.spec.nodeGroups.map((group) => group.name)).toEqual(['general']);
    expect(imported.warnings.map((warning) => warning.path)).toEqual(
      expect.arrayContaining(['cluster.cluster.resourcesVpcConfig.vpcId', 'nodegroups[0].nodegroup.subnets[0]', 'nodegroups[0].nodegroup']),
    );
  });
});

describe('importAwsBundle: malformed input answers InvalidInputError naming key and path', () => {
  it.each([
    ['a non-object bundle', () => [1, 2], 'AWS_BUNDLE_INVALID', ''],
    ['a missing required key', () => ({ vpcs: dump().vpcs }), 'AWS_BUNDLE_INVALID', 'subnets'],
    ['an unknown key', () => ({ ...dump(), subnetz: {} }), 'AWS_BUNDLE_INVALID', 'subnetz'],
    ['a key holding text that is not JSON', () => ({ ...dump(), subnets: '{"Subnets": [' }), 'AWS_BUNDLE_INVALID', 'subnets'],
    ['a key holding another command output', () => ({ ...dump(), subnets: dump().vpcs }), 'AWS_OUTPUT_MISMATCH', 'subnets'],
    [
      'a node group list entry of another command',
      () => ({ ...dump(), nodegroups: [dump().cluster] }),
      'AWS_OUTPUT_MISMATCH',
      'nodegroups[0]',
    ],
    ['aws-node that is not a DaemonSet', () => ({ ...dump(), awsNode: dump().eniConfigs }), 'AWS_OUTPUT_MISMATCH', 'awsNode'],
    [
      'a field of the wrong type',
      () => {
        const bundle = dump();
        bundle.subnets.Subnets[2].CidrBlock = 42;
        return bundle;
      },
      'AWS_BUNDLE_INVALID',
      'subnets.Subnets[2].CidrBlock',
    ],
    [
      'a subnet outside every VPC CIDR',
      () => {
        const bundle = dump();
        bundle.subnets.Subnets[3].CidrBlock = '10.99.0.0/20';
        return bundle;
      },
      'AWS_SUBNET_OUTSIDE_VPC',
      'subnets.Subnets[3].CidrBlock',
    ],
    [
      'several VPCs and no vpcId',
      () => {
        const bundle = dump();
        bundle.vpcs.Vpcs.push({ ...bundle.vpcs.Vpcs[0], VpcId: 'vpc-0fffffffffffffff1' });
        return bundle;
      },
      'AWS_VPC_NOT_SELECTED',
      'vpcs.Vpcs',
    ],
    ['a vpcId the bundle does not hold', () => ({ ...dump(), vpcId: 'vpc-0fffffffffffffff1' }), 'AWS_VPC_NOT_SELECTED', 'vpcId'],
  ])('%s', (_case, bundle, code, path) => {
    const error = invalid(bundle());
    expect(error.code).toBe(code);
    expect(error.details[0].path).toBe(path);
  });

  it('accepts each output as JSON text too (what $(cat file) gives)', () => {
    const files = Object.fromEntries(awsDumpFiles().map((file) => [file.name, file.text]));
    const bundle = { ...dump(), vpcs: files['vpcs.json'], subnets: files['subnets.json'] };
    expect(sut(bundle, { observedAt: AT }).spec).toEqual(sut(dump(), { observedAt: AT }).spec);
  });

  it('names an unknown or unparsable file of a dumped folder', () => {
    expect(thrownBy(() => bundleFromFiles([{ name: 'describe-everything.json', text: '{}' }]), InvalidInputError).message).toContain(
      'describe-everything.json',
    );
    expect(thrownBy(() => bundleFromFiles([{ name: 'subnets.json', text: 'Subnets:' }]), InvalidInputError).details).toEqual([
      { path: 'subnets', message: 'subnets.json is not JSON' },
    ]);
  });
});
