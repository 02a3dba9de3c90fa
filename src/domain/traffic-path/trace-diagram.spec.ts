import { parseMermaid } from 'beautiful-mermaid';
import { describe, expect, it } from 'vitest';
import { ipv6Cluster, privateCluster } from '../../../test/fixtures/traffic-path/designs.scenario.js';
import { exposures, flow, internet, nlb, pod, service, trace } from '../../../test/fixtures/traffic-path/trace-helpers.scenario.js';
import { renderTraceSvg, traceToMermaid } from './trace-diagram.js';
import type { Hop } from './trace-path.types.js';

/** Minimal XML well-formedness check: balanced tags, quoted attributes, no stray '<' or '&'. */
function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  let cursor = 0;
  for (const match of xml.matchAll(tag)) {
    const text = xml.slice(cursor, match.index);
    expect(text).not.toMatch(/[<]/);
    expect(text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, '')).not.toContain('&');
    cursor = match.index + match[0].length;
    if (!match[2]) continue;
    const [, closing, name, , selfClosing] = match;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name);
  }
  expect(xml.slice(cursor).trim()).toBe('');
  expect(stack).toEqual([]);
}

describe('traceToMermaid', () => {
  it('draws one node per hop, left to right, with kind, name and the packet after the hop', () => {
    const sut = trace(privateCluster, flow(pod('web'), internet('93.184.216.34'), 443));
    const graph = parseMermaid(sut.diagram.mermaid);
    expect(graph.direction).toBe('LR');
    expect([...graph.nodes.keys()]).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
    expect(graph.nodes.get('h1')?.label).toBe('NODE general-node-0\nSNAT: 10.0.16.4 (NODE_PRIMARY_IP) → 93.184.216.34:443 (HOST_IP)');
    expect(graph.nodes.get('h0')?.shape).toBe('stadium');
    expect(graph.edges.map((edge) => `${edge.source}>${edge.target}`)).toEqual(['h0>h1', 'h1>h2', 'h2>h3', 'h3>h4']);
    expect(graph.edges[0].label).toBe('TCP 443');
    expect(graph.classAssignments.get('h4')).toBe('delivered');
  });

  it('styles the dropping hop and names the drop code', () => {
    const sut = trace(privateCluster, flow(pod('scraper'), internet(), 443));
    const graph = parseMermaid(sut.diagram.mermaid);
    expect(graph.classAssignments.get('h0')).toBe('dropped');
    expect(graph.nodes.get('h0')?.label).toContain('DROPPED: NO_ROUTE');
    expect(graph.classDefs.get('dropped')).toMatchObject({ fill: '#fee2e2' });
  });

  it('keeps IPv6 addresses, CIDR-like names and arrows intact and neutralises Mermaid syntax in names', () => {
    const hop: Hop = {
      kind: 'CLIENT',
      name: 'peer "a" [x] {y} <b>#1;',
      action: 'DELIVER',
      packet: { src: '2600:1f14:abc:de10:1::1', srcRole: 'POD_IPV6', dst: '10.0.0.0/16', dstRole: 'HOST_IP', dstPort: 443 },
      securityGroups: [],
      note: '',
      citations: [],
    };
    const mermaid = traceToMermaid({ hops: [hop], dropReason: null });
    const label = parseMermaid(mermaid).nodes.get('h0')?.label ?? '';
    expect(label).toBe("CLIENT peer 'a' (x) (y) ‹b›no. 1,\nDELIVER: 2600:1f14:abc:de10:1::1 (POD_IPV6) → 10.0.0.0/16:443 (HOST_IP)");
  });
});

describe('renderTraceSvg', () => {
  it('renders a well-formed standalone SVG server-side, with every hop and no web-font import', () => {
    const sut = trace(ipv6Cluster, flow(internet('8.8.8.8'), service('api'), 443), exposures({ api: nlb({ targetType: 'IP' }) }));
    const svg = renderTraceSvg(sut);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    assertWellFormedXml(svg);
    for (let index = 0; index < sut.hops.length; index++) expect(svg).toContain(`data-id="h${index}"`);
    expect(svg).toContain('2600:1f14:abc:de10:1::1:8443');
    expect(svg).not.toContain('@import');
    expect(svg).not.toContain('googleapis');
  });

  it('renders a dropped trace with the drop style, from a trace or from Mermaid text', () => {
    const sut = trace(privateCluster, flow(pod('scraper'), internet(), 443));
    const fromTrace = renderTraceSvg(sut, { bg: '#000000', fg: '#ffffff' });
    assertWellFormedXml(fromTrace);
    expect(fromTrace).toContain('#fee2e2');
    expect(fromTrace).toContain('--bg:#000000');
    expect(renderTraceSvg(sut.diagram.mermaid)).toBe(renderTraceSvg(sut));
  });
});
