/**
 * Realistic EKS designs shared by the traffic-path specs. Each is a plain DesignSpec; `variant` derives a changed copy.
 *
 * - privateCluster: nodes in private subnets behind one NAT gateway per AZ, public ELB subnets, a peered VPC, a transit
 *   gateway hub, a Site-to-Site VPN and a Direct Connect network, plus a Fargate profile.
 * - publicCluster: nodes in public subnets (0.0.0.0/0 → IGW), no NAT gateway.
 * - customNetworkingCluster: nodes in 10.0.0.0/16, pods from ENIConfig subnets in the 100.64.0.0/16 secondary CIDR.
 * - ipv6Cluster: dual-stack VPC, IPv6 pods, private subnets behind NAT (IPv4) and an egress-only IGW (IPv6).
 * - sgForPodsCluster: ENABLE_POD_ENI with a SecurityGroupPolicy for the `payments` workload.
 */
import type { DesignSpec } from '../../../designs/design-spec/design-spec.types.js';

const AZ_A = 'us-east-1a';
const AZ_B = 'us-east-1b';

export const privateCluster: DesignSpec = {
  name: 'shop-prod',
  region: 'us-east-1',
  ipFamily: 'IPV4',
  vpc: {
    cidrs: ['10.0.0.0/16'],
    peers: [
      { name: 'shared-services', cidrs: ['10.1.0.0/16'], via: 'VPC_PEERING' },
      { name: 'hub', cidrs: ['10.2.0.0/16'], via: 'TRANSIT_GATEWAY' },
      { name: 'onprem', cidrs: ['192.168.0.0/16'], via: 'VPN' },
      { name: 'datacenter', cidrs: ['172.16.0.0/12'], via: 'DIRECT_CONNECT' },
    ],
  },
  subnets: [
    { name: 'public-a', az: AZ_A, cidr: '10.0.0.0/24', public: true, roles: ['ELB'] },
    { name: 'public-b', az: AZ_B, cidr: '10.0.1.0/24', public: true, roles: ['ELB'] },
    { name: 'private-a', az: AZ_A, cidr: '10.0.16.0/20', natGateway: 'nat-a', roles: ['NODES', 'PODS', 'INTERNAL_ELB', 'CLUSTER_ENDPOINTS'] },
    { name: 'private-b', az: AZ_B, cidr: '10.0.32.0/20', natGateway: 'nat-b', roles: ['NODES', 'PODS', 'INTERNAL_ELB', 'CLUSTER_ENDPOINTS'] },
    { name: 'isolated-a', az: AZ_A, cidr: '10.0.64.0/24', roles: ['NODES'] },
  ],
  natGateways: [
    { name: 'nat-a', subnet: 'public-a' },
    { name: 'nat-b', subnet: 'public-b' },
  ],
  endpointAccess: { public: true, private: true, publicAccessCidrs: ['0.0.0.0/0'] },
  cni: { version: '1.20.0' },
  loadBalancerController: { installed: true, version: '2.13.0', serviceMutatorWebhook: true },
  nodeGroups: [
    { name: 'general', kind: 'MANAGED', amiFamily: 'AL2023', instanceTypes: ['m6i.large'], subnets: ['private-a', 'private-b'], minSize: 2, desiredSize: 4, maxSize: 8 },
    { name: 'batch', kind: 'MANAGED', amiFamily: 'AL2023', instanceTypes: ['c6i.xlarge'], subnets: ['private-b'], minSize: 1, desiredSize: 2, maxSize: 4 },
    { name: 'airgapped', kind: 'SELF_MANAGED', amiFamily: 'AL2023', instanceTypes: ['m6i.large'], subnets: ['isolated-a'], minSize: 1, desiredSize: 1, maxSize: 2 },
    { name: 'serverless', kind: 'FARGATE', instanceTypes: [], subnets: ['private-a', 'private-b'], minSize: 0, desiredSize: 0, maxSize: 0 },
  ],
  workloads: [
    { name: 'web', namespace: 'shop', nodeGroup: 'general', replicas: 3, expose: { audience: 'INTERNET', protocol: 'HTTP', port: 80, targetPort: 8080 } },
    { name: 'checkout', namespace: 'shop', nodeGroup: 'general', replicas: 2, expose: { audience: 'VPC', protocol: 'TCP', port: 443, targetPort: 8443 } },
    { name: 'reports', namespace: 'shop', nodeGroup: 'batch', replicas: 2 },
    { name: 'scraper', namespace: 'shop', nodeGroup: 'airgapped', replicas: 1 },
    { name: 'thumbnails', namespace: 'shop', nodeGroup: 'serverless', replicas: 2, expose: { audience: 'INTERNET', protocol: 'HTTP', port: 80, targetPort: 8080 } },
    { name: 'node-exporter', namespace: 'monitoring', nodeGroup: 'general', replicas: 4, hostNetwork: true },
  ],
};

export const publicCluster: DesignSpec = {
  name: 'dev-public',
  region: 'eu-west-1',
  ipFamily: 'IPV4',
  vpc: { cidrs: ['172.31.0.0/16'] },
  subnets: [
    { name: 'public-a', az: 'eu-west-1a', cidr: '172.31.0.0/20', public: true, roles: ['NODES', 'ELB'] },
    { name: 'public-b', az: 'eu-west-1b', cidr: '172.31.16.0/20', public: true, roles: ['NODES', 'ELB'] },
  ],
  endpointAccess: { public: true, private: false },
  nodeGroups: [
    { name: 'default', kind: 'MANAGED', instanceTypes: ['t3.large'], subnets: ['public-a', 'public-b'], minSize: 2, desiredSize: 2, maxSize: 4 },
  ],
  workloads: [
    { name: 'app', nodeGroup: 'default', replicas: 2, expose: { audience: 'INTERNET', protocol: 'TCP', port: 443, targetPort: 8443 } },
  ],
};

export const customNetworkingCluster: DesignSpec = {
  name: 'big-cluster',
  region: 'us-east-1',
  ipFamily: 'IPV4',
  vpc: { cidrs: ['10.0.0.0/16'], secondaryCidrs: ['100.64.0.0/16'] },
  subnets: [
    { name: 'public-a', az: AZ_A, cidr: '10.0.0.0/24', public: true, roles: ['ELB'] },
    { name: 'nodes-a', az: AZ_A, cidr: '10.0.16.0/24', natGateway: 'nat-a', roles: ['NODES'] },
    { name: 'nodes-b', az: AZ_B, cidr: '10.0.17.0/24', natGateway: 'nat-a', roles: ['NODES'] },
    { name: 'pods-a', az: AZ_A, cidr: '100.64.0.0/19', natGateway: 'nat-a', roles: ['PODS'] },
    { name: 'pods-b', az: AZ_B, cidr: '100.64.32.0/19', natGateway: 'nat-a', roles: ['PODS'] },
  ],
  natGateways: [{ name: 'nat-a', subnet: 'public-a' }],
  cni: {
    customNetworking: true,
    eniConfigs: [
      { az: AZ_A, subnet: 'pods-a', securityGroups: ['pods-sg'] },
      { az: AZ_B, subnet: 'pods-b', securityGroups: ['pods-sg'] },
    ],
  },
  nodeGroups: [
    { name: 'general', kind: 'MANAGED', instanceTypes: ['m6i.xlarge'], subnets: ['nodes-a', 'nodes-b'], minSize: 2, desiredSize: 2, maxSize: 6, securityGroups: ['node-sg'] },
  ],
  workloads: [
    { name: 'frontend', nodeGroup: 'general', replicas: 2 },
    { name: 'backend', nodeGroup: 'general', replicas: 2 },
  ],
  securityGroups: [
    { name: 'node-sg', ingress: [{ protocol: 'ALL', from: 'node-sg' }, { protocol: 'ALL', from: 'pods-sg' }] },
    { name: 'pods-sg', ingress: [{ protocol: 'ALL', from: 'pods-sg' }, { protocol: 'ALL', from: 'node-sg' }] },
  ],
};

export const ipv6Cluster: DesignSpec = {
  name: 'v6',
  region: 'us-west-2',
  ipFamily: 'IPV6',
  vpc: { cidrs: ['10.20.0.0/16'], ipv6Cidrs: ['2600:1f14:abc:de00::/56'] },
  subnets: [
    { name: 'public-a', az: 'us-west-2a', cidr: '10.20.0.0/24', ipv6Cidr: '2600:1f14:abc:de00::/64', public: true, roles: ['ELB'] },
    { name: 'private-a', az: 'us-west-2a', cidr: '10.20.16.0/20', ipv6Cidr: '2600:1f14:abc:de10::/64', natGateway: 'nat-a', roles: ['NODES', 'INTERNAL_ELB'] },
    { name: 'private-b', az: 'us-west-2b', cidr: '10.20.32.0/20', ipv6Cidr: '2600:1f14:abc:de20::/64', natGateway: 'nat-a', roles: ['NODES', 'INTERNAL_ELB'] },
  ],
  natGateways: [{ name: 'nat-a', subnet: 'public-a' }],
  nodeGroups: [{ name: 'general', kind: 'MANAGED', instanceTypes: ['m6i.large'], subnets: ['private-a', 'private-b'], minSize: 2, desiredSize: 2, maxSize: 4 }],
  workloads: [
    { name: 'api', nodeGroup: 'general', replicas: 2, expose: { audience: 'INTERNET', protocol: 'TCP', port: 443, targetPort: 8443 } },
    { name: 'client', nodeGroup: 'general', replicas: 1 },
  ],
};

export const sgForPodsCluster: DesignSpec = {
  name: 'payments',
  region: 'us-east-1',
  ipFamily: 'IPV4',
  vpc: { cidrs: ['10.0.0.0/16'] },
  subnets: [
    { name: 'public-a', az: AZ_A, cidr: '10.0.0.0/24', public: true, roles: ['ELB'] },
    { name: 'private-a', az: AZ_A, cidr: '10.0.16.0/20', natGateway: 'nat-a', roles: ['NODES'] },
    { name: 'private-b', az: AZ_B, cidr: '10.0.32.0/20', natGateway: 'nat-a', roles: ['NODES'] },
    { name: 'public-nodes-a', az: AZ_A, cidr: '10.0.100.0/24', public: true, roles: ['NODES'] },
  ],
  natGateways: [{ name: 'nat-a', subnet: 'public-a' }],
  cni: { securityGroupsForPods: true, podSecurityGroupEnforcingMode: 'STRICT' },
  nodeGroups: [
    { name: 'general', kind: 'MANAGED', instanceTypes: ['m6i.large'], subnets: ['private-a', 'private-b'], minSize: 2, desiredSize: 2, maxSize: 4, securityGroups: ['node-sg'] },
    { name: 'edge', kind: 'MANAGED', instanceTypes: ['m6i.large'], subnets: ['public-nodes-a'], minSize: 1, desiredSize: 1, maxSize: 2, securityGroups: ['node-sg'] },
  ],
  workloads: [
    { name: 'payments', nodeGroup: 'general', replicas: 2, securityGroups: ['payments-sg'], expose: { audience: 'INTERNET', protocol: 'TCP', port: 443, targetPort: 8443 } },
    { name: 'ledger', nodeGroup: 'general', replicas: 2 },
    { name: 'edge-payments', nodeGroup: 'edge', replicas: 1, securityGroups: ['payments-sg'] },
  ],
  securityGroups: [
    { name: 'node-sg', ingress: [{ protocol: 'ALL', from: 'node-sg' }, { protocol: 'TCP', ports: '30000-32767', from: '10.0.0.0/16' }] },
    { name: 'payments-sg', ingress: [{ protocol: 'TCP', ports: '8443', from: 'node-sg' }, { protocol: 'TCP', ports: '8443', from: '10.0.0.0/24' }] },
  ],
};

/** A deep copy of `base` changed by `change`. */
export function variant(base: DesignSpec, change: (design: DesignSpec) => void): DesignSpec {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}
