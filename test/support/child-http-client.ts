/**
 * Sends HTTP requests from a child process, all at once, and answers each response's status, size and SHA-256. Load
 * tests use it so the callers' own work (receiving and parsing megabytes of answers) does not run on the event loop of
 * the app under test, which runs in the test's process: only the server's work is measured there, as in production.
 */
import { spawn } from 'node:child_process';

export interface ChildRequest {
  method: 'GET' | 'POST';
  path: string;
  contentType?: string;
  body?: string;
}

export interface ChildResponse {
  status: number;
  bytes: number;
  sha256: string;
}

const CLIENT = `
import { createHash } from 'node:crypto';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { baseUrl, requests } = JSON.parse(input);
const answers = await Promise.all(requests.map(async ({ method, path, contentType, body }) => {
  const response = await fetch(baseUrl + path, { method, body, headers: contentType ? { 'content-type': contentType } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}));
process.stdout.write(JSON.stringify(answers));
`;

export function requestFromChild(baseUrl: string, requests: readonly ChildRequest[]): Promise<ChildResponse[]> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', CLIENT], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(JSON.stringify({ baseUrl, requests }));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(stdout) as ChildResponse[]) : reject(new Error(`client exited ${code}: ${stderr}`)),
    );
  });
}
