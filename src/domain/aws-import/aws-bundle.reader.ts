/**
 * The bundle's envelope: which keys it has, each parsed (a key may hold the command's output as JSON text too) and
 * checked to be the output of its own command before anything is mapped. Bad input is an InvalidInputError naming the
 * key and the JSON path, so REST answers 400 and nothing is saved.
 */
import { InvalidInputError } from '../errors/planning-error.js';
import { AWS_BUNDLE_KEYS, type AwsBundleKey } from './aws-import.types.js';
import { JsonNode, Problems } from './aws-json.reader.js';

/** The keys of POST /v1/designs/import/aws besides the command outputs. */
const OPTION_KEYS = ['vpcId', 'name', 'observedAt'] as const;
type DesignBundleKey = Exclude<AwsBundleKey, 'instanceTypes'>;
const DESIGN_KEYS = (Object.keys(AWS_BUNDLE_KEYS) as AwsBundleKey[]).filter((key): key is DesignBundleKey => key !== 'instanceTypes');
const LIST_KEYS: ReadonlySet<AwsBundleKey> = new Set(['nodegroups', 'fargateProfiles']);

export interface AwsBundle {
  outputs: Partial<Record<DesignBundleKey, JsonNode[]>>;
  vpcId?: string;
  name?: string;
  observedAt?: string;
  problems: Problems;
}

export function readBundle(input: unknown): AwsBundle {
  const problems = new Problems();
  const root = new JsonNode(input, '', problems);
  if (!root.is('object')) {
    throw new InvalidInputError('AWS_BUNDLE_INVALID', 'Send a JSON object whose keys each hold one AWS CLI output (vpcs, subnets, …).', [
      { path: '', message: 'not a JSON object' },
    ]);
  }
  const known = new Set<string>([...DESIGN_KEYS, ...OPTION_KEYS]);
  for (const key of root.keys()) {
    if (!known.has(key)) problems.add(key, `Unknown key ${JSON.stringify(key)}; the bundle takes ${[...known].join(', ')}.`);
  }
  const option = (key: (typeof OPTION_KEYS)[number]) => {
    const value = root.field(key).value;
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string' && value !== '') return value;
    problems.add(key, `${key} must be a non-empty string.`);
    return undefined;
  };
  const bundle: AwsBundle = { outputs: {}, vpcId: option('vpcId'), name: option('name'), observedAt: option('observedAt'), problems };
  for (const key of DESIGN_KEYS) {
    const raw = root.field(key).value;
    if (raw === undefined || raw === null) continue;
    const value = parseEmbedded(raw, key, problems);
    if (value === undefined) continue;
    const outputs = LIST_KEYS.has(key) && Array.isArray(value) ? value : [value];
    bundle.outputs[key] = outputs.map((output, i) => {
      const path = LIST_KEYS.has(key) && Array.isArray(value) ? `${key}[${i}]` : key;
      assertOutputOf(key, output, path);
      return new JsonNode(output, path, problems);
    });
  }
  for (const key of ['vpcs', 'subnets'] as const) {
    if (bundle.outputs[key] === undefined)
      problems.add(key, `${key} is required: the output of \`${AWS_BUNDLE_KEYS[key].command} --output json\`.`);
  }
  throwIfAny(problems, 'The AWS bundle cannot be read');
  return bundle;
}

/** A key may hold the output as JSON text (what `$(cat file)` gives); anything unparsable names the key. */
function parseEmbedded(raw: unknown, key: string, problems: Problems): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    problems.add(key, `${key} is not JSON: ${(error as Error).message}.`);
    return undefined;
  }
}

/** Top-level keys of each command's output, to recognise a file dumped under the wrong key. */
const OWNER_OF_TOP = new Map<string, AwsBundleKey>(
  (Object.entries(AWS_BUNDLE_KEYS) as [AwsBundleKey, (typeof AWS_BUNDLE_KEYS)[AwsBundleKey]][])
    .filter(([key]) => key !== 'awsNode' && key !== 'eniConfigs')
    .map(([key, { top }]) => [top, key]),
);

export function assertOutputOf(key: AwsBundleKey, output: unknown, path: string): void {
  const record = typeof output === 'object' && output !== null && !Array.isArray(output) ? (output as Record<string, unknown>) : undefined;
  const expected = AWS_BUNDLE_KEYS[key];
  const kind = typeof record?.kind === 'string' ? record.kind : undefined;
  let ok: boolean;
  if (key === 'awsNode') ok = kind === 'DaemonSet';
  else if (key === 'eniConfigs') ok = kind === 'List' || kind === 'ENIConfigList' || kind === 'ENIConfig';
  else ok = record !== undefined && Object.hasOwn(record, expected.top);
  if (ok) return;
  const found =
    record === undefined ? undefined : Object.keys(record).find((top) => OWNER_OF_TOP.has(top) && OWNER_OF_TOP.get(top) !== key);
  const other = found !== undefined ? OWNER_OF_TOP.get(found) : undefined;
  const what =
    key === 'awsNode' ? 'a DaemonSet' : key === 'eniConfigs' ? 'a List of ENIConfig objects' : `an object with the key ${expected.top}`;
  if (other !== undefined) {
    throw new InvalidInputError(
      'AWS_OUTPUT_MISMATCH',
      `${path} holds the output of \`${AWS_BUNDLE_KEYS[other].command}\` (key ${found}), not of \`${expected.command}\`; put it under ${other}.`,
      [{ path, message: `expected ${what}, found ${found}` }],
    );
  }
  const got =
    record === undefined
      ? Array.isArray(output)
        ? 'a list'
        : typeof output
      : kind !== undefined
        ? `kind ${kind}`
        : `keys ${Object.keys(record).slice(0, 5).join(', ') || '(none)'}`;
  throw new InvalidInputError(
    'AWS_OUTPUT_MISMATCH',
    `${path} is not the output of \`${expected.command}\`: expected ${what}, got ${got}.`,
    [{ path, message: `expected ${what}` }],
  );
}

export function throwIfAny(problems: Problems, what: string): void {
  const [first] = problems.details;
  if (first === undefined) return;
  const more = problems.details.length > 1 ? ` (and ${problems.details.length - 1} more)` : '';
  throw new InvalidInputError('AWS_BUNDLE_INVALID', `${what} at ${first.path || 'its root'}: ${first.message}${more}`, problems.details);
}
