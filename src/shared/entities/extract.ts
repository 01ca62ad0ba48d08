/**
 * Named-entity extraction for archived articles (see docs/entities.md).
 *
 * `extractEntities(text, knowledge)` is a pure function of the text and a knowledge object
 * (names with type, canonical form and trust; ./knowledge.ts is its shape). The build runs it
 * with the knowledge read from data packages (scripts/archive/knowledge); nothing here reads
 * files, so the same code can run in the browser on a compact knowledge object.
 * Pipeline, each step a small function below:
 *  1. `prepareForNlp`: a same-length copy of the text (straight quotes, no footnote stars,
 *     glued sentences split), so every offset found in the copy is an offset in the original.
 *  2. wink-nlp tokens (offsets, part of speech, sentences) and its date expressions.
 *  3. Known names: the longest alias of the knowledge at each token, kept when its trust
 *     and the words around it allow (`resolveKnown`).
 *  4. Proper-noun runs the knowledge does not cover, typed by linguistic evidence: a title
 *     or role before, a first name, an organization or place head word, a reporting verb.
 *     Runs still untyped are typed by the structure around them (`typeByCues`): category
 *     nouns ("the Chega party", "Guro district"), speaking acronyms, lists with typed members.
 *  5. Repeats of accepted names and surnames; acronyms defined in parentheses.
 *  6. Mentions grouped into entities, with one canonical name each.
 */
import { ENTITY_TYPES, type ArticleEntity, type EntityType, type Span } from '../archive-format';
import { isCountryOrRegion, normalizeSurface, type AliasSense, type Knowledge, type KnowledgeEntry } from './knowledge';
import { analyze, type Token } from './nlp-tokens';
import { addNonOverlapping, overlaps, type Candidate } from './entity-candidates';
import { CONTEXT, isSportsSentence } from './entity-context';
import { dateCandidates } from './entity-dates';
import { typeRuns } from './entity-runs';
import { typeByCues } from './entity-cues';
import { definedNames } from './entity-acronyms';
import { datelinePlaces } from './entity-datelines';
import { withSharedHeads } from './entity-shared-heads';

export function extractEntities(text: string, knowledge: Knowledge): ArticleEntity[] {
  const prepared = prepareForNlp(text);
  const { tokens, dates } = analyze(prepared);
  const titleEnd = firstBlockEnd(prepared);
  const known = withNationalSocieties(prepared, tokens, resolveKnown(prepared, tokens, knowledge, titleEnd), knowledge);
  const typed = typeRuns(prepared, tokens, known, knowledge, titleEnd, isTitleCase(prepared, titleEnd));
  const named = [...known.filter((c) => !typed.overridden.has(c)), ...typed.found];
  named.push(...typeByCues(tokens, typed.untyped, named, knowledge, prepared));
  const credited = withDatelinePlaces(withDatelineCredits(prepared, definedNames(prepared, tokens, withSharedHeads(prepared, named))), datelinePlaces(prepared, knowledge));
  const withDates = addNonOverlapping(credited, withoutPeriodsOfPlay(prepared, tokens, dateCandidates(prepared, dates)));
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
        // "Taupō", "Constanța": a spelling with marks the data writes without (its folded form is an alias).
        const senses = knowledge.aliases.get(surface) ?? (/[^\x00-\x7f]/.test(surface) ? knowledge.aliases.get(foldMarks(surface)) : undefined);
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

function foldMarks(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
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
  const aboutSport = sportsSentenceCount(tokens) >= 3;
  // A country that plays somewhere in the article; its mentions in a team's context are the team.
  const teams = new Set<string>();
  const mayBeTeam = new Set<number>();
  for (const match of matches) {
    const sense = chooseSense(text, tokens, match, knowledge, strongEntries, match.start < titleEnd);
    if (!sense) continue;
    const entry = knowledge.entries[sense.entry]!;
    if (aboutSport && entry.kind === 'country' && isTeamContext(tokens, match)) {
      mayBeTeam.add(match.start);
      if (playsAsTeam(tokens, match)) teams.add(entry.name);
    }
    const country = entry.type === 'place' ? actingCapital(text, tokens, match, knowledge) : undefined;
    if (country) governments.set(entry.name, country);
    kept.push({ start: match.start, end: match.end, type: entry.type, name: entry.name, known: true });
  }
  // One sense per article: once a capital has acted as its government, every bare mention of it is the country;
  // once a country has played, its mentions in a sentence about sport, not after a preposition of place, are its team.
  return kept.map((c) => {
    const country = c.name === undefined ? undefined : governments.get(c.name);
    if (c.name !== undefined && teams.has(c.name) && mayBeTeam.has(c.start)) return { ...c, type: 'org', team: true };
    return country && c.type === 'place' ? { ...c, name: country.name, standsFor: true } : c;
  });
}

/**
 * "the Philippine Red Cross", "the Kenyan Red Crescent": a movement of national societies is named, in each
 * country, by its demonym and the movement's name, a body of its own (not the international committee).
 */
const NATIONAL_SOCIETIES = new Set(['Red Cross', 'Red Crescent']);

function withNationalSocieties(text: string, tokens: readonly Token[], known: readonly Candidate[], knowledge: Knowledge): Candidate[] {
  return known.map((c) => {
    if (!NATIONAL_SOCIETIES.has(text.slice(c.start, c.end))) return c;
    const at = tokens.findIndex((t) => t.start === c.start);
    const before = tokens[at - 1];
    if (!before || !knowledge.demonyms.has(before.text) || text.slice(before.end, c.start) !== ' ') return c;
    return { start: before.start, end: c.end, type: 'org' as const };
  });
}

/**
 * "a 14-2 run early in the third quarter": in a sentence about sport in an article about sport, a quarter with no year or "of" after it is a
 * period of the game, not of the calendar ("the third quarter of 2024" and a company's "third quarter" stay dates).
 */
function withoutPeriodsOfPlay(text: string, tokens: readonly Token[], dates: readonly Candidate[]): Candidate[] {
  const isQuarter = (date: Candidate): boolean => /^the (?:first|second|third|fourth|final) quarter$/i.test(text.slice(date.start, date.end));
  // In an article about sport only: "25 basis points in the third quarter" reads as a sentence about sport too.
  if (!dates.some(isQuarter) || sportsSentenceCount(tokens) < 3) return [...dates];
  return dates.filter((date) => {
    if (!isQuarter(date)) return true;
    const at = tokens.find((t) => t.start === date.start);
    return !at || !isSportsSentence(tokens, at.sentence);
  });
}

function sportsSentenceCount(tokens: readonly Token[]): number {
  const sentences = new Set(tokens.map((t) => t.sentence));
  let count = 0;
  for (const sentence of sentences) if (isSportsSentence(tokens, sentence)) count++;
  return count;
}

/**
 * "puts Bangladesh on the brink of series win over Pakistan", "plays Estonia and Georgia in the
 * qualifiers": in an article about sport, a country that plays in a sentence about sport is its
 * national team, an organization; after a preposition of place ("in Pakistan", "to India") or
 * before a possessive or a demonym's noun it stays the country.
 */
function playsAsTeam(tokens: readonly Token[], match: KnownMatch): boolean {
  const before = tokens[match.first - 1]?.text.toLowerCase() ?? '';
  const after = tokens[match.last + 1]?.text.toLowerCase() ?? '';
  return CONTEXT.matchWords.has(before) || CONTEXT.matchWords.has(after) || (/^(?:and|,)$/.test(before) && CONTEXT.matchWords.has(tokens[match.first - 3]?.text.toLowerCase() ?? ''));
}

/** A sentence about sport, the name not after a preposition of place, an article or "of", nor before a possessive or a compound. */
function isTeamContext(tokens: readonly Token[], match: KnownMatch): boolean {
  const before = tokens[match.first - 1]?.text.toLowerCase() ?? '';
  const after = tokens[match.last + 1]?.text ?? '';
  if (CONTEXT.placePrepositions.has(before) || /^(?:of|the|for)$/.test(before) || after === "'s" || after === '-') return false;
  if (/^\p{Lu}/u.test(after) || /^\p{Lu}/u.test(tokens[match.first - 1]?.text ?? '') && !tokens[match.first]!.sentenceStart) return false;
  return isSportsSentence(tokens, tokens[match.first]!.sentence);
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
  // A club named like its city ("Liverpool drew 1-1") is the club wherever the sentence is about sport.
  const club = match.senses.find((sense) => sense.strength === 'sports');
  // "conceded defeat in Porto": after "in", "near", "outside" the name is the city, whatever the sentence is about.
  const inPlace = /^(?:in|near|outside)$/.test(tokens[match.first - 1]?.text ?? '');
  if (club && !inPlace && isSportsSentence(tokens, sentence)) return club;
  for (const sense of match.senses) {
    switch (sense.strength) {
      case 'strong':
        return sense;
      case 'sports':
        if (!inPlace && isSportsSentence(tokens, sentence)) return sense;
        break;
      case 'contextual':
        if (strongEntries.has(sense.entry)) return sense;
        break;
      case 'weak':
        if (!inTitle && weakEvidence(tokens, match, knowledge.entries[sense.entry]!, knowledge)) return sense;
        break;
    }
  }
  return undefined;
}

/** A weak place needs a place preposition before it or "-based" after; a weak company must be a whole name on its own. */
function weakEvidence(tokens: readonly Token[], match: KnownMatch, entry: KnowledgeEntry, knowledge: Knowledge): boolean {
  const { type } = entry;
  const before = tokens[match.first - 1];
  const after = tokens[match.last + 1];
  const isName = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text) && t.pos === 'PROPN';
  if (isName(before) || isName(after)) return false;
  // A town of a few thousand people shares its name with many people and things: only "in Malaba", "near Veldhoven".
  if (entry.kind === 'town') return before !== undefined && CONTEXT.locationPrepositions.has(before.text) && after?.text !== "'s";
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
  const before = tokens[match.first - 1];
  if (before && CONTEXT.placePrepositions.has(before.text.toLowerCase())) return undefined;
  // "Euronext Lisbon edged higher": the capital's word inside a longer name acts for that name.
  if (before && /^\p{Lu}/u.test(before.text) && before.pos === 'PROPN' && !before.sentenceStart) return undefined;
  // "Critics in Lagos and Abuja said": a preposition of place governs the whole coordination.
  if (before && /^(?:and|or)$/.test(before.text) && /^\p{Lu}/u.test(tokens[match.first - 2]?.text ?? '') && CONTEXT.placePrepositions.has(tokens[match.first - 3]?.text.toLowerCase() ?? '')) return undefined;
  // "a Riyadh start-up": a capital after an article, or before a compound, describes a thing of the city.
  if (before && /^(?:a|an|the)$/i.test(before.text)) return undefined;
  if (tokens[match.last + 2]?.text === '-' && tokens[match.last + 2]!.start === tokens[match.last + 1]!.end) return undefined;
  let next = match.last + 1;
  const possessive = tokens[next]?.text === "'s";
  if (possessive) next++;
  // "Washington's full-throated support": adjectives may stand between.
  while (possessive && next < match.last + 8 && (tokens[next]?.pos === 'ADJ' || tokens[next]?.text === '-')) next++;
  const following = tokens[next];
  if (!following) return undefined;
  const word = following.text.toLowerCase();
  // "Beijing unveiled", "Kigali is not a party", "Washington could tighten": the capital as a subject.
  const acts = possessive
    ? following.pos === 'NOUN' && !CONTEXT.cityPossessions.has(word)
    : CONTEXT.governmentVerbs.has(word) || following.pos === 'VERB' || following.pos === 'AUX';
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

/**
 * "WINNIPEG, Manitoba (PW) —", "BEND, Ore. (Cascadia Dispatch) —": a dateline (a place in
 * capitals, a region or a date) credits the agency or paper the report comes from in
 * parentheses before the dash; that credit is an organization, whatever its words would say
 * alone ("Andes" is a range).
 */
const DATELINE_CREDIT = /(?:^|\n)[ \t]*\p{Lu}[\p{Lu} .'-]*\p{Lu}(?:, [^\n()]{1,40}?)? \(([\p{Lu}][^()\n]{1,39})\) ?[—–-]/gu;

function withDatelineCredits(text: string, named: readonly Candidate[]): Candidate[] {
  let all = [...named];
  for (const match of text.matchAll(DATELINE_CREDIT)) {
    const credit = match[1]!.trimEnd();
    const start = match.index + match[0].lastIndexOf(`(${match[1]!}`) + 1;
    const span = { start, end: start + credit.length };
    const inside = all.filter((c) => overlaps(c, span));
    if (inside.some((c) => c.type === 'org' && c.start <= span.start && c.end >= span.end)) continue;
    all = [...all.filter((c) => !inside.includes(c)), { ...span, type: 'org' as const }].sort((a, b) => a.start - b.start);
  }
  return all;
}

/** A dateline's place wins over what its capitals alone suggested ("OSLO," read as an acronym). */
function withDatelinePlaces(named: readonly Candidate[], places: readonly Candidate[]): Candidate[] {
  const replaced = named.filter((c) => !places.some((p) => c.type !== 'place' && c.start >= p.start && c.end <= p.end));
  return addNonOverlapping(replaced, places);
}

// ---------------------------------------------------------------------------------------
// 5. Repeats and acronyms

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
    // "(Africa CDC)", "(CSIRO)": the article's own definition wins over what the knowledge says the acronym is.
    const acronym = /^ \(((?:\p{Lu}\p{Ll}+ )?[\p{Lu}][\p{Lu}\p{N}&.-]{1,9})\)/u.exec(text.slice(candidate.end, candidate.end + 24))?.[1];
    if (!acronym) continue;
    const name = candidate.name ?? text.slice(candidate.start, candidate.end);
    const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    // An organization's acronym may come from its name in its own language ("Statistics Poland (GUS)"): any acronym in capitals.
    const foreign = candidate.type === 'org' && /^\p{Lu}{2,}$/u.test(acronym);
    if (words.length < 2 || (!foreign && initials(name).indexOf(initials(acronym.replace(/^\p{Lu}\p{Ll}+ /u, '')).charAt(0)) < 0)) continue;
    const occurrences = findWord(text, acronym);
    const redefined = all.filter((c) => !occurrences.some(([start, end]) => c.start >= start && c.end <= end && (c.start !== start || c.end !== end || c.name !== name)));
    all = addNonOverlapping(
      redefined,
      occurrences.map(([start, end]) => ({ start, end, type: candidate.type, name, known: candidate.known ?? false })),
    );
  }
  return all;
}

function initials(name: string): string {
  return name.replace(/[^\p{Lu}]/gu, '');
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

// ---------------------------------------------------------------------------------------
// 6. Grouping mentions into entities

interface Mention {
  start: number;
  end: number;
  type: EntityType;
  surface: string;
  name?: string;
  standsFor?: boolean;
  team?: boolean;
}

function buildEntities(text: string, accepted: readonly Candidate[], knowledge: Knowledge): ArticleEntity[] {
  const mentions = accepted.map(
    (c): Mention => ({
      start: c.start,
      end: c.end,
      type: c.type,
      surface: text.slice(c.start, c.end),
      ...(c.name ? { name: c.name } : {}),
      ...(c.standsFor ? { standsFor: true } : {}),
      ...(c.team ? { team: true } : {}),
    }),
  );
  retypeShortOrgNames(mentions);
  const keyOf = surnameMerger(mentions, knowledge);
  const groups = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const key = keyOf(mention);
    groups.set(key, [...(groups.get(key) ?? []), mention]);
  }
  return [...groups.values()].map(toEntity).sort(compareEntities);
}

/**
 * "River" after "River Plate": a one-word name read as a person that no person's name in the
 * article holds, but that opens the only longer organization there, is that organization's
 * short name (a club, a party or a company called by its first word).
 */
function retypeShortOrgNames(mentions: Mention[]): void {
  const personWords = new Set(mentions.filter((m) => m.type === 'person').flatMap((m) => m.surface.split(/\s+/).filter((w, _, all) => all.length > 1)));
  const orgsByFirst = new Map<string, Set<string>>();
  for (const m of mentions) {
    const words = m.surface.split(/\s+/);
    if (m.type === 'org' && words.length > 1) orgsByFirst.set(words[0]!, (orgsByFirst.get(words[0]!) ?? new Set<string>()).add(m.surface));
  }
  for (const m of mentions) {
    if (m.type === 'person' && !m.name && !/\s/.test(m.surface) && !personWords.has(m.surface) && orgsByFirst.get(m.surface)?.size === 1) m.type = 'org';
  }
}

const SURNAME_PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'du', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'ten', 'ter', 'af', 'le', 'la']);

/**
 * A one-word person ("Okafor") joins the only longer person with that surname ("Ngozi
 * Okafor"), or else with that given name ("Tedros"), and a one-word organization the only longer one it begins ("Tencent" after
 * "Tencent Holdings"); with two candidates it stays apart rather than guess.
 */
function surnameMerger(mentions: readonly Mention[], knowledge: Knowledge): (mention: Mention) => string {
  // "De Graaf" after "Thijs de Graaf": a surname's particle is capitalized where it opens the name.
  const nameWords = (surface: string): string[] => surface.split(/\s+/).map((w) => (SURNAME_PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : w));
  const people = [...new Set(mentions.filter((m) => m.type === 'person').map((m) => m.surface))].map(nameWords);
  /** "Gluesenkamp Perez" after "Marie Gluesenkamp Perez", "Abang Johari" before "Abang Johari Openg": the only longer name it begins or ends. */
  const fullNameOf = (m: Mention): string => {
    const own = entityId(m.type, m.name ?? m.surface);
    if (m.type !== 'person') return own;
    const words = nameWords(m.surface);
    const longer = people.filter((other) => other.length > words.length && (words.every((w, i) => other[i] === w) || words.every((w, i) => other[other.length - words.length + i] === w)));
    const longest = longer.filter((name) => !longer.some((other) => other.length > name.length));
    const ids = new Set(longest.map((name) => entityId('person', name.join(' '))));
    return ids.size === 1 && longer.every((name) => longest.some((l) => contains(l, name))) ? [...ids][0]! : own;
  };
  const byWord = new Map<string, Set<string>>();
  const keyOfWord = (type: EntityType, word: string): string => `${type}\u0000${slugify(word)}`;
  for (const m of mentions) {
    const words = m.surface.split(/\s+/);
    // "Rakhine" and "Rakhine State": a region named with and without its category word.
    const region = m.type === 'place' && words.length === 2 && /^(?:State|Province|Region|Oblast|Prefecture|Governorate)$/.test(words[1]!);
    const word = m.type === 'person' ? words.at(-1) : m.type === 'org' || region ? words[0] : undefined;
    // "Safaricom Ethiopia" is the company's national arm: "Safaricom" stays the company.
    if (words.length < 2 || !word || (m.type === 'org' && words.length === 2 && isCountryOrRegion(words[1]!, knowledge))) continue;
    // "IGAD Climate Prediction and Applications Centre", "UN Integrated Office": a body named after its parent's
    // acronym is not the parent; "KCB Group", "CITIC Group" are the company.
    if (m.type === 'org' && /^\p{Lu}{2,}$/u.test(word) && !words.slice(1).every((w) => CONTEXT.businessWords.has(w))) continue;
    const key = keyOfWord(m.type, word);
    byWord.set(key, (byWord.get(key) ?? new Set<string>()).add(fullNameOf(m)));
    if (m.type === 'person') {
      const given = `given\u0000${slugify(words[0]!)}`;
      byWord.set(given, (byWord.get(given) ?? new Set<string>()).add(fullNameOf(m)));
    }
  }
  // "JPL" after "Jet Propulsion Laboratory", "CBK" after "Central Bank of Kenya": an acronym that
  // spells the capitals of the only longer organization with those initials is that one.
  const byInitials = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.type !== 'org' || !/\s/.test(m.surface)) continue;
    const letters = m.surface.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.charAt(0)).join('');
    if (letters.length >= 2) byInitials.set(letters, (byInitials.get(letters) ?? new Set<string>()).add(fullNameOf(m)));
  }
  return (mention) => {
    const own = entityId(mention.type, mention.name ?? mention.surface);
    // A national team is its country's name, not a short name of the country's board or federation.
    if (mention.team) return own;
    if (/\s/.test(mention.surface)) return fullNameOf(mention);
    const spelled = mention.type === 'org' && !mention.name && /^\p{Lu}{2,}$/u.test(mention.surface) ? byInitials.get(mention.surface) : undefined;
    if (spelled?.size === 1) return [...spelled][0]!;
    // Not a city named like its state ("Lagos" and "Lagos State" are two places).
    const isCity = knowledge.aliases.get(mention.surface)?.some((sense) => /^(?:city|town)$/.test(knowledge.entries[sense.entry]!.kind)) ?? false;
    if (mention.type === 'place' && !isCity) {
      const region = byWord.get(keyOfWord('place', mention.surface));
      return region?.size === 1 ? [...region][0]! : own;
    }
    if (mention.type !== 'person' && mention.type !== 'org') return own;
    // A person named by the given name alone ("Tedros") when no one has it as a surname.
    const longer = byWord.get(keyOfWord(mention.type, mention.surface)) ?? (mention.type === 'person' ? byWord.get(`given\u0000${slugify(mention.surface)}`) : undefined);
    return longer?.size === 1 ? [...longer][0]! : own;
  };
}

function contains(words: readonly string[], part: readonly string[]): boolean {
  for (let i = 0; i + part.length <= words.length; i++) if (part.every((w, k) => words[i + k] === w)) return true;
  return false;
}

/**
 * The entity's id comes from the knowledge's canonical name when there is one, so it is
 * the same in every article; its display name is that name when the article uses it, or
 * else the fullest name the article uses ("Democratic Republic of Congo" for the entry
 * "DR Congo"), or the form it writes when it writes only one, an acronym too ("EU" for the
 * entry "European Union").
 */
function toEntity(mentions: Mention[]): ArticleEntity {
  const first = mentions[0]!;
  const known = mentions.find((m) => m.name)?.name;
  const fullest = canonicalSurface(mentions);
  // The article's own spelling of the known name ("Baghdad" for GeoNames' "Baghdād").
  const knownAsWritten = known === undefined ? undefined : mentions.find((m) => slugify(m.surface) === slugify(known))?.surface;
  // The fullest form the article writes ("Tencent Holdings" over the known "Tencent").
  // Not a product or service named after it ("Google Hotels", "Google Flights"): the words added to the known name
  // must be an organization's head words ("Holdings", "Group").
  const added = knownAsWritten !== undefined && fullest.startsWith(`${knownAsWritten} `) ? fullest.slice(knownAsWritten.length + 1).split(/\s+/) : [];
  const fullerThanKnown =
    knownAsWritten !== undefined && wordCount(fullest) > wordCount(knownAsWritten) && added.every((w) => CONTEXT.orgHeads.has(w) || CONTEXT.businessWords.has(w));
  // An article that writes only another word for a known name ("Britain", or only its acronym, "EU",
  // "UN") is shown that word, as its reader knows it; not when it is a word of the name ("Acme": "Acme
  // Widgets") or a capital for its country ("Beijing": "China").
  const knownWords = new Set((known ?? '').split(/\s+/));
  const ownWord = mentions.every((m) => !m.standsFor && !/\s/.test(m.surface) && !knownWords.has(m.surface));
  // "Democratic Action" for "Democratic Action Party" (a head shared with another name, "… and People's Justice parties"):
  // a name written short of its head word alone is shown in full.
  const shortOfHead = known !== undefined && known.startsWith(`${fullest} `) && CONTEXT.orgHeads.has(known.slice(fullest.length + 1));
  const name = fullerThanKnown ? fullest : knownAsWritten ?? (known === undefined || shortOfHead || (wordCount(fullest) < 2 && !ownWord) ? known ?? fullest : fullest);
  const spans = mentions.map((m): Span => [m.start, m.end]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const aliases = [...new Set([name, ...mentions.map((m) => m.surface)])].sort(compareStrings);
  return { id: entityId(first.type, known ?? name), type: first.type, name, aliases, count: spans.length, mentions: spans };
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
