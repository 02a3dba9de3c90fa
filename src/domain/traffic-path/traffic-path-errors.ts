/**
 * Error codes of the traffic-path trace: a flow or design the trace cannot follow. One line per code, `CODE: 'KIND'`;
 * see src/domain/errors/error-codes.ts. A flow that is merely dropped is an answer (a drop reason), not an error.
 */
import type { ErrorCodeRegistry } from '../errors/error-codes.js';

export const TRAFFIC_PATH_ERROR_CODES = {
  // The flow itself.
  INVALID_FLOW: 'INVALID_INPUT',
  INVALID_FLOW_SOURCE: 'INVALID_INPUT',
  INVALID_ENDPOINT: 'INVALID_INPUT',
  INVALID_PROTOCOL: 'INVALID_INPUT',
  INVALID_PORT: 'INVALID_INPUT',
  INVALID_IP: 'INVALID_INPUT',
  INVALID_CIDR: 'INVALID_INPUT',
  /** A combination of endpoints the trace does not model. */
  UNSUPPORTED_FLOW: 'INVALID_INPUT',
  SAME_NODE_IMPOSSIBLE: 'INVALID_INPUT',
  LB_PICKS_SOURCE_NODE_NEEDS_NODE_SOURCE: 'INVALID_INPUT',
  INTERNET_IP_IN_VPC: 'INVALID_INPUT',
  INTERNET_IP_IN_PEER: 'INVALID_INPUT',
  VPC_HOST_OUTSIDE_VPC: 'INVALID_INPUT',
  PEER_IP_OUTSIDE_NETWORK: 'INVALID_INPUT',

  // What the flow names in the design.
  UNKNOWN_WORKLOAD: 'INVALID_INPUT',
  AMBIGUOUS_WORKLOAD: 'INVALID_INPUT',
  UNKNOWN_NODE_GROUP: 'INVALID_INPUT',
  UNKNOWN_SUBNET: 'INVALID_INPUT',
  UNKNOWN_NAT_GATEWAY: 'INVALID_INPUT',
  UNKNOWN_NETWORK: 'INVALID_INPUT',
  UNKNOWN_SECURITY_GROUP: 'INVALID_INPUT',
  INVALID_SECURITY_GROUP_RULE: 'INVALID_INPUT',
  NODE_GROUP_IS_FARGATE: 'INVALID_INPUT',
  NODE_GROUP_WITHOUT_SUBNETS: 'INVALID_INPUT',
  NO_NODE_IN_AZ: 'INVALID_INPUT',
  NO_SUBNETS: 'INVALID_INPUT',
  ENDPOINT_ACCESS_NONE: 'INVALID_INPUT',
  CUSTOM_NETWORKING_IPV6: 'INVALID_INPUT',
  ENICONFIG_MISSING_FOR_AZ: 'INVALID_INPUT',

  // Services and load balancers.
  /** The workload has no expose block (also answered by the plan's exposure mapper). */
  WORKLOAD_NOT_EXPOSED: 'INVALID_INPUT',
  SERVICE_HAS_NO_LOAD_BALANCER: 'INVALID_INPUT',
  SERVICE_HAS_NO_NODE_PORT: 'INVALID_INPUT',
  NO_LB_SUBNET: 'INVALID_INPUT',
  FARGATE_REQUIRES_IP_TARGETS: 'INVALID_INPUT',
  FARGATE_NO_NODE_PORT: 'INVALID_INPUT',
  IPV6_REQUIRES_IP_TARGETS: 'INVALID_INPUT',
  /** Raised from the exposure engine's target-type errors (ResolvedExposure.targetTypeConflict). */
  CCM_SUPPORTS_INSTANCE_TARGETS_ONLY: 'INVALID_INPUT',
  ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS: 'INVALID_INPUT',
  IP_TARGET_TYPE_DISABLED: 'INVALID_INPUT',
} as const satisfies ErrorCodeRegistry;

declare module '../errors/error-codes.js' {
  interface ErrorCodeRegistries {
    trafficPath: typeof TRAFFIC_PATH_ERROR_CODES;
  }
}
