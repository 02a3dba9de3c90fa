#!/usr/bin/env node
/**
 * npm run bench — throughput and latency of the planner against the floors of its own stack, driven in the same run by
 * autocannon (50 connections): a minimal Nest + Fastify app and a minimal Apollo Server on Fastify serving the same
 * bytes (the targets are stated against these), and a bare Fastify handler (the machine's limit, shown beside).
 * Absolute numbers on shared 2-core machines drift; ratios within one run are what the targets are stated in.
 * It also reports the planner's RSS idle, after each scenario and over ten identical rounds of large answers.
 *
 * Environment: BENCH_DURATION (seconds per scenario, default 10), BENCH_WARMUP (default 3), BENCH_CONNECTIONS (50),
 * BENCH_ONLY (comma-separated scenario names), BENCH_SKIP_BUILD=1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { engineLines, engineTargets, engineTimings } from './engine-timings.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ONLY = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
/** The planner logs one JSON line per request at `info` (production default); BENCH_LOG_LEVEL=warn measures without. */
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const DATA_DIR = join(ROOT, '.data', 'bench-postgres');

const children = [];
/** The bounds of the planner's answer caches (the defaults of REST_RESPONSE_CACHE_MAX_BYTES, GRAPHQL_RESULT_CACHE_MAX_BYTES). */
const CACHE_BOUNDS_MIB = { restResponses: 64, graphqlResults: 64 };
const MEMORY_ROUNDS = 10;
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

/**
 * Starts a server with its output going to a file, as a container runtime would take it: the benchmark process (which
 * also runs autocannon) must not spend CPU reading a log stream.
 */
function start(command, args, env, readyText, name) {
  const logFile = join(ROOT, '.data', `bench-${name}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'w');
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  closeSync(out);
  children.push(child);
  return new Promise((resolve, reject) => {
    const exited = () =>
      reject(new Error(`${command} ${args.join(' ')} exited; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`));
    child.once('exit', exited);
    const poll = setInterval(() => {
      if (readFileSync(logFile, 'utf8').includes(readyText)) {
        clearInterval(poll);
        child.off('exit', exited);
        resolve(child);
      }
    }, 100);
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

/** Resident set size of a process in MiB (Linux /proc), or null where /proc is missing. */
function rssMiB(pid) {
  try {
    const kib = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kib) ? Number((kib / 1024).toFixed(1)) : null;
  } catch {
    return null;
  }
}

/** User + system CPU seconds of a process so far (Linux /proc, clock ticks of 10 ms), NaN where /proc is missing. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function measure(scenario, pid) {
  await scenario.beforeRun?.();
  await cannon({ ...scenario.request, duration: WARMUP });
  await scenario.beforeRun?.();
  const cpuBefore = cpuSeconds(pid);
  const result = await cannon({ ...scenario.request, duration: DURATION });
  const cpu = cpuSeconds(pid) - cpuBefore;
  const failures = result.non2xx + result.errors + result.timeouts;
  return {
    // CPU the server spent per answer (user + system): unlike req/s, it hardly moves with what else runs on the machine.
    serverCpuUsPerRequest: result.requests.total > 0 && Number.isFinite(cpu) ? Math.round((cpu * 1e6) / result.requests.total) : null,
    timeouts: result.timeouts,
    ...(scenario.planner ? { plannerRssMiB: rssMiB(pid) } : {}),
    name: scenario.name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    failures,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count])),
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
  const plannerProcess = await start(
    process.execPath,
    ['dist/main.js'],
    {
      PORT: String(plannerPort),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      EMBEDDED_PG_DATA_DIR: DATA_DIR,
      AUTH_MODE: 'dev-insecure',
      RATE_LIMIT_PER_MINUTE: '10000000',
      LOG_LEVEL: LOG_LEVEL,
      DATABASE_POOL_SIZE: '20',
      NODE_ENV: 'production',
    },
    'EKS Network Planner listening on',
    'planner',
  );
  const coldStartMs = Date.now() - started;

  // The fixed body for the bare handler: exactly what the planner answers for the REST max-pods scenario.
  const maxPodsPath = '/v1/capacity/max-pods?instanceType=m5.large&prefixDelegation=true';
  const sample = await json(planner, 'GET', maxPodsPath);
  const bodyFile = join(ROOT, '.data', 'bench-body.json');
  mkdirSync(dirname(bodyFile), { recursive: true });
  writeFileSync(bodyFile, sample.text);
  const barePort = await freePort();
  const bareProcess = await start(process.execPath, ['bench/bare-server.mjs', String(barePort), bodyFile], {}, 'ready', 'bare');
  const bare = `http://127.0.0.1:${barePort}`;
  const nestPort = await freePort();
  const apolloPort = await freePort();
  const nestProcess = await start(
    process.execPath,
    ['bench/reference-servers.mjs', 'nest', String(nestPort), bodyFile],
    { NODE_ENV: 'production' },
    'ready',
    'floor-nest',
  );
  const apolloProcess = await start(
    process.execPath,
    ['bench/reference-servers.mjs', 'apollo', String(apolloPort), bodyFile],
    { NODE_ENV: 'production' },
    'ready',
    'floor-apollo',
  );

  // The fixtures live under test/ (never in dist): compile the one the bench needs on its own.
  const fixtureBuild = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'bench/tsconfig.fixtures.json')],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (fixtureBuild.status !== 0) process.exit(fixtureBuild.status ?? 1);
  const fixtures = await import(pathToFileURL(join(ROOT, '.data/bench-build/test/fixtures/spec/large-design.fixture.js')).href);
  const medium = mediumDesign(fixtures.largeDesign);
  const saved = (await json(planner, 'POST', '/v1/designs', medium)).body;
  const updateTargets = [];
  for (let i = 0; i < 2 * CONNECTIONS; i++)
    updateTargets.push((await json(planner, 'POST', '/v1/designs', { ...medium, name: `bench-update-${i}` })).body);

  const gql = (query, variables) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  // Internet client → IGW → NLB → node (kube-proxy DNAT + SNAT, Cluster policy) → VPC → the endpoint on another node.
  const traceBody = {
    designId: saved.id,
    flow: {
      from: { kind: 'INTERNET', ip: '198.51.100.7' },
      to: { kind: 'SERVICE', workload: 'edge', localEndpoint: false },
      protocol: 'TCP',
      port: 443,
    },
  };
  const trace = await json(planner, 'POST', '/v1/paths/trace', traceBody);
  const traceHops = trace.body.hops?.length;
  if (trace.body.verdict !== 'REACHABLE' || traceHops !== 6)
    throw new Error(`the trace scenario should be a reachable 6-hop flow: ${trace.text.slice(0, 300)}`);

  const tableQuery =
    'query Table { maxPodsTable { items { instanceType maxPods ipLimitedPods cap capApplied } skipped { instanceType } } }';
  const restTablePath = '/v1/capacity/max-pods-table';
  const idleRssMiB = rssMiB(plannerProcess.pid);
  const revisions = new Map(updateTargets.map((d) => [d.id, d.revision]));
  let idle = [...updateTargets];
  const maxPodsQuery =
    'query MaxPods { maxPods(input: { instanceType: "m5.large", prefixDelegation: true }) { instanceType maxPods ipLimitedPods cap capApplied branchEniPods kubeReservedMemoryMiB steps { rule value source } warnings { code message } } }';
  const scenarios = [
    { name: 'bare-fastify', pid: bareProcess.pid, request: { url: `${bare}/bare` } },
    { name: 'floor-nest-fastify', pid: nestProcess.pid, request: { url: `http://127.0.0.1:${nestPort}/fixed` } },
    {
      name: 'floor-apollo-fastify',
      pid: apolloProcess.pid,
      request: { url: `http://127.0.0.1:${apolloPort}/graphql`, ...gql(maxPodsQuery) },
    },
    { name: 'rest-max-pods', request: { url: `${planner}${maxPodsPath}` } },
    { name: 'graphql-max-pods', request: { url: `${planner}/graphql`, ...gql(maxPodsQuery) } },
    // The portal's catalogue page: the whole aws catalog (1,391 rows), many people at once.
    { name: 'rest-max-pods-table', request: { url: `${planner}${restTablePath}` } },
    { name: 'graphql-max-pods-table', request: { url: `${planner}/graphql`, ...gql(tableQuery) } },
    {
      name: 'rest-subnet-usage',
      request: {
        url: `${planner}/v1/capacity/subnet-usage`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          subnet: { cidr: '10.0.0.0/22' },
          cni: { prefixDelegation: true },
          nodeGroups: [
            { instanceType: 'm5.large', nodes: 12, podsPerNode: 25 },
            { instanceType: 'c5.xlarge', nodes: 8, podsPerNode: 40 },
          ],
        }),
      },
    },
    {
      name: `rest-trace-${traceHops}-hops`,
      request: {
        url: `${planner}/v1/paths/trace`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(traceBody),
      },
    },
    { name: 'rest-plan-medium-design', request: { url: `${planner}/v1/designs/${saved.id}/plan` } },
    { name: 'rest-design-read', request: { url: `${planner}/v1/designs/${saved.id}` } },
    {
      name: 'rest-design-update',
      // Requests cut off when a run ends never hand their design back, and may have saved a revision nobody read.
      beforeRun: async () => {
        for (const design of updateTargets)
          revisions.set(design.id, (await json(planner, 'GET', `/v1/designs/${design.id}`)).body.revision);
        idle = [...updateTargets];
      },
      request: {
        url: planner,
        requests: [
          {
            method: 'PUT',
            // A design is leased to one request at a time (as many designs as connections), so updates never conflict
            // and the scenario measures the write path, not 412s.
            setupRequest: (request, context) => {
              context.design = idle.shift();
              return {
                ...request,
                path: `/v1/designs/${context.design.id}`,
                headers: { 'content-type': 'application/json', 'if-match': `"${revisions.get(context.design.id)}"` },
                body: JSON.stringify({ ...medium, name: context.design.name }),
              };
            },
            onResponse: (status, body, context) => {
              if (status === 200) revisions.set(context.design.id, JSON.parse(body).revision);
              idle.push(context.design);
            },
          },
        ],
      },
    },
  ]
    .map((s) => ({ ...s, planner: s.request.url.startsWith(planner) }))
    .filter((s) => !ONLY || ONLY.includes(s.name) || s.name === 'bare-fastify' || s.name.startsWith('floor-'));

  const results = [];
  for (const scenario of scenarios) {
    log(`measuring ${scenario.name} (${WARMUP}s warm-up + ${DURATION}s, ${CONNECTIONS} connections)…`);
    results.push(await measure(scenario, scenario.pid ?? plannerProcess.pid));
  }
  const bareResult = results[0];
  const floorName = (name) => (name.startsWith('rest-') ? 'floor-nest-fastify' : name.startsWith('graphql-') ? 'floor-apollo-fastify' : '');
  const floorOf = (name) => results.find((r) => r.name === name)?.requestsPerSecond;
  for (const r of results) {
    r.ratioToBare = Number((r.requestsPerSecond / bareResult.requestsPerSecond).toFixed(3));
    // The same route on the mandated framework with nothing of ours on it: what the stack alone allows.
    const floor = floorOf(floorName(r.name));
    r.ratioToFrameworkFloor = floor ? Number((r.requestsPerSecond / floor).toFixed(3)) : null;
    // The same ratio from CPU per answer (floor's CPU / ours): what req/s would be if each server had a core to itself.
    const floorCpu = results.find((f) => f.name === floorName(r.name))?.serverCpuUsPerRequest;
    r.cpuRatioToFrameworkFloor = floorCpu && r.serverCpuUsPerRequest ? Number((floorCpu / r.serverCpuUsPerRequest).toFixed(3)) : null;
  }

  // Server time of the whole-catalog table: one connection, so latency is not queueing.
  const tableServerTime = await cannon({ url: `${planner}/graphql`, ...gql(tableQuery), connections: 1, duration: 5 });
  const restTableServerTime = await cannon({
    url: `${planner}/v1/capacity/max-pods-table?launcher=MANAGED_NODE_GROUP`,
    connections: 1,
    duration: 5,
  });
  const tableEngine = await engineSeconds(planner, 'capacity.max_pods_table');

  const scaling = await planScaling(planner, fixtures.largeDesign);
  const engines = await engineTimings(ROOT);
  const memory = await memoryRounds(planner, gql(tableQuery).body, restTablePath, fixtures.largeDesign, plannerProcess.pid, idleRssMiB);

  const byName = Object.fromEntries(results.map((r) => [r.name.replace(/-\d+-hops$/, ''), r]));
  const restTable = byName['rest-max-pods-table'];
  const gqlTable = byName['graphql-max-pods-table'];
  const besideBare = (r) => (r ? ` (× bare ${r.ratioToBare}; by CPU per answer × floor ${r.cpuRatioToFrameworkFloor})` : '');
  const targets = [
    target(
      `REST max-pods ≥ 0.6 × the Nest + Fastify floor${besideBare(byName['rest-max-pods'])}`,
      byName['rest-max-pods']?.ratioToFrameworkFloor,
      (v) => v >= 0.6,
    ),
    target(`REST max-pods p99 < 10 ms at ${CONNECTIONS} connections`, byName['rest-max-pods']?.latencyP99Ms, (v) => v < 10),
    target(
      `GraphQL max-pods ≥ 0.8 × the Apollo Server floor${besideBare(byName['graphql-max-pods'])}`,
      byName['graphql-max-pods']?.ratioToFrameworkFloor,
      (v) => v >= 0.8,
    ),
    target(
      `whole-catalog GraphQL maxPodsTable: no request over 10 s at ${CONNECTIONS} connections (timeouts)`,
      gqlTable?.timeouts,
      (v) => v === 0,
    ),
    target(`whole-catalog GraphQL maxPodsTable p99 < 2 s at ${CONNECTIONS} connections (ms)`, gqlTable?.latencyP99Ms, (v) => v < 2000),
    target(
      'whole-catalog GraphQL maxPodsTable ≥ 0.8 × the REST table req/s',
      gqlTable && restTable ? Number((gqlTable.requestsPerSecond / restTable.requestsPerSecond).toFixed(2)) : undefined,
      (v) => v >= 0.8,
    ),
    target('whole-catalog GraphQL maxPodsTable < 50 ms server time (p50, 1 connection)', tableServerTime.latency.p50, (v) => v < 50),
    target('plan of 1,000 node groups < 1 s', scaling.find((s) => s.nodeGroups === 1000)?.medianMs, (v) => v < 1000),
    target('plan 1,000 ≤ 12 × plan 100', scaling.find((s) => s.nodeGroups === 1000)?.growthVsPrevious, (v) => v <= 12),
    ...engineTargets(engines, target),
    target(
      `RSS growth over ${MEMORY_ROUNDS} identical rounds (peak of the last half − peak of the first) ≤ the answer caches' bounds (${memory.cacheBoundsMiB} MiB)`,
      memory.growthMiB,
      (v) => v <= memory.cacheBoundsMiB,
    ),
  ];

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    settings: { connections: CONNECTIONS, durationSeconds: DURATION, warmupSeconds: WARMUP, logLevel: LOG_LEVEL, nodeEnv: 'production' },
    coldStartMs,
    scenarios: results,
    maxPodsTable: {
      graphql: { p50Ms: tableServerTime.latency.p50, p99Ms: tableServerTime.latency.p99 },
      rest: { p50Ms: restTableServerTime.latency.p50, p99Ms: restTableServerTime.latency.p99 },
      engineMeanMs: tableEngine,
    },
    planScaling: scaling,
    engines,
    memory,
    targets,
  };
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  print(report);
  children.forEach((c) => c.kill('SIGTERM'));
  await new Promise((done) => setTimeout(done, 1500));
  process.exit(0);
}

/** 20 node groups, 60 subnets, 50 workloads; `edge` is public behind an NLB with instance targets (the 6-hop trace). */
function mediumDesign(largeDesign) {
  const design = largeDesign({ subnets: 60, nodeGroups: 20 });
  const extra = Array.from({ length: 29 }, (_, i) => ({
    name: `worker-${i}`,
    namespace: 'batch',
    nodeGroup: `group-${i % 20}`,
    replicas: 3,
  }));
  const edge = {
    name: 'edge',
    namespace: 'apps',
    nodeGroup: 'group-0',
    replicas: 2,
    expose: { audience: 'INTERNET', protocol: 'TCP', port: 443, targetPort: 8443, targetType: 'INSTANCE' },
  };
  return { ...design, name: 'bench-medium', workloads: [...design.workloads, ...extra, edge] };
}

async function engineSeconds(base, engine) {
  const text = await fetch(`${base}/metrics`).then((r) => r.text());
  const pick = (suffix) =>
    Number(
      text
        .split('\n')
        .find((l) => l.startsWith(`planner_engine_duration_seconds_${suffix}{engine="${engine}"}`))
        ?.split(' ')
        .pop(),
    );
  const mean = pick('sum') / pick('count');
  return Number.isFinite(mean) ? Number((mean * 1000).toFixed(2)) : null;
}

/**
 * Ten identical rounds of the largest answers: 50 concurrent whole-catalog tables over GraphQL and REST each, and three
 * plans of 1,000 node groups. With bounded caches and nothing kept per request, RSS settles after the first round.
 */
async function memoryRounds(base, tableBody, restTablePath, largeDesign, pid, idleRssMiB) {
  const design = largeDesign({ nodeGroups: 1000, subnets: 3000 });
  const startRssMiB = rssMiB(pid);
  const afterRound = [];
  for (let round = 0; round < MEMORY_ROUNDS; round++) {
    log(`memory round ${round + 1}/${MEMORY_ROUNDS}…`);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: tableBody }).then((r) =>
              r.text(),
            )
          : fetch(`${base}${restTablePath}`).then((r) => r.text()),
      ),
    );
    for (let i = 0; i < 3; i++) await json(base, 'POST', '/v1/plan', design);
    afterRound.push(rssMiB(pid));
  }
  const cacheBoundsMiB = CACHE_BOUNDS_MIB.restResponses + CACHE_BOUNDS_MIB.graphqlResults;
  // A round's garbage (multi-MB plans and their JSON) waits for V8's next full collection, so RSS after a round is a
  // sawtooth a few rounds long, and the last round minus the first says where in the tooth the run ended. What keeps
  // growing is what is retained: the highest RSS of the last half of the rounds against that of the first half.
  const measured = afterRound.every((v) => v !== null);
  const half = Math.floor(afterRound.length / 2);
  const growthMiB = measured ? Number((Math.max(...afterRound.slice(half)) - Math.max(...afterRound.slice(0, half))).toFixed(1)) : null;
  const lastMinusFirstMiB = measured && startRssMiB !== null ? Number((afterRound.at(-1) - startRssMiB).toFixed(1)) : null;
  return { idleRssMiB, beforeRoundsRssMiB: startRssMiB, afterRoundRssMiB: afterRound, growthMiB, lastMinusFirstMiB, cacheBoundsMiB };
}

/** Plan time per design size through POST /v1/plan (validation + every engine + serialization), median of 5 runs. */
async function planScaling(base, largeDesign) {
  const sizes = [
    { nodeGroups: 10, subnets: 30 },
    { nodeGroups: 100, subnets: 300 },
    { nodeGroups: 1000, subnets: 3000 },
  ];
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
    rows.push({
      ...size,
      workloads: design.workloads.length,
      medianMs,
      growthVsPrevious: previous ? Number((medianMs / previous.medianMs).toFixed(2)) : null,
    });
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
    `${pad('scenario', 32)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('× bare', 9)}${pad('× floor', 9)}${pad('CPU µs/req', 12)}${pad('× floor CPU', 13)}${pad('failures', 10)}${pad('timeouts', 10)}RSS MiB after`,
    ...report.scenarios.map(
      (r) =>
        `${pad(r.name, 32)}${pad(r.requestsPerSecond, 10)}${pad(r.latencyP50Ms, 9)}${pad(r.latencyP99Ms, 9)}${pad(r.ratioToBare, 9)}${pad(r.ratioToFrameworkFloor ?? '', 9)}${pad(r.serverCpuUsPerRequest ?? '', 12)}${pad(r.cpuRatioToFrameworkFloor ?? '', 13)}${pad(r.failures, 10)}${pad(r.timeouts, 10)}${r.plannerRssMiB ?? ''}`,
    ),
    '(× floor: against the same stack serving the same body with nothing of ours — floor-nest-fastify for REST, floor-apollo-fastify for GraphQL;',
    " × floor CPU: the floor's server CPU per answer over ours, the same ratio without the noise of a shared machine)",
    `planner RSS idle (before the first scenario): ${report.memory.idleRssMiB} MiB`,
    '',
    `whole-catalog max-pods table, 1,391 rows (1 connection): GraphQL p50 ${report.maxPodsTable.graphql.p50Ms} ms / p99 ${report.maxPodsTable.graphql.p99Ms} ms; REST p50 ${report.maxPodsTable.rest.p50Ms} ms / p99 ${report.maxPodsTable.rest.p99Ms} ms; engine mean ${report.maxPodsTable.engineMeanMs} ms`,
    '',
    'plan time by design size (POST /v1/plan, median of 5):',
    ...report.planScaling.map(
      (s) =>
        `  ${pad(`${s.nodeGroups} node groups / ${s.subnets} subnets`, 36)}${pad(`${s.medianMs} ms`, 12)}${s.growthVsPrevious === null ? '' : `×${s.growthVsPrevious} vs previous`}`,
    ),
    '',
    ...engineLines(report.engines),
    '',
    `cold start (process start to listening, fresh embedded Postgres): ${report.coldStartMs} ms`,
    '',
    `memory, ${report.memory.afterRoundRssMiB.length} identical rounds (50 whole-catalog tables over GraphQL and REST, 3 plans of 1,000 node groups):`,
    `  RSS before ${report.memory.beforeRoundsRssMiB} MiB, after each round ${report.memory.afterRoundRssMiB.join(' / ')} MiB; growth (highest RSS of the last half of the rounds − highest of the first half) ${report.memory.growthMiB} MiB, last round − before ${report.memory.lastMinusFirstMiB} MiB (caches bounded at ${report.memory.cacheBoundsMiB} MiB)`,
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
