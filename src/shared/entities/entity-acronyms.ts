/**
 * Names that news prose defines by an acronym in parentheses ("the Ministry of Health
 * (MoH)", "Canadian National Railway (CN)", "Maritime and Port Authority of Singapore
 * (MPA)"): the acronym tells where the name begins, even where "and", a comma or a
 * demonym would split the run, and that it is a name at all (people are not given
 * acronyms). The long form is the shortest stretch of capitalized words, joined only by
 * the small words of names, whose initials spell the acronym; failing that, the
 * Schwartz–Hearst match (each letter in order, the first at a word's start; Schwartz and
 * Hearst, "A simple algorithm for identifying abbreviation definitions", PSB 2003).
 */
import type { Candidate } from './entity-candidates';
import { CONTEXT } from './entity-context';
import type { Token } from './nlp-tokens';

/** Lower-case words allowed inside a defined name, in the languages of the names news quotes. */
const JOINERS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'du', 'des', 'del', 'la', 'le', 'et', 'y', 'e', 'da', 'do', 'di', 'für', 'der', 'van', 'von', '&', ',']);
const ACRONYM = /^\p{Lu}[\p{L}&]{1,9}$/u;

interface Word {
  text: string;
  start: number;
  end: number;
  /** The letter it gives an acronym: its first, after an elision ("l'Anacarde": "a"). */
  initial: string;
  content: boolean;
}

/** Long forms of the acronyms the article defines, as organization or place candidates; `named` loses what they cover. */
export function definedNames(text: string, tokens: readonly Token[], named: readonly Candidate[]): Candidate[] {
  let all = [...named];
  for (let i = 1; i + 2 < tokens.length; i++) {
    const [open, acronym, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (open.text !== '(' || close.text !== ')' || !ACRONYM.test(acronym.text)) continue;
    const letters = acronym.text.replace(/[^\p{L}]/gu, '');
    if ((letters.match(/\p{Lu}/gu) ?? []).length < Math.max(2, letters.length / 2)) continue;
    const placed = letters.length >= 3 ? orgInPlace(text, tokens[i - 1]!, all) : undefined;
    if (placed) {
      all = [...all.filter((c) => !placed.parts.includes(c)), placed.name].sort((a, b) => a.start - b.start);
      continue;
    }
    const words = wordsBefore(text, tokens, i, letters.length);
    const from = byInitials(words, letters.toLowerCase()) ?? bySchwartzHearst(words, letters.toLowerCase()) ?? byHeadWord(words);
    if (from === undefined) continue;
    const form = words.slice(from);
    if (form.filter((w) => w.content).length < 2) continue;
    const span = { start: form[0]!.start, end: form.at(-1)!.end };
    const inside = all.filter((c) => c.start < span.end && span.start < c.end);
    // A name found already as it stands, or part of a longer one, or one the definition would cut through.
    if (inside.some((c) => c.start <= span.start && c.end >= span.end) || inside.some((c) => c.start < span.start || c.end > span.end)) continue;
    // "Andrés Manuel López Obrador (AMLO)": a person is sometimes known by initials too.
    if (inside.some((c) => c.type === 'person')) continue;
    // A known place spelled out ("United Arab Emirates (UAE)") keeps its own entry.
    if (inside.length && inside.every((c) => c.type === 'place') && inside.reduce((n, c) => n + c.end - c.start, 0) >= (span.end - span.start) * 0.8) continue;
    const words2 = form.filter((w) => w.content).map((w) => w.text);
    const place = CONTEXT.placeHeads.has(words2.at(-1)!) || CONTEXT.placeLeads.has(words2[0]!);
    all = [...all.filter((c) => !inside.includes(c)), { ...span, type: place ? ('place' as const) : ('org' as const) }].sort((a, b) => a.start - b.start);
  }
  return all;
}

/**
 * "Arab Bank for Economic Development in Africa (BADEA)", "UN Integrated Office in Haiti (BINUH)": an
 * organization, "in" and a place, then an acronym of three letters or more, often of the name in
 * another language and word order: the acronym names the whole, place included (a body's acronym
 * does not end at its country's name unless the name does).
 */
function orgInPlace(text: string, last: Token, named: readonly Candidate[]): { name: Candidate; parts: Candidate[] } | undefined {
  const place = named.find((c) => c.type === 'place' && c.end === last.end);
  if (!place) return undefined;
  const org = named.find((c) => c.type === 'org' && / in $/.test(text.slice(c.end, place.start)) && place.start - c.end === 4);
  if (!org) return undefined;
  return { name: { start: org.start, end: place.end, type: 'org' }, parts: [org, place] };
}

/** The words of the sentence before the parenthesis, back to the first that cannot be part of a name. */
function wordsBefore(text: string, tokens: readonly Token[], open: number, length: number): Word[] {
  const last = tokens[open - 1]!;
  let k = open - 1;
  while (k > 0 && tokens[k - 1]!.sentence === last.sentence && !/^[()";:.!?]$/.test(tokens[k - 1]!.text) && open - k < 2 * length + 6) k--;
  const chunk = text.slice(tokens[k]!.start, last.end);
  const words: Word[] = [];
  for (const m of chunk.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'.-]*|&|,/gu)) {
    const raw = m[0].replace(/\.$/, '');
    const bare = raw.replace(/^[ldLD]'(?=\p{L})/u, '');
    const content = /^[\p{Lu}\p{N}]/u.test(bare);
    words.push({ text: raw, start: tokens[k]!.start + m.index, end: tokens[k]!.start + m.index + raw.length, initial: bare.charAt(0).toLowerCase(), content });
  }
  let from = words.length;
  while (from > 0 && (words[from - 1]!.content || JOINERS.has(words[from - 1]!.text))) from--;
  const kept = words.slice(from);
  while (kept.length && !kept[0]!.content) kept.shift();
  return kept;
}

/**
 * An acronym of the name in another language ("Norwegian Water Resources and Energy
 * Directorate (NVE)", "Statistics Poland (GUS)"): its letters are not in the English words,
 * but a stretch of capitalized words ending in an organization's head word is the name.
 */
function byHeadWord(words: readonly Word[]): number | undefined {
  let from = words.map((w) => w.text).lastIndexOf(',') + 1;
  while (from < words.length && (!words[from]!.content || OPENERS.has(words[from]!.text))) from++;
  const content = words.slice(from).filter((w) => w.content);
  return content.length >= 2 && CONTEXT.orgHeads.has(content.at(-1)!.text) && words.at(-1)!.content ? from : undefined;
}

/** Capitalized at a sentence's start, not as part of a name. */
const OPENERS = new Set(['The', 'A', 'An', 'In', 'At', 'On', 'For', 'By', 'From', 'And', 'But', 'Its', 'Their', 'Both', 'Then']);

/** The nearest start from which every capitalized word gives the acronym its next initial (joiners may give one too). */
function byInitials(words: readonly Word[], letters: string): number | undefined {
  const fits = (a: number, w: number): boolean => {
    if (w === words.length) return a === letters.length;
    const word = words[w]!;
    if (word.text === ',') return fits(a, w + 1);
    const takes = a < letters.length && word.initial === letters[a];
    if (word.content) return takes && fits(a + 1, w + 1);
    return fits(a, w + 1) || (takes && fits(a + 1, w + 1));
  };
  for (let from = words.length - 1; from >= 0; from--) if (words[from]!.content && fits(0, from)) return from;
  return undefined;
}

/** Each letter found in order from the right, the first one at the start of a capitalized word. */
function bySchwartzHearst(words: readonly Word[], letters: string): number | undefined {
  const chars: { c: string; word: number; wordStart: boolean }[] = [];
  words.forEach((word, w) => {
    if (word.text === ',') return;
    [...word.text.toLowerCase()].forEach((c, i) => chars.push({ c, word: w, wordStart: i === 0 || word.text.slice(0, i).replace(/^[ldLD]'/u, '') === '' }));
  });
  let at = chars.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    while (at >= 0 && (chars[at]!.c !== letters[s] || (s === 0 && !(chars[at]!.wordStart && words[chars[at]!.word]!.content)))) at--;
    if (at < 0) return undefined;
    if (s > 0) at--;
  }
  return chars[at]!.word;
}
