/** Loading the design a command works on (`plan`, `trace`), with the eksctl import's remarks on stderr. */
import type { CliContext } from '../cli.context.js';
import { inputLabel, loadDesign, readInputText, type LoadedDesign } from '../design-input.js';

export async function loadDesignFile(path: string, cli: CliContext): Promise<LoadedDesign> {
  const label = inputLabel(path);
  const loaded = loadDesign(await readInputText(path, cli.readStdin), label);
  if (loaded.format === 'EKSCTL' && (loaded.unsupported.length > 0 || loaded.warnings.length > 0)) {
    const lines = [
      `note: ${label} was imported from an eksctl ClusterConfig (${loaded.unsupported.length} field${loaded.unsupported.length === 1 ? '' : 's'} not carried over, ${loaded.warnings.length} warning${loaded.warnings.length === 1 ? '' : 's'})`,
      ...loaded.warnings.map((w) => `  warning ${w.code}${w.path ? ` at ${w.path}` : ''}: ${w.message}`),
      ...loaded.unsupported.map((u) => `  not imported ${u.path}${u.line === undefined ? '' : ` (line ${u.line})`}: ${u.message}`),
    ];
    cli.note(`${lines.join('\n')}\n`);
  }
  return loaded;
}
