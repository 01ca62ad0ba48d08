/**
 * Build-time named-entity extraction for archived articles (see docs/entities.md).
 *
 * `extractEntities(text, knowledge)` is a pure function of the text and a knowledge object
 * (names with type, canonical form and trust, built from data packages in ./knowledge).
 * Pipeline, each step a small function below:
 *  1. `prepareForNlp`: a same-length copy of the text (straight quotes, no footnote stars,
 *     glued sentences split), so every offset found in the copy is an offset in the original.
 *  2. wink-nlp tokens (offsets, part of speech, sentences) and its date expressions.
 *  3. Known names: the longest alias of the knowledge at each token, kept when its trust
 *     and the words around it allow (`resolveKnown`).
 *  4. Proper-noun runs the knowledge does not cover, typed by linguistic evidence: a title
 *     or role before, a first name, an organization or place head word, a reporting verb.
 *  5. Repeats of accepted names and surnames; acronyms defined in parentheses.
 *  6. Mentions grouped into entities, with one canonical name each.
 */
import { ENTITY_TYPES, type ArticleEntity, type EntityType, type Span } from '../../src/shared/archive-format';
import { defaultKnowledge, normalizeSurface, type AliasSense, type Knowledge, type KnowledgeEntry } from './knowledge';
import { analyze, type DateSpan, type Token } from './nlp-tokens';
import { CONTEXT, isSportsSentence } from './entity-context';

interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  /** Canonical name when the knowledge gave one. */
  name?: string;
  /** Known to the knowledge (its mentions were all found by the scan). */
  known?: boolean;
}

export function extractEntities(text: string, knowledge: Knowledge = defaultKnowledge()): ArticleEntity[] {
  const prepared = prepareForNlp(text);
  const { tokens, dates } = analyze(prepared);
  const titleEnd = firstBlockEnd(prepared);
  const known = resolveKnown(prepared, tokens, knowledge, titleEnd);
  const runs = properNounRuns(prepared, tokens, knowledge).filter((run) => run[0]!.start >= titleEnd || !isTitleCase(prepared, titleEnd));
  const typed = typeRuns(prepared, runs, tokens, known, knowledge);
  const named = [...known.filter((c) => !typed.overridden.has(c)), ...typed.found];
  const withDates = addNonOverlapping(named, dateCandidates(prepared, dates));
  const all = addRepeatMentions(prepared, withDates, knowledge);
  return buildEntities(text, all, knowledge);
}

/** `${type}:${slug}`: the key of an entity across articles. */
export function entityId(type: EntityType, name: string): string {
  return `${type}:${slugify(name)}`;
}

export function slugify(name: string): string {
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
 * Same length as `text`, so offsets carry over: typographic quotes become straight ones,
 * "*" (footnotes, "IS*") a space, and the glue of paragraphs a scraper ran together
 * ("commanders.Al-Saadi", "region.”Iraqi") a newline, which the tokenizer reads as a break.
 */
export function prepareForNlp(text: string): string {
  return text
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\*/g, ' ')
    .replace(/(?<=[\p{Ll}\p{N})\]])\.(?=\p{Lu})/gu, '\n')
    .replace(/(?<=[.!?])["'](?=\p{Lu})/gu, '\n');
}

/** The title is the first block; in title case every word is capitalized, so only known names count there. */
function firstBlockEnd(text: string): number {
  const end = text.indexOf('\n\n');
  return end < 0 ? 0 : end;
}

function isTitleCase(text: string, end: number): boolean {
  const words = text.slice(0, end).match(/\p{L}[\p{L}'-]*/gu) ?? [];
  const long = words.filter((word) => word.length > 3);
  return long.length > 2 && long.filter((word) => /^\p{Lu}/u.test(word)).length / long.length > 0.7;
}

// ---------------------------------------------------------------------------------------
// 3. Known names

interface KnownMatch {
  start: number;
  end: number;
  /** Token indices [first, last]. */
  first: number;
  last: number;
  senses: readonly AliasSense[];
}

/** At each token, the longest alias that starts there; then the longest non-overlapping ones. */
function findKnown(text: string, tokens: readonly Token[], knowledge: Knowledge): KnownMatch[] {
  const found: KnownMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!/^[\p{L}\p{N}]/u.test(first.text)) continue;
    let best: KnownMatch | undefined;
    for (let j = i; j < tokens.length && j < i + 4 * knowledge.maxWords; j++) {
      const last = tokens[j]!;
      const raw = text.slice(first.start, last.end);
      if (raw.includes('\n')) break;
      const surface = normalizeSurface(raw);
      if (surface.split(' ').length > knowledge.maxWords) break;
      if (/[\p{L}\p{N}]$/u.test(surface) && isWordEnd(text, last.end)) {
        const senses = knowledge.aliases.get(surface);
        if (senses) best = { start: first.start, end: last.end, first: i, last: j, senses };
      } else if (/\.$/u.test(surface)) {
        const senses = knowledge.aliases.get(surface);
        if (senses) best = { start: first.start, end: last.end, first: i, last: j, senses };
      }
    }
    if (best) found.push(best);
  }
  const byLength = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: KnownMatch[] = [];
  for (const match of byLength) if (!kept.some((other) => overlaps(match, other))) kept.push(match);
  return kept.sort((a, b) => a.start - b.start);
}

function isWordEnd(text: string, end: number): boolean {
  return !/[\p{L}\p{N}]/u.test(text.charAt(end));
}

/**
 * Keeps each known match whose trust the context supports, typed and named by the sense
 * that applies: a capital acting as a government is its country, a club name shared with
 * a city is the club only in a sentence about sport, a weak place needs a place
 * preposition, a weak company must stand alone, a contextual alias needs its full name
 * elsewhere in the article.
 */
function resolveKnown(text: string, tokens: readonly Token[], knowledge: Knowledge, titleEnd: number): Candidate[] {
  const matches = findKnown(text, tokens, knowledge);
  const strongEntries = new Set(
    matches.flatMap((m) => m.senses.filter((s) => s.strength === 'strong' || s.strength === 'sports').map((s) => s.entry)),
  );
  const kept: Candidate[] = [];
  const governments = new Map<string, KnowledgeEntry>();
  for (const match of matches) {
    const sense = chooseSense(text, tokens, match, knowledge, strongEntries, match.start < titleEnd);
    if (!sense) continue;
    const entry = knowledge.entries[sense.entry]!;
    const country = entry.type === 'place' ? actingCapital(text, tokens, match, knowledge) : undefined;
    if (country) governments.set(entry.name, country);
    kept.push({ start: match.start, end: match.end, type: entry.type, name: entry.name, known: true });
  }
  // One sense per article: once a capital has acted as its government, every bare mention of it is the country.
  return kept.map((c) => {
    const country = c.name === undefined ? undefined : governments.get(c.name);
    return country && c.type === 'place' ? { ...c, name: country.name } : c;
  });
}

function chooseSense(
  text: string,
  tokens: readonly Token[],
  match: KnownMatch,
  knowledge: Knowledge,
  strongEntries: ReadonlySet<number>,
  inTitle: boolean,
): AliasSense | undefined {
  const surface = text.slice(match.start, match.end);
  if (SHOUTABLE.has(surface) && inShoutedRun(text, match.start, match.end, knowledge)) return undefined;
  if (knowledge.demonyms.has(surface) || CONTEXT.notNames.has(surface)) return undefined;
  const sentence = tokens[match.first]!.sentence;
  for (const sense of match.senses) {
    switch (sense.strength) {
      case 'strong':
        return sense;
      case 'sports':
        if (isSportsSentence(tokens, sentence)) return sense;
        break;
      case 'contextual':
        if (strongEntries.has(sense.entry)) return sense;
        break;
      case 'weak':
        if (!inTitle && weakEvidence(tokens, match, knowledge.entries[sense.entry]!.type, knowledge)) return sense;
        break;
    }
  }
  return undefined;
}

/** A weak place needs a place preposition before it or "-based" after; a weak company must be a whole name on its own. */
function weakEvidence(tokens: readonly Token[], match: KnownMatch, type: EntityType, knowledge: Knowledge): boolean {
  const before = tokens[match.first - 1];
  const after = tokens[match.last + 1];
  const isName = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text) && t.pos === 'PROPN';
  if (isName(before) || isName(after)) return false;
  if (type === 'place') {
    return (
      (before !== undefined && CONTEXT.placePrepositions.has(before.text.toLowerCase())) ||
      (after?.text === '-' && tokens[match.last + 2]?.text.toLowerCase() === 'based') ||
      (after?.text === ',' && /^\p{Lu}/u.test(tokens[match.last + 2]?.text ?? '') && knowledge.aliases.has(tokens[match.last + 2]!.text))
    );
  }
  const first = tokens[match.first]!;
  return !first.sentenceStart && (before === undefined || !knowledge.firstNames.has(before.text.toLowerCase()));
}

/** "Beijing warned", "Washington's support": a capital that acts is its country's government. */
function actingCapital(text: string, tokens: readonly Token[], match: KnownMatch, knowledge: Knowledge): KnowledgeEntry | undefined {
  const index = knowledge.capitals.get(normalizeSurface(text.slice(match.start, match.end)));
  if (index === undefined) return undefined;
  let next = match.last + 1;
  const possessive = tokens[next]?.text === "'s";
  if (possessive) next++;
  // "Washington's full-throated support": adjectives may stand between.
  while (possessive && next < match.last + 8 && (tokens[next]?.pos === 'ADJ' || tokens[next]?.text === '-')) next++;
  const word = tokens[next]?.text.toLowerCase() ?? '';
  const acts = possessive ? CONTEXT.governmentPossessions.has(word) : CONTEXT.governmentVerbs.has(word);
  return acts ? knowledge.entries[index] : undefined;
}

/**
 * Short acronyms that are also English words in capitals ("IS", "US"): in an all-caps run
 * ("WHAT IS NEXT") they are just words.
 */
const SHOUTABLE = new Set(['IS', 'US', 'WHO', 'IT', 'AT', 'AP', 'ICE', 'SEC']);

function inShoutedRun(text: string, start: number, end: number, knowledge: Knowledge): boolean {
  const before = /([\p{L}]+)\P{L}*$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  const after = /^\P{L}*([\p{L}]+)/u.exec(text.slice(end, end + 30))?.[1];
  return [before, after].some(
    (word) => word !== undefined && word.length >= 2 && word === word.toUpperCase() && !knowledge.aliases.has(word),
  );
}

// ---------------------------------------------------------------------------------------
// 4. Proper-noun runs the knowledge does not cover

type Run = Token[];

/**
 * Maximal runs of capitalized proper-noun tokens on one line, joined by hyphens without
 * spaces ("Al-Saadi", "al-Saadi"), "&", and lower-case connectors between two names
 * ("University of Lagos").
 */
function properNounRuns(text: string, tokens: readonly Token[], knowledge: Knowledge): Run[] {
  const runs: Run[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    while (current.length && !isNameToken(current.at(-1)!, knowledge)) current.pop();
    if (current.length) runs.push(current);
    current = [];
  };
  const gap = (a: Token, b: Token): string => text.slice(a.end, b.start);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = current.at(-1);
    const next = tokens[i + 1];
    if (isNameToken(token, knowledge) || startsParticleName(token, tokens, i)) {
      if (previous && !(gap(previous, token) === ' ' || (gap(previous, token) === '' && previous.text === '-'))) flush();
      current.push(token);
    } else if (
      previous &&
      next &&
      (isNameToken(previous, knowledge) || PARTICLES.test(previous.text)) &&
      isNameToken(next, knowledge) &&
      (token.text === '-' ? gap(previous, token) === '' && gap(token, next) === '' : (CONTEXT.connectors.has(token.text) || token.text === '&') && gap(previous, token) === ' ' && gap(token, next) === ' ')
    ) {
      current.push(token);
    } else {
      flush();
    }
  }
  flush();
  return runs.map((run) => trimLeadingCommonWord(run, knowledge)).filter((run) => run.length > 0);
}

function isNameToken(token: Token, knowledge: Knowledge): boolean {
  if (!/^\p{Lu}/u.test(token.text)) return false;
  if (knowledge.demonyms.has(token.text) || CONTEXT.notNames.has(token.text)) return false;
  if (token.pos === 'PROPN') return true;
  return !token.sentenceStart && (token.pos === 'NOUN' || token.pos === 'ADJ' || token.pos === 'X');
}

/** Lower-case particles of Arabic surnames: "al-Saadi". */
function startsParticleName(token: Token, tokens: readonly Token[], i: number): boolean {
  const hyphen = tokens[i + 1];
  const name = tokens[i + 2];
  return (
    PARTICLES.test(token.text) &&
    hyphen?.text === '-' && hyphen.start === token.end &&
    name !== undefined && name.start === hyphen.end && /^\p{Lu}/u.test(name.text)
  );
}

const PARTICLES = /^(?:al|el|ad|ash|bin|ibn|abu)$/;

/** "Turns", "Prices" at the start of a sentence are capitalized words, not names. */
function trimLeadingCommonWord(run: Run, knowledge: Knowledge): Run {
  const first = run[0];
  if (first?.sentenceStart && knowledge.commonWords.has(first.text.toLowerCase()) && !knowledge.firstNames.has(first.text.toLowerCase())) {
    return trimLeadingCommonWord(run.slice(run[1]?.text === '-' ? 2 : 1).filter((_, i, rest) => i > 0 || isCapital(rest[0]!)), knowledge);
  }
  return run;
}

function isCapital(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** Types the parts of each run that known names leave uncovered; a run ending in an organization or place word is one name. */
function typeRuns(
  text: string,
  runs: readonly Run[],
  tokens: readonly Token[],
  known: readonly Candidate[],
  knowledge: Knowledge,
): { found: Candidate[]; overridden: Set<Candidate> } {
  const found: Candidate[] = [];
  const overridden = new Set<Candidate>();
  const knownOrgs = [...new Set(known.filter((c) => c.type === 'org' && c.name).map((c) => c.name!))];
  const surnames = titledSurnames(text);
  for (const run of runs) {
    const start = run[0]!.start;
    const end = run.at(-1)!.end;
    const inside = known.filter((c) => c.start < end && start < c.end);
    const whole = wholeRunType(text, run, inside, tokens, knowledge, surnames);
    if (whole) {
      found.push({ start, end, type: whole });
      for (const c of inside) overridden.add(c);
      continue;
    }
    for (const part of uncovered(run, inside)) {
      const candidate = typePart(text, part, tokens, knowledge, knownOrgs);
      if (candidate) found.push(candidate);
    }
  }
  return { found, overridden };
}

/**
 * Evidence that a run is one name even though known names cover part of it: an
 * organization or place head word ("Lagos State University", "Niger Delta"), a club's
 * last word in a sentence about sport ("Coventry City"), a role or first name before a
 * person's name ("spokeswoman Mao Ning", "George Washington"), a surname the article
 * gives with a title elsewhere ("Ms Okonjo-Iweala"), a place preposition before a facility
 * ("at Old Trafford").
 */
function wholeRunType(
  text: string,
  run: Run,
  inside: readonly Candidate[],
  tokens: readonly Token[],
  knowledge: Knowledge,
  surnames: ReadonlySet<string>,
): EntityType | undefined {
  const start = run[0]!.start;
  const end = run.at(-1)!.end;
  if (inside.some((c) => c.start < start || c.end > end || (c.start === start && c.end === end))) return undefined;
  const words = run.filter((t) => /\p{L}/u.test(t.text));
  if (words.length < 2) return inside.length === 0 ? headType(run) : undefined;
  const last = words.at(-1)!.text;
  if (CONTEXT.clubHeads.has(last) && isSportsSentence(tokens, run[0]!.sentence)) return 'org';
  const head = headType(run);
  if (head) return head;
  if (/^[\p{Lu}\d]{2,}$/u.test(words[0]!.text) && inside.some((c) => c.type === 'place' && c.end === end)) return 'org';
  if (inside.length === 0) return undefined;
  if (inside.some((c) => c.type === 'org')) return undefined;
  const before = tokens[tokens.indexOf(run[0]!) - 1];
  const cue = before !== undefined && CONTEXT.personCues.has(before.text.toLowerCase()) && before.text === before.text.toLowerCase();
  const nameLike = words.length <= 4 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w.text));
  const lastWord = text.slice(start, end).split(/\s+/).at(-1) ?? '';
  if (nameLike && (cue || knowledge.firstNames.has(words[0]!.text.toLowerCase()) || surnames.has(lastWord))) return 'person';
  if (before && CONTEXT.placePrepositions.has(before.text.toLowerCase()) && words.length <= 3 && inside.every((c) => c.type === 'place')) return 'place';
  return undefined;
}

/** Surnames the article gives after an honorific ("Ms Okonjo-Iweala", "Dr. Chen"). */
function titledSurnames(text: string): Set<string> {
  return new Set([...text.matchAll(/(?<![\p{L}])(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.? (\p{Lu}[\p{L}'-]*\p{L})/gu)].map((m) => m[1]!));
}

/** "the Islamic Resistance" after "Islamic Resistance in Iraq": the first words of a named organization. */
function shortFormOf(surface: string, orgNames: readonly string[]): string | undefined {
  const words = surface.split(/\s+/);
  if (words.length < 2) return undefined;
  const matches = orgNames.filter((name) => {
    const nameWords = normalizeSurface(name).split(' ');
    return nameWords.length > words.length && words.every((w, i) => w === nameWords[i]);
  });
  return matches.length === 1 ? matches[0] : undefined;
}

function headType(run: Run): EntityType | undefined {
  const words = run.filter((t) => /\p{L}/u.test(t.text)).map((t) => t.text);
  if (words.length < 2) return undefined;
  const last = words.at(-1)!;
  if (CONTEXT.orgHeads.has(last) || words.some((w, i) => i < words.length - 1 && CONTEXT.orgLeads.has(w) && words[i + 1] === 'of')) return 'org';
  if (CONTEXT.placeHeads.has(last)) return 'place';
  return undefined;
}

function uncovered(run: Run, inside: readonly Candidate[]): Run[] {
  const parts: Run[] = [];
  let current: Token[] = [];
  for (const token of run) {
    if (inside.some((c) => token.start < c.end && c.start < token.end)) {
      if (current.length) parts.push(current);
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length) parts.push(current);
  return parts
    .map((part) => {
      let from = 0;
      let to = part.length;
      while (from < to && !isCapital(part[from]!) && !PARTICLES.test(part[from]!.text)) from++;
      while (to > from && !/^[\p{Lu}\p{N}]/u.test(part[to - 1]!.text)) to--;
      return part.slice(from, to);
    })
    .filter((part) => part.length > 0);
}

/** Evidence for an unknown name, strongest first; with none, it is left out. */
function typePart(text: string, part: Run, tokens: readonly Token[], knowledge: Knowledge, knownOrgs: readonly string[]): Candidate | undefined {
  let run = part;
  const index = tokens.indexOf(run[0]!);
  const before = tokens[index - 1];
  let titled = before !== undefined && CONTEXT.personCues.has(before.text.replace(/\.$/, '').toLowerCase());
  while (run.length > 1 && CONTEXT.titles.has(run[0]!.text.replace(/\.$/, '').toLowerCase())) {
    run = run.slice(1);
    while (run[0] && !/\p{L}/u.test(run[0].text)) run = run.slice(1);
    titled = true;
  }
  if (run.length === 0) return undefined;
  if (CONTEXT.titles.has(run[0]!.text.replace(/\.$/, '').toLowerCase()) && run.length === 1) return undefined;
  const start = run[0]!.start;
  const end = run.at(-1)!.end;
  const surface = text.slice(start, end);
  const words = run.filter((t) => /\p{L}/u.test(t.text));
  if (words.length === 0 || end - start < 2) return undefined;
  if (words.every((w) => knowledge.demonyms.has(w.text) || CONTEXT.notNames.has(w.text))) return undefined;
  const head = headType(run);
  if (head) return { start, end, type: head };
  const orgName = shortFormOf(normalizeSurface(surface), knownOrgs);
  if (orgName) return { start, end, type: 'org', name: orgName, known: true };
  const afterIndex = tokens.indexOf(run.at(-1)!) + 1;
  const after = tokens[afterIndex]?.text.toLowerCase() ?? '';
  const allCaps = words.every((w) => /^[\p{Lu}\d]+$/u.test(w.text));
  if (allCaps) return undefined; // unknown acronyms: defined ones come back as aliases
  if (titled) return { start, end, type: 'person' };
  // "the Biden administration": a head of government's surname.
  if (words.length === 1 && after === 'administration') return { start, end, type: 'person' };
  const firstName = knowledge.firstNames.has(words[0]!.text.toLowerCase());
  const reports = CONTEXT.reportingVerbs.has(after) || (after === ',' && /^\d/.test(tokens[afterIndex + 1]?.text ?? ''));
  const nameLike = (w: Token): boolean => (/^\p{Lu}\p{Ll}/u.test(w.text) && !knowledge.commonWords.has(w.text.toLowerCase())) || knowledge.firstNames.has(w.text.toLowerCase()) || PARTICLES.test(w.text);
  if (words.length >= 2 && words.length <= 4 && words.every(nameLike)) {
    if (firstName || reports || !run[0]!.sentenceStart) return { start, end, type: 'person' };
  }
  if (words.length === 1 && reports && !run[0]!.sentenceStart && !knowledge.commonWords.has(surface.toLowerCase())) {
    return { start, end, type: 'person' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Dates

const DATE_EDGE_WORDS = new Set(['in', 'on', 'at', 'by', 'after', 'before', 'since', 'until', 'during', 'from', 'of', 'to', 'for', 'and', 'or']);
/** Spans that do not point at a time ("a decade ago", "days earlier", "in recent months"). */
const VAGUE_DATE = /\b(?:ago|earlier|later|recent|past few|coming|decades?|centuries|century)\b/i;
const MONTH = '(?:January|February|March|April|June|July|August|September|October|November|December)';
const RULE_DATES: readonly RegExp[] = [
  // "the second quarter", "the first half of 2024": named parts of a year the model leaves out.
  /(?<![\p{L}\p{N}])(?:the )?(?:first|second|third|fourth|final|last) (?:quarter|half)(?: of (?:\d{4}|the year))?(?![\p{L}\p{N}])/giu,
  // A month alone ("since February"); "May" is left out, it is also a verb.
  new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}(?![\\p{L}\\p{N}])`, 'gu'),
  /(?<![\p{L}\p{N}])(?:last|next|this) (?:week(?:end)?|month|year|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![\p{L}\p{N}])/giu,
  /(?<![\p{L}\p{N}-])\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}-])/gu,
];

function dateCandidates(text: string, dates: readonly DateSpan[]): Candidate[] {
  const fromModel = dates
    .filter((d) => d.kind === 'DATE')
    .flatMap((d): Candidate[] => {
      const span = trimDate(text, d.start, d.end);
      if (!span) return [];
      const surface = text.slice(span[0], span[1]);
      if (VAGUE_DATE.test(surface) || !/[\p{L}\d]/u.test(surface) || /^\p{Ll}+$/u.test(surface) && !/^(?:yesterday|today|tomorrow|tonight)$/i.test(surface)) return [];
      return [{ start: span[0], end: span[1], type: 'date' }];
    });
  const fromRules = RULE_DATES.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m): Candidate => ({ start: m.index, end: m.index + m[0].length, type: 'date' })),
  );
  return addNonOverlapping(fromRules, fromModel);
}

function trimDate(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  for (;;) {
    const word = /^\S+/.exec(text.slice(s, e))?.[0] ?? '';
    if (DATE_EDGE_WORDS.has(word.toLowerCase()) && s + word.length < e) s = s + word.length + (/\s/.test(text.charAt(s + word.length)) ? 1 : 0);
    else break;
  }
  while (e > s && /[\s,.;:'"]/.test(text.charAt(e - 1)) && !/\b\p{L}\.$/u.test(text.slice(s, e))) e--;
  if (text.slice(s, e).endsWith("'s")) e -= 2;
  return e - s >= 2 ? [s, e] : null;
}

// ---------------------------------------------------------------------------------------
// 5. Repeats and acronyms

function addNonOverlapping(kept: readonly Candidate[], more: readonly Candidate[]): Candidate[] {
  const all = [...kept];
  for (const candidate of more) if (!all.some((other) => overlaps(candidate, other))) all.push(candidate);
  return all.sort((a, b) => a.start - b.start);
}

/**
 * A name found once is looked up again in the whole text, a person's surname too ("Okafor"
 * after "Ngozi Okafor"), and an acronym in parentheses after a name ("National Bureau of
 * Statistics (NBS)") becomes that name's alias wherever it occurs.
 */
function addRepeatMentions(text: string, accepted: readonly Candidate[], knowledge: Knowledge): Candidate[] {
  let all = [...accepted];
  const searched = new Set<string>();
  for (const candidate of accepted) {
    if (candidate.known || candidate.type === 'date') continue;
    const surface = text.slice(candidate.start, candidate.end);
    const forms = [surface];
    const words = surface.split(/\s+/);
    if (candidate.type === 'person' && words.length > 1) forms.push(words.at(-1)!);
    for (const form of forms) {
      const key = `${candidate.type}\u0000${form}`;
      if (searched.has(key) || form.length < 2 || knowledge.commonWords.has(form.toLowerCase()) && form !== surface) continue;
      searched.add(key);
      all = addNonOverlapping(all, findWord(text, form).map(([start, end]) => ({ start, end, type: candidate.type })));
    }
  }
  for (const candidate of [...all]) {
    if (candidate.type === 'date') continue;
    const acronym = /^ \(([\p{Lu}][\p{Lu}\p{N}&.-]{1,9})\)/u.exec(text.slice(candidate.end, candidate.end + 14))?.[1];
    if (!acronym || knowledge.aliases.has(acronym)) continue;
    const name = candidate.name ?? text.slice(candidate.start, candidate.end);
    const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    if (words.length < 2 && candidate.type !== 'org') continue;
    all = addNonOverlapping(
      all,
      findWord(text, acronym).map(([start, end]) => ({ start, end, type: candidate.type, name, known: candidate.known ?? false })),
    );
  }
  return all;
}

/** Word-bounded and case-sensitive, except the particle of "al-Saadi" / "Al-Saadi". */
function findWord(text: string, form: string): Span[] {
  const particle = /^(?:al|el|ad|ash|bin|ibn|abu)-/i.test(form);
  const first = form.charAt(0);
  const body = particle ? `[${first.toLowerCase()}${first.toUpperCase()}]${escapeRegExp(form.slice(1))}` : escapeRegExp(form);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((match): Span => [match.index, match.index + match[0].length]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

// ---------------------------------------------------------------------------------------
// 6. Grouping mentions into entities

interface Mention {
  start: number;
  end: number;
  type: EntityType;
  surface: string;
  name?: string;
}

function buildEntities(text: string, accepted: readonly Candidate[], knowledge: Knowledge): ArticleEntity[] {
  const mentions = accepted.map(
    (c): Mention => ({ start: c.start, end: c.end, type: c.type, surface: text.slice(c.start, c.end), ...(c.name ? { name: c.name } : {}) }),
  );
  const keyOf = surnameMerger(mentions, knowledge);
  const groups = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const key = keyOf(mention);
    groups.set(key, [...(groups.get(key) ?? []), mention]);
  }
  return [...groups.values()].map(toEntity).sort(compareEntities);
}

/**
 * A one-word person ("Okafor") joins the only longer person with that surname ("Ngozi
 * Okafor"); with two such people it stays apart rather than guess. A person whose only
 * name is also a known organization's one-word alias stays a person.
 */
function surnameMerger(mentions: readonly Mention[], knowledge: Knowledge): (mention: Mention) => string {
  void knowledge;
  const bySurname = new Map<string, Set<string>>();
  for (const m of mentions) {
    const words = m.surface.split(/\s+/);
    const surname = words.at(-1);
    if (m.type !== 'person' || words.length < 2 || !surname) continue;
    const keys = bySurname.get(slugify(surname)) ?? new Set<string>();
    bySurname.set(slugify(surname), keys.add(entityId('person', m.surface)));
  }
  return (mention) => {
    const own = entityId(mention.type, mention.name ?? mention.surface);
    if (mention.type !== 'person' || /\s/.test(mention.surface)) return own;
    const fullNames = bySurname.get(slugify(mention.surface));
    return fullNames?.size === 1 ? [...fullNames][0]! : own;
  };
}

function toEntity(mentions: Mention[]): ArticleEntity {
  const first = mentions[0]!;
  const name = mentions.find((m) => m.name)?.name ?? canonicalSurface(mentions);
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
