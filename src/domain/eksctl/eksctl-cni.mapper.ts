/**
 * ClusterConfig `addons` → DesignSpec `cni`. Only the `vpc-cni` add-on is network planning: its `version` and its
 * `configurationValues` (a JSON or YAML string, validated by EKS against DescribeAddonConfiguration): `env` holds the
 * aws-node environment, and `eniConfig` (the add-on/Helm chart's `eniConfig: {create, region, subnets: {<az>: {id,
 * securityGroups}}}`, aws/amazon-vpc-cni-k8s charts/aws-vpc-cni/values.yaml) holds the ENIConfigs of custom networking.
 * ENIConfig `id`s may be subnet IDs or vpc.subnets keys; both resolve to the design's subnets.
 */
import { InvalidInputError } from '../errors/planning-error.js';
import type { CniSettings, IpFamily } from '../spec/design-spec.types.js';
import {
  CNI_ENV_VARIABLES,
  ENABLE_IPV4_VARIABLE,
  ENABLE_IPV6_VARIABLE,
  ENI_CONFIG_LABEL_VARIABLE,
  parseCniValue,
  PREFIX_DELEGATION_VARIABLE,
  ZONE_LABELS,
} from './cni-env.mapper.js';
import { ConfigObject, formatPath, isRecord, type ImportContext } from './eksctl-config.reader.js';
import { parseYamlDocument, type PathSegment } from './eksctl-yaml.parser.js';

export interface EniConfigReference {
  az: string;
  /** A subnet ID or vpc.subnets key. */
  subnet: string;
  securityGroupIds: string[];
  path: PathSegment[];
}

export interface CniImport {
  /** Settings without eniConfigs (those need the subnets). */
  settings: CniSettings;
  eniConfigs: EniConfigReference[];
}

const VPC_CNI = 'vpc-cni';
/** EKS add-on versions look like v1.20.0-eksbuild.1; the DesignSpec keeps them without the `v`. */
const ADDON_VERSION = /^v?(\d{1,4}\.\d{1,4}\.\d{1,4}(?:-[0-9A-Za-z.-]{1,40})?)$/;

export function readVpcCniAddon(config: ConfigObject, ipFamily: IpFamily, region: string): CniImport | undefined {
  let found: CniImport | undefined;
  for (const addon of config.objectList('addons')) {
    const name = addon.string('name');
    if (name?.toLowerCase() !== VPC_CNI) {
      config.ctx.unsupported(
        addon.path,
        `Only the vpc-cni add-on is part of network planning; ${name === undefined ? 'this add-on' : JSON.stringify(name)} is not imported.`,
      );
      continue;
    }
    if (found !== undefined) {
      config.ctx.unsupported(addon.path, 'A second vpc-cni add-on entry; only the first is imported.');
      continue;
    }
    found = { settings: {}, eniConfigs: [] };
    readVersion(addon, found.settings);
    readConfigurationValues(addon, ipFamily, region, found);
  }
  return found;
}

function readVersion(addon: ConfigObject, settings: CniSettings): void {
  const version = addon.string('version');
  if (version === undefined) return;
  const match = ADDON_VERSION.exec(version.trim());
  if (match !== null) {
    settings.version = match[1];
  } else if (version.trim().toLowerCase() === 'latest') {
    addon.ctx.warn(
      'CNI_VERSION_NOT_PINNED',
      'vpc-cni version "latest" is resolved by eksctl at creation; the planner assumes its default CNI version.',
      addon.at('version'),
    );
  } else {
    addon.unsupported('version', `${JSON.stringify(version)} is not a concrete add-on version such as v1.20.0-eksbuild.1.`);
  }
}

function readConfigurationValues(addon: ConfigObject, ipFamily: IpFamily, region: string, into: CniImport): void {
  const path = addon.at('configurationValues');
  const raw = addon.raw('configurationValues');
  if (raw === undefined || raw === null) {
    if (raw === null) addon.consume('configurationValues');
    return;
  }
  const ctx = addon.ctx;
  let values: unknown;
  if (typeof raw === 'string') {
    values = parseEmbedded(raw, path, ctx);
  } else if (isRecord(raw)) {
    values = raw;
  } else {
    ctx.problem(path, 'Expected the add-on configuration as a JSON or YAML string.');
    addon.consume('configurationValues');
    return;
  }
  if (values === null || values === undefined) {
    addon.consume('configurationValues');
    return;
  }
  if (!isRecord(values)) {
    addon.consume('configurationValues');
    ctx.problem(path, 'The vpc-cni configurationValues must be a JSON object such as {"env":{…}}.');
    return;
  }
  const object = new ConfigObject(ctx, path, values);
  for (const key of Object.keys(values)) {
    if (key === 'env') readEnv(object, ipFamily, into.settings);
    else if (key === 'eniConfig') readEniConfig(object, region, into);
    else ctx.unsupported([...path, key], `vpc-cni configuration ${JSON.stringify(key)} is not modelled by the planner.`);
  }
  // A string's inner fields are not in the outer YAML tree, so what was not read is reported from here.
  if (typeof raw === 'string') ctx.sweep(values, path, () => 'Not modelled by the planner; not imported.');
}

function parseEmbedded(text: string, path: readonly PathSegment[], ctx: ImportContext): unknown {
  const label = `${formatPath(path)}${ctx.lineOf(path) === undefined ? '' : ` (line ${ctx.lineOf(path)})`}`;
  try {
    return parseYamlDocument(text, label).value;
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw error.withDetails(error.details.map((detail) => ({ ...detail, path: formatPath(path) })));
    }
    throw error;
  }
}

function readEnv(values: ConfigObject, ipFamily: IpFamily, settings: CniSettings): void {
  const ctx = values.ctx;
  const env = values.object('env');
  if (env === undefined) return;
  for (const [name, raw] of Object.entries(env.value)) {
    const path = env.at(name);
    const variable = CNI_ENV_VARIABLES.find((candidate) => candidate.name === name);
    if (name === ENABLE_IPV6_VARIABLE || name === ENABLE_IPV4_VARIABLE) {
      readIpMode(name, raw, path, ipFamily, ctx);
      continue;
    }
    if (name === ENI_CONFIG_LABEL_VARIABLE) {
      if (typeof raw === 'string' && ZONE_LABELS.has(raw.trim())) ctx.consume(path);
      else
        ctx.unsupported(
          path,
          `ENIConfigs are planned one per Availability Zone, selected by a zone label (${[...ZONE_LABELS].join(', ')}); ${JSON.stringify(raw)} is not modelled.`,
        );
      continue;
    }
    if (variable === undefined) {
      ctx.unsupported(path, `VPC CNI setting ${name} is not modelled by the planner.`);
      continue;
    }
    const parsed = parseCniValue(variable.kind, raw);
    if (!parsed.ok) {
      ctx.unsupported(path, `${name} must be ${parsed.expected}; ${JSON.stringify(raw)} was not imported.`);
      ctx.warn('CNI_SETTING_INVALID', `${name}=${JSON.stringify(raw)} is not ${parsed.expected}; the setting was not imported.`, path);
      continue;
    }
    ctx.consume(path);
    if (name === PREFIX_DELEGATION_VARIABLE && ipFamily === 'IPV6') {
      // README ENABLE_IPv6: IPv6 runs only in prefix mode, so the setting is implied rather than a design choice.
      if (parsed.value === false)
        ctx.warn(
          'CNI_SETTING_CONFLICT',
          'ENABLE_PREFIX_DELEGATION=false in an IPv6 cluster: the VPC CNI runs IPv6 only with prefix delegation.',
          path,
        );
      continue;
    }
    (settings as Record<string, unknown>)[variable.field] = parsed.value;
  }
}

function readIpMode(name: string, raw: unknown, path: readonly PathSegment[], ipFamily: IpFamily, ctx: ImportContext): void {
  const parsed = parseCniValue('boolean', raw);
  const expected = (name === ENABLE_IPV6_VARIABLE) === (ipFamily === 'IPV6');
  if (parsed.ok && parsed.value === expected) {
    ctx.consume(path);
    return;
  }
  ctx.unsupported(
    path,
    `${name} follows the cluster's IP family (${ipFamily}); ${JSON.stringify(raw)} contradicts it and was not imported.`,
  );
  ctx.warn(
    'CNI_SETTING_CONFLICT',
    `${name}=${JSON.stringify(raw)} contradicts kubernetesNetworkConfig.ipFamily ${ipFamily === 'IPV6' ? 'IPv6' : 'IPv4'}.`,
    path,
  );
}

function readEniConfig(values: ConfigObject, region: string, into: CniImport): void {
  const ctx = values.ctx;
  const eniConfig = values.object('eniConfig');
  if (eniConfig === undefined) return;
  eniConfig.boolean('create');
  const eniRegion = eniConfig.string('region');
  if (eniRegion !== undefined && eniRegion !== region) {
    ctx.warn(
      'ENICONFIG_REGION_MISMATCH',
      `eniConfig.region ${eniRegion} differs from metadata.region ${region}; the ENIConfigs are planned in ${region}.`,
      eniConfig.at('region'),
    );
  }
  const subnets = eniConfig.object('subnets');
  for (const az of Object.keys(subnets?.value ?? {})) {
    const entry = subnets!.object(az);
    if (entry === undefined) continue;
    const subnet = entry.string('id');
    const securityGroupIds = entry.stringList('securityGroups') ?? [];
    if (subnet === undefined) {
      ctx.problem(entry.path, 'An eniConfig subnet needs an id (a subnet ID or a vpc.subnets key).');
      continue;
    }
    into.eniConfigs.push({ az, subnet, securityGroupIds, path: [...entry.path] });
  }
}
