/**
 * Service checks: kube-apiserver validation that bites load-balancer Services, who reconciles the Service (§0), and
 * every §2 rule that can be read off a Service and the cluster context.
 */
import { cidrContainsAddress, parseAddress, parseCidrResult } from '../network/cidr.js';
import type { Subnet } from '../spec/design-spec.types.js';
import { SERVICE_ANNOTATION_PREFIX as SVC } from '../kubernetes/load-balancer-controller.js';
import { parseGoBool, parseGoInt, parseStringMap, splitList } from './annotation-value.parser.js';
import { LBC_LOAD_BALANCER_CLASS } from '../kubernetes/load-balancer-controller.js';
import { isInNodePortRange, nodePortRangeMessage } from '../kubernetes/service-ports.js';
import { annotationPath, type FindingCollector } from './lint-findings.collector.js';
import type { PathSegment } from './manifest-documents.parser.js';
import type { ManifestIndex, NormalizedLintContext, ServiceView } from './manifest.index.js';
import { discoverLoadBalancerSubnets } from './subnet-discovery.engine.js';

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const AWS_SERVICE_ANNOTATION = /^service\.beta\.kubernetes\.io\/aws-load-balancer-/;

export function lintServices(index: ManifestIndex, findings: FindingCollector): void {
  for (const service of index.services) {
    lintApiServerRules(service, findings);
    lintOwnership(service, index.context, findings);
    if (service.reconciler === 'LBC') lintLbcService(service, index.context, findings);
    if (service.reconciler === 'CCM') lintInTreeService(service, index.context, findings);
    if (service.reconciler !== 'NONE') lintStrictPodSecurityGroups(service, index.context, findings);
  }
  lintNodePortAllocation(index.services, findings);
}

function lintApiServerRules(service: ServiceView, findings: FindingCollector): void {
  const { resource, type, spec } = service;
  if (!SERVICE_TYPES.includes(type)) {
    findings.report(resource, {
      code: 'INVALID_SERVICE_TYPE',
      path: ['spec', 'type'],
      message: `spec.type: Unsupported value: "${type}": supported values: ${SERVICE_TYPES.map((t) => `"${t}"`).join(', ')}`,
    });
    return;
  }
  const externallyAccessible =
    type === 'NodePort' || type === 'LoadBalancer' || (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (spec.externalTrafficPolicy !== undefined && !externallyAccessible) {
    findings.report(resource, {
      code: 'EXTERNAL_TRAFFIC_POLICY_ON_CLUSTER_IP',
      path: ['spec', 'externalTrafficPolicy'],
      message: `spec.externalTrafficPolicy: Invalid value: "${String(spec.externalTrafficPolicy)}": may only be set for externally-accessible services`,
    });
  }
  if (spec.healthCheckNodePort !== undefined && !(type === 'LoadBalancer' && service.externalTrafficPolicy === 'Local')) {
    findings.report(resource, {
      code: 'HEALTH_CHECK_NODE_PORT_OUT_OF_SCOPE',
      path: ['spec', 'healthCheckNodePort'],
      message: 'spec.healthCheckNodePort only has an effect when type is LoadBalancer and externalTrafficPolicy is Local.',
    });
  }
  if (service.loadBalancerClass && type !== 'LoadBalancer') {
    findings.report(resource, {
      code: 'LOAD_BALANCER_CLASS_ON_NON_LB',
      path: ['spec', 'loadBalancerClass'],
      message: `spec.loadBalancerClass can be set on a Service of type LoadBalancer only (this one is ${type}).`,
    });
  }
  for (const port of service.ports) {
    if (port.nodePort === undefined) continue;
    const path: PathSegment[] = ['spec', 'ports', port.index, 'nodePort'];
    if (type === 'ClusterIP' || type === 'ExternalName') {
      findings.report(resource, {
        code: 'NODE_PORT_ON_CLUSTER_IP',
        path,
        message: `spec.ports[${port.index}].nodePort: Forbidden: may not be used when \`type\` is '${type}'`,
        rule: 'R2',
      });
    } else if (!isInNodePortRange(port.nodePort)) {
      findings.report(resource, {
        code: 'NODE_PORT_OUT_OF_RANGE',
        path,
        message: nodePortRangeMessage(`spec.ports[${port.index}].nodePort`, port.nodePort),
      });
    }
  }
  const healthCheckNodePort = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : undefined;
  if (healthCheckNodePort !== undefined && !isInNodePortRange(healthCheckNodePort)) {
    findings.report(resource, {
      code: 'NODE_PORT_OUT_OF_RANGE',
      path: ['spec', 'healthCheckNodePort'],
      message: nodePortRangeMessage('spec.healthCheckNodePort', healthCheckNodePort),
    });
  }
  if (Array.isArray(spec.loadBalancerSourceRanges)) {
    spec.loadBalancerSourceRanges.forEach((range, rangeIndex) => {
      if (typeof range !== 'string' || parseCidrResult(range).ok === false) {
        findings.report(resource, {
          code: 'INVALID_SOURCE_RANGE',
          path: ['spec', 'loadBalancerSourceRanges', rangeIndex],
          message: `spec.loadBalancerSourceRanges[${rangeIndex}]: Invalid value: "${String(range)}": must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24`,
        });
      }
    });
  }
}

function lintOwnership(service: ServiceView, context: NormalizedLintContext, findings: FindingCollector): void {
  const { resource, annotations } = service;
  if (service.reconciler === 'NONE') {
    const foreignClass = service.loadBalancerClass !== undefined && service.loadBalancerClass !== LBC_LOAD_BALANCER_CLASS;
    const hasAwsAnnotations = [...annotations.keys()].some((key) => AWS_SERVICE_ANNOTATION.test(key));
    if (foreignClass && !hasAwsAnnotations) return;
    findings.report(resource, {
      code: 'SERVICE_NOT_RECONCILED',
      severity: foreignClass && context.controller === 'LBC' ? 'WARNING' : 'ERROR',
      path: service.loadBalancerClass ? ['spec', 'loadBalancerClass'] : annotationPath(`${SVC}aws-load-balancer-type`),
      message: `Service will not be reconciled into an AWS load balancer: ${service.reconcilerReason}.`,
    });
    return;
  }
  if (service.viaWebhook) {
    const lbType = annotations.get(`${SVC}aws-load-balancer-type`);
    const schemeStated = annotations.has(`${SVC}aws-load-balancer-scheme`) || annotations.has(`${SVC}aws-load-balancer-internal`);
    if (lbType === 'nlb' || !schemeStated) {
      findings.report(resource, {
        code: 'WEBHOOK_ASSIGNS_LOAD_BALANCER_CLASS',
        severity: 'WARNING',
        path: lbType === 'nlb' ? annotationPath(`${SVC}aws-load-balancer-type`) : ['spec', 'type'],
        message: `The AWS Load Balancer Controller webhook sets spec.loadBalancerClass: ${LBC_LOAD_BALANCER_CLASS} on this new Service, so the LBC — not the in-tree controller — builds an NLB with ${service.targetType} targets that is ${service.scheme}${schemeStated ? '' : ' by default'}. State spec.loadBalancerClass and aws-load-balancer-scheme explicitly.`,
        rule: '§0',
      });
    }
  }
}

function lintLbcService(service: ServiceView, context: NormalizedLintContext, findings: FindingCollector): void {
  const { resource, annotations, type } = service;
  const targetTypeKey = `${SVC}aws-load-balancer-nlb-target-type`;
  const targetPath = annotations.has(targetTypeKey) ? annotationPath(targetTypeKey) : ['spec', 'type'];
  const instance = service.targetType === 'instance';
  const local = service.externalTrafficPolicy === 'Local';

  if (instance && context.compute === 'FARGATE') {
    findings.report(resource, {
      code: 'FARGATE_REQUIRES_IP_TARGETS',
      path: targetPath,
      message: 'Pods on AWS Fargate can only be load balanced as IP targets; set aws-load-balancer-nlb-target-type: ip.',
    });
  }
  if (instance && context.ipFamily === 'IPV6') {
    findings.report(resource, {
      code: 'IPV6_REQUIRES_IP_TARGETS',
      path: targetPath,
      message: 'IPv6 pods can only be load balanced to IP targets, not instance targets.',
    });
  }
  if (!instance && context.cni === 'OTHER' && context.compute !== 'FARGATE') {
    findings.report(resource, {
      code: 'ALTERNATE_CNI_REQUIRES_INSTANCE_TARGETS',
      path: targetPath,
      message: 'ip targets need pod IPs that are native VPC IPs (Amazon VPC CNI); with an alternate CNI use instance targets.',
    });
  }
  if (!instance && !context.enableIpTargetType) {
    findings.report(resource, {
      code: 'IP_TARGET_TYPE_DISABLED',
      path: targetPath,
      message: 'unsupported targetType: ip when EnableIPTargetType is false',
    });
  }
  if (instance && type === 'ClusterIP') {
    findings.report(resource, {
      code: 'INSTANCE_TARGET_ON_CLUSTER_IP',
      path: targetPath,
      message: 'unsupported service type "ClusterIP" for load balancer target type "instance"',
    });
  }
  if (instance && service.spec.allocateLoadBalancerNodePorts === false) {
    for (const port of service.ports.filter((p) => p.nodePort === undefined)) {
      findings.report(resource, {
        code: 'INSTANCE_TARGET_WITHOUT_NODE_PORT',
        path: ['spec', 'ports', port.index],
        message:
          'unable to support instance target type with an unallocated NodePort (allocateLoadBalancerNodePorts is false and this port has no nodePort)',
      });
    }
  }

  lintAddresses(service, context, findings);
  lintHealthCheck(service, findings);

  const proxyProtocol = annotations.get(`${SVC}aws-load-balancer-proxy-protocol`);
  if (proxyProtocol === '*' && instance && local) {
    findings.report(resource, {
      code: 'PROXY_PROTOCOL_WITH_LOCAL_INSTANCE',
      path: annotationPath(`${SVC}aws-load-balancer-proxy-protocol`),
      message:
        "you shouldn't configure proxy protocol v2 with NLB instance mode and externalTrafficPolicy set to Local: the kube-proxy health-check port does not speak proxy protocol.",
    });
  }
  const customGroups = annotations.get(`${SVC}aws-load-balancer-security-groups`);
  const manageRules = annotations.get(`${SVC}aws-load-balancer-manage-backend-security-group-rules`);
  if (customGroups !== undefined && parseGoBool(manageRules ?? '') !== true) {
    findings.report(resource, {
      code: 'CUSTOM_SECURITY_GROUPS_UNMANAGED',
      path: annotationPath(`${SVC}aws-load-balancer-security-groups`),
      message:
        'With aws-load-balancer-security-groups the controller stops managing backend rules: configure the security groups of your target instances/ENIs to allow inbound traffic from the load balancer, or set aws-load-balancer-manage-backend-security-group-rules: "true".',
    });
  }
  const preserve = preserveClientIp(service);
  const sourceRangesKey = `${SVC}load-balancer-source-ranges`;
  if (annotations.has(sourceRangesKey) && (!preserve || customGroups !== undefined)) {
    findings.report(resource, {
      code: 'SOURCE_RANGES_IGNORED',
      path: annotationPath(sourceRangesKey),
      message:
        customGroups !== undefined
          ? 'load-balancer-source-ranges is ignored when aws-load-balancer-security-groups is specified.'
          : 'This annotation will be ignored in case preserve client IP is not enabled (ip targets default to preserve_client_ip.enabled=false); use spec.loadBalancerSourceRanges or enable client IP preservation.',
    });
  }
  if (service.scheme === 'internal' && preserve) {
    findings.report(resource, {
      code: 'NLB_HAIRPIN_WITH_CLIENT_IP_PRESERVATION',
      severity: 'WARNING',
      path: ['spec', 'type'],
      message:
        "Pods of this cluster that call this internal NLB time out when it picks the caller's own node: NAT loopback (hairpin) is not supported with client IP preservation. Call the ClusterIP from inside the cluster, or disable preserve_client_ip.",
      rule: 'R5',
    });
  }
  if (annotations.has(`${SVC}aws-load-balancer-proxy-protocol`) && service.ports.some((port) => port.protocol === 'UDP')) {
    findings.report(resource, {
      code: 'PROXY_PROTOCOL_UNSUPPORTED_FOR_UDP',
      severity: 'WARNING',
      path: annotationPath(`${SVC}aws-load-balancer-proxy-protocol`),
      message:
        'Proxy protocol v2 applies to TCP and TLS target groups; UDP target groups keep the client address as the packet source instead.',
      rule: 'R5u',
    });
  }
}

/** [LBC-CODE-TG] L396-415: the attribute when set, else true for instance and false for ip; UDP always preserves. */
function preserveClientIp(service: ServiceView): boolean {
  if (service.ports.length > 0 && service.ports.every((port) => port.protocol === 'UDP')) return true;
  const attributes = parseStringMap(service.annotations.get(`${SVC}aws-load-balancer-target-group-attributes`) ?? '');
  const explicit = attributes?.get('preserve_client_ip.enabled');
  const parsed = explicit === undefined ? undefined : parseGoBool(explicit);
  return parsed ?? service.targetType === 'instance';
}

function lintAddresses(service: ServiceView, context: NormalizedLintContext, findings: FindingCollector): void {
  const { resource, annotations } = service;
  const eipKey = `${SVC}aws-load-balancer-eip-allocations`;
  const privateKey = `${SVC}aws-load-balancer-private-ipv4-addresses`;
  const ipv6Key = `${SVC}aws-load-balancer-ipv6-addresses`;
  const subnetsKey = `${SVC}aws-load-balancer-subnets`;
  const eips = annotations.has(eipKey) ? splitList(annotations.get(eipKey)!) : undefined;
  const privateIps = annotations.has(privateKey) ? splitList(annotations.get(privateKey)!) : undefined;
  const ipv6Addresses = annotations.has(ipv6Key) ? splitList(annotations.get(ipv6Key)!) : undefined;

  if (eips && service.scheme === 'internal') {
    findings.report(resource, {
      code: 'EIP_ON_INTERNAL_LOAD_BALANCER',
      path: annotationPath(eipKey),
      message: 'EIP allocations can only be set for internet facing load balancers',
    });
  }
  if (privateIps && service.scheme === 'internet-facing') {
    findings.report(resource, {
      code: 'PRIVATE_IPS_ON_INTERNET_FACING',
      path: annotationPath(privateKey),
      message: 'private IPv4 addresses can only be set for internal load balancers',
    });
  }
  if (ipv6Addresses && !service.dualstack) {
    findings.report(resource, {
      code: 'IPV6_ADDRESSES_WITHOUT_DUALSTACK',
      path: annotationPath(ipv6Key),
      message: 'IPv6 addresses can only be set for dualstack load balancers',
    });
  }
  if (service.ipv6 && !service.dualstack) {
    findings.report(resource, {
      code: 'IPV6_REQUIRES_DUALSTACK',
      path: annotations.has(`${SVC}aws-load-balancer-ip-address-type`)
        ? annotationPath(`${SVC}aws-load-balancer-ip-address-type`)
        : ['spec', 'type'],
      message:
        'unsupported IPv6 configuration, lb not dual-stack: set service.beta.kubernetes.io/aws-load-balancer-ip-address-type: dualstack.',
    });
  }

  const named = annotations.has(subnetsKey) ? splitList(annotations.get(subnetsKey)!) : undefined;
  const designSubnets = context.subnets;
  let subnets: Subnet[] | undefined;
  let subnetCount: number | undefined = named?.length;
  if (named && designSubnets) {
    subnets = named
      .map((ref) => designSubnets.find((subnet) => subnet.name === ref))
      .filter((subnet): subnet is Subnet => subnet !== undefined);
    if (subnets.length === named.length) lintSubnetAzs(service, subnets, annotationPath(subnetsKey), findings);
    else subnets = undefined;
  } else if (!named && designSubnets && service.scheme) {
    const discovered = discoverLoadBalancerSubnets({
      subnets: designSubnets,
      scheme: service.scheme === 'internal' ? 'INTERNAL' : 'INTERNET_FACING',
      family: 'NLB',
      owner: 'LBC',
      lbcVersion: context.version,
    });
    subnets = discovered.chosen;
    subnetCount = discovered.chosen.length;
    for (const error of discovered.errors) findings.report(resource, { code: error.code, path: ['spec', 'type'], message: error.message });
  }
  if (subnetCount !== undefined && subnetCount > 0) {
    if (eips && eips.length !== subnetCount) {
      findings.report(resource, {
        code: 'EIP_COUNT_MISMATCH',
        path: annotationPath(eipKey),
        message: `count of EIP allocations (${eips.length}) and subnets (${subnetCount}) must match`,
      });
    }
    if (privateIps && privateIps.length !== subnetCount) {
      findings.report(resource, {
        code: 'PRIVATE_IP_COUNT_MISMATCH',
        path: annotationPath(privateKey),
        message: `count of private IPv4 addresses (${privateIps.length}) and subnets (${subnetCount}) must match`,
        rule: 'V-EIP-COUNT',
      });
    }
    if (ipv6Addresses && ipv6Addresses.length !== subnetCount) {
      findings.report(resource, {
        code: 'IPV6_ADDRESS_COUNT_MISMATCH',
        path: annotationPath(ipv6Key),
        message: `count of IPv6 addresses (${ipv6Addresses.length}) and subnets (${subnetCount}) must match`,
        rule: 'V-EIP-COUNT',
      });
    }
  }
  for (const address of privateIps ?? []) {
    if (parseAddress(address)?.version !== 4) {
      findings.report(resource, {
        code: 'INVALID_ANNOTATION_VALUE',
        path: annotationPath(privateKey),
        message: `${address} is not an IPv4 address.`,
      });
    } else if (subnets && subnets.length > 0 && !subnets.some((subnet) => containsIpv4(subnet, address))) {
      findings.report(resource, {
        code: 'PRIVATE_IP_OUTSIDE_SUBNETS',
        path: annotationPath(privateKey),
        message: `${address} is in none of the load balancer's subnets (${subnets.map((s) => `${s.name} ${s.cidr}`).join(', ')}).`,
        rule: 'R8',
      });
    }
  }
  for (const address of ipv6Addresses ?? []) {
    if (parseAddress(address)?.version !== 6) {
      findings.report(resource, {
        code: 'INVALID_ANNOTATION_VALUE',
        path: annotationPath(ipv6Key),
        message: `${address} is not an IPv6 address.`,
      });
    }
  }
}

function containsIpv4(subnet: Subnet, address: string): boolean {
  const parsed = parseCidrResult(subnet.cidr, 4);
  return parsed.ok && cidrContainsAddress(parsed.cidr, address);
}

/** [LBC-CODE-SR] L689: one subnet per Availability Zone. */
export function lintSubnetAzs(
  owner: { resource: ServiceView['resource'] },
  subnets: readonly Subnet[],
  path: PathSegment[],
  findings: FindingCollector,
): void {
  const byAz = new Map<string, string[]>();
  for (const subnet of subnets) byAz.set(subnet.az, [...(byAz.get(subnet.az) ?? []), subnet.name]);
  for (const [az, names] of byAz) {
    if (names.length > 1) {
      findings.report(owner.resource, {
        code: 'SUBNETS_SHARE_AZ',
        path,
        message: `multiple subnets in same Availability Zone ${az}: [${names.join(' ')}]`,
      });
    }
  }
}

function lintHealthCheck(service: ServiceView, findings: FindingCollector): void {
  const { resource, annotations } = service;
  const protocolKey = `${SVC}aws-load-balancer-healthcheck-protocol`;
  const portKey = `${SVC}aws-load-balancer-healthcheck-port`;
  const protocol = annotations.get(protocolKey);
  if (service.targetType === 'instance' && service.externalTrafficPolicy === 'Local' && protocol?.toUpperCase() === 'TCP') {
    findings.report(resource, {
      code: 'LOCAL_POLICY_TCP_HEALTH_CHECK',
      path: annotationPath(protocolKey),
      message:
        'externalTrafficPolicy is Local: do not use TCP health checks; use HTTP on spec.healthCheckNodePort path /healthz (the controller default) so only nodes with a ready pod receive traffic.',
    });
  }
  const rawPort = annotations.get(portKey);
  if (rawPort === undefined || rawPort === 'traffic-port' || parseGoInt(rawPort) !== undefined) return;
  const named = service.ports.find((port) => port.name === rawPort);
  if (!named) {
    findings.report(resource, {
      code: 'HEALTH_CHECK_PORT_NOT_FOUND',
      path: annotationPath(portKey),
      message: `failed to resolve healthCheckPort: no Service port is named "${rawPort}".`,
      rule: 'V-HC-NAMED-PORT',
    });
  } else if (service.targetType === 'ip' && typeof named.targetPort === 'string') {
    findings.report(resource, {
      code: 'NAMED_HEALTH_CHECK_PORT_WITH_NAMED_TARGET_PORT',
      path: annotationPath(portKey),
      message: "cannot use named healthCheckPort for IP TargetType when service's targetPort is a named port",
    });
  }
}

function lintInTreeService(service: ServiceView, context: NormalizedLintContext, findings: FindingCollector): void {
  const { resource, spec, annotations } = service;
  if (spec.loadBalancerIP !== undefined && spec.loadBalancerIP !== '') {
    findings.report(resource, {
      code: 'CCM_LOAD_BALANCER_IP_UNSUPPORTED',
      path: ['spec', 'loadBalancerIP'],
      message: 'LoadBalancerIP cannot be specified for AWS ELB',
    });
  }
  if (context.ipFamily === 'IPV6') {
    findings.report(resource, {
      code: 'IPV6_REQUIRES_LBC',
      path: ['spec', 'type'],
      message: 'The in-tree service controller does not support IPv6; install the AWS Load Balancer Controller.',
    });
  }
  if (context.compute === 'FARGATE') {
    findings.report(resource, {
      code: 'FARGATE_REQUIRES_IP_TARGETS',
      path: ['spec', 'type'],
      message:
        'Pods on AWS Fargate can only be load balanced as IP targets, which the in-tree controller cannot create; use the AWS Load Balancer Controller.',
    });
  }
  if (service.loadBalancerFamily === 'CLB') {
    for (const port of service.ports.filter((p) => p.protocol === 'UDP')) {
      findings.report(resource, {
        code: 'CLB_DOES_NOT_SUPPORT_UDP',
        path: ['spec', 'ports', port.index, 'protocol'],
        message: 'A Classic Load Balancer has no UDP listeners; use aws-load-balancer-type: nlb or the AWS Load Balancer Controller.',
        rule: 'R11',
      });
    }
  }
  const eipKey = `${SVC}aws-load-balancer-eip-allocations`;
  if (annotations.has(eipKey)) {
    if (service.loadBalancerFamily === 'CLB') {
      findings.report(resource, {
        code: 'ANNOTATION_IGNORED',
        severity: 'WARNING',
        path: annotationPath(eipKey),
        message: 'Elastic IPs only attach to an NLB; a Classic Load Balancer ignores aws-load-balancer-eip-allocations.',
        rule: 'R8',
      });
    } else if (service.scheme === 'internal') {
      findings.report(resource, {
        code: 'EIP_ON_INTERNAL_LOAD_BALANCER',
        path: annotationPath(eipKey),
        message: 'EIP allocations can only be set for internet facing load balancers',
      });
    }
  }
}

/** R12 / V-SGP-STRICT-LOCAL: traffic entering through a node (NodePort or instance targets) with Local policy. */
function lintStrictPodSecurityGroups(service: ServiceView, context: NormalizedLintContext, findings: FindingCollector): void {
  if (context.podSecurityGroups !== 'STRICT' || service.externalTrafficPolicy !== 'Local') return;
  const viaNode = service.type === 'NodePort' || (service.type === 'LoadBalancer' && service.targetType === 'instance');
  if (!viaNode) return;
  findings.report(service.resource, {
    code: 'POD_SG_STRICT_FORBIDS_INSTANCE_LOCAL',
    path: ['spec', 'externalTrafficPolicy'],
    message:
      'With POD_SECURITY_GROUP_ENFORCING_MODE=strict, NodePort/LoadBalancer instance targets with externalTrafficPolicy Local are not supported for pods with security groups; use ip targets or standard mode.',
  });
}

/** The apiserver allocates each nodePort once across all Services ("provided port is already allocated"). */
function lintNodePortAllocation(services: readonly ServiceView[], findings: FindingCollector): void {
  const owners = new Map<number, ServiceView>();
  for (const service of services) {
    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') continue;
    const claimed = new Set<number>();
    const claims: Array<{ port: number; path: PathSegment[] }> = service.ports
      .filter((port) => port.nodePort !== undefined)
      .map((port) => ({ port: port.nodePort!, path: ['spec', 'ports', port.index, 'nodePort'] }));
    if (typeof service.spec.healthCheckNodePort === 'number')
      claims.push({ port: service.spec.healthCheckNodePort, path: ['spec', 'healthCheckNodePort'] });
    for (const claim of claims) {
      if (claimed.has(claim.port)) continue; // TCP and UDP of one Service may share a node port
      claimed.add(claim.port);
      const previous = owners.get(claim.port);
      if (previous) {
        findings.report(service.resource, {
          code: 'NODE_PORT_CONFLICT',
          path: claim.path,
          message: `Invalid value: ${claim.port}: provided port is already allocated (by ${previous.resource.id}).`,
          rule: 'R2',
        });
      } else {
        owners.set(claim.port, service);
      }
    }
  }
}
