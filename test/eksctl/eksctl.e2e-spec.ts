import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestApp, type TestApp } from '../support/test-app.js';

const fixture = (name: string) => readFileSync(`test/fixtures/eksctl/${name}`, 'utf8');

describe('eksctl import and export over the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports a ClusterConfig (YAML body), saves it, and lists what it could not map', async () => {
    const response = await t.http
      .post('/v1/designs/import/eksctl')
      .set('content-type', 'application/yaml')
      .send(fixture('private-prefix-delegation.yaml'))
      .expect(201);
    expect(response.headers.location).toBe(`/v1/designs/${response.body.design.id}`);
    expect(response.body.design).toMatchObject({ revision: 1 });
    expect(response.body.design.spec.cni).toMatchObject({ prefixDelegation: true });
    expect(response.body.unsupported.map((u: { path: string }) => u.path)).toContain('iam');
    const saved = await t.http.get(`/v1/designs/${response.body.design.id}`).expect(200);
    expect(saved.body.spec).toEqual(response.body.design.spec);
  });

  it('accepts {"yaml": …} JSON too, and round-trips import → export → import', async () => {
    const first = await t.http
      .post('/v1/designs/import/eksctl')
      .send({ yaml: fixture('custom-networking.yaml') })
      .expect(201);
    const yaml = await t.http.get(`/v1/designs/${first.body.design.id}/export/eksctl`).expect(200);
    expect(yaml.headers['content-type']).toContain('application/yaml');
    expect(parse(yaml.text)).toMatchObject({ apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig' });
    const second = await t.http.post('/v1/designs/import/eksctl').set('content-type', 'application/yaml').send(yaml.text).expect(201);
    expect(second.body.design.spec).toEqual(first.body.design.spec);
    const withNotes = await t.http.get(`/v1/designs/${first.body.design.id}/export/eksctl`).set('accept', 'application/json').expect(200);
    expect(withNotes.body.yaml).toBe(yaml.text);
    expect(Array.isArray(withNotes.body.notExported)).toBe(true);
  });

  it('answers design errors of an import in ClusterConfig paths, and lists each not-exported path once, in the YAML too (issue 17 item 7)', async () => {
    const config = [
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: { name: demo, region: us-east-1 }',
      'vpc:',
      '  cidr: 10.0.0.0/16',
      '  subnets:',
      '    private:',
      '      us-east-1a: { cidr: 10.0.16.0/20 }',
      '      us-east-1b: { cidr: 10.0.32.0/20 }',
      'managedNodeGroups:',
      '  - name: web',
      '    instanceTypes: [m5.large, m5.gigantic]',
      '    privateNetworking: true',
      '',
    ].join('\n');
    const refused = await t.http.post('/v1/designs/import/eksctl').set('content-type', 'application/yaml').send(config).expect(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toEqual(['managedNodeGroups[0].instanceTypes[1]']);

    const design = (
      await t.http
        .post('/v1/designs/import/eksctl')
        .set('content-type', 'application/yaml')
        .send(fixture('private-prefix-delegation.yaml'))
        .expect(201)
    ).body.design;
    const spec = { ...design.spec, workloads: [{ name: 'api', nodeGroup: design.spec.nodeGroups[0].name, replicas: 2 }] };
    await t.http.put(`/v1/designs/${design.id}`).set('if-match', `"${design.revision}"`).send(spec).expect(200);
    const exported = await t.http.get(`/v1/designs/${design.id}/export/eksctl`).expect(200);
    const header = String(exported.headers['x-not-exported']).split(', ');
    expect(header).toContain('workloads');
    expect(header).toEqual([...new Set(header)]);
    for (const path of header) expect(exported.text).toContain(`#   ${path}: `);
  });

  it('exports the aws-node environment and ENIConfigs of a custom-networking design', async () => {
    const imported = await t.http
      .post('/v1/designs/import/eksctl')
      .set('content-type', 'application/yaml')
      .send(fixture('custom-networking.yaml'))
      .expect(201);
    const { body } = await t.http.get(`/v1/designs/${imported.body.design.id}/export/cni`).expect(200);
    expect(body.env).toMatchObject({ AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true', ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone' });
    expect(body.setEnvCommand).toMatch(/^kubectl set env daemonset aws-node -n kube-system /);
    expect(JSON.parse(body.configurationValues).env).toEqual(body.env);
    expect(body.eniConfigs).toContain('kind: ENIConfig');
  });

  it('answers coded 4xx for malformed or hostile YAML and unknown designs', async () => {
    const malformed = await t.http
      .post('/v1/designs/import/eksctl')
      .set('content-type', 'application/yaml')
      .send('apiVersion: eksctl.io/v1alpha5\nkind: [')
      .expect(400);
    expect(malformed.body.error.code).toBe('MALFORMED_YAML');
    expect(malformed.body.error.message).toMatch(/line \d+/);
    const notEksctl = await t.http
      .post('/v1/designs/import/eksctl')
      .set('content-type', 'application/yaml')
      .send('apiVersion: v1\nkind: Service\n')
      .expect(400);
    expect(notEksctl.body.error.code).toBe('NOT_AN_EKSCTL_CLUSTER_CONFIG');
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n');
    expect(
      (await t.http.post('/v1/designs/import/eksctl').set('content-type', 'application/yaml').send(bomb).expect(400)).body.error.code,
    ).toMatch(/YAML_ALIAS_LIMIT_EXCEEDED|NOT_AN_EKSCTL_CLUSTER_CONFIG/);
    expect((await t.http.post('/v1/designs/import/eksctl').send({ yaml: 42 }).expect(400)).body.error.code).toBe('MALFORMED_YAML');
    expect((await t.http.get('/v1/designs/00000000-0000-4000-8000-000000000000/export/eksctl').expect(404)).body.error.code).toBe(
      'DESIGN_NOT_FOUND',
    );
    expect(
      (await t.http.get('/v1/designs/00000000-0000-4000-8000-000000000000/export/cni').query({ revision: 'x' }).expect(400)).body.error
        .code,
    ).toBe('VALIDATION_FAILED');
  });

  it('serves importEksctl and the exports over GraphQL', async () => {
    const imported = await t.graphql(
      'mutation($y: String!) { importEksctl(yaml: $y) { design { id revision } unsupported { path } warnings { code } } }',
      { y: fixture('fargate-profiles.yaml') },
    );
    expect(imported.body.errors).toBeUndefined();
    const id = imported.body.data!.importEksctl.design.id;
    const read = await t.graphql(
      'query($id: ID!) { design(id: $id) { eksctlConfig { yaml notExported { path } } cniConfig { env { name value } setEnvCommand } } }',
      { id },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data!.design.eksctlConfig.yaml).toContain('fargateProfiles');
    const bad = await t.graphql('mutation { importEksctl(yaml: "kind: [") { design { id } } }');
    expect(bad.body.errors?.[0].extensions?.code).toBe('MALFORMED_YAML');
  });
});
