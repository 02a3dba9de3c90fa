/**
 * `what-if <design> <patch.json>`: POST /v1/what-if — an RFC 6902 patch on a design, planned without saving: how the
 * plan moves (the diff) and the changed design's status. `advise <design>`: POST /v1/advice — the address problems and
 * every remedy, ranked. Both take --design-id (with --server) for a saved design instead of a file.
 */
import { Command, Option } from 'commander';
import type { Advice, Remedy, RemedyFigures, WhatIfResult } from '../../domain/advice/index.js';
import type { NumberMove } from '../../domain/plan/index.js';
import { CliUsageError } from '../cli-errors.js';
import type { CliContext } from '../cli.context.js';
import { readJsonInput } from '../design-input.js';
import { HttpPlanner } from '../http-planner.js';
import { renderFields, renderTable, section } from '../output.js';
import { integerParser } from './capacity-options.js';
import { loadDesignFile } from './design-file.js';

interface SavedOptions {
  designId?: string;
  revision?: number;
}

const designIdOption = (command: Command): Command =>
  command
    .option('--design-id <id>', 'a saved design on the server (with --server) instead of a file')
    .addOption(new Option('--revision <n>', 'a revision of the saved design').argParser(integerParser(1, 2_147_483_647)));

export function whatIfCommand(cli: CliContext): Command {
  return designIdOption(
    new Command('what-if')
      .description(
        'apply an RFC 6902 JSON Patch to a design without saving it: the diff of its plan (exit 1 when the changed design has ERROR findings)',
      )
      .argument('[design]', 'DesignSpec JSON or eksctl ClusterConfig YAML; omit with --design-id')
      .argument('[patch]', 'JSON file with the patch: a list of operations, or { "patch": [...] }; - for stdin'),
  ).action(async (first: string | undefined, second: string | undefined, options: SavedOptions, self: Command) => {
    // With --design-id the only argument is the patch.
    const [designPath, patchPath] = second === undefined ? [undefined, first] : [first, second];
    if (patchPath === undefined) throw new CliUsageError('MISSING_ARGUMENT', 'Give the patch file (a JSON list of RFC 6902 operations).');
    const patchInput = await readJsonInput(patchPath, cli.readStdin);
    const patch = isPatchBody(patchInput) ? patchInput.patch : patchInput;
    const result = await withDesign(designPath, options, cli, self, {
      saved: (planner, id) => planner.whatIfSaved(id, options.revision, patch),
      inline: async (design) => (await cli.planner(self)).whatIf(design, patch),
    });
    cli.print(self, result, renderWhatIf);
    if (result.plan.summary.errors > 0) cli.failWithFindings();
  });
}

export function adviseCommand(cli: CliContext): Command {
  return designIdOption(
    new Command('advise')
      .description(
        'the IP-exhaustion advisor: address problems and every remedy priced by the plan, ranked (exit 1 when there are problems)',
      )
      .argument('[design]', 'DesignSpec JSON or eksctl ClusterConfig YAML; omit with --design-id'),
  ).action(async (designPath: string | undefined, options: SavedOptions, self: Command) => {
    const advice = await withDesign(designPath, options, cli, self, {
      saved: (planner, id) => planner.adviseSaved(id, options.revision),
      inline: async (design) => (await cli.planner(self)).advise(design),
    });
    cli.print(self, advice, renderAdvice);
    if (advice.problems.length > 0) cli.failWithFindings();
  });
}

async function withDesign<T>(
  designPath: string | undefined,
  options: SavedOptions,
  cli: CliContext,
  self: Command,
  run: { saved: (planner: HttpPlanner, id: string) => Promise<T>; inline: (design: unknown) => Promise<T> },
): Promise<T> {
  if (options.designId !== undefined) {
    if (designPath !== undefined) throw new CliUsageError('CONFLICTING_OPTIONS', 'Give either a design file or --design-id, not both.');
    const planner = await cli.planner(self);
    if (!(planner instanceof HttpPlanner))
      throw new CliUsageError('SERVER_REQUIRED', '--design-id names a saved design: give --server too.');
    return run.saved(planner, options.designId);
  }
  if (designPath === undefined)
    throw new CliUsageError('MISSING_ARGUMENT', 'Give the design file (DesignSpec JSON or eksctl YAML), or --design-id with --server.');
  if (options.revision !== undefined) throw new CliUsageError('CONFLICTING_OPTIONS', '--revision only applies to --design-id.');
  return run.inline((await loadDesignFile(designPath, cli)).design);
}

function isPatchBody(value: unknown): value is { patch: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'patch' in value;
}

export function renderWhatIf(result: WhatIfResult): string {
  const { summary } = result.plan;
  const { plan: diff, spec } = result.diff;
  const head = renderFields([
    ['design', result.spec.name],
    ['status after', `${summary.status}: ${summary.errors} errors, ${summary.warnings} warnings`],
    ['errors', moveText(diff.summary.errors)],
    ['warnings', moveText(diff.summary.warnings)],
    ['used IPs at max', moveText(diff.summary.usedIpsAtMax)],
  ]);
  const changes = renderTable(
    [
      { header: 'path', value: (c: (typeof spec)[number]) => c.path },
      { header: 'change', value: (c) => c.kind },
      { header: 'before', value: (c) => JSON.stringify(c.before) },
      { header: 'after', value: (c) => JSON.stringify(c.after) },
    ],
    spec,
  );
  const subnets = renderTable(
    [
      { header: 'subnet', value: (s: (typeof diff.subnets)[number]) => s.name },
      { header: 'used at max', value: (s) => moveText(s.usedIpsAtMax), align: 'right' },
      { header: 'free at max', value: (s) => moveText(s.freeIpsAtMax), align: 'right' },
    ],
    diff.subnets,
  );
  const groups = renderTable(
    [
      { header: 'node group', value: (g: (typeof diff.nodeGroups)[number]) => g.name },
      { header: 'max pods', value: (g) => moveText(g.maxPods), align: 'right' },
      { header: 'effective', value: (g) => moveText(g.effectiveMaxPods), align: 'right' },
      { header: 'pods at max', value: (g) => moveText(g.podCapacityAtMax), align: 'right' },
    ],
    diff.nodeGroups,
  );
  const findings = [
    ...diff.findings.resolved.map(({ key }) => `  resolved  ${key}\n`),
    ...diff.findings.new.map(({ key, finding }) => `  new       ${key} (${finding.severity})\n`),
  ].join('');
  return (
    head +
    section('SPEC CHANGES', spec.length > 0 ? changes : '  none\n') +
    section('SUBNETS', diff.subnets.length > 0 ? subnets : '  no change\n') +
    section('NODE GROUPS', diff.nodeGroups.length > 0 ? groups : '  no change\n') +
    section('FINDINGS', findings || '  no change\n')
  );
}

export function renderAdvice(advice: Advice): string {
  const problems =
    advice.problems.length === 0
      ? '  none\n'
      : advice.problems.map((p) => `  ${p.severity}  ${p.code}  ${p.path}: ${p.message}\n`).join('');
  const remedies = advice.remedies.map((remedy) => renderRemedy(remedy)).join('\n');
  return section('PROBLEMS', problems) + section('REMEDIES', remedies || '  none\n');
}

function renderRemedy(remedy: Remedy): string {
  const lines = [
    `  #${remedy.rank} ${remedy.kind} (${remedy.disruption}): ${remedy.title}`,
    `     solves ${remedy.solves.length}, left ${remedy.problemsLeft.length}; ${figuresText(remedy.before)} → ${figuresText(remedy.after)}`,
    ...remedy.worsens.map((text) => `     worse: ${text}`),
    ...remedy.tradeOffs.map((t) => `     - ${t.message} [${t.source}]`),
    `     patch: ${JSON.stringify(remedy.patch)}`,
  ];
  return `${lines.join('\n')}\n`;
}

function figuresText(f: RemedyFigures): string {
  return `used ${f.usedIpsAtMax}, tightest free ${f.freeIpsAtMaxTightest ?? '-'}, nodes that fit ${f.nodesThatFit ?? '-'}, max pods ${f.maxPodsPerNode ?? '-'}, ${f.errors}E/${f.warnings}W`;
}

function moveText(move: NumberMove): string {
  if (move.before === move.after) return String(move.after ?? '-');
  const delta = move.delta === null ? '' : ` (${move.delta > 0 ? '+' : ''}${move.delta})`;
  return `${move.before ?? '-'} → ${move.after ?? '-'}${delta}`;
}
