/**
 * Resolves the bracket citations inside a text (`[LBC-IA] L30, L216-231; [EKS-NLB] L93`, `[K8S-SVC] #type-nodeport`,
 * `[ISSUE] amazon-vpc-cni-k8s#1392`) to URLs through the sources table, so an answer can carry each tag with the page or
 * line it points at.
 */
import { isSourceTag, SOURCES_TABLE, type Source } from './sources.table.js';

export interface Citation {
  /** The table key, without brackets (`LBC-IA`). */
  tag: string;
  /** What follows the tag: a line range (`L216-231`), an anchor (`#type-nodeport`), an issue (`LBC#1813`), or null. */
  locator: string | null;
  url: string;
}

/** A bracket tag as cited: upper-case words joined by hyphens (`[CNI]`, `[LBC-CODE-TG]`, `[ELB-ALB-XFF]`). */
export const CITATION_TAG = /\[([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\]/g;

const LINE = /^L(\d+)(?:-L?(\d+))?(?:ff)?$/;
const ANCHOR = /^#[\w.-]+$/;
const ISSUE = /^([\w.-]+)#(\d+)$/;

/** Every tag the text cites, in order (duplicates kept), including tags the table does not know. */
export function citedTags(text: string): string[] {
  return [...text.matchAll(CITATION_TAG)].map((match) => match[1]);
}

/**
 * The citations of a text, one per locator (`[LBC-IA] L30, L154` gives two), deduplicated by URL. Tags the table does not
 * know are skipped here; the sources test makes sure the code cites none.
 */
export function citationsIn(...texts: readonly (string | null | undefined)[]): Citation[] {
  const byUrl = new Map<string, Citation>();
  for (const text of texts) {
    if (!text) continue;
    const matches = [...text.matchAll(CITATION_TAG)];
    matches.forEach((match, index) => {
      const tag = match[1];
      if (!isSourceTag(tag)) return;
      const end = index + 1 < matches.length ? matches[index + 1].index : text.length;
      const tail = text.slice(match.index + match[0].length, end).split(/[;)]/)[0];
      for (const citation of resolve(tag, SOURCES_TABLE[tag], locatorsOf(tail))) {
        if (!byUrl.has(citation.url)) byUrl.set(citation.url, citation);
      }
    });
  }
  return [...byUrl.values()];
}

/** The URL of a tag with an optional locator; throws for a tag the table does not know. */
export function citationUrl(tag: string, locator: string | null = null): string {
  if (!isSourceTag(tag)) throw new Error(`unknown source tag [${tag}]`);
  return resolve(tag, SOURCES_TABLE[tag], locator === null ? [] : [locator])[0].url;
}

/** The locators right after a tag: comma-separated line ranges, anchors or issue references; else none. */
function locatorsOf(tail: string): string[] {
  const tokens = tail
    .split(',')
    .map((token) => token.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
  const locators: string[] = [];
  for (const token of tokens) {
    const cleaned = token.replace(/[.:]+$/, '');
    if (LINE.test(cleaned) || ANCHOR.test(cleaned) || ISSUE.test(cleaned)) locators.push(cleaned);
    else break;
  }
  return locators;
}

function resolve(tag: string, source: Source, locators: readonly string[]): Citation[] {
  if (locators.length === 0) return [{ tag, locator: null, url: baseUrl(source) }];
  return locators.map((locator) => ({ tag, locator, url: locate(source, locator) }));
}

function baseUrl(source: Source): string {
  switch (source.kind) {
    case 'PAGE':
      return source.url;
    case 'REPOSITORY_FILE':
      return blobUrl(source, false);
    case 'ISSUES':
      return 'https://github.com/issues';
  }
}

function locate(source: Source, locator: string): string {
  const line = LINE.exec(locator);
  const issue = ISSUE.exec(locator);
  if (source.kind === 'ISSUES') {
    const repository = issue ? source.repositories[issue[1]] : undefined;
    return repository && issue ? `https://github.com/${repository}/issues/${issue[2]}` : baseUrl(source);
  }
  if (source.kind === 'PAGE') return ANCHOR.test(locator) ? source.url.replace(/#.*$/, '') + locator : source.url;
  if (line) return `${blobUrl(source, true)}#L${line[1]}${line[2] ? `-L${line[2]}` : ''}`;
  if (ANCHOR.test(locator)) return (source.page ?? blobUrl(source, false)) + locator;
  return blobUrl(source, false);
}

/** GitHub renders Markdown and AsciiDoc; `?plain=1` shows the text so that a `#L30` anchor lands on line 30. */
function blobUrl(source: { repository: string; commit: string; path: string }, lines: boolean): string {
  const rendered = /\.(md|adoc)$/.test(source.path);
  return `https://github.com/${source.repository}/blob/${source.commit}/${source.path}${lines && rendered ? '?plain=1' : ''}`;
}
