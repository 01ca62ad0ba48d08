/**
 * Reads the article out of the live page's markup with Mozilla's Readability (the engine
 * of Firefox's Reader View), in the sidebar: an extension page in its own process, so a
 * huge or hostile page can slow the sidebar at worst, never the tab. The markup is parsed
 * with DOMParser into an inert document: its scripts never run, nothing is fetched.
 */
import { Readability } from '@mozilla/readability';
import { MAX_LIVE_PAGE_ELEMENTS } from '../shared/live-limits';
import { wordsOf } from '../shared/live-diff';

export type LiveExtraction = { ok: true; blocks: string[] } | { ok: false; reason: 'no-article' };

/** Elements whose text is a paragraph of its own. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** Readability reports no article below this many characters of text. */
const MIN_ARTICLE_CHARS = 200;
/** Headings considered for the live headline. */
const MAX_HEADLINE_CANDIDATES = 10;

/** The texts of an element's blocks (paragraphs, headings, list items), in order. */
export function blockTexts(root: Node): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'BR') current += ' ';
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

function overlap(a: string, b: string): number {
  const words = new Set(wordsOf([a]).map((word) => word.key.toLowerCase()));
  return wordsOf([b]).filter((word) => words.has(word.key.toLowerCase())).length;
}

/**
 * The live page's headline: of its <h1>s and Readability's title, the one closest to the
 * archived title (a site's logo may be an <h1> too); an edited headline is still closer
 * than the logo.
 */
function liveHeadline(candidates: string[], archivedTitle: string): string | undefined {
  let best: string | undefined;
  let bestScore = -1;
  for (const candidate of candidates) {
    const score = overlap(archivedTitle, candidate);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The live article as blocks: its headline, then its paragraphs. `html` is the page's
 * markup, at most MAX_LIVE_PAGE_CHARS (checked before it got here).
 */
export function extractLiveArticle(html: string, archivedTitle: string): LiveExtraction {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const headings = Array.from(doc.querySelectorAll('h1'), (h1) => (h1.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .slice(0, MAX_HEADLINE_CANDIDATES);
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    // maxElemsToParse: Readability throws rather than work through a larger document.
    article = new Readability<Node>(doc, { maxElemsToParse: MAX_LIVE_PAGE_ELEMENTS, serializer: (node) => node }).parse();
  } catch {
    return { ok: false, reason: 'no-article' };
  }
  if (!article?.content || (article.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) return { ok: false, reason: 'no-article' };
  const paragraphs = blockTexts(article.content);
  const readabilityTitle = article.title?.trim();
  const headline = liveHeadline(readabilityTitle ? [...headings, readabilityTitle] : headings, archivedTitle);
  if (headline === undefined) return { ok: true, blocks: paragraphs };
  // Readability keeps the <h1> in the content when it differs from the page's <title>.
  const first = paragraphs[0];
  const rest = first !== undefined && wordsOf([first]).map((w) => w.key).join(' ') === wordsOf([headline]).map((w) => w.key).join(' ') ? paragraphs.slice(1) : paragraphs;
  return { ok: true, blocks: [headline, ...rest] };
}
