/**
 * Refuses YAML that nests deeply enough to hurt the process before the `yaml` library sees it: its lexer aborts the
 * whole process (out of memory, no catchable error) at about 2,000 nested `[`/`{`, and its composer recurses on block
 * nesting. Flow depth, block indentation and collections opened on one line (`- - - x`) are bounded on the raw text;
 * the composed tree is bounded again afterwards, iteratively.
 */
import { isMap, isPair, isSeq, type Document } from 'yaml';
import { InvalidInputError } from '../errors/planning-error.js';

export interface YamlNestingLimits {
  /** Nested `[` / `{`. */
  maxFlowDepth: number;
  /** Leading spaces on one line (bounds block nesting). */
  maxIndent: number;
  /** `- - - x` and `? - x` open one block collection per indicator. */
  maxIndicatorsPerLine: number;
  /** Depth of the composed tree (maps and sequences). */
  maxDepth: number;
}

export const DEFAULT_YAML_NESTING_LIMITS: YamlNestingLimits = { maxFlowDepth: 64, maxIndent: 200, maxIndicatorsPerLine: 20, maxDepth: 64 };

/** `label` names the input in messages; `lineOffset` shifts lines when the text is embedded in another document. */
export function guardYamlText(text: string, label: string, limits: YamlNestingLimits = DEFAULT_YAML_NESTING_LIMITS, lineOffset = 0): void {
  const tooDeep = (line: number, what: string): never => {
    throw new InvalidInputError('YAML_TOO_DEEP', `The ${label} nests too deeply at line ${line + lineOffset} (${what}).`, [
      { path: '', message: `line ${line + lineOffset}: ${what}` },
    ]);
  };
  let flowDepth = 0;
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index <= text.length; index += 1) {
    const char = text[index];
    if (char === '\n' || index === text.length) {
      checkLineStart(text.slice(lineStart, index), line, limits, tooDeep);
      line += 1;
      lineStart = index + 1;
      if (text.startsWith('---', index + 1)) flowDepth = 0;
    } else if (char === '[' || char === '{') {
      flowDepth += 1;
      if (flowDepth > limits.maxFlowDepth) tooDeep(line, `more than ${limits.maxFlowDepth} nested [ or {`);
    } else if ((char === ']' || char === '}') && flowDepth > 0) {
      flowDepth -= 1;
    }
  }
}

function checkLineStart(lineText: string, line: number, limits: YamlNestingLimits, tooDeep: (line: number, what: string) => never): void {
  const indent = lineText.length - lineText.trimStart().length;
  if (indent > limits.maxIndent && lineText.trim() !== '') tooDeep(line, `indented ${indent} columns, more than ${limits.maxIndent}`);
  const indicators = /^[ \t]*((?:[-?:][ \t]+)*)/.exec(lineText)?.[1] ?? '';
  const count = indicators.split(/[ \t]+/).filter(Boolean).length;
  if (count > limits.maxIndicatorsPerLine) tooDeep(line, `${count} collections opened on one line`);
}

/** Iterative, so a deep tree cannot overflow the stack here either. */
export function guardYamlTreeDepth(document: Document.Parsed, label: string, maxDepth = DEFAULT_YAML_NESTING_LIMITS.maxDepth): void {
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= maxDepth) {
      throw new InvalidInputError('YAML_TOO_DEEP', `The ${label} nests collections more than ${maxDepth} levels deep.`, [
        { path: '', message: `more than ${maxDepth} levels` },
      ]);
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      else stack.push({ node: item, depth: depth + 1 });
    }
  }
}
