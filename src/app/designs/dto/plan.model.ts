/**
 * The design plan (GET /v1/designs/{id}/plan, POST /v1/plan, GraphQL `Design.plan` and `plan(spec:)`) as GraphQL object
 * types and OpenAPI schemas. REST returns the engine's JSON as it is; GraphQL differs only where it has no map type
 * (exposure annotations as name/value pairs). Counts that add up nodes, pods or addresses are Float: a valid design can
 * take them past 32-bit integers (2,000 groups × 100,000 nodes, 10,000 workloads × 1,000,000 replicas), as in subnet-usage.model.ts.
 */
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LAUNCHERS,
  NODE_OPERATING_SYSTEMS,
  POD_ADDRESS_MODES,
  type Launcher,
  type NodeOs,
  type PodAddressMode,
} from '../../../domain/capacity/capacity.types.js';
import { FINDING_SEVERITIES, type Finding, type FindingSeverity } from '../../../domain/findings/finding.js';
import {
  CLIENT_IP_VIAS,
  EXPOSURE_CONTROLLERS,
  EXPOSURE_KINDS,
  LB_SCHEMES,
  type ClientIpVia,
  type ExposureController,
  type ExposureKind,
  type LbScheme,
  type ServiceType,
} from '../../../domain/exposure/exposure.types.js';
import {
  AMI_FAMILIES,
  IP_FAMILIES,
  NODE_GROUP_KINDS,
  SUBNET_ROLES,
  TARGET_TYPES,
  TRAFFIC_POLICIES,
  type AmiFamily,
  type IpFamily,
  type NodeGroupKind,
  type SubnetRole,
  type TargetType,
  type TrafficPolicy,
} from '../../../domain/spec/design-spec.types.js';
import {
  PLAN_STATUSES,
  SERVICE_CIDR_SOURCES,
  SUBNET_CHARGE_KINDS,
  type AtSizes,
  type ClusterPlan,
  type DesignPlan,
  type InstanceTypePlan,
  type NodeGroupPlan,
  type NodeLoad,
  type PlanStatus,
  type PlanSummary,
  type PrefixBlockPlan,
  type ServiceCidrSource,
  type AdditionalNodes,
  type SubnetCharge,
  type SubnetChargeKind,
  type SubnetObservedPlan,
  type SubnetPlan,
  type TightestSubnet,
  type WorkloadExposurePlan,
  type WorkloadPlan,
} from '../../../domain/plan/plan.types.js';
import {
  AmiFamilyEnum,
  ClientIpViaEnum,
  ExposureControllerEnum,
  ExposureKindEnum,
  FindingSeverityEnum,
  IpFamilyEnum,
  LauncherEnum,
  LbSchemeEnum,
  NodeGroupKindEnum,
  NodeOsEnum,
  PlanStatusEnum,
  PodAddressModeEnum,
  ServiceCidrSourceEnum,
  SubnetChargeKindEnum,
  SubnetRoleEnum,
  TargetTypeEnum,
  TrafficPolicyEnum,
} from '../../graphql-vocabulary.js';

@ObjectType('Finding', { description: 'A problem or observation about the design; `path` points into the DesignSpec.' })
export class FindingModel implements Finding {
  @Field({ description: 'Stable UPPER_SNAKE code naming the rule.' }) @ApiProperty({ example: 'SUBNET_FULL_AT_MAX' }) code: string;
  @Field(() => FindingSeverityEnum) @ApiProperty({ enum: FINDING_SEVERITIES, enumName: 'FindingSeverity' }) severity: FindingSeverity;
  @Field() @ApiProperty({ example: 'subnets[6]' }) path: string;
  @Field() @ApiProperty() message: string;
  @Field(() => String, { nullable: true, description: 'What to change to resolve it.' }) @ApiPropertyOptional() fix?: string;
}

@ObjectType('ClusterPlan')
export class ClusterPlanModel implements ClusterPlan {
  @Field(() => String, {
    nullable: true,
    description: "The Kubernetes service IPv4 range: the design's, or the one EKS picks; null for IPv6 clusters.",
  })
  @ApiProperty({ type: String, nullable: true, example: '172.20.0.0/16' })
  serviceIpv4Cidr: string | null;

  @Field(() => ServiceCidrSourceEnum)
  @ApiProperty({ enum: SERVICE_CIDR_SOURCES, enumName: 'ServiceCidrSource' })
  serviceIpv4CidrSource: ServiceCidrSource;
  @Field(() => String, { nullable: true, description: 'The CoreDNS ClusterIP (.10 of the service range).' })
  @ApiProperty({ type: String, nullable: true, example: '172.20.0.10' })
  clusterDnsIp: string | null;

  @Field(() => [String]) @ApiProperty({ type: [String] }) availabilityZones: string[];
  @Field() @ApiProperty() endpointPublic: boolean;
  @Field() @ApiProperty() endpointPrivate: boolean;
  @Field(() => [String], { description: 'CIDRs allowed to reach the public endpoint; empty when it is private only.' })
  @ApiProperty({ type: [String] })
  publicAccessCidrs: string[];
}

@ObjectType('InstanceTypePlan', { description: 'Max pods and kubelet reservations of one instance type of a node group.' })
export class InstanceTypePlanModel implements InstanceTypePlan {
  @Field() @ApiProperty({ example: 'm5.large' }) instanceType: string;
  @Field({ description: 'False when the type cannot run in this design (unknown to the catalog, or an impossible combination).' })
  @ApiProperty()
  supported: boolean;
  @Field(() => String, { nullable: true, description: 'The finding code that explains supported: false.' })
  @ApiProperty({ type: String, nullable: true })
  unsupportedCode: string | null;
  @Field(() => LauncherEnum, { nullable: true })
  @ApiProperty({ enum: LAUNCHERS, enumName: 'Launcher', nullable: true })
  launcher: Launcher | null;
  @Field(() => Int, { nullable: true, description: 'What the kubelet is told.' })
  @ApiProperty({ type: 'integer', nullable: true })
  maxPods: number | null;
  @Field(() => Int, { nullable: true, description: 'Pods that can get an address; null when unlimited (IPv6).' })
  @ApiProperty({ type: 'integer', nullable: true })
  ipLimitedPods: number | null;
  @Field(() => Int, { nullable: true, description: 'min(maxPods, ipLimitedPods).' })
  @ApiProperty({ type: 'integer', nullable: true })
  effectivePods: number | null;
  @Field(() => Int, { nullable: true, description: 'Branch-ENI pods with security groups for pods; 0 when off.' })
  @ApiProperty({ type: 'integer', nullable: true })
  branchEniPods: number | null;
  @Field(() => Int, { nullable: true }) @ApiProperty({ type: 'integer', nullable: true }) cap: number | null;
  @Field() @ApiProperty() capApplied: boolean;
  @Field(() => Int, { nullable: true }) @ApiProperty({ type: 'integer', nullable: true }) kubeReservedMemoryMiB: number | null;
  @Field(() => Int, { nullable: true }) @ApiProperty({ type: 'integer', nullable: true }) kubeReservedCpuMillicores: number | null;
  @Field(() => PodAddressModeEnum, { nullable: true })
  @ApiProperty({ enum: POD_ADDRESS_MODES, enumName: 'PodAddressMode', nullable: true })
  podAddressMode: PodAddressMode | null;
}

@ObjectType('NodeLoad', { description: 'One node of a group at one size: the pods it holds and the addresses it takes.' })
export class NodeLoadModel implements NodeLoad {
  @Field(() => Float, { description: 'Nodes at this size (Fargate: pods).' }) @ApiProperty({ type: 'integer' }) nodes: number;
  @Field(() => Int, { description: 'Pods per node that need a VPC address (branch-ENI pods included).' })
  @ApiProperty({ type: 'integer' })
  podsPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) branchPodsPerNode: number;
  @Field(() => String, { nullable: true, description: 'The instance type with the highest per-node address cost.' })
  @ApiProperty({ type: String, nullable: true })
  sizingInstanceType: string | null;
  @Field(() => Int, { description: 'Addresses per node charged to the node subnet.' })
  @ApiProperty({ type: 'integer' })
  nodeSubnetIpsPerNode: number;
  @Field(() => Int, { description: 'Addresses per node charged to the ENIConfig subnet (custom networking); 0 otherwise.' })
  @ApiProperty({ type: 'integer' })
  podSubnetIpsPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) enisPerNode: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) prefixesPerNode: number;
  @Field(() => Int, { description: 'Allocated but unused pod addresses per node (the CNI warm pool).' })
  @ApiProperty({ type: 'integer' })
  warmIpsPerNode: number;
}

@ObjectType('NodeLoadsAtSizes')
export class NodeLoadsModel {
  @Field(() => NodeLoadModel) @ApiProperty({ type: NodeLoadModel }) min: NodeLoad;
  @Field(() => NodeLoadModel) @ApiProperty({ type: NodeLoadModel }) desired: NodeLoad;
  @Field(() => NodeLoadModel) @ApiProperty({ type: NodeLoadModel }) max: NodeLoad;
}

@ObjectType('NodeGroupSizes', { description: "The node group's minSize, desiredSize and maxSize (Fargate: pods)." })
export class NodeGroupSizesModel implements AtSizes {
  @Field(() => Int) @ApiProperty({ type: 'integer' }) min: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) desired: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) max: number;
}

@ObjectType('AtSizes', { description: 'A figure with every node group at its min, desired and max size.' })
export class AtSizesModel implements AtSizes {
  @Field(() => Float) @ApiProperty({ type: 'integer' }) min: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) desired: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) max: number;
}

@ObjectType('NodeGroupReplicas', { description: 'Replicas of the workloads on a node group.' })
export class NodeGroupReplicasModel {
  @Field(() => Float, { description: 'Pods that take an address from the node (secondary IP or prefix).' })
  @ApiProperty({ type: 'integer' })
  podIp: number;
  @Field(() => Float, { description: 'Pods on branch ENIs (security groups for pods).' })
  @ApiProperty({ type: 'integer' })
  branchEni: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) hostNetwork: number;
}

@ObjectType('NodePlacement')
export class NodePlacementModel {
  @Field() @ApiProperty() subnet: string;
  @Field() @ApiProperty() az: string;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) nodes: number;
}

@ObjectType('NodeGroupPlan')
export class NodeGroupPlanModel implements NodeGroupPlan {
  @Field() @ApiProperty() name: string;
  @Field(() => Int, { description: "Index in the DesignSpec's nodeGroups." }) @ApiProperty({ type: 'integer' }) index: number;
  @Field(() => NodeGroupKindEnum) @ApiProperty({ enum: NODE_GROUP_KINDS, enumName: 'NodeGroupKind' }) kind: NodeGroupKind;
  @Field(() => AmiFamilyEnum, { nullable: true })
  @ApiProperty({ enum: AMI_FAMILIES, enumName: 'AmiFamily', nullable: true })
  amiFamily: AmiFamily | null;
  @Field(() => NodeOsEnum) @ApiProperty({ enum: NODE_OPERATING_SYSTEMS, enumName: 'NodeOs' }) os: NodeOs;
  @Field(() => LauncherEnum) @ApiProperty({ enum: LAUNCHERS, enumName: 'Launcher' }) launcher: Launcher;
  @Field(() => [InstanceTypePlanModel]) @ApiProperty({ type: [InstanceTypePlanModel] }) instanceTypes: InstanceTypePlan[];
  @Field(() => Int, { nullable: true, description: 'The kubelet maxPods of the group: the lowest across its supported types.' })
  @ApiProperty({ type: 'integer', nullable: true })
  maxPods: number | null;
  @Field(() => Int, { nullable: true, description: 'The pods a node can really run.' })
  @ApiProperty({ type: 'integer', nullable: true })
  effectiveMaxPods: number | null;
  @Field(() => Int, { nullable: true }) @ApiProperty({ type: 'integer', nullable: true }) podIpSlotsPerNode: number | null;
  @Field(() => Int, { nullable: true }) @ApiProperty({ type: 'integer', nullable: true }) branchEniPodsPerNode: number | null;
  @Field(() => NodeGroupSizesModel) @ApiProperty({ type: NodeGroupSizesModel }) sizes: AtSizes;
  @Field(() => Int, { description: 'Extra nodes during a rolling replacement (maxSurge, default 1); Fargate: extra pods.' })
  @ApiProperty({ type: 'integer' })
  surgeNodes: number;
  @Field(() => NodeGroupReplicasModel) @ApiProperty({ type: NodeGroupReplicasModel }) replicas: NodeGroupPlan['replicas'];
  @Field(() => NodeLoadsModel) @ApiProperty({ type: NodeLoadsModel }) loads: NodeGroupPlan['loads'];
  @Field(() => Float, { nullable: true, description: 'Pods with a VPC address the group holds at maxSize.' })
  @ApiProperty({ type: 'integer', nullable: true })
  podCapacityAtMax: number | null;
  @Field(() => Float, { nullable: true, description: "The largest node count (Fargate: pods) that fits in the group's subnets." })
  @ApiProperty({ type: 'integer', nullable: true })
  maxNodesThatFit: number | null;
  @Field(() => [NodePlacementModel]) @ApiProperty({ type: [NodePlacementModel] }) placementAtMax: NodeGroupPlan['placementAtMax'];
}

@ObjectType('SubnetCharge', { description: "One consumer of a subnet's addresses." })
export class SubnetChargeModel implements SubnetCharge {
  @Field(() => SubnetChargeKindEnum) @ApiProperty({ enum: SUBNET_CHARGE_KINDS, enumName: 'SubnetChargeKind' }) kind: SubnetChargeKind;
  @Field({ description: 'The node group (or NAT gateway) that consumes the addresses.' }) @ApiProperty() consumer: string;
  @Field(() => AtSizesModel) @ApiProperty({ type: AtSizesModel }) nodes: AtSizes;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) ipsPerNodeAtMax: number;
  @Field(() => AtSizesModel) @ApiProperty({ type: AtSizesModel }) usedIps: AtSizes;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) prefixesAtMax: number;
  @Field(() => Float, { description: 'Addresses a rolling replacement adds at max size.' })
  @ApiProperty({ type: 'integer' })
  surgeIps: number;
}

@ObjectType('PrefixBlockPlan', { description: 'Aligned /28 blocks for prefix delegation (fragmentation risk).' })
export class PrefixBlockPlanModel implements PrefixBlockPlan {
  @Field(() => Float) @ApiProperty({ type: 'integer' }) alignedBlocks: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) assignableBlocks: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) neededBlocks: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) individualIps: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) bestCaseAvailableBlocks: number;
}

@ObjectType('AdditionalNodes', { description: "More nodes of one group that fit in a subnet's observed free addresses." })
export class AdditionalNodesModel implements AdditionalNodes {
  @Field() @ApiProperty() nodeGroup: string;
  @Field(() => SubnetChargeKindEnum) @ApiProperty({ enum: SUBNET_CHARGE_KINDS, enumName: 'SubnetChargeKind' }) kind: SubnetChargeKind;
  @Field(() => Float, { description: 'Addresses one more node placed in this subnet takes here (Fargate: per pod).' })
  @ApiProperty({ type: 'integer' })
  ipsPerNode: number;
  @Field(() => Float, { description: 'More nodes (Fargate: pods) that fit in the addresses left right now.' })
  @ApiProperty({ type: 'integer' })
  now: number;
  @Field(() => Float, { description: "More nodes beyond the group's max size once every group is at max size." })
  @ApiProperty({ type: 'integer' })
  beyondMax: number;
}

@ObjectType('SubnetObservedPlan', { description: 'The design against the free addresses AWS reported for the subnet.' })
export class SubnetObservedPlanModel implements SubnetObservedPlan {
  @Field(() => Float) @ApiProperty({ type: 'integer' }) availableIps: number;
  @Field() @ApiProperty() at: string;
  @Field(() => Float, { description: 'Addresses used at max size less those used at current size.' })
  @ApiProperty({ type: 'integer' })
  additionalIpsAtMax: number;
  @Field(() => Float, { description: 'availableIps − additionalIpsAtMax.' }) @ApiProperty({ type: 'integer' }) headroomAtMax: number;
  @Field() @ApiProperty() fits: boolean;
  @Field(() => [AdditionalNodesModel]) @ApiProperty({ type: [AdditionalNodesModel] }) additionalNodes: AdditionalNodes[];
}

@ObjectType('SubnetPlan')
export class SubnetPlanModel implements SubnetPlan {
  @Field() @ApiProperty() name: string;
  @Field(() => Int, { description: "Index in the DesignSpec's subnets." }) @ApiProperty({ type: 'integer' }) index: number;
  @Field() @ApiProperty() az: string;
  @Field() @ApiProperty() cidr: string;
  @Field(() => [SubnetRoleEnum]) @ApiProperty({ enum: SUBNET_ROLES, enumName: 'SubnetRole', isArray: true }) roles: SubnetRole[];
  @Field(() => Float) @ApiProperty({ type: 'integer' }) totalIps: number;
  @Field(() => Float, { description: 'totalIps less the 5 AWS-reserved addresses.' }) @ApiProperty({ type: 'integer' }) usableIps: number;
  @Field(() => AtSizesModel, { description: 'Addresses in use with every group at min, desired and max size (warm pools included).' })
  @ApiProperty({ type: AtSizesModel })
  usedIps: AtSizes;
  @Field(() => Float, { description: 'Negative when the subnet is short.' }) @ApiProperty({ type: 'integer' }) freeIpsAtMax: number;
  @Field(() => Float, { description: 'usedIps.max / usableIps (above 1 when it does not fit).' }) @ApiProperty() utilizationAtMax: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) surgeIps: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) freeIpsAfterSurge: number;
  @Field(() => Float, { nullable: true, description: 'The largest node count the subnet holds with its node mix at max size.' })
  @ApiProperty({ type: 'integer', nullable: true })
  maxNodes: number | null;
  @Field(() => PrefixBlockPlanModel, { nullable: true })
  @ApiProperty({ type: PrefixBlockPlanModel, nullable: true })
  prefixBlocks: PrefixBlockPlan | null;
  @Field(() => Float, { nullable: true, description: "IPv6 /80 prefixes nodes take from the subnet's /64 at max size (IPv6 clusters)." })
  @ApiProperty({ type: 'integer', nullable: true })
  ipv6Prefixes80AtMax: number | null;
  @Field(() => [SubnetChargeModel]) @ApiProperty({ type: [SubnetChargeModel] }) charges: SubnetCharge[];
  @Field(() => SubnetObservedPlanModel, { nullable: true, description: 'Only for subnets with subnets[].observed.' })
  @ApiPropertyOptional({ type: SubnetObservedPlanModel })
  observed?: SubnetObservedPlan;
}

@ObjectType('WorkloadExposurePlan', {
  description: "The exposure engine's recommendation, without manifests (ask exposureRecommendation for those).",
})
export class WorkloadExposurePlanModel implements WorkloadExposurePlan {
  @Field(() => ExposureKindEnum) @ApiProperty({ enum: EXPOSURE_KINDS, enumName: 'ExposureKind' }) kind: ExposureKind;
  @Field(() => ExposureControllerEnum)
  @ApiProperty({ enum: EXPOSURE_CONTROLLERS, enumName: 'ExposureController' })
  controller: ExposureController;
  @Field(() => String, { description: 'ClusterIP, NodePort or LoadBalancer.' })
  @ApiProperty({ enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] })
  serviceType: ServiceType;
  @Field(() => TargetTypeEnum, { nullable: true })
  @ApiProperty({ enum: TARGET_TYPES, enumName: 'TargetType', nullable: true })
  targetType: TargetType | null;
  @Field(() => LbSchemeEnum, { nullable: true })
  @ApiProperty({ enum: LB_SCHEMES, enumName: 'LbScheme', nullable: true })
  scheme: LbScheme | null;
  @Field(() => TrafficPolicyEnum, { nullable: true })
  @ApiProperty({ enum: TRAFFIC_POLICIES, enumName: 'TrafficPolicy', nullable: true })
  externalTrafficPolicy: TrafficPolicy | null;
  @Field(() => ClientIpViaEnum) @ApiProperty({ enum: CLIENT_IP_VIAS, enumName: 'ClientIpVia' }) clientIpVia: ClientIpVia;

  /** GraphQL serves this as a list of {name, value} (WorkloadExposurePlanResolver.annotations); REST as a JSON object. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing' },
  })
  annotations: Record<string, string>;

  @Field(() => [String], { nullable: true, description: 'Design subnets the load balancer lands in; null for in-cluster exposures.' })
  @ApiProperty({ type: [String], nullable: true })
  subnets: string[] | null;

  @Field(() => [String]) @ApiProperty({ type: [String] }) rationale: string[];
}

@ObjectType('WorkloadPlan')
export class WorkloadPlanModel implements WorkloadPlan {
  @Field() @ApiProperty() name: string;
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) namespace: string | null;
  @Field(() => Int, { description: "Index in the DesignSpec's workloads." }) @ApiProperty({ type: 'integer' }) index: number;
  @Field() @ApiProperty() nodeGroup: string;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) replicas: number;
  @Field() @ApiProperty() hostNetwork: boolean;
  @Field({ description: 'Pods get branch ENIs (pod security groups with security groups for pods on).' }) @ApiProperty() branchEni: boolean;
  @Field(() => Float, {
    nullable: true,
    description: 'Pods of this workload the node group holds at max size if it ran alone; null for Fargate.',
  })
  @ApiProperty({ type: 'integer', nullable: true })
  podCapacityAtMax: number | null;

  @Field(() => WorkloadExposurePlanModel, { nullable: true })
  @ApiProperty({ type: WorkloadExposurePlanModel, nullable: true })
  exposure: WorkloadExposurePlan | null;
}

@ObjectType('TightestSubnet')
export class TightestSubnetModel implements TightestSubnet {
  @Field() @ApiProperty() name: string;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) usedIpsAtMax: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) freeIpsAtMax: number;
  @Field(() => Float) @ApiProperty() utilization: number;
  @Field(() => SubnetObservedPlanModel, { nullable: true, description: 'With observations: chosen by the least observed headroom.' })
  @ApiPropertyOptional({ type: SubnetObservedPlanModel })
  observed?: SubnetObservedPlan;
}

@ObjectType('PlanSummary')
export class PlanSummaryModel implements PlanSummary {
  @Field(() => PlanStatusEnum) @ApiProperty({ enum: PLAN_STATUSES, enumName: 'PlanStatus' }) status: PlanStatus;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) errors: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) warnings: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) infos: number;
  @Field(() => TightestSubnetModel, { nullable: true })
  @ApiProperty({ type: TightestSubnetModel, nullable: true })
  tightestSubnet: TightestSubnet | null;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) nodeGroups: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) subnets: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) workloads: number;
  @Field(() => Float, { description: 'EC2 nodes with every group at max size (Fargate pods not included).' })
  @ApiProperty({ type: 'integer' })
  nodesAtMax: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) podCapacityAtMax: number;
  @Field(() => Float) @ApiProperty({ type: 'integer' }) usedIpsAtMax: number;
}

@ObjectType('DesignPlan', {
  description: 'Every engine over one design: max pods per node group, addresses per subnet, exposures, findings.',
})
export class DesignPlanModel implements DesignPlan {
  @Field(() => ID, { nullable: true, description: 'The saved design planned; null for an inline spec.' })
  @ApiPropertyOptional({ format: 'uuid', description: 'Present when the plan is of a saved design.' })
  designId?: string;

  @Field(() => Int, { nullable: true, description: 'The revision planned; null for an inline spec.' })
  @ApiPropertyOptional({ type: 'integer', description: 'Present when the plan is of a saved design.' })
  revision?: number;

  @Field() @ApiProperty() designName: string;
  @Field(() => IpFamilyEnum) @ApiProperty({ enum: IP_FAMILIES, enumName: 'IpFamily' }) ipFamily: IpFamily;
  @Field(() => ClusterPlanModel) @ApiProperty({ type: ClusterPlanModel }) cluster: ClusterPlan;
  @Field(() => [NodeGroupPlanModel]) @ApiProperty({ type: [NodeGroupPlanModel] }) nodeGroups: NodeGroupPlan[];
  @Field(() => [SubnetPlanModel]) @ApiProperty({ type: [SubnetPlanModel] }) subnets: SubnetPlan[];
  @Field(() => [WorkloadPlanModel]) @ApiProperty({ type: [WorkloadPlanModel] }) workloads: WorkloadPlan[];
  @Field(() => [FindingModel], { description: 'Sorted by severity (ERROR, WARNING, INFO), then path, then code.' })
  @ApiProperty({ type: [FindingModel] })
  findings: Finding[];
  @Field(() => PlanSummaryModel) @ApiProperty({ type: PlanSummaryModel }) summary: PlanSummary;
  @Field(() => [String], { description: 'How the plan models what the design does not say.' })
  @ApiProperty({ type: [String] })
  assumptions: string[];
}
