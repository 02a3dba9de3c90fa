#!/usr/bin/env node
/**
 * eks-network-planner: the planning engines from a terminal. Every command runs the pure engines in this process, or
 * asks a running server (`--server URL --token T`) the same question over REST. Tables for people, `--output json|yaml`
 * for scripts. Exit codes: 0 answered, 1 a plan or lint with ERROR findings, 2 bad input or a refused request.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { CliContext, type CliIo } from './cli.context.js';
import { EXIT_CODES, formatError } from './cli-errors.js';
import { importCommand } from './commands/import.command.js';
import { lintCommand } from './commands/lint.command.js';
import { maxPodsTableCommand } from './commands/max-pods-table.command.js';
import { maxPodsCommand } from './commands/max-pods.command.js';
import { planCommand } from './commands/plan.command.js';
import { subnetUsageCommand } from './commands/subnet-usage.command.js';
import { traceCommand } from './commands/trace.command.js';
import { adviseCommand, whatIfCommand } from './commands/what-if.command.js';
import { OUTPUT_FORMATS } from './output.js';

export const CLI_NAME = 'eks-network-planner';

export function buildProgram(cli: CliContext): Command {
  const program = new Command(CLI_NAME)
    .description('Plan Amazon EKS networking: max pods, subnet IPs, traffic paths, design plans and manifest lint.')
    .version(packageVersion(), '-V, --version')
    .option('--server <url>', 'ask a running planner server instead of the engines in this process')
    .addOption(new Option('--token <token>', 'bearer token for --server').env('PLANNER_TOKEN'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => cli.io.stdout(text),
      writeErr: (text) => cli.io.stderr(text),
      // Commander's usage errors in the same `error CODE: message` form as every other error.
      outputError: (text, write) => write(text.replace(/^error: /, 'error USAGE: ')),
    })
    .exitOverride();
  for (const command of [
    maxPodsCommand(cli),
    maxPodsTableCommand(cli),
    subnetUsageCommand(cli),
    traceCommand(cli),
    planCommand(cli),
    whatIfCommand(cli),
    adviseCommand(cli),
    lintCommand(cli),
    importCommand(cli),
  ]) {
    // Subcommands (`import aws`) report usage errors and exit codes the same way.
    for (const sub of [command, ...command.commands]) {
      sub.showHelpAfterError('(run with --help for usage)').configureOutput(program.configureOutput()).exitOverride();
    }
    program.addCommand(command);
  }
  return program;
}

/** Runs one command line; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const cli = new CliContext(io);
  const program = buildProgram(cli);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too (exit code 0); usage errors were already printed by commander.
      return error.exitCode === 0 ? EXIT_CODES.OK : EXIT_CODES.ERROR;
    }
    io.stderr(formatError(error));
    return EXIT_CODES.ERROR;
  }
}

/** The version of the package this file was installed from (dist/cli/main.js → package.json two levels up). */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)), depth = 0; depth < 6; dir = dirname(dir), depth++) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === CLI_NAME && pkg.version) return pkg.version;
  }
  return '0.0.0';
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const io: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin,
};

/**
 * A reader that stops early (`max-pods-table --output json | head -1`) closes the pipe under us: it took what it
 * wanted, so the command ends quietly with 0 instead of crashing on EPIPE. Any other write error is still thrown.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WritableStream, exit: (code: number) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}

// Only as the entry point, so tests can import buildProgram/runCli.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolveEntry(process.argv[1])) {
  endQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));
  process.exitCode = await runCli(process.argv.slice(2), io);
}

/** npm's bin link is a symlink: compare the real file. */
function resolveEntry(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
