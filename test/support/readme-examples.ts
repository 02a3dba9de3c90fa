/**
 * Reads the runnable examples out of the README (the convention is documented there, under "Examples that run"):
 * a fenced block whose info string is `bash example` or `graphql example` is run; the element right after it, a
 * ```json or ```text block or a paragraph starting with `→`, is what it must answer. The parsing is Markdown-aware
 * (the `marked` lexer), the shell words are split by `shell-quote`.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseShell, type ParseEntry } from 'shell-quote';

export type ExpectationKind = 'json' | 'text' | 'prose';

export interface ReadmeExample {
  language: 'bash' | 'graphql';
  code: string;
  /** The `## / ###` heading the example sits under, to name it in test output. */
  heading: string;
  expectation: { kind: ExpectationKind; text: string } | null;
}

/** A command-looking block that is not marked as an example: the test refuses these, so nothing escapes the run. */
export interface UnmarkedCommand {
  heading: string;
  code: string;
}

const RUNNABLE = /(^|\s)(curl\s|npx eks-network-planner\s)/m;

export function readmeExamples(markdown: string): { examples: ReadmeExample[]; unmarked: UnmarkedCommand[] } {
  const tokens = new Lexer().lex(markdown).filter((token) => token.type !== 'space');
  const examples: ReadmeExample[] = [];
  const unmarked: UnmarkedCommand[] = [];
  let heading = '';
  tokens.forEach((token, index) => {
    if (token.type === 'heading') heading = (token as Tokens.Heading).text;
    if (token.type !== 'code') return;
    const { lang = '', text } = token as Tokens.Code;
    const [language, marker] = lang.split(/\s+/);
    if (marker === 'example' && (language === 'bash' || language === 'graphql')) {
      examples.push({ language, code: text, heading, expectation: expectationAfter(tokens[index + 1]) });
    } else if (language === 'graphql' || RUNNABLE.test(text)) {
      unmarked.push({ heading, code: text });
    }
  });
  return { examples, unmarked };
}

function expectationAfter(token: Token | undefined): ReadmeExample['expectation'] {
  if (!token) return null;
  if (token.type === 'code') {
    const language = ((token as Tokens.Code).lang ?? '').split(/\s+/)[0];
    if (language === 'json' || language === 'text') return { kind: language, text: (token as Tokens.Code).text };
  }
  if (token.type === 'paragraph' && token.raw.trimStart().startsWith('→')) return { kind: 'prose', text: token.raw };
  return null;
}

/** One shell command of an example block: its text, and the variable it sets (`NAME=$(… | jq -r .path)`). */
export interface ShellCommand {
  source: string;
  assigns: { name: string; path: string } | null;
}

/** The words of a command once the variables set so far are substituted, and the comment on its line. */
export interface ShellWords {
  words: string[];
  comment: string;
}

const ASSIGNMENT = /^([A-Z_][A-Z0-9_]*)=\$\((.*)\|\s*jq -r\s+(\.[\w.]+)\s*\)\s*(#.*)?$/s;

/** Splits a block into commands: one per line, except where a quoted argument runs over several lines. */
export function shellCommands(code: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let pending = '';
  for (const line of code.split('\n')) {
    pending = pending ? `${pending}\n${line}` : line;
    if (quotesOpen(pending)) continue;
    const source = pending.trim();
    pending = '';
    if (!source || source.startsWith('#')) continue;
    const assignment = ASSIGNMENT.exec(source);
    commands.push({
      source: assignment ? `${assignment[2]}${assignment[4] ?? ''}` : source,
      assigns: assignment ? { name: assignment[1], path: assignment[3] } : null,
    });
  }
  if (pending.trim()) throw new Error(`unterminated quote in README example:\n${pending}`);
  return commands;
}

export function shellWords(command: ShellCommand, variables: Record<string, string>): ShellWords {
  const entries = parseShell(command.source, variables);
  return { words: entries.filter((entry): entry is string => typeof entry === 'string'), comment: commentOf(entries) ?? '' };
}

function commentOf(entries: ParseEntry[]): string | undefined {
  const comment = entries.find((entry): entry is { comment: string } => typeof entry === 'object' && 'comment' in entry);
  return comment?.comment.trim();
}

function quotesOpen(text: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quote === null && char === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      if (end < 0) return false;
      i = end;
    } else if (quote === null && (char === "'" || char === '"')) quote = char;
    else if (quote === char) quote = null;
    else if (quote === '"' && char === '\\') i += 1;
  }
  return quote !== null;
}

/** An HTTP request spelled as a curl command (`-X`, `-H`, `-d`/`--data`/`--data-binary` with `@file`, the URL). */
export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: { text: string } | { file: string } | null;
}

export function curlRequest(words: readonly string[]): CurlRequest {
  const request: CurlRequest = { method: '', url: '', headers: {}, body: null };
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i];
    if (word === '-s' || word === '--silent') continue;
    if (word === '-X' || word === '--request') request.method = words[++i];
    else if (word === '-H' || word === '--header') {
      const header = words[++i];
      const colon = header.indexOf(':');
      request.headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === '-d' || word === '--data' || word === '--data-binary') {
      const data = words[++i];
      request.body = data.startsWith('@') ? { file: data.slice(1) } : { text: data };
    } else if (word.startsWith('-')) throw new Error(`curl option ${word} is not understood by the README runner`);
    else request.url = word;
  }
  request.method ||= request.body ? 'POST' : 'GET';
  return request;
}

/**
 * The figures an expectation states, as `key → value` pairs: every `"key":scalar` of a JSON excerpt (an ellipsis `…`
 * inside a string stands for text left out), and every backticked `key: value` of a `→` paragraph; plus the
 * UPPER_SNAKE codes a paragraph names in backticks, which must appear as values.
 */
export interface StatedFigures {
  pairs: { key: string; value: string | number | boolean | null }[];
  codes: string[];
}

export function statedFigures(expectation: { kind: ExpectationKind; text: string }): StatedFigures {
  if (expectation.kind === 'json') {
    const pairs = [...expectation.text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)/g)].map(
      (match) => ({ key: JSON.parse(`"${match[1]}"`) as string, value: JSON.parse(match[2]) as string | number | boolean | null }),
    );
    return { pairs, codes: [] };
  }
  const spans = [...expectation.text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
  const pairs = spans
    .map((span) => /^([\w.\-/]+): (.+)$/.exec(span))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ key: match[1], value: /^-?\d+(\.\d+)?$/.test(match[2]) ? Number(match[2]) : match[2] }));
  const codes = spans.filter((span) => /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(span));
  return { pairs, codes };
}

/** Does a JSON answer state this pair: some object has the key with that value, or a YAML text in it has `key: value`? */
export function answerStates(answer: unknown, key: string, value: string | number | boolean | null): boolean {
  const wanted = typeof value === 'string' ? value.split('…').map((part) => part.trim()) : null;
  const matches = (actual: unknown): boolean => {
    if (wanted && typeof actual === 'string') {
      let from = 0;
      for (const part of wanted) {
        const at = actual.indexOf(part, from);
        if (at < 0) return false;
        from = at + part.length;
      }
      return true;
    }
    return actual === value;
  };
  const visit = (node: unknown): boolean => {
    if (typeof node === 'string') return node.split('\n').some((line) => line.trim() === `${key}: ${String(value)}`);
    if (Array.isArray(node)) return node.some(visit);
    if (node && typeof node === 'object') {
      return Object.entries(node).some(([name, child]) => (name === key && matches(child)) || visit(child));
    }
    return false;
  };
  return visit(answer);
}

/** Does any string value of the answer equal this code? */
export function answerNames(answer: unknown, code: string): boolean {
  if (typeof answer === 'string') return answer === code;
  if (Array.isArray(answer)) return answer.some((item) => answerNames(item, code));
  if (answer && typeof answer === 'object') return Object.values(answer).some((item) => answerNames(item, code));
  return false;
}

/** The hop table of a trace example: `KIND(ACTION)  src  SRC_ROLE → dst`, and a last line with `key: value`. */
export interface StatedHop {
  kind: string;
  action: string;
  src?: string;
  srcRole?: string;
  dst?: string;
  pairs: { key: string; value: string }[];
}

export function statedHops(text: string): StatedHop[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const head = /^(\w+)\((\w+)\)\s+(.*)$/.exec(line.trim());
      if (!head) throw new Error(`not a hop line: ${line}`);
      const [, kind, action, rest] = head;
      const packet = /^(\S+)\s+(\w+)\s+→\s+(\S+)$/.exec(rest.trim());
      if (packet) return { kind, action, src: packet[1], srcRole: packet[2], dst: packet[3], pairs: [] };
      const pairs = [...rest.matchAll(/(\w+): (\S+)/g)].map((match) => ({ key: match[1], value: match[2] }));
      return { kind, action, pairs };
    });
}
