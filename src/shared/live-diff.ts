/**
 * Compares the archived text of an article with the live page's (docs/live-diff.md).
 * Pure functions: no DOM, no extension API.
 *
 * The texts are compared as sequences of words (whitespace-separated tokens, punctuation
 * attached, like `git diff --word-diff`), so paragraph breaks never count as changes.
 * What typesetting changes without changing the text does not count either:
 * - Unicode composition (NFC), any kind or amount of whitespace, invisible characters;
 * - typographic quotes (‘ ’ “ ” „ …) against straight ones, – — against -, … against ...;
 * - spacing around dashes ("Iraq’ – a" = "Iraq'—a");
 * - the archive's run-together sentences ("commanders.Al-Saadi" = "commanders. Al-Saadi").
 */
import { diffArrays } from 'diff';

/** One word of a text: as written (for display) and as compared. */
export interface Word {
  text: string;
  key: string;
  /** Index of the paragraph (block) it comes from. */
  block: number;
}

/**
 * A sentence end directly followed by the next sentence, as the archive's seeds lost
 * paragraph breaks: the same rule as splitRunTogetherParagraphs in
 * scripts/archive/parse-seed.ts (a unit test keeps the two in step). Applied to both texts,
 * so it can only remove differences, never add one.
 */
const RUN_TOGETHER_BREAK = /(?:(?<=[\p{Ll}\d)][.!?])|(?<=[.!?]['"’”]))(?=[\p{Lu}“"*])/gu;
/** Dashes that typesetting spaces or not, by house style: compared as separate words. */
const DASHES = /[\u2012-\u2015\u2212\u2E3A\u2E3B]/g;
/** Zero-width spaces and joiners, soft hyphens, BOM: invisible, never a change. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;

/** The comparison key of one word: typographic variants made plain. */
export function wordKey(word: string): string {
  return word
    .normalize('NFC')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\u2026/g, '...');
}

/** The words of one block of text, as written (NFC, invisible characters dropped). */
export function splitWords(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RUN_TOGETHER_BREAK, ' ')
    .replace(DASHES, ' $& ')
    .split(/\s+/u)
    .filter((word) => word !== '');
}

/** The text normalized as it is compared: keys of its words, joined by single spaces. */
export function normalizeText(text: string): string {
  return splitWords(text).map(wordKey).join(' ');
}

export function wordsOf(blocks: readonly string[]): Word[] {
  return blocks.flatMap((text, block) => splitWords(text).map((word) => ({ text: word, key: wordKey(word), block })));
}

export type DiffPart =
  | { kind: 'same'; archived: Word; live: Word }
  | { kind: 'removed'; archived: Word }
  | { kind: 'added'; live: Word };

export interface LiveDiff {
  parts: DiffPart[];
  added: number;
  removed: number;
}

/** Diffing gives up after this long (jsdiff's `timeout`) rather than blocking the sidebar. */
export const DIFF_TIMEOUT_MS = 2_000;

/**
 * The word-level diff of the archived blocks (title, summary, paragraphs) against the live
 * ones, or null when the texts are too different to diff within DIFF_TIMEOUT_MS.
 */
export function diffTexts(archivedBlocks: readonly string[], liveBlocks: readonly string[], timeout = DIFF_TIMEOUT_MS): LiveDiff | null {
  const archived = wordsOf(archivedBlocks);
  const live = wordsOf(liveBlocks);
  const changes = diffArrays(
    archived.map((word) => word.key),
    live.map((word) => word.key),
    { timeout },
  );
  if (!changes) return null;
  const kinds: Kind[] = changes.flatMap((change) =>
    Array<Kind>(change.count).fill(change.added ? 'added' : change.removed ? 'removed' : 'same'),
  );
  slideToParagraphs(kinds, 'added', live);
  slideToParagraphs(kinds, 'removed', archived);
  const parts: DiffPart[] = [];
  let a = 0;
  let l = 0;
  for (const kind of kinds) {
    if (kind === 'added') parts.push({ kind, live: live[l++] as Word });
    else if (kind === 'removed') parts.push({ kind, archived: archived[a++] as Word });
    else parts.push({ kind, archived: archived[a++] as Word, live: live[l++] as Word });
  }
  return { parts, added: kinds.filter((k) => k === 'added').length, removed: kinds.filter((k) => k === 'removed').length };
}

type Kind = DiffPart['kind'];

/**
 * A minimal diff is often ambiguous: a paragraph inserted before one that starts with the
 * same word ("The …") may come out as "Update … The" added after "The". Like git's diff
 * compaction, this slides each run of added (or removed) words along the equal words around
 * it, joins runs that meet, and leaves each where it best starts and ends at paragraph
 * boundaries of its own text (`words`: the live words for added runs, archived for removed).
 * Sliding a run keeps the diff valid and minimal: only which of two equal words is "the same"
 * one changes.
 */
function slideToParagraphs(kinds: Kind[], kind: 'added' | 'removed', words: readonly Word[]): void {
  // Index in `words` of the word each op consumes. Sliding swaps a `kind` op with a 'same'
  // one, both of which consume a word of `words`, so these indexes never change.
  const other: Kind = kind === 'added' ? 'removed' : 'added';
  const indexes: number[] = [];
  let count = 0;
  for (const k of kinds) {
    indexes.push(count);
    if (k !== other) count++;
  }
  const indexAt = (op: number): number => indexes[op] ?? count;
  const keyOf = (index: number): string | undefined => words[index]?.key;
  const boundary = (index: number): boolean =>
    index <= 0 || index >= words.length || words[index]?.block !== words[index - 1]?.block;
  let start = 0;
  while (start < kinds.length) {
    if (kinds[start] !== kind) {
      start++;
      continue;
    }
    let end = start;
    while (kinds[end] === kind) end++;
    let first = indexAt(start); // words[first .. first + (end - start)) are the run's
    // Up as far as it goes, joining a run of the same kind it meets.
    while (start > 0 && kinds[start - 1] === 'same' && keyOf(first - 1) === keyOf(first + end - start - 1)) {
      kinds[start - 1] = kind;
      kinds[end - 1] = 'same';
      start--;
      end--;
      first--;
      while (start > 0 && kinds[start - 1] === kind) {
        start--;
        first--;
      }
    }
    // Then down, remembering the position that best fits paragraph boundaries.
    const length = end - start;
    let best = { start, first, score: -1 };
    for (;;) {
      const score = Number(boundary(first)) + Number(boundary(first + length));
      if (score > best.score) best = { start, first, score };
      if (end >= kinds.length || kinds[end] !== 'same' || keyOf(first) !== keyOf(first + length)) break;
      kinds[start] = 'same';
      kinds[end] = kind;
      start++;
      end++;
      first++;
    }
    // Back to the best position (sliding up again along the same equal words).
    while (start > best.start) {
      kinds[start - 1] = kind;
      kinds[end - 1] = 'same';
      start--;
      end--;
    }
    start = end;
  }
}

/** A run of words of one kind, shown as one piece of text (<ins>, <del> or plain). */
export interface DiffRun {
  kind: DiffPart['kind'];
  text: string;
}

/**
 * The diff laid out in paragraphs: a new paragraph starts wherever either text starts one,
 * so an added or removed paragraph stands on its own and the archive's paragraphs are kept
 * even where the live page runs them together. Same words show as the live page has them.
 */
export function diffParagraphs(parts: readonly DiffPart[]): DiffRun[][] {
  const paragraphs: DiffRun[][] = [];
  let current: DiffRun[] = [];
  let lastArchived = -1;
  let lastLive = -1;
  for (const part of parts) {
    const archivedBlock = part.kind === 'added' ? undefined : part.archived.block;
    const liveBlock = part.kind === 'removed' ? undefined : part.live.block;
    const newBlock =
      (archivedBlock !== undefined && archivedBlock !== lastArchived) || (liveBlock !== undefined && liveBlock !== lastLive);
    if (archivedBlock !== undefined) lastArchived = archivedBlock;
    if (liveBlock !== undefined) lastLive = liveBlock;
    if (newBlock && current.length > 0) {
      paragraphs.push(current);
      current = [];
    }
    const text = part.kind === 'removed' ? part.archived.text : part.live.text;
    const last = current[current.length - 1];
    if (last?.kind === part.kind) last.text += ` ${text}`;
    else current.push({ kind: part.kind, text });
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/**
 * Share of the archived words the live text also has (0…1). A page whose extracted text
 * shares little with the archive is not this article (a cookie wall, a paywall, an index
 * page), and is reported as unreadable rather than as an article rewritten.
 */
export function sharedShare(diff: LiveDiff): number {
  const same = diff.parts.length - diff.added - diff.removed;
  const archived = same + diff.removed;
  return archived === 0 ? 0 : same / archived;
}
