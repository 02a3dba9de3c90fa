/**
 * One EC2 instance type as the capacity engine sees it (docs/api.md "InstanceType").
 * Values come from the VPC CNI's own limits table (see src/domain/catalog/data/README.md).
 */
export const HYPERVISORS = ['NITRO', 'XEN', 'UNKNOWN'] as const;
export type Hypervisor = (typeof HYPERVISORS)[number];

export interface NetworkCard {
  index: number;
  maxEnis: number;
}

export interface InstanceTypeRecord {
  name: string;
  family: string;
  /** Default vCPUs; null where the source had none. */
  vcpu: number | null;
  /** ENIs on the default network card (what the VPC CNI uses). */
  maxEnis: number;
  /** IPv4 addresses per ENI, including the ENI's primary address. */
  ipv4PerEni: number;
  hypervisor: Hypervisor;
  bareMetal: boolean;
  networkCards: NetworkCard[];
  defaultNetworkCardIndex: number;
  /** Branch ENIs for security groups for pods (`vpc.amazonaws.com/pod-eni`); null when unknown. */
  branchInterfaces: number | null;
  /** Whether the type supports a trunk ENI (SG for pods); null when unknown. */
  trunkingCompatible: boolean | null;
}

/** `m5.large` → `m5`, `u-6tb1.metal` → `u-6tb1`. */
export function familyOf(instanceTypeName: string): string {
  const dot = instanceTypeName.indexOf('.');
  return dot === -1 ? instanceTypeName : instanceTypeName.slice(0, dot);
}
