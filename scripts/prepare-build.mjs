// `npm install` builds the app and the CLI (package.json "bin": dist/cli/main.js), so `npx eks-network-planner` works
// right after it. Skipped where there is nothing to build yet: the Dockerfile runs `npm ci` before it copies src/, and a
// production-only install has no TypeScript.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const missing = ['src', 'tsconfig.build.json', 'node_modules/typescript'].filter((path) => !existsSync(path));
if (missing.length > 0) {
  console.log(`prepare: not building (${missing.join(', ')} missing)`);
  process.exit(0);
}
const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
