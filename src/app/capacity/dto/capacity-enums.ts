import { graphqlEnum } from '../../../platform/graphql/graphql-enums.js';
import { LAUNCHERS, NODE_OPERATING_SYSTEMS, POD_ADDRESS_MODES, SUBNET_USAGE_ROLES } from '../../../domain/capacity/capacity.types.js';

export const LauncherEnum = graphqlEnum(LAUNCHERS, 'Launcher', 'Who decides the kubelet maxPods.');
export const NodeOsEnum = graphqlEnum(NODE_OPERATING_SYSTEMS, 'NodeOs');
export const PodAddressModeEnum = graphqlEnum(POD_ADDRESS_MODES, 'PodAddressMode');
export const SubnetUsageRoleEnum = graphqlEnum(SUBNET_USAGE_ROLES, 'SubnetUsageRole', 'NODES, or PODS for an ENIConfig subnet under custom networking.');
export const SubnetUsageUnitEnum = graphqlEnum(['IP_ADDRESS', 'PREFIX_80'] as const, 'SubnetUsageUnit');
