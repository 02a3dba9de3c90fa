import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cidrContainsAddress, parseCidrResult } from '../../src/domain/network/cidr.js';
import type { DesignSpec } from '../../src/domain/spec/design-spec.types.js';
import { privateCluster, variant } from '../fixtures/traffic-path/designs.scenario.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The acceptance flow: a pod of the `batch` node group (private subnet private-b, NAT gateway nat-b) calls the internet. */
const POD_TO_INTERNET = {
  from: { kind: 'POD', workload: 'reports' },
  to: { kind: 'INTERNET', ip: '93.184.216.34' },
  protocol: 'TCP',
  port: 443,
};
const INTERNET_TO_WEB = { from: { kind: 'INTERNET', ip: '8.8.8.8' }, to: { kind: 'SERVICE', workload: 'web' }, protocol: 'TCP', port: 80 };
const EXTERNAL_SNAT = variant(privateCluster, (design) => {
  design.cni = { ...design.cni, externalSnat: true };
});
const IN_TREE_ONLY = variant(privateCluster, (design) => {
  design.loadBalancerController = { installed: false };
});

interface HopBody {
  kind: string;
  name: string;
  action: string;
  packet: { src: string; srcRole: string; dst: string; dstRole: string; dstPort: number };
}
const kinds = (body: { hops: HopBody[] }) => body.hops.map((hop) => hop.kind);
const actions = (body: { hops: HopBody[] }) => body.hops.map((hop) => hop.action);
const paths = (body: { error: { details: { path: string }[] } }) => body.error.details.map((detail) => detail.path).sort();
const inSubnet = (cidr: string, ip: string) => {
  const parsed = parseCidrResult(cidr);
  return parsed.ok && cidrContainsAddress(parsed.cidr, ip);
};

/** Balanced tags, quoted attributes, no stray `<` or `&` between them. */
function expectWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  let cursor = 0;
  for (const match of xml.matchAll(tag)) {
    const text = xml.slice(cursor, match.index);
    expect(text).not.toMatch(/</);
    expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, '')).not.toContain('&');
    cursor = match.index + match[0].length;
    if (!match[2]) continue;
    if (match[1]) expect(stack.pop()).toBe(match[2]);
    else if (!match[4]) stack.push(match[2]);
  }
  expect(xml.slice(cursor).trim()).toBe('');
  expect(stack).toEqual([]);
}

const TRACE_QUERY = `query($input: TracePathInput!) {
  tracePath(input: $input) {
    verdict dropReason { code message citations { tag locator url } } sourceIpSeenByDestination clientIpPreserved clientIpVia
    hops { kind name action packet { src srcRole dst dstRole dstPort } securityGroups { name direction allowed rule } note citations { tag locator url } }
    assumptions { code message citations { tag locator url } } diagram { mermaid }
  }
}`;

describe('traffic path over REST and GraphQL', () => {
  let t: TestApp;
  let savedId: string;
  beforeAll(async () => {
    t = await startTestApp();
    savedId = (await t.http.post('/v1/designs').send(privateCluster).expect(201)).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const trace = (body: object) => t.http.post('/v1/paths/trace').send(body);
  const svgOf = async (request: ReturnType<TestApp['http']['get']>) => {
    const response = await request.buffer(true).parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
    return {
      status: response.status,
      type: response.headers['content-type'],
      svg: response.body as string,
      headers: response.headers,
    };
  };

  describe('POST /v1/paths/trace', () => {
    it('traces a pod in a private subnet to the internet: POD → NODE (SNAT) → NAT_GATEWAY → INTERNET_GATEWAY → INTERNET', async () => {
      const { body } = await trace({ design: privateCluster, flow: POD_TO_INTERNET }).expect(200);
      expect(body).toMatchObject({
        verdict: 'REACHABLE',
        dropReason: null,
        sourceIpSeenByDestination: 'NAT_GATEWAY_EIP',
        clientIpPreserved: false,
        clientIpVia: 'NONE',
      });
      expect(kinds(body)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
      expect(actions(body)).toEqual(['FORWARD', 'SNAT', 'SNAT', 'FORWARD', 'DELIVER']);
      const [pod, node, nat, , internet] = body.hops as HopBody[];
      expect(pod.packet.srcRole).toBe('POD_IP');
      expect(inSubnet('10.0.32.0/20', pod.packet.src)).toBe(true);
      expect(node.packet).toMatchObject({ srcRole: 'NODE_PRIMARY_IP', dst: '93.184.216.34', dstPort: 443 });
      expect(inSubnet('10.0.32.0/20', node.packet.src)).toBe(true);
      expect(nat).toMatchObject({ name: 'nat-b', packet: { srcRole: 'NAT_GATEWAY_EIP' } });
      expect(internet.packet).toEqual({
        src: nat.packet.src,
        srcRole: 'NAT_GATEWAY_EIP',
        dst: '93.184.216.34',
        dstRole: 'HOST_IP',
        dstPort: 443,
      });
      expect(body.assumptions.map((a: { code: string }) => a.code)).toContain('ADDRESS_PLACEHOLDERS');
      expect(body.diagram.mermaid).toMatch(/^flowchart LR\n/);
      expect(body.diagram.mermaid).toContain('class h4 delivered');
    });

    it('with externalSnat=true the node does not translate: the NAT gateway sees the pod address', async () => {
      const { body } = await trace({ design: EXTERNAL_SNAT, flow: POD_TO_INTERNET }).expect(200);
      expect(kinds(body)).toEqual(['POD', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
      expect(body.hops.some((hop: HopBody) => hop.kind === 'NODE' && hop.action === 'SNAT')).toBe(false);
      expect(body.hops[1]).toMatchObject({ kind: 'NAT_GATEWAY', action: 'SNAT', packet: { srcRole: 'NAT_GATEWAY_EIP' } });
      expect(body.sourceIpSeenByDestination).toBe('NAT_GATEWAY_EIP');
    });

    it('uses the NAT gateway Elastic IPs the caller knows instead of placeholders', async () => {
      const { body } = await trace({
        design: privateCluster,
        flow: { ...POD_TO_INTERNET, natGatewayEips: [{ natGateway: 'nat-b', ip: '54.210.10.20' }] },
      }).expect(200);
      expect(body.hops.at(-1).packet.src).toBe('54.210.10.20');
      expect(body.assumptions.map((a: { code: string }) => a.code)).not.toContain('ADDRESS_PLACEHOLDERS');
    });

    it('traces a saved design by id, the same as inline, and an older revision on request', async () => {
      const inline = await trace({ design: privateCluster, flow: POD_TO_INTERNET }).expect(200);
      const saved = await trace({ designId: savedId, flow: POD_TO_INTERNET }).expect(200);
      expect(saved.body).toEqual(inline.body);
      const design = await t.http.get(`/v1/designs/${savedId}`).expect(200);
      const id = (await t.http.post('/v1/designs').send(privateCluster).expect(201)).body.id;
      await t.http.put(`/v1/designs/${id}`).set('if-match', '"1"').send(EXTERNAL_SNAT).expect(200);
      const latest = await trace({ designId: id, flow: POD_TO_INTERNET }).expect(200);
      const first = await trace({ designId: id, revision: 1, flow: POD_TO_INTERNET }).expect(200);
      expect(kinds(latest.body)).toEqual(['POD', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
      expect(kinds(first.body)).toEqual(['POD', 'NODE', 'NAT_GATEWAY', 'INTERNET_GATEWAY', 'INTERNET']);
      expect(design.body.revision).toBe(1);
    });

    it('follows a Service through the exposure the exposure engine recommends for it', async () => {
      // web: INTERNET + HTTP → ALB Ingress with ip targets; the pod sees the ALB, the client is in X-Forwarded-For.
      const alb = await trace({ design: privateCluster, flow: INTERNET_TO_WEB }).expect(200);
      expect(kinds(alb.body)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'ALB', 'POD']);
      expect(alb.body).toMatchObject({
        verdict: 'REACHABLE',
        sourceIpSeenByDestination: 'LB_PRIVATE_IP',
        clientIpVia: 'X_FORWARDED_FOR',
        clientIpPreserved: true,
      });
      expect(alb.body.hops.at(-1).packet.dstPort).toBe(8080);
      // checkout: VPC + TCP → internal NLB; from the internet there is no route to it.
      const internal = await trace({
        design: privateCluster,
        flow: { ...INTERNET_TO_WEB, to: { kind: 'SERVICE', workload: 'checkout' }, port: 443 },
      }).expect(200);
      expect(internal.body).toMatchObject({ verdict: 'DROPPED', dropReason: { code: 'NO_ROUTE' }, sourceIpSeenByDestination: null });
      const fromVpc = await trace({
        design: privateCluster,
        flow: { from: { kind: 'VPC_HOST', ip: '10.0.5.5' }, to: { kind: 'SERVICE', workload: 'checkout' }, protocol: 'TCP', port: 443 },
      }).expect(200);
      expect(kinds(fromVpc.body)).toEqual(['CLIENT', 'NLB', 'POD']);
      // Without the AWS Load Balancer Controller: a Classic Load Balancer with an HTTP listener and instance targets.
      const clb = await trace({ design: IN_TREE_ONLY, flow: INTERNET_TO_WEB }).expect(200);
      expect(kinds(clb.body)).toEqual(['INTERNET', 'INTERNET_GATEWAY', 'CLB', 'NODE', 'POD']);
      expect(clb.body).toMatchObject({ sourceIpSeenByDestination: 'NODE_PRIMARY_IP', clientIpVia: 'X_FORWARDED_FOR' });
    });

    it('returns the diagram as SVG when the caller prefers image/svg+xml', async () => {
      const response = await svgOf(
        t.http.post('/v1/paths/trace').set('accept', 'image/svg+xml').send({ design: privateCluster, flow: POD_TO_INTERNET }),
      );
      expect(response.status).toBe(200);
      expect(response.type).toBe('image/svg+xml; charset=utf-8');
      expect(response.headers.vary).toMatch(/accept/i);
      expect(response.svg.startsWith('<svg')).toBe(true);
      expectWellFormedXml(response.svg);
      expect(response.svg).toContain('NAT_GATEWAY nat-b');
      const json = await t.http
        .post('/v1/paths/trace')
        .set('accept', 'application/json, image/svg+xml;q=0.5')
        .send({ design: privateCluster, flow: POD_TO_INTERNET })
        .expect(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      const any = await t.http
        .post('/v1/paths/trace')
        .set('accept', '*/*')
        .send({ design: privateCluster, flow: POD_TO_INTERNET })
        .expect(200);
      expect(any.body.verdict).toBe('REACHABLE');
    });
  });

  describe('GET /v1/paths/trace.svg', () => {
    it('renders the trace of a saved design server-side, the same SVG as POST with Accept: image/svg+xml', async () => {
      const get = await svgOf(t.http.get('/v1/paths/trace.svg').query({ designId: savedId, flow: JSON.stringify(POD_TO_INTERNET) }));
      expect(get.status).toBe(200);
      expect(get.type).toBe('image/svg+xml; charset=utf-8');
      expect(get.svg).toMatch(/^<svg[\s>]/);
      expect(get.svg.trimEnd().endsWith('</svg>')).toBe(true);
      expectWellFormedXml(get.svg);
      expect(get.svg).not.toContain('@import');
      for (const hop of ['POD shop/reports-0', 'NODE batch-node-0', 'NAT_GATEWAY nat-b', 'INTERNET_GATEWAY igw'])
        expect(get.svg).toContain(hop);
      const post = await svgOf(
        t.http.post('/v1/paths/trace').set('accept', 'image/svg+xml').send({ designId: savedId, flow: POD_TO_INTERNET }),
      );
      expect(post.svg).toBe(get.svg);
      const dropped = await svgOf(
        t.http
          .get('/v1/paths/trace.svg')
          .query({ designId: savedId, flow: JSON.stringify({ ...POD_TO_INTERNET, from: { kind: 'POD', workload: 'scraper' } }) }),
      );
      expect(dropped.status).toBe(200);
      expect(dropped.svg).toContain('DROPPED: NO_ROUTE');
    });

    it('answers 400 with paths for a malformed or invalid flow, and 404 for an unknown design', async () => {
      const malformed = await t.http.get('/v1/paths/trace.svg').query({ designId: savedId, flow: '{"from":' }).expect(400);
      expect(malformed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'flow', code: 'MALFORMED_JSON' }] });
      const invalid = await t.http
        .get('/v1/paths/trace.svg')
        .query({
          designId: savedId,
          flow: JSON.stringify({ from: { kind: 'POD' }, to: { kind: 'INTERNET', ip: 'nope' }, protocol: 'TCP', port: 443 }),
        })
        .expect(400);
      expect(paths(invalid.body)).toEqual(['flow.from.workload', 'flow.to.ip']);
      const notObject = await t.http.get('/v1/paths/trace.svg').query({ designId: savedId, flow: '[1,2]' }).expect(400);
      expect(paths(notObject.body)).toEqual(['flow']);
      const missing = await t.http.get('/v1/paths/trace.svg').expect(400);
      expect(paths(missing.body)).toEqual(['designId', 'flow']);
      const unknown = await t.http
        .get('/v1/paths/trace.svg')
        .query({ designId: '00000000-0000-4000-8000-000000000000', flow: JSON.stringify(POD_TO_INTERNET) })
        .expect(404);
      expect(unknown.body.error.code).toBe('DESIGN_NOT_FOUND');
      const revision = await t.http
        .get('/v1/paths/trace.svg')
        .query({ designId: savedId, revision: '99', flow: JSON.stringify(POD_TO_INTERNET) })
        .expect(404);
      expect(revision.body.error.code).toBe('REVISION_NOT_FOUND');
      const badRevision = await t.http
        .get('/v1/paths/trace.svg')
        .query({ designId: savedId, revision: 'latest', flow: JSON.stringify(POD_TO_INTERNET) })
        .expect(400);
      expect(paths(badRevision.body)).toEqual(['revision']);
    });
  });

  describe('invalid traces', () => {
    it('reports every flow problem with its path', async () => {
      const { body } = await trace({
        design: privateCluster,
        flow: {
          from: { kind: 'POD', ip: '10.0.0.1' },
          to: { kind: 'PEER', ip: '999.1.1.1', workload: 'x' },
          protocol: 'SCTP',
          port: 0,
          natGatewayEips: [{ natGateway: 'nat-a', ip: '2600::1' }],
        },
      }).expect(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(paths(body)).toEqual([
        'flow.from.ip',
        'flow.from.workload',
        'flow.natGatewayEips[0].ip',
        'flow.port',
        'flow.protocol',
        'flow.to.ip',
        'flow.to.network',
        'flow.to.workload',
      ]);
      const messages = Object.fromEntries(body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
      expect(messages['flow.from.workload']).toBe('workload is required for kind POD');
      expect(messages['flow.from.ip']).toBe('ip is not used by kind POD (only by INTERNET, VPC_HOST, PEER)');
      expect(messages['flow.to.ip']).toBe('ip must be an IPv4 or IPv6 address');
      const kind = await trace({ design: privateCluster, flow: { ...POD_TO_INTERNET, to: { kind: 'MOON' } } }).expect(400);
      expect(paths(kind.body)).toEqual(['flow.to.kind']);
    });

    it('needs exactly one of design and designId, and revision only with designId', async () => {
      expect(paths((await trace({ flow: POD_TO_INTERNET }).expect(400)).body)).toEqual(['design']);
      expect(paths((await trace({ design: privateCluster, designId: savedId, flow: POD_TO_INTERNET }).expect(400)).body)).toEqual([
        'design',
      ]);
      expect(paths((await trace({ design: privateCluster, revision: 1, flow: POD_TO_INTERNET }).expect(400)).body)).toEqual(['revision']);
      expect(paths((await trace({ designId: savedId }).expect(400)).body)).toEqual(['flow']);
    });

    it('validates an inline design like a saved one, with paths under design', async () => {
      const broken: DesignSpec = variant(privateCluster, (design) => {
        design.subnets[2].cidr = '10.0.16.0/33';
        design.nodeGroups[0].subnets = ['nowhere'];
      });
      const { body } = await trace({ design: broken, flow: POD_TO_INTERNET }).expect(400);
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(paths(body)).toEqual(expect.arrayContaining(['design.subnets[2].cidr', 'design.nodeGroups[0].subnets[0]']));
      expect(body.error.details.every((d: { path: string }) => d.path.startsWith('design'))).toBe(true);
    });

    it('answers unknown references in the flow with the engine code and the flow path', async () => {
      const workload = await trace({
        design: privateCluster,
        flow: { ...POD_TO_INTERNET, from: { kind: 'POD', workload: 'nope' } },
      }).expect(400);
      expect(workload.body.error).toMatchObject({ code: 'UNKNOWN_WORKLOAD', details: [{ path: 'flow.from.workload' }] });
      const notExposed = await trace({
        designId: savedId,
        flow: { ...INTERNET_TO_WEB, to: { kind: 'SERVICE', workload: 'reports' } },
      }).expect(400);
      expect(notExposed.body.error).toMatchObject({ code: 'WORKLOAD_NOT_EXPOSED', details: [{ path: 'flow.to.workload' }] });
      const peer = await trace({
        design: privateCluster,
        flow: { ...POD_TO_INTERNET, to: { kind: 'PEER', network: 'mars', ip: '10.1.0.5' } },
      }).expect(400);
      expect(peer.body.error).toMatchObject({ code: 'UNKNOWN_NETWORK', details: [{ path: 'flow.to.network' }] });
      // A valid design name that is no Kubernetes Service name: the exposure engine's objection points into the design.
      const serviceName = variant(privateCluster, (design) => {
        design.workloads![0].name = 'Web_App';
      });
      const exposure = await trace({
        design: serviceName,
        flow: { ...INTERNET_TO_WEB, to: { kind: 'SERVICE', workload: 'Web_App' } },
      }).expect(400);
      expect(exposure.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'design.workloads[0].name' }] });
    });

    it('answers 404 for an unknown design id or revision', async () => {
      const unknown = await trace({ designId: '00000000-0000-4000-8000-000000000000', flow: POD_TO_INTERNET }).expect(404);
      expect(unknown.body.error.code).toBe('DESIGN_NOT_FOUND');
      expect((await trace({ designId: 'not-a-uuid', flow: POD_TO_INTERNET }).expect(404)).body.error.code).toBe('DESIGN_NOT_FOUND');
      expect((await trace({ designId: savedId, revision: 7, flow: POD_TO_INTERNET }).expect(404)).body.error.code).toBe(
        'REVISION_NOT_FOUND',
      );
    });
  });

  describe('GraphQL tracePath', () => {
    it('traces over an inline design and over a saved one, with the same answer as REST', async () => {
      const rest = await trace({ design: privateCluster, flow: POD_TO_INTERNET }).expect(200);
      const inline = await t.graphql(TRACE_QUERY, { input: { design: privateCluster, flow: POD_TO_INTERNET } });
      expect(inline.body.errors).toBeUndefined();
      expect(inline.body.data!.tracePath).toEqual(rest.body);
      const saved = await t.graphql(TRACE_QUERY, {
        input: { designId: savedId, flow: { ...POD_TO_INTERNET, natGatewayEips: [{ natGateway: 'nat-b', ip: '54.210.10.20' }] } },
      });
      expect(saved.body.data!.tracePath.hops.map((hop: HopBody) => hop.kind)).toEqual([
        'POD',
        'NODE',
        'NAT_GATEWAY',
        'INTERNET_GATEWAY',
        'INTERNET',
      ]);
      expect(saved.body.data!.tracePath.hops[2].packet.src).toBe('54.210.10.20');
    });

    it('answers the same error codes and paths as REST', async () => {
      const invalid = await t.graphql(
        '{ tracePath(input: { designId: "x", flow: { from: { kind: POD }, to: { kind: INTERNET, ip: "1.2.3" }, protocol: TCP, port: 443 } }) { verdict } }',
      );
      expect(invalid.body.errors?.[0].extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(invalid.body.errors![0].extensions!.details!.map((d) => d.path).sort()).toEqual(['flow.from.workload', 'flow.to.ip']);
      const unknown = await t.graphql(TRACE_QUERY, { input: { designId: '00000000-0000-4000-8000-000000000000', flow: POD_TO_INTERNET } });
      expect(unknown.body.errors?.[0].extensions?.code).toBe('DESIGN_NOT_FOUND');
      const neither = await t.graphql(
        '{ tracePath(input: { flow: { from: { kind: EKS_API }, to: { kind: EKS_API }, protocol: TCP, port: 443 } }) { verdict } }',
      );
      expect(neither.body.errors?.[0].extensions).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [expect.objectContaining({ path: 'design' })],
      });
      const badDesign = await t.graphql(TRACE_QUERY, {
        input: { design: { ...privateCluster, serviceIpv4Cidr: 'nope' }, flow: POD_TO_INTERNET },
      });
      expect(badDesign.body.errors?.[0].extensions?.details?.map((d) => d.path)).toContain('design.serviceIpv4Cidr');
    });
  });

  describe('hostile input never gets a 500', () => {
    it('wrong types anywhere in the body', async () => {
      const cases: [unknown, string[]][] = [
        [{ design: [], flow: POD_TO_INTERNET }, ['design']],
        [{ design: 'x', flow: POD_TO_INTERNET }, ['design']],
        [{ designId: 42, flow: POD_TO_INTERNET }, ['designId']],
        [{ designId: savedId, revision: '1', flow: POD_TO_INTERNET }, ['revision']],
        [{ designId: savedId, flow: 'POD to INTERNET' }, ['flow']],
        [{ designId: savedId, flow: { ...POD_TO_INTERNET, port: '443' } }, ['flow.port']],
        [
          { designId: savedId, flow: { ...POD_TO_INTERNET, from: { kind: 'SERVICE', workload: 'web', sameNode: 'yes', nodePort: 1e9 } } },
          ['flow.from.nodePort', 'flow.from.sameNode'],
        ],
        [{ designId: savedId, flow: { ...POD_TO_INTERNET, to: null } }, ['flow.to']],
        [{ designId: savedId, flow: POD_TO_INTERNET, extra: { a: 1 } }, ['extra']],
        [
          { design: { name: 5, vpc: 'x' }, flow: POD_TO_INTERNET },
          ['design.ipFamily', 'design.name', 'design.nodeGroups', 'design.region', 'design.subnets', 'design.vpc'],
        ],
      ];
      for (const [body, expected] of cases) {
        const response = await trace(body as object);
        expect(response.status, JSON.stringify(body).slice(0, 200)).toBe(400);
        expect(paths(response.body)).toEqual(expect.arrayContaining(expected));
      }
    });

    it('huge strings and deeply nested JSON', async () => {
      const longName = await trace({
        designId: savedId,
        flow: { ...POD_TO_INTERNET, from: { kind: 'POD', workload: 'w'.repeat(200_000) } },
      }).expect(400);
      expect(paths(longName.body)).toEqual(['flow.from.workload']);
      const longId = await trace({ designId: 'x'.repeat(100_000), flow: POD_TO_INTERNET }).expect(400);
      expect(paths(longId.body)).toEqual(['designId']);
      const tooBig = await trace({
        designId: savedId,
        flow: { ...POD_TO_INTERNET, from: { kind: 'POD', workload: 'w'.repeat(1_100_000) } },
      }).expect(413);
      expect(tooBig.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const deepDesign = await t.http
        .post('/v1/paths/trace')
        .set('content-type', 'application/json')
        .send(`{"design":${deep},"flow":${JSON.stringify(POD_TO_INTERNET)}}`)
        .expect(400);
      expect(deepDesign.body.error.code).toBe('BODY_TOO_DEEP');
      const deepFlow = await t.http
        .get('/v1/paths/trace.svg')
        .query({ designId: savedId, flow: `${'{"a":'.repeat(800)}1${'}'.repeat(800)}` })
        .expect(400);
      expect(paths(deepFlow.body)).toEqual(['flow']);
      const deepGraphql = await t.graphql(
        `{ tracePath(input: { designId: "x", flow: ${'['.repeat(500)}${']'.repeat(500)} }) { verdict } }`,
      );
      expect(deepGraphql.status).toBe(400);
      expect(deepGraphql.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('odd Accept headers and query strings', async () => {
      const odd = await t.http
        .post('/v1/paths/trace')
        .set('accept', `image/svg+xml;q=abc, ${'x/y;q=0.1, '.repeat(200)}application/json;q=2`)
        .send({ design: privateCluster, flow: POD_TO_INTERNET });
      expect(odd.status).toBe(200);
      const repeated = await t.http
        .get(`/v1/paths/trace.svg?designId=${savedId}&designId=${savedId}&flow=${encodeURIComponent(JSON.stringify(POD_TO_INTERNET))}`)
        .expect(400);
      expect(paths(repeated.body)).toEqual(['designId']);
      const longFlow = await t.http
        .get('/v1/paths/trace.svg')
        .query({ designId: savedId, flow: JSON.stringify({ ...POD_TO_INTERNET, pad: 'x'.repeat(5000) }) })
        .expect(400);
      expect(paths(longFlow.body)).toEqual(['flow']);
      const unknownField = await t.http
        .get('/v1/paths/trace.svg')
        .query({ designId: savedId, flow: JSON.stringify({ ...POD_TO_INTERNET, extra: 1 }) })
        .expect(400);
      expect(paths(unknownField.body)).toEqual(['flow.extra']);
    });
  });
});
