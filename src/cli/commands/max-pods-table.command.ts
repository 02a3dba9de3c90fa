/** `max-pods-table`: GET /v1/capacity/max-pods-table — max pods for every instance type of a catalog. */
import { Command, Option } from 'commander';
import type { MaxPodsResult, MaxPodsTable } from '../../domain/capacity/index.js';
import type { CliContext } from '../cli.context.js';
import { renderTable, section } from '../output.js';
import { addMaxPodsOptions, integerParser, toMaxPodsOptions, type MaxPodsCliOptions } from './capacity-options.js';

interface MaxPodsTableCliOptions extends MaxPodsCliOptions {
  family?: string;
  minVcpu?: number;
}

/** Skipped types listed per reason, with this many examples. */
const SKIP_EXAMPLES = 5;

export function maxPodsTableCommand(cli: CliContext): Command {
  const command = new Command('max-pods-table')
    .description('max pods for every instance type of the catalog (optionally one family or a minimum vCPU count)')
    .option('--family <family>', 'only this instance family, e.g. m5')
    .addOption(new Option('--min-vcpu <n>', 'only types with at least this many vCPUs').argParser(integerParser(0, 4096)));
  addMaxPodsOptions(command);
  return command.action(async (options: MaxPodsTableCliOptions, self: Command) => {
    const planner = await cli.planner(self);
    const table = await planner.maxPodsTable({ ...toMaxPodsOptions(options), family: options.family, minVcpu: options.minVcpu });
    cli.print(self, table, renderMaxPodsTable);
  });
}

export function renderMaxPodsTable(table: MaxPodsTable): string {
  const rows = renderTable<MaxPodsResult>(
    [
      { header: 'instance type', value: (r) => r.instanceType },
      { header: 'max pods', value: (r) => r.maxPods },
      { header: 'uncapped', value: (r) => r.uncappedMaxPods },
      { header: 'ip-limited', value: (r) => r.ipLimitedPods },
      { header: 'effective', value: (r) => r.effectivePods },
      { header: 'branch eni', value: (r) => r.branchEniPods },
      { header: 'addresses', value: (r) => r.podAddressMode },
      { header: 'kube-reserved MiB', value: (r) => r.kubeReservedMemoryMiB },
    ],
    table.items,
  );
  const byCode = new Map<string, string[]>();
  for (const skip of table.skipped) byCode.set(skip.code, [...(byCode.get(skip.code) ?? []), skip.instanceType]);
  const skipped = [...byCode]
    .map(([code, types]) => {
      const examples = types.slice(0, SKIP_EXAMPLES).join(', ') + (types.length > SKIP_EXAMPLES ? ', …' : '');
      return `  ${code}  ${types.length} instance type${types.length === 1 ? '' : 's'} (${examples})\n`;
    })
    .join('');
  const total = `\n${table.items.length} instance type${table.items.length === 1 ? '' : 's'}${table.skipped.length > 0 ? `, ${table.skipped.length} skipped` : ''}\n`;
  return rows + section('SKIPPED', skipped) + total;
}
