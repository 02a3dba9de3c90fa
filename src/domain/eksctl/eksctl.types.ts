/**
 * The public shapes of the eksctl bridge: importing a ClusterConfig into a DesignSpec, exporting one back, and the
 * VPC CNI settings a design implies.
 */
import type { DesignSpec } from '../spec/design-spec.types.js';

/** A ClusterConfig field the import did not carry into the DesignSpec. Nothing is dropped without one of these. */
export interface UnsupportedField {
  /** YAML path, e.g. `managedNodeGroups[0].labels` or `metadata.tags["kubernetes.io/team"]`. */
  path: string;
  message: string;
  /** 1-based line of the field in the imported text, when known. */
  line?: number;
}

/** Something the import had to assume or infer; the spec is still usable but a reviewer should look. */
export interface ImportWarning {
  code: EksctlImportWarningCode;
  message: string;
  /** The YAML path the warning is about, when there is one. */
  path?: string;
}

export interface EksctlImport {
  spec: DesignSpec;
  unsupported: UnsupportedField[];
  warnings: ImportWarning[];
  /** The ClusterConfig path each design node group and subnet came from, to report design errors in eksctl terms. */
  origins: { nodeGroups: readonly string[]; subnets: readonly string[] };
}

/** A DesignSpec field the ClusterConfig cannot hold (or holds only approximately). */
export interface NotExportedField {
  /** DesignSpec path, e.g. `workloads` or `nodeGroups[2].podsPerCore`. */
  path: string;
  reason: string;
}

export interface EksctlExport {
  yaml: string;
  notExported: NotExportedField[];
}

export interface CniExport {
  /** The aws-node container environment the design sets (plus what its mode needs), sorted by name. */
  env: Record<string, string>;
  /** `kubectl set env daemonset aws-node -n kube-system K=V …`, or '' when there is nothing to set. */
  setEnvCommand: string;
  /** The EKS add-on `configurationValues` JSON: `{"env":{…}}`, with `eniConfig` under custom networking. */
  configurationValues: string;
  /** ENIConfig manifests (one per Availability Zone) as a YAML stream, or '' without custom networking. */
  eniConfigs: string;
}

export const EKSCTL_IMPORT_WARNING_CODES = {
  AVAILABILITY_ZONES_ASSUMED:
    'eksctl picks the Availability Zones when it creates the VPC; the import assumed the first three of the Region.',
  VPC_CIDR_INFERRED: 'An existing VPC without vpc.cidr: its CIDR was inferred from the subnets.',
  SECONDARY_CIDR_INFERRED: 'Subnets outside vpc.cidr and vpc.extraCIDRs: a secondary VPC CIDR was inferred to hold them.',
  IPV6_CIDR_PLACEHOLDER: 'AWS assigns the VPC IPv6 block at creation; a documentation prefix (2001:db8::/56) stands in for it.',
  IPV6_SUBNET_CIDRS_UNKNOWN: 'eksctl subnets carry no IPv6 CIDR, so subnets of an existing VPC have none in the design.',
  SUBNET_SKIPPED: 'A subnet without a usable CIDR or Availability Zone cannot be planned and was left out.',
  SUBNET_REFERENCE_UNRESOLVED: 'A subnet reference (name or ID) matches no subnet in vpc.subnets and was dropped.',
  NODE_GROUP_SUBNETS_FALLBACK: 'A node group had no subnet of its topology; the other topology was used.',
  INSTANCE_TYPE_DEFAULTED: 'No instance type given: eksctl uses m5.large.',
  AUTO_MODE_NODE_POOLS_ASSUMED:
    'Auto Mode node pools choose instance types and sizes at run time: each pool became an AUTO_MODE node group with an assumed type and size.',
  NODE_GROUP_SIZE_DEFAULTED: 'Node group sizes missing: filled the way eksctl does (2 nodes, or from the sizes given).',
  NAT_GATEWAY_NO_PUBLIC_SUBNET: 'NAT gateways need public subnets; none exist, so no NAT gateway is in the design.',
  NAT_GATEWAY_EXISTING_VPC: 'eksctl does not manage NAT gateways in an existing VPC.',
  CNI_VERSION_NOT_PINNED: 'The vpc-cni add-on version is not a concrete version; the planner default applies.',
  CNI_SETTING_INVALID: 'A VPC CNI environment value could not be read.',
  CNI_SETTING_CONFLICT: 'A VPC CNI setting contradicts the cluster (e.g. ENABLE_IPv6 in an IPv4 cluster).',
  ENICONFIGS_INFERRED: 'Custom networking without eniConfig: pod subnets were inferred (unused private subnets outside vpc.cidr).',
  ENICONFIG_REGION_MISMATCH: 'eniConfig.region differs from metadata.region.',
  SECURITY_GROUP_RULES_UNKNOWN: 'Security groups are referenced by ID only; their rules are not in the ClusterConfig.',
} as const;

export type EksctlImportWarningCode = keyof typeof EKSCTL_IMPORT_WARNING_CODES;
