import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CATALOG } from '../../src/domain/catalog/data/aws-catalog.data.js';
import { withClient } from '../support/database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const customType = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  maxEnis: 3,
  ipv4PerEni: 10,
  hypervisor: 'NITRO',
  bareMetal: false,
  vcpu: 2,
  branchInterfaces: 9,
  trunkingCompatible: true,
  ...overrides,
});

describe('instance-type catalogs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the seeded read-only aws catalog with its 1,391 types, source and version', async () => {
    const response = await t.http.get('/v1/catalogs').expect(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({
        name: 'aws',
        instanceTypeCount: 1391,
        readOnly: true,
        source: AWS_CATALOG.source,
        sourceVersion: AWS_CATALOG.sourceVersion,
      }),
    ]);
  });

  it('seeds idempotently: a second app on the same database changes nothing', async () => {
    const second = await startTestApp({ DATABASE_URL: t.databaseUrl });
    const response = await second.http.get('/v1/catalogs/aws').expect(200);
    expect(response.body.instanceTypeCount).toBe(1391);
    await second.close();
  });

  it('re-seeds when the source version changes: stale, missing and extra rows become the bundled data, then nothing is rewritten', async () => {
    // What a database seeded before the vCPU re-sync looks like (issue 17): p3/f1/dl1 without vCPUs, the old version.
    const resynced = ['dl1.24xlarge', 'f1.2xlarge', 'f1.4xlarge', 'f1.16xlarge', 'p3.2xlarge', 'p3.8xlarge', 'p3.16xlarge'];
    await withClient(t.databaseUrl, async (client) => {
      await client.query(
        `UPDATE "Catalog" SET "sourceVersion" = 'vpc-cni 6152e01c (2026-08-11); karpenter 7f27b4e8 (2026-08-18)' WHERE name = 'aws'`,
      );
      await client.query(`UPDATE "InstanceType" SET vcpu = NULL WHERE "catalogName" = 'aws' AND name = ANY($1)`, [resynced]);
      await client.query(`DELETE FROM "InstanceType" WHERE "catalogName" = 'aws' AND name = 'z1d.xlarge'`);
      await client.query(
        `INSERT INTO "InstanceType" ("catalogName", name, family, vcpu, "maxEnis", "ipv4PerEni", hypervisor, "bareMetal", "networkCards")
         VALUES ('aws', 'zz9.retired', 'zz9', 2, 2, 4, 'NITRO', false, '[{"index":0,"maxEnis":2}]')`,
      );
    });
    const reseeded = await startTestApp({ DATABASE_URL: t.databaseUrl });
    try {
      const catalog = (await reseeded.http.get('/v1/catalogs/aws').expect(200)).body;
      expect(catalog).toMatchObject({ instanceTypeCount: 1391, sourceVersion: AWS_CATALOG.sourceVersion });
      const p3 = (await reseeded.http.get('/v1/catalogs/aws/instance-types/p3.16xlarge').expect(200)).body;
      expect(p3.vcpu).toBe(64);
      await reseeded.http.get('/v1/catalogs/aws/instance-types/zz9.retired').expect(404);
      const rows = await withClient(t.databaseUrl, (client) =>
        client.query<{ name: string; vcpu: number | null; xmin: string }>(
          `SELECT name, vcpu, xmin::text AS xmin FROM "InstanceType" WHERE "catalogName" = 'aws' ORDER BY name COLLATE "C"`,
        ),
      );
      expect(rows.rows.map(({ name, vcpu }) => ({ name, vcpu }))).toEqual(
        AWS_CATALOG.instanceTypes.map(({ name, vcpu }) => ({ name, vcpu })),
      );
      // Same version again: the seeder leaves every row as it is (no row is rewritten, so no row gets a new xmin).
      const again = await startTestApp({ DATABASE_URL: t.databaseUrl });
      await again.close();
      const after = await withClient(t.databaseUrl, (client) =>
        client.query<{ name: string; xmin: string }>(
          `SELECT name, xmin::text AS xmin FROM "InstanceType" WHERE "catalogName" = 'aws' ORDER BY name COLLATE "C"`,
        ),
      );
      expect(after.rows).toEqual(rows.rows.map(({ name, xmin }) => ({ name, xmin })));
    } finally {
      await reseeded.close();
    }
    // The running app reads the aws catalog from its bundled copy: max pods with EC2's 64 vCPUs, as the calculator gives.
    const maxPods = (await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'p3.16xlarge' }).expect(200)).body;
    expect(maxPods.maxPods).toBe(234);
  });

  it('pages through every type exactly once with the cursor', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { body: { items: { name: string }[]; nextCursor: string | null } } = await t.http
        .get('/v1/catalogs/aws/instance-types')
        .query({ limit: 500, ...(cursor ? { cursor } : {}) })
        .expect(200);
      names.push(...response.body.items.map((i: { name: string }) => i.name));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(names).toHaveLength(1391);
    expect(new Set(names).size).toBe(1391);
    expect(names).toEqual([...AWS_CATALOG.instanceTypes.map((i) => i.name)].sort());
  });

  it('filters by family, hypervisor, minimum vCPU and trunking', async () => {
    const m5 = await t.http.get('/v1/catalogs/aws/instance-types').query({ family: 'm5', limit: 100 }).expect(200);
    const expectedM5 = AWS_CATALOG.instanceTypes.filter((i) => i.family === 'm5');
    expect(m5.body.items.map((i: { name: string }) => i.name).sort()).toEqual(expectedM5.map((i) => i.name).sort());
    const xenBig = await t.http
      .get('/v1/catalogs/aws/instance-types')
      .query({ hypervisor: 'XEN', minVcpu: 32, trunking: 'false', limit: 500 })
      .expect(200);
    const expected = AWS_CATALOG.instanceTypes.filter(
      (i) => i.hypervisor === 'XEN' && (i.vcpu ?? 0) >= 32 && i.trunkingCompatible === false,
    );
    expect(xenBig.body.items.map((i: { name: string }) => i.name).sort()).toEqual(expected.map((i) => i.name).sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it('reads one type exactly as the VPC CNI table has it', async () => {
    const response = await t.http.get('/v1/catalogs/aws/instance-types/p5.48xlarge').expect(200);
    expect(response.body).toEqual(AWS_CATALOG.instanceTypes.find((i) => i.name === 'p5.48xlarge'));
  });

  it('answers coded errors for unknown names, bad filters and bad cursors', async () => {
    expect((await t.http.get('/v1/catalogs/aws/instance-types/m5.huge').expect(404)).body.error.code).toBe('INSTANCE_TYPE_NOT_FOUND');
    expect((await t.http.get('/v1/catalogs/nope/instance-types').expect(404)).body.error.code).toBe('CATALOG_NOT_FOUND');
    const bad = await t.http.get('/v1/catalogs/aws/instance-types').query({ hypervisor: 'KVM', limit: 0, extra: 'x' }).expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['extra', 'hypervisor', 'limit']);
    expect((await t.http.get('/v1/catalogs/aws/instance-types').query({ cursor: 'garbage!' }).expect(400)).body.error.code).toBe(
      'INVALID_CURSOR',
    );
  });

  it('refuses to edit the aws catalog with 403 CATALOG_READ_ONLY', async () => {
    const put = await t.http.put('/v1/catalogs/aws/instance-types/m5.large').send(customType('m5.large')).expect(403);
    expect(put.body.error.code).toBe('CATALOG_READ_ONLY');
    expect((await t.http.delete('/v1/catalogs/aws/instance-types/m5.large').expect(403)).body.error.code).toBe('CATALOG_READ_ONLY');
    expect((await t.http.delete('/v1/catalogs/aws').expect(403)).body.error.code).toBe('CATALOG_READ_ONLY');
    await t.http.get('/v1/catalogs/aws/instance-types/m5.large').expect(200);
  });

  it('creates, edits and deletes a custom catalog', async () => {
    const created = await t.http
      .post('/v1/catalogs')
      .send({
        name: 'lab',
        description: 'lab types',
        instanceTypes: [customType('x1.small'), customType('x1.large', { maxEnis: 4, ipv4PerEni: 15 })],
      })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'lab', instanceTypeCount: 2, readOnly: false });
    expect((await t.http.post('/v1/catalogs').send({ name: 'lab', instanceTypes: [] }).expect(409)).body.error.code).toBe('CATALOG_EXISTS');

    const replaced = await t.http
      .put('/v1/catalogs/lab/instance-types/x1.small')
      .send(customType('x1.small', { ipv4PerEni: 6 }))
      .expect(200);
    expect(replaced.body).toMatchObject({
      name: 'x1.small',
      family: 'x1',
      ipv4PerEni: 6,
      networkCards: [{ index: 0, maxEnis: 3 }],
      defaultNetworkCardIndex: 0,
    });
    await t.http.put('/v1/catalogs/lab/instance-types/x1.xlarge').send(customType('x1.xlarge')).expect(201);
    expect((await t.http.get('/v1/catalogs/lab').expect(200)).body.instanceTypeCount).toBe(3);

    const mismatch = await t.http.put('/v1/catalogs/lab/instance-types/x1.small').send(customType('x1.other')).expect(400);
    expect(mismatch.body.error.details[0]).toMatchObject({ path: 'name', code: 'NAME_MISMATCH' });
    const inconsistent = await t.http
      .put('/v1/catalogs/lab/instance-types/x1.small')
      .send(customType('x1.small', { networkCards: [{ index: 0, maxEnis: 2 }] }))
      .expect(400);
    expect(inconsistent.body.error.details[0]).toMatchObject({ path: 'maxEnis', code: 'INCONSISTENT_NETWORK_CARDS' });

    await t.http.delete('/v1/catalogs/lab/instance-types/x1.xlarge').expect(204);
    expect((await t.http.delete('/v1/catalogs/lab/instance-types/x1.xlarge').expect(404)).body.error.code).toBe('INSTANCE_TYPE_NOT_FOUND');
    await t.http.delete('/v1/catalogs/lab').expect(204);
    await t.http.get('/v1/catalogs/lab').expect(404);
  });

  it('validates new catalogs strictly, reporting every problem with its path', async () => {
    const response = await t.http
      .post('/v1/catalogs')
      .send({
        name: 'Bad Name',
        instanceTypes: [customType('ok.large'), customType('ok.large'), { ...customType('x.y'), maxEnis: -1, hacker: true }],
      })
      .expect(400);
    const paths = response.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'instanceTypes[2].maxEnis', 'instanceTypes[2].hacker']));
  });

  it('serves the same operations over GraphQL', async () => {
    const { body } = await t.graphql(
      `{ catalogs { name instanceTypeCount readOnly } instanceTypes(filter: { family: "p5" }, first: 2) { items { name maxEnis networkCards { index maxEnis } } nextCursor } instanceType(name: "t3.nano") { ipv4PerEni trunkingCompatible branchInterfaces } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.catalogs).toContainEqual({ name: 'aws', instanceTypeCount: 1391, readOnly: true });
    expect(body.data!.instanceTypes.items).toHaveLength(2);
    expect(body.data!.instanceTypes.items[0].networkCards.length).toBeGreaterThan(1);
    expect(body.data!.instanceType).toEqual({ ipv4PerEni: 2, trunkingCompatible: false, branchInterfaces: 0 });

    const readOnly = await t.graphql(`mutation { deleteInstanceType(catalog: "aws", name: "m5.large") }`);
    expect(readOnly.body.errors?.[0].extensions?.code).toBe('CATALOG_READ_ONLY');
    const created = await t.graphql(`mutation($input: CreateCatalogInput!) { createCatalog(input: $input) { name instanceTypeCount } }`, {
      input: { name: 'gql', instanceTypes: [customType('g1.large')] },
    });
    expect(created.body.data?.createCatalog).toEqual({ name: 'gql', instanceTypeCount: 1 });
    const upserted = await t.graphql(
      `mutation { upsertInstanceType(catalog: "gql", input: { name: "g1.xlarge", maxEnis: 4, ipv4PerEni: 15, hypervisor: NITRO, bareMetal: false }) { name family vcpu } }`,
    );
    expect(upserted.body.data?.upsertInstanceType).toEqual({ name: 'g1.xlarge', family: 'g1', vcpu: null });
    const invalid = await t.graphql(`{ instanceTypes(first: 100000) { items { name } } }`);
    expect(invalid.body.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect((await t.graphql(`mutation { deleteCatalog(name: "gql") }`)).body.data?.deleteCatalog).toBe(true);
  });
});
