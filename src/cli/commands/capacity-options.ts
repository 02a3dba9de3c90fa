/** The max-pods options shared by `max-pods`, `max-pods-table` (and the option parsers the other commands reuse). */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { LAUNCHERS, type Launcher, type MaxPodsOptions } from '../../domain/capacity/index.js';
import { AMI_FAMILIES, type AmiFamily } from '../../domain/spec/design-spec.types.js';
import { OPTION_BOUNDS, type IntegerBounds } from '../../domain/spec/option-bounds.js';

/** `managed-node-group`, `managed_node_group` and `MANAGED_NODE_GROUP` are the same choice. */
export function enumParser<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    const normalized = value.trim().toUpperCase().replace(/-/g, '_');
    if ((values as readonly string[]).includes(normalized)) return normalized as T;
    throw new InvalidArgumentError(`Expected one of ${values.join(', ')}.`);
  };
}

/** An integer option; a bounded option passes its OPTION_BOUNDS entry, so the CLI accepts what the API accepts. */
export function integerParser(min: number, max: number): (value: string) => number;
export function integerParser(bounds: IntegerBounds): (value: string) => number;
export function integerParser(minOrBounds: number | IntegerBounds, maxValue?: number): (value: string) => number {
  const { min, max } = typeof minOrBounds === 'number' ? { min: minOrBounds, max: maxValue ?? minOrBounds } : minOrBounds;
  return (value) => {
    if (!/^\s*-?\d+\s*$/.test(value)) throw new InvalidArgumentError('Expected an integer.');
    const parsed = Number(value);
    if (parsed < min || parsed > max) throw new InvalidArgumentError(`Expected an integer from ${min} to ${max}.`);
    return parsed;
  };
}

/** Commander collects a repeatable option into a list. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export interface MaxPodsCliOptions {
  catalog?: string;
  launcher?: Launcher;
  prefixDelegation?: boolean;
  customNetworking?: boolean;
  sgp?: boolean;
  windows?: boolean;
  ipv6?: boolean;
  cniVersion?: string;
  maxEnis?: number;
  kubeletMaxPods?: number;
  podsPerCore?: number;
  reservedEnis?: number;
  efaOnlyInterfaces?: number;
  maxPodsExpression?: string;
  showMaxAllowed?: boolean;
  amiFamily?: AmiFamily;
}

export function addCatalogOption(command: Command): Command {
  return command.option('--catalog <name>', 'instance-type catalog (only the bundled "aws" without --server)');
}

export function addMaxPodsOptions(command: Command): Command {
  addCatalogOption(command);
  return command
    .addOption(
      new Option('--launcher <launcher>', `who sets the kubelet maxPods: ${LAUNCHERS.join(', ')} (default CALCULATOR)`).argParser(
        enumParser(LAUNCHERS),
      ),
    )
    .option('--prefix-delegation', 'VPC CNI prefix delegation (ENABLE_PREFIX_DELEGATION)')
    .option('--custom-networking', 'VPC CNI custom networking (ENIConfig; the primary ENI gets no pod IPs)')
    .option('--sgp', 'security groups for pods (ENABLE_POD_ENI)')
    .option('--windows', 'Windows nodes')
    .option('--ipv6', 'IPv6 cluster')
    .option('--cni-version <version>', 'Amazon VPC CNI version (default 1.20.0)')
    .addOption(
      new Option('--max-enis <n>', 'at most this many ENIs (--cni-max-eni / MAX_ENI)').argParser(integerParser(OPTION_BOUNDS.maxEnis)),
    )
    .addOption(
      new Option('--kubelet-max-pods <n>', 'kubelet maxPods set explicitly').argParser(integerParser(OPTION_BOUNDS.kubeletMaxPods)),
    )
    .addOption(
      new Option('--pods-per-core <n>', 'Karpenter spec.kubelet.podsPerCore (0: no limit)').argParser(
        integerParser(OPTION_BOUNDS.podsPerCore),
      ),
    )
    .addOption(new Option('--reserved-enis <n>', 'Karpenter RESERVED_ENIS').argParser(integerParser(OPTION_BOUNDS.reservedEnis)))
    .addOption(
      new Option('--efa-only-interfaces <n>', 'Karpenter EC2NodeClass efa-only interfaces on network card 0').argParser(
        integerParser(OPTION_BOUNDS.efaOnlyInterfaces),
      ),
    )
    .option('--max-pods-expression <cel>', 'nodeadm maxPodsExpression (CEL over default_enis, ips_per_eni, max_pods)')
    .option('--show-max-allowed', 'max-pods-calculator.sh --show-max-allowed (no 110/250 cap)')
    .addOption(new Option('--ami-family <family>', `AMI family: ${AMI_FAMILIES.join(', ')}`).argParser(enumParser(AMI_FAMILIES)));
}

/** The CLI flags as the API's max-pods options; only what was given, so both modes see the same request. */
export function toMaxPodsOptions(options: MaxPodsCliOptions): MaxPodsOptions & { catalog?: string } {
  const result: MaxPodsOptions & { catalog?: string } = {
    catalog: options.catalog,
    launcher: options.launcher,
    os: options.windows ? 'WINDOWS' : undefined,
    ipFamily: options.ipv6 ? 'IPV6' : undefined,
    prefixDelegation: options.prefixDelegation,
    customNetworking: options.customNetworking,
    securityGroupsForPods: options.sgp,
    showMaxAllowed: options.showMaxAllowed,
    cniVersion: options.cniVersion,
    maxEnis: options.maxEnis,
    kubeletMaxPods: options.kubeletMaxPods,
    podsPerCore: options.podsPerCore,
    reservedEnis: options.reservedEnis,
    efaOnlyInterfaces: options.efaOnlyInterfaces,
    maxPodsExpression: options.maxPodsExpression,
    amiFamily: options.amiFamily,
  };
  return withoutUndefined(result);
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
