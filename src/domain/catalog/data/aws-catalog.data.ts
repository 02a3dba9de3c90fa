/**
 * The read-only default catalog `aws`: 1,391 instance types from the VPC CNI's own limits table
 * (provenance in ./README.md). Bundled with the build, so nothing outside it is read at run time.
 */
import type { InstanceTypeRecord } from '../instance-type.js';
import data from './aws-instance-types.json' with { type: 'json' };

export const AWS_CATALOG_NAME = 'aws';

export interface BundledCatalog {
  name: string;
  description: string;
  source: string;
  sourceVersion: string;
  instanceTypes: readonly InstanceTypeRecord[];
}

export const AWS_CATALOG: BundledCatalog = {
  name: AWS_CATALOG_NAME,
  description: 'Amazon EC2 instance types as the Amazon VPC CNI sees them (default network card, IPv4 per ENI, branch ENIs).',
  source: data.source,
  sourceVersion: data.sourceVersion,
  instanceTypes: data.instanceTypes as InstanceTypeRecord[],
};
