#!/usr/bin/env node
/**
 * npm run bench — throughput and latency of the planner against the physical limit of this machine: a bare Fastify
 * handler serving the same bytes, driven in the same run by autocannon (50 connections). Absolute numbers on shared
 * 2-core machines drift; the ratios to the bare handler are what the targets are stated in.
 *
 * Environment: BENCH_DURATION (seconds per scenario, default 10), BENCH_WARMUP (default 3), BENCH_CONNECTIONS (50),
 * BENCH_ONLY (comma-separated scenario names), BENCH_SKIP_BUILD=1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const DATA_DIR = join(ROOT, '.data', 'bench-postgres');

const children = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGTERM')));

function log(message) {
  process.stderr.write(`${message}\n`);
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function start(command, args, env, readyText) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      if (output.includes(readyText)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`)));
  });
}

async function json(base, method, path, body, headers = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`);
  return { body: text ? JSON.parse(text) : undefined, text, headers: response.headers };
}

function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, pipelining: 1, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function measure(scenario) {
  await cannon({ ...scenario.request, duration: WARMUP });
  const result = await cannon({ ...scenario.request, duration: DURATION });
  const failures = result.non2xx + result.errors + result.timeouts;
  return {
    name: scenario.name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    failures,
  };
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) {
    log('building…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  rmSync(DATA_DIR, { recursive: true, force: true });
  const plannerPort = await freePort();
  const planner = `http://127.0.0.1:${plannerPort}`;
  log('starting the planner (embedded Postgres)…');
  const started = Date.now();
  await start(process.execPath, ['dist/main.js'], {
    PORT: String(plannerPort), HOST: '127.0.0.1', DATABASE_URL: '', EMBEDDED_PG_DATA_DIR: DATA_DIR,
    AUTH_MODE: 'dev-insecure', RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20',
  }, 'listening on');
  const coldStartMs = Date.now() - started;

  // The fixed body for the bare handler: exactly what the planner answers for the REST max-pods scenario.
  const maxPodsPath = '/v1/capacity/max-pods?instanceType=m5.large&prefixDelegation=true';
  const sample = await json(planner, 'GET', maxPodsPath);
  const bodyFile = join(ROOT, '.data', 'bench-body.json');
  mkdirSync(dirname(bodyFile), { recursive: true });
  writeFileSync(bodyFile, sample.text);
  const barePort = await freePort();
  await start(process.execPath, ['bench/bare-server.mjs', String(barePort), bodyFile], {}, 'ready');
  const bare = `http://127.0.0.1:${barePort}`;

  const fixtures = await import(pathToFileURL(join(ROOT, 'dist/designs/design-spec/fixtures/large-design.fixture.js')).href);
  const medium = mediumDesign(fixtures.largeDesign);
  const saved = (await json(planner, 'POST', '/v1/designs', medium)).body;
  const updateTargets = [];
  for (let i = 0; i < CONNECTIONS; i++) updateTargets.push((await json(planner, 'POST', '/v1/designs', { ...medium, name: `bench-update-${i}` })).body);

  const gql = (query, variables) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const traceBody = { designId: saved.id, flow: { from: { kind: 'POD', workload: 'app-0' }, to: { kind: 'INTERNET', ip: '93.184.216.34' }, protocol: 'TCP', port: 443 } };
  const trace = await json(planner, 'POST', '/v1/paths/trace', traceBody);
  const traceHops = trace.body.hops.length;

  let updateCounter = 0;
  const revisions = new Map(updateTargets.map((d) => [d.id, d.revision]));
  const scenarios = [
    { name: 'bare-fastify', request: { url: `${bare}/bare` } },
    { name: 'rest-max-pods', request: { url: `${planner}${maxPodsPath}` } },
    { name: 'graphql-max-pods', request: { url: `${planner}/graphql`, ...gql('query MaxPods { maxPods(input: { instanceType: "m5.large", prefixDelegation: true }) { instanceType maxPods ipLimitedPods cap capApplied branchEniPods kubeReservedMemoryMiB steps { rule value source } warnings { code message } } }') } },
    { name: 'graphql-max-pods-table', request: { url: `${planner}/graphql`, ...gql('query Table { maxPodsTable { items { instanceType maxPods ipLimitedPods cap capApplied } skipped { instanceType } } }') } },
    { name: 'rest-subnet-usage', request: { url: `${planner}/v1/capacity/subnet-usage`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subnet: { cidr: '10.0.0.0/22' }, cni: { prefixDelegation: true }, nodeGroups: [{ instanceType: 'm5.large', nodes: 12, podsPerNode: 25 }, { instanceType: 'c5.xlarge', nodes: 8, podsPerNode: 40 }] }) } },
    { name: `rest-trace-${traceHops}-hops`, request: { url: `${planner}/v1/paths/trace`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(traceBody) } },
    { name: 'rest-plan-medium-design', request: { url: `${planner}/v1/designs/${saved.id}/plan` } },
    { name: 'rest-design-read', request: { url: `${planner}/v1/designs/${saved.id}` } },
    {
      name: 'rest-design-update',
      request: {
        url: planner,
        requests: [{
          method: 'PUT',
          setupRequest: (request, context) => {
            context.design ??= updateTargets[updateCounter++ % updateTargets.length];
            return { ...request, path: `/v1/designs/${context.design.id}`, headers: { 'content-type': 'application/json', 'if-match': `"${revisions.get(context.design.id)}"` }, body: JSON.stringify({ ...medium, name: context.design.name }) };
          },
          onResponse: (status, body, context) => {
            if (status === 200) revisions.set(context.design.id, JSON.parse(body).revision);
          },
        }],
      },
    },
  ].filter((s) => !ONLY || ONLY.includes(s.name) || s.name === 'bare-fastify');

  const results = [];
  for (const scenario of scenarios) {
    log(`measuring ${scenario.name} (${WARMUP}s warm-up + ${DURATION}s, ${CONNECTIONS} connections)…`);
    results.push(await measure(scenario));
  }
  const bareResult = results[0];
  for (const r of results) r.ratioToBare = Number((r.requestsPerSecond / bareResult.requestsPerSecond).toFixed(3));

  // Server time of the whole-catalog table: one connection, so latency is not queueing.
  const tableServerTime = await cannon({ url: `${planner}/v1/capacity/max-pods-table`, connections: 1, duration: 5 });
  const tableEngine = await engineSeconds(planner, 'capacity.max_pods_table');

  const scaling = await planScaling(planner, fixtures.largeDesign);

  const byName = Object.fromEntries(results.map((r) => [r.name.replace(/-\d+-hops$/, ''), r]));
  const targets = [
    target('REST max-pods ≥ 0.5 × bare req/s', byName['rest-max-pods']?.ratioToBare, (v) => v >= 0.5),
    target('GraphQL max-pods ≥ 0.25 × bare req/s', byName['graphql-max-pods']?.ratioToBare, (v) => v >= 0.25),
    target('REST max-pods p99 < 10 ms at 50 connections', byName['rest-max-pods']?.latencyP99Ms, (v) => v < 10),
    target('GraphQL max-pods p99 < 10 ms at 50 connections', byName['graphql-max-pods']?.latencyP99Ms, (v) => v < 10),
    target('whole-catalog table < 50 ms server time (p50, 1 connection)', tableServerTime.latency.p50, (v) => v < 50),
    target('plan of 1,000 node groups < 1 s', scaling.find((s) => s.nodeGroups === 1000)?.medianMs, (v) => v < 1000),
    target('plan 1,000 ≤ 12 × plan 100', scaling.find((s) => s.nodeGroups === 1000)?.growthVsPrevious, (v) => v <= 12),
  ];

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    settings: { connections: CONNECTIONS, durationSeconds: DURATION, warmupSeconds: WARMUP, logLevel: 'warn' },
    coldStartMs,
    scenarios: results,
    maxPodsTable: { p50Ms: tableServerTime.latency.p50, p99Ms: tableServerTime.latency.p99, engineMeanMs: tableEngine },
    planScaling: scaling,
    targets,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  print(report);
  children.forEach((c) => c.kill('SIGTERM'));
  await new Promise((done) => setTimeout(done, 1500));
  process.exit(0);
}

function mediumDesign(largeDesign) {
  const design = largeDesign({ subnets: 60, nodeGroups: 20 });
  const extra = Array.from({ length: 30 }, (_, i) => ({ name: `worker-${i}`, namespace: 'batch', nodeGroup: `group-${i % 20}`, replicas: 3 }));
  return { ...design, name: 'bench-medium', workloads: [...design.workloads, ...extra] };
}

async function engineSeconds(base, engine) {
  const text = (await fetch(`${base}/metrics`).then((r) => r.text()));
  const pick = (suffix) => Number(text.split('\n').find((l) => l.startsWith(`planner_engine_duration_seconds_${suffix}{engine="${engine}"}`))?.split(' ').pop());
  const mean = pick('sum') / pick('count');
  return Number.isFinite(mean) ? Number((mean * 1000).toFixed(2)) : null;
}

/** Plan time per design size through POST /v1/plan (validation + every engine + serialization), median of 5 runs. */
async function planScaling(base, largeDesign) {
  const sizes = [{ nodeGroups: 10, subnets: 30 }, { nodeGroups: 100, subnets: 300 }, { nodeGroups: 1000, subnets: 3000 }];
  const rows = [];
  for (const size of sizes) {
    const design = largeDesign(size);
    await json(base, 'POST', '/v1/plan', design);
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await json(base, 'POST', '/v1/plan', design);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const medianMs = Number(times[2].toFixed(1));
    const previous = rows[rows.length - 1];
    rows.push({ ...size, workloads: design.workloads.length, medianMs, growthVsPrevious: previous ? Number((medianMs / previous.medianMs).toFixed(2)) : null });
  }
  return rows;
}

function target(name, value, holds) {
  return { name, value: value ?? null, holds: value === undefined || value === null ? false : holds(value) };
}

function print(report) {
  const pad = (s, n) => String(s).padEnd(n);
  const lines = [
    '',
    `${pad('scenario', 32)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('× bare', 9)}failures`,
    ...report.scenarios.map((r) => `${pad(r.name, 32)}${pad(r.requestsPerSecond, 10)}${pad(r.latencyP50Ms, 9)}${pad(r.latencyP99Ms, 9)}${pad(r.ratioToBare, 9)}${r.failures}`),
    '',
    `whole-catalog max-pods table (1 connection): p50 ${report.maxPodsTable.p50Ms} ms, p99 ${report.maxPodsTable.p99Ms} ms, engine mean ${report.maxPodsTable.engineMeanMs} ms`,
    '',
    'plan time by design size (POST /v1/plan, median of 5):',
    ...report.planScaling.map((s) => `  ${pad(`${s.nodeGroups} node groups / ${s.subnets} subnets`, 36)}${pad(`${s.medianMs} ms`, 12)}${s.growthVsPrevious === null ? '' : `×${s.growthVsPrevious} vs previous`}`),
    '',
    `cold start (process start to listening, fresh embedded Postgres): ${report.coldStartMs} ms`,
    '',
    'targets:',
    ...report.targets.map((t) => `  ${t.holds ? 'HOLDS ' : 'MISSED'}  ${t.name}: ${t.value}`),
    '',
    'written to bench/results/latest.json',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  log(error.stack ?? String(error));
  children.forEach((c) => c.kill('SIGTERM'));
  process.exit(1);
});
