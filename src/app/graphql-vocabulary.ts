/**
 * Every GraphQL enum of the API, registered once. The values are the domain's `as const` tuples (pure code cannot
 * import GraphQL), so REST, GraphQL and the engines share the same UPPER_SNAKE strings; DTOs of every feature import
 * their enums from here, which keeps the feature folders free of imports between each other's DTOs.
 */
import { graphqlEnum } from '../platform/graphql/graphql-enums.js';
import {
  LAUNCHERS,
  NODE_OPERATING_SYSTEMS,
  POD_ADDRESS_MODES,
  SUBNET_USAGE_ROLES,
  SUBNET_USAGE_UNITS,
} from '../domain/capacity/capacity.types.js';
import { HYPERVISORS } from '../domain/catalog/instance-type.js';
import {
  CLIENT_IP_VIAS,
  CLUSTER_LB_CONTROLLERS,
  CNI_KINDS,
  COMPUTE_KINDS,
  EXPOSURE_CONTROLLERS,
  EXPOSURE_KINDS,
  LB_IP_ADDRESS_TYPES,
  LB_SCHEMES,
  LINT_SEVERITIES,
  POD_SECURITY_GROUP_MODES,
  PROXY_PROTOCOL_VERSIONS,
} from '../domain/exposure/exposure.types.js';
import { ADVICE_PROBLEM_CODE_LIST, DISRUPTIONS, JSON_PATCH_OPS, REMEDY_KINDS } from '../domain/advice/index.js';
import { FINDING_SEVERITIES } from '../domain/findings/finding.js';
import { PLAN_STATUSES, SERVICE_CIDR_SOURCES, SPEC_CHANGE_KINDS, SUBNET_CHARGE_KINDS } from '../domain/plan/plan.types.js';
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
} from '../domain/spec/design-spec.types.js';
import {
  ADDRESS_ROLES,
  ENDPOINT_KINDS,
  FLOW_PROTOCOLS,
  HOP_ACTIONS,
  HOP_KINDS,
  SERVICE_ENTRIES,
  SG_DIRECTIONS,
  SOURCE_IP_ROLES,
  TRACE_VERDICTS,
} from '../domain/traffic-path/trace-path.types.js';

// Catalogs
export const HypervisorEnum = graphqlEnum(HYPERVISORS, 'Hypervisor', 'EC2 hypervisor: NITRO enables prefix delegation and IPv6 pods.');

// DesignSpec
export const IpFamilyEnum = graphqlEnum(IP_FAMILIES, 'IpFamily');
export const PeerConnectionEnum = graphqlEnum(PEER_CONNECTIONS, 'PeerConnection', 'How a peer network is reached.');
export const SubnetRoleEnum = graphqlEnum(SUBNET_ROLES, 'SubnetRole');
export const NodeGroupKindEnum = graphqlEnum(NODE_GROUP_KINDS, 'NodeGroupKind');
export const AmiFamilyEnum = graphqlEnum(AMI_FAMILIES, 'AmiFamily');
export const WindowsVariantEnum = graphqlEnum(WINDOWS_VARIANTS, 'WindowsVariant');
export const PodSecurityGroupEnforcingModeEnum = graphqlEnum(POD_SG_ENFORCING_MODES, 'PodSecurityGroupEnforcingMode');
export const AudienceEnum = graphqlEnum(AUDIENCES, 'Audience', 'Who must reach the workload.');
export const ExposeProtocolEnum = graphqlEnum(EXPOSE_PROTOCOLS, 'ExposeProtocol');
export const TrafficPolicyEnum = graphqlEnum(TRAFFIC_POLICIES, 'TrafficPolicy');
export const TargetTypeEnum = graphqlEnum(TARGET_TYPES, 'TargetType');
export const SecurityGroupProtocolEnum = graphqlEnum(SG_PROTOCOLS, 'SecurityGroupProtocol');

// Capacity
export const LauncherEnum = graphqlEnum(LAUNCHERS, 'Launcher', 'Who decides the kubelet maxPods.');
export const NodeOsEnum = graphqlEnum(NODE_OPERATING_SYSTEMS, 'NodeOs');
export const PodAddressModeEnum = graphqlEnum(POD_ADDRESS_MODES, 'PodAddressMode');
export const SubnetUsageRoleEnum = graphqlEnum(
  SUBNET_USAGE_ROLES,
  'SubnetUsageRole',
  'NODES, or PODS for an ENIConfig subnet under custom networking.',
);
export const SubnetUsageUnitEnum = graphqlEnum(SUBNET_USAGE_UNITS, 'SubnetUsageUnit');

// Service exposure
export const ExposureKindEnum = graphqlEnum(
  EXPOSURE_KINDS,
  'ExposureKind',
  'The Kubernetes object and load balancer that publish a workload.',
);
export const ExposureControllerEnum = graphqlEnum(
  EXPOSURE_CONTROLLERS,
  'ExposureController',
  'Who turns the Kubernetes object into traffic plumbing.',
);
export const ComputeKindEnum = graphqlEnum(COMPUTE_KINDS, 'ComputeKind');
export const ClusterLbControllerEnum = graphqlEnum(
  CLUSTER_LB_CONTROLLERS,
  'ClusterLbController',
  'LBC: the AWS Load Balancer Controller is installed; CCM_ONLY: only the in-tree service controller.',
);
export const PodSecurityGroupModeEnum = graphqlEnum(
  POD_SECURITY_GROUP_MODES,
  'PodSecurityGroupMode',
  'Security groups for pods: off, or POD_SECURITY_GROUP_ENFORCING_MODE.',
);
export const CniKindEnum = graphqlEnum(CNI_KINDS, 'CniKind');
export const LbSchemeEnum = graphqlEnum(LB_SCHEMES, 'LbScheme');
/** Shared by the exposure recommendation and the traffic-path trace (both engines use the same five values). */
export const ClientIpViaEnum = graphqlEnum(
  CLIENT_IP_VIAS,
  'ClientIpVia',
  'How the destination application can learn the original client address.',
);
export const LbIpAddressTypeEnum = graphqlEnum(LB_IP_ADDRESS_TYPES, 'LbIpAddressType');
export const ProxyProtocolVersionEnum = graphqlEnum(PROXY_PROTOCOL_VERSIONS, 'ProxyProtocolVersion');
export const LintSeverityEnum = graphqlEnum(LINT_SEVERITIES, 'LintSeverity');

// Traffic path
export const EndpointKindEnum = graphqlEnum(ENDPOINT_KINDS, 'EndpointKind', 'What one end of a flow is.');
export const FlowProtocolEnum = graphqlEnum(FLOW_PROTOCOLS, 'FlowProtocol');
export const ServiceEntryEnum = graphqlEnum(SERVICE_ENTRIES, 'ServiceEntry', 'How a client reaches a Service.');
export const TraceVerdictEnum = graphqlEnum(TRACE_VERDICTS, 'TraceVerdict');
export const HopKindEnum = graphqlEnum(HOP_KINDS, 'HopKind');
export const HopActionEnum = graphqlEnum(HOP_ACTIONS, 'HopAction', 'SNAT when the source changed, DNAT when only the destination did.');
export const SourceIpRoleEnum = graphqlEnum(SOURCE_IP_ROLES, 'SourceIpRole', 'Whose address the destination sees as the source.');
export const AddressRoleEnum = graphqlEnum(ADDRESS_ROLES, 'AddressRole');
export const SecurityGroupDirectionEnum = graphqlEnum(SG_DIRECTIONS, 'SecurityGroupDirection');

// Plan
export const ServiceCidrSourceEnum = graphqlEnum(
  SERVICE_CIDR_SOURCES,
  'ServiceCidrSource',
  'DESIGN: the design sets serviceIpv4Cidr; EKS_DEFAULT: the range EKS picks; NOT_APPLICABLE: IPv6 cluster.',
);
export const SubnetChargeKindEnum = graphqlEnum(SUBNET_CHARGE_KINDS, 'SubnetChargeKind', 'What consumes the addresses of a subnet.');
export const FindingSeverityEnum = graphqlEnum(FINDING_SEVERITIES, 'FindingSeverity');
export const PlanStatusEnum = graphqlEnum(
  PLAN_STATUSES,
  'PlanStatus',
  'ERRORS when any finding is an ERROR, else WARNINGS when any is a WARNING, else OK.',
);
export const SpecChangeKindEnum = graphqlEnum(SPEC_CHANGE_KINDS, 'SpecChangeKind');

// What-if and advice
export const JsonPatchOpEnum = graphqlEnum(JSON_PATCH_OPS, 'JsonPatchOp', 'An RFC 6902 JSON Patch operation.');
export const RemedyKindEnum = graphqlEnum(REMEDY_KINDS, 'RemedyKind');
export const DisruptionEnum = graphqlEnum(DISRUPTIONS, 'Disruption', 'What applying a remedy costs the running cluster.');
export const AdviceProblemCodeEnum = graphqlEnum(ADVICE_PROBLEM_CODE_LIST, 'AdviceProblemCode');
