import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFromFiles } from '../../src/domain/aws-import/aws-bundle.files.js';
import { awsDumpFiles } from '../fixtures/aws/aws-dump.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const bundle = () => bundleFromFiles(awsDumpFiles()) as Record<string, any>;

describe('AWS CLI import over the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports the multi-AZ dump, saves it, and plans it against the IPs really left', async () => {
    const response = await t.http
      .post('/v1/designs/import/aws')
      .send({ ...bundle(), observedAt: '2026-12-04T18:00:00Z' })
      .expect(201);
    const { design, warnings, unsupported } = response.body;
    expect(response.headers.location).toBe(`/v1/designs/${design.id}`);
    expect(design).toMatchObject({ revision: 1, spec: { clusterName: 'shop-prod', vpc: { id: 'vpc-0a1b2c3d4e5f60001' } } });
    expect(warnings.length).toBeGreaterThan(0);
    expect(unsupported.length).toBeGreaterThan(0);

    const plan = await t.http.get(`/v1/designs/${design.id}/plan`).expect(200);
    expect(plan.body.summary).toMatchObject({
      status: 'WARNINGS',
      tightestSubnet: { name: 'pods-c', observed: { availableIps: 32, additionalIpsAtMax: 30, headroomAtMax: 2, fits: true } },
    });
    const privateC = plan.body.subnets.find((subnet: { name: string }) => subnet.name === 'private-c');
    expect(privateC.observed.additionalNodes).toEqual([
      { nodeGroup: 'general', kind: 'NODE_IPS', ipsPerNode: 1, now: 118, beyondMax: 116 },
    ]);
    // The summary the closing note quotes.
    console.log(`multi-AZ bundle plan summary: ${JSON.stringify(plan.body.summary)}`);

    const gql = await t.graphql(
      'query($id: ID!) { design(id: $id) { plan { summary { tightestSubnet { name observed { headroomAtMax } } } subnets { name observed { additionalNodes { nodeGroup now } } } } } }',
      { id: design.id },
    );
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data!.design.plan.summary.tightestSubnet).toEqual({ name: 'pods-c', observed: { headroomAtMax: 2 } });
    expect(gql.body.data!.design.plan.subnets[0].observed).toEqual({ additionalNodes: [] });
  });

  it('answers a coded 400 naming the key and JSON path, and saves nothing', async () => {
    const before = await t.http.get('/v1/designs').expect(200);
    const mismatch = await t.http
      .post('/v1/designs/import/aws')
      .send({ ...bundle(), subnets: bundle().vpcs })
      .expect(400);
    expect(mismatch.body.error).toMatchObject({ code: 'AWS_OUTPUT_MISMATCH', details: [{ path: 'subnets' }] });
    const outside = bundle();
    outside.subnets.Subnets[1].CidrBlock = '10.99.0.0/24';
    const outsideResponse = await t.http.post('/v1/designs/import/aws').send(outside).expect(400);
    expect(outsideResponse.body.error).toMatchObject({
      code: 'AWS_SUBNET_OUTSIDE_VPC',
      details: [{ path: 'subnets.Subnets[1].CidrBlock' }],
    });
    const notJson = await t.http.post('/v1/designs/import/aws').set('content-type', 'application/json').send('{"vpcs": ').expect(400);
    expect(notJson.body.error.code).toBeDefined();
    const text = await t.http
      .post('/v1/designs/import/aws')
      .send({ ...bundle(), routeTables: '{"RouteTables": [' })
      .expect(400);
    expect(text.body.error).toMatchObject({ code: 'AWS_BUNDLE_INVALID', details: [{ path: 'routeTables' }] });
    const after = await t.http.get('/v1/designs').expect(200);
    expect(after.body.items).toHaveLength(before.body.items.length);
  });

  it('serves importAws over GraphQL with the JSON scalar', async () => {
    const { vpcs, subnets } = bundle();
    const imported = await t.graphql(
      'mutation($b: JSON!) { importAws(bundle: $b) { design { id spec { vpc { id } subnets { id observed { availableIps } } } } warnings { code path } } }',
      { b: { vpcs, subnets, name: 'network-only' } },
    );
    expect(imported.body.errors).toBeUndefined();
    expect(imported.body.data!.importAws.design.spec.subnets).toHaveLength(9);
    expect(imported.body.data!.importAws.warnings).toContainEqual({
      code: 'ROUTE_TABLES_MISSING',
      path: 'subnets.Subnets[0].MapPublicIpOnLaunch',
    });
    const bad = await t.graphql('mutation($b: JSON!) { importAws(bundle: $b) { design { id } } }', { b: { vpcs } });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'AWS_BUNDLE_INVALID', details: [{ path: 'subnets' }] });
  });

  it('turns a describe-instance-types dump into a catalog a design can plan with', async () => {
    const instanceTypes = JSON.parse(readFileSync('examples/describe-instance-types.json', 'utf8'));
    const created = await t.http
      .post('/v1/catalogs/import/aws')
      .send({ name: 'eu-west-1-types', description: 'dumped', instanceTypes })
      .expect(201);
    expect(created.body.catalog).toMatchObject({ name: 'eu-west-1-types', instanceTypeCount: 4, readOnly: false });
    expect(created.body.warnings[0]).toMatchObject({ code: 'INSTANCE_TYPE_BRANCH_ENIS_UNKNOWN' });
    const type = await t.http.get('/v1/catalogs/eu-west-1-types/instance-types/m10i.large').expect(200);
    expect(type.body).toMatchObject({ maxEnis: 4, ipv4PerEni: 12, vcpu: 2, branchInterfaces: null });

    const spec = (await t.http.post('/v1/designs/import/aws').send(bundle()).expect(201)).body.design.spec;
    spec.catalog = 'eu-west-1-types';
    spec.nodeGroups = spec.nodeGroups.filter((group: { name: string }) => group.name === 'general');
    spec.nodeGroups[0].instanceTypes = ['m10i.large'];
    const plan = await t.http.post('/v1/plan').send(spec).expect(200);
    // Custom networking: (4 − 1) ENIs × (12 − 1) + 2 = 35 max pods (the calculator's formula).
    expect(plan.body.nodeGroups[0].instanceTypes[0]).toMatchObject({ instanceType: 'm10i.large', supported: true });
    expect(plan.body.nodeGroups[0].maxPods).toBe(35);

    const mismatch = await t.http.post('/v1/catalogs/import/aws').send({ name: 'bad-types', instanceTypes: bundle().subnets }).expect(400);
    expect(mismatch.body.error).toMatchObject({ code: 'AWS_OUTPUT_MISMATCH', details: [{ path: 'instanceTypes' }] });
    await t.http.get('/v1/catalogs/bad-types').expect(404);
    const gql = await t.graphql(
      'mutation($i: ImportAwsCatalogInput!) { importAwsCatalog(input: $i) { catalog { name instanceTypeCount } warnings { code } } }',
      { i: { name: 'gql-types', instanceTypes } },
    );
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data!.importAwsCatalog.catalog).toEqual({ name: 'gql-types', instanceTypeCount: 4 });
  });
});
