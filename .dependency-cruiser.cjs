/**
 * The import direction of the project (npm run deps). Arrows point one way:
 *   app, cli → domain;  app → platform;  platform → domain (errors only in practice);  domain → itself and small libraries.
 * Inside domain: the engines (capacity, exposure, traffic-path) never import each other; the composers (plan, eksctl,
 * aws-import) compose them; the shared vocabulary (spec, catalog, kubernetes, network, errors, findings, json, yaml)
 * imports no engine and no composer.
 */
const ENGINES = ['capacity', 'exposure', 'traffic-path'];
const COMPOSERS = ['plan', 'eksctl', 'aws-import', 'advice'];
const VOCABULARY = ['spec', 'catalog', 'kubernetes', 'network', 'errors', 'findings', 'json', 'yaml', 'sources'];
/** npm packages pure domain code may use: IP math, YAML, CEL, JSON Patch, caches, string distance, diagrams and charts. */
const DOMAIN_LIBRARIES = [
  'ip-address',
  'yaml',
  '@marcbachmann/cel-js',
  'fast-json-patch',
  'lru-cache',
  'fastest-levenshtein',
  'beautiful-mermaid',
  'vega',
];
/** Test-only packages a colocated spec may import. */
const TEST_LIBRARIES = ['vitest', 'fast-check'];

const anyOf = (names) => `(${names.join('|')})`;
const nodeModule = (names) => `^node_modules/${anyOf(names.map((name) => name.replace(/[.+]/g, '\\$&')))}/`;
const SPEC = '\\.spec\\.ts$';

/**
 * Two passes (npm run deps): the shipped code (specs left out), where every rule holds and folders form no cycle; then
 * with the specs and test/ (DEPCRUISE_SCOPE=tests), where colocated specs may reach their fixtures under test/, so the
 * folder rule is left out but the purity and module-cycle rules still hold.
 */
const TESTS = process.env.DEPCRUISE_SCOPE === 'tests';

const rules = [
  {
    name: 'domain-is-pure',
    comment: 'src/domain imports nothing from the application, the platform or the CLI.',
    severity: 'error',
    from: { path: '^src/domain/' },
    to: { path: '^src/(app|platform|cli|generated)/|^src/[^/]+\\.ts$' },
  },
  {
    name: 'domain-uses-no-framework',
    comment:
      'src/domain uses only the small libraries listed in DOMAIN_LIBRARIES (no Nest, Prisma, GraphQL, Fastify, class-validator, I/O).',
    severity: 'error',
    from: { path: '^src/domain/', pathNot: SPEC },
    to: {
      dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
      pathNot: nodeModule(DOMAIN_LIBRARIES),
    },
  },
  {
    name: 'domain-specs-use-test-libraries-only',
    comment: 'A colocated domain spec may add vitest, fast-check and node:fs (to read its fixtures) to what the domain uses.',
    severity: 'error',
    from: { path: `^src/domain/.*${SPEC}` },
    to: {
      dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'],
      pathNot: [nodeModule([...DOMAIN_LIBRARIES, ...TEST_LIBRARIES]), '^(node:)?fs$'],
    },
  },
  {
    name: 'engines-do-not-import-each-other',
    comment: 'An engine never imports another engine; plan and the bridges compose them.',
    severity: 'error',
    from: { path: `^src/domain/(${anyOf(ENGINES)})/` },
    to: { path: `^src/domain/${anyOf(ENGINES)}/`, pathNot: '^src/domain/$1/' },
  },
  {
    name: 'vocabulary-imports-no-engine',
    comment: 'The shared vocabulary (spec, catalog, kubernetes, network, errors, …) sits below every engine and composer.',
    severity: 'error',
    from: { path: `^src/domain/${anyOf(VOCABULARY)}/` },
    to: { path: `^src/domain/${anyOf([...ENGINES, ...COMPOSERS])}/` },
  },
  {
    name: 'engines-import-no-composer',
    comment: 'Composers sit above the engines.',
    severity: 'error',
    from: { path: `^src/domain/${anyOf(ENGINES)}/` },
    to: { path: `^src/domain/${anyOf(COMPOSERS)}/` },
  },
  {
    name: 'platform-knows-no-app',
    comment: 'src/platform (auth, config, persistence, metrics, …) serves every feature and imports none of them, nor the CLI.',
    severity: 'error',
    from: { path: '^src/platform/' },
    to: { path: '^src/(app|cli)/|^src/[^/]+\\.ts$' },
  },
  {
    name: 'cli-uses-the-domain-only',
    comment: 'The CLI runs the domain locally or calls a server over REST; it never loads the Nest application.',
    severity: 'error',
    from: { path: '^src/cli/' },
    to: { path: '^src/(app|platform|generated)/|^src/[^/]+\\.ts$' },
  },
  {
    name: 'app-features-use-services-not-transports',
    comment: "A feature may use another feature's service or DTOs, never its controller or resolver.",
    severity: 'error',
    from: { path: '^src/app/([^/]+)/' },
    to: { path: '^src/app/[^/]+/.*\\.(controller|resolver)\\.ts$', pathNot: '^src/app/$1/' },
  },
  {
    name: 'shipped-code-imports-no-tests',
    comment: 'Fixtures and scenarios live under test/ and never ship in dist.',
    severity: 'error',
    from: { path: '^src/', pathNot: SPEC },
    to: { path: '^test/|\\.spec\\.ts$' },
  },
  {
    name: 'no-module-cycle',
    severity: 'error',
    from: {},
    to: { circular: true },
  },
  {
    name: 'no-folder-cycle',
    comment: 'No cycle between folders at any depth (dependency-cruiser folder scope).',
    severity: 'error',
    scope: 'folder',
    from: {},
    to: { circular: true },
  },
];

module.exports = {
  forbidden: TESTS ? rules.filter((rule) => rule.scope !== 'folder') : rules,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: TESTS ? '^src/generated/' : ['^src/generated/', SPEC] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
