/** Error codes of the eksctl import and export (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). */
import type { ErrorCodeRegistry } from '../errors/error-codes.js';

export const EKSCTL_ERROR_CODES = {
  /** Not a mapping, or not apiVersion eksctl.io/v1alpha5 and kind ClusterConfig. */
  NOT_AN_EKSCTL_CLUSTER_CONFIG: 'INVALID_INPUT',
  /** A ClusterConfig with fields that cannot be read (each problem is a detail). */
  EKSCTL_CONFIG_INVALID: 'INVALID_INPUT',
  /** An existing-VPC config whose subnets are all given by ID only: the planner needs their CIDRs (or the AWS import). */
  EKSCTL_SUBNETS_WITHOUT_CIDRS: 'INVALID_INPUT',
  YAML_TOO_LARGE: 'INVALID_INPUT',
  MULTIPLE_YAML_DOCUMENTS: 'INVALID_INPUT',
} as const satisfies ErrorCodeRegistry;

declare module '../errors/error-codes.js' {
  interface ErrorCodeRegistries {
    eksctl: typeof EKSCTL_ERROR_CODES;
  }
}
