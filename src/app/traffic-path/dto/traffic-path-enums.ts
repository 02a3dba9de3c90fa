import { graphqlEnum } from '../../../platform/graphql/graphql-enums.js';
import { ADDRESS_ROLES, FLOW_PROTOCOLS, HOP_ACTIONS, HOP_KINDS, SERVICE_ENTRIES, SOURCE_IP_ROLES, type EndpointKind } from '../../../domain/traffic-path/trace-path.types.js';

export const ENDPOINT_KINDS = ['POD', 'NODE', 'INTERNET', 'VPC_HOST', 'PEER', 'SERVICE', 'EKS_API'] as const satisfies readonly EndpointKind[];
export const TRACE_VERDICTS = ['REACHABLE', 'DROPPED'] as const;
export const SG_DIRECTIONS = ['INGRESS', 'EGRESS'] as const;

export const EndpointKindEnum = graphqlEnum(ENDPOINT_KINDS, 'EndpointKind', 'What one end of a flow is.');
export const FlowProtocolEnum = graphqlEnum(FLOW_PROTOCOLS, 'FlowProtocol');
export const ServiceEntryEnum = graphqlEnum(SERVICE_ENTRIES, 'ServiceEntry', 'How a client reaches a Service.');
export const TraceVerdictEnum = graphqlEnum(TRACE_VERDICTS, 'TraceVerdict');
export const HopKindEnum = graphqlEnum(HOP_KINDS, 'HopKind');
export const HopActionEnum = graphqlEnum(HOP_ACTIONS, 'HopAction', 'SNAT when the source changed, DNAT when only the destination did.');
export const SourceIpRoleEnum = graphqlEnum(SOURCE_IP_ROLES, 'SourceIpRole', 'Whose address the destination sees as the source.');
export const AddressRoleEnum = graphqlEnum(ADDRESS_ROLES, 'AddressRole');
export const SecurityGroupDirectionEnum = graphqlEnum(SG_DIRECTIONS, 'SecurityGroupDirection');
