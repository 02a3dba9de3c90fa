/**
 * The AWS CLI bundle (one key per command output, verbatim) and what importing it answers: the eksctl import's shape
 * (spec, unsupported, warnings), where every inference names the field it came from.
 */
import type { DesignSpec } from '../spec/design-spec.types.js';

/** The bundle's keys, the command whose `--output json` each holds, and the top-level key that output has. */
export const AWS_BUNDLE_KEYS = {
  vpcs: { command: 'aws ec2 describe-vpcs', top: 'Vpcs' },
  subnets: { command: 'aws ec2 describe-subnets', top: 'Subnets' },
  routeTables: { command: 'aws ec2 describe-route-tables', top: 'RouteTables' },
  natGateways: { command: 'aws ec2 describe-nat-gateways', top: 'NatGateways' },
  internetGateways: { command: 'aws ec2 describe-internet-gateways', top: 'InternetGateways' },
  securityGroups: { command: 'aws ec2 describe-security-groups', top: 'SecurityGroups' },
  cluster: { command: 'aws eks describe-cluster', top: 'cluster' },
  nodegroups: { command: 'aws eks describe-nodegroup (a list of outputs)', top: 'nodegroup' },
  fargateProfiles: { command: 'aws eks describe-fargate-profile (a list of outputs)', top: 'fargateProfile' },
  awsNode: { command: 'kubectl get daemonset aws-node -n kube-system -o json', top: 'spec' },
  eniConfigs: { command: 'kubectl get eniconfigs -o json', top: 'items' },
  instanceTypes: { command: 'aws ec2 describe-instance-types', top: 'InstanceTypes' },
} as const;

export type AwsBundleKey = keyof typeof AWS_BUNDLE_KEYS;

export interface AwsImportOptions {
  /** When the files were dumped (ISO 8601); subnets' `observed.at`. */
  observedAt: string;
}

export interface AwsUnsupported {
  /** Bundle key and JSON path, e.g. `securityGroups.SecurityGroups[2].IpPermissions[0].PrefixListIds`. */
  path: string;
  message: string;
}

export interface AwsImportWarning {
  code: AwsImportWarningCode;
  message: string;
  path?: string;
}

export interface AwsImport {
  spec: DesignSpec;
  unsupported: AwsUnsupported[];
  warnings: AwsImportWarning[];
}

export const AWS_IMPORT_WARNING_CODES = {
  INFERRED: 'A design field inferred from an AWS field (the message names both).',
  FOREIGN_VPC_RESOURCE: 'A resource of another VPC was left out.',
  RESOURCE_SKIPPED: 'A resource that cannot be planned (deleted, failed, without subnets or instance types) was left out.',
  ROUTE_TABLES_MISSING: 'No describe-route-tables output: public/private was inferred from MapPublicIpOnLaunch.',
  NAT_GATEWAY_UNKNOWN: 'A route points at a NAT gateway the bundle does not describe.',
  NAME_CHANGED: 'A Name tag is not a valid design name or is used twice; another name was used.',
  SECURITY_GROUP_UNKNOWN: 'A security group ID that is not in describe-security-groups of this VPC.',
  CNI_SETTING_INVALID: 'An aws-node environment value could not be read.',
  INSTANCE_TYPE_BRANCH_ENIS_UNKNOWN:
    'describe-instance-types has no branch-ENI (trunking) limits: unknown for a type the aws catalog lacks.',
} as const;

export type AwsImportWarningCode = keyof typeof AWS_IMPORT_WARNING_CODES;
