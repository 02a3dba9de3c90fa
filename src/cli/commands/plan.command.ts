/** `plan <design.json|eksctl.yaml>`: POST /v1/plan — every engine over one design; exit 1 when it has ERROR findings. */
import { Command, Option } from 'commander';
import type { Finding } from '../../domain/findings/finding.js';
import type { DesignPlan, NodeGroupPlan, SubnetPlan, WorkloadPlan } from '../../domain/plan/index.js';
import { CliUsageError } from '../cli-errors.js';
import type { CliContext } from '../cli.context.js';
import { HttpPlanner } from '../http-planner.js';
import { renderFields, renderTable, section } from '../output.js';
import { integerParser } from './capacity-options.js';
import { loadDesignFile } from './design-file.js';

interface PlanCliOptions {
  designId?: string;
  revision?: number;
}

export function planCommand(cli: CliContext): Command {
  return new Command('plan')
    .description(
      'plan a design: max pods per node group, subnet addresses at min/desired/max, exposures and findings (exit 1 on ERROR findings)',
    )
    .argument('[design]', 'DesignSpec JSON or eksctl ClusterConfig YAML (apiVersion: eksctl.io/v1alpha5); - for stdin')
    .option('--design-id <id>', 'a saved design on the server (with --server) instead of a file')
    .addOption(new Option('--revision <n>', 'a revision of the saved design').argParser(integerParser(1, 2_147_483_647)))
    .action(async (designPath: string | undefined, options: PlanCliOptions, self: Command) => {
      const plan = await planOf(designPath, options, cli, self);
      cli.print(self, plan, renderPlan);
      if (plan.findings.some((finding) => finding.severity === 'ERROR')) cli.failWithFindings();
    });
}

async function planOf(designPath: string | undefined, options: PlanCliOptions, cli: CliContext, self: Command): Promise<DesignPlan> {
  if (options.designId !== undefined) {
    if (designPath !== undefined) throw new CliUsageError('CONFLICTING_OPTIONS', 'Give either a design file or --design-id, not both.');
    const planner = await cli.planner(self);
    if (!(planner instanceof HttpPlanner))
      throw new CliUsageError('SERVER_REQUIRED', '--design-id names a saved design: give --server too.');
    return planner.planSaved(options.designId, options.revision);
  }
  if (designPath === undefined)
    throw new CliUsageError(
      'MISSING_ARGUMENT',
      'Give the design file to plan (DesignSpec JSON or eksctl YAML), or --design-id with --server.',
    );
  if (options.revision !== undefined) throw new CliUsageError('CONFLICTING_OPTIONS', '--revision only applies to --design-id.');
  const { design } = await loadDesignFile(designPath, cli);
  return (await cli.planner(self)).plan(design);
}

export function renderPlan(plan: DesignPlan): string {
  const { summary, cluster } = plan;
  const tightest = summary.tightestSubnet;
  const head = renderFields([
    ['design', `${plan.designName} (${plan.ipFamily})`],
    [
      'status',
      `${summary.status}: ${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info`,
    ],
    ['nodes at max', summary.nodesAtMax],
    ['pod capacity at max', summary.podCapacityAtMax],
    ['used IPs at max', summary.usedIpsAtMax],
    [
      'tightest subnet',
      tightest ? `${tightest.name} (${tightest.usedIpsAtMax} used, ${tightest.freeIpsAtMax} free, ${percent(tightest.utilization)})` : null,
    ],
    [
      'service CIDR',
      cluster.serviceIpv4Cidr === null
        ? null
        : `${cluster.serviceIpv4Cidr} (${cluster.serviceIpv4CidrSource}), DNS ${cluster.clusterDnsIp}`,
    ],
    [
      'endpoint',
      [cluster.endpointPublic ? `public (${cluster.publicAccessCidrs.join(', ')})` : null, cluster.endpointPrivate ? 'private' : null]
        .filter(Boolean)
        .join(' + '),
    ],
    ['zones', cluster.availabilityZones],
  ]);
  const groups = renderTable<NodeGroupPlan>(
    [
      { header: 'node group', value: (g) => g.name },
      { header: 'kind', value: (g) => g.kind },
      { header: 'launcher', value: (g) => g.launcher },
      {
        header: 'instance types',
        value: (g) => g.instanceTypes.map((t) => (t.supported ? t.instanceType : `${t.instanceType} (${t.unsupportedCode})`)),
      },
      { header: 'max pods', value: (g) => g.maxPods },
      { header: 'effective', value: (g) => g.effectiveMaxPods },
      { header: 'min/desired/max', value: (g) => `${g.sizes.min}/${g.sizes.desired}/${g.sizes.max}`, align: 'right' },
      { header: 'surge', value: (g) => g.surgeNodes },
      { header: 'pods at max', value: (g) => g.podCapacityAtMax },
      { header: 'max nodes that fit', value: (g) => g.maxNodesThatFit },
    ],
    plan.nodeGroups,
  );
  const subnets = renderTable<SubnetPlan>(
    [
      { header: 'subnet', value: (s) => s.name },
      { header: 'az', value: (s) => s.az },
      { header: 'cidr', value: (s) => s.cidr },
      { header: 'roles', value: (s) => s.roles },
      { header: 'usable', value: (s) => s.usableIps },
      { header: 'used min/desired/max', value: (s) => `${s.usedIps.min}/${s.usedIps.desired}/${s.usedIps.max}`, align: 'right' },
      { header: 'free at max', value: (s) => s.freeIpsAtMax },
      { header: 'used', value: (s) => percent(s.utilizationAtMax), align: 'right' },
      { header: 'after surge', value: (s) => s.freeIpsAfterSurge },
    ],
    plan.subnets,
  );
  const workloads = renderTable<WorkloadPlan>(
    [
      { header: 'workload', value: (w) => (w.namespace ? `${w.namespace}/${w.name}` : w.name) },
      { header: 'node group', value: (w) => w.nodeGroup },
      { header: 'replicas', value: (w) => w.replicas },
      { header: 'exposure', value: (w) => w.exposure?.kind },
      { header: 'target', value: (w) => w.exposure?.targetType },
      { header: 'scheme', value: (w) => w.exposure?.scheme },
      { header: 'client ip', value: (w) => w.exposure?.clientIpVia },
    ],
    plan.workloads,
  );
  return (
    head +
    section('NODE GROUPS', groups) +
    section('SUBNETS', subnets) +
    (plan.workloads.length > 0 ? section('WORKLOADS', workloads) : '') +
    section('FINDINGS', renderFindings(plan.findings))
  );
}

/** `SEVERITY  CODE  path: message`, with the fix on the line below. */
function renderFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '  none\n';
  const severityWidth = Math.max(...findings.map((f) => f.severity.length));
  const codeWidth = Math.max(...findings.map((f) => f.code.length));
  return findings
    .map((f) => {
      const line = `  ${f.severity.padEnd(severityWidth)}  ${f.code.padEnd(codeWidth)}  ${f.path ? `${f.path}: ` : ''}${f.message}`;
      return f.fix ? `${line}\n  ${' '.repeat(severityWidth + codeWidth + 4)}fix: ${f.fix}\n` : `${line}\n`;
    })
    .join('');
}

function percent(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}
