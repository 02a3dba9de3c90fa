/**
 * What a platform team writes against the planner with a generated client: openapi-typescript types from the committed
 * openapi.json, openapi-fetch for the calls. Every call is typed by the contract alone: request bodies, `data`, and
 * `error` (the documented Error schema, so `error.error.code` is one of the service's codes).
 *
 * Run by test/contracts/typed-client.e2e-spec.ts after `tsc --strict`, against PLANNER_URL; prints a JSON summary.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/openapi.js';

type DesignSpec = components['schemas']['DesignSpecModel'];
type ErrorCode = components['schemas']['ErrorBody']['code'];

const baseUrl = process.env.PLANNER_URL;
if (!baseUrl) throw new Error('PLANNER_URL is not set');
const planner = createClient<paths>({
  baseUrl,
  headers: process.env.PLANNER_TOKEN ? { authorization: `Bearer ${process.env.PLANNER_TOKEN}` } : {},
});

/** A failed call ends the journey with the typed error body. */
function fail(step: string, error: components['schemas']['Error'] | undefined): never {
  throw new Error(`${step}: ${error ? `${error.error.code} ${error.error.message}` : 'no body'}`);
}

const spec: DesignSpec = {
  name: 'typed-client',
  region: 'us-east-1',
  ipFamily: 'IPV4',
  vpc: { cidrs: ['10.0.0.0/16'] },
  subnets: [
    { name: 'public-a', az: 'us-east-1a', cidr: '10.0.0.0/24', public: true, roles: ['ELB'] },
    { name: 'private-a', az: 'us-east-1a', cidr: '10.0.32.0/19', natGateway: 'nat-a', roles: ['NODES'] },
    { name: 'private-b', az: 'us-east-1b', cidr: '10.0.64.0/19', natGateway: 'nat-a', roles: ['NODES'] },
  ],
  natGateways: [{ name: 'nat-a', subnet: 'public-a' }],
  nodeGroups: [
    {
      name: 'general',
      kind: 'MANAGED',
      instanceTypes: ['m5.large'],
      subnets: ['private-a', 'private-b'],
      minSize: 2,
      desiredSize: 3,
      maxSize: 6,
    },
  ],
  workloads: [{ name: 'reconciler', nodeGroup: 'general', replicas: 2 }],
};

// Create (201, ETag "1"), then update with If-Match.
const created = await planner.POST('/v1/designs', { body: spec });
if (!created.data) fail('createDesign', created.error);
const design = created.data;
const etag = created.response.headers.get('etag');

const updated = await planner.PUT('/v1/designs/{id}', {
  params: { path: { id: design.id }, header: { 'If-Match': etag ?? '"1"' } },
  body: { ...spec, nodeGroups: spec.nodeGroups.map((group) => ({ ...group, maxSize: 9 })) },
});
if (!updated.data) fail('updateDesign', updated.error);

// The same If-Match again is stale now: a 412 whose code the client reads from the typed error.
const stale = await planner.PUT('/v1/designs/{id}', {
  params: { path: { id: design.id }, header: { 'If-Match': etag ?? '"1"' } },
  body: spec,
});
let staleCode: ErrorCode | undefined;
if (stale.error) {
  const code: ErrorCode = stale.error.error.code;
  if (code === 'REVISION_CONFLICT') staleCode = code;
}
if (stale.response.status !== 412 || staleCode !== 'REVISION_CONFLICT')
  throw new Error(`expected a 412 REVISION_CONFLICT, got ${stale.response.status}`);

const plan = await planner.GET('/v1/designs/{id}/plan', { params: { path: { id: design.id }, query: {} } });
if (!plan.data) fail('getDesignPlan', plan.error);

const trace = await planner.POST('/v1/paths/trace', {
  body: {
    designId: design.id,
    flow: { from: { kind: 'POD', workload: 'reconciler' }, to: { kind: 'INTERNET', ip: '93.184.216.34' }, protocol: 'TCP', port: 443 },
  },
});
if (!trace.data) fail('tracePath', trace.error);

const lint = await planner.POST('/v1/exposure/lint', {
  body: {
    manifests: [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: api',
      '  annotations:',
      '    service.beta.kubernetes.io/aws-load-balancer-schem: internal',
      'spec:',
      '  type: LoadBalancer',
      '  ports: [{port: 443}]',
    ].join('\n'),
  },
});
if (!lint.data) fail('lintManifests', lint.error);

// The YAML export is text (application/yaml): the client parses it as such.
const exported = await planner.GET('/v1/designs/{id}/export/eksctl', {
  params: { path: { id: design.id }, query: {} },
  parseAs: 'text',
});
if (exported.error !== undefined || typeof exported.data !== 'string') fail('exportEksctlConfig', exported.error);
const yaml: string = exported.data;

const missing = await planner.GET('/v1/designs/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });

console.log(
  JSON.stringify({
    createdRevision: design.revision,
    etag,
    updatedRevision: updated.data.revision,
    staleStatus: stale.response.status,
    staleCode,
    planNodeGroups: plan.data.nodeGroups.map((group) => group.name),
    traceVerdict: trace.data.verdict,
    traceHops: trace.data.hops.length,
    lintCodes: lint.data.findings.map((finding) => finding.code),
    exportContentType: exported.response.headers.get('content-type'),
    exportFirstLine: yaml.split('\n').find((line) => !line.startsWith('#')),
    missingStatus: missing.response.status,
    missingCode: missing.error?.error.code,
  }),
);
