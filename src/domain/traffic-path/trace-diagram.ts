/**
 * Diagrams of a trace: a Mermaid `flowchart LR` (one node per hop, the dropping hop styled) and its server-side SVG
 * rendering through beautiful-mermaid, which lays out and draws without a browser or DOM.
 */
import { renderMermaidSVG } from 'beautiful-mermaid';
import type { Flow, Hop, TraceResult } from './trace-path.types.js';

type DiagramInput = Pick<TraceResult, 'hops' | 'dropReason'>;

export function traceToMermaid(trace: DiagramInput, flow?: Pick<Flow, 'protocol' | 'port'>): string {
  const lines = ['flowchart LR'];
  const last = trace.hops.length - 1;
  trace.hops.forEach((hop, index) => {
    const label = escapeLabel(hopLabel(hop, hop.action === 'DROP' ? trace.dropReason?.code : undefined));
    // Endpoints are stadiums, everything in between is a box. (Round `("…")` nodes would cut labels at their first ')'
    // in beautiful-mermaid's parser; stadiums and boxes keep quoted labels whole.)
    lines.push(index === 0 || index === last ? `  h${index}(["${label}"])` : `  h${index}["${label}"]`);
  });
  trace.hops.slice(1).forEach((_, index) => {
    const edgeLabel = index === 0 && flow ? `|"${escapeLabel(`${flow.protocol} ${flow.port}`)}"|` : '';
    lines.push(`  h${index} -->${edgeLabel} h${index + 1}`);
  });
  lines.push('  classDef dropped fill:#fee2e2,stroke:#b91c1c,stroke-width:2px,color:#7f1d1d');
  lines.push('  classDef delivered fill:#dcfce7,stroke:#15803d,stroke-width:2px,color:#14532d');
  trace.hops.forEach((hop, index) => {
    if (hop.action === 'DROP') lines.push(`  class h${index} dropped`);
    if (hop.action === 'DELIVER') lines.push(`  class h${index} delivered`);
  });
  return lines.join('\n');
}

export interface TraceSvgOptions {
  /** Background colour; default white. */
  bg?: string;
  /** Text colour; default zinc-800. */
  fg?: string;
  /** Font family; default system-ui (the SVG never loads web fonts). */
  font?: string;
}

/** Renders a trace (or its Mermaid source) to a standalone SVG string, server-side. */
export function renderTraceSvg(input: string | Pick<TraceResult, 'diagram'>, options: TraceSvgOptions = {}): string {
  const mermaid = typeof input === 'string' ? input : input.diagram.mermaid;
  const svg = renderMermaidSVG(mermaid, {
    font: options.font ?? 'system-ui',
    ...(options.bg !== undefined ? { bg: options.bg } : {}),
    ...(options.fg !== undefined ? { fg: options.fg } : {}),
  });
  // beautiful-mermaid adds a Google Fonts @import; a server-rendered diagram should not make its viewer call out.
  return svg.replace(/^\s*@import url\([^)]*\);\s*$/gm, '');
}

function hopLabel(hop: Hop, dropCode: string | undefined): string {
  const { src, srcRole, dst, dstRole, dstPort } = hop.packet;
  const head = `${hop.kind} ${hop.name}`;
  const action = hop.action === 'FORWARD' ? '' : `${hop.action}: `;
  const packet = `${action}${src} (${srcRole}) → ${dst}:${dstPort} (${dstRole})`;
  return dropCode ? `${head}<br/>${packet}<br/>DROPPED: ${dropCode}` : `${head}<br/>${packet}`;
}

/**
 * Mermaid quoted labels end at `"` and beautiful-mermaid's parser also stops at `[ ] { }`, and treats `<b>`-like
 * text as markup; replace those so names, IPv6 addresses and CIDRs render as written. `<br/>` is the only markup kept.
 */
function escapeLabel(text: string): string {
  return text
    .split('<br/>')
    .map((part) =>
      part
        .replace(/"/g, "'")
        .replace(/[[{]/g, '(')
        .replace(/[\]}]/g, ')')
        .replace(/</g, '‹')
        .replace(/>/g, '›')
        .replace(/#/g, 'no. ')
        .replace(/;/g, ','),
    )
    .join('<br/>');
}
