/**
 * At least 10,000 generated malformed or hostile requests across every REST route and GraphQL operation: no response is
 * ever ≥ 500, the process keeps serving, and nothing stored changes (every mutation is built to be invalid).
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { withClient } from '../support/database.js';
import {
  hostileBodyText,
  hostileCidr,
  hostileJson,
  hostileNumber,
  hostileText,
  hostileYaml,
  mutatedDesign,
} from '../support/hostile.arbitraries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** At least 10,000 requests in all, spread evenly over the targets (FUZZ_TOTAL overrides). */
const TOTAL_REQUESTS = Number(process.env.FUZZ_TOTAL ?? 10_000);

interface Target {
  name: string;
  request: fc.Arbitrary<InjectOptions>;
}

const seg = hostileText.map((s) => encodeURIComponent(s.toWellFormed()).slice(0, 3000) || '%20');
const query = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom(
        'instanceType',
        'catalog',
        'launcher',
        'prefixDelegation',
        'maxEnis',
        'kubeletMaxPods',
        'maxPodsExpression',
        'cniVersion',
        'ipFamily',
        'os',
        'family',
        'minVcpu',
        'trunking',
        'hypervisor',
        'limit',
        'cursor',
        'owner',
        'tag',
        'showMaxAllowed',
        'podsPerCore',
        'reservedEnis',
        'amiFamily',
        'designId',
        'flow',
      ),
      hostileText,
    ),
    hostileText.map(String),
    { maxKeys: 6 },
  )
  .map((q) => Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v).slice(0, 5000)])));
const jsonBody = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((v) => JSON.stringify(v) ?? 'null');
const anyBody = fc.oneof(hostileBodyText, jsonBody(hostileJson));

function rest(
  method: InjectOptions['method'],
  path: fc.Arbitrary<string> | string,
  options: { body?: fc.Arbitrary<string>; contentType?: string; headers?: fc.Arbitrary<Record<string, string>> } = {},
): fc.Arbitrary<InjectOptions> {
  return fc
    .record({
      path: typeof path === 'string' ? fc.constant(path) : path,
      query,
      body: options.body ?? fc.constant(undefined),
      headers: options.headers ?? fc.constant({}),
      contentType: fc.constantFrom(
        options.contentType ?? 'application/json',
        options.contentType ?? 'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/yaml',
      ),
    })
    .map(({ path: p, query: q, body, headers, contentType }) => ({
      method,
      url: p,
      query: q,
      ...(body !== undefined ? { payload: body, headers: { 'content-type': contentType, ...headers } } : { headers }),
    }));
}

function graphql(document: string | fc.Arbitrary<string>, variables: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<InjectOptions> {
  return fc
    .record({ document: typeof document === 'string' ? fc.constant(document) : document, variables })
    .map(({ document: d, variables: v }) => ({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: d, variables: v }),
    }));
}

describe('hostile input', () => {
  let t: TestApp;
  let seededDesignId: string;
  const seededCatalog = 'fuzz-seed';
  const counts = { requests: 0, byStatus: new Map<number, number>() };

  const snapshot = () =>
    withClient(t.databaseUrl, async (client) => {
      const tables = ['"Catalog"', '"InstanceType"', '"Design"', '"DesignRevision"'];
      const digests = await Promise.all(
        tables.map(
          async (table) =>
            (
              await client.query(
                `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
              )
            ).rows[0],
        ),
      );
      return Object.fromEntries(tables.map((table, i) => [table, digests[i]]));
    });

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'silent' });
    seededDesignId = (await t.http.post('/v1/designs').send(validDesign()).expect(201)).body.id;
    await t.http
      .post('/v1/catalogs')
      .send({
        name: seededCatalog,
        instanceTypes: [{ name: 'f1.large', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'NITRO', bareMetal: false }],
      })
      .expect(201);
  });

  afterAll(async () => {
    await t.close();
  });

  const targets = (): Target[] => {
    const designId = fc.oneof(fc.constant(seededDesignId), fc.uuid(), seg);
    const ifMatch = fc.oneof(
      fc.constant({}),
      // eslint-disable-next-line no-control-regex -- header values cannot carry control characters
      hostileText.map((v) => ({ 'if-match': v.replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, '').slice(0, 200) || '""' })),
      fc.constantFrom({ 'if-match': '"1"' }, { 'if-match': 'W/"1"' }, { 'if-match': '"2", "3"' }),
    );
    const instanceTypeBody = jsonBody(
      fc.record({
        name: fc.oneof(hostileText, fc.constant('f1.large')),
        maxEnis: hostileNumber,
        ipv4PerEni: hostileNumber,
        hypervisor: hostileText,
        bareMetal: hostileJson,
        networkCards: hostileJson,
        fuzz: fc.constant(true),
      }),
    );
    return [
      { name: 'GET /v1/catalogs', request: rest('GET', '/v1/catalogs') },
      {
        name: 'POST /v1/catalogs',
        request: rest('POST', '/v1/catalogs', {
          body: fc.oneof(
            anyBody,
            jsonBody(fc.record({ name: hostileText, description: hostileJson, instanceTypes: hostileJson, fuzz: fc.constant(1) })),
          ),
        }),
      },
      {
        name: 'GET /v1/catalogs/:name',
        request: rest(
          'GET',
          seg.map((s) => `/v1/catalogs/${s}`),
        ),
      },
      {
        name: 'DELETE /v1/catalogs/:name',
        request: rest(
          'DELETE',
          fc.oneof(seg, fc.constant('aws')).map((s) => `/v1/catalogs/${s}`),
        ),
      },
      {
        name: 'GET /v1/catalogs/:c/instance-types',
        request: rest(
          'GET',
          fc.oneof(seg, fc.constant('aws')).map((s) => `/v1/catalogs/${s}/instance-types`),
        ),
      },
      {
        name: 'GET /v1/catalogs/:c/instance-types/:n',
        request: rest(
          'GET',
          fc.tuple(fc.oneof(seg, fc.constant('aws')), seg).map(([c, n]) => `/v1/catalogs/${c}/instance-types/${n}`),
        ),
      },
      {
        name: 'PUT /v1/catalogs/:c/instance-types/:n',
        request: rest(
          'PUT',
          fc
            .tuple(fc.oneof(seg, fc.constant(seededCatalog), fc.constant('aws')), fc.oneof(seg, fc.constant('f1.large')))
            .map(([c, n]) => `/v1/catalogs/${c}/instance-types/${n}`),
          { body: fc.oneof(anyBody, instanceTypeBody) },
        ),
      },
      {
        name: 'DELETE /v1/catalogs/:c/instance-types/:n',
        request: rest(
          'DELETE',
          fc.tuple(fc.oneof(seg, fc.constant('aws')), seg).map(([c, n]) => `/v1/catalogs/${c}/instance-types/${n}`),
        ),
      },
      { name: 'POST /v1/designs', request: rest('POST', '/v1/designs', { body: fc.oneof(anyBody, jsonBody(mutatedDesign)) }) },
      { name: 'GET /v1/designs', request: rest('GET', '/v1/designs') },
      {
        name: 'GET /v1/designs/:id',
        request: rest(
          'GET',
          designId.map((id) => `/v1/designs/${id}`),
        ),
      },
      {
        name: 'PUT /v1/designs/:id',
        request: rest(
          'PUT',
          designId.map((id) => `/v1/designs/${id}`),
          { body: fc.oneof(anyBody, jsonBody(mutatedDesign)), headers: ifMatch },
        ),
      },
      {
        name: 'DELETE /v1/designs/:id',
        request: rest(
          'DELETE',
          fc.oneof(fc.uuid(), seg).map((id) => `/v1/designs/${id}`),
          { headers: ifMatch },
        ),
      },
      {
        name: 'GET /v1/designs/:id/revisions',
        request: rest(
          'GET',
          designId.map((id) => `/v1/designs/${id}/revisions`),
        ),
      },
      {
        name: 'GET /v1/designs/:id/revisions/:n',
        request: rest(
          'GET',
          fc
            .tuple(designId, fc.oneof(seg, hostileNumber.map(String)))
            .map(([id, n]) => `/v1/designs/${id}/revisions/${encodeURIComponent(n)}`),
        ),
      },
      { name: 'GET /v1/capacity/max-pods', request: rest('GET', '/v1/capacity/max-pods') },
      { name: 'GET /v1/capacity/max-pods-table', request: rest('GET', '/v1/capacity/max-pods-table') },
      {
        name: 'POST /v1/capacity/subnet-usage',
        request: rest('POST', '/v1/capacity/subnet-usage', {
          body: fc.oneof(
            anyBody,
            jsonBody(
              fc.record({
                subnet: fc.record({ cidr: hostileCidr }),
                cni: fc.oneof(
                  hostileJson,
                  fc.record({ prefixDelegation: hostileJson, warmIpTarget: hostileNumber, warmPrefixTarget: hostileNumber }),
                ),
                nodeGroups: fc.array(
                  fc.record({
                    instanceType: fc.oneof(hostileText, fc.constant('m5.large')),
                    nodes: hostileNumber,
                    podsPerNode: hostileNumber,
                    maxPods: hostileNumber,
                  }),
                  { maxLength: 4 },
                ),
              }),
            ),
          ),
        }),
      },
      {
        name: 'POST /v1/exposure/recommend',
        request: rest('POST', '/v1/exposure/recommend', {
          body: fc.oneof(
            anyBody,
            jsonBody(
              fc.record(
                {
                  expose: fc.oneof(
                    hostileJson,
                    fc.record({
                      audience: fc.constantFrom('CLUSTER', 'VPC', 'INTERNET', 'MOON'),
                      protocol: fc.constantFrom('HTTP', 'HTTPS', 'TCP', 'UDP', 'TLS', 'GRPC', 'SCTP'),
                      port: hostileNumber,
                      targetType: hostileJson,
                      staticIps: hostileJson,
                      shareGroup: hostileText,
                      nodePort: hostileNumber,
                      eipAllocations: hostileJson,
                    }),
                  ),
                  context: fc.oneof(
                    hostileJson,
                    fc.record({
                      compute: hostileText,
                      ipFamily: fc.constantFrom('IPV4', 'IPV6', 'x'),
                      controller: fc.constantFrom('LBC', 'CCM_ONLY', 'x'),
                      lbcVersion: hostileText,
                      subnets: hostileJson,
                    }),
                  ),
                  workload: fc.oneof(
                    hostileJson,
                    fc.record({ name: hostileText, namespace: hostileText, port: hostileNumber, targetPort: hostileJson }),
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
          ),
        }),
      },
      {
        name: 'POST /v1/exposure/lint',
        request: fc.oneof(
          rest('POST', '/v1/exposure/lint', {
            body: fc.oneof(anyBody, jsonBody(fc.record({ manifests: hostileYaml, context: hostileJson }, { requiredKeys: [] }))),
          }),
          rest('POST', '/v1/exposure/lint', { body: hostileYaml, contentType: 'application/yaml' }),
        ),
      },
      {
        name: 'POST /v1/paths/trace',
        request: rest('POST', '/v1/paths/trace', {
          body: fc.oneof(
            anyBody,
            jsonBody(
              fc.record(
                {
                  design: fc.oneof(hostileJson, mutatedDesign),
                  designId: fc.oneof(fc.constant(seededDesignId), hostileJson),
                  revision: hostileJson,
                  flow: fc.oneof(
                    hostileJson,
                    fc.record({
                      from: fc.oneof(
                        hostileJson,
                        fc.record({
                          kind: fc.constantFrom('POD', 'NODE', 'INTERNET', 'VPC_HOST', 'PEER', 'SERVICE', 'EKS_API', 'X'),
                          workload: fc.oneof(hostileText, fc.constant('checkout')),
                          nodeGroup: hostileText,
                          ip: fc.oneof(hostileText, hostileCidr),
                          network: hostileText,
                          sameNode: hostileJson,
                        }),
                      ),
                      to: fc.oneof(
                        hostileJson,
                        fc.record({
                          kind: fc.constantFrom('POD', 'INTERNET', 'SERVICE', 'EKS_API', 'PEER'),
                          workload: fc.oneof(hostileText, fc.constant('ledger')),
                          ip: fc.oneof(hostileText, fc.constant('93.184.216.34')),
                          network: fc.oneof(hostileText, fc.constant('on-prem')),
                        }),
                      ),
                      protocol: hostileJson,
                      port: hostileNumber,
                    }),
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
          ),
        }),
      },
      {
        name: 'GET /v1/paths/trace.svg',
        request: fc.tuple(fc.oneof(fc.constant(seededDesignId), hostileText), hostileBodyText).map(([designId, flow]) => ({
          method: 'GET' as const,
          url: '/v1/paths/trace.svg',
          query: { designId: designId.slice(0, 500), flow: flow.slice(0, 5000) },
        })),
      },
      {
        name: 'GET /v1/designs/:id/plan and diff',
        request: fc.oneof(
          rest(
            'GET',
            designId.map((id) => `/v1/designs/${id}/plan`),
          ),
          rest(
            'GET',
            designId.map((id) => `/v1/designs/${id}/diff`),
          ),
        ),
      },
      { name: 'POST /v1/plan', request: rest('POST', '/v1/plan', { body: fc.oneof(anyBody, jsonBody(mutatedDesign)) }) },
      {
        name: 'POST /v1/designs/import/eksctl',
        request: fc.oneof(
          rest('POST', '/v1/designs/import/eksctl', { body: hostileYaml, contentType: 'application/yaml' }),
          rest('POST', '/v1/designs/import/eksctl', {
            body: fc.oneof(anyBody, jsonBody(fc.record({ yaml: fc.oneof(hostileYaml, hostileJson) }))),
          }),
          fc
            .constantFrom(
              'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n',
              'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: x, region: mars-1}\n',
              'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: x\n  region: us-east-1\nvpc:\n  cidr: 10.0.0.1/16\n',
            )
            .map((yaml) => ({
              method: 'POST' as const,
              url: '/v1/designs/import/eksctl',
              headers: { 'content-type': 'application/yaml' },
              payload: yaml,
            })),
        ),
      },
      {
        name: 'GET /v1/designs/:id/export/*',
        request: rest(
          'GET',
          fc.tuple(designId, fc.constantFrom('eksctl', 'cni')).map(([id, kind]) => `/v1/designs/${id}/export/${kind}`),
        ),
      },
      {
        name: 'GET health, docs and metrics',
        request: rest(
          'GET',
          fc
            .constantFrom(
              '/health/live',
              '/health/ready',
              '/metrics',
              '/openapi.json',
              '/docs',
              '/graphiql',
              '/graphiql/assets/x.js',
              '/v1',
              '/',
              '/v2/catalogs',
            )
            .chain((p) => seg.map((s) => (p.endsWith('x.js') ? `/graphiql/assets/${s}` : p))),
        ),
      },
      {
        name: 'GraphQL queries',
        request: graphql(
          fc.constantFrom(
            'query($c: String!, $f: InstanceTypeFilter, $n: Int, $a: String) { instanceTypes(catalog: $c, filter: $f, first: $n, after: $a) { items { name } nextCursor } }',
            'query($c: String!, $n: String!) { instanceType(catalog: $c, name: $n) { name maxEnis } }',
            'query($id: ID!, $r: Int!) { design(id: $id) { name revisionAt(revision: $r) { revision } revisions { revision } } }',
            'query($o: String, $t: String, $n: Int, $a: String) { designs(owner: $o, tag: $t, first: $n, after: $a) { items { id } nextCursor } }',
            'query($i: MaxPodsInput!) { maxPods(input: $i) { maxPods steps { rule } } }',
            'query($i: MaxPodsTableInput) { maxPodsTable(input: $i) { skipped { instanceType } } }',
            'query($i: SubnetUsageInput!) { subnetUsage(input: $i) { usedIps freeIps } }',
            'query($name: String!) { catalog(name: $name) { name } }',
          ),
          fc.record(
            {
              c: hostileJson,
              n: hostileJson,
              f: hostileJson,
              a: hostileJson,
              id: fc.oneof(fc.constant(seededDesignId), hostileJson),
              r: hostileJson,
              o: hostileJson,
              t: hostileJson,
              i: fc.oneof(
                hostileJson,
                fc.record({
                  instanceType: fc.oneof(hostileText, fc.constant('m5.large')),
                  maxEnis: hostileNumber,
                  maxPodsExpression: hostileText,
                  cniVersion: hostileText,
                }),
              ),
              name: hostileJson,
            },
            { requiredKeys: [] },
          ),
        ),
      },
      {
        name: 'GraphQL mutations',
        request: graphql(
          fc.constantFrom(
            'mutation($s: DesignSpecInput!) { createDesign(spec: $s) { id } }',
            'mutation($id: ID!, $r: Int!, $s: DesignSpecInput!) { updateDesign(id: $id, expectedRevision: $r, spec: $s) { revision } }',
            'mutation($d: ID!) { deleteDesign(id: $d) }',
            'mutation($i: CreateCatalogInput!) { createCatalog(input: $i) { name } }',
            'mutation($name: String!) { deleteCatalog(name: $name) }',
            'mutation($c: String!, $i: InstanceTypeInput!) { upsertInstanceType(catalog: $c, input: $i) { name } }',
            'mutation($c: String!, $name: String!) { deleteInstanceType(catalog: $c, name: $name) }',
          ),
          fc.record(
            {
              // Every spec is invalid (the CIDR), so even the seeded design's id cannot be updated; deletes never name it.
              s: fc.oneof(
                hostileJson,
                mutatedDesign.map((d) => ({ ...d, vpc: { cidrs: ['999.0.0.0/8'] } })),
              ),
              id: fc.oneof(fc.uuid(), hostileJson, fc.constant(seededDesignId)),
              d: fc.oneof(fc.uuid(), hostileJson),
              r: hostileJson,
              i: fc.oneof(
                hostileJson,
                fc.record({
                  name: hostileText,
                  instanceTypes: hostileJson,
                  maxEnis: hostileNumber,
                  ipv4PerEni: hostileNumber,
                  hypervisor: fc.constant('XEN'),
                  bareMetal: fc.boolean(),
                  vcpu: fc.constant(-3),
                }),
              ),
              c: fc.oneof(hostileJson, fc.constant('aws'), fc.constant(seededCatalog)),
              name: fc.oneof(hostileJson, fc.constant('aws')),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      {
        name: 'GraphQL engines',
        request: graphql(
          fc.constantFrom(
            'query($i: ExposureRequestInput!) { exposureRecommendation(input: $i) { kind errors { code } } }',
            'query($m: String!, $c: LintContextInput) { lintManifests(manifests: $m, context: $c) { findings { code } } }',
            'query($i: TracePathInput!) { tracePath(input: $i) { verdict hops { kind } } }',
            'query($s: DesignSpecInput!) { plan(spec: $s) { summary { status } } }',
            'query($id: ID!, $f: Int!, $t: Int!) { designDiff(id: $id, from: $f, to: $t) { spec { path } } }',
            'query($id: ID!, $r: Int) { design(id: $id) { plan(revision: $r) { summary { errors } } eksctlConfig(revision: $r) { yaml } cniConfig { setEnvCommand } } }',
            'mutation($y: String!) { importEksctl(yaml: $y) { design { id } } }',
          ),
          fc.record(
            {
              i: fc.oneof(
                hostileJson,
                fc.record({
                  expose: hostileJson,
                  workload: hostileJson,
                  designId: fc.oneof(fc.constant(seededDesignId), hostileJson),
                  flow: hostileJson,
                }),
              ),
              m: fc.oneof(hostileYaml, hostileJson),
              c: hostileJson,
              s: fc.oneof(
                hostileJson,
                mutatedDesign.map((d) => ({ ...d, vpc: { cidrs: ['999.0.0.0/8'] } })),
              ),
              id: fc.oneof(fc.constant(seededDesignId), hostileJson),
              f: hostileJson,
              t: hostileJson,
              r: hostileJson,
              y: fc.oneof(hostileYaml, hostileJson),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      {
        name: 'GraphQL malformed documents',
        request: fc
          .oneof(
            hostileText,
            fc
              .integer({ min: 10, max: 400 })
              .map((depth) => `{ ${'design(id: "x") { spec { '.repeat(1)}${'vpc { '.repeat(depth)}cidrs${' }'.repeat(depth)} } } }`),
            fc
              .integer({ min: 10, max: 3000 })
              .map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: catalogs { name }`).join(' ')} }`),
            fc.constantFrom(
              '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
              'query { maxPodsTable { items { steps { rule } } } a: maxPodsTable { items { maxPods } } }',
              'subscription { x }',
              'mutation { deleteDesign }',
              '{ designs(first: -1) { items { id } } }',
            ),
          )
          .map((document) => ({
            method: 'POST' as const,
            url: '/graphql',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify({ query: document }),
          })),
      },
      {
        name: 'GraphQL raw bodies',
        request: fc
          .tuple(anyBody, fc.constantFrom('application/json', 'text/plain', 'application/graphql', 'multipart/form-data'))
          .map(([payload, contentType]) => ({
            method: 'POST' as const,
            url: '/graphql',
            headers: { 'content-type': contentType },
            payload,
          })),
      },
      {
        name: 'GraphQL GET',
        request: fc
          .tuple(hostileText, hostileText)
          .map(([q, v]) => ({ method: 'GET' as const, url: '/graphql', query: { query: q.slice(0, 3000), variables: v.slice(0, 3000) } })),
      },
    ];
  };

  it('never answers ≥ 500, never crashes, and changes nothing stored', async () => {
    const before = await snapshot();
    const fastify = t.app.getHttpAdapter().getInstance();
    const all = targets();
    const runsPerTarget = Math.ceil(TOTAL_REQUESTS / all.length);
    for (const target of all) {
      await fc.assert(
        fc.asyncProperty(target.request, async (request) => {
          const response = await fastify.inject(request);
          counts.requests += 1;
          counts.byStatus.set(response.statusCode, (counts.byStatus.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode >= 500)
            throw new Error(
              `${target.name}: ${response.statusCode} for ${JSON.stringify(request).slice(0, 600)}\n${response.body.slice(0, 600)}`,
            );
          if (request.url === '/graphql' && response.headers['content-type']?.toString().includes('json')) {
            const codes = ((JSON.parse(response.body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map(
              (e) => e.extensions?.code,
            );
            if (codes.some((c) => c === 'INTERNAL' || c === 'INTERNAL_SERVER_ERROR' || c === undefined)) {
              throw new Error(
                `${target.name}: internal GraphQL error for ${JSON.stringify(request).slice(0, 600)}\n${response.body.slice(0, 600)}`,
              );
            }
          }
        }),
        { numRuns: runsPerTarget, seed: Number(process.env.FUZZ_SEED ?? 424242) },
      );
    }
    expect(counts.requests).toBe(all.length * runsPerTarget);
    expect(counts.requests).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
    expect(await snapshot()).toEqual(before);
    const seeded = await t.http.get(`/v1/designs/${seededDesignId}`).expect(200);
    expect(seeded.body).toMatchObject({ revision: 1, spec: validDesign() });
    await t.http.get('/health/live').expect(200);
    console.info(
      `hostile input: ${counts.requests} requests over ${all.length} targets; statuses ${JSON.stringify(Object.fromEntries([...counts.byStatus].sort((a, b) => a[0] - b[0])))}`,
    );
  }, 600_000);
});
