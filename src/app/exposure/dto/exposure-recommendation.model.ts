import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TARGET_TYPES, TRAFFIC_POLICIES, type TargetType, type TrafficPolicy } from '../../../domain/spec/design-spec.types.js';
import {
  CLIENT_IP_VIAS,
  type ClientIpVia,
  EXPOSURE_CONTROLLERS,
  EXPOSURE_KINDS,
  type ExposureController,
  type ExposureKind,
  LB_IP_ADDRESS_TYPES,
  LB_SCHEMES,
  type LbIpAddressType,
  type LbScheme,
  PROXY_PROTOCOL_VERSIONS,
  type ProxyProtocolVersion,
  type ServiceType,
} from '../../../domain/exposure/exposure.types.js';
import {
  ClientIpViaEnum,
  ExposureControllerEnum,
  ExposureKindEnum,
  LbIpAddressTypeEnum,
  LbSchemeEnum,
  ProxyProtocolVersionEnum,
  TargetTypeEnum,
  TrafficPolicyEnum,
} from '../../graphql-vocabulary.js';
import { CitationModel } from '../../citation.model.js';

@ObjectType('ExposureRationale', { description: 'Why a choice was made, citing the rule row and its source.' })
export class ExposureRationaleModel {
  @Field() @ApiProperty() code: string;
  @Field() @ApiProperty() message: string;
  @Field() @ApiProperty() source: string;
  @Field({ nullable: true }) @ApiPropertyOptional({ example: 'R3' }) rule?: string;
  @Field(() => [CitationModel], { description: 'The tags of `source` and `message`, resolved to links.' })
  @ApiProperty({ type: [CitationModel] })
  citations: CitationModel[];
}

@ObjectType('ExposureIssue', { description: 'A warning or an error of the recommendation, with the rule it comes from.' })
export class ExposureIssueModel {
  @Field() @ApiProperty() code: string;
  @Field() @ApiProperty() message: string;
  @Field({ nullable: true }) @ApiPropertyOptional() rule?: string;
  @Field({ nullable: true }) @ApiPropertyOptional() source?: string;
  @Field(() => [CitationModel], { description: 'The tags of `source` and `message`, resolved to links.' })
  @ApiProperty({ type: [CitationModel] })
  citations: CitationModel[];
}

@ObjectType('Annotation', { description: 'One Kubernetes annotation.' })
export class AnnotationModel {
  @Field() name: string;
  @Field() value: string;
}

@ObjectType('ExposureRecommendation')
export class ExposureRecommendationModel {
  @Field(() => ExposureKindEnum) @ApiProperty({ enum: EXPOSURE_KINDS, enumName: 'ExposureKind' }) kind: ExposureKind;
  @Field(() => ExposureControllerEnum)
  @ApiProperty({ enum: EXPOSURE_CONTROLLERS, enumName: 'ExposureController' })
  controller: ExposureController;

  @Field(() => String, {
    description:
      'Kubernetes Service type that carries the exposure (for ALB_INGRESS: the backend Service): ClusterIP, NodePort or LoadBalancer.',
  })
  @ApiProperty({ enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] })
  serviceType: ServiceType;

  @Field(() => String, { nullable: true, description: 'spec.loadBalancerClass the manifest sets.' })
  @ApiPropertyOptional({ type: String, nullable: true, example: 'service.k8s.aws/nlb' })
  loadBalancerClass: string | null;

  @Field(() => TargetTypeEnum, { nullable: true })
  @ApiPropertyOptional({ enum: TARGET_TYPES, enumName: 'TargetType', nullable: true })
  targetType: TargetType | null;
  @Field(() => LbSchemeEnum, { nullable: true })
  @ApiPropertyOptional({ enum: LB_SCHEMES, enumName: 'LbScheme', nullable: true })
  scheme: LbScheme | null;
  @Field(() => TrafficPolicyEnum, { nullable: true })
  @ApiPropertyOptional({ enum: TRAFFIC_POLICIES, enumName: 'TrafficPolicy', nullable: true })
  externalTrafficPolicy: TrafficPolicy | null;
  @Field(() => ClientIpViaEnum) @ApiProperty({ enum: CLIENT_IP_VIAS, enumName: 'ClientIpVia' }) clientIpVia: ClientIpVia;

  @Field(() => Boolean, { nullable: true, description: 'NLB target-group preserve_client_ip.enabled.' })
  @ApiPropertyOptional({ type: Boolean, nullable: true })
  preserveClientIp: boolean | null;

  @Field(() => ProxyProtocolVersionEnum, { nullable: true })
  @ApiPropertyOptional({ enum: PROXY_PROTOCOL_VERSIONS, enumName: 'ProxyProtocolVersion', nullable: true })
  proxyProtocol: ProxyProtocolVersion | null;

  @Field(() => LbIpAddressTypeEnum, { nullable: true })
  @ApiPropertyOptional({ enum: LB_IP_ADDRESS_TYPES, enumName: 'LbIpAddressType', nullable: true })
  ipAddressType: LbIpAddressType | null;

  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) certificateArn: string | null;

  @Field(() => [String], { nullable: true, description: 'Subnets the load balancer lands in, when context.subnets was given.' })
  @ApiPropertyOptional({ type: [String], nullable: true })
  subnets: string[] | null;

  /** GraphQL serves this as a list of {name, value} (ExposureResolver.annotations); REST as a JSON object. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Annotations of the primary object (the Service for NLB/CLB, the Ingress for ALB).',
    example: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'alb.ingress.kubernetes.io/target-type': 'ip' },
  })
  annotations: Record<string, string>;

  @Field({ description: 'Ready-to-apply YAML; documents separated by `---`.' }) @ApiProperty() manifests: string;
  @Field(() => [ExposureRationaleModel]) @ApiProperty({ type: [ExposureRationaleModel] }) rationale: ExposureRationaleModel[];
  @Field(() => [ExposureIssueModel]) @ApiProperty({ type: [ExposureIssueModel] }) warnings: ExposureIssueModel[];
  @Field(() => [ExposureIssueModel], { description: 'Rules the request breaks; the manifests would be refused or misbehave.' })
  @ApiProperty({ type: [ExposureIssueModel] })
  errors: ExposureIssueModel[];
}
