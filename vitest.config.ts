import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC compiles the tests so that Nest's decorator metadata (emitDecoratorMetadata) exists at run time,
// which Vite's default transform does not emit.
const plugins = [swc.vite({ module: { type: 'es6' } })];
// Nest loads graphql through Node (CommonJS index.js); Vite would otherwise hand tests the ESM index.mjs, a second
// copy of graphql-js whose types Nest's schema does not recognise ("from another module or realm").
const resolve = { alias: { graphql: 'graphql/index.js' } };

export default defineConfig({
  test: {
    // Two workers on the 2-core machines: the default (cores − 1 forks per project) measured 274 s, two 219 s.
    maxWorkers: 2,
    projects: [
      {
        plugins,
        resolve,
        test: {
          name: 'unit',
          include: ['src/**/*.spec.ts'],
          testTimeout: 30_000,
          // A unit test that makes no assertion fails (a test that cannot fail is a defect).
          expect: { requireAssertions: true },
        },
      },
      {
        plugins,
        resolve,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e-spec.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
