/** `max-pods <instanceType>`: GET /v1/capacity/max-pods — what the kubelet is told, and the arithmetic behind it. */
import { Command } from 'commander';
import type { MaxPodsResult } from '../../domain/capacity/index.js';
import type { CliContext } from '../cli.context.js';
import { renderFields, renderNotes, renderTable, section } from '../output.js';
import { addMaxPodsOptions, toMaxPodsOptions, type MaxPodsCliOptions } from './capacity-options.js';

export function maxPodsCommand(cli: CliContext): Command {
  const command = new Command('max-pods')
    .description('max pods of one instance type for a launcher and VPC CNI mode, with the steps of the calculation')
    .argument('<instanceType>', 'EC2 instance type, e.g. m5.large');
  addMaxPodsOptions(command);
  return command.action(async (instanceType: string, options: MaxPodsCliOptions, self: Command) => {
    const planner = await cli.planner(self);
    const result = await planner.maxPods({ instanceType, ...toMaxPodsOptions(options) });
    cli.print(self, result, renderMaxPods);
  });
}

export function renderMaxPods(result: MaxPodsResult): string {
  const reserved =
    result.kubeReservedMemoryMiB === null
      ? null
      : `${result.kubeReservedMemoryMiB} MiB memory${result.kubeReservedCpuMillicores === null ? '' : `, ${result.kubeReservedCpuMillicores}m CPU`}`;
  const head = renderFields([
    ['instance type', result.instanceType],
    ['launcher', `${result.launcher} (${result.os}, ${result.ipFamily}, ${result.podAddressMode})`],
    ['max pods', result.maxPods],
    ['uncapped', result.uncappedMaxPods],
    ['cap', result.cap === null ? 'none' : `${result.cap}${result.capApplied ? ' (applied)' : ' (not reached)'}`],
    ['IP-limited pods', result.ipLimitedPods ?? 'not limited by addresses'],
    ['effective pods', result.effectivePods],
    ['branch ENI pods', result.branchEniPods],
    ['pod ENIs', result.podEnis],
    ['kube-reserved', reserved],
  ]);
  const steps = renderTable(
    [
      { header: 'value', value: (step: MaxPodsResult['steps'][number]) => step.value },
      { header: 'rule', value: (step) => step.rule },
      { header: 'source', value: (step) => step.source },
    ],
    result.steps,
  );
  return head + section('STEPS', steps) + section('WARNINGS', renderNotes(result.warnings));
}
