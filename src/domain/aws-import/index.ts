/**
 * The AWS CLI bridge: the outputs of describe-vpcs, describe-subnets, … (verbatim, offline) → a DesignSpec that keeps
 * AWS identities and observed free addresses; describe-instance-types → a custom catalog. Pure functions; bad input
 * throws InvalidInputError naming the bundle key and the JSON path.
 */
export { importAwsBundle } from './aws-import.engine.js';
export {
  AWS_BUNDLE_KEYS,
  AWS_IMPORT_WARNING_CODES,
  type AwsImport,
  type AwsImportOptions,
  type AwsImportWarning,
  type AwsUnsupported,
} from './aws-import.types.js';
export { importInstanceTypes, type InstanceTypesImport } from './instance-types.import.js';
export { bundleFromFiles, type DumpedFile } from './aws-bundle.files.js';
