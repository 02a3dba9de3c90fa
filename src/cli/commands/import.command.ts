/**
 * `import aws <files or a folder>`: the AWS CLI's own JSON (the README's dump) → a DesignSpec that keeps AWS IDs and the
 * observed free addresses, printed (locally) or saved on the server (`--server`: POST /v1/designs/import/aws).
 * `import instance-types <file> --name <catalog>`: describe-instance-types output → a custom catalog (locally the
 * catalog as POST /v1/catalogs takes it; with `--server` created by POST /v1/catalogs/import/aws).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import {
  bundleFromFiles,
  importAwsBundle,
  importInstanceTypes,
  type AwsImportWarning,
  type AwsUnsupported,
  type DumpedFile,
} from '../../domain/aws-import/index.js';
import { buildIndex } from '../../domain/catalog/catalog-index.js';
import { AWS_CATALOG, AWS_CATALOG_NAME } from '../../domain/catalog/data/aws-catalog.data.js';
import type { DesignSpec } from '../../domain/spec/design-spec.types.js';
import { CliUsageError } from '../cli-errors.js';
import type { CliContext } from '../cli.context.js';
import { HttpPlanner } from '../http-planner.js';
import { readInputText, readJsonInput } from '../design-input.js';
import { renderTable } from '../output.js';

interface AwsCliOptions {
  vpcId?: string;
  name?: string;
  observedAt?: string;
}

export function importCommand(cli: CliContext): Command {
  const command = new Command('import').description('import what exists in AWS from the AWS CLI’s own JSON (offline)');
  command.addCommand(
    new Command('aws')
      .description('AWS CLI outputs (vpcs.json, subnets.json, route-tables.json, …, as the README dumps them) → a design')
      .argument('<paths...>', 'the dumped files, or a folder holding them')
      .option('--vpc-id <id>', 'the VPC to import when the dump holds several')
      .option('--name <name>', 'the design name (default: the cluster name, else the VPC Name tag)')
      .option('--observed-at <time>', 'when the files were dumped, ISO 8601 (default: now)')
      .action(async (paths: string[], options: AwsCliOptions, self: Command) => {
        const bundle = {
          ...bundleFromFiles(await dumpedFiles(paths, cli)),
          ...(options.vpcId === undefined ? {} : { vpcId: options.vpcId }),
          ...(options.name === undefined ? {} : { name: options.name }),
          ...(options.observedAt === undefined ? {} : { observedAt: options.observedAt }),
        };
        const planner = await cli.planner(self);
        if (planner instanceof HttpPlanner) {
          const saved = await planner.importAws<{
            design: { id: string; revision: number; spec: DesignSpec };
            warnings: AwsImportWarning[];
            unsupported: AwsUnsupported[];
          }>(bundle);
          noteRemarks(cli, saved.warnings, saved.unsupported);
          cli.print(
            self,
            saved.design,
            (design) => `saved design ${design.id} (revision ${design.revision})\n${renderSubnets(design.spec)}`,
          );
          return;
        }
        const imported = importAwsBundle(bundle, { observedAt: `${new Date().toISOString().slice(0, 19)}Z` });
        noteRemarks(cli, imported.warnings, imported.unsupported);
        cli.print(self, imported.spec, renderSubnets);
      }),
  );
  command.addCommand(
    new Command('instance-types')
      .description('`aws ec2 describe-instance-types` output → a custom catalog')
      .argument('<file>', 'the JSON output, - for stdin')
      .requiredOption('--name <catalog>', 'the catalog name (lower-case letters, digits and dashes)')
      .option('--description <text>', 'the catalog description')
      .action(async (file: string, options: { name: string; description?: string }, self: Command) => {
        const instanceTypes = await readJsonInput(file, cli.readStdin);
        const planner = await cli.planner(self);
        if (planner instanceof HttpPlanner) {
          const created = await planner.importAwsCatalog<{
            catalog: { name: string; instanceTypeCount: number };
            warnings: AwsImportWarning[];
          }>({
            name: options.name,
            ...(options.description === undefined ? {} : { description: options.description }),
            instanceTypes,
          });
          noteRemarks(cli, created.warnings, []);
          cli.print(self, created.catalog, (catalog) => `created catalog ${catalog.name} (${catalog.instanceTypeCount} instance types)\n`);
          return;
        }
        const aws = buildIndex(AWS_CATALOG_NAME, true, AWS_CATALOG.instanceTypes);
        const imported = importInstanceTypes(instanceTypes, (name) => aws.byName.get(name));
        noteRemarks(cli, imported.warnings, []);
        const catalog = { name: options.name, description: options.description ?? '', instanceTypes: imported.instanceTypes };
        cli.print(self, catalog, (value) =>
          renderTable(
            [
              { header: 'instance type', value: (t) => t.name },
              { header: 'vcpu', value: (t) => t.vcpu },
              { header: 'max ENIs', value: (t) => t.maxEnis },
              { header: 'IPv4/ENI', value: (t) => t.ipv4PerEni },
              { header: 'hypervisor', value: (t) => t.hypervisor },
              { header: 'branch ENIs', value: (t) => t.branchInterfaces },
            ],
            value.instanceTypes,
          ),
        );
      }),
  );
  return command;
}

/** The files named, and the *.json files of any folder named. */
async function dumpedFiles(paths: readonly string[], cli: CliContext): Promise<DumpedFile[]> {
  const files: DumpedFile[] = [];
  for (const path of paths) {
    const isFolder = await stat(path).then(
      (info) => info.isDirectory(),
      () => false,
    );
    const names = isFolder ? (await readdir(path)).filter((name) => name.endsWith('.json')).map((name) => join(path, name)) : [path];
    for (const name of names) files.push({ name, text: await readInputText(name, cli.readStdin) });
  }
  if (files.length === 0) throw new CliUsageError('MISSING_ARGUMENT', `No .json files in ${paths.join(', ')}.`);
  return files;
}

function noteRemarks(cli: CliContext, warnings: readonly AwsImportWarning[], unsupported: readonly AwsUnsupported[]): void {
  const lines = [
    ...warnings.map((w) => `  ${w.code}${w.path ? ` at ${w.path}` : ''}: ${w.message}`),
    ...unsupported.map((u) => `  not imported ${u.path}: ${u.message}`),
  ];
  if (lines.length > 0)
    cli.note(`note: ${warnings.length} remark(s), ${unsupported.length} field(s) not carried over\n${lines.join('\n')}\n`);
}

function renderSubnets(spec: DesignSpec): string {
  return renderTable(
    [
      { header: 'subnet', value: (s) => s.name },
      { header: 'id', value: (s) => s.id },
      { header: 'az', value: (s) => s.az },
      { header: 'cidr', value: (s) => s.cidr },
      { header: 'available', value: (s) => s.observed?.availableIps },
      { header: 'route', value: (s) => (s.public ? 'internet gateway' : s.natGateway ? `NAT ${s.natGateway}` : 'none') },
      { header: 'roles', value: (s) => s.roles ?? [] },
    ],
    spec.subnets,
  );
}
