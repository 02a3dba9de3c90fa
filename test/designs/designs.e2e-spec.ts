import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const DESIGN_FIELDS = `id name owner tags revision createdAt spec { name region ipFamily vpc { cidrs secondaryCidrs } subnets { name az cidr public natGateway roles } nodeGroups { name kind instanceTypes minSize desiredSize maxSize } }`;

describe('saved designs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates revision 1 and reads it back unchanged, with the revision as ETag', async () => {
    const spec = validDesign();
    const created = await t.http.post('/v1/designs').send(spec).expect(201);
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers.location).toBe(`/v1/designs/${created.body.id}`);
    expect(created.body).toMatchObject({ name: spec.name, owner: spec.owner, tags: spec.tags, revision: 1 });
    const read = await t.http.get(`/v1/designs/${created.body.id}`).expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body.spec).toEqual(spec);
    // Ids are UUIDs, so any letter case finds the design; the answer names it as stored.
    const upperCase = await t.http.get(`/v1/designs/${created.body.id.toUpperCase()}`).expect(200);
    expect(upperCase.body).toEqual(read.body);
  });

  it('updates only with the expected revision: 428 without it, 412 when stale, and keeps every revision', async () => {
    const spec = validDesign();
    const { body: created } = await t.http.post('/v1/designs').send(spec).expect(201);
    const url = `/v1/designs/${created.id}`;

    const missing = await t.http.put(url).send(spec).expect(428);
    expect(missing.body.error.code).toBe('REVISION_REQUIRED');
    const malformed = await t.http.put(url).set('If-Match', '"abc"').send(spec).expect(400);
    expect(malformed.body.error.code).toBe('INVALID_IF_MATCH');

    const second = {
      ...spec,
      tags: ['prod'],
      nodeGroups: spec.nodeGroups.map((g) => (g.name === 'general' ? { ...g, desiredSize: 9 } : g)),
    };
    const updated = await t.http.put(url).set('If-Match', '"1"').send(second).expect(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({ revision: 2, tags: ['prod'] });

    const stale = await t.http.put(url).set('If-Match', '"1"').send(spec).expect(412);
    expect(stale.body.error).toMatchObject({ code: 'REVISION_CONFLICT' });
    expect(stale.body.error.message).toContain('revision 2');

    await t.http
      .put(url)
      .set('If-Match', 'W/"2"')
      .send({ ...second, name: 'renamed' })
      .expect(200);
    const revisions = await t.http.get(`${url}/revisions`).expect(200);
    expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([1, 2, 3]);
    expect((await t.http.get(`${url}/revisions/1`).expect(200)).body.spec).toEqual(spec);
    expect((await t.http.get(`${url}/revisions/2`).expect(200)).body.spec).toEqual(second);
    expect((await t.http.get(url).expect(200)).body).toMatchObject({ name: 'renamed', revision: 3 });
    expect((await t.http.get(`${url}/revisions/9`).expect(404)).body.error.code).toBe('REVISION_NOT_FOUND');
    expect((await t.http.get(`${url}/revisions/zero`).expect(404)).body.error.code).toBe('REVISION_NOT_FOUND');
  });

  it('rejects an invalid spec with every problem and its path, and saves nothing', async () => {
    const spec = validDesign();
    const broken = {
      ...spec,
      unknownField: true,
      subnets: [...spec.subnets, { ...spec.subnets[0], cidr: '10.9.0.0/24' }, { name: 'overlap', az: 'us-east-1a', cidr: '10.0.0.128/25' }],
      nodeGroups: [{ ...spec.nodeGroups[0], instanceTypes: ['m5.enormous'], subnets: ['nowhere'] }, ...spec.nodeGroups.slice(1)],
    };
    const before = (await t.http.get('/v1/designs').query({ limit: 500 }).expect(200)).body.items.length;
    const response = await t.http.post('/v1/designs').send(broken).expect(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['unknownField', 'nodeGroups[0].instanceTypes[0]', 'nodeGroups[0].subnets[0]', 'subnets[12].cidr']),
    );
    expect(response.body.error.details.some((d: { code: string }) => d.code === 'DUPLICATE_NAME' || d.code === 'NAME_DUPLICATE')).toBe(
      true,
    );
    expect(response.body.error.details.some((d: { path: string; code: string }) => d.path.startsWith('subnets[13]'))).toBe(true);
    expect((await t.http.get('/v1/designs').query({ limit: 500 }).expect(200)).body.items.length).toBe(before);
  });

  it('lists by owner and tag with cursor pagination', async () => {
    const mine = Array.from({ length: 5 }, (_, i) => ({
      ...validDesign(),
      name: `list-${i}`,
      owner: 'team-list',
      tags: i % 2 === 0 ? ['even', 'list'] : ['list'],
    }));
    for (const spec of mine) await t.http.post('/v1/designs').send(spec).expect(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { name: string }[]; nextCursor: string | null } } = await t.http
        .get('/v1/designs')
        .query({ owner: 'team-list', limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((d: { name: string }) => d.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['list-0', 'list-1', 'list-2', 'list-3', 'list-4']);
    const even = await t.http.get('/v1/designs').query({ owner: 'team-list', tag: 'even' }).expect(200);
    expect(even.body.items.map((d: { name: string }) => d.name)).toEqual(['list-0', 'list-2', 'list-4']);
    expect(even.body.items[0]).not.toHaveProperty('spec');
  });

  it('deletes a design with all its revisions; unknown or malformed ids are 404', async () => {
    const { body } = await t.http.post('/v1/designs').send(validDesign()).expect(201);
    await t.http.delete(`/v1/designs/${body.id}`).set('If-Match', '"7"').expect(412);
    await t.http.delete(`/v1/designs/${body.id}`).expect(204);
    expect((await t.http.get(`/v1/designs/${body.id}`).expect(404)).body.error.code).toBe('DESIGN_NOT_FOUND');
    expect((await t.http.get(`/v1/designs/${body.id}/revisions`).expect(404)).body.error.code).toBe('DESIGN_NOT_FOUND');
    expect((await t.http.get('/v1/designs/not-a-uuid').expect(404)).body.error.code).toBe('DESIGN_NOT_FOUND');
    expect((await t.http.delete('/v1/designs/not-a-uuid').expect(404)).body.error.code).toBe('DESIGN_NOT_FOUND');
  });

  it('round-trips through GraphQL with expectedRevision checks', async () => {
    const spec = validDesign();
    const created = await t.graphql(`mutation($spec: DesignSpecInput!) { createDesign(spec: $spec) { ${DESIGN_FIELDS} } }`, { spec });
    expect(created.body.errors).toBeUndefined();
    const design = created.body.data!.createDesign;
    expect(design.revision).toBe(1);
    expect(design.spec.subnets).toHaveLength(spec.subnets.length);

    const full = await t.http.get(`/v1/designs/${design.id}`).expect(200);
    expect(full.body.spec).toEqual(spec);

    const stale = await t.graphql(
      `mutation($id: ID!, $spec: DesignSpecInput!) { updateDesign(id: $id, expectedRevision: 5, spec: $spec) { revision } }`,
      { id: design.id, spec },
    );
    expect(stale.body.errors?.[0].extensions?.code).toBe('REVISION_CONFLICT');
    const missing = await t.graphql(`mutation($id: ID!, $spec: DesignSpecInput!) { updateDesign(id: $id, spec: $spec) { revision } }`, {
      id: design.id,
      spec,
    });
    // The schema says expectedRevision: Int!, so GraphQL refuses the operation before the resolver runs.
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(missing.body.errors?.[0].message).toMatch(/expectedRevision.*Int!.*required/);
    const ok = await t.graphql(
      `mutation($id: ID!, $spec: DesignSpecInput!) { updateDesign(id: $id, expectedRevision: 1, spec: $spec) { revision } }`,
      {
        id: design.id,
        spec: {
          ...spec,
          region: 'us-west-2',
          subnets: spec.subnets.map((s) => ({ ...s, az: s.az.replace('us-east-1', 'us-west-2') })),
          cni: { ...spec.cni, eniConfigs: spec.cni!.eniConfigs!.map((e) => ({ ...e, az: e.az.replace('us-east-1', 'us-west-2') })) },
        },
      },
    );
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data!.updateDesign.revision).toBe(2);

    const read = await t.graphql(
      `query($id: ID!) { design(id: $id) { revision spec { region } revisions { revision } revisionAt(revision: 1) { spec { region } } } designs(owner: "team-payments", first: 50) { items { id } } }`,
      { id: design.id },
    );
    expect(read.body.data!.design).toEqual({
      revision: 2,
      spec: { region: 'us-west-2' },
      revisions: [{ revision: 1 }, { revision: 2 }],
      revisionAt: { spec: { region: 'us-east-1' } },
    });
    expect(read.body.data!.designs.items.map((d: { id: string }) => d.id)).toContain(design.id);

    const invalid = await t.graphql(`mutation($spec: DesignSpecInput!) { createDesign(spec: $spec) { id } }`, {
      spec: { ...spec, vpc: { cidrs: ['10.0.0.0/33'] } },
    });
    expect(invalid.body.errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    expect(invalid.body.errors?.[0].extensions?.details?.some((d) => d.path === 'vpc.cidrs[0]')).toBe(true);
    expect((await t.graphql(`mutation($id: ID!) { deleteDesign(id: $id) }`, { id: design.id })).body.data?.deleteDesign).toBe(true);
    expect((await t.graphql(`query($id: ID!) { design(id: $id) { id } }`, { id: design.id })).body.errors?.[0].extensions?.code).toBe(
      'DESIGN_NOT_FOUND',
    );
  });

  it('refuses to delete a custom catalog that a saved design uses', async () => {
    await t.http
      .post('/v1/catalogs')
      .send({ name: 'used', instanceTypes: [{ name: 'm5.large', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'NITRO', bareMetal: false }] })
      .expect(201);
    const spec = validDesign();
    const onCustom = {
      ...spec,
      catalog: 'used',
      nodeGroups: spec.nodeGroups.map((g) => ({ ...g, instanceTypes: g.kind === 'FARGATE' ? [] : ['m5.large'] })),
    };
    const created = await t.http.post('/v1/designs').send(onCustom).expect(201);
    expect((await t.http.delete('/v1/catalogs/used').expect(409)).body.error.code).toBe('CATALOG_IN_USE');
    await t.http.delete(`/v1/designs/${created.body.id}`).expect(204);
    await t.http.delete('/v1/catalogs/used').expect(204);
  });
});
