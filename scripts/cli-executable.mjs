// tsc writes files without the execute bit; the CLI entry (package.json "bin") keeps its `#!/usr/bin/env node`
// line, and this makes it runnable directly (./dist/cli/main.js) as well as through npm's bin link.
import { chmodSync, existsSync } from 'node:fs';

const entry = process.argv[2] ?? 'dist/cli/main.js';
if (existsSync(entry)) chmodSync(entry, 0o755);
