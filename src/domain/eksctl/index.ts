/**
 * The eksctl bridge: ClusterConfig YAML ⇄ DesignSpec, and the VPC CNI configuration a design implies.
 * Pure functions; malformed or hostile input throws InvalidInputError (src/domain/errors/planning-error.ts).
 */
export { exportCni, ENI_CONFIG_API_VERSION } from './cni-export.engine.js';
export { cniEnvironment, CNI_ENV_VARIABLES } from './cni-env.mapper.js';
export { exportEksctl, exportEksctlWithNotes } from './eksctl-export.engine.js';
export { importEksctl, inEksctlPaths, EKSCTL_API_VERSION, EKSCTL_KIND } from './eksctl-import.engine.js';
export { EKSCTL_YAML_LIMITS } from './eksctl-yaml.parser.js';
export {
  EKSCTL_IMPORT_WARNING_CODES,
  type CniExport,
  type EksctlExport,
  type EksctlImport,
  type EksctlImportWarningCode,
  type ImportWarning,
  type NotExportedField,
  type UnsupportedField,
} from './eksctl.types.js';
