/**
 * The exact GraphQL payloads of issue 16 (items 1–3): each answers a coded 400 within a stall budget, before any resolver
 * runs; reads of one request are batched (DataLoader). Stalls are printed with PRINT_STALLS=1.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CatalogRepository } from '../../src/app/catalogs/catalog.repository.js';
import { stallBudgetMs, worstStallMs } from '../support/event-loop-stall.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const aliases = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');

/** 250 whole-catalog tables padded with 10,000 `__typename` aliases (item 1). */
const PADDED_TABLES = `{ ${aliases(250, 'maxPodsTable { items { maxPods } }')} ${aliases(10_000, '__typename')} }`;
/** 24 fragments, each spreading the next twice: 2^24 fields once expanded, 1.3 KB written (item 2). */
const FRAGMENT_BOMB = [
  '{ ...f0 }',
  ...Array.from({ length: 24 }, (_, i) => `fragment f${i} on Query { __typename ...f${i + 1} ...f${i + 1} }`),
  'fragment f24 on Query { __typename }',
].join('\n');
/** 1,400 aliases of the database-backed `catalogs` (item 3). */
const CATALOG_FAN_OUT = `{ ${aliases(1_400, 'catalogs { name }')} }`;

describe('hostile GraphQL documents (issue 16)', () => {
  let t: TestApp;
  let baselineMs: number;
  beforeAll(async () => {
    t = await startTestApp();
    await t.graphql('{ catalogs { name } }');
    baselineMs = (
      await worstStallMs('baseline', () => t.graphql('{ catalogs { name } maxPods(input: { instanceType: "m5.large" }) { maxPods } }'))
    ).stallMs;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses 10,000 __typename aliases around 250 whole-catalog tables while parsing: 400 GRAPHQL_TOKEN_LIMIT', async () => {
    const { result, stallMs } = await worstStallMs('padded tables', () => t.graphql(PADDED_TABLES));
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_TOKEN_LIMIT', status: 400, maxTokens: 10_000 });
    expect(result.body.data).toBeUndefined();
    expect(stallMs).toBeLessThan(stallBudgetMs(baselineMs));
  });

  it('counts __typename aliases: 400 GRAPHQL_ALIAS_LIMIT within the token limit', async () => {
    const { status, body } = await t.graphql(`{ ${aliases(2_000, '__typename')} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_ALIAS_LIMIT', maxAliases: 100 });
  });

  it('validates 24 fragments that each spread the next twice in linear time: 400 GRAPHQL_COMPLEXITY_LIMIT', async () => {
    expect(FRAGMENT_BOMB.length).toBeLessThan(1_400);
    const { result, stallMs } = await worstStallMs('fragment bomb', () => t.graphql(FRAGMENT_BOMB));
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_COMPLEXITY_LIMIT', maxComplexity: 5_000 });
    expect(stallMs).toBeLessThan(stallBudgetMs(baselineMs));
  });

  it('measures depth through fragments spread twice per level without expanding them', async () => {
    // 12 levels of catalogs → … are impossible in this schema, so the depth is built from nested fragments on one type:
    // each level is counted once however often it is spread.
    const shallowViaFragments = [
      '{ ...f0 }',
      ...Array.from({ length: 30 }, (_, i) => `fragment f${i} on Query { catalogs { name } ...f${i + 1} ...f${i + 1} }`),
      'fragment f30 on Query { __typename }',
    ].join('\n');
    const { result, stallMs } = await worstStallMs('fragment depth', () => t.graphql(shallowViaFragments));
    expect(result.body.errors?.[0].extensions?.code).toBe('GRAPHQL_COMPLEXITY_LIMIT');
    expect(stallMs).toBeLessThan(stallBudgetMs(baselineMs));
  });

  it('refuses 1,400 aliases of catalogs before any read: 400 GRAPHQL_ALIAS_LIMIT', async () => {
    const repository = t.app.get(CatalogRepository);
    const reads = vi.spyOn(repository, 'listCatalogs');
    try {
      const { result, stallMs } = await worstStallMs('catalog fan-out', () => t.graphql(CATALOG_FAN_OUT));
      expect(result.status).toBe(400);
      expect(result.body.errors?.[0].extensions?.code).toBe('GRAPHQL_ALIAS_LIMIT');
      expect(reads).not.toHaveBeenCalled();
      expect(stallMs).toBeLessThan(stallBudgetMs(baselineMs));
    } finally {
      reads.mockRestore();
    }
  });

  it('costs database-backed fields 25: 150 aliases of catalogs exceed the cost limit even under a higher alias limit', async () => {
    // 150 × (25 + 1) = 3,900 < 5,000 would pass; 200 × 26 = 5,200 does not.
    const repository = t.app.get(CatalogRepository);
    const reads = vi.spyOn(repository, 'listCatalogs');
    try {
      const { body } = await t.graphql(`{ ${aliases(99, 'catalogs { name }')} }`);
      expect(body.errors).toBeUndefined();
      expect(Object.keys(body.data ?? {})).toHaveLength(99);
      // One request, one read: the aliases share a per-request DataLoader.
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('batches catalog and instance-type lookups of one request into one read each', async () => {
    const repository = t.app.get(CatalogRepository);
    const catalogReads = vi.spyOn(repository, 'findCatalogs');
    const typeReads = vi.spyOn(repository, 'findInstanceTypes');
    try {
      const ok = await t.graphql(
        '{ a: catalog(name: "aws") { readOnly } b: catalog(name: "aws") { name } x: instanceType(name: "m5.large") { maxEnis } ' +
          'y: instanceType(name: "c5.xlarge") { maxEnis } }',
      );
      expect(ok.body.data).toEqual({ a: { readOnly: true }, b: { name: 'aws' }, x: { maxEnis: 3 }, y: { maxEnis: 4 } });
      expect(catalogReads).toHaveBeenCalledTimes(1);
      expect(typeReads).toHaveBeenCalledTimes(1);
      // A missing key fails only its own alias, with its own code.
      const missingCatalog = await t.graphql('{ a: catalog(name: "aws") { name } c: catalog(name: "nope") { name } }');
      expect(missingCatalog.body.errors?.map((e) => [(e as { path?: string[] }).path, e.extensions?.code])).toEqual([
        [['c'], 'CATALOG_NOT_FOUND'],
      ]);
      const missingType = await t.graphql('{ z: instanceType(name: "zz.nope") { name } }');
      expect(missingType.body.errors?.map((e) => e.extensions?.code)).toEqual(['INSTANCE_TYPE_NOT_FOUND']);
      const missingTypeCatalog = await t.graphql('{ w: instanceType(catalog: "nope", name: "m5.large") { name } }');
      expect(missingTypeCatalog.body.errors?.map((e) => e.extensions?.code)).toEqual(['CATALOG_NOT_FOUND']);
    } finally {
      catalogReads.mockRestore();
      typeReads.mockRestore();
    }
  });
});
