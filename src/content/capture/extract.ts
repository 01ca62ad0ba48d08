/**
 * Reads the article out of the page the user asked to archive: title, text as paragraphs,
 * site and published date. Runs in the page's tab, in the extension's isolated world (the
 * page's scripts cannot see or change this code's objects), injected only on the user's
 * action (src/background/capture/capture.ts).
 *
 * Everything happens in one synchronous task on a copy of the document made first: no
 * page script runs between the copy and the answer, so a page that rewrites itself while
 * being read is archived as it was at the moment of the click, all of one version.
 * Readability (Firefox's Reader View) runs on that copy, never on the page itself.
 *
 * Bounded like the live comparison (src/shared/live-limits.ts): a page of more than 30,000
 * elements is not copied whole: only its article element (the largest `<article>` /
 * `<main>` within the limit) is, and the capture says it was cut; with no such element
 * there is nothing to archive. Text past 400,000 characters is cut, and says so too.
 */
import { Readability } from '@mozilla/readability';
import { CAPTURE_LIMITS, type CaptureScriptReply, type Truncation } from '../../shared/captured-article';
import { withoutSiteName } from '../../shared/page-title';
import { publishedDate } from './published-date';

/** Below this much article text the page is not an article (the live comparison's threshold). */
export const MIN_ARTICLE_CHARS = 200;

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt';
const ARTICLE_ROOTS = 'article, [itemprop="articleBody" i], main, [role="main" i]';

const elementCount = (root: Document | Element): number => root.getElementsByTagName('*').length;

/**
 * Article elements weighed on a huge page: each costs a walk of its subtree, so a page of
 * thousands of nested <article>s would make the walks quadratic. Real pages have a handful.
 */
export const MAX_ARTICLE_CANDIDATES = 50;

/** Whitespace as a reader sees it: runs collapsed, ends trimmed. */
const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The document Readability may read: the page's copy, or for a huge page its article element alone. */
function readableCopy(doc: Document): { copy: Document; truncated: Truncation | null } | null {
  if (elementCount(doc) <= CAPTURE_LIMITS.elements) return { copy: doc.cloneNode(true) as Document, truncated: null };
  let best: Element | null = null;
  let bestLength = 0;
  for (const candidate of [...doc.querySelectorAll(ARTICLE_ROOTS)].slice(0, MAX_ARTICLE_CANDIDATES)) {
    if (elementCount(candidate) > CAPTURE_LIMITS.elements) continue;
    const length = candidate.textContent?.length ?? 0;
    if (length > bestLength) [best, bestLength] = [candidate, length];
  }
  if (!best) return null;
  const copy = doc.implementation.createHTMLDocument(doc.title);
  for (const meta of doc.head?.querySelectorAll('meta, link[rel~="canonical" i]') ?? []) copy.head.append(copy.importNode(meta, false));
  copy.body.append(copy.importNode(best, true));
  return { copy, truncated: 'elements' };
}

interface Block {
  text: string;
  heading: boolean;
}

/** A dateline: every character of it is inside <time> elements ("14 September 2021"), page furniture. */
function onlyTimes(block: Element): boolean {
  const times = [...block.querySelectorAll('time')].map((time) => time.textContent ?? '').join('');
  return times.length > 0 && clean(times).replace(/\s/g, '') === clean(block.textContent ?? '').replace(/\s/g, '');
}

/** The text blocks of Readability's content, in order: innermost blocks only, so nothing is counted twice. */
function blocksOf(content: Element): Block[] {
  const blocks: Block[] = [];
  for (const block of content.querySelectorAll(BLOCKS)) {
    if (block.querySelector(BLOCKS) || onlyTimes(block)) continue;
    const text = clean(block.textContent ?? '');
    if (text) blocks.push({ text, heading: /^H[1-6]$/.test(block.tagName) });
  }
  if (blocks.length === 0) {
    const text = clean(content.textContent ?? '');
    if (text) blocks.push({ text, heading: false });
  }
  return blocks;
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** How many of `title`'s words `heading` holds, and what share of the heading's own words are the title's. */
function overlap(heading: string, titleWords: string[]): { shared: number; ofHeading: number } {
  const shown = words(heading);
  const inHeading = new Set(shown);
  const inTitle = new Set(titleWords);
  return {
    shared: titleWords.filter((word) => inHeading.has(word)).length,
    ofHeading: shown.length === 0 ? 0 : shown.filter((word) => inTitle.has(word)).length / shown.length,
  };
}

/**
 * The headline: Readability's title (from <title>, og:title or JSON-LD, which may be
 * shortened; its site's name taken off: src/shared/page-title.ts) unless the page shows a heading
 * that holds most of its words, the headline as the page shows it:
 * - the content's first heading (Readability keeps it when it differs from the title);
 *   it is then not the article's first paragraph;
 * - else the page's `<h1>` that Readability took out of the content as a copy of the title
 *   (its words are the title's, as Readability judges: three in four), the one holding the
 *   most of the title's words (a site's logo in an `<h1>` holds fewer than the headline).
 */
function headline(title: string, blocks: Block[], pageHeadings: string[]): { title: string; blocks: Block[] } {
  const chosen = chosenHeadline(title, blocks, pageHeadings);
  // A first block that only repeats the headline (a headline <div> Readability made a paragraph) is not the summary:
  // the live comparison leaves it out of the live text the same way.
  const [first, ...rest] = chosen.blocks;
  const repeats = first !== undefined && words(first.text).join(' ') === words(chosen.title).join(' ');
  return repeats ? { title: chosen.title, blocks: rest } : chosen;
}

function chosenHeadline(title: string, blocks: Block[], pageHeadings: string[]): { title: string; blocks: Block[] } {
  const titleWords = words(title);
  const holdsMost = (shared: number) => shared * 2 >= titleWords.length;
  const [first, ...rest] = blocks;
  if (first?.heading && holdsMost(overlap(first.text, titleWords).shared)) return { title: first.text, blocks: rest };
  if (titleWords.length === 0) return { title, blocks };
  let best: { heading: string; shared: number } | null = null;
  for (const heading of pageHeadings) {
    const { shared, ofHeading } = overlap(heading, titleWords);
    if (ofHeading >= 0.75 && holdsMost(shared) && shared > (best?.shared ?? 0)) best = { heading, shared };
  }
  return { title: best?.heading ?? title, blocks };
}

/** Keeps blocks up to the text limit, each within the paragraph limit; says whether anything was cut. */
function bounded(blocks: string[]): { kept: string[]; cut: boolean } {
  const kept: string[] = [];
  let total = 0;
  let cut = false;
  for (const block of blocks) {
    if (kept.length >= CAPTURE_LIMITS.paragraphs || total >= CAPTURE_LIMITS.textChars) {
      cut = true;
      break;
    }
    const room = Math.min(CAPTURE_LIMITS.paragraphChars, CAPTURE_LIMITS.textChars - total);
    if (block.length > room) cut = true;
    const text = block.slice(0, room);
    kept.push(text);
    total += text.length;
  }
  return { kept, cut };
}

/** The page's own name for itself, else its host without www. */
function siteName(doc: Document, location: URL, readabilityName: string | null | undefined): string {
  const named = readabilityName ?? doc.querySelector('meta[property="og:site_name" i]')?.getAttribute('content');
  return clean(named ?? '').slice(0, CAPTURE_LIMITS.siteChars) || location.hostname.replace(/^www\./, '');
}

/** The article of `doc` (the page at `address`), read at `now`. */
export function captureDocument(doc: Document, address: string, now: Date): CaptureScriptReply {
  const location = new URL(address);
  // Metadata first, from the page itself, in the same task as the copy.
  const published = publishedDate(doc, now);
  const readable = readableCopy(doc);
  if (!readable) return { ok: false, reason: 'too-large' };
  // Before Readability changes the copy: it takes out the heading that copies the title.
  const pageHeadings = [...readable.copy.querySelectorAll('h1')].map((h1) => clean(h1.textContent ?? '')).filter(Boolean);
  let parsed: ReturnType<Readability<Node>['parse']>;
  try {
    parsed = new Readability<Node>(readable.copy, { maxElemsToParse: CAPTURE_LIMITS.elements, serializer: (node) => node }).parse();
  } catch {
    return { ok: false, reason: 'too-large' };
  }
  const content = parsed?.content;
  if (!parsed || !content || content.nodeType !== Node.ELEMENT_NODE) return { ok: false, reason: 'no-article' };
  const site = siteName(doc, location, parsed.siteName);
  // The live comparison reads the live headline with the same rule (src/sidebar/live/live-extract.ts).
  const pageTitle = withoutSiteName(clean(parsed.title || doc.title || ''), site, location.hostname);
  const { title: shownTitle, blocks } = headline(pageTitle, blocksOf(content as Element), pageHeadings);
  const title = shownTitle.slice(0, CAPTURE_LIMITS.titleChars);
  const texts = blocks.map((block) => block.text);
  if (texts.join('').length < MIN_ARTICLE_CHARS) return { ok: false, reason: 'no-article' };
  const { kept, cut } = bounded(texts);
  const [summary = '', ...paragraphs] = kept;
  return {
    ok: true,
    page: {
      url: location.href.slice(0, CAPTURE_LIMITS.urlChars),
      title: title || location.hostname,
      site,
      summary,
      paragraphs,
      published: { date: published.date, source: published.source, refused: published.refused },
      truncated: readable.truncated ?? (cut ? 'characters' : null),
    },
  };
}
