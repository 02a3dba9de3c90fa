/**
 * Every README example runs against a test server, in README order, and answers what the README prints: each
 * `bash example` block's curl lines go to the server over HTTP, its `npx eks-network-planner` lines run the built CLI
 * (with `--server` pointed at the test server), each `graphql example` block is posted to /graphql; the JSON excerpt,
 * hop table or `→` paragraph right after a block is checked against the answer. A command-looking block that is not
 * marked as an example fails the test, so a new README section cannot slip past it.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppOnce } from '../support/built-app.js';
import {
  answerNames,
  answerStates,
  curlRequest,
  readmeExamples,
  type ReadmeExample,
  shellCommands,
  shellWords,
  type ShellWords,
  statedFigures,
  statedHops,
} from '../support/readme-examples.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const README_SERVER = 'localhost:3000';

interface Answer {
  status: number;
  body: unknown;
  /** The command as written, for failure messages. */
  command: string;
}

describe('README examples', () => {
  const { examples, unmarked } = readmeExamples(README);
  let t: TestApp;
  let server: string;
  let cliMain: string;
  /** Shell variables the examples set (`ID=$(… | jq -r .id)`) or read (`$PLANNER_TOKEN`). */
  const variables: Record<string, string> = { PLANNER_TOKEN: '', TOKEN: '' };

  beforeAll(async () => {
    cliMain = join(dirname(await buildAppOnce()), 'cli', 'main.js');
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    server = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await t.close();
  });

  it('marks every block of commands as an example (```bash example / ```graphql example)', () => {
    expect(unmarked.map((block) => `${block.heading}: ${block.code.split('\n')[0]}`)).toEqual([]);
    expect(examples.length).toBeGreaterThan(5);
  });

  async function curl(command: ShellWords): Promise<Answer> {
    const request = curlRequest(command.words);
    const url = request.url.replace(/^(https?:\/\/)?localhost:3000/, server);
    expect(request.url.replace(/^https?:\/\//, ''), 'README examples call the local server').toMatch(new RegExp(`^${README_SERVER}/`));
    const body = request.body && ('file' in request.body ? readFileSync(join(ROOT, request.body.file)) : request.body.text);
    const response = await fetch(url, { method: request.method, headers: request.headers, body });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, body: json ? JSON.parse(text) : text, command: command.words.join(' ') };
  }

  function cli(command: ShellWords): Promise<Answer> {
    const args = command.words.slice(2);
    const serverAt = args.indexOf('--server');
    if (serverAt >= 0) args[serverAt + 1] = server;
    const { PLANNER_TOKEN: _token, ...env } = process.env;
    return new Promise((done, reject) => {
      const child = spawn(process.execPath, [cliMain, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => done({ status: code ?? -1, body: stdout || stderr, command: command.words.join(' ') }));
    });
  }

  /** A comment that starts with a status (`# 201, ETag: "1"`) or an exit code (`# exit 1 …`) is what the line must give. */
  function expectOutcome(command: ShellWords, answer: Answer): void {
    const status = /^(\d{3})\b/.exec(command.comment);
    const exit = /^exit (\d+)\b/.exec(command.comment);
    const message = `${answer.command}\n→ ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`;
    if (command.words[0] === 'curl') {
      if (status) expect(answer.status, message).toBe(Number(status[1]));
      else expect(answer.status, message).toBeLessThan(300);
    } else {
      expect(answer.status, message).toBe(exit ? Number(exit[1]) : 0);
    }
  }

  function expectStated(example: ReadmeExample, answer: Answer): void {
    const { expectation } = example;
    if (!expectation) return;
    if (expectation.kind === 'text') {
      const hops = (answer.body as { hops: { kind: string; action: string; packet: Record<string, string> }[] }).hops;
      const stated = statedHops(expectation.text);
      expect(hops.map((hop) => `${hop.kind}(${hop.action})`)).toEqual(stated.map((hop) => `${hop.kind}(${hop.action})`));
      stated.forEach((hop, index) => {
        if (hop.src) expect(hops[index].packet).toMatchObject({ src: hop.src, srcRole: hop.srcRole, dst: hop.dst });
        for (const { key, value } of hop.pairs) expect(answer.body).toMatchObject({ [key]: value });
      });
      return;
    }
    const figures = statedFigures(expectation);
    expect(figures.pairs.length + figures.codes.length, `${example.heading}: the expectation states no figure`).toBeGreaterThan(0);
    for (const { key, value } of figures.pairs) {
      expect(answerStates(answer.body, key, value), `${example.heading}: the answer does not state ${key}: ${String(value)}`).toBe(true);
    }
    for (const code of figures.codes) expect(answerNames(answer.body, code), `${example.heading}: the answer names no ${code}`).toBe(true);
  }

  async function run(example: ReadmeExample): Promise<void> {
    if (example.language === 'graphql') {
      const { status, body } = await t.graphql(example.code);
      expect(body.errors, example.code).toBeUndefined();
      expectStated(example, { status, body: body.data, command: example.code });
      return;
    }
    const commands = shellCommands(example.code);
    expect(commands.length).toBeGreaterThan(0);
    let last: Answer | undefined;
    for (const line of commands) {
      const command = shellWords(line, variables);
      const tool = command.words[0] === 'npx' && command.words[1] === 'eks-network-planner' ? 'cli' : command.words[0];
      expect(['curl', 'cli'], `${example.heading}: README examples use curl or the CLI`).toContain(tool);
      last = tool === 'curl' ? await curl(command) : await cli(command);
      expectOutcome(command, last);
      if (line.assigns) {
        const value = line.assigns.path
          .slice(1)
          .split('.')
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], last.body);
        expect(typeof value, `${line.assigns.name}=$(… | jq -r ${line.assigns.path})`).toBe('string');
        variables[line.assigns.name] = value as string;
      }
    }
    expectStated(example, last!);
  }

  it('runs every example in README order and finds the figures the README prints', async () => {
    for (const example of examples) await run(example);
  });
});
