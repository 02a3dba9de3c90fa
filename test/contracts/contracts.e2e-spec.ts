/**
 * The committed contracts (schema.graphql, openapi.json) must be exactly what the running app serves: callers generate
 * clients from them. `npm run contracts` rewrites both after an intentional change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/bootstrap.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const UPDATE = process.env.UPDATE_CONTRACTS === '1';

function compareOrWrite(file: string, actual: string): void {
  if (UPDATE) writeFileSync(file, actual);
  const committed = readFileSync(file, 'utf8');
  expect(actual, `${file} drifted from the app; run \`npm run contracts\` and commit the result`).toBe(committed);
}

describe('committed API contracts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('schema.graphql is the schema the app serves', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    compareOrWrite('schema.graphql', `${printSchema(lexicographicSortSchema(schema))}\n`);
  });

  it('openapi.json is the document the app serves at /openapi.json, with unique stable operation ids', async () => {
    const document = openApiDocument(t.app);
    compareOrWrite('openapi.json', `${JSON.stringify(document, null, 2)}\n`);
    const served = await t.http.get('/openapi.json').expect(200);
    expect(served.body).toEqual(JSON.parse(readFileSync('openapi.json', 'utf8')));
    const operationIds = Object.values(document.paths).flatMap((path) =>
      Object.values(path).map((operation) => (operation as { operationId?: string }).operationId),
    );
    expect(operationIds.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('serves the docs UI and the offline GraphiQL page with all their assets', async () => {
    expect((await t.http.get('/docs').expect(200)).text).toContain('swagger');
    const page = await t.http.get('/graphiql').expect(200);
    const assets = [...page.text.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toHaveLength(4);
    for (const asset of assets) {
      const response = await t.http.get(asset).buffer(true).expect(200);
      expect(response.headers['content-type']).toMatch(/javascript|css/);
      expect(response.text.length).toBeGreaterThan(100);
    }
    expect(page.text).not.toMatch(/https?:\/\//);
  });
});
