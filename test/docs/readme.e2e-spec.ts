import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { environmentVariableNames } from '../../src/platform/config/environment.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('starts with the two set-up commands', () => {
    const setUp = readme.indexOf('## Set up');
    expect(setUp).toBeGreaterThan(0);
    expect(readme.indexOf('npm install\nnpm start')).toBeGreaterThan(setUp);
    expect(readme.indexOf('npm install\nnpm test')).toBeGreaterThan(setUp);
    expect(readme.indexOf('## Set up')).toBeLessThan(readme.indexOf('## Worked examples'));
  });

  it('documents every environment variable the service reads in the configuration table', () => {
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Errors'));
    const documented = [...table.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(environmentVariableNames().sort());
  });

  it('shows a worked example per engine', () => {
    for (const route of [
      '/v1/capacity/max-pods',
      '/v1/capacity/subnet-usage',
      '/v1/exposure/recommend',
      '/v1/exposure/lint',
      '/v1/paths/trace',
      '/plan',
      '/import/eksctl',
    ]) {
      expect(readme).toContain(route);
    }
    expect(readme).toMatch(/```graphql/);
  });
});
