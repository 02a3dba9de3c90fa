/**
 * The exact GraphQL payloads of issue 16 (items 1–3): each answers a coded 400 within a stall budget, before any resolver
 * runs; reads of one request are batched (DataLoader). Stalls are printed with PRINT_STALLS=1.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { CatalogRepository } from '../../src/app/catalogs/catalog.repository.js';
import { DesignLoaders } from '../../src/app/designs/design.loaders.js';
import { DesignsRepository } from '../../src/app/designs/designs.repository.js';
import { DATABASE_READ_COMPLEXITY } from '../../src/platform/graphql/query-cost.js';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
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
  it('batches design, revision-list and revision reads of one request into one read each, with a 404 per missing key', async () => {
    const spec = validDesign();
    const ids: string[] = [];
    for (const name of ['batch-a', 'batch-b', 'batch-c'])
      ids.push(
        (
          await t.http
            .post('/v1/designs')
            .send({ ...spec, name })
            .expect(201)
        ).body.id,
      );
    await t.http
      .put(`/v1/designs/${ids[0]}`)
      .set('If-Match', '"1"')
      .send({ ...spec, name: 'batch-a2' })
      .expect(200);
    const fields = 'id name revision revisions { revision } first: revisionAt(revision: 1) { designId revision spec { name } }';
    // The same answers one design at a time (each request its own read), to compare the batched ones with.
    const single = new Map<string, unknown>();
    for (const id of ids) single.set(id, (await t.graphql(`{ design(id: "${id}") { ${fields} } }`)).body.data!.design);
    expect(single.get(ids[0])).toMatchObject({ name: 'batch-a2', revision: 2, revisions: [{ revision: 1 }, { revision: 2 }] });
    expect(single.get(ids[0])).toMatchObject({ first: { revision: 1, spec: { name: 'batch-a' } } });

    const repository = t.app.get(DesignsRepository);
    const designReads = vi.spyOn(repository, 'findMany');
    const revisionListReads = vi.spyOn(repository, 'listRevisionsOf');
    const revisionReads = vi.spyOn(repository, 'findRevisions');
    try {
      // 20 aliases over three designs (one asked in upper case): one read of each kind, answers unchanged.
      const keyOf = (i: number) => (i === 19 ? ids[19 % 3].toUpperCase() : ids[i % 3]);
      const many = await t.graphql(
        `{ ${Array.from({ length: 20 }, (_, i) => `d${i}: design(id: "${keyOf(i)}") { ${fields} }`).join(' ')} }`,
      );
      expect(many.body.errors).toBeUndefined();
      for (let i = 0; i < 20; i++) expect(many.body.data![`d${i}`]).toEqual(single.get(ids[i % 3]));
      expect(designReads).toHaveBeenCalledTimes(1);
      expect(revisionListReads).toHaveBeenCalledTimes(1);
      expect(revisionReads).toHaveBeenCalledTimes(1);

      // A missing id fails its own alias with its own 404 (`design` is non-null, so `data` is null, as with `catalog`).
      designReads.mockClear();
      const unknown = randomUUID();
      const missing = await t.graphql(`{ a: design(id: "${ids[1]}") { name } b: design(id: "${unknown}") { name } }`);
      expect(missing.body.data).toBeNull();
      expect(missing.body.errors?.map((e) => [(e as { path?: string[] }).path, e.extensions?.code, e.message])).toEqual([
        [['b'], 'DESIGN_NOT_FOUND', `No design with id "${unknown}".`],
      ]);
      expect(designReads).toHaveBeenCalledTimes(1);

      // Within one batch every key settles on its own: found designs, and each missing or malformed id its own 404.
      designReads.mockClear();
      const loaders = t.app.get(DesignLoaders).of({});
      const settled = await Promise.allSettled([ids[1], unknown, 'not-a-uuid', ids[2]].map((id) => loaders.design.load(id)));
      expect(settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.name : (outcome.reason as Error).message))).toEqual([
        'batch-b',
        `No design with id "${unknown}".`,
        'No design with id "not-a-uuid".',
        'batch-c',
      ]);
      expect(settled.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as { code?: string }).code : 'ok'))).toEqual([
        'ok',
        'DESIGN_NOT_FOUND',
        'DESIGN_NOT_FOUND',
        'ok',
      ]);
      expect(designReads).toHaveBeenCalledTimes(1);
      revisionReads.mockClear();
      const revisionOutcomes = await Promise.allSettled(
        (
          [
            [ids[0], 2],
            [ids[0], 9],
            [unknown, 1],
            [ids[2], 1],
          ] as const
        ).map((key) => loaders.revision.load(key)),
      );
      expect(
        revisionOutcomes.map((outcome) =>
          outcome.status === 'fulfilled' ? outcome.value.spec.name : (outcome.reason as { code?: string }).code,
        ),
      ).toEqual(['batch-a2', 'REVISION_NOT_FOUND', 'DESIGN_NOT_FOUND', 'batch-c']);
      expect(revisionReads).toHaveBeenCalledTimes(1);

      // A revision the design does not have is REVISION_NOT_FOUND for that alias only.
      revisionReads.mockClear();
      const revisions = await t.graphql(
        `{ design(id: "${ids[0]}") { r1: revisionAt(revision: 1) { revision } r2: revisionAt(revision: 2) { revision } r9: revisionAt(revision: 9) { revision } } }`,
      );
      expect(revisions.body.data).toBeNull();
      expect(revisions.body.errors?.map((e) => [(e as { path?: string[] }).path, e.extensions?.code])).toEqual([
        [['design', 'r9'], 'REVISION_NOT_FOUND'],
      ]);
      expect(revisionReads).toHaveBeenCalledTimes(1);

      // Batch-only reads behind the services: 20 aliased eksctlConfig exports of one design are one more read, not 20.
      designReads.mockClear();
      const exports = await t.graphql(
        `{ ${Array.from({ length: 20 }, (_, i) => `e${i}: design(id: "${ids[i % 3]}") { eksctlConfig { yaml } }`).join(' ')} }`,
      );
      expect(exports.body.errors).toBeUndefined();
      expect(exports.body.data!.e0.eksctlConfig.yaml).toContain('batch-a2');
      expect(designReads).toHaveBeenCalledTimes(2);
    } finally {
      designReads.mockRestore();
      revisionListReads.mockRestore();
      revisionReads.mockRestore();
    }
  });

  it('costs design, revisions and revisionAt as database reads', async () => {
    const id = randomUUID();
    const one = `design(id: "${id}") { id revisions { revision } revisionAt(revision: 1) { revision } eksctlConfig { yaml } }`;
    const { status, body } = await t.graphql(`{ ${aliases(60, one)} }`);
    expect(status).toBe(400);
    // Per alias: design, revisions, revisionAt and eksctlConfig cost a database read each, plus 1 per plain field.
    expect(body.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_COMPLEXITY_LIMIT',
      complexity: 60 * (4 * DATABASE_READ_COMPLEXITY + 4),
    });
  });

  it('does not serve a revision list read before a mutation to the fields after it', async () => {
    const spec = validDesign();
    const { body: created } = await t.http.post('/v1/designs').send(spec).expect(201);
    const { body } = await t.graphql(
      `mutation($id: ID!, $spec: DesignSpecInput!) {
        u1: updateDesign(id: $id, expectedRevision: 1, spec: $spec) { revision revisions { revision } }
        u2: updateDesign(id: $id, expectedRevision: 2, spec: $spec) { revision revisions { revision } r3: revisionAt(revision: 3) { revision } }
      }`,
      { id: created.id, spec },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.u1).toEqual({ revision: 2, revisions: [{ revision: 1 }, { revision: 2 }] });
    expect(body.data?.u2).toEqual({ revision: 3, revisions: [{ revision: 1 }, { revision: 2 }, { revision: 3 }], r3: { revision: 3 } });
  });
});
