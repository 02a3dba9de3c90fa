/**
 * Stateful security-group evaluation at the ENI where a packet enters ([TP §2]). Security groups are allow-lists:
 * a packet is admitted when any rule of any group on the ENI matches its protocol, port and source (a CIDR, or a
 * security group that the sending ENI carries). Replies of an admitted connection are allowed automatically
 * (stateful), so only the initiating direction is evaluated. Egress rules are not part of the design: every group
 * is taken to keep the AWS default "all traffic out" rule.
 */
import { cidrContainsAddress, parseCidrResult } from '../network/cidr.js';
import type { SecurityGroupRule } from '../spec/design-spec.types.js';
import { invalid } from './design-lookup.js';
import type { FlowProtocol, SecurityGroupVerdict } from './trace-path.types.js';

export interface ResolvedSecurityGroup {
  name: string;
  ingress: readonly SecurityGroupRule[];
  /** DESIGN: listed in `securityGroups`; EKS_DEFAULT: the EKS-created cluster security group the design leaves implicit. */
  origin: 'DESIGN' | 'EKS_DEFAULT';
}

export interface IngressPacket {
  src: string;
  /** Security groups of the ENI that sent the packet (empty for anything that is not an ENI in this VPC). */
  srcSecurityGroups: readonly string[];
  protocol: FlowProtocol;
  port: number;
}

export interface IngressDecision {
  allowed: boolean;
  verdicts: SecurityGroupVerdict[];
}

/** Name of the EKS-created cluster security group when the design does not name one. */
export const EKS_DEFAULT_CLUSTER_SG = 'eks-cluster-sg';

/** [EKS-SGR] L25-79: the default cluster SG admits all traffic from itself (and allows all egress). */
export function eksDefaultClusterSecurityGroup(): ResolvedSecurityGroup {
  return { name: EKS_DEFAULT_CLUSTER_SG, ingress: [{ protocol: 'ALL', from: EKS_DEFAULT_CLUSTER_SG }], origin: 'EKS_DEFAULT' };
}

export function evaluateIngress(groups: readonly ResolvedSecurityGroup[], packet: IngressPacket): IngressDecision {
  const verdicts = groups.map((group): SecurityGroupVerdict => {
    const rule = group.ingress.find((candidate) => ruleMatches(candidate, packet, group.name));
    return rule
      ? { name: group.name, direction: 'INGRESS', allowed: true, rule: describeRule(rule) }
      : { name: group.name, direction: 'INGRESS', allowed: false };
  });
  return { allowed: verdicts.some((verdict) => verdict.allowed), verdicts };
}

/** The default outbound rule every security group keeps unless removed; the design does not model egress rules. */
export function egressVerdicts(groups: readonly ResolvedSecurityGroup[]): SecurityGroupVerdict[] {
  return groups.map((group) => ({ name: group.name, direction: 'EGRESS', allowed: true, rule: 'ALL to 0.0.0.0/0, ::/0 (default egress)' }));
}

export function describeRule(rule: SecurityGroupRule): string {
  return `${rule.protocol} ${rule.ports ?? 'all ports'} from ${rule.from}`;
}

/** A verdict for a rule the engine synthesises (LB-controller-managed rules), not one written in the design. */
export function syntheticVerdict(name: string, rule: string): SecurityGroupVerdict {
  return { name, direction: 'INGRESS', allowed: true, rule };
}

function ruleMatches(rule: SecurityGroupRule, packet: IngressPacket, groupName: string): boolean {
  if (rule.protocol !== 'ALL' && rule.protocol !== packet.protocol) return false;
  if (rule.protocol !== 'ALL' && rule.protocol !== 'ICMP' && !portInRange(rule, packet.port, groupName)) return false;
  const cidr = parseCidrResult(rule.from);
  if (cidr.ok) return cidrContainsAddress(cidr.cidr, packet.src);
  if (/^[\d.:]+\/\d+$/.test(rule.from)) {
    throw invalid('INVALID_SECURITY_GROUP_RULE', `Security group ${groupName}: ${cidr.reason}.`, `securityGroups[${groupName}].ingress`);
  }
  return packet.srcSecurityGroups.includes(rule.from);
}

function portInRange(rule: SecurityGroupRule, port: number, groupName: string): boolean {
  if (rule.ports === undefined || rule.ports === '') return true;
  const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(rule.ports.trim());
  if (!match) {
    throw invalid(
      'INVALID_SECURITY_GROUP_RULE',
      `Security group ${groupName}: ports "${rule.ports}" is not a port or a from-to range.`,
      `securityGroups[${groupName}].ingress`,
    );
  }
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  return from <= port && port <= to;
}
