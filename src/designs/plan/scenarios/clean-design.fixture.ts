/**
 * A design the plan finds nothing wrong with: 3 AZs in eu-west-1, roomy /19 node subnets, /27 cluster subnets (27 free
 * addresses, above the 16 EKS recommends), public and internal load-balancer subnets, a private endpoint plus a public
 * one restricted to one range, and a service CIDR that overlaps neither the VPC nor its peer. Fresh copy per call.
 */
import type { DesignSpec } from '../../design-spec/design-spec.types.js';

const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] as const;
const LETTERS = ['a', 'b', 'c'] as const;

export function cleanDesign(): DesignSpec {
  return {
    name: 'shop-prod',
    region: 'eu-west-1',
    ipFamily: 'IPV4',
    vpc: {
      cidrs: ['10.0.0.0/16'],
      peers: [{ name: 'shared-services', cidrs: ['10.1.0.0/16'], via: 'TRANSIT_GATEWAY' }],
    },
    subnets: [
      ...LETTERS.map((letter, i) => ({ name: `public-${letter}`, az: AZS[i], cidr: `10.0.${i}.0/24`, public: true, roles: ['ELB' as const] })),
      ...LETTERS.map((letter, i) => ({
        name: `cluster-${letter}`, az: AZS[i], cidr: `10.0.3.${i * 32}/27`, natGateway: `nat-${letter}`, roles: ['CLUSTER_ENDPOINTS' as const],
      })),
      ...LETTERS.map((letter, i) => ({
        name: `private-${letter}`, az: AZS[i], cidr: `10.0.${32 * (i + 1)}.0/19`, natGateway: `nat-${letter}`, roles: ['NODES' as const, 'INTERNAL_ELB' as const],
      })),
    ],
    natGateways: LETTERS.map((letter) => ({ name: `nat-${letter}`, subnet: `public-${letter}` })),
    endpointAccess: { public: true, private: true, publicAccessCidrs: ['203.0.113.0/24'] },
    serviceIpv4Cidr: '172.20.0.0/16',
    cni: { version: '1.20.0' },
    loadBalancerController: { installed: true, version: '2.13.0' },
    nodeGroups: [
      {
        name: 'general',
        kind: 'MANAGED',
        amiFamily: 'AL2023',
        instanceTypes: ['m5.xlarge'],
        subnets: ['private-a', 'private-b', 'private-c'],
        minSize: 3,
        desiredSize: 6,
        maxSize: 12,
      },
    ],
    workloads: [
      {
        name: 'storefront',
        namespace: 'shop',
        nodeGroup: 'general',
        replicas: 6,
        expose: {
          audience: 'INTERNET',
          protocol: 'HTTPS',
          port: 443,
          targetPort: 8443,
          certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
        },
      },
      { name: 'orders', namespace: 'shop', nodeGroup: 'general', replicas: 4, expose: { audience: 'CLUSTER', protocol: 'HTTP', port: 80, targetPort: 8080 } },
      { name: 'worker', namespace: 'shop', nodeGroup: 'general', replicas: 10 },
    ],
  };
}
