// Re-syncs the bundled `aws` catalog (src/domain/catalog/data/aws-instance-types.json) from the team's extracted
// instance data, a development step only: the app never reads ../shared at run time.
//   node scripts/sync-aws-catalog.mjs <instance-types.json> "<source version>"
// The project's shape differs from the extract in two ways: `hypervisor` is upper-case (NITRO/XEN/UNKNOWN) and every
// type carries its `family`. The source version is what the seeder compares (with a digest of the data) to decide
// whether the stored rows must be rewritten, so give each re-sync a version that names its commits.
import { readFileSync, writeFileSync } from 'node:fs';

const TARGET = new URL('../src/domain/catalog/data/aws-instance-types.json', import.meta.url);
const [sourcePath, sourceVersion] = process.argv.slice(2);
if (!sourcePath || !sourceVersion) {
  console.error('usage: node scripts/sync-aws-catalog.mjs <instance-types.json> "<source version>"');
  process.exit(2);
}

const current = JSON.parse(readFileSync(TARGET, 'utf8'));
const extracted = JSON.parse(readFileSync(sourcePath, 'utf8'));
const familyOf = (name) => (name.includes('.') ? name.slice(0, name.indexOf('.')) : name);
const types = extracted
  .map((t) => ({
    name: t.name,
    family: familyOf(t.name),
    vcpu: t.vcpu ?? null,
    maxEnis: t.maxEnis,
    ipv4PerEni: t.ipv4PerEni,
    hypervisor: String(t.hypervisor).toUpperCase(),
    bareMetal: t.bareMetal,
    networkCards: t.networkCards.map((card) => ({ index: card.index, maxEnis: card.maxEnis })),
    defaultNetworkCardIndex: t.defaultNetworkCardIndex,
    branchInterfaces: t.branchInterfaces ?? null,
    trunkingCompatible: t.trunkingCompatible ?? null,
  }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const before = new Map(current.instanceTypes.map((t) => [t.name, JSON.stringify(t)]));
const changed = types.filter((t) => before.get(t.name) !== JSON.stringify(t)).map((t) => t.name);
const removed = [...before.keys()].filter((name) => !types.some((t) => t.name === name));
const head = JSON.stringify({ source: current.source, sourceVersion, instanceTypes: [] }).slice(0, -2);
writeFileSync(TARGET, `${head}${types.map((t) => JSON.stringify(t)).join(',\n')}]}`);
console.log(`${types.length} types; changed or added: ${changed.join(', ') || 'none'}; removed: ${removed.join(', ') || 'none'}`);
