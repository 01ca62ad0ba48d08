/**
 * Build-time named-entity extraction for archived articles (see docs/entities.md).
 *
 * Pipeline, each step a small function below:
 *  1. `prepareForNlp`: a same-length copy of the text that compromise reads better
 *     (straight quotes, no footnote asterisks, glued sentences split), so every offset
 *     found in the copy is an offset in the original.
 *  2. Candidates from three sources: the gazetteer (exact names, wins on overlap),
 *     a few regex/pattern rules, and compromise's people/organizations/places/dates.
 *  3. Overlaps resolved, then later mentions of an accepted name found by plain search
 *     ("Kirby" after "John Kirby", "Al-Saadi" after "al-Saadi").
 *  4. Mentions grouped into entities, with one canonical name each.
 */
import nlp from 'compromise';
import datesPlugin, { type DatesMethods } from 'compromise-dates';
import { ENTITY_TYPES, type ArticleEntity, type EntityType, type Span } from '../../src/shared/archive-format';
import { findGazetteerMatches, straightenQuotes } from './gazetteer';

nlp.plugin(datesPlugin);

type Source = 'gazetteer' | 'rule' | 'nlp' | 'repeat';

interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  source: Source;
  /** Canonical name when the source knows it (gazetteer matches). */
  name?: string;
}

export function extractEntities(text: string): ArticleEntity[] {
  const prepared = prepareForNlp(text);
  const candidates = [...gazetteerCandidates(prepared), ...ruleCandidates(prepared), ...nlpCandidates(prepared)];
  const accepted = addRepeatMentions(prepared, resolveOverlaps(candidates));
  return buildEntities(text, accepted);
}

/** `${type}:${slug}`: the key of an entity across articles. */
export function entityId(type: EntityType, name: string): string {
  return `${type}:${slugify(name)}`;
}

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['‘’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------
// 1. Preparing the text

/**
 * Same length as `text`, so offsets carry over. Compromise's lexicon uses straight quotes;
 * "*" marks footnotes ("IS*"); and the seed scraper glued paragraphs together
 * ("commanders.Al-Saadi", "region.”Iraqi"), which compromise reads as one word, so the
 * glue character becomes a newline, which compromise treats as a sentence break.
 */
export function prepareForNlp(text: string): string {
  return straightenQuotes(text)
    .replace(/\*/g, ' ')
    .replace(/(?<=[\p{Ll}\p{N})\]])\.(?=\p{Lu})/gu, '\n')
    .replace(/(?<=[.!?])["'](?=\p{Lu})/gu, '\n');
}

// ---------------------------------------------------------------------------------------
// 2. Candidates

function gazetteerCandidates(prepared: string): Candidate[] {
  return findGazetteerMatches(prepared).map((match) => ({ ...match, source: 'gazetteer' }));
}

/** Relative dates compromise cuts short ("last week's" comes back as "last"), and ISO dates. */
const RULE_DATES: readonly RegExp[] = [
  /(?<![\p{L}\p{N}])(?:last|next|this|past|coming) (?:week(?:end)?|month|year|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![\p{L}\p{N}])/giu,
  /(?<![\p{L}\p{N}-])\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}-])/gu,
];

function ruleCandidates(prepared: string): Candidate[] {
  return RULE_DATES.flatMap((pattern) =>
    [...prepared.matchAll(pattern)].map(
      (match): Candidate => ({ start: match.index, end: match.index + match[0].length, type: 'date', source: 'rule' }),
    ),
  );
}

// A narrow typed view of compromise: its `.json()` is typed `any`, so the shape used here
// is checked once, in `readMatches`.
type NlpDoc = ReturnType<typeof nlp> & DatesMethods;
/** All this module reads from a compromise view. */
interface JsonView {
  json(options: object): unknown;
}

interface NlpTerm {
  text: string;
  tags: readonly string[];
  start: number;
  end: number;
}

const NLP_FINDERS: readonly (readonly [EntityType, (doc: NlpDoc) => JsonView])[] = [
  ['person', (doc) => doc.people()],
  ['org', (doc) => doc.organizations()],
  ['place', (doc) => doc.places()],
  ['date', (doc) => doc.dates()],
];

function nlpCandidates(prepared: string): Candidate[] {
  const doc = nlp(prepared) as NlpDoc;
  const found: Candidate[] = [];
  for (const [type, find] of NLP_FINDERS) {
    for (const terms of readMatches(find(doc))) {
      const span = cleanSpan(prepared, spanOf(terms), type);
      if (span) found.push({ start: span[0], end: span[1], type, source: 'nlp' });
    }
  }
  return [...found, ...administrationPeople(prepared, doc)];
}

/**
 * "the Biden administration": compromise tags the name as an organization (and then
 * swallows the words after it), but the capitalized word before "administration" is
 * the surname of a head of government.
 */
function administrationPeople(prepared: string, doc: NlpDoc): Candidate[] {
  return readMatches(doc.match('[#ProperNoun] administration', 0))
    .flat()
    .filter((term) => !term.tags.some((tag) => tag === 'Place' || tag === 'Demonym'))
    .flatMap((term) => {
      const span = cleanSpan(prepared, [term.start, term.end], 'person');
      return span ? [{ start: span[0], end: span[1], type: 'person' as const, source: 'rule' as const }] : [];
    });
}

function readMatches(view: JsonView): NlpTerm[][] {
  const json: unknown = view.json({ offset: true, terms: { offset: true, tags: true } });
  if (!Array.isArray(json)) return [];
  return json.map((match: unknown) => {
    const terms = isRecord(match) && Array.isArray(match.terms) ? match.terms : [];
    return terms.flatMap((term: unknown) => readTerm(term) ?? []);
  });
}

function readTerm(term: unknown): NlpTerm | null {
  if (!isRecord(term) || typeof term.text !== 'string' || !isRecord(term.offset)) return null;
  const { start, length } = term.offset;
  if (typeof start !== 'number' || typeof length !== 'number') return null;
  const tags = Array.isArray(term.tags) ? term.tags.filter((tag): tag is string => typeof tag === 'string') : [];
  return { text: term.text, tags, start, end: start + length };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function spanOf(terms: readonly NlpTerm[]): Span | null {
  const first = terms[0];
  const last = terms[terms.length - 1];
  return first && last ? [first.start, last.end] : null;
}

// ---------------------------------------------------------------------------------------
// Cleaning compromise's spans: they come with prepositions ("in mid-October"), adjectives
// ("southern Syria"), titles ("Mr. Kirby"), possessives and trailing words.

interface Word {
  start: number;
  end: number;
  text: string;
}

/** Titles compromise keeps at the start of a person ("Mr. Kirby", "President Joe Biden"). */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'adm',
  'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'senator', 'governor', 'mayor',
  'general', 'king', 'queen', 'prince', 'pope', 'sheikh', 'ayatollah', 'ambassador', 'commander',
]);
/** Lower-case words allowed inside a name ("Islamic Resistance in Iraq", "Gulf of Aden"). */
const NAME_CONNECTORS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'la', 'le', 'van', 'von', 'bin', 'ibn']);
/** Lower-case prefixes of Arabic and European surnames ("al-Saadi"). */
const NAME_PARTICLE = /^(?:al|el|ad|as|ash|an|ar|bin|ibn|abu|de|di|da|du|le|la|van|von)-/i;
/** Words compromise includes around dates that are not part of them. */
const DATE_EDGE_WORDS = new Set([
  'in', 'on', 'at', 'by', 'after', 'before', 'since', 'until', 'during', 'from', 'of', 'to', 'for', 'and', 'or', 'the',
]);
const PRONOUNS = new Set(['i', 'me', 'you', 'he', 'him', 'she', 'her', 'it', 'we', 'us', 'they', 'them', 'this', 'that']);

function cleanSpan(prepared: string, span: Span | null, type: EntityType): Span | null {
  if (!span) return null;
  const words = wordsIn(prepared, span);
  const isEdgeJunk = type === 'date' ? isDateEdgeWord : type === 'person' ? isPersonLeadingJunk : isNameLeadingJunk;
  while (words[0] && isEdgeJunk(words[0])) words.shift();
  while (type === 'date' && words.length > 0 && isDateEdgeWord(words.at(-1)!)) words.pop();
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return null;
  const start = first.start + leadingPunctuation(first.text);
  const end = last.start + keptLength(last.text);
  if (end - start < 2) return null;
  const surface = prepared.slice(start, end);
  return isPlausible(surface, type) ? [start, end] : null;
}

function wordsIn(text: string, [start, end]: Span): Word[] {
  return [...text.slice(start, end).matchAll(/\S+/g)].map((match) => ({
    start: start + match.index,
    end: start + match.index + match[0].length,
    text: match[0],
  }));
}

function isDateEdgeWord(word: Word): boolean {
  return DATE_EDGE_WORDS.has(bare(word.text).toLowerCase());
}

/** "the", "southern" before a name. */
function isNameLeadingJunk(word: Word): boolean {
  const text = bare(word.text);
  return /^\p{Ll}/u.test(text) && !isParticleName(text);
}

function isPersonLeadingJunk(word: Word): boolean {
  return TITLES.has(bare(word.text).toLowerCase()) || isNameLeadingJunk(word);
}

function isParticleName(word: string): boolean {
  return /^\p{Ll}+-\p{Lu}/u.test(word) && NAME_PARTICLE.test(word);
}

function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function leadingPunctuation(word: string): number {
  return /^[^\p{L}\p{N}]*/u.exec(word)?.[0].length ?? 0;
}

/** Length of `word` without trailing punctuation and possessive, keeping an abbreviation's dot ("D.C."). */
function keptLength(word: string): number {
  let kept = word.replace(/[^\p{L}\p{N}.]+$/u, '').replace(/'s$/u, '');
  if (!/(?:^|\.)\p{L}\.$/u.test(kept)) kept = kept.replace(/[^\p{L}\p{N}]+$/u, '');
  return kept.length;
}

/** Drops what is not a name: pronouns, lower-case words, "Iraqi government", "American military". */
function isPlausible(surface: string, type: EntityType): boolean {
  // "He" at a sentence start is a pronoun; "US" in capitals is not.
  if (PRONOUNS.has(surface.toLowerCase()) && surface !== surface.toUpperCase()) return false;
  const words = surface.split(/\s+/);
  if (type === 'date') return words.length > 1 || !/^\p{Ll}+$/u.test(surface);
  return words.every(
    (word, i) =>
      /^[\p{Lu}\p{N}]/u.test(word) ||
      isParticleName(word) ||
      (i > 0 && i < words.length - 1 && NAME_CONNECTORS.has(word)),
  );
}

// ---------------------------------------------------------------------------------------
// 3. Overlaps and repeated mentions

const SOURCE_RANK: Record<Source, number> = { gazetteer: 0, rule: 1, nlp: 1, repeat: 2 };

/**
 * Keeps a set of non-overlapping candidates: gazetteer matches first, then the longer
 * span, then rules before compromise. One exception: a gazetteer place inside a longer
 * compromise person ("George Washington", "Michael Jordan") gives way to the person.
 */
function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const people = candidates.filter((c) => c.type === 'person' && c.source !== 'gazetteer');
  const shielded = candidates.filter(
    (c) => !(c.source === 'gazetteer' && c.type === 'place' && people.some((p) => contains(p, c) && length(p) > length(c))),
  );
  const ranked = [...shielded].sort(
    (a, b) =>
      SOURCE_RANK[a.source] - SOURCE_RANK[b.source] ||
      length(b) - length(a) ||
      Number(b.source === 'rule') - Number(a.source === 'rule') ||
      a.start - b.start ||
      ENTITY_TYPES.indexOf(a.type) - ENTITY_TYPES.indexOf(b.type),
  );
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    if (!kept.some((other) => overlaps(candidate, other))) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function length(c: Candidate): number {
  return c.end - c.start;
}

function contains(outer: Candidate, inner: Candidate): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Compromise finds a name once and misses its repeats ("Kirby said"; "Al-Saadi" glued to
 * the previous sentence). Every accepted surface form, and a person's surname, is looked
 * up again in the whole text; gazetteer names need not be, their search is already exhaustive.
 */
function addRepeatMentions(prepared: string, accepted: readonly Candidate[]): Candidate[] {
  const all = [...accepted];
  const searched = new Set<string>();
  for (const candidate of accepted) {
    if (candidate.source === 'gazetteer') continue;
    for (const form of searchForms(prepared.slice(candidate.start, candidate.end), candidate.type)) {
      const key = `${candidate.type}\u0000${form}`;
      if (searched.has(key)) continue;
      searched.add(key);
      for (const [start, end] of findWord(prepared, form)) {
        const repeat: Candidate = { start, end, type: candidate.type, source: 'repeat' };
        if (!all.some((other) => overlaps(repeat, other))) all.push(repeat);
      }
    }
  }
  return all.sort((a, b) => a.start - b.start);
}

function searchForms(surface: string, type: EntityType): string[] {
  const words = surface.split(/\s+/);
  const surname = words[words.length - 1];
  const forms = [surface];
  if (type === 'person' && words.length > 1 && surname && surname.length > 1) forms.push(surname);
  return forms;
}

/** Word-bounded and case-sensitive, except the particle of "al-Saadi" / "Al-Saadi". */
function findWord(text: string, form: string): Span[] {
  const first = form.charAt(0);
  const body = isParticleName(first.toLowerCase() + form.slice(1))
    ? `[${first.toLowerCase()}${first.toUpperCase()}]${escapeRegExp(form.slice(1))}`
    : escapeRegExp(form);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((match): Span => [match.index, match.index + match[0].length]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------
// 4. Grouping mentions into entities

interface Mention {
  start: number;
  end: number;
  type: EntityType;
  surface: string;
  name?: string;
}

function buildEntities(text: string, accepted: readonly Candidate[]): ArticleEntity[] {
  const mentions = accepted.map(
    (c): Mention => ({ start: c.start, end: c.end, type: c.type, surface: text.slice(c.start, c.end), ...named(c) }),
  );
  const groups = new Map<string, Mention[]>();
  const keyOf = surnameMerger(mentions);
  for (const mention of mentions) {
    const key = keyOf(mention);
    groups.set(key, [...(groups.get(key) ?? []), mention]);
  }
  return [...groups.values()].map(toEntity).sort(compareEntities);
}

function named(c: Candidate): { name?: string } {
  return c.name === undefined ? {} : { name: c.name };
}

/**
 * Key of a mention's entity: its canonical name when the gazetteer gave one, else its
 * surface form. A one-word person ("Kirby") joins the only longer person with that
 * surname ("John Kirby"); with two such people it stays apart rather than guess.
 */
function surnameMerger(mentions: readonly Mention[]): (mention: Mention) => string {
  const bySurname = new Map<string, Set<string>>();
  for (const m of mentions) {
    const words = m.surface.split(/\s+/);
    const surname = words[words.length - 1];
    if (m.type !== 'person' || words.length < 2 || !surname) continue;
    const keys = bySurname.get(slugify(surname)) ?? new Set<string>();
    bySurname.set(slugify(surname), keys.add(entityId('person', m.surface)));
  }
  return (mention) => {
    const own = entityId(mention.type, mention.name ?? mention.surface);
    if (mention.type !== 'person' || /\s/.test(mention.surface)) return own;
    const fullNames = bySurname.get(slugify(mention.surface));
    const only = fullNames?.size === 1 ? [...fullNames][0] : undefined;
    return only ?? own;
  };
}

function toEntity(mentions: Mention[]): ArticleEntity {
  const first = mentions[0]!;
  const name = first.name ?? mentions.find((m) => m.name)?.name ?? canonicalSurface(mentions);
  const spans = mentions.map((m): Span => [m.start, m.end]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const aliases = [...new Set([name, ...mentions.map((m) => m.surface)])].sort(compareStrings);
  return { id: entityId(first.type, name), type: first.type, name, aliases, count: spans.length, mentions: spans };
}

/**
 * Most words first (a person's full name), then the lower-case spelling of a name whose
 * capital may only be the start of a sentence ("al-Saadi" over "Al-Saadi"), then the most
 * frequent form, then the earliest.
 */
function canonicalSurface(mentions: readonly Mention[]): string {
  const forms = new Map<string, { count: number; first: number }>();
  for (const m of mentions) {
    const form = forms.get(m.surface) ?? { count: 0, first: m.start };
    forms.set(m.surface, { count: form.count + 1, first: Math.min(form.first, m.start) });
  }
  const ranked = [...forms.entries()].sort(
    ([a, fa], [b, fb]) =>
      wordCount(b) - wordCount(a) ||
      Number(/^\p{Ll}/u.test(b)) - Number(/^\p{Ll}/u.test(a)) ||
      fb.count - fa.count ||
      fa.first - fb.first,
  );
  return ranked[0]![0];
}

function wordCount(s: string): number {
  return s.split(/\s+/).length;
}

function compareEntities(a: ArticleEntity, b: ArticleEntity): number {
  return (
    ENTITY_TYPES.indexOf(a.type) - ENTITY_TYPES.indexOf(b.type) ||
    b.count - a.count ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.id, b.id)
  );
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
