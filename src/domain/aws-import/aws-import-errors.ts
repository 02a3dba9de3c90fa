/** Error codes of the AWS CLI imports (one line per code: `CODE: 'KIND'`; see src/domain/errors/error-codes.ts). */
import type { ErrorCodeRegistry } from '../errors/error-codes.js';

export const AWS_IMPORT_ERROR_CODES = {
  /** The bundle (or one of its keys) cannot be read: not JSON, a missing required key, a field of the wrong type (details name key and JSON path). */
  AWS_BUNDLE_INVALID: 'INVALID_INPUT',
  /** A key holds the output of another command (e.g. `subnets` holding `describe-vpcs` output). */
  AWS_OUTPUT_MISMATCH: 'INVALID_INPUT',
  /** The bundle holds several VPCs and no `vpcId`, or `vpcId` names none of them. */
  AWS_VPC_NOT_SELECTED: 'INVALID_INPUT',
  /** A subnet of the VPC lies outside every CIDR of the VPC: the files are not of one moment or not of one VPC. */
  AWS_SUBNET_OUTSIDE_VPC: 'INVALID_INPUT',
  /** The describe-instance-types output cannot be read (details name the JSON path). */
  AWS_INSTANCE_TYPES_INVALID: 'INVALID_INPUT',
} as const satisfies ErrorCodeRegistry;

declare module '../errors/error-codes.js' {
  interface ErrorCodeRegistries {
    awsImport: typeof AWS_IMPORT_ERROR_CODES;
  }
}
