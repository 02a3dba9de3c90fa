/**
 * POST /v1/exposure/recommend and GraphQL `exposureRecommendation(input:)`. These DTOs check types and sane sizes;
 * the exposure engine then checks the Kubernetes and AWS rules (NodePort range, IngressGroup names, EIP counts, …)
 * and reports them as `errors` of the recommendation, with the upstream message.
 * The type check of a field is its last validator: decorators apply bottom-up and the global pipe stops at the first
 * failure, so the one nearest the property runs first and a wrong type is reported as a wrong type, not as a bound.
 */
import { Field, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsIP,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AUDIENCES,
  EXPOSE_PROTOCOLS,
  IP_FAMILIES,
  SUBNET_ROLES,
  TARGET_TYPES,
  TRAFFIC_POLICIES,
  type Audience,
  type ExposeProtocol,
  type IpFamily,
  type SubnetRole,
  type TargetType,
  type TrafficPolicy,
} from '../../../domain/spec/design-spec.types.js';
import {
  CLUSTER_LB_CONTROLLERS,
  CNI_KINDS,
  COMPUTE_KINDS,
  EXPOSURE_KINDS,
  POD_SECURITY_GROUP_MODES,
  type ClusterLbController,
  type CniKind,
  type ComputeKind,
  type ExposureKind,
  type PodSecurityGroupMode,
} from '../../../domain/exposure/exposure.types.js';
import { IsDns1035Label, IsDns1123Label, IsPortNumberOrName } from './exposure-validators.js';
import { IntOrStringScalar } from './int-or-string.scalar.js';
import {
  AudienceEnum,
  ClusterLbControllerEnum,
  CniKindEnum,
  ComputeKindEnum,
  ExposeProtocolEnum,
  ExposureKindEnum,
  IpFamilyEnum,
  PodSecurityGroupModeEnum,
  SubnetRoleEnum,
  TargetTypeEnum,
  TrafficPolicyEnum,
} from '../../graphql-vocabulary.js';
import { OPTION_BOUNDS } from '../../../domain/spec/option-bounds.js';
import { openApiBounds } from '../../option-bounds.decorator.js';

const CERTIFICATE_ARN = /^arn:aws[a-z-]*:(acm|iam):[a-z0-9-]*:\d{12}:(certificate|server-certificate)\/\S{1,512}$/;
const EIP_ALLOCATION_ID = /^eipalloc-[0-9a-f]{8,17}$/;
const LBC_VERSION = /^v?\d{1,4}(\.\d{1,4}){0,2}([-+][0-9A-Za-z.-]{1,40})?$/;
/** More subnets than any region has AZs, with room for several per AZ. */
const MAX_SUBNETS = 200;
/** An NLB takes one address per subnet (one subnet per AZ). */
const MAX_ADDRESSES = 32;

@InputType('ExposeRequestInput', { description: '`workloads[].expose` of a design, plus overrides only this operation takes.' })
export class ExposeRequestInput {
  @Field(() => AudienceEnum)
  @ApiProperty({ enum: AUDIENCES, enumName: 'Audience' })
  @IsIn(AUDIENCES)
  audience: Audience;

  @Field(() => ExposeProtocolEnum)
  @ApiProperty({ enum: EXPOSE_PROTOCOLS, enumName: 'ExposeProtocol' })
  @IsIn(EXPOSE_PROTOCOLS)
  protocol: ExposeProtocol;

  @Field(() => Int, { nullable: true, description: 'Service / listener port; may come from workload.port instead.' })
  @ApiPropertyOptional({ ...openApiBounds(OPTION_BOUNDS.port), example: 443 })
  @IsOptional()
  @Min(OPTION_BOUNDS.port.min)
  @Max(OPTION_BOUNDS.port.max)
  @IsInt()
  port?: number;

  @Field(() => Int, { nullable: true, description: 'Container port, when it differs from port.' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.port))
  @IsOptional()
  @Min(OPTION_BOUNDS.port.min)
  @Max(OPTION_BOUNDS.port.max)
  @IsInt()
  targetPort?: number;

  @Field({ nullable: true, description: 'The application must see the client address.' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  needClientIp?: boolean;

  @Field({ nullable: true, description: 'Clients allow-list fixed addresses (Elastic IPs).' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  staticIps?: boolean;

  @Field({ nullable: true, description: 'IngressGroup name: several Ingresses sharing one ALB.' })
  @ApiPropertyOptional({ maxLength: 253 })
  @IsOptional()
  @MaxLength(253)
  @IsString()
  shareGroup?: string;

  @Field(() => TrafficPolicyEnum, { nullable: true })
  @ApiPropertyOptional({ enum: TRAFFIC_POLICIES, enumName: 'TrafficPolicy' })
  @IsOptional()
  @IsIn(TRAFFIC_POLICIES)
  externalTrafficPolicy?: TrafficPolicy;

  @Field(() => TargetTypeEnum, { nullable: true })
  @ApiPropertyOptional({ enum: TARGET_TYPES, enumName: 'TargetType' })
  @IsOptional()
  @IsIn(TARGET_TYPES)
  targetType?: TargetType;

  @Field({ nullable: true, description: 'ACM (or IAM server) certificate for TLS at the load balancer.' })
  @ApiPropertyOptional({ example: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8091-a2b3c4d5e6f7' })
  @IsOptional()
  @MaxLength(2048)
  @Matches(CERTIFICATE_ARN, { message: 'certificateArn must be an ACM or IAM server-certificate ARN' })
  @IsString()
  certificateArn?: string;

  @Field(() => ExposureKindEnum, { nullable: true, description: 'Ask for this kind instead of the recommended one.' })
  @ApiPropertyOptional({ enum: EXPOSURE_KINDS, enumName: 'ExposureKind' })
  @IsOptional()
  @IsIn(EXPOSURE_KINDS)
  kind?: ExposureKind;

  @Field(() => Int, { nullable: true, description: 'A fixed NodePort (the cluster default range is 30000-32767).' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.port))
  @IsOptional()
  @Min(OPTION_BOUNDS.port.min)
  @Max(OPTION_BOUNDS.port.max)
  @IsInt()
  nodePort?: number;

  @Field({ nullable: true, description: 'Carry the client address in a proxy-protocol header (v2 on NLB, v1 on CLB).' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  proxyProtocol?: boolean;

  @Field(() => [String], { nullable: true, description: 'Elastic IP allocation IDs for an internet-facing NLB, one per subnet.' })
  @ApiPropertyOptional({ type: [String], example: ['eipalloc-0123456789abcdef0'], maxItems: MAX_ADDRESSES })
  @IsOptional()
  @ArrayMaxSize(MAX_ADDRESSES)
  @IsString({ each: true })
  @Matches(EIP_ALLOCATION_ID, { each: true, message: 'each of eipAllocations must be an Elastic IP allocation ID (eipalloc-…)' })
  @IsArray()
  eipAllocations?: string[];

  @Field(() => [String], { nullable: true, description: 'Private IPv4 addresses for an internal NLB, one per subnet.' })
  @ApiPropertyOptional({ type: [String], example: ['10.0.16.100'], maxItems: MAX_ADDRESSES })
  @IsOptional()
  @ArrayMaxSize(MAX_ADDRESSES)
  @IsIP(4, { each: true, message: 'each of privateIpv4Addresses must be an IPv4 address' })
  @IsArray()
  privateIpv4Addresses?: string[];

  @Field(() => Int, { nullable: true, description: '`alb.ingress.kubernetes.io/group.order` (the controller accepts -1000..1000).' })
  @ApiPropertyOptional({ type: 'integer', minimum: -100000, maximum: 100000 })
  @IsOptional()
  @Min(-100_000)
  @Max(100_000)
  @IsInt()
  groupOrder?: number;

  @Field({ nullable: true, description: 'Pods of this cluster call the load balancer (NLB hairpin). Unknown = assume yes.' })
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  clientsInCluster?: boolean;
}

@InputType('ExposureSubnetInput', { description: 'A design subnet, for load-balancer subnet discovery.' })
export class ExposureSubnetInput {
  @Field() @ApiProperty({ example: 'public-a' }) @MaxLength(255) @IsString() name: string;
  @Field() @ApiProperty({ example: 'us-east-1a' }) @MaxLength(64) @IsString() az: string;
  @Field() @ApiProperty({ example: '10.0.0.0/24' }) @MaxLength(64) @IsString() cidr: string;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @MaxLength(64) @IsString() ipv6Cidr?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @IsBoolean() public?: boolean;
  @Field({ nullable: true }) @ApiPropertyOptional() @IsOptional() @MaxLength(255) @IsString() natGateway?: string;

  @Field(() => [SubnetRoleEnum], { nullable: true })
  @ApiPropertyOptional({ enum: SUBNET_ROLES, enumName: 'SubnetRole', isArray: true })
  @IsOptional()
  @ArrayMaxSize(SUBNET_ROLES.length)
  @IsIn(SUBNET_ROLES, { each: true })
  @IsArray()
  roles?: SubnetRole[];
}

@InputType('ExposureContextInput', { description: 'Cluster facts that change the answer; every field has a default.' })
export class ExposureContextInput {
  @Field(() => ComputeKindEnum, { nullable: true })
  @ApiPropertyOptional({ enum: COMPUTE_KINDS, enumName: 'ComputeKind', default: 'EC2' })
  @IsOptional()
  @IsIn(COMPUTE_KINDS)
  compute?: ComputeKind;

  @Field(() => IpFamilyEnum, { nullable: true })
  @ApiPropertyOptional({ enum: IP_FAMILIES, enumName: 'IpFamily', default: 'IPV4' })
  @IsOptional()
  @IsIn(IP_FAMILIES)
  ipFamily?: IpFamily;

  @Field(() => ClusterLbControllerEnum, { nullable: true })
  @ApiPropertyOptional({ enum: CLUSTER_LB_CONTROLLERS, enumName: 'ClusterLbController', default: 'LBC' })
  @IsOptional()
  @IsIn(CLUSTER_LB_CONTROLLERS)
  controller?: ClusterLbController;

  @Field({ nullable: true, description: 'AWS Load Balancer Controller version (default 2.13.0).' })
  @ApiPropertyOptional({ example: '2.13.0' })
  @IsOptional()
  @MaxLength(50)
  @Matches(LBC_VERSION, { message: 'lbcVersion must look like 2.13.0 or v2.13.0' })
  @IsString()
  lbcVersion?: string;

  @Field({ nullable: true, description: 'Helm enableServiceMutatorWebhook (default true).' })
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  serviceMutatorWebhook?: boolean;

  @Field(() => PodSecurityGroupModeEnum, { nullable: true })
  @ApiPropertyOptional({ enum: POD_SECURITY_GROUP_MODES, enumName: 'PodSecurityGroupMode', default: 'OFF' })
  @IsOptional()
  @IsIn(POD_SECURITY_GROUP_MODES)
  podSecurityGroups?: PodSecurityGroupMode;

  @Field(() => CniKindEnum, { nullable: true })
  @ApiPropertyOptional({ enum: CNI_KINDS, enumName: 'CniKind', default: 'VPC_CNI' })
  @IsOptional()
  @IsIn(CNI_KINDS)
  cni?: CniKind;

  @Field({ nullable: true, description: 'LBC feature gate EnableIPTargetType (default true).' })
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enableIpTargetType?: boolean;

  @Field(() => [ExposureSubnetInput], {
    nullable: true,
    description: 'Design subnets; when given, load-balancer subnet discovery is simulated.',
  })
  @ApiPropertyOptional({ type: [ExposureSubnetInput], maxItems: MAX_SUBNETS })
  @IsOptional()
  @ArrayMaxSize(MAX_SUBNETS)
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ExposureSubnetInput)
  subnets?: ExposureSubnetInput[];

  @Field({ nullable: true, description: 'Emit the `alb` IngressClass too (the LBC Helm chart normally creates it).' })
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  includeIngressClass?: boolean;

  @Field({ nullable: true, description: 'Namespace of manifests that do not name one (default `default`).' })
  @ApiPropertyOptional({ example: 'default' })
  @IsOptional()
  @MaxLength(63)
  @IsDns1123Label({ message: 'defaultNamespace must be a DNS-1123 label' })
  @IsString()
  defaultNamespace?: string;
}

@InputType('ExposureWorkloadInput')
export class ExposureWorkloadInput {
  @Field({ description: 'The Service name (DNS-1035 label).' })
  @ApiProperty({ example: 'checkout' })
  @MaxLength(63)
  @IsDns1035Label({
    message: 'name must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter, at most 63 characters)',
  })
  @IsString()
  name: string;

  @Field({ nullable: true })
  @ApiPropertyOptional({ example: 'shop' })
  @IsOptional()
  @MaxLength(63)
  @IsDns1123Label({ message: 'namespace must be a DNS-1123 label' })
  @IsString()
  namespace?: string;

  @Field(() => Int, { nullable: true, description: 'Service port; defaults to expose.port.' })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.port))
  @IsOptional()
  @Min(OPTION_BOUNDS.port.min)
  @Max(OPTION_BOUNDS.port.max)
  @IsInt()
  port?: number;

  @Field(() => IntOrStringScalar, {
    nullable: true,
    description: 'Container port number or name; defaults to expose.targetPort, then the Service port.',
  })
  @ApiPropertyOptional({
    oneOf: [openApiBounds(OPTION_BOUNDS.port), { type: 'string', maxLength: 15 }],
    example: 8443,
  })
  @IsOptional()
  @IsPortNumberOrName()
  targetPort?: number | string;
}

@InputType('ExposureRequestInput')
export class ExposureRequestInput {
  @Field(() => ExposeRequestInput)
  @ApiProperty({ type: ExposeRequestInput })
  @IsObject()
  @ValidateNested()
  @Type(() => ExposeRequestInput)
  expose: ExposeRequestInput;

  @Field(() => ExposureContextInput, { nullable: true })
  @ApiPropertyOptional({ type: ExposureContextInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExposureContextInput)
  context?: ExposureContextInput;

  @Field(() => ExposureWorkloadInput)
  @ApiProperty({ type: ExposureWorkloadInput })
  @IsObject()
  @ValidateNested()
  @Type(() => ExposureWorkloadInput)
  workload: ExposureWorkloadInput;
}
