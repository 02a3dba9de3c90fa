/**
 * docs/api.md is the API reference: it names every REST route of the committed openapi.json and every GraphQL query
 * and mutation of the committed schema.graphql (which the contracts test keeps equal to what the server serves).
 */
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

const reference = readFileSync('docs/api.md', 'utf8');

describe('docs/api.md', () => {
  it('documents every REST route of openapi.json', () => {
    const document = JSON.parse(readFileSync('openapi.json', 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !reference.includes(`\`${route}\``))).toEqual([]);
  });

  it('documents every GraphQL query and mutation of schema.graphql', () => {
    const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
    const fields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
    expect(fields.length).toBeGreaterThan(10);
    expect(fields.filter((field) => !new RegExp(`\`${field}[(\`]`).test(reference))).toEqual([]);
  });

  it('points at the project’s own sources table, not outside the repository', () => {
    expect(reference).toContain('](sources.md)');
    expect(reference).not.toMatch(/\.\.\/shared|shared\/(API|research)/);
  });
});
