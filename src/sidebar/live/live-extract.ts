/**
 * Reads the article out of the live page's markup with Mozilla's Readability (the engine
 * of Firefox's Reader View), in the sidebar: an extension page in its own process, so a
 * huge or hostile page can slow the sidebar at worst, never the tab. The markup is parsed
 * with DOMParser into an inert document: its scripts never run, nothing is fetched.
 *
 * Each block keeps what its place in the page says about it (docs/live-diff.md, "Page
 * extras"): the elements it sat in before Readability moved it, which of them are page
 * furniture by their tag or by Readability's own class/id patterns, and how much of its text
 * is links. live-extras.ts decides with these, only for blocks that match no archived text.
 */
import { Readability } from '@mozilla/readability';
import { MAX_LIVE_PAGE_ELEMENTS } from '../../shared/live-limits';
import { wordsOf } from '../../shared/live-diff';
import { withoutSiteName } from '../../shared/page-title';
import { isCorrectionNote, noteLabelAt, noteText } from './live-extras';

/**
 * Why an element is furniture by itself: what HTML says it is ('structure'), holding a form
 * control ('widget'), or its class/id ('name'); null: it is not.
 */
export type Furniture = 'structure' | 'widget' | 'name' | null;

/** One block of the live article (a paragraph, heading, list item, caption…). */
export interface LiveBlock {
  text: string;
  /** Share of the text's characters inside links (0…1). */
  linkDensity: number;
  /** The texts of the links in it. */
  links: string[];
  /**
   * The tags of the inline elements that wrap all of the block's text, outermost first
   * (`<p><em>…</em></p>`: "EM"; `<p><span><em>…</em></span></p>`: "EM", a <span> being no
   * style), '' when its text stands in the block itself: sites set their sign-offs, credits
   * and calls to action in italics or bold, rarely their paragraphs.
   */
  wrapper: string;
  /** Footnote marks taken out of the text (a superscript link "1" glued to "2021."). */
  marks: string[];
  /**
   * A run-in heading: the bold words the block starts with when a line break follows them
   * (`<p><b>Media Contact:</b><br>…`), as press offices set their sections' headings.
   */
  runIn?: string;
  /**
   * The bold words the block starts with, a line break after them or not (`<p><b>NAME,
   * HOST:</b> …`, `<p><strong>Q:</strong> …`): where transcripts and interviews set the
   * speaker's label, inside the turn's own paragraph.
   */
  lead?: string;
  /**
   * The block's element and its ancestors in the page as served (before Readability moved
   * it), nearest first: an id per element, whether the element is furniture by itself, and
   * its style (tag and class attribute).
   */
  ancestry: ReadonlyArray<{ id: number; furniture: Furniture; style: string }>;
}

export type LiveExtraction =
  | {
      ok: true;
      headline: LiveBlock | undefined;
      blocks: LiveBlock[];
      /** The page marks a subscriber gate: part of the article may be withheld from it. */
      gated: boolean;
      /** The site's own name as the page gives it (Readability's, or og:site_name); null: none given. */
      siteName: string | null;
    }
  | { ok: false; reason: 'no-article' };

/** Elements whose text is a paragraph of its own. */
export const BLOCKS: ReadonlySet<string> = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/**
 * Elements that hold page furniture, never article prose, by what HTML says they are: a
 * figure and its caption, a sidebar, a form, navigation, a page or section footer or
 * header, interactive controls, and a disclosure widget (`<details>`: the context cards,
 * spec sheets and glossaries sites fold between paragraphs, shown only on a tap). A story
 * folded in one whole still counts: its text aligns, and what holds article text is never
 * furniture for the blocks inside it.
 */
const FURNITURE_TAGS = new Set(['FIGURE', 'FIGCAPTION', 'ASIDE', 'FORM', 'NAV', 'FOOTER', 'HEADER', 'BUTTON', 'LABEL', 'SELECT', 'MENU', 'DIALOG', 'DETAILS', 'SUMMARY']);
const CONTROL_TAGS = new Set(['INPUT', 'BUTTON', 'SELECT', 'TEXTAREA']);

/** Readability reports no article below this many characters of text. */
const MIN_ARTICLE_CHARS = 200;
/** Headings considered for the live headline. */
const MAX_HEADLINE_CANDIDATES = 10;
/** Blocks of the page outside Readability's content considered for the standfirst. */
const MAX_SUMMARY_CANDIDATES = 200;

interface ReadabilityPatterns {
  unlikelyCandidates: RegExp;
  negative: RegExp;
  byline: RegExp;
  shareElements: RegExp;
}

/**
 * Readability's own patterns for boilerplate class names and ids (ads, share bars, bylines,
 * comments, related links, footers, promos, tags…), maintained with Firefox's Reader View.
 * Readability uses them to pick the article's container; here they mark the furniture it
 * kept inside it.
 */
const PATTERNS = (Readability.prototype as unknown as { REGEXPS: ReadabilityPatterns }).REGEXPS;

function furnitureByItself(element: Element): Furniture {
  if (FURNITURE_TAGS.has(element.tagName.toUpperCase())) return 'structure';
  const role = element.getAttribute('role');
  if (role === 'complementary' || role === 'navigation' || role === 'contentinfo' || role === 'banner') return 'structure';
  const names = `${element.getAttribute('class') ?? ''} ${element.id}`.trim();
  if (names === '') return null;
  const boilerplate =
    PATTERNS.unlikelyCandidates.test(names) || PATTERNS.negative.test(names) || PATTERNS.byline.test(names) || PATTERNS.shareElements.test(names);
  return boilerplate ? 'name' : null;
}

/**
 * Records every element's place in the page before Readability moves things about: an id,
 * its parent's id, and whether it is furniture by itself (its tag, its role, its class/id,
 * or holding a form control).
 */
function mapPage(doc: Document, tagged = false): {
  ids: WeakMap<Element, number>;
  parents: number[];
  furniture: Furniture[];
  /** Per element, whether it is not shown: hidden by markup, never text (a script), or inside such an element. */
  unshown: boolean[];
  styles: string[];
  /** Ids given to elements Readability made in place of one of the page's (negative: never the page's). */
  made: { next: number };
  /** The element each text of the page stood in as served (its parent's id). */
  textParents: WeakMap<Node, number>;
  /** Each element carries its id in an attribute (PAGE_ID), which survives Readability rebuilding the page from its markup. */
  tagged: boolean;
} {
  const ids = new WeakMap<Element, number>();
  const parents: number[] = [];
  const furniture: Furniture[] = [];
  const unshown: boolean[] = [];
  const styles: string[] = [];
  const textParents = new WeakMap<Node, number>();
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length && i <= MAX_LIVE_PAGE_ELEMENTS; i++) {
    const element = all[i] as Element;
    ids.set(element, i);
    if (tagged) element.setAttribute(PAGE_ID, String(i));
    const parent = element.parentElement;
    parents.push(parent ? ids.get(parent) ?? -1 : -1);
    furniture.push(furnitureByItself(element));
    unshown.push(UNSHOWN_TAGS.has(element.tagName.toUpperCase()) || hiddenByMarkup(element) || (unshown[parents[i] ?? -1] ?? false));
    styles.push(`${element.tagName} ${componentClasses(element.getAttribute('class') ?? '')}`);
    for (let child = element.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 && HAS_TEXT.test(child.nodeValue ?? '')) textParents.set(child, i);
    }
  }
  // A box holding a text field or a button is a widget (a sign-up box, a share bar).
  for (let i = 0; i < all.length && i <= MAX_LIVE_PAGE_ELEMENTS; i++) {
    if (!CONTROL_TAGS.has((all[i] as Element).tagName.toUpperCase())) continue;
    for (let id = parents[i] ?? -1, depth = 0; id >= 0 && depth < 3; id = parents[id] ?? -1, depth++) {
      if (furniture[id] !== 'structure') furniture[id] = 'widget';
    }
  }
  return { ids, parents, furniture, unshown, styles, made: { next: -2 }, textParents, tagged };
}

/**
 * The attribute an element's id is written in when the page is mapped `tagged`. Readability
 * keeps a copy of the body's markup and, when its first pass finds too little text (it threw
 * away a container whose class looks like boilerplate: "commentary" reads "comment", a
 * "community-news" section, a "header-story" wrapper), rebuilds the body from that copy and
 * tries again with its filters off. Every element and text of its content is then a new node:
 * the map of the page as served knew none of them, so every block lost the elements it sat
 * in, and the page's furniture (a licence line, a disclosure, a sign-off in its own
 * component) read as prose the page added. An attribute is copied with the markup, and onto
 * the element Readability puts in place of one it renames.
 */
const PAGE_ID = 'data-backstory-live-id';

/** The id written on the nearest element at or above `node` that carries one (a tagged page). */
function taggedId(node: Node | null): number | undefined {
  for (let element = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null); element; element = element.parentElement) {
    const id = element.getAttribute(PAGE_ID);
    if (id !== null) return Number(id);
  }
  return undefined;
}

/**
 * Whether Readability's content is made of the page's own nodes (moved, not copied): its
 * first text is one the map knows. False when Readability rebuilt the page (PAGE_ID).
 */
function contentMapped(content: Node, map: PageMap): boolean {
  const stack: Node[] = [content];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeType === 3 && HAS_TEXT.test(node.nodeValue ?? '')) return map.textParents.has(node);
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return true;
}

type PageMap = ReturnType<typeof mapPage>;

/**
 * A CSS-modules class name, `<file>_<local>__<hash>` ("SimpleBlock-module_p__Q3azU", Next.js'
 * and css-loader's default): the hash is the build's, not the component's. One page mixes
 * builds (a story's old paragraphs server-rendered, a new one from the client's bundle;
 * blocks from a micro-frontend), so the same paragraph component carries different hashes.
 * BEM's `block__element` has no `_` before its `__`, and keeps its name.
 */
const MODULE_HASH = /^([A-Za-z][A-Za-z0-9-]*_[A-Za-z][A-Za-z0-9-]*)__[A-Za-z0-9_-]{5}$/u;

/** The class attribute as component names: each class without its build hash. */
export function componentClasses(classes: string): string {
  return classes.replace(/\S+/gu, (name) => name.replace(MODULE_HASH, '$1'));
}

const HAS_TEXT = /\S/u;

/**
 * The block's element and its ancestors as the page served them. `text` is the block's first
 * text, `node` the element it stands in now.
 */
function ancestryOf(node: Node, map: PageMap, text?: Node): LiveBlock['ancestry'] {
  // Readability replaces some elements with one of its own (a <div> of text made a <p>, a
  // one-cell layout table made its cell's content, a <font> made a <span>), moving their
  // children into it: the text still knows the element it stood in as served.
  // On a page Readability rebuilt, the text stood in the nearest element that carries an id:
  // a copy of the one it stood in, or the element Readability renamed (it keeps the attribute).
  const servedIn = text ? (map.textParents.get(text) ?? (map.tagged ? taggedId(text) : undefined)) : undefined;
  let element: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const chain: Array<{ id: number; furniture: Furniture; style: string }> = [];
  if (servedIn !== undefined && element && !map.ids.has(element)) {
    element = null;
  } else if (element && !map.ids.has(element) && BLOCKS.has(element.tagName.toUpperCase())) {
    // A block element Readability made around text the page had not in an element of its own
    // stands where the block's own element was: it is kept, with an id of its own, so the
    // elements above stay wrappers.
    chain.push({ id: map.made.next--, furniture: null, style: `${element.tagName} ` });
  }
  while (element && !map.ids.has(element)) element = element.parentElement;
  for (let id = element ? (map.ids.get(element) ?? -1) : (servedIn ?? -1); id >= 0; id = map.parents[id] ?? -1) {
    chain.push({ id, furniture: map.furniture[id] ?? null, style: map.styles[id] ?? '' });
  }
  return chain;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A footnote's mark: a number, a letter or two, an asterisk or a dagger, maybe in brackets. */
const MARK = /^[[(]?(?:\d{1,3}|\p{L}{1,2}|[*\u2020\u2021\u00A7]{1,3})[\])]?$/u;

/**
 * A footnote reference, as HTML and CMSs mark one up: a link whose text is a mark, set in
 * superscript (`<sup><a href="#fn1">1</a></sup>`, `<a><sup>1</sup></a>`) or pointing to a
 * note on the same page (`<a href="#footnote-1">1</a>`, superscript by style sheet). It glues
 * to the word before it ("2021.1"); the archive has the words without it. Its mark, or null.
 */
function footnoteMark(link: Element): string | null {
  const text = (link.textContent ?? '').trim();
  if (!MARK.test(text)) return null;
  if ((link.getAttribute('href') ?? '').startsWith('#')) return text;
  const sup = link.closest('sup') ?? link.querySelector('sup');
  return sup && collapse(sup.textContent ?? '') === text ? text : null;
}

/**
 * A reference sign set in superscript with no link (`IS<sup>*</sup>`, `<sup>†</sup>`): the mark
 * Russian-language and exile media must put after a name the state has labelled, and that
 * footnote plug-ins print, its note below the story. Signs only: a bare superscript digit or
 * letter is as often an exponent or an ordinal ("km<sup>2</sup>", "1<sup>st</sup>"). Where
 * the archive has the same word with the sign ("IS*": the archived page printed it as text),
 * the sign is the article's and stays.
 */
const SIGN_MARK = /^[[(]?[*\u2020\u2021\u00A7]{1,3}[\])]?$/u;
const SIGNED_WORD = /[*\u2020\u2021\u00A7]$/u;

function superscriptSign(element: Element, before: string, archivedSigned: ReadonlySet<string>): string | null {
  if (element.tagName.toUpperCase() !== 'SUP') return null;
  const text = (element.textContent ?? '').trim();
  if (!SIGN_MARK.test(text)) return null;
  const word = /\S*$/u.exec(before)?.[0] ?? '';
  return archivedSigned.has(`${word}${text}`) ? null : text;
}

/** The archived words that end in a reference sign ("IS*", "overseas.”*"), as written. */
export function signedWords(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const word of text.split(/\s+/u)) if (SIGNED_WORD.test(word)) words.add(word);
  return words;
}

const RUN_IN_TAGS = new Set(['STRONG', 'B']);

/** A bold element with a line break right after it (white space aside): a run-in heading. */
function endsInBreak(element: Element): boolean {
  let next = element.nextSibling;
  while (next && next.nodeType === 3 && !HAS_TEXT.test(next.nodeValue ?? '')) next = next.nextSibling;
  return next !== null && next.nodeType === 1 && (next as Element).tagName.toUpperCase() === 'BR';
}

/**
 * Inline elements deeper than this inside a block are not followed for its wrapping (a
 * page builder's span and an emphasis are two): a hostile page's thousands of nested spans
 * cost no more than a few per text.
 */
const MAX_WRAPPER_DEPTH = 6;

/** The elements two chains start with, in order. */
function commonStart(a: readonly Element[], b: readonly Element[]): readonly Element[] {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n === a.length ? a : a.slice(0, n);
}

/**
 * The tags of the inline elements around all of a block's text, outermost first, each once:
 * "EM", "STRONG", or "EM" too where a page builder wraps every run in a <span> and the
 * emphasis sits inside it. A <span> means nothing by itself (HTML's generic inline
 * container): builders wrap every run in one, and editors leave one around a sentence (a
 * tracked change, a comment anchor, a language run), so a one-sentence paragraph added with
 * its sentence in a span is set like the rest. Only the emphasis elements are a style here.
 */
function wrapperOf(chain: readonly Element[]): string {
  const tags: string[] = [];
  for (const element of chain) {
    const tag = element.tagName.toUpperCase();
    if (tag === 'SPAN') continue;
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags.join(' ');
}

/**
 * The blocks of an element (paragraphs, headings, list items), in order. Text nodes are
 * joined as they are, with no space put between them: a framework's separators
 * ("A<!-- -->22") and inline elements split text without splitting words.
 */
export function liveBlocks(root: Node, map?: PageMap, archivedSigned: ReadonlySet<string> = new Set()): LiveBlock[] {
  const blocks: LiveBlock[] = [];
  let current = '';
  let linkChars = 0;
  let links: string[] = [];
  let link = '';
  let owner: Node = root;
  let ownerText: Node | undefined;
  // The inline elements around all of the block's text so far, outermost first (null: no
  // text yet): what its texts' chains of inline elements have in common.
  let wrapping: readonly Element[] | null = null;
  let marks: string[] = [];
  let runIn: string | undefined;
  let lead: string | undefined;
  const flush = (): void => {
    const text = collapse(current);
    if (text) {
      const chars = current.replace(/\s+/g, '').length;
      blocks.push({
        text,
        linkDensity: chars === 0 ? 0 : Math.min(1, linkChars / chars),
        links: links.map(collapse).filter((l) => l !== ''),
        wrapper: wrapperOf(wrapping ?? []),
        marks,
        ...(runIn === undefined ? {} : { runIn }),
        ...(lead === undefined ? {} : { lead }),
        ancestry: map ? ancestryOf(owner, map, ownerText) : [],
      });
    }
    current = '';
    linkChars = 0;
    links = [];
    wrapping = null;
    marks = [];
    runIn = undefined;
    lead = undefined;
  };
  const walk = (node: Node, inLink: boolean, chain: readonly Element[]): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value.trim() !== '') {
        if (current.trim() === '') {
          owner = node.parentNode ?? node;
          ownerText = node;
        }
        wrapping = wrapping === null ? chain : commonStart(wrapping, chain);
      }
      current += value;
      if (inLink) {
        linkChars += value.replace(/\s+/g, '').length;
        link += value;
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'BR') current += ' ';
    const block = BLOCKS.has(tag);
    if (block) flush();
    const opensLink = !inLink && tag === 'A';
    const mark = opensLink ? footnoteMark(node as Element) : !inLink ? superscriptSign(node as Element, current, archivedSigned) : null;
    if (mark !== null) {
      marks.push(mark);
      return;
    }
    if (opensLink) link = '';
    const leads = RUN_IN_TAGS.has(tag) && current.trim() === '';
    const before = current.length;
    const inner = block || node === root ? [] : chain.length >= MAX_WRAPPER_DEPTH ? chain : [...chain, node as Element];
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, inLink || opensLink, inner);
    if (leads) {
      const bold = collapse(current.slice(before));
      if (bold !== '') lead = bold;
      if (endsInBreak(node as Element)) runIn = bold;
    }
    if (opensLink) links.push(link);
    if (block) flush();
  };
  walk(root, false, []);
  flush();
  return blocks;
}

/** The texts of an element's blocks, in order. */
export function blockTexts(root: Node): string[] {
  return liveBlocks(root).map((block) => block.text);
}

const keys = (text: string): string[] => wordsOf([text]).map((word) => word.key.toLowerCase());

/** Distinct words of `b` found in `a`: a title with the site's name after it ("… – The Sentinel") gains nothing from repeating "The". */
function overlap(a: string, b: string): number {
  const words = new Set(keys(a));
  return [...new Set(keys(b))].filter((word) => words.has(word)).length;
}

/**
 * Of `candidates`, the one sharing the most words with `archived` (ties: the first), with
 * its score.
 */
function closest<T>(candidates: readonly T[], text: (candidate: T) => string, archived: string): { best: T | undefined; score: number } {
  let best: T | undefined;
  let score = -1;
  for (const candidate of candidates) {
    const candidateScore = overlap(archived, text(candidate));
    if (candidateScore > score) {
      best = candidate;
      score = candidateScore;
    }
  }
  return { best, score };
}

/** Words two texts share (as multisets), over the longer one's word count: 1 for the same words. */
function likeness(a: string, b: string): number {
  const counts = new Map<string, number>();
  const aKeys = keys(a);
  for (const key of aKeys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const bKeys = keys(b);
  let shared = 0;
  for (const key of bKeys) {
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(key, left - 1);
    }
  }
  return shared / Math.max(1, aKeys.length, bKeys.length);
}

function mostLike(candidates: readonly LiveBlock[], archived: string): { best: LiveBlock | undefined; score: number } {
  let best: LiveBlock | undefined;
  let score = 0;
  for (const candidate of candidates) {
    const candidateScore = likeness(archived, candidate.text);
    if (candidateScore > score) {
      best = candidate;
      score = candidateScore;
    }
  }
  return { best, score };
}

/**
 * A standfirst set as bullets is several blocks: the best one is joined with the blocks
 * after it while that makes it more like the archived summary.
 */
function extendStandfirst(best: LiveBlock, pageBlocks: readonly LiveBlock[], summary: string): { block: LiveBlock; score: number } {
  let block = best;
  let score = likeness(summary, best.text);
  for (let index = pageBlocks.indexOf(best) + 1; index > 0 && index < pageBlocks.length; index++) {
    const next = pageBlocks[index];
    if (!next) break;
    const joined = { ...block, text: `${block.text} ${next.text}`, links: [...block.links, ...next.links] };
    const joinedScore = likeness(summary, joined.text);
    if (joinedScore <= score) break;
    block = joined;
    score = joinedScore;
  }
  return { block, score };
}

/** An archived paragraph is missing from Readability's content when under this share of its three-word sequences is in it… */
const MISSING_SHARE = 0.5;
/** …and a block the page shows elsewhere is that paragraph when it is at least this like it (an edit inside it still shows). */
const RESTORED_LIKENESS = 0.8;
/** Paragraphs a three-word sequence is looked up in (bounds the work on a page of like paragraphs). */
const MAX_GRAM_PARAGRAPHS = 32;

/** Where a block stands in the page as served: its nearest element's place in document order (-1: unknown). */
const pagePosition = (block: LiveBlock): number => block.ancestry.find(({ id }) => id >= 0)?.id ?? -1;

/**
 * The parts of the story the page shows outside the container Readability chose, put back
 * where they stand. Readability takes one container of the page (the best-scoring one and
 * its siblings), and sites split a story's body into parts set at different depths: the text
 * after an ad slot or a promo wrapped in a container of its own, a "story continues" part,
 * a subscriber part beside the free one. Readability then leaves a part out, and the page
 * read "paragraphs removed" while it shows them. A paragraph of the archived text that
 * Readability's content lacks is taken from the page when a block shown elsewhere on the
 * page (not hidden, not in a script, not in a figure, aside, nav, footer or other furniture
 * by its tag) is at least 80% like it, so an edit inside it still counts; and with it the
 * whole part it stands in (its outermost element that holds none of Readability's content),
 * so a paragraph added to that part is read too, and the part's furniture (an ad label, a
 * promo card) is decided like any block's. The page shows it, so the reader has it. A
 * paragraph the page shows nowhere stays removed. Linear in the page: one index of the
 * missing paragraphs' three-word sequences.
 */
function withParagraphsOutside(blocks: LiveBlock[], pageBlocks: readonly LiveBlock[], paragraphs: readonly string[], unshown: readonly boolean[]): LiveBlock[] {
  if (paragraphs.length === 0 || blocks.length === 0) return blocks;
  const contentGrams = new Set(blocks.flatMap((block) => trigrams(block.text)));
  const missing: number[] = [];
  let present = 0;
  paragraphs.forEach((paragraph, index) => {
    const grams = trigrams(paragraph);
    if (grams.length === 0) return;
    if (grams.filter((gram) => contentGrams.has(gram)).length >= grams.length * MISSING_SHARE) present++;
    else missing.push(index);
  });
  // Only where Readability found the story: a page that holds none of it is another page.
  if (missing.length === 0 || present === 0) return blocks;
  const places = new Map<string, number[]>();
  for (const index of missing) {
    for (const gram of new Set(trigrams(paragraphs[index] ?? ''))) {
      const at = places.get(gram) ?? [];
      if (at.length < MAX_GRAM_PARAGRAPHS) at.push(index);
      places.set(gram, at);
    }
  }
  const texts = new Set(blocks.map((block) => block.text));
  const shown = (block: LiveBlock): boolean => !texts.has(block.text) && !block.ancestry.some(({ id, furniture }) => furniture === 'structure' || unshown[id] === true);
  // Elements that hold Readability's content: a part left out is below none of them.
  const holdsContent = new Set(blocks.flatMap((block) => block.ancestry.map(({ id }) => id)));
  const taken = new Set<number>();
  const parts = new Set<number>();
  for (const block of pageBlocks) {
    if (!shown(block)) continue;
    const hits = new Map<number, number>();
    for (const gram of trigrams(block.text)) for (const index of places.get(gram) ?? []) hits.set(index, (hits.get(index) ?? 0) + 1);
    let best = -1;
    for (const [index, count] of hits) if (!taken.has(index) && (best < 0 || count > (hits.get(best) ?? 0))) best = index;
    if (best < 0 || likeness(paragraphs[best] ?? '', block.text) < RESTORED_LIKENESS) continue;
    taken.add(best);
    // The part it stands in: its outermost element that holds none of the content.
    let part = -1;
    for (const { id } of block.ancestry) {
      if (id < 0) continue;
      if (holdsContent.has(id)) break;
      part = id;
    }
    if (part >= 0) parts.add(part);
  }
  if (parts.size === 0) return blocks;
  // The part whole, what the page added to it too (its furniture is then decided like any block's).
  const restored = pageBlocks.filter((block) => shown(block) && block.ancestry.some(({ id }) => parts.has(id)));
  // Into the content in page order (both are in it): each before the first block that stands after it.
  const result: LiveBlock[] = [];
  let next = 0;
  for (const block of blocks) {
    while (next < restored.length && pagePosition(restored[next] as LiveBlock) < pagePosition(block)) result.push(restored[next++] as LiveBlock);
    result.push(block);
  }
  return [...result, ...restored.slice(next)];
}

/**
 * Corrections and editor's notes are the article's, wherever the site puts them: one in an
 * <aside> or a <footer>, which Readability leaves out, is put back where it stood (before the
 * article's first block or after its last), with the label standing alone over it, if any,
 * which says what it is.
 */
function withNotesOutside(blocks: LiveBlock[], pageBlocks: readonly LiveBlock[]): LiveBlock[] {
  const texts = new Set(blocks.map((b) => b.text));
  const first = blocks[0] === undefined ? -1 : pageBlocks.findIndex((b) => b.text === blocks[0]?.text);
  const before: LiveBlock[] = [];
  const after: LiveBlock[] = [];
  pageBlocks.forEach((block, index) => {
    if (texts.has(block.text) || !isCorrectionNote(noteText(pageBlocks, index))) return;
    const label = noteLabelAt(pageBlocks, index);
    (index < first ? before : after).push(...(label < 0 ? [] : pageBlocks.slice(label, index)), block);
  });
  return before.length + after.length === 0 ? blocks : [...before, ...blocks, ...after];
}

/**
 * A subscriber gate, as sites mark one: the schema.org `isAccessibleForFree: false` that
 * Google asks paywalled news pages to declare (JSON-LD or microdata), or an element named
 * for the gate the way that guidance and the paywall vendors name it ("paywall", "regwall";
 * not "non-paywall", the free part). A metered page that still serves the whole text carries
 * these too: the gate alone changes nothing, only with the article's end missing.
 */
const GATE_LD = /"isAccessibleForFree"\s*:\s*(?:false|"false")/i;
const GATE_NAME = /(?<![\p{L}\d]|non[-_]?)(?:paywall|regwall|pay-wall|reg-wall)/iu;
const MAX_GATE_SCRIPT_CHARS = 200_000;

function marksSubscriberGate(doc: Document): boolean {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (GATE_LD.test((script.textContent ?? '').slice(0, MAX_GATE_SCRIPT_CHARS))) return true;
  }
  const microdata = doc.querySelector('[itemprop="isAccessibleForFree"]');
  if (microdata && /^false$/i.test((microdata.getAttribute('content') ?? microdata.textContent ?? '').trim())) return true;
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length && i <= MAX_LIVE_PAGE_ELEMENTS; i++) {
    const element = all[i] as Element;
    if (GATE_NAME.test(`${element.getAttribute('class') ?? ''} ${element.id}`)) return true;
  }
  return false;
}

/** Hidden by markup the way Readability tests it (`_isProbablyVisible`), which drops such elements as unseen. */
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?=;|$)/iu;

function hiddenByMarkup(element: Element): boolean {
  return element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true' || HIDING_STYLE.test(element.getAttribute('style') ?? '');
}

/** Never shown as text (a JSON copy of the body in a script is not the page's text). */
const UNSHOWN_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** A collapsed box is the article's when it is at least a paragraph long… */
const MIN_COLLAPSED_WORDS = 20;
/** …this share of its three-word sequences is the archived paragraphs'… */
const COLLAPSED_SHARE = 0.5;
/** …and of those, this share is shown nowhere else on the page (not a hidden copy). */
const UNSHOWN_SHARE = 0.5;

/** Every three-word sequence of a text, as compared (lower-case keys). */
function trigrams(text: string): string[] {
  const list = keys(text);
  const grams: string[] = [];
  for (let i = 0; i + 3 <= list.length; i++) grams.push(`${list[i]} ${list[i + 1]} ${list[i + 2]}`);
  return grams;
}

/**
 * The page's shown text, and each outermost element hidden by markup with the text inside it.
 * Walked with a stack, not recursion: a hostile page may nest deeply.
 */
function shownAndHidden(body: Element): { shown: string; hidden: Array<{ element: Element; text: string }> } {
  const shown: string[] = [];
  const hidden: Array<{ element: Element; parts: string[] }> = [];
  const stack: Array<{ node: Node; sink: string[] }> = [{ node: body, sink: shown }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, sink } = next;
    if (node.nodeType === 3) sink.push(node.nodeValue ?? '');
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (UNSHOWN_TAGS.has(tag)) continue;
    let into = sink;
    if (sink === shown && hiddenByMarkup(element)) {
      into = [];
      hidden.push({ element, parts: into });
    }
    if (BLOCKS.has(tag) || tag === 'BR') into.push(' ');
    for (let child = element.lastChild; child; child = child.previousSibling) stack.push({ node: child, sink: into });
  }
  return { shown: shown.join(''), hidden: hidden.map(({ element, parts }) => ({ element, text: parts.join('') })) };
}

/**
 * The rest of a story collapsed behind "Continue reading" / "Read more" (mobile layouts, app
 * webviews, expanders): the site serves the whole text but hides its tail with `hidden`,
 * `aria-hidden="true"` or an inline `display: none` until the reader taps, and Readability
 * drops hidden elements as unseen. The reader can open it: it is the article's. An outermost
 * hidden element is made visible before Readability runs when its shown text is at least a
 * paragraph long, half of its three-word sequences are the archived paragraphs', and half of
 * those are shown nowhere else on the page: the part of the story the page otherwise lacks.
 * Hidden furniture (a share dialog repeating the headline, a tooltip, "Thanks for signing
 * up") shares no paragraph with the archive, and a hidden copy of text the page shows (a
 * text-to-speech or print copy) adds nothing; both stay hidden. Linear in the page.
 */
function revealCollapsedText(doc: Document, paragraphs: readonly string[]): void {
  if (paragraphs.length === 0 || !doc.body) return;
  const { shown, hidden } = shownAndHidden(doc.body);
  if (hidden.length === 0) return;
  const archivedGrams = new Set(paragraphs.flatMap(trigrams));
  let shownGrams: Set<string> | undefined;
  for (const { element, text } of hidden) {
    const grams = trigrams(text);
    if (grams.length + 2 < MIN_COLLAPSED_WORDS) continue;
    const archivedHere = grams.filter((gram) => archivedGrams.has(gram));
    if (archivedHere.length < grams.length * COLLAPSED_SHARE) continue;
    shownGrams ??= new Set(trigrams(shown));
    const seen = shownGrams;
    if (archivedHere.filter((gram) => !seen.has(gram)).length < archivedHere.length * UNSHOWN_SHARE) continue;
    element.removeAttribute('hidden');
    element.removeAttribute('aria-hidden');
    const style = element.getAttribute('style');
    if (style !== null) element.setAttribute('style', style.replace(new RegExp(HIDING_STYLE.source, 'giu'), ''));
  }
}

/**
 * The live article: its headline (of the page's <h1>s and Readability's title, the one
 * closest to the archived title: a site's logo may be an <h1> too, and an edited headline is
 * still closer than the logo), then its blocks. Readability finds the article's body; a
 * standfirst that sits in the page's header, outside that body, is looked for there, and so
 * are corrections and editor's notes.
 * `html` is the page's markup, at most MAX_LIVE_PAGE_CHARS (checked before it got here).
 */
export function extractLiveArticle(html: string, archived: Archived): LiveExtraction {
  return extract(html, archived, false) ?? extract(html, archived, true) ?? { ok: false, reason: 'no-article' };
}

type Archived = { title: string; summary: string; paragraphs?: readonly string[]; host?: string };

/**
 * One reading of the page. Untagged (the common case: no attribute written on a page's every
 * element), null when Readability rebuilt the page, which is then read again tagged (PAGE_ID).
 */
function extract(html: string, archived: Archived, tagged: boolean): LiveExtraction | null {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const map = mapPage(doc, tagged);
  // Before Readability takes the page apart.
  const gated = marksSubscriberGate(doc);
  revealCollapsedText(doc, archived.paragraphs ?? []);
  const pageSiteName = doc.querySelector('meta[property="og:site_name" i]')?.getAttribute('content');
  const headings = Array.from(doc.querySelectorAll('h1'))
    .map((h1) => ({ text: collapse(h1.textContent ?? ''), linkDensity: 0, links: [], wrapper: '', marks: [], ancestry: ancestryOf(h1, map) }))
    .filter((heading) => heading.text !== '')
    .slice(0, MAX_HEADLINE_CANDIDATES);
  // Blocks of the whole page, before Readability takes the body apart: where a standfirst
  // outside Readability's content is looked for.
  const signed = signedWords([archived.title, archived.summary, ...(archived.paragraphs ?? [])]);
  const pageBlocks = doc.body ? liveBlocks(doc.body, map, signed) : [];
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    // maxElemsToParse: Readability throws rather than work through a larger document.
    article = new Readability<Node>(doc, { maxElemsToParse: MAX_LIVE_PAGE_ELEMENTS, serializer: (node) => node }).parse();
  } catch {
    return { ok: false, reason: 'no-article' };
  }
  if (!article?.content || (article.textContent ?? '').trim().length < MIN_ARTICLE_CHARS) return { ok: false, reason: 'no-article' };
  if (!tagged && !contentMapped(article.content, map)) return null;
  let blocks = withParagraphsOutside(liveBlocks(article.content, map, signed), pageBlocks, archived.paragraphs ?? [], map.unshown);
  // Without the site's name ("Headline | Site"), as the capture stores its headline and as a seed's title line is.
  const siteName = article.siteName ?? pageSiteName;
  const readabilityTitle = article.title ? withoutSiteName(article.title, siteName, archived.host) : '';
  const candidates = readabilityTitle ? [...headings, { text: readabilityTitle, linkDensity: 0, links: [], wrapper: '', marks: [], ancestry: [] }] : headings;
  const headline = closest(candidates, (c) => c.text, archived.title).best;
  // Readability keeps the <h1> in the content when it differs from the page's <title>.
  const same = (a: string, b: string): boolean => keys(a).join(' ') === keys(b).join(' ');
  if (headline && blocks[0] && same(blocks[0].text, headline.text)) blocks = blocks.slice(1);
  // The standfirst: when a block elsewhere on the page is more like the archived summary
  // than any block of Readability's content (and at least half like it), it is the standfirst.
  const inContent = mostLike(blocks, archived.summary);
  const texts = new Set(blocks.map((b) => b.text));
  const outside = mostLike(
    pageBlocks.slice(0, MAX_SUMMARY_CANDIDATES).filter((b) => !texts.has(b.text) && (headline === undefined || !same(b.text, headline.text))),
    archived.summary,
  );
  const standfirst = outside.best && extendStandfirst(outside.best, pageBlocks, archived.summary);
  const summaryOutside = standfirst !== undefined && standfirst.score > inContent.score && standfirst.score >= 0.5;
  if (summaryOutside && standfirst) blocks = [standfirst.block, ...blocks];
  blocks = withNotesOutside(blocks, pageBlocks);
  return { ok: true, headline, blocks, gated, siteName: siteName ?? null };
}
