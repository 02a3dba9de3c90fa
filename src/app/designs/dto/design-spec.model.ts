/**
 * DesignSpec as GraphQL object + input types and OpenAPI schemas (one class serves all three). These classes only
 * describe the shape for the transports; the DesignSpec itself is validated by the pure design-spec validator, which
 * reports every problem with its path the same way for REST and GraphQL.
 */
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AmiFamilyEnum,
  WindowsVariantEnum,
  AudienceEnum,
  ExposeProtocolEnum,
  IpFamilyEnum,
  NodeGroupKindEnum,
  PeerConnectionEnum,
  PodSecurityGroupEnforcingModeEnum,
  SecurityGroupProtocolEnum,
  SubnetRoleEnum,
  TargetTypeEnum,
  TrafficPolicyEnum,
} from '../../graphql-vocabulary.js';
import {
  AMI_FAMILIES,
  WINDOWS_VARIANTS,
  AUDIENCES,
  EXPOSE_PROTOCOLS,
  IP_FAMILIES,
  NODE_GROUP_KINDS,
  PEER_CONNECTIONS,
  POD_SG_ENFORCING_MODES,
  SG_PROTOCOLS,
  SUBNET_ROLES,
  TARGET_TYPES,
  TRAFFIC_POLICIES,
  type AmiFamily,
  type WindowsVariant,
  type Audience,
  type ExposeProtocol,
  type IpFamily,
  type NodeGroupKind,
  type PeerConnection,
  type PodSecurityGroupEnforcingMode,
  type SecurityGroupProtocol,
  type SubnetRole,
  type TargetType,
  type TrafficPolicy,
} from '../../../domain/spec/design-spec.types.js';
import { OPTION_BOUNDS } from '../../../domain/spec/option-bounds.js';
import { openApiBounds } from '../../option-bounds.decorator.js';

@ObjectType('VpcPeer')
@InputType('VpcPeerInput')
export class VpcPeerModel {
  @Field() @ApiProperty() name: string;
  @Field(() => [String]) @ApiProperty({ type: [String], example: ['10.50.0.0/16'] }) cidrs: string[];
  @Field(() => PeerConnectionEnum) @ApiProperty({ enum: PEER_CONNECTIONS, enumName: 'PeerConnection' }) via: PeerConnection;
}

@ObjectType('Vpc')
@InputType('VpcInput')
export class VpcModel {
  @Field({ nullable: true, description: 'The existing VPC (vpc- and 8 or 17 hex digits).' })
  @ApiPropertyOptional({ example: 'vpc-0123456789abcdef0' })
  id?: string;
  @Field(() => [String]) @ApiProperty({ type: [String], example: ['10.0.0.0/16'] }) cidrs: string[];
  @Field(() => [String], { nullable: true }) @ApiPropertyOptional({ type: [String], example: ['100.64.0.0/16'] }) secondaryCidrs?: string[];
  @Field(() => [String], { nullable: true }) @ApiPropertyOptional({ type: [String] }) ipv6Cidrs?: string[];
  @Field(() => [VpcPeerModel], { nullable: true }) @ApiPropertyOptional({ type: [VpcPeerModel] }) peers?: VpcPeerModel[];
}

@ObjectType('SubnetObservation', { description: 'Free addresses AWS reported (DescribeSubnets AvailableIpAddressCount).' })
@InputType('SubnetObservationInput')
export class SubnetObservationModel {
  @Field(() => Int) @ApiProperty({ type: 'integer', example: 3817 }) availableIps: number;
  @Field({ description: 'ISO 8601 date-time of the observation.' }) @ApiProperty({ example: '2026-12-04T18:00:00Z' }) at: string;
}

@ObjectType('Subnet')
@InputType('SubnetInput')
export class SubnetModel {
  @Field() @ApiProperty() name: string;
  @Field({ nullable: true, description: 'The existing subnet.' }) @ApiPropertyOptional({ example: 'subnet-0123456789abcdef0' }) id?: string;
  @Field() @ApiProperty({ example: 'us-east-1a' }) az: string;
  @Field() @ApiProperty({ example: '10.0.0.0/19' }) cidr: string;
  @Field({ nullable: true }) @ApiPropertyOptional() ipv6Cidr?: string;
  @Field({ nullable: true, description: 'Route 0.0.0.0/0 to the internet gateway; instances get public IPv4.' })
  @ApiPropertyOptional()
  public?: boolean;
  @Field({ nullable: true, description: 'NAT gateway (by name) the default route of a private subnet points at.' })
  @ApiPropertyOptional()
  natGateway?: string;
  @Field(() => [SubnetRoleEnum], { nullable: true })
  @ApiPropertyOptional({ enum: SUBNET_ROLES, enumName: 'SubnetRole', isArray: true })
  roles?: SubnetRole[];
  @Field(() => SubnetObservationModel, { nullable: true })
  @ApiPropertyOptional({ type: SubnetObservationModel })
  observed?: SubnetObservationModel;
}

@ObjectType('NatGateway')
@InputType('NatGatewayInput')
export class NatGatewayModel {
  @Field() @ApiProperty() name: string;
  @Field({ nullable: true, description: 'The existing NAT gateway.' })
  @ApiPropertyOptional({ example: 'nat-0123456789abcdef0' })
  id?: string;
  @Field({ nullable: true, description: 'Its Elastic IP.' }) @ApiPropertyOptional({ example: '203.0.113.10' }) eip?: string;
  @Field({ description: 'The public subnet it lives in.' }) @ApiProperty() subnet: string;
}

@ObjectType('EndpointAccess')
@InputType('EndpointAccessInput')
export class EndpointAccessModel {
  @Field() @ApiProperty() public: boolean;
  @Field() @ApiProperty() private: boolean;
  @Field(() => [String], { nullable: true }) @ApiPropertyOptional({ type: [String] }) publicAccessCidrs?: string[];
}

@ObjectType('EniConfig')
@InputType('EniConfigInput')
export class EniConfigModel {
  @Field() @ApiProperty() az: string;
  @Field() @ApiProperty() subnet: string;
  @Field(() => [String], { nullable: true }) @ApiPropertyOptional({ type: [String] }) securityGroups?: string[];
}

@ObjectType('CniSettings')
@InputType('CniSettingsInput')
export class CniSettingsModel {
  @Field({ nullable: true, description: 'Amazon VPC CNI version (default 1.20.0).' })
  @ApiPropertyOptional({ example: '1.20.0' })
  version?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() prefixDelegation?: boolean;
  @Field({ nullable: true }) @ApiPropertyOptional() customNetworking?: boolean;
  @Field(() => [EniConfigModel], { nullable: true }) @ApiPropertyOptional({ type: [EniConfigModel] }) eniConfigs?: EniConfigModel[];
  @Field({ nullable: true, description: 'AWS_VPC_K8S_CNI_EXTERNALSNAT' }) @ApiPropertyOptional() externalSnat?: boolean;
  @Field(() => [String], { nullable: true, description: 'AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS' })
  @ApiPropertyOptional({ type: [String] })
  excludeSnatCidrs?: string[];
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer' }) warmEniTarget?: number;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer' }) warmIpTarget?: number;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer' }) minimumIpTarget?: number;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer' }) warmPrefixTarget?: number;
  @Field(() => Int, { nullable: true, description: 'MAX_ENI' }) @ApiPropertyOptional({ type: 'integer' }) maxEni?: number;
  @Field({ nullable: true, description: 'ENABLE_POD_ENI (security groups for pods)' })
  @ApiPropertyOptional()
  securityGroupsForPods?: boolean;
  @Field(() => PodSecurityGroupEnforcingModeEnum, { nullable: true })
  @ApiPropertyOptional({ enum: POD_SG_ENFORCING_MODES, enumName: 'PodSecurityGroupEnforcingMode' })
  podSecurityGroupEnforcingMode?: PodSecurityGroupEnforcingMode;
}

@ObjectType('LoadBalancerController')
@InputType('LoadBalancerControllerInput')
export class LoadBalancerControllerModel {
  @Field() @ApiProperty() installed: boolean;
  @Field({ nullable: true }) @ApiPropertyOptional({ example: '2.13.0' }) version?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() serviceMutatorWebhook?: boolean;
}

@ObjectType('NodeGroup')
@InputType('NodeGroupInput')
export class NodeGroupModel {
  @Field() @ApiProperty() name: string;
  @Field(() => NodeGroupKindEnum) @ApiProperty({ enum: NODE_GROUP_KINDS, enumName: 'NodeGroupKind' }) kind: NodeGroupKind;
  @Field(() => AmiFamilyEnum, { nullable: true }) @ApiPropertyOptional({ enum: AMI_FAMILIES, enumName: 'AmiFamily' }) amiFamily?: AmiFamily;
  @Field(() => WindowsVariantEnum, { nullable: true, description: 'Which Windows Server AMI, with amiFamily WINDOWS (default 2022 Core).' })
  @ApiPropertyOptional({ enum: WINDOWS_VARIANTS, enumName: 'WindowsVariant' })
  windowsVariant?: WindowsVariant;
  @Field(() => [String]) @ApiProperty({ type: [String], example: ['m5.large'] }) instanceTypes: string[];
  @Field(() => [String]) @ApiProperty({ type: [String] }) subnets: string[];
  @Field(() => Int) @ApiProperty({ type: 'integer' }) minSize: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) desiredSize: number;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) maxSize: number;
  @Field(() => Int, { nullable: true, description: 'Nodes (Fargate: pods) running now.' })
  @ApiPropertyOptional({ type: 'integer' })
  currentSize?: number;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer' }) maxPods?: number;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer' }) podsPerCore?: number;
  @Field(() => Int, { nullable: true, description: 'Extra nodes during a rolling replacement (default 1).' })
  @ApiPropertyOptional({ type: 'integer' })
  maxSurge?: number;
  @Field(() => [String], { nullable: true }) @ApiPropertyOptional({ type: [String] }) securityGroups?: string[];
}

@ObjectType('Expose')
@InputType('ExposeInput')
export class ExposeModel {
  @Field(() => AudienceEnum) @ApiProperty({ enum: AUDIENCES, enumName: 'Audience' }) audience: Audience;
  @Field(() => ExposeProtocolEnum) @ApiProperty({ enum: EXPOSE_PROTOCOLS, enumName: 'ExposeProtocol' }) protocol: ExposeProtocol;
  @Field(() => Int) @ApiProperty(openApiBounds(OPTION_BOUNDS.port)) port: number;
  @Field(() => Int, { nullable: true }) @ApiPropertyOptional({ type: 'integer' }) targetPort?: number;
  @Field({ nullable: true }) @ApiPropertyOptional() needClientIp?: boolean;
  @Field({ nullable: true }) @ApiPropertyOptional() staticIps?: boolean;
  @Field({ nullable: true, description: 'IngressGroup name: several Ingresses sharing one ALB.' })
  @ApiPropertyOptional()
  shareGroup?: string;
  @Field(() => TrafficPolicyEnum, { nullable: true })
  @ApiPropertyOptional({ enum: TRAFFIC_POLICIES, enumName: 'TrafficPolicy' })
  externalTrafficPolicy?: TrafficPolicy;
  @Field(() => TargetTypeEnum, { nullable: true })
  @ApiPropertyOptional({ enum: TARGET_TYPES, enumName: 'TargetType' })
  targetType?: TargetType;
  @Field({ nullable: true }) @ApiPropertyOptional() certificateArn?: string;
}

@ObjectType('Workload')
@InputType('WorkloadInput')
export class WorkloadModel {
  @Field() @ApiProperty() name: string;
  @Field({ nullable: true }) @ApiPropertyOptional({ example: 'default' }) namespace?: string;
  @Field() @ApiProperty() nodeGroup: string;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) replicas: number;
  @Field(() => [String], { nullable: true }) @ApiPropertyOptional({ type: [String] }) securityGroups?: string[];
  @Field({ nullable: true }) @ApiPropertyOptional() hostNetwork?: boolean;
  @Field(() => ExposeModel, { nullable: true }) @ApiPropertyOptional({ type: ExposeModel }) expose?: ExposeModel;
}

@ObjectType('SecurityGroupRule')
@InputType('SecurityGroupRuleInput')
export class SecurityGroupRuleModel {
  @Field(() => SecurityGroupProtocolEnum)
  @ApiProperty({ enum: SG_PROTOCOLS, enumName: 'SecurityGroupProtocol' })
  protocol: SecurityGroupProtocol;
  @Field({ nullable: true, description: '`443` or `30000-32767`; all ports when absent.' }) @ApiPropertyOptional() ports?: string;
  @Field({ description: 'A CIDR or the name of a security group in this design.' }) @ApiProperty() from: string;
}

@ObjectType('SecurityGroup')
@InputType('SecurityGroupInput')
export class SecurityGroupModel {
  @Field() @ApiProperty() name: string;
  @Field({ nullable: true, description: 'The existing security group.' })
  @ApiPropertyOptional({ example: 'sg-0123456789abcdef0' })
  id?: string;
  @Field(() => [SecurityGroupRuleModel]) @ApiProperty({ type: [SecurityGroupRuleModel] }) ingress: SecurityGroupRuleModel[];
}

@ObjectType('DesignSpec', { description: 'A whole EKS cluster network design.' })
@InputType('DesignSpecInput')
export class DesignSpecModel {
  @Field() @ApiProperty({ example: 'payments-prod' }) name: string;
  @Field() @ApiProperty({ example: 'us-east-1' }) region: string;
  @Field({ nullable: true, description: 'The EKS cluster name, when it differs from the design name.' })
  @ApiPropertyOptional({ example: 'payments-prod' })
  clusterName?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() owner?: string;
  @Field(() => [String], { nullable: true }) @ApiPropertyOptional({ type: [String] }) tags?: string[];
  @Field({ nullable: true, description: 'Instance-type catalog (default aws).' }) @ApiPropertyOptional({ example: 'aws' }) catalog?: string;
  @Field({ nullable: true }) @ApiPropertyOptional({ example: '1.33' }) kubernetesVersion?: string;
  @Field(() => IpFamilyEnum) @ApiProperty({ enum: IP_FAMILIES, enumName: 'IpFamily' }) ipFamily: IpFamily;
  @Field(() => VpcModel) @ApiProperty({ type: VpcModel }) vpc: VpcModel;
  @Field(() => [SubnetModel]) @ApiProperty({ type: [SubnetModel] }) subnets: SubnetModel[];
  @Field(() => [NatGatewayModel], { nullable: true }) @ApiPropertyOptional({ type: [NatGatewayModel] }) natGateways?: NatGatewayModel[];
  @Field(() => EndpointAccessModel, { nullable: true })
  @ApiPropertyOptional({ type: EndpointAccessModel })
  endpointAccess?: EndpointAccessModel;
  @Field({ nullable: true }) @ApiPropertyOptional({ example: '172.20.0.0/16' }) serviceIpv4Cidr?: string;
  @Field(() => CniSettingsModel, { nullable: true }) @ApiPropertyOptional({ type: CniSettingsModel }) cni?: CniSettingsModel;
  @Field(() => LoadBalancerControllerModel, { nullable: true })
  @ApiPropertyOptional({ type: LoadBalancerControllerModel })
  loadBalancerController?: LoadBalancerControllerModel;
  @Field(() => [NodeGroupModel]) @ApiProperty({ type: [NodeGroupModel] }) nodeGroups: NodeGroupModel[];
  @Field(() => [WorkloadModel], { nullable: true }) @ApiPropertyOptional({ type: [WorkloadModel] }) workloads?: WorkloadModel[];
  @Field(() => [SecurityGroupModel], { nullable: true })
  @ApiPropertyOptional({ type: [SecurityGroupModel] })
  securityGroups?: SecurityGroupModel[];
  @Field({ nullable: true }) @ApiPropertyOptional() clusterSecurityGroup?: string;
}
