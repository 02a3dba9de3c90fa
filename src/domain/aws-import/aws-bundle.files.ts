/**
 * A folder of dumped files → the bundle: each file goes to the key its name stands for (`route-tables.json` →
 * routeTables, `nodegroup-general.json` → nodegroups, …), as the README's shell lines name them. Pure: names and texts in.
 */
import { InvalidInputError } from '../errors/planning-error.js';
import { AWS_BUNDLE_KEYS, type AwsBundleKey } from './aws-import.types.js';

const LIST_KEYS = new Set<AwsBundleKey>(['nodegroups', 'fargateProfiles']);
/** File-name stems (lower case, without "-", "_" and ".json") and the key each fills; a list key takes every `<stem>…` file. */
const STEMS: ReadonlyArray<[string, AwsBundleKey]> = [
  ['vpcs', 'vpcs'],
  ['subnets', 'subnets'],
  ['routetables', 'routeTables'],
  ['natgateways', 'natGateways'],
  ['internetgateways', 'internetGateways'],
  ['securitygroups', 'securityGroups'],
  ['cluster', 'cluster'],
  ['nodegroup', 'nodegroups'],
  ['fargateprofile', 'fargateProfiles'],
  ['awsnode', 'awsNode'],
  ['eniconfigs', 'eniConfigs'],
  ['instancetypes', 'instanceTypes'],
];

export interface DumpedFile {
  name: string;
  text: string;
}

export function bundleFromFiles(files: readonly DumpedFile[]): Record<string, unknown> {
  const bundle: Record<string, unknown> = {};
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of sorted) {
    const base = file.name.split(/[\\/]/).pop()!;
    if (!base.toLowerCase().endsWith('.json')) continue;
    const stem = base.slice(0, -'.json'.length).toLowerCase().replace(/[-_.]/g, '');
    const key = STEMS.find(([prefix, target]) => (LIST_KEYS.has(target) ? stem.startsWith(prefix) : stem === prefix))?.[1];
    if (key === undefined) {
      throw new InvalidInputError(
        'AWS_BUNDLE_INVALID',
        `${base}: no bundle key for this file name; name files as the README does (${STEMS.map(([stem]) => stem).join(', ')}).`,
        [{ path: base, message: 'unknown file name' }],
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(file.text) as unknown;
    } catch (error) {
      throw new InvalidInputError('AWS_BUNDLE_INVALID', `${base} (${key}) is not JSON: ${(error as Error).message}.`, [
        { path: key, message: `${base} is not JSON` },
      ]);
    }
    if (!LIST_KEYS.has(key)) {
      if (bundle[key] !== undefined) {
        throw new InvalidInputError('AWS_BUNDLE_INVALID', `Two files hold ${key} (${AWS_BUNDLE_KEYS[key].command}); keep one.`, [
          { path: key, message: `${base} is a second ${key}` },
        ]);
      }
      bundle[key] = value;
      continue;
    }
    const list = (bundle[key] as unknown[] | undefined) ?? [];
    list.push(...(Array.isArray(value) ? (value as unknown[]) : [value]));
    bundle[key] = list;
  }
  return bundle;
}
