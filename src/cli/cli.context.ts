/**
 * What every command shares: the global options (`--server`, `--token`, `--output`), the planner they select, the
 * process's streams, and the exit code a command sets when its answer has errors.
 */
import type { Command } from 'commander';
import { CliUsageError, EXIT_CODES, type ExitCode } from './cli-errors.js';
import { formatOutput, type OutputFormat } from './output.js';
import type { PlannerClient } from './planner-client.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

export interface GlobalOptions {
  server?: string;
  token?: string;
  output: OutputFormat;
}

export class CliContext {
  public exitCode: ExitCode = EXIT_CODES.OK;
  private stdinTaken = false;

  public constructor(public readonly io: CliIo) {}

  /** Stdin can feed one input (`-`); a second would wait forever on a stream that has already ended. */
  public readonly readStdin = (): Promise<string> => {
    if (this.stdinTaken) return Promise.reject(new CliUsageError('STDIN_ALREADY_READ', 'Only one input can come from stdin (-).'));
    this.stdinTaken = true;
    return this.io.readStdin();
  };

  public globals(command: Command): GlobalOptions {
    return command.optsWithGlobals<GlobalOptions>();
  }

  /** The HTTP planner with `--server`, otherwise the engines in this process (loaded only then). */
  public async planner(command: Command): Promise<PlannerClient> {
    const { server, token } = this.globals(command);
    if (server !== undefined) {
      const { HttpPlanner } = await import('./http-planner.js');
      return new HttpPlanner({ baseUrl: server, token });
    }
    const { LocalPlanner } = await import('./local-planner.js');
    return new LocalPlanner();
  }

  public print<T>(command: Command, value: T, render: (value: T) => string): void {
    this.io.stdout(formatOutput(this.globals(command).output, value, render));
  }

  /** Notes that are not the answer (eksctl import remarks) go to stderr, so `--output json` stays parseable. */
  public note(text: string): void {
    this.io.stderr(text);
  }

  public failWithFindings(): void {
    this.exitCode = EXIT_CODES.FINDINGS;
  }
}
