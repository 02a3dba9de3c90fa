/**
 * Every bracket citation the code, the answers and the README use resolves through the one sources table
 * (src/domain/sources/sources.table.ts) to a public URL or a repository file at a pinned commit; docs/sources.md is
 * that table, written out (`npm run contracts` rewrites it).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { citationsIn, citationUrl, citedTags } from '../../src/domain/sources/citations.js';
import { SOURCES_TABLE, type Source } from '../../src/domain/sources/sources.table.js';

const UPDATE = process.env.UPDATE_CONTRACTS === '1';
const SOURCES_DOC = 'docs/sources.md';

function typeScriptFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.startsWith(join('src', 'generated')));
}

/**
 * The prose of a TypeScript file: its comments and the text of its string and template literals. Code is left out, so
 * computed keys (`[SVG]: …`), index types (`T[P]`) and regular expressions (`/[A-Z]/`) are not mistaken for citations.
 */
function proseOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const prose: string[] = [];
  const seenComments = new Set<number>();
  const collectComments = (ranges: ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (seenComments.has(range.pos)) continue;
      seenComments.add(range.pos);
      prose.push(text.slice(range.pos, range.end));
    }
  };
  const visit = (node: ts.Node): void => {
    collectComments(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collectComments(ts.getTrailingCommentRanges(text, node.getEnd()));
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      prose.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  collectComments(ts.getLeadingCommentRanges(text, sourceFile.endOfFileToken.getFullStart()));
  return prose;
}

/** Every place a tag is cited: `file → tags`. */
function citationsInProject(): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const path of typeScriptFiles('src')) {
    const tags = proseOf(path).flatMap(citedTags);
    if (tags.length) byFile.set(path, tags);
  }
  for (const path of ['README.md', 'docs/api.md']) byFile.set(path, citedTags(readFileSync(path, 'utf8')));
  return byFile;
}

function describeSource(source: Source): { where: string; url: string } {
  switch (source.kind) {
    case 'PAGE':
      return { where: 'documentation page', url: source.url };
    case 'REPOSITORY_FILE':
      return { where: `\`${source.repository}\` \`${source.path}\` @ \`${source.commit.slice(0, 12)}\``, url: citationUrl(tagOf(source)) };
    case 'ISSUES':
      return {
        where: `issues of ${Object.entries(source.repositories)
          .map(([short, repository]) => `\`${short}\` = \`${repository}\``)
          .join(', ')}`,
        url: 'https://github.com/<repository>/issues/<number>',
      };
  }
}

function tagOf(source: Source): string {
  return Object.entries(SOURCES_TABLE).find(([, entry]) => entry === source)![0];
}

function renderSourcesDoc(): string {
  const rows = Object.entries(SOURCES_TABLE)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([tag, source]) => {
      const { where, url } = describeSource(source);
      const link = url.includes('<') ? `\`${url}\`` : `<${url}>`;
      return `| \`[${tag}]\` | ${source.title} | ${where} | ${link} |`;
    });
  return [
    '# Sources',
    '',
    '<!-- generated from src/domain/sources/sources.table.ts by `npm run contracts`; edit the table, not this file -->',
    '',
    'Every AWS or Kubernetes rule the planner applies is cited where it is coded, and in the answers that rely on it,',
    'by a bracket tag: `[LBC-IA] L30` is line 30 of the AWS Load Balancer Controller Ingress annotations page, at the',
    'commit that was read; `[K8S-SVC] #type-nodeport` is an anchor of the Kubernetes Service page; `[ISSUE] LBC#1813` is',
    'issue 1813 of the controller repository. This table is the only place a tag is defined. Answers that cite a tag carry',
    'a `citations` list with the tag, its locator and the resolved URL, so a reader can go from any rationale, finding or',
    'hop note straight to the line that justifies it.',
    '',
    'Repository files are pinned to the commit that was read, so line numbers stay right when upstream moves on; Markdown',
    'and AsciiDoc files link with `?plain=1` so that the line anchor lands on the cited line. To cite a new source, add a',
    'row to the table and run `npm run contracts`; `test/contracts/sources.e2e-spec.ts` fails on any tag in `src/`, the',
    'README or `docs/api.md` that the table lacks.',
    '',
    '| Tag | What it is | Where (repository, path, commit) | Link |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## Rule labels',
    '',
    'Comments, and the `rule` field of some answers, also name rules by the section or row they were catalogued under',
    'while the engines were designed: `capacity.md §2.4`, `exposure.md R3`, `V-EIP-SCHEME` or `§3` for the exposure',
    'validation and IngressGroup rows, `traffic-path.md §3 F6` (also written `[TP §3]`) for a hop model,',
    '`anchors-path.md §3 #7` for a user-reported issue. They are labels, not links: the rule each names is coded next to',
    'the label and cites its upstream source with a tag of the table above. The rows are data in the code itself:',
    'the exposure rows with their tags in `src/domain/exposure/exposure-rules.data.ts`, the drop codes with theirs in',
    '`src/domain/traffic-path/trace-codes.ts`, the capacity sources in `src/domain/capacity/capacity-sources.ts`.',
    '',
  ].join('\n');
}

describe('sources table', () => {
  it('resolves every bracket tag cited in src/, the README and docs/api.md', () => {
    const unknown = [...citationsInProject()].flatMap(([path, tags]) =>
      tags.filter((tag) => !Object.hasOwn(SOURCES_TABLE, tag)).map((tag) => `${path}: [${tag}]`),
    );
    expect(unknown, 'add these tags to src/domain/sources/sources.table.ts').toEqual([]);
  });

  it('finds the citations of the engines (so the scan reads the code it must)', () => {
    const cited = new Set([...citationsInProject().values()].flat());
    for (const tag of ['LBC-IA', 'LBC-SA', 'EKS-NLB', 'ELB-ALB-XFF', 'CNI', 'ISSUE']) expect(cited).toContain(tag);
  });

  it('pins every repository file to a full commit and every page to an https URL', () => {
    for (const [tag, source] of Object.entries(SOURCES_TABLE) as [string, Source][]) {
      if (source.kind === 'REPOSITORY_FILE') {
        expect(source.commit, tag).toMatch(/^[0-9a-f]{40}$/);
        expect(source.repository, tag).toMatch(/^[\w.-]+\/[\w.-]+$/);
        expect(source.path, tag).not.toMatch(/^\/|\.\./);
      }
      if (source.kind === 'PAGE') expect(source.url, tag).toMatch(/^https:\/\/[^\s]+$/);
      expect(source.title.length, tag).toBeGreaterThan(0);
    }
  });

  it('turns line ranges, anchors and issues into links', () => {
    expect(citationsIn('[LBC-IA] L30, L216-231; [EKS-NLB] L93')).toEqual([
      {
        tag: 'LBC-IA',
        locator: 'L30',
        url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/225f44568848eb25f13e304a5f1cc68c0cd9415d/docs/guide/ingress/annotations.md?plain=1#L30',
      },
      {
        tag: 'LBC-IA',
        locator: 'L216-231',
        url: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/225f44568848eb25f13e304a5f1cc68c0cd9415d/docs/guide/ingress/annotations.md?plain=1#L216-L231',
      },
      {
        tag: 'EKS-NLB',
        locator: 'L93',
        url: 'https://github.com/awsdocs/amazon-eks-user-guide/blob/d120afda577d0eebdba830cc997564a801c02bfa/doc_source/network-load-balancing.md?plain=1#L93',
      },
    ]);
    expect(citationsIn('[K8S-SVC] #type-nodeport')[0].url).toBe(
      'https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport',
    );
    expect(citationsIn('([CNI-NET] L488-560)')[0].url).toBe(
      'https://github.com/aws/amazon-vpc-cni-k8s/blob/b52188387f2e2f10bf289ace929d6a63b176a4fa/pkg/networkutils/network.go#L488-L560',
    );
    expect(citationsIn('[ISSUE] amazon-vpc-cni-k8s#1392, fixed by PR #1475')).toEqual([
      { tag: 'ISSUE', locator: 'amazon-vpc-cni-k8s#1392', url: 'https://github.com/aws/amazon-vpc-cni-k8s/issues/1392' },
    ]);
    expect(citationsIn('[ELB-ALB-XFF]')).toEqual([
      {
        tag: 'ELB-ALB-XFF',
        locator: null,
        url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/x-forwarded-headers.html',
      },
    ]);
    expect(citationsIn('no citation here, only [A-Z] and T[P]')).toEqual([]);
  });

  it('is all the code and the docs cite: nothing points outside the repository but public URLs', () => {
    const outside = /\.\.\/shared|shared\/(API|research|data)\b/;
    const offenders = [
      ...typeScriptFiles('src'),
      ...typeScriptFiles('test'),
      'README.md',
      'docs/api.md',
      'src/domain/catalog/data/README.md',
    ].filter((path) => outside.test(readFileSync(path, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('is written out in docs/sources.md', () => {
    const rendered = renderSourcesDoc();
    if (UPDATE) writeFileSync(SOURCES_DOC, rendered);
    expect(readFileSync(SOURCES_DOC, 'utf8'), `${SOURCES_DOC} drifted from the table; run \`npm run contracts\``).toBe(rendered);
  });
});
