/**
 * Answers that cite a source carry its link: the exposure rationale, warnings and errors, and the trace's hop notes,
 * assumptions and drop reason list the tags they cite with the URL of the sources table, over REST and GraphQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citationsOfSource } from '../../src/domain/capacity/capacity-sources.js';
import { citationsIn, citedTags } from '../../src/domain/sources/citations.js';
import { privateCluster } from '../fixtures/traffic-path/designs.scenario.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Cited {
  message?: string;
  note?: string;
  source?: string;
  citations: { tag: string; locator: string | null; url: string }[];
}

const CHECKOUT = {
  expose: {
    audience: 'INTERNET',
    protocol: 'HTTPS',
    port: 443,
    needClientIp: true,
    certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
  },
  workload: { name: 'checkout', namespace: 'shop', port: 443, targetPort: 8443 },
};
const EGRESS = { from: { kind: 'POD', workload: 'reports' }, to: { kind: 'INTERNET', ip: '93.184.216.34' }, protocol: 'TCP', port: 443 };

/** Each entry lists exactly the citations its texts make, every one a link, and cites every tag its texts name. */
function expectCitationsOf(entries: Cited[]): number {
  let cited = 0;
  for (const entry of entries) {
    const texts = [entry.source, entry.message ?? entry.note];
    expect(entry.citations).toEqual(citationsIn(...texts));
    expect(new Set(entry.citations.map((citation) => citation.tag))).toEqual(new Set(texts.flatMap((text) => citedTags(text ?? ''))));
    for (const citation of entry.citations) expect(citation.url).toMatch(/^https:\/\/\S+$/);
    cited += entry.citations.length;
  }
  return cited;
}

describe('citations in answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives every exposure rationale entry, warning and error the links of its source tags (REST)', async () => {
    const { body } = await t.http.post('/v1/exposure/recommend').send(CHECKOUT).expect(200);
    expect(expectCitationsOf([...body.rationale, ...body.warnings, ...body.errors])).toBeGreaterThan(0);
    const r3 = (body.rationale as Cited[]).find((entry) => entry.source?.startsWith('[LBC-IA] L30'));
    expect(r3?.citations[0]).toEqual({
      tag: 'LBC-IA',
      locator: 'L30',
      url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/225f44568848eb25f13e304a5f1cc68c0cd9415d/docs/guide/ingress/annotations.md?plain=1#L30',
    });
    const xff = (body.rationale as Cited[]).flatMap((entry) => entry.citations).find((citation) => citation.tag === 'ELB-ALB-XFF');
    expect(xff?.url).toBe('https://docs.aws.amazon.com/elasticloadbalancing/latest/application/x-forwarded-headers.html');
  });

  it('gives every hop note, assumption and drop reason of a trace the links of its tags (REST and GraphQL)', async () => {
    const { body } = await t.http.post('/v1/paths/trace').send({ design: privateCluster, flow: EGRESS }).expect(200);
    expect(expectCitationsOf([...body.hops, ...body.assumptions])).toBeGreaterThan(0);
    const nat = (body.hops as (Cited & { kind: string })[]).find((hop) => hop.kind === 'NAT_GATEWAY');
    expect(nat?.citations).toContainEqual({
      tag: 'VPC-NAT',
      locator: null,
      url: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html',
    });

    const graphql = await t.graphql(
      'query($input: TracePathInput!) { tracePath(input: $input) { hops { note citations { tag locator url } } assumptions { message citations { tag url } } } }',
      { input: { design: privateCluster, flow: EGRESS } },
    );
    expect(graphql.body.data?.tracePath.hops).toEqual(body.hops.map((hop: Cited) => ({ note: hop.note, citations: hop.citations })));
  });

  it('resolves every capacity step source to a link of the sources table', async () => {
    const { body } = await t.http
      .get('/v1/capacity/max-pods')
      .query({ instanceType: 'm5.large', prefixDelegation: true, customNetworking: true })
      .expect(200);
    for (const step of body.steps as { source: string }[]) expect(citationsOfSource(step.source).length, step.source).toBeGreaterThan(0);
  });

  it('cites the drop code’s sources on a dropped packet', async () => {
    const dropped = { from: { kind: 'INTERNET', ip: '198.51.100.7' }, to: { kind: 'EKS_API' }, protocol: 'TCP', port: 443 };
    const design = { ...privateCluster, endpointAccess: { public: false, private: true } };
    const { body } = await t.http.post('/v1/paths/trace').send({ design, flow: dropped }).expect(200);
    expect(body.verdict).toBe('DROPPED');
    expect(body.dropReason.citations.length).toBeGreaterThan(0);
    expect(body.dropReason.citations.every((citation: { tag: string }) => citation.tag === 'EKS-EP')).toBe(true);
  });
});
