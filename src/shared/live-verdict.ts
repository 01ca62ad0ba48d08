/**
 * What changed, in words a reader uses (docs/live-diff.md, "Naming the change"): from the
 * word diff of the archived article with the live one, each run of changed words is named
 * by what it covers. Sentences end at . ! ? or … (then any closing quotes); paragraphs are
 * blocks, the archive's for what was removed, the page's for what was added, and an
 * insertion of whole sentences between two archived paragraphs is a paragraph too, however
 * the page splits or merges its paragraphs.
 */
import type { DiffPart, LiveDiff, Word } from './live-diff';

export interface LiveChanges {
  headline: boolean;
  /** Corrections or editor's notes appended. */
  corrections: number;
  paragraphsAdded: number;
  paragraphsRemoved: number;
  sentencesAdded: number;
  sentencesRemoved: number;
  sentencesEdited: number;
  /** Index in the diff's parts of the first change, -1 when there is none. */
  firstChange: number;
  /**
   * The page shows only the start of the article: the archived text after what the page shows
   * is not counted as removed (the diff stops where the page does). 'gate': the page marks a
   * subscriber gate; 'cut': it marks none, but most of the article's end is missing (a preview,
   * a "continue reading" page); null: the page shows the whole article.
   */
  partial: PartShown;
}

export type PartShown = 'gate' | 'cut' | null;

/** Ends like a sentence: . ! ? or … , then any closing quotes or brackets. */
export const SENTENCE_END = /[.!?\u2026]["'\u2019\u201D)\]]*$/u;

/** Per word, the index of the sentence it belongs to (sentences never span blocks). */
function sentenceIds(words: readonly Word[]): number[] {
  const ids: number[] = [];
  let id = 0;
  words.forEach((word, i) => {
    const previous = words[i - 1];
    if (previous && (previous.block !== word.block || SENTENCE_END.test(previous.key))) id++;
    ids.push(id);
  });
  return ids;
}

interface Side {
  words: Word[];
  sentences: number[];
  /** Words per block. */
  sizes: Map<number, number>;
}

function side(words: Word[]): Side {
  const sizes = new Map<number, number>();
  for (const word of words) sizes.set(word.block, (sizes.get(word.block) ?? 0) + 1);
  return { words, sentences: sentenceIds(words), sizes };
}

const startsBlock = (s: Side, i: number): boolean => i === 0 || s.words[i - 1]?.block !== s.words[i]?.block;
const endsBlock = (s: Side, i: number): boolean => i === s.words.length - 1 || s.words[i + 1]?.block !== s.words[i]?.block;
const startsSentence = (s: Side, i: number): boolean => i === 0 || s.sentences[i - 1] !== s.sentences[i];
const endsSentence = (s: Side, i: number): boolean => i === s.words.length - 1 || s.sentences[i + 1] !== s.sentences[i];
/** Position `i` (before word i) is between two blocks of this side. */
const atBoundary = (s: Side, i: number): boolean => i <= 0 || i >= s.words.length || startsBlock(s, i);

const distinct = (values: readonly number[]): number => new Set(values).size;

/** Blocks every word of which is in `indexes` (sorted). */
function wholeBlocks(s: Side, indexes: readonly number[]): number {
  const inRun = new Map<number, number>();
  for (const i of indexes) {
    const block = s.words[i]?.block ?? -1;
    inRun.set(block, (inRun.get(block) ?? 0) + 1);
  }
  return [...inRun].filter(([block, count]) => s.sizes.get(block) === count).length;
}

/** Whole sentences: the run starts where a sentence starts and ends where one ends. */
function wholeSentences(s: Side, indexes: readonly number[]): boolean {
  const first = indexes[0];
  const last = indexes[indexes.length - 1];
  return first !== undefined && last !== undefined && startsSentence(s, first) && endsSentence(s, last);
}

/**
 * Names the changes of `diff`. `corrections` are the live blocks that are corrections or
 * editor's notes; block 0 of both texts is the headline.
 */
export function describeChanges(diff: LiveDiff, corrections: ReadonlySet<number> = new Set(), partial: PartShown = null): LiveChanges {
  const archivedWords: Word[] = [];
  const liveWords: Word[] = [];
  for (const part of diff.parts) {
    if (part.kind !== 'added') archivedWords.push(part.archived);
    if (part.kind !== 'removed') liveWords.push(part.live);
  }
  const archived = side(archivedWords);
  const live = side(liveWords);
  const changes: LiveChanges = {
    headline: false,
    corrections: 0,
    paragraphsAdded: 0,
    paragraphsRemoved: 0,
    sentencesAdded: 0,
    sentencesRemoved: 0,
    sentencesEdited: 0,
    firstChange: -1,
    partial: null,
  };
  // Edited sentences, by their archived sentence: two edits in one sentence are one sentence edited.
  const edited = new Set<number>();
  let a = 0;
  let l = 0;
  let p = 0;
  const parts = diff.parts;
  while (p < parts.length) {
    const part = parts[p];
    if (part?.kind === 'same') {
      a++;
      l++;
      p++;
      continue;
    }
    if (changes.firstChange < 0) changes.firstChange = p;
    // One run of changed words; its place in each text is `a` and `l` at its start.
    const runA = a;
    const runL = l;
    const removed: number[] = [];
    const added: number[] = [];
    for (; p < parts.length && parts[p]?.kind !== 'same'; p++) {
      const kind = parts[p]?.kind;
      if (kind === 'removed') removed.push(a++);
      else added.push(l++);
    }
    const isHeadline = (s: Side) => (i: number) => s.words[i]?.block === 0;
    if (removed.some(isHeadline(archived)) || added.some(isHeadline(live))) changes.headline = true;
    name(
      changes,
      archived,
      live,
      removed.filter((i) => !isHeadline(archived)(i)),
      added.filter((i) => !isHeadline(live)(i)),
      { a: runA, l: runL },
      corrections,
      edited,
    );
  }
  changes.sentencesEdited = edited.size;
  changes.partial = partial;
  return changes;
}

function name(
  changes: LiveChanges,
  archived: Side,
  live: Side,
  removed: number[],
  added: number[],
  at: { a: number; l: number },
  corrections: ReadonlySet<number>,
  edited: Set<number>,
): void {
  // An insertion inside a sentence edits the archived sentence it falls in.
  const editedAt = (): void => {
    const first = added[0] ?? 0;
    const index = startsSentence(live, first) && at.a < archived.words.length ? at.a : Math.max(0, at.a - 1);
    edited.add(archived.sentences[index] ?? -1);
  };
  const editedArchived = (): void => {
    for (const i of removed) edited.add(archived.sentences[i] ?? -1);
  };
  if (removed.length === 0 && added.length === 0) return;
  if (removed.length === 0) {
    const blocks = added.map((i) => live.words[i]?.block ?? -1);
    const notes = distinct(blocks.filter((block) => corrections.has(block)));
    if (notes > 0) {
      changes.corrections += notes;
      added = added.filter((i) => !corrections.has(live.words[i]?.block ?? -1));
      if (added.length === 0) return;
    }
    const whole = wholeBlocks(live, added);
    if (whole > 0 || (wholeSentences(live, added) && atBoundary(archived, at.a))) changes.paragraphsAdded += Math.max(1, whole);
    else if (wholeSentences(live, added)) changes.sentencesAdded += distinct(added.map((i) => live.sentences[i] ?? -1));
    else editedAt();
    return;
  }
  if (added.length === 0) {
    const whole = wholeBlocks(archived, removed);
    if (whole > 0 || (wholeSentences(archived, removed) && atBoundary(live, at.l))) changes.paragraphsRemoved += Math.max(1, whole);
    else if (wholeSentences(archived, removed)) changes.sentencesRemoved += distinct(removed.map((i) => archived.sentences[i] ?? -1));
    else editedArchived();
    return;
  }
  editedArchived();
}

/**
 * The diff up to where a gated page stops: when the archive's last words are all removed, and
 * they include the start of an archived paragraph (a teaser shows whole paragraphs, or cuts
 * one short), that tail is what the gate withholds. Null when the page does not stop short.
 */
export function shownPart(diff: LiveDiff): LiveDiff | null {
  let start = diff.parts.length;
  while (start > 0 && diff.parts[start - 1]?.kind === 'removed') start--;
  const tail = diff.parts.slice(start);
  const first = tail[0];
  const before = diff.parts[start - 1];
  if (!first || first.kind !== 'removed' || !before || before.kind === 'added') return null;
  const last = tail[tail.length - 1];
  const spansParagraph = last?.kind === 'removed' && last.archived.block !== first.archived.block;
  const startsParagraph = before.kind === 'same' && before.archived.block !== first.archived.block;
  if (!spansParagraph && !startsParagraph) return null;
  return { parts: diff.parts.slice(0, start), added: diff.added, removed: diff.removed - tail.length };
}

/** A page cut short with no gate marked withholds at least this many of the archive's paragraphs… */
const MIN_CUT_PARAGRAPHS = 2;
/** …and at least this share of its paragraphs' words. */
const MIN_CUT_SHARE = 1 / 3;

/**
 * The page stops short of the article though it marks no gate: the archived text's end is
 * missing from it (`shown` is the diff up to where the page stops, from shownPart), at least
 * two whole paragraphs and a third of the paragraphs' words. A preview page, an app's
 * "continue reading" teaser, a syndication excerpt shows the start of a story and stops; an
 * editor who cuts a story cuts a paragraph here and there, or its last paragraph, and that
 * is still "paragraphs removed". Blocks 0 and 1 of the archive are its title and summary.
 */
export function cutShort(whole: LiveDiff, shown: LiveDiff): boolean {
  const archivedOf = (parts: readonly DiffPart[]): Word[] => parts.flatMap((part) => (part.kind === 'added' ? [] : [part.archived]));
  const paragraphWords = archivedOf(whole.parts).filter((word) => word.block > 1).length;
  const withheld = archivedOf(whole.parts.slice(shown.parts.length)).filter((word) => word.block > 1);
  const before = archivedOf(shown.parts).at(-1);
  const blocks = new Set(withheld.map((word) => word.block));
  // A paragraph the page cuts short is not withheld whole.
  const first = withheld[0];
  const wholeBlocks = blocks.size - (first && before && before.block === first.block ? 1 : 0);
  return wholeBlocks >= MIN_CUT_PARAGRAPHS && withheld.length >= paragraphWords * MIN_CUT_SHARE;
}
