import { graphqlEnum } from '../../../platform/graphql/graphql-enums.js';
import {
  CLIENT_IP_VIAS, CLUSTER_LB_CONTROLLERS, CNI_KINDS, COMPUTE_KINDS, EXPOSURE_CONTROLLERS, EXPOSURE_KINDS, LB_IP_ADDRESS_TYPES, LB_SCHEMES,
  LINT_SEVERITIES, POD_SECURITY_GROUP_MODES,
} from '../../../domain/exposure/exposure.types.js';

export const PROXY_PROTOCOL_VERSIONS = ['V1', 'V2'] as const;

export const ExposureKindEnum = graphqlEnum(EXPOSURE_KINDS, 'ExposureKind', 'The Kubernetes object and load balancer that publish a workload.');
export const ExposureControllerEnum = graphqlEnum(EXPOSURE_CONTROLLERS, 'ExposureController', 'Who turns the Kubernetes object into traffic plumbing.');
export const ComputeKindEnum = graphqlEnum(COMPUTE_KINDS, 'ComputeKind');
export const ClusterLbControllerEnum = graphqlEnum(CLUSTER_LB_CONTROLLERS, 'ClusterLbController', 'LBC: the AWS Load Balancer Controller is installed; CCM_ONLY: only the in-tree service controller.');
export const PodSecurityGroupModeEnum = graphqlEnum(POD_SECURITY_GROUP_MODES, 'PodSecurityGroupMode', 'Security groups for pods: off, or POD_SECURITY_GROUP_ENFORCING_MODE.');
export const CniKindEnum = graphqlEnum(CNI_KINDS, 'CniKind');
export const LbSchemeEnum = graphqlEnum(LB_SCHEMES, 'LbScheme');
/** Shared by the exposure recommendation and the traffic-path trace (both engines use the same five values). */
export const ClientIpViaEnum = graphqlEnum(CLIENT_IP_VIAS, 'ClientIpVia', 'How the destination application can learn the original client address.');
export const LbIpAddressTypeEnum = graphqlEnum(LB_IP_ADDRESS_TYPES, 'LbIpAddressType');
export const ProxyProtocolVersionEnum = graphqlEnum(PROXY_PROTOCOL_VERSIONS, 'ProxyProtocolVersion');
export const LintSeverityEnum = graphqlEnum(LINT_SEVERITIES, 'LintSeverity');
