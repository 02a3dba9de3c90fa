import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CitationModel } from '../../citation.model.js';
import { CLIENT_IP_VIAS } from '../../../domain/exposure/exposure.types.js';
import {
  ADDRESS_ROLES,
  type AddressRole,
  type ClientIpVia,
  HOP_ACTIONS,
  HOP_KINDS,
  type HopAction,
  type HopKind,
  SG_DIRECTIONS,
  SOURCE_IP_ROLES,
  type SourceIpRole,
  TRACE_VERDICTS,
} from '../../../domain/traffic-path/trace-path.types.js';
import {
  AddressRoleEnum,
  ClientIpViaEnum,
  HopActionEnum,
  HopKindEnum,
  SecurityGroupDirectionEnum,
  SourceIpRoleEnum,
  TraceVerdictEnum,
} from '../../graphql-vocabulary.js';

@ObjectType('HopPacket', { description: 'The packet header after this hop rewrote it.' })
export class HopPacketModel {
  @Field() @ApiProperty({ example: '10.0.16.10' }) src: string;
  @Field(() => AddressRoleEnum) @ApiProperty({ enum: ADDRESS_ROLES, enumName: 'AddressRole' }) srcRole: AddressRole;
  @Field() @ApiProperty({ example: '8.8.8.8' }) dst: string;
  @Field(() => AddressRoleEnum) @ApiProperty({ enum: ADDRESS_ROLES, enumName: 'AddressRole' }) dstRole: AddressRole;
  @Field(() => Int, { description: 'Destination port after this hop (a NodePort after the LB, the target port after kube-proxy DNAT).' })
  @ApiProperty({ type: 'integer' })
  dstPort: number;
}

@ObjectType('SecurityGroupVerdict')
export class SecurityGroupVerdictModel {
  @Field() @ApiProperty() name: string;
  @Field(() => SecurityGroupDirectionEnum) @ApiProperty({ enum: SG_DIRECTIONS, enumName: 'SecurityGroupDirection' }) direction:
    'INGRESS' | 'EGRESS';
  @Field() @ApiProperty() allowed: boolean;
  @Field({ nullable: true, description: 'The rule that allowed the packet, e.g. `TCP 443 from 10.0.0.0/16`.' })
  @ApiPropertyOptional()
  rule?: string;
}

@ObjectType('Hop')
export class HopModel {
  @Field(() => HopKindEnum) @ApiProperty({ enum: HOP_KINDS, enumName: 'HopKind' }) kind: HopKind;
  @Field() @ApiProperty() name: string;
  @Field(() => HopActionEnum) @ApiProperty({ enum: HOP_ACTIONS, enumName: 'HopAction' }) action: HopAction;
  @Field(() => HopPacketModel) @ApiProperty({ type: HopPacketModel }) packet: HopPacketModel;
  @Field(() => [SecurityGroupVerdictModel]) @ApiProperty({ type: [SecurityGroupVerdictModel] }) securityGroups: SecurityGroupVerdictModel[];
  @Field() @ApiProperty() note: string;
  @Field(() => [CitationModel], { description: 'The source tags the note cites, resolved to links.' })
  @ApiProperty({ type: [CitationModel] })
  citations: CitationModel[];
}

@ObjectType('CitedMessage', { description: 'A coded message with the sources it rests on.' })
export class CitedMessageModel {
  @Field() @ApiProperty() code: string;
  @Field() @ApiProperty() message: string;
  @Field(() => [CitationModel], { description: 'The source tags of the message (for a drop, also of its drop code), resolved to links.' })
  @ApiProperty({ type: [CitationModel] })
  citations: CitationModel[];
}

@ObjectType('TraceDiagram')
export class TraceDiagramModel {
  @Field({ description: 'Mermaid `flowchart LR` source; GET /v1/paths/trace.svg renders it.' }) @ApiProperty() mermaid: string;
}

@ObjectType('TraceResult')
export class TraceResultModel {
  @Field(() => TraceVerdictEnum) @ApiProperty({ enum: TRACE_VERDICTS, enumName: 'TraceVerdict' }) verdict: 'REACHABLE' | 'DROPPED';
  @Field(() => CitedMessageModel, { nullable: true })
  @ApiPropertyOptional({ type: CitedMessageModel, nullable: true })
  dropReason: CitedMessageModel | null;
  @Field(() => [HopModel]) @ApiProperty({ type: [HopModel] }) hops: HopModel[];

  @Field(() => SourceIpRoleEnum, { nullable: true, description: 'Null when the packet is dropped before the destination.' })
  @ApiPropertyOptional({ enum: SOURCE_IP_ROLES, enumName: 'SourceIpRole', nullable: true })
  sourceIpSeenByDestination: SourceIpRole | null;

  @Field({ description: "The destination application can learn the original client's address." }) @ApiProperty() clientIpPreserved: boolean;
  @Field(() => ClientIpViaEnum) @ApiProperty({ enum: CLIENT_IP_VIAS, enumName: 'ClientIpVia' }) clientIpVia: ClientIpVia;
  @Field(() => [CitedMessageModel], { description: 'Facts the design leaves open that the trace had to assume.' })
  @ApiProperty({ type: [CitedMessageModel] })
  assumptions: CitedMessageModel[];
  @Field(() => TraceDiagramModel) @ApiProperty({ type: TraceDiagramModel }) diagram: TraceDiagramModel;
}
