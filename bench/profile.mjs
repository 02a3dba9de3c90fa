#!/usr/bin/env node
/**
 * npm run bench:profile — CPU profile of the planner under load, one server process per scenario (node --cpu-prof),
 * and the top frames by self time. Uses DATABASE_URL (the local Postgres) so no embedded database starts per scenario.
 *
 * Environment: PROFILE_SECONDS (default 8), PROFILE_CONNECTIONS (50), PROFILE_ONLY (comma-separated scenario names),
 * PROFILE_TOP (frames to print, default 15), DATABASE_URL (required).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.PROFILE_CONNECTIONS ?? 50);
const TOP = Number(process.env.PROFILE_TOP ?? 15);
const ONLY = process.env.PROFILE_ONLY?.split(',').filter(Boolean);
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required (the local Postgres)');

const maxPodsQuery =
  'query MaxPods { maxPods(input: { instanceType: "m5.large", prefixDelegation: true }) { instanceType maxPods ipLimitedPods cap capApplied branchEniPods kubeReservedMemoryMiB steps { rule value source } warnings { code message } } }';
const tableQuery = 'query Table { maxPodsTable { items { instanceType maxPods ipLimitedPods cap capApplied } skipped { instanceType } } }';
const gql = (query) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
const scenarios = [
  { name: 'graphql-max-pods', path: '/graphql', ...gql(maxPodsQuery) },
  { name: 'rest-max-pods', path: '/v1/capacity/max-pods?instanceType=m5.large&prefixDelegation=true' },
  { name: 'graphql-max-pods-table', path: '/graphql', ...gql(tableQuery) },
].filter((s) => !ONLY || ONLY.includes(s.name));

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function profile(scenario) {
  const dir = join(ROOT, '.data', 'profiles', scenario.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const logFile = join(dir, 'server.log');
  const out = openSync(logFile, 'w');
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_MODE: 'dev-insecure',
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  while (!readFileSync(logFile, 'utf8').includes('EKS Network Planner listening on')) {
    if (child.exitCode !== null) throw new Error(readFileSync(logFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
  }
  const request = {
    url: `http://127.0.0.1:${port}${scenario.path}`,
    method: scenario.method ?? 'GET',
    headers: scenario.headers,
    body: scenario.body,
  };
  await run({ ...request, duration: 2 });
  // Start-up (module compilation, migrations) is left out: only samples taken under the measured load count.
  const loadFromMs = Date.now() - spawnedAt;
  const result = await run({ ...request, duration: SECONDS });
  child.kill('SIGTERM');
  await exited;
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  return {
    requestsPerSecond: Math.round(result.requests.average),
    loadFromMs,
    ...topFrames(JSON.parse(readFileSync(join(dir, file), 'utf8')), loadFromMs),
    file: join(dir, file),
  };
}

function run(options) {
  return new Promise((resolve, reject) => autocannon({ connections: CONNECTIONS, ...options }, (e, r) => (e ? reject(e) : resolve(r))));
}

/** Self time per function (name, file, line) and per package, as a share of the busy (non-idle) samples. */
function topFrames(cpuProfile, fromMs) {
  const byId = new Map(cpuProfile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const packages = new Map();
  let total = 0;
  let at = 0;
  cpuProfile.samples.forEach((id, i) => {
    const dt = cpuProfile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < fromMs * 1000) return;
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    if (functionName === '(idle)') return;
    total += dt;
    const pkg =
      /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
      (url.includes('/dist/') ? 'planner (dist)' : url ? 'node internals' : functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + dt);
    const file = url.startsWith('file:') ? relative(ROOT, fileURLToPath(url)) : url;
    const where = url ? `${file}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, selfPercent: Number(((100 * us) / total).toFixed(1)) }));
  return { frames: top(self, TOP), packages: top(packages, 10) };
}

const report = {};
for (const scenario of scenarios) {
  process.stderr.write(`profiling ${scenario.name} (${SECONDS}s, ${CONNECTIONS} connections)…\n`);
  report[scenario.name] = await profile(scenario);
  const { requestsPerSecond, frames, packages } = report[scenario.name];
  process.stdout.write(`\n${scenario.name}: ${requestsPerSecond} req/s under the profiler; top frames by self time (% of busy samples)\n`);
  for (const f of frames) process.stdout.write(`  ${String(f.selfPercent).padStart(5)}%  ${f.name}\n`);
  process.stdout.write(`  by package: ${packages.map((p) => `${p.name} ${p.selfPercent}%`).join(', ')}\n`);
}
mkdirSync(join(ROOT, '.data', 'profiles'), { recursive: true });
writeFileSync(join(ROOT, '.data', 'profiles', 'top-frames.json'), `${JSON.stringify(report, null, 2)}\n`);
