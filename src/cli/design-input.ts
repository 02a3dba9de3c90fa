/**
 * Reading what the CLI is given: a file or `-` for stdin, and a design file that is either a DesignSpec (JSON) or an
 * eksctl ClusterConfig (YAML, recognised by `apiVersion: eksctl.io/…`), which the eksctl bridge turns into a DesignSpec.
 */
import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../domain/errors/planning-error.js';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../domain/json/json-depth.js';
import { EKSCTL_API_VERSION, importEksctl, type ImportWarning, type UnsupportedField } from '../domain/eksctl/index.js';

/** Larger than any design or manifest bundle a server accepts (BODY_LIMIT_BYTES defaults to 1 MiB). */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

export type ReadStdin = () => Promise<string>;

/** How an input is named in messages. */
export function inputLabel(path: string): string {
  return path === '-' ? 'stdin' : path;
}

/** A JSON input file (or stdin): read and parsed, named in messages. */
export async function readJsonInput(path: string, readStdin: ReadStdin): Promise<unknown> {
  return parseJsonInput(await readInputText(path, readStdin), inputLabel(path));
}

/** The text of `path`, or of stdin for `-`. A missing or unreadable file is a coded input error. */
export async function readInputText(path: string, readStdin: ReadStdin): Promise<string> {
  if (path === '-') return readStdin();
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_INPUT_BYTES) {
      throw new InvalidInputError('FILE_TOO_LARGE', `${path} has ${buffer.length} bytes; at most ${MAX_INPUT_BYTES} are read.`);
    }
    return buffer.toString('utf8');
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InvalidInputError('FILE_NOT_FOUND', `No such file: ${path}`);
    throw new InvalidInputError('FILE_UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Parses a JSON input file; `label` names it in messages. */
export function parseJsonInput(text: string, label: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError('MALFORMED_JSON', `${label} is not valid JSON: ${(error as Error).message}`);
  }
  // The same guard as the server's body parser: validators downstream recurse.
  if (exceedsJsonDepth(value)) {
    throw new InvalidInputError('BODY_TOO_DEEP', `${label} nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  return value;
}

export interface LoadedDesign {
  /** The design as JSON data, not yet validated (the planner validates it, locally or on the server). */
  design: unknown;
  format: 'DESIGN_SPEC' | 'EKSCTL';
  /** What the eksctl import could not carry over or had to assume; empty for a DesignSpec. */
  unsupported: UnsupportedField[];
  warnings: ImportWarning[];
}

const EKSCTL_API_VERSION_LINE = /^\s*apiVersion:\s*["']?eksctl\.io\//m;

/** A DesignSpec JSON, or an eksctl ClusterConfig YAML imported into one (decided by the content, not the file name). */
export function loadDesign(text: string, label: string): LoadedDesign {
  if (EKSCTL_API_VERSION_LINE.test(text)) {
    const imported = importEksctl(text);
    return { design: imported.spec, format: 'EKSCTL', unsupported: imported.unsupported, warnings: imported.warnings };
  }
  if (!/^\s*[[{]/.test(text)) {
    throw new InvalidInputError(
      'UNKNOWN_DESIGN_FORMAT',
      `${label} is neither a DesignSpec (a JSON object) nor an eksctl ClusterConfig (YAML with apiVersion: ${EKSCTL_API_VERSION}).`,
    );
  }
  return { design: parseJsonInput(text, label), format: 'DESIGN_SPEC', unsupported: [], warnings: [] };
}
