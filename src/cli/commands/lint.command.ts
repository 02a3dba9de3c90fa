/** `lint <manifests.yaml>`: POST /v1/exposure/lint — annotation typos and load-balancer pitfalls; exit 1 on ERROR findings. */
import { Command, Option } from 'commander';
import {
  CLUSTER_LB_CONTROLLERS,
  type ClusterLbController,
  type LintContextInput,
  type LintFinding,
  type LintResult,
} from '../../domain/exposure/index.js';
import type { CliContext } from '../cli.context.js';
import { readInputText, readJsonInput } from '../design-input.js';
import { renderTable } from '../output.js';
import { enumParser } from './capacity-options.js';

interface LintCliOptions {
  context?: string;
  previous?: string;
  controller?: ClusterLbController;
  lbcVersion?: string;
  namespace?: string;
}

export function lintCommand(cli: CliContext): Command {
  return new Command('lint')
    .description('lint Service / Ingress manifests (several YAML documents, e.g. helm template output); exit 1 on ERROR findings')
    .argument('<manifests>', 'YAML file, - for stdin')
    .option('--context <file.json>', 'the cluster context as POST /v1/exposure/lint takes it (compute, controller, lbcVersion, …)')
    .option('--previous <file>', 'the manifests as applied now: flags changes that replace or orphan load balancers')
    .addOption(new Option('--controller <controller>', CLUSTER_LB_CONTROLLERS.join(', ')).argParser(enumParser(CLUSTER_LB_CONTROLLERS)))
    .option('--lbc-version <version>', 'AWS Load Balancer Controller version (default 2.13.0)')
    .option('--namespace <namespace>', 'namespace of manifests that name none (default "default")')
    .action(async (path: string, options: LintCliOptions, self: Command) => {
      const manifests = await readInputText(path, cli.readStdin);
      const context = await lintContext(options, cli);
      const planner = await cli.planner(self);
      const result = await planner.lint(manifests, context);
      cli.print(self, result, renderLint);
      if (result.findings.some((finding) => finding.severity === 'ERROR')) cli.failWithFindings();
    });
}

async function lintContext(options: LintCliOptions, cli: CliContext): Promise<LintContextInput | undefined> {
  const base = options.context === undefined ? {} : ((await readJsonInput(options.context, cli.readStdin)) as LintContextInput);
  const context: LintContextInput = {
    ...base,
    ...(options.previous === undefined ? {} : { previousManifests: await readInputText(options.previous, cli.readStdin) }),
    ...(options.controller === undefined ? {} : { controller: options.controller }),
    ...(options.lbcVersion === undefined ? {} : { lbcVersion: options.lbcVersion }),
    ...(options.namespace === undefined ? {} : { defaultNamespace: options.namespace }),
  };
  return Object.keys(context).length === 0 && options.context === undefined ? undefined : context;
}

export function renderLint(result: LintResult): string {
  if (result.findings.length === 0) return 'no findings\n';
  const errors = result.findings.filter((f) => f.severity === 'ERROR').length;
  const warnings = result.findings.length - errors;
  const table = renderTable<LintFinding>(
    [
      { header: 'severity', value: (f) => f.severity },
      { header: 'code', value: (f) => f.code },
      { header: 'resource', value: (f) => f.resource },
      { header: 'line', value: (f) => f.line },
      { header: 'message', value: (f) => f.message },
    ],
    result.findings,
  );
  return `${table}\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
}
