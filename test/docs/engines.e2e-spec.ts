/**
 * `engines.node` in package.json is the Node range every installed dependency accepts, but for the few packages named
 * below, which declare Node 22 and run on Node 20 all the same (this suite runs on Node 20; README "Node versions").
 * A dependency that raises its floor fails here, so the range and the README are revisited instead of drifting.
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/** package@version: the engines range it declares, which leaves out Node 20 although the suite passes on it. */
const DECLARE_NODE_22_RUN_ON_20: Record<string, string> = {
  'content-disposition@3.1.0': '>=22', // @fastify/static
  'cookie@2.0.2': '>=22', // light-my-request (@nestjs/platform-fastify)
  'file-type@22.3.0': '>=22', // @nestjs/common
  '@whatwg-node/promise-helpers@2.0.2': '>=22.15.0', // @graphql-tools/utils (@apollo/server)
  '@prisma/streams-local@0.1.11': '>=22.0.0', // prisma's `prisma dev` (dev dependency)
};

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
  os?: string[];
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };

describe('engines.node', () => {
  it('is a range every dependency accepts, apart from the named Node-22 declarations', () => {
    const ours = pkg.engines.node;
    const refusing: Record<string, string> = {};
    for (const [path, info] of Object.entries(lock.packages)) {
      const range = !Array.isArray(info.engines) ? info.engines?.node : undefined;
      if (!path || !range || (info.optional && info.os && !info.os.includes('linux'))) continue;
      if (!semver.subset(ours, range, { includePrerelease: false })) {
        refusing[`${path.replace(/^.*node_modules\//, '')}@${info.version}`] = range;
      }
    }
    expect(refusing).toEqual(DECLARE_NODE_22_RUN_ON_20);
    // For each of them the Node 22 part of our range is accepted: only the 20.x line is the exception.
    for (const range of Object.values(DECLARE_NODE_22_RUN_ON_20)) expect(semver.subset('^22.15.0 || >=24', range)).toBe(true);
  });

  it('includes the Node this suite runs on', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});
