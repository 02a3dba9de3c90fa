/** `subnet-usage`: POST /v1/capacity/subnet-usage — the subnet addresses node groups take, and how many nodes fit. */
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  LAUNCHERS,
  SUBNET_USAGE_ROLES,
  type CniSettingsForCapacity,
  type Launcher,
  type SubnetUsageNodeGroup,
  type SubnetUsageNodeGroupResult,
  type SubnetUsageResult,
  type SubnetUsageRole,
} from '../../domain/capacity/index.js';
import { CliUsageError } from '../cli-errors.js';
import type { CliContext } from '../cli.context.js';
import { readJsonInput } from '../design-input.js';
import { renderFields, renderNotes, renderTable, section } from '../output.js';
import type { SubnetUsageQuery } from '../planner-client.js';
import { addCatalogOption, collect, enumParser, integerParser, withoutUndefined } from './capacity-options.js';
import { OPTION_BOUNDS } from '../../domain/spec/option-bounds.js';

interface SubnetUsageCliOptions {
  cidr?: string;
  role?: SubnetUsageRole;
  nodeGroup?: string[];
  request?: string;
  catalog?: string;
  launcher?: Launcher;
  cniVersion?: string;
  prefixDelegation?: boolean;
  customNetworking?: boolean;
  sgp?: boolean;
  warmEniTarget?: number;
  warmIpTarget?: number;
  minimumIpTarget?: number;
  warmPrefixTarget?: number;
  maxEnis?: number;
}

export function subnetUsageCommand(cli: CliContext): Command {
  const command = new Command('subnet-usage')
    .description('subnet IPs the node groups consume (warm pools, prefixes, reserved addresses) and how many nodes fit')
    .option('--cidr <cidr>', 'the subnet, e.g. 10.0.0.0/24')
    .addOption(
      new Option('--role <role>', `which subnet with custom networking: ${SUBNET_USAGE_ROLES.join(', ')}`).argParser(
        enumParser(SUBNET_USAGE_ROLES),
      ),
    )
    .option('--node-group <[name=]type:nodes:podsPerNode>', 'a node group in the subnet, e.g. m5.large:10:30 (repeatable)', collect)
    .option('--request <file.json>', 'the whole POST /v1/capacity/subnet-usage body instead of the options (- for stdin)')
    .addOption(
      new Option('--launcher <launcher>', `launcher of every node group: ${LAUNCHERS.join(', ')}`).argParser(enumParser(LAUNCHERS)),
    )
    .option('--cni-version <version>', 'Amazon VPC CNI version (default 1.20.0)')
    .option('--prefix-delegation', 'VPC CNI prefix delegation')
    .option('--custom-networking', 'VPC CNI custom networking')
    .option('--sgp', 'security groups for pods')
    .addOption(new Option('--warm-eni-target <n>', 'WARM_ENI_TARGET (default 1)').argParser(integerParser(OPTION_BOUNDS.warmEniTarget)))
    .addOption(new Option('--warm-ip-target <n>', 'WARM_IP_TARGET').argParser(integerParser(OPTION_BOUNDS.warmIpTarget)))
    .addOption(new Option('--minimum-ip-target <n>', 'MINIMUM_IP_TARGET').argParser(integerParser(OPTION_BOUNDS.minimumIpTarget)))
    .addOption(
      new Option('--warm-prefix-target <n>', 'WARM_PREFIX_TARGET (default 1)').argParser(integerParser(OPTION_BOUNDS.warmPrefixTarget)),
    )
    .addOption(new Option('--max-enis <n>', 'MAX_ENI').argParser(integerParser(OPTION_BOUNDS.maxEnis)));
  addCatalogOption(command);
  return command.action(async (options: SubnetUsageCliOptions, self: Command) => {
    const request = await subnetUsageRequest(options, cli);
    const planner = await cli.planner(self);
    cli.print(self, await planner.subnetUsage(request), renderSubnetUsage);
  });
}

async function subnetUsageRequest(options: SubnetUsageCliOptions, cli: CliContext): Promise<SubnetUsageQuery> {
  const fromOptions = options.cidr !== undefined || options.nodeGroup !== undefined;
  if (options.request !== undefined) {
    if (fromOptions) throw new CliUsageError('CONFLICTING_OPTIONS', 'Give either --request or --cidr with --node-group, not both.');
    return (await readJsonInput(options.request, cli.readStdin)) as SubnetUsageQuery;
  }
  if (options.cidr === undefined || options.nodeGroup === undefined) {
    throw new CliUsageError(
      'MISSING_OPTION',
      'Give --cidr and at least one --node-group (e.g. --node-group m5.large:10:30), or --request file.json.',
    );
  }
  const cni: CniSettingsForCapacity = withoutUndefined({
    version: options.cniVersion,
    prefixDelegation: options.prefixDelegation,
    customNetworking: options.customNetworking,
    securityGroupsForPods: options.sgp,
    warmEniTarget: options.warmEniTarget,
    warmIpTarget: options.warmIpTarget,
    minimumIpTarget: options.minimumIpTarget,
    warmPrefixTarget: options.warmPrefixTarget,
    maxEni: options.maxEnis,
  });
  return withoutUndefined({
    catalog: options.catalog,
    subnet: withoutUndefined({ cidr: options.cidr, role: options.role }),
    cni: Object.keys(cni).length > 0 ? cni : undefined,
    nodeGroups: options.nodeGroup.map((spec) => ({ ...parseNodeGroup(spec), ...(options.launcher ? { launcher: options.launcher } : {}) })),
  });
}

/** `m5.large:10:30` or `web=m5.large:10:30` (instance type, nodes, pods per node that need a VPC address). */
export function parseNodeGroup(spec: string): SubnetUsageNodeGroup {
  const named = /^([^=]+)=(.*)$/.exec(spec);
  const [name, rest] = named ? [named[1], named[2]] : [undefined, spec];
  const parts = rest.split(':');
  if (parts.length !== 3 || parts[0] === '') {
    throw new CliUsageError(
      'INVALID_NODE_GROUP',
      `--node-group "${spec}" must look like [name=]instanceType:nodes:podsPerNode, e.g. m5.large:10:30.`,
    );
  }
  const number = (value: string, what: string, parse: (value: string) => number) => {
    try {
      return parse(value);
    } catch (error) {
      const reason = error instanceof InvalidArgumentError ? error.message : String(error);
      throw new CliUsageError('INVALID_NODE_GROUP', `--node-group "${spec}": ${what} "${value}" is invalid. ${reason}`);
    }
  };
  return withoutUndefined({
    name,
    instanceType: parts[0],
    nodes: number(parts[1], 'nodes', integerParser(OPTION_BOUNDS.nodes)),
    podsPerNode: number(parts[2], 'podsPerNode', integerParser(OPTION_BOUNDS.podsPerNode)),
  });
}

export function renderSubnetUsage(result: SubnetUsageResult): string {
  const unit = result.unit === 'PREFIX_80' ? ' (/80 prefixes)' : '';
  const head = renderFields([
    ['subnet', `${result.subnet.cidr} (IPv${result.subnet.ipVersion}, ${result.subnet.role} subnet, ${result.ipFamily} cluster)`],
    [`total${unit}`, result.totalIps],
    ['AWS reserved', result.awsReservedUnits],
    ['usable', result.usableIps],
    ['used', result.usedIps],
    ['free', result.freeIps],
    ['fits', result.fits ? 'yes' : `no (short by ${result.shortfallIps})`],
    ['max nodes', result.maxNodes === null ? 'not limited by this subnet' : result.maxNodes],
  ]);
  const groups = renderTable<SubnetUsageNodeGroupResult>(
    [
      { header: 'node group', value: (g) => g.name ?? g.instanceType ?? g.launcher },
      { header: 'type', value: (g) => g.instanceType },
      { header: 'nodes', value: (g) => g.nodes },
      { header: 'surge', value: (g) => g.surgeNodes },
      { header: 'pods/node', value: (g) => g.podsPerNode },
      { header: 'max pods', value: (g) => g.maxPods },
      { header: 'addresses', value: (g) => g.podAddressMode },
      { header: 'ips/node', value: (g) => g.ipsPerNode },
      { header: 'enis/node', value: (g) => g.enisPerNode },
      { header: 'prefixes/node', value: (g) => g.prefixesPerNode },
      { header: 'warm/node', value: (g) => g.warmIpsPerNode },
      { header: 'total ips', value: (g) => g.totalIps },
      { header: 'max nodes', value: (g) => g.maxNodes },
    ],
    result.perNodeGroup,
  );
  const blocks =
    result.prefixBlocks === null
      ? ''
      : renderFields([
          ['aligned /28 blocks', result.prefixBlocks.alignedBlocks],
          ['assignable', result.prefixBlocks.assignableBlocks],
          ['needed', result.prefixBlocks.neededBlocks],
          ['individual IPs', result.prefixBlocks.individualIps],
          ['available (best case)', result.prefixBlocks.bestCaseAvailableBlocks],
        ]);
  return head + section('NODE GROUPS', groups) + section('PREFIX BLOCKS', blocks) + section('WARNINGS', renderNotes(result.warnings));
}
