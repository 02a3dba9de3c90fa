/**
 * In-process engine timings that used to be asserted in specs (a busy machine must not fail a test): the whole-catalog
 * max-pods table, the eksctl YAML refusals and a large import, DesignSpec validation at 3,000 subnets. Run by
 * bench/run.mjs after the HTTP scenarios; `node bench/engine-timings.mjs` runs them alone (after `npm run build` and
 * the fixture build of bench/tsconfig.fixtures.json). Each figure is the median of RUNS runs after one warm-up.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const RUNS = 5;

function medianMs(run) {
  run();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(RUNS / 2)].toFixed(1));
}

/** Runs `action`, which must throw a planning error with `code`; a wrong outcome fails the bench, not a timing. */
function refused(action, code) {
  return () => {
    try {
      action();
    } catch (error) {
      if (error?.code === code) return;
      throw error;
    }
    throw new Error(`expected ${code}`);
  };
}

export async function engineTimings(root) {
  const load = (path) => import(pathToFileURL(join(root, path)).href);
  const { computeMaxPodsTable } = await load('dist/domain/capacity/index.js');
  const { AWS_CATALOG } = await load('dist/domain/catalog/data/aws-catalog.data.js');
  const { importEksctl } = await load('dist/domain/eksctl/index.js');
  const { validateDesignSpec } = await load('dist/domain/spec/design-spec.validator.js');
  const hostile = await load('.data/bench-build/test/fixtures/eksctl/hostile-yaml.fixture.js');
  const { largeDesign } = await load('.data/bench-build/test/fixtures/spec/large-design.fixture.js');

  const tableOptions = { launcher: 'NODEADM', maxPodsExpression: 'max_pods < 110 ? max_pods : 110' };
  const names = new Set(AWS_CATALOG.instanceTypes.map((type) => type.name));
  const context = { instanceTypeNames: (catalog) => (catalog === AWS_CATALOG.name ? names : undefined) };
  const validates = (design) => () => {
    if (!validateDesignSpec(design, context).ok) throw new Error('the large design should validate');
  };
  const bomb = `${hostile.EKSCTL_HEADER}${hostile.billionLaughs()}`;
  const oversized = hostile.oversizedConfig();
  const large = hostile.largeEksctlConfig(1500);

  return {
    maxPodsTableMs: medianMs(() => computeMaxPodsTable(AWS_CATALOG.instanceTypes, tableOptions)),
    eksctl: {
      billionLaughsRefusalMs: medianMs(refused(() => importEksctl(bomb), 'YAML_ALIAS_LIMIT_EXCEEDED')),
      oversizedRefusalMs: medianMs(refused(() => importEksctl(oversized), 'YAML_TOO_LARGE')),
      tooDeepRefusalMs: Object.fromEntries(
        hostile.TOO_DEEP_CONFIGS.map(([name, text]) => [name, medianMs(refused(() => importEksctl(text), 'YAML_TOO_DEEP'))]),
      ),
      import1500NodeGroupsMs: medianMs(() => importEksctl(large)),
    },
    designValidation: {
      ipv4Ms: medianMs(validates(largeDesign())),
      dualStackMs: medianMs(validates(largeDesign({ dualStack: true }))),
    },
  };
}

/** The targets these timings are held to (the budgets the specs used to assert). */
export function engineTargets(timings, target) {
  const deepest = Math.max(...Object.values(timings.eksctl.tooDeepRefusalMs));
  return [
    target('whole-catalog max-pods table in-process (CEL expression) < 50 ms', timings.maxPodsTableMs, (v) => v < 50),
    target('eksctl billion-laughs refusal < 2 s', timings.eksctl.billionLaughsRefusalMs, (v) => v < 2000),
    target('eksctl 5 MB refusal < 500 ms', timings.eksctl.oversizedRefusalMs, (v) => v < 500),
    target('eksctl too-deep refusals < 1 s (slowest)', deepest, (v) => v < 1000),
    target('eksctl import of 1,500 node groups < 5 s', timings.eksctl.import1500NodeGroupsMs, (v) => v < 5000),
  ];
}

export function engineLines(timings) {
  const deep = Object.entries(timings.eksctl.tooDeepRefusalMs)
    .map(([name, ms]) => `${name} ${ms} ms`)
    .join('; ');
  return [
    `engines in-process (median of ${RUNS}):`,
    `  max-pods table, 1,391 types with a CEL expression: ${timings.maxPodsTableMs} ms`,
    `  eksctl: billion-laughs refused in ${timings.eksctl.billionLaughsRefusalMs} ms, 5 MB refused in ${timings.eksctl.oversizedRefusalMs} ms, 1,500 node groups imported in ${timings.eksctl.import1500NodeGroupsMs} ms`,
    `  eksctl too deep: ${deep}`,
    `  DesignSpec validation, 3,000 subnets / 1,000 node groups: IPv4 ${timings.designValidation.ipv4Ms} ms, dual-stack ${timings.designValidation.dualStackMs} ms`,
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  if (!process.env.BENCH_SKIP_BUILD) {
    for (const args of [
      ['npm', ['run', 'build']],
      [process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'bench/tsconfig.fixtures.json')]],
    ]) {
      const built = spawnSync(args[0], args[1], { cwd: root, stdio: 'inherit' });
      if (built.status !== 0) process.exit(built.status ?? 1);
    }
  }
  const timings = await engineTimings(root);
  const target = (name, value, holds) => ({ name, value, holds: holds(value) });
  process.stdout.write(
    `${[...engineLines(timings), 'targets:', ...engineTargets(timings, target).map((t) => `  ${t.holds ? 'HOLDS ' : 'MISSED'}  ${t.name}: ${t.value}`)].join('\n')}\n`,
  );
}
