/**
 * Words for search, the same at build time (src/shared/search-build.ts) and in the
 * popup (src/shared/search-engine.ts): how text becomes terms, and the snippet shown
 * under a result with its matched words marked.
 */

/** A word in the original text: letters and digits, with inner apostrophes ("Kata’ib"). */
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;

/** Words too common to search for; a query made only of these still matches titles by prefix. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be been but by for from had has have he her his i in into is it its ' +
    'of on or our she so than that the their them they this to was were which who will with ' +
    'would you your not no also after over said says').split(' '),
);

const ASCII = /^[\x00-\x7f]*$/;

/** One word: lower-case, accents dropped, possessive "’s" and apostrophes removed. */
export function normalizeTerm(word: string): string {
  // NFKD leaves ASCII as it is and it has no accents to drop, so most words of English
  // text skip both (they were most of the time `words` spent on an article's text).
  if (ASCII.test(word)) {
    const lower = word.toLowerCase();
    return lower.includes("'") ? lower.replace(/'s$/, '').replace(/'/g, '') : lower;
  }
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’ʼ]s$/, '')
    .replace(/['’ʼ]/g, '');
}

export interface WordSpan {
  term: string;
  start: number;
  end: number;
}

/** Every word of `text` with its [start, end) offsets, stopwords included. */
export function words(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const term = normalizeTerm(match[0]);
    if (term) spans.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** The searchable terms of `text`, in order, without stopwords. */
export function terms(text: string): string[] {
  return words(text)
    .map((w) => w.term)
    .filter((term) => !STOPWORDS.has(term));
}

/** A piece of a snippet; `mark` pieces are the matched words. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * About `length` characters of `text` around the densest run of matched words (terms in
 * `matched`), cut at word boundaries, with an ellipsis where it was cut. Falls back to the
 * start of the text when nothing matches. `all`: the text's words, when the caller kept
 * them (the same text's snippet for a longer query as the user types).
 */
export function snippet(text: string, matched: ReadonlySet<string>, length = 180, all: readonly WordSpan[] = words(text)): SnippetPart[] {
  const hits = all.filter((w) => matched.has(w.term));
  let start = 0;
  if (hits.length > 0) {
    // The window holding the most distinct matched terms; the earliest such window wins.
    let best = -1;
    for (let i = 0; i < hits.length; i++) {
      const first = hits[i]!;
      const seen = new Set<string>();
      for (let j = i; j < hits.length && hits[j]!.end - first.start <= length; j++) seen.add(hits[j]!.term);
      if (seen.size > best) {
        best = seen.size;
        start = first.start;
      }
    }
    // Some context before the first match, from a word start.
    const lead = Math.min(40, Math.floor(length / 4));
    const before = all.filter((w) => w.start >= start - lead && w.start <= start);
    start = before[0]?.start ?? start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const lastWord = all.filter((w) => w.end <= end).at(-1);
    if (lastWord && lastWord.end > start) end = lastWord.end;
  }
  const parts: SnippetPart[] = [];
  const push = (piece: string, mark: boolean): void => {
    if (!piece) return;
    const last = parts.at(-1);
    if (last && last.mark === mark) last.text += piece;
    else parts.push({ text: piece, mark });
  };
  if (start > 0) push('… ', false);
  let at = start;
  for (const hit of hits) {
    if (hit.start < start || hit.end > end) continue;
    push(text.slice(at, hit.start), false);
    push(text.slice(hit.start, hit.end), true);
    at = hit.end;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push(' …', false);
  // Whitespace runs (paragraph breaks) read as one space in a one-line snippet.
  return parts.map((part) => ({ ...part, text: part.text.replace(/\s+/g, ' ') }));
}
