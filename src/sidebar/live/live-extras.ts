/**
 * Which blocks of the live article are the article's text and which are page extras (a
 * byline, a caption, "Read more: …", "Advertisement", a share bar, a sign-up box, a tag
 * list, a pull quote…): docs/live-diff.md, "Page extras". The rule:
 *
 * 1. A block that repeats text found elsewhere in the live article (a pull quote, a repeated
 *    headline) is an extra: the text is counted where it stands in the article. So is a
 *    block that aligns with nothing and quotes the whole headline (a print-edition line).
 * 2. The archived text is aligned to the live blocks (a word diff). A block at least half of
 *    whose words align with archived text is article text, whatever surrounds it.
 * 3. A block that aligns with nothing is decided by its shape and its place: a correction or
 *    editor's note counts (it is a change, not furniture), an update notice that names no
 *    change ("This story has been updated.") is the time stamp's words; otherwise it is an extra if it is
 *    not a sentence (no sentence end, under four words), if it is mostly links, or if it sat
 *    in furniture (figure, aside, form, nav, header, footer, a box with a form control, or a
 *    class/id Readability takes for boilerplate) below every element that holds article
 *    text; a block before or after all of the article's text that has links is an extra too
 *    (a "Follow us" line, a trailing promo); so is a rights line.
 * 4. The aligned blocks (the standfirst aside) show what this page's paragraphs look like
 *    (their own element's tag and class, the inline element wrapping their whole text, the
 *    boxes they sit in): an unaligned block is prose the page added only when it looks like
 *    them, and, before or after all of the article's text, is as long as a paragraph.
 * 5. Before the markup, the block's voice and place: a call to the reader ("you" outside
 *    quotation marks, shorter than a paragraph) is an extra however it is styled; reported
 *    prose among the paragraphs (third person, paragraph-long, no link) counts however it is
 *    styled; after an end-of-copy mark ("###"), a heading or a separator line that follows
 *    the story, nothing is the story; a text printed twice that the archive lacks is a promo
 *    (unless one copy is a paragraph and the other a pull quote); the publisher naming itself
 *    is the page's voice, and a link naming it a call to action. Anything else is an extra.
 */
import { diffTexts, splitWords, wordKey, type DiffPart, type LiveDiff } from '../../shared/live-diff';
import { SENTENCE_END } from '../../shared/live-verdict';
import { mentionsSite } from '../../shared/page-title';
import { BLOCKS, type LiveBlock } from './live-extract';

export type ExtraReason =
  | 'repeat'
  | 'not-a-sentence'
  | 'links'
  | 'furniture'
  | 'box'
  | 'unlike'
  | 'edge'
  | 'rights'
  | 'fragment'
  | 'after-end'
  | 'calls-reader'
  | 'contact'
  | 'update-notice';

export interface Sorted {
  /** The article's live blocks, headline first ('' when the page has none): what the verdict is about. */
  counted: string[];
  /** Indexes into `counted` of corrections and editor's notes. */
  corrections: Set<number>;
  /** Page extras, not counted, in page order. */
  extras: Array<{ text: string; reason: ExtraReason }>;
}

/** A block aligns with the archive when at least this share of its words does. */
const ALIGNED_SHARE = 0.5;
/** A block mostly links ("Read more: <a>…</a>", a list of stories) is furniture. */
const MAX_LINK_DENSITY = 0.5;
/** Fewer words than this is a label, not a sentence ("Replay", "Photo: Reuters"). */
const MIN_SENTENCE_WORDS = 4;
/** Pull quotes are short; longer blocks are not looked for elsewhere (bounds the cost). */
const MAX_REPEAT_WORDS = 80;

/** Starts like one: a capital or a digit, after any opening quote or bracket. */
const SENTENCE_START = /^["'\u2018\u201C(\[]?[\p{Lu}\d]/u;

export function isSentenceShaped(text: string): boolean {
  return SENTENCE_START.test(text) && SENTENCE_END.test(text) && splitWords(text).length >= MIN_SENTENCE_WORDS;
}

/**
 * A correction, clarification or editor's note, in the ways news sites word them, English
 * editions of other languages' papers included: a label ("Correction:", "Clarification:",
 * "Editor's note:", "Update (12 March):", "Erratum:", "Rectification:", "Amendment:"), a
 * statement of the change ("This article was amended on …", "… has been updated to …"), a
 * reference to the earlier text ("An earlier version of this story …", "A previous headline
 * …"), or the error owned ("This article misstated …", "due to an editing error", "We regret
 * the error."). Such a note is a change to the article, never furniture.
 */
const CORRECTION = new RegExp(
  [
    // A label at the start, some only with their colon (a date may come between).
    String.raw`^(?:corrections?|clarifications?|editor['\u2019]?s['\u2019]? notes?|note from the editors?)\b`,
    String.raw`^(?:erratum|errata|rectification|retraction|amendment|correction notice|corrected|clarified|amended)\b(?:\s*\([^)]{0,40}\)|[^:.]{0,40})\s*:`,
    String.raw`\b(?:was|were|has been|have been|had been)\s+(?:amended|corrected|clarified|updated|changed|revised|edited|rectified)\b`,
    String.raw`\b(?:earlier|previous|prior|original) (?:version|edition)s? of (?:this|the) (?:article|story|report|piece|post|item|page)\b`,
    String.raw`\b(?:earlier|previous|prior|original) (?:version|headline|caption)s? (?:misstated|misidentified|misspelled|incorrectly|wrongly|erroneously|stated|said|gave|reported|described|referred|did not)\b`,
    String.raw`\b(?:article|story|report|piece|post|headline|caption|version)\s+(?:\S+\s+){0,2}?(?:misstated|misidentified|misspelled|misattributed|misquoted|misreported|incorrectly|wrongly|erroneously)\b`,
    String.raw`\b(?:an? )?(?:editing|editorial|production|translation|transcription) error\b`,
  ].join('|'),
  'iu',
);

/** Only as the note's last words: a quoted official may "regret the error" mid-paragraph. */
const REGRET = /\bregrets? the errors?[.!]?$/iu;

/** A sentence's end followed by the next one's start (a capital: "Dec. 1, 2026" runs on). */
const SENTENCE_BREAK = /[.!?\u2026]["'\u2019\u201D)\]]*\s+(?=["'\u2018\u201C(\[]?\p{Lu})/gu;
/** The first sentence is taken to run on past an end this close to the start ("Dec. 1, 2026:"). */
const MIN_LEAD_WORDS = 5;

/**
 * The note's first sentence: a correction says what it is first ("Correction: …", "This
 * article was amended …", "An earlier version …"); a paragraph that only mentions corrections
 * later on ("Our reporters follow a code of ethics. We say when a story has been updated.")
 * is about the site, not about this article.
 */
function leadSentence(text: string): string {
  for (const match of text.matchAll(SENTENCE_BREAK)) {
    const lead = text.slice(0, match.index + match[0].length);
    if (splitWords(lead).length >= MIN_LEAD_WORDS) return lead;
  }
  return text;
}

/**
 * "Update (12 March):", "UPDATE, 14:20 GMT:", "Note:": an editor's note when it is put before
 * or after the story, as sites append their update notes; a paragraph of the story spliced
 * among its paragraphs with such a label ("Update, February 9: The Pentagon said …") is news
 * added to it, a paragraph added.
 */
const UPDATE_LABEL = /^(?:updated?|updates|note)\b(?:\s*\([^)]{0,40}\)|[^:.]{0,40})\s*:/iu;

/**
 * A footnote sign before a note ("* An earlier version …", "†Corrected: …"): sites tie a
 * correction to the sentence it corrects with the same sign after that sentence.
 */
const NOTE_SIGN = /^[*\u2020\u2021\u00A7]+\s*/u;

/**
 * A wire service's note on a story it reissued, on a line of its own at the top or the foot:
 * "(Corrects spelling of name in paragraph 3)", "(Adds comment from ministry in paragraph 5)",
 * "(Updates with vote result)". Not a sentence, but the change stated; the wires' other
 * bracketed lines ("(Reporting by …; Editing by …)") start with no such verb.
 */
const WIRE_NOTE = /^\((?:corrects|adds|updates|recasts|changes|removes|deletes|fixes|clarifies|refiles|rewrites|restores|inserts|amends|withdraws)\b[^()]*\)\.?$/iu;

/**
 * An update notice that names no change, after an "Updated …:" time label at most: "This story
 * has been updated.", "This explainer has been updated with the latest developments.", "This
 * article was originally published on June 12 and has been updated with new information."
 * Sites print it beside their "Updated" time stamp on every revision, the archived one too: it
 * says no more than the stamp does, so it is the page's, like the stamp. A note that says what
 * changed ("… updated to clarify the number …", "… updated to include comment from …", "…
 * updated to correct …") is an editor's note and counts.
 */
const UPDATE_NOTICE = new RegExp(
  String.raw`^(?:this|the) (?:article|story|report|piece|post|explainer|guide|page|item|live blog)\s+` +
    String.raw`(?:was (?:first |originally )?published [^.!?]{0,40}? and\s+)?(?:(?:was|has been|had been)\s+)?updated` +
    String.raw`(?:\s+(?:with|to (?:include|reflect))\s+(?:the\s+)?(?:latest|new|more|additional|further|recent|fresh)\s+(?:developments|information|details|news|reporting|updates)|\s+(?:throughout the day|as (?:news|the story|events) develops?))?\s*[.!]?$`,
  'iu',
);

/** The time label before such a notice: "Updated June 13, 2024, 9:54 a.m.:" (a colon inside a time is no end). */
const STAMP_LABEL = /^(?:(?:last )?updated?)\b(?:[^:]|:(?=\d)){0,60}:\s*/iu;

/**
 * The time of day an update log puts before each of its entries ("7:27 AM This story has been
 * updated …", "14:20 GMT — Correction: …"): developing stories list their revisions so, newest
 * first, each entry's time in an element of its own. The time is the entry's stamp, like
 * "Updated …:"; what the entry says is read after it. A colon between the digits only, so a
 * sentence that opens with a figure ("10.5 million …") keeps it; a zone only as zones are
 * written, in capitals, so the entry's first word ("This", "An") is never taken for one.
 */
const LOG_TIME = /^\d{1,2}:\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+(?:GMT|UTC|BST|IST|JST|CES?T|AE[SD]T|[ECMP][SD]?T)\b)?\s*(?:[\u2013\u2014|:-]\s*)?(?=\S)/u;

function withoutStamp(text: string): string {
  return text.replace(NOTE_SIGN, '').replace(LOG_TIME, '');
}

export function isUpdateNotice(text: string): boolean {
  return UPDATE_NOTICE.test(withoutStamp(text).replace(STAMP_LABEL, '').trim());
}

/** `appended`: the block stands before or after all of the article's text, not among it. */
export function isCorrectionNote(text: string, appended = true): boolean {
  const note = withoutStamp(text);
  if (isUpdateNotice(note)) return false;
  return WIRE_NOTE.test(note) || (isSentenceShaped(note) && (CORRECTION.test(leadSentence(note)) || REGRET.test(note) || (appended && UPDATE_LABEL.test(note))));
}

/**
 * A correction's label standing alone in an element of its own, the note in the next one
 * ("<h2>Correction</h2><p>…</p>", "<strong>Editor’s note</strong><p>…</p>"), with a date at
 * most ("Clarification, 12 May 2024"; one that names no date, "Corrections policy", is a
 * heading, not a label). "Update" is left out: live pages head every post so.
 */
const LABEL_ALONE =
  /^(?:corrections?|clarifications?|editor['\u2019]?s['\u2019]? notes?|note from the editors?|correction notice|errat(?:um|a)|retraction|corrected|clarified)(?:[\s,(\u2013\u2014-]+(?:on\s+)?(?=[^:]*\d)[\p{L}\d ,./]{1,30}\)?)?\s*:?$/iu;
/** A line of a date alone between the label and its note ("<p class="date">May 12, 2024</p>"). */
const DATE_LINE = /^(?=.*\d)[\p{L}\d ,./:]{1,30}$/u;

/** Where the correction's label standing alone over `blocks[i]` is (a date line may come between); -1 if none. */
export function noteLabelAt(blocks: readonly { text: string }[], i: number): number {
  if (LABEL_ALONE.test(blocks[i - 1]?.text ?? '')) return i - 1;
  return DATE_LINE.test(blocks[i - 1]?.text ?? '') && LABEL_ALONE.test(blocks[i - 2]?.text ?? '') ? i - 2 : -1;
}

/** The text of `blocks[i]` read as a note: under a label standing alone, the note is the label's, as if the two were one paragraph ("Correction: …"). */
export function noteText(blocks: readonly { text: string }[], i: number): string {
  const text = blocks[i]?.text ?? '';
  const label = noteLabelAt(blocks, i);
  return label < 0 ? text : `${(blocks[label]?.text ?? '').replace(/\s*:$/, '')}: ${text}`;
}

/**
 * The footnote signs the page's notes open with, taken out of the article's sentences where
 * the archive has no such sign ("… twice the first estimate.*" above "* An earlier version …"):
 * the mark ties the note to the sentence and is the note's, not a word added to the sentence.
 */
function withoutNoteSigns(counted: string[], corrections: ReadonlySet<number>, archivedText: string): string[] {
  const signs = new Set<string>();
  for (const c of corrections) for (const sign of NOTE_SIGN.exec(counted[c] ?? '')?.[0].trim() ?? '') if (!archivedText.includes(sign)) signs.add(sign);
  if (signs.size === 0) return [];
  const glued = new RegExp(String.raw`(?<=\S)[${[...signs].join('')}]+(?=\s|$)`, 'gu');
  const marks: string[] = [];
  counted.forEach((text, k) => {
    if (k === 0 || corrections.has(k)) return;
    counted[k] = text.replace(glued, (mark) => {
      marks.push(mark);
      return '';
    });
  });
  return marks;
}

/**
 * A contact line outside the story: a mail address ("Contact the author at ann@paper.com"), or
 * an invitation to send tips or to reach the newsroom ("Send tips to …", "Got a news tip?").
 * Sites set such lines after the story (or above it, under the byline); inside the story an
 * address is news ("Residents can write to bridge@council.gov"), and counts.
 */
const CONTACT = new RegExp(
  [
    String.raw`[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+`,
    String.raw`^(?:(?:send|email|e-mail|submit|share|text)\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?(?:tips?|story ideas|letters|feedback|questions)|(?:contact|reach|email|e-mail|write to)\s+(?:the\s+)?(?:authors?|reporters?|writers?|newsroom|desk|editors?)|(?:got|have)\s+an?\s+(?:news\s+|story\s+)?tip)\b`,
  ].join('|'),
  'iu',
);

/** A text's words, letters and digits only, lower case: for finding repeats. */
function plainWords(text: string): string[] {
  return splitWords(text)
    .map((word) => wordKey(word).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter((word) => word !== '');
}

/** With spaces at both ends, so `includes` matches whole words only. */
const plain = (text: string): string => ` ${plainWords(text).join(' ')} `;

/** Places a repeat is looked for, per block: bounds the work on a page of many like blocks. */
const MAX_REPEAT_PLACES = 32;

/**
 * Blocks whose words are found, in order, inside a longer block too (a pull quote repeats a
 * sentence): `found`, extras before alignment. Exact copies are `twins` (each index to the
 * other), decided after alignment: the copy the archived text aligns with is the article's,
 * wherever either stands or however it is boxed (a pull quote set before the paragraph it
 * copies). Found through an index of every three-word sequence, so a page of many blocks
 * costs little.
 */
function repeats(blocks: readonly LiveBlock[]): { found: Set<number>; twins: Map<number, number> } {
  const words = blocks.map((block) => plainWords(block.text));
  const places = new Map<string, Array<[number, number]>>();
  words.forEach((list, block) => {
    for (let i = 0; i + 3 <= list.length; i++) {
      const key = `${list[i]} ${list[i + 1]} ${list[i + 2]}`;
      const at = places.get(key);
      if (!at) places.set(key, [[block, i]]);
      else if (at.length < MAX_REPEAT_PLACES) at.push([block, i]);
    }
  });
  const found = new Set<number>();
  const twins = new Map<number, number>();
  words.forEach((list, index) => {
    // Shorter blocks are not sentences, so extras anyway.
    if (list.length < MIN_SENTENCE_WORDS || list.length > MAX_REPEAT_WORDS) return;
    if (twins.has(index)) return;
    const elsewhere = (places.get(`${list[0]} ${list[1]} ${list[2]}`) ?? []).find(
      ([block, at]) => block !== index && !found.has(block) && !twins.has(block) && list.every((word, k) => words[block]?.[at + k] === word),
    );
    if (!elsewhere) return;
    const [other] = elsewhere;
    if ((words[other]?.length ?? 0) === list.length) {
      twins.set(index, other);
      twins.set(other, index);
    } else found.add(index);
  });
  return { found, twins };
}

interface Alignment {
  /** Per live block (headline first), the share of its words the diff aligns with archived words. */
  shares: number[];
  /** Per live block, whether most of its aligned words are the archived summary's. */
  standfirst: boolean[];
}

/** The archived blocks are title, summary, then the paragraphs. */
const SUMMARY_BLOCK = 1;

function alignment(diff: LiveDiff, blockCount: number): Alignment {
  const same = Array<number>(blockCount).fill(0);
  const summary = Array<number>(blockCount).fill(0);
  const total = Array<number>(blockCount).fill(0);
  for (const part of diff.parts) {
    if (part.kind === 'removed') continue;
    total[part.live.block] = (total[part.live.block] ?? 0) + 1;
    if (part.kind !== 'same') continue;
    same[part.live.block] = (same[part.live.block] ?? 0) + 1;
    if (part.archived.block === SUMMARY_BLOCK) summary[part.live.block] = (summary[part.live.block] ?? 0) + 1;
  }
  return {
    shares: total.map((count, i) => (count === 0 ? 0 : (same[i] ?? 0) / count)),
    standfirst: same.map((count, i) => count > 0 && (summary[i] ?? 0) * 2 > count),
  };
}

const EMPTY_BLOCK: LiveBlock = { text: '', linkDensity: 0, links: [], wrapper: '', marks: [], ancestry: [] };

/** The site that publishes the page: its own name as the page gives it, and its host. */
export interface Publisher {
  name: string | null;
  host: string | null;
}

/**
 * Sorts the live blocks into the article's text and page extras. `headline` is the live
 * headline (always counted), `archived` the archived blocks (title, summary, paragraphs),
 * `publisher` the site (its furniture names it).
 * Null when the texts are too different to align within the diff's time budget.
 */
export function sortLiveBlocks(archived: readonly string[], headline: LiveBlock | undefined, blocks: readonly LiveBlock[], publisher: Publisher = { name: null, host: null }): Sorted | null {
  const { found: repeated, twins } = repeats(blocks);
  // Index in `all` of each block of the page (0 for a repeat, which is not diffed).
  const place: number[] = [];
  // Block 0 is the headline, empty when the page has none.
  const all = [headline ?? EMPTY_BLOCK];
  blocks.forEach((block, index) => {
    place.push(repeated.has(index) ? 0 : all.length);
    if (!repeated.has(index)) all.push(block);
  });
  const diff = diffTexts(archived, all.map((block) => block.text));
  if (!diff) return null;
  const { shares, standfirst } = alignment(diff, all.length);
  const aligned = all.map((_, i) => i === 0 || (shares[i] ?? 0) >= ALIGNED_SHARE);
  // Elements that hold article text are never furniture for the blocks inside them, and a
  // class name is no sign of furniture on an element marked up like one of those (the site's
  // paragraph style "media-ui-Paragraph" is not a media box). The headline is not one of
  // them: it sits in the page's header among bylines, times and share bars.
  const holdsArticle = new Set<number>();
  const articleStyles = new Set<string>();
  all.forEach((block, i) => {
    if (i === 0 || !aligned[i]) return;
    for (const { id, style } of block.ancestry) {
      holdsArticle.add(id);
      articleStyles.add(style);
    }
  });
  const profile = paragraphProfile(all, aligned, standfirst, archived);
  const fragments = datelines(diff, aligned, all);
  const archivedPlain = plain(archived.join(' '));
  const firstAligned = aligned.indexOf(true, 1);
  const lastAligned = aligned.lastIndexOf(true);
  // An end-of-copy mark ("###", "-30-"), a separator line or a heading after all of the
  // article's text: what follows is not the story.
  const endMark = all.findIndex((block, i) => i > lastAligned && opensTrailingSection(block));
  const counted = [all[0]?.text ?? ''];
  const headlinePlain = splitWords(counted[0] ?? '').length >= MIN_SENTENCE_WORDS ? plain(counted[0] ?? '') : null;
  const corrections = new Set<number>();
  const extras: Sorted['extras'] = [];
  const asParagraph = (b: LiveBlock): boolean => likeParagraphs(b, profile) && !inBox(b, holdsArticle, articleStyles);
  blocks.forEach((block, index) => {
    const i = place[index] ?? 0;
    const twin = twins.get(index);
    // Of two copies, the one the archive aligns with is the article's; a text the page prints
    // twice that the archive has nowhere is a promo or a label, not prose, unless one copy is
    // set like the article's paragraphs and the other is not: a pull quote (a quote component)
    // copying a paragraph the page added.
    const other = twin === undefined ? undefined : blocks[twin];
    const quotedAddition = other !== undefined && asParagraph(block) && !asParagraph(other);
    if (repeated.has(index) || (twin !== undefined && !aligned[i] && (aligned[place[twin] ?? 0] || !(isCorrectionNote(block.text) || quotedAddition)))) {
      extras.push({ text: block.text, reason: 'repeat' });
      return;
    }
    extras.push(...block.marks.map((mark) => ({ text: mark, reason: 'fragment' as const })));
    const outside = firstAligned < 0 || i < firstAligned || i > lastAligned;
    // A paragraph with its heading run in is the section's first text as well as its heading.
    const afterEnd = endMark > 0 && (i > endMark || (i === endMark && opensWithLabel(block)));
    const note = noteText(all, i);
    const reason = aligned[i] ? null : extraReason(block, { holdsArticle, articleStyles, profile, publisher }, { outside, afterEnd, note }, headlinePlain);
    if (reason) {
      extras.push({ text: block.text, reason });
      return;
    }
    if (!aligned[i] && isCorrectionNote(note, outside)) corrections.add(counted.length);
    const fragment = fragments.get(i);
    let text = fragment ? fragment.rest : block.text;
    if (fragment) extras.push(...fragment.extras.map((extra) => ({ text: extra, reason: 'fragment' as const })));
    if (aligned[i]) {
      const links = withoutInlineLinks(text, block.links, archivedPlain);
      extras.push(...links.extras.map((extra) => ({ text: extra, reason: 'fragment' as const })));
      text = links.rest;
    }
    counted.push(text);
  });
  extras.push(...withoutNoteSigns(counted, corrections, archived.join(' ')).map((mark) => ({ text: mark, reason: 'fragment' as const })));
  const relabelled = correctionLabel(counted[0] ?? '', archived[0] ?? '');
  if (relabelled && corrections.size > 0) {
    extras.unshift({ text: relabelled.label, reason: 'fragment' });
    counted[0] = relabelled.rest;
  }
  return { counted, corrections, extras };
}

// In capitals, as wires set it, with any separator: "CORRECTED-UPDATE 1-…", "CORRECTION -- …".
const HEADLINE_LABEL_CAPS = /^((?:CORRECTIONS?|CORRECTED|CLARIFICATION|CLARIFIED|UPDATED?)(?:\s+\d{1,2})?\s*(?:--|[-\u2013\u2014:|]))\s*(?=\S)/u;
// In any case only before a colon, a bar or a spaced dash: "Correction-minded councils …" is a headline.
const HEADLINE_LABEL = /^((?:corrections?|corrected|clarification|clarified|updated?)(?:\s+\d{1,2})?(?:\s*(?:--|[:|])|\s+[-\u2013\u2014]))\s+(?=\S)/iu;

/**
 * "CORRECTION -- ", "CORRECTED-", "UPDATE 2-", "Clarification: " before a headline: wires and
 * press-release services reissue a corrected story under its headline with such a label. On
 * a page that carries the correction itself, the label is its flag, not a new headline (the
 * correction is named); without one it still reads as the headline changed.
 */
function correctionLabel(headline: string, archivedTitle: string): { label: string; rest: string } | null {
  const labelled = (text: string) => HEADLINE_LABEL_CAPS.exec(text) ?? HEADLINE_LABEL.exec(text);
  const match = labelled(headline);
  if (!match || labelled(archivedTitle)) return null;
  return { label: match[1] ?? '', rest: headline.slice(match[0].length) };
}

/**
 * What sets a dateline off from the text: a dash, as wires print it ("CAIRO (Agency) -" or
 * "—"), or the double hyphen agency copy types for it ("KUWAIT CITY, Feb. 8 (Agency) --");
 * a bullet, a middle dot or a bar, as pages run a date line into the first paragraph
 * ("Thursday, February 8, 2024 • …").
 */
const DATELINE_ENDS: ReadonlySet<string> = new Set(['-', '--', '\u2022', '\u00B7', '|']);

/** Ends with the colon that introduces what a label names ("HOST:", "Q:"). */
const LABEL_COLON = /:$/u;
/** No lower-case letter, and some capital: "STEVE ADAMS, HOST:", "SEN. LEE (D-HI):", "Q:". */
const IN_CAPITALS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/**
 * A speaker's label run into a paragraph (`<p>NAME, HOST: …</p>`, `<p><b>Q:</b> …</p>`,
 * `<p><strong>Lee:</strong> …</p>`): a transcript (a podcast's or a broadcast's, a hearing's
 * or a briefing's) and a Q&A interview say who speaks at the start of each turn, in capitals
 * (broadcasters' transcript style) or in bold (print interviews), with a colon, inside the
 * turn's own paragraph. The archived text of such a page may have the turns without their
 * labels; the words are who speaks, not what was said. An "UPDATE:" or "Correction:" label is
 * not one: an editor who flags a paragraph so has changed it.
 */
function isSpeakerLabel(text: string, block: LiveBlock | undefined): boolean {
  if (!LABEL_COLON.test(text) || splitWords(text).length > MAX_LABEL_WORDS) return false;
  if (UPDATE_LABEL.test(text) || CORRECTION.test(text)) return false;
  if (IN_CAPITALS.test(text)) return true;
  // The label the block's bold lead sets, its colon inside the bold or just after it.
  const bare = (label: string): string => label.replace(/\s+/gu, '').replace(LABEL_COLON, '');
  return block?.lead !== undefined && bare(block.lead) !== '' && bare(block.lead) === bare(text);
}

/**
 * Per diff part, whether it belongs to a change (a run of parts between two kept words) whose
 * removed words are whole archived paragraphs: the archived words kept before and after it,
 * if any, are other paragraphs'. The diff may set words added at a block's start inside such
 * a removal, at a sentence's end, as well as before or after it.
 */
function wholeParagraphsRemoved(parts: readonly DiffPart[]): boolean[] {
  const whole = Array<boolean>(parts.length).fill(false);
  let before: number | undefined; // the archived paragraph of the last kept word
  for (let start = 0; start < parts.length; ) {
    const part = parts[start];
    if (part?.kind === 'same') {
      before = part.archived.block;
      start++;
      continue;
    }
    let end = start;
    let first: number | undefined;
    let last: number | undefined;
    for (; end < parts.length; end++) {
      const change = parts[end];
      if (!change || change.kind === 'same') break;
      if (change.kind === 'removed') {
        first ??= change.archived.block;
        last = change.archived.block;
      }
    }
    const after = parts[end];
    const next = after?.kind === 'same' ? after.archived.block : undefined;
    if (first !== undefined && before !== first && next !== last) whole.fill(true, start, end);
    start = end;
  }
  return whole;
}

/**
 * A dateline or a speaker's label inside a block of article text: the block's first words,
 * added with nothing removed beside them, not a sentence, ending with a separator
 * (DATELINE_ENDS: "CAIRO, Feb 8 (Agency) -", "BEIJING, Feb. 8 (Agency) --", "Thursday,
 * February 8, 2024 •") or a speaker's label ("NAME, HOST:", a bold "Q:").
 * Per aligned live block: the lead-ins and the block's text without them.
 */
function datelines(diff: LiveDiff, aligned: readonly boolean[], blocks: readonly LiveBlock[]): Map<number, { extras: string[]; rest: string }> {
  interface LiveWord {
    text: string;
    key: string;
    fragment: boolean;
  }
  const wordsOfBlock = new Map<number, LiveWord[]>();
  const runs: Array<{ block: number; start: number; end: number; clean: boolean }> = [];
  const whole = wholeParagraphsRemoved(diff.parts);
  let previous: DiffPart['kind'] | undefined;
  diff.parts.forEach((part, index) => {
    const run = runs[runs.length - 1];
    // Words removed beside the added ones make a replacement, not an insertion; whole archived
    // paragraphs removed beside them do not: an editor cut the paragraph before (or after) the
    // one the lead-in opens, a transcript's turn with its label, the first paragraph before
    // the one the dateline now leads.
    if (part.kind === 'removed') {
      if (previous === 'added' && run && !whole[index]) run.clean = false;
    } else {
      const block = part.live.block;
      const list = wordsOfBlock.get(block) ?? [];
      wordsOfBlock.set(block, list);
      if (part.kind === 'added') {
        if (previous === 'added' && run && run.block === block) run.end++;
        else runs.push({ block, start: list.length, end: list.length + 1, clean: previous !== 'removed' || whole[index - 1] === true });
      }
      list.push({ text: part.live.text, key: part.live.key, fragment: false });
    }
    previous = part.kind;
  });
  const result = new Map<number, { extras: string[]; rest: string }>();
  for (const run of runs) {
    if (!run.clean || run.block === 0 || !aligned[run.block]) continue;
    const list = wordsOfBlock.get(run.block) ?? [];
    const words = list.slice(run.start, run.end);
    const text = words.map((w) => w.text).join(' ');
    if (isSentenceShaped(text)) continue;
    if (run.start !== 0 || !(DATELINE_ENDS.has(words[words.length - 1]?.key ?? '') || isSpeakerLabel(text, blocks[run.block]))) continue;
    const entry = result.get(run.block) ?? { extras: [], rest: '' };
    entry.extras.push(text);
    result.set(run.block, entry);
    for (const word of words) word.fragment = true;
  }
  for (const [block, entry] of result) {
    entry.rest = (wordsOfBlock.get(block) ?? [])
      .filter((w) => !w.fragment)
      .map((w) => w.text)
      .join(' ');
  }
  return result;
}

/**
 * Links inside a block of article text whose words the archive does not have anywhere and
 * that are not sentences (a ticker chip "(KH ▼ -2.20%)", an inline "Related: …"): taken out,
 * with the brackets around them.
 */
function withoutInlineLinks(text: string, links: readonly string[], archivedPlain: string): { extras: string[]; rest: string } {
  const extras: string[] = [];
  let rest = text;
  for (const link of links) {
    if (isSentenceShaped(link) || plainWords(link).length === 0 || archivedPlain.includes(plain(link))) continue;
    const at = wholeWordsAt(rest, link);
    if (at < 0) continue;
    let start = at;
    let end = at + link.length;
    if (rest[start - 1] === '(' && rest[end] === ')') {
      start--;
      end++;
    }
    extras.push(rest.slice(start, end));
    const after = rest.slice(end).trimStart();
    rest = `${rest.slice(0, start).trimEnd()}${/^[,.;:!?)\]]/u.test(after) ? '' : ' '}${after}`.trim();
  }
  return { extras, rest };
}

/** Letters, digits and the joiners of a word (hyphens, apostrophes, soft hyphens). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}\-\u2010\u2011'\u2019\u00AD]/u;

/**
 * Where `link` stands in `text` as whole words: not glued to a word's letters on either side.
 * A link that covers part of a word ("<a>Colo-</a>Colo", "<a>Name</a>’s", "pro-<a>Iran</a>",
 * as topic auto-linkers make) is part of that word, never a chip to take out. -1: nowhere.
 */
function wholeWordsAt(text: string, link: string): number {
  for (let at = text.indexOf(link); at >= 0; at = text.indexOf(link, at + 1)) {
    const before = text[at - 1];
    const after = text[at + link.length];
    const glued =
      (before !== undefined && WORD_CHAR.test(before) && WORD_CHAR.test(link[0] ?? '')) ||
      (after !== undefined && WORD_CHAR.test(after) && WORD_CHAR.test(link[link.length - 1] ?? ''));
    if (!glued) return at;
  }
  return -1;
}

/** What the aligned blocks say about this page's article: where its text sits and how its paragraphs look. */
interface ArticleShape {
  /** Elements that hold article text. */
  holdsArticle: ReadonlySet<number>;
  /** Styles (tag and class) of the elements that hold article text. */
  articleStyles: ReadonlySet<string>;
  profile: ParagraphProfile;
  publisher: Publisher;
}

/**
 * How this page marks up its article paragraphs, learnt from the blocks that align with the
 * archived text (the headline aside): the styles of their own elements and the inline
 * elements wrapping their whole text ('' for none). The archive says which blocks are the
 * article; whatever the site's components are called, an added paragraph is rendered with
 * the same ones.
 */
interface ParagraphProfile {
  styles: ReadonlySet<string>;
  wrappers: ReadonlySet<string>;
  /** Fewer words than this before or after all of the article's text is a sign-off, not a paragraph. */
  edgeWords: number;
  /** The archive's median paragraph, in words. */
  median: number;
}

/**
 * A rights line, in the legal formula every publisher and wire service uses ("© 2024 …",
 * "Copyright 2024 The Agency. All rights reserved. This material may not be published …"),
 * which syndicated copy must carry and sites set as one more paragraph.
 */
const RIGHTS_NOTICE = /^(?:\u00A9|\(c\)\s*\d{4}|copyright\b(?:\s*\u00A9)?\s*\d{4})|\ball rights reserved\b/iu;

/** An edge block this short is a credit or a sign-off ("The Agency contributed to this report."). */
const MAX_EDGE_WORDS = 12;
/** …and so is one under this share of the archive's median paragraph. */
const EDGE_SHARE = 1 / 3;

/**
 * The end-of-copy mark of press releases and wire copy ("###", "# # #", "-30-", "-ends-"): the
 * sender's sign that the story is over; what follows (the "About the organization" boilerplate,
 * media contacts) is not the story.
 */
const END_OF_COPY = /^(?:#\s*){3}$|^[-\u2013\u2014]\s*(?:30|ends?)\s*[-\u2013\u2014]$|^ends$/iu;

/** A line that only separates ("___", "* * *", "———", "•••"): wire copy sets one between the story and its credits and notes. */
const SEPARATOR_LINE = /^[\s_*\-\u2013\u2014\u2022\u00B7~=+]{3,}$/u;
const SECTION_HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** A paragraph set as a heading: a short label all in bold ("<p><strong>About the Agency</strong></p>"). */
const BOLD_WRAPPERS = new Set(['STRONG', 'B']);
const MAX_LABEL_WORDS = 8;

const isLabel = (text: string): boolean => !isSentenceShaped(text) && splitWords(text).length <= MAX_LABEL_WORDS;

function isHeading(block: LiveBlock): boolean {
  if (SECTION_HEADINGS.has(tagOf(ownStyle(block)))) return true;
  return block.wrapper.split(' ').some((tag) => BOLD_WRAPPERS.has(tag)) && isLabel(block.text);
}

/**
 * A paragraph that opens with its own heading run in: a bold label and a line break, then the
 * section's text in the same paragraph ("<p><b>Forward-Looking Statements</b><br>This release
 * …", "<b>Media Contact:</b><br>…"), as press releases and wires set the sections they add
 * after the story.
 */
const opensWithLabel = (block: LiveBlock): boolean => block.runIn !== undefined && block.runIn !== '' && isLabel(block.runIn);

/**
 * After all of the article's text, what starts a section of the page that is not the story:
 * an end-of-copy mark, a separator line, or a heading the archive does not have (a heading
 * element, or a short label set all in bold as press releases set theirs). A story ends
 * with its last paragraph; press offices, wires and newsrooms put what they add after it
 * under a heading of its own ("Notes to editors", "Media enquiries", "About the author",
 * "About the organization", "Sources") or after a rule (AP's "___" before its contributor
 * lines and funder notes), never as the story's next paragraph.
 */
function opensTrailingSection(block: LiveBlock): boolean {
  return END_OF_COPY.test(block.text) || SEPARATOR_LINE.test(block.text) || isHeading(block) || opensWithLabel(block);
}

function paragraphProfile(all: readonly LiveBlock[], aligned: readonly boolean[], standfirst: readonly boolean[], archived: readonly string[]): ParagraphProfile {
  // The standfirst is set apart by design (a bold introduction, a dek's own class): its style
  // says nothing about how the paragraphs look, unless nothing else aligned.
  const body = all.map((_, i) => i > 0 && aligned[i] === true && !standfirst[i]);
  const learnt = body.includes(true) ? body : all.map((_, i) => i > 0 && aligned[i] === true);
  const styles = new Set<string>();
  const wrappers = new Set<string>();
  all.forEach((block, i) => {
    if (!learnt[i]) return;
    styles.add(ownStyle(block));
    wrappers.add(block.wrapper);
  });
  // archived: title, summary, then the paragraphs.
  const lengths = archived.slice(2).map((p) => splitWords(p).length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  return { styles, wrappers, median, edgeWords: Math.min(MAX_EDGE_WORDS, Math.ceil(median * EDGE_SHARE)) };
}

/** Quoted speech, where "you" and "we" are a speaker's, not the page's. */
const QUOTED = /["\u201C\u201E][^"\u201C\u201D\u201E]*["\u201D]/gu;
/** The page speaking to its reader. */
const SECOND_PERSON = /\b(?:you|your|yours|yourself|yourselves)\b/iu;
/**
 * The publisher speaking of itself ("help us", "our reporters", "we may answer it"). "US" in
 * capitals is the country in news copy, not "us": "us" matches only in lower case or as "Us".
 */
const FIRST_PLURAL = /\b(?:[Ww][Ee]|[Uu]s|[Oo][Uu][Rr][Ss]?|[Oo]urselves)\b/u;

/** The text outside quotation marks: the page's own voice. */
const ownVoice = (text: string): string => text.replace(QUOTED, ' ');

/**
 * A call to the reader ("Get sport news sent straight to your phone. Download the app …", "Sign
 * up and never miss the stories you need"): addressed to the reader in the page's own voice,
 * and shorter than the article's median paragraph. News prose reports in the third person; a
 * paragraph that says "you" outside quotation marks and is shorter than a paragraph is the
 * page selling something, whatever it is styled like.
 */
function callsReader(text: string, profile: ParagraphProfile): boolean {
  return SECOND_PERSON.test(ownVoice(text)) && splitWords(text).length < Math.max(MIN_PROSE_WORDS, profile.median);
}

/** An added paragraph is at least this long… */
const MIN_PROSE_WORDS = 20;
/** …and a third of the archive's median paragraph. */
const PROSE_SHARE = 1 / 3;
/** Prose paragraphs are <p>s or <div>s, not quotes, list items, cells or headings. */
const PROSE_TAGS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE']);

/**
 * Reported prose among the article's paragraphs, whatever its markup: between blocks of
 * article text, a paragraph (a <p> or <div>) as long as a paragraph, more than one sentence,
 * in the third person (no "you", no "we" or "our" outside quotation marks: the page's
 * furniture speaks to the reader or for the publisher; a news report does neither), with no
 * link. A paragraph a site adds is often set in another component than the old ones (a newer
 * block editor, an update pasted from elsewhere); what it says and where it stands show it is
 * the story's.
 */
function readsAsAddedProse(block: LiveBlock, profile: ParagraphProfile, publisher: Publisher): boolean {
  const words = splitWords(block.text).length;
  const voice = ownVoice(block.text);
  return (
    PROSE_TAGS.has(tagOf(ownStyle(block))) &&
    words >= Math.max(MIN_PROSE_WORDS, Math.ceil(profile.median * PROSE_SHARE)) &&
    block.links.length === 0 &&
    (block.text.match(SENTENCE_BREAK)?.length ?? 0) >= 1 &&
    !SECOND_PERSON.test(voice) &&
    !FIRST_PLURAL.test(voice) &&
    !mentionsSite(voice.replace(PUBLISHER_AS_SOURCE, ' '), publisher.name, publisher.host)
  );
}

/**
 * The publisher named as one more party to the reporting: "told the Sentinel", "according to
 * The Sentinel", "seen by the Sentinel", "in an interview with The Sentinel", "The Sentinel
 * reported in March": news prose names its own paper so (an added paragraph quoting what an
 * official told it), where furniture names it as the one speaking or selling ("The Sentinel
 * may receive compensation …", "The Sentinel's newsletter"). The capitalized words in such a
 * phrase are left out before looking for the publisher's name.
 */
const NAME_RUN = String.raw`(?:the\s+)?(?:\p{Lu}[\p{L}\p{N}'\u2019.&-]*\s*){1,4}`;
const PUBLISHER_AS_SOURCE = new RegExp(
  [
    String.raw`\b(?:told|according to|(?:seen|obtained|reviewed|contacted|interviewed|asked) by|(?:an? )?interviews? with|(?:spoke|speaking|talked|talking) (?:to|with)|(?:said|confirmed|explained|wrote) to)\s+${NAME_RUN}`,
    String.raw`${NAME_RUN}(?:first |previously |earlier )?(?:reported|revealed|has (?:reported|revealed|learned|learnt)|learned|learnt|understands)\b`,
  ].join('|'),
  'gu',
);

interface Place {
  /** Before or after all of the article's text, not among it. */
  outside: boolean;
  /** After an end-of-copy mark that follows all of the article's text. */
  afterEnd: boolean;
  /** The block's text read as a note (under a correction's label standing alone, the label's). */
  note: string;
}

function extraReason(block: LiveBlock, article: ArticleShape, place: Place, headline: string | null): ExtraReason | null {
  const { holdsArticle, articleStyles, profile, publisher } = article;
  const { outside: outsideArticle } = place;
  if (isCorrectionNote(place.note, outsideArticle)) return null;
  // Set as one more paragraph or in a box of its own, an update notice is the time stamp's words.
  if (isUpdateNotice(place.note)) return 'update-notice';
  if (place.afterEnd) return 'after-end';
  if (outsideArticle && CONTACT.test(block.text)) return 'contact';
  // A line quoting the whole headline is about the article ("… with the headline: …").
  if (headline !== null && plain(block.text).includes(headline)) return 'repeat';
  if (RIGHTS_NOTICE.test(block.text)) return 'rights';
  if (!isSentenceShaped(block.text)) return 'not-a-sentence';
  if (block.linkDensity >= MAX_LINK_DENSITY || (outsideArticle && block.linkDensity > 0)) return 'links';
  // A sentence that is all link is a call to action ("See our ethics statement.").
  if (block.links.some((link) => SENTENCE_END.test(link) && splitWords(link).length >= 3)) return 'links';
  // A link naming the publisher is the page selling its own product ("sign up for <a>The
  // Sentinel's free newsletter</a>", "follow <a>The Sentinel</a>"): a call to action.
  if (block.links.some((link) => mentionsSite(link, publisher.name, publisher.host))) return 'links';
  let furniture: ExtraReason | null = null;
  for (const { id, furniture: kind, style } of block.ancestry) {
    if (holdsArticle.has(id)) break;
    if (kind === 'structure') return 'furniture';
    if (kind !== null && !articleStyles.has(style)) furniture = 'furniture';
  }
  if (callsReader(block.text, profile)) return 'calls-reader';
  if (!outsideArticle && readsAsAddedProse(block, profile, publisher)) return null;
  if (furniture) return furniture;
  if (inBox(block, holdsArticle, articleStyles)) return 'box';
  if (!likeParagraphs(block, profile)) return 'unlike';
  if (outsideArticle && splitWords(block.text).length < profile.edgeWords) return 'edge';
  return null;
}

/** Set like the article's paragraphs: its own element's style and its inline wrapping are the profile's. */
const likeParagraphs = (block: LiveBlock, profile: ParagraphProfile): boolean => profile.styles.has(ownStyle(block)) && profile.wrappers.has(block.wrapper);

const tagOf = (style: string): string => style.slice(0, style.indexOf(' ') >>> 0).toUpperCase();

/** Index in the block's ancestry of its own element: the nearest block-level one (inline elements may come first). */
const ownIndex = (block: LiveBlock): number => block.ancestry.findIndex(({ style }) => BLOCKS.has(tagOf(style)));

/** The style (tag and class) of the block's own element; '' when it has none. */
const ownStyle = (block: LiveBlock): string => block.ancestry[ownIndex(block)]?.style ?? '';

/**
 * A block inside a box of its own: between the block's element and the nearest element that
 * holds article text, a wrapper marked up (tag and class) unlike every element that holds
 * article text. A site renders every paragraph of the story with the same components, an added
 * one too; a reader appeal, a membership callout or a promo is a component of its own (a
 * <div> group holding a heading, prose and a button link) nested among the paragraphs.
 */
function inBox(block: LiveBlock, holdsArticle: ReadonlySet<number>, articleStyles: ReadonlySet<string>): boolean {
  const own = ownIndex(block);
  if (own < 0) return false;
  for (const { id, style } of block.ancestry.slice(own + 1)) {
    if (holdsArticle.has(id)) return false;
    if (!articleStyles.has(style)) return true;
  }
  return false;
}
