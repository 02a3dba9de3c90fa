/** The exposure and traffic-path operations only compute: a caller with the `read` scope may use all of them, POSTs included. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/platform/auth/static-tokens.js';
import { privateCluster } from '../fixtures/traffic-path/designs.scenario.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const READER = `reader-${randomBytes(8).toString('hex')}`;
const API_TOKENS = JSON.stringify([{ subject: 'reader', sha256: sha256Hex(READER), scopes: ['read'] }]);
const FLOW = { from: { kind: 'POD', workload: 'reports' }, to: { kind: 'INTERNET', ip: '93.184.216.34' }, protocol: 'TCP', port: 443 };

describe('exposure and traffic-path scopes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ API_TOKENS });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets a read-only caller compute over REST and GraphQL, and nobody without a token', async () => {
    const reader = { authorization: `Bearer ${READER}` };
    const calls = [
      () =>
        t.http
          .post('/v1/exposure/recommend')
          .send({ expose: { audience: 'CLUSTER', protocol: 'TCP', port: 80 }, workload: { name: 'api' } }),
      () => t.http.post('/v1/exposure/lint').send({ manifests: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n' }),
      () => t.http.post('/v1/paths/trace').send({ design: privateCluster, flow: FLOW }),
    ];
    for (const call of calls) {
      expect((await call().set(reader)).status).toBe(200);
      expect((await call()).status).toBe(401);
    }
    const recommend = await t.http
      .post('/v1/exposure/recommend')
      .set(reader)
      .send({ expose: { audience: 'CLUSTER', protocol: 'TCP', port: 80 }, workload: { name: 'api' } });
    expect(recommend.body.kind).toBe('CLUSTER_IP');
    const graphql = await t.http
      .post('/graphql')
      .set(reader)
      .send({
        query: 'query($input: TracePathInput!) { tracePath(input: $input) { verdict sourceIpSeenByDestination } }',
        variables: { input: { design: privateCluster, flow: FLOW } },
      });
    expect(graphql.body.data.tracePath).toEqual({ verdict: 'REACHABLE', sourceIpSeenByDestination: 'NAT_GATEWAY_EIP' });
    const svg = await t.http
      .get('/v1/paths/trace.svg')
      .query({ designId: '00000000-0000-4000-8000-000000000000', flow: JSON.stringify(FLOW) })
      .set(reader);
    expect(svg.status).toBe(404);
    expect((await t.http.get('/v1/paths/trace.svg').query({ designId: 'x', flow: '{}' })).status).toBe(401);
  });
});
