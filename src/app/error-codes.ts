/**
 * Every error code the service can answer, in one typed list: the registries of the domains, the app and the platform
 * (src/domain/errors/error-codes.ts explains the scheme). The CLI's own codes (src/cli/cli-errors.ts) are the only
 * registry left out, since a server never answers them. A new registry fails to compile here until it is listed.
 */
import { AWS_IMPORT_ERROR_CODES } from '../domain/aws-import/aws-import-errors.js';
import { ADVICE_ERROR_CODES } from '../domain/advice/advice-errors.js';
import { CAPACITY_ERROR_CODES } from '../domain/capacity/capacity-errors.js';
import { CATALOG_ERROR_CODES } from '../domain/catalog/catalog-errors.js';
import { EKSCTL_ERROR_CODES } from '../domain/eksctl/eksctl-errors.js';
import { COMMON_ERROR_CODES, type ErrorCodeRegistries } from '../domain/errors/error-codes.js';
import { EXPOSURE_ERROR_CODES } from '../domain/exposure/exposure-errors.js';
import { JSON_ERROR_CODES } from '../domain/json/json-errors.js';
import { TRAFFIC_PATH_ERROR_CODES } from '../domain/traffic-path/traffic-path-errors.js';
import { YAML_ERROR_CODES } from '../domain/yaml/yaml-errors.js';
import { AUTH_ERROR_CODES } from '../platform/auth/auth-errors.js';
import { GRAPHQL_ERROR_CODES } from '../platform/errors/graphql-errors.js';
import { PLATFORM_ERROR_CODES } from '../platform/errors/platform-errors.js';
import { DESIGN_ERROR_CODES } from './designs/design-errors.js';

export type ServiceErrorRegistries = Omit<ErrorCodeRegistries, 'cli'>;

/** The service's registries, in the order the README's error table lists them. */
export const SERVICE_ERROR_REGISTRIES: ServiceErrorRegistries = {
  common: COMMON_ERROR_CODES,
  platform: PLATFORM_ERROR_CODES,
  auth: AUTH_ERROR_CODES,
  graphql: GRAPHQL_ERROR_CODES,
  json: JSON_ERROR_CODES,
  yaml: YAML_ERROR_CODES,
  catalog: CATALOG_ERROR_CODES,
  designs: DESIGN_ERROR_CODES,
  capacity: CAPACITY_ERROR_CODES,
  exposure: EXPOSURE_ERROR_CODES,
  trafficPath: TRAFFIC_PATH_ERROR_CODES,
  eksctl: EKSCTL_ERROR_CODES,
  awsImport: AWS_IMPORT_ERROR_CODES,
  advice: ADVICE_ERROR_CODES,
};
