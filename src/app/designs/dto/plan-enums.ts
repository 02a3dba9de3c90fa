import { FINDING_SEVERITIES } from '../../../domain/findings/finding.js';
import { graphqlEnum } from '../../../platform/graphql/graphql-enums.js';
import { PLAN_STATUSES, SERVICE_CIDR_SOURCES, SPEC_CHANGE_KINDS, SUBNET_CHARGE_KINDS } from '../../../domain/plan/plan.types.js';

// Enums the plan adds; the ones it shares with the spec, capacity and exposure are registered next to those (registering a name twice breaks the schema).
export const ServiceCidrSourceEnum = graphqlEnum(SERVICE_CIDR_SOURCES, 'ServiceCidrSource', 'DESIGN: the design sets serviceIpv4Cidr; EKS_DEFAULT: the range EKS picks; NOT_APPLICABLE: IPv6 cluster.');
export const SubnetChargeKindEnum = graphqlEnum(SUBNET_CHARGE_KINDS, 'SubnetChargeKind', 'What consumes the addresses of a subnet.');
export const FindingSeverityEnum = graphqlEnum(FINDING_SEVERITIES, 'FindingSeverity');
export const PlanStatusEnum = graphqlEnum(PLAN_STATUSES, 'PlanStatus', 'ERRORS when any finding is an ERROR, else WARNINGS when any is a WARNING, else OK.');
export const SpecChangeKindEnum = graphqlEnum(SPEC_CHANGE_KINDS, 'SpecChangeKind');
