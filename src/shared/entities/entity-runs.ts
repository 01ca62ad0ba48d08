/**
 * Names the knowledge does not cover: runs of capitalized proper-noun tokens, typed by
 * general linguistic evidence (see entity-context.ts): a title or role before a person,
 * a first name, organization and place head words, company words, a reporting verb, a
 * surname the article gives with an honorific elsewhere. With no evidence a run is left
 * out: precision over recall where the evidence is thin.
 */
import type { EntityType } from '../archive-format';
import type { Candidate } from './entity-candidates';
import { CONTEXT, isSportsSentence } from './entity-context';
import { isSurnameInText, isToldOutlet, localCue } from './entity-cues';
import { followsBodyNoun, hasBodyApposition } from './entity-appositions';
import { foldAccents, isCountryOrRegion, isPersonalNameWord, normalizeSurface, type Knowledge } from './knowledge';
import type { Token } from './nlp-tokens';

type Run = Token[];

/** Lower-case name particles allowed between two names ("Rebelo de Sousa", "Erik ten Hag"). */
const NAME_PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'du', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'ten', 'ter', 'la', 'le', 'los', 'las', 'bin', 'binti', 'binte', 'ibn', 'anak', 'e', 'y']);
/** Particles that, like "of", join an organization's lead word to the rest ("Centro de Estudios", "Museo del Oro"). */
const OF_WORDS = new Set(['of', 'for', 'de', 'del', 'do', 'da', 'dos', 'das', 'des', 'du', 'di', 'della', 'degli']);
/** Lower-case words that join the parts of an organization or place name ("Bank of England"). */
const STRUCTURE_WORDS = new Set(['of', 'for', 'and', '&', 'the', 'on']);
/** The capitalized articles of the Romance languages that open names of papers, groups and places ("La Nation", "Los Lobos"). */
const ROMANCE_ARTICLES = new Set(['La', 'Le', 'Les', 'Los', 'Las', 'El', 'Il', 'Lo']);
/** Arabic particles written before a hyphen ("al-Saadi"). */
const PARTICLES = /^(?:al|el|ad|ash|bin|ibn|abu)$/;

export function typeRuns(
  text: string,
  tokens: readonly Token[],
  known: readonly Candidate[],
  knowledge: Knowledge,
  titleEnd: number,
  titleIsCased: boolean,
): { found: Candidate[]; overridden: Set<Candidate>; untyped: Run[] } {
  const context: RunContext = {
    text,
    tokens,
    knowledge,
    indexOf: new Map(tokens.map((t, i) => [t, i])),
    surnames: titledSurnames(text),
    knownOrgs: [...new Set(known.filter((c) => c.type === 'org' && c.name).map((c) => c.name!))],
    loneNames: new Set(),
  };
  const runs = properNounRuns(context);
  // Words that stand alone as a name somewhere in the article: a surname used again on its own ("Bumrah" after "Jasprit Bumrah").
  for (const run of runs) if (run.length === 1 && !known.some((c) => c.start === run[0]!.start)) context.loneNames.add(run[0]!.text);
  const found: Candidate[] = [];
  const overridden = new Set<Candidate>();
  const untyped: Run[] = [];
  for (const raw of runs) {
    if (raw[0]!.start < titleEnd && titleIsCased) continue;
    for (const { run, titled } of splitAtRoles(raw, context)) {
      const start = run[0]!.start;
      const end = run.at(-1)!.end;
      const inside = known.filter((c) => c.start < end && start < c.end);
      const whole = wholeRunType(run, inside, titled, context);
      if (whole) {
        found.push({ start, end: numberedEnd(run, whole, context), type: whole });
        for (const c of inside) overridden.add(c);
        continue;
      }
      for (const part of uncovered(run, inside)) {
        const candidate = typePart(part, titled && part[0] === run[0], context);
        if (candidate) found.push({ ...candidate, end: numberedEnd(part, candidate.type, context, candidate.end) });
        else if (part.length === run.length) untyped.push(part);
      }
    }
  }
  return { found, overridden, untyped };
}

/** "State Highway 2", "Launch Complex 1": a road's or a facility's number after its head word is part of its name. */
function numberedEnd(run: Run, type: EntityType, context: RunContext, end = run.at(-1)!.end): number {
  const last = run.at(-1)!;
  if (type !== 'place' || end !== last.end || !CONTEXT.numberedHeads.has(last.text)) return end;
  const next = context.tokens[(context.indexOf.get(last) ?? 0) + 1];
  return next && next.start === last.end + 1 && /^(?:\d{1,4}[A-Z]?|[IVX]{1,4})$/.test(next.text) ? next.end : end;
}

interface RunContext {
  text: string;
  tokens: readonly Token[];
  knowledge: Knowledge;
  indexOf: ReadonlyMap<Token, number>;
  surnames: ReadonlySet<string>;
  knownOrgs: readonly string[];
  loneNames: Set<string>;
}

// ---------------------------------------------------------------------------------------
// Building runs

/**
 * Maximal runs of capitalized name tokens on one line, joined by hyphens without spaces
 * ("Al-Saadi", "al-Saadi"), name particles ("Rebelo de Sousa") and structure words
 * ("Bank of England"); a run joined by structure words stays whole only when it reads
 * as one organization or place name, else it falls apart at them.
 */
function properNounRuns(context: RunContext): Run[] {
  const { text, tokens, knowledge } = context;
  const runs: Run[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    while (current.length && !isNameToken(current.at(-1)!, knowledge)) current.pop();
    if (current.length) {
      const at = context.indexOf.get(current[0]!) ?? 0;
      const inList = tokens[at - 1]?.text === ',' && tokens[at - 2] !== undefined && isNameToken(tokens[at - 2]!, knowledge);
      for (const part of splitAtPossessives(current)) runs.push(...splitAtStructureWords(part, knowledge, standsAlone, inList && part[0] === current[0]));
    }
    current = [];
  };
  const gap = (a: Token, b: Token): string => text.slice(a.end, b.start);
  const standsAlone = (word: string): boolean => alone(text, word);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = current.at(-1);
    if (isNameToken(token, knowledge) || startsParticleName(tokens, i) || startsWithDemonym(tokens, i, knowledge, gap) || startsWithArticle(tokens, i, knowledge, gap)) {
      if (previous && !(gap(previous, token) === ' ' || (gap(previous, token) === '' && (previous.text === '-' || previous.text === '–')))) flush();
      current.push(token);
      continue;
    }
    if (previous && (joins(token, previous, tokens, i, gap, knowledge) || isPortfolioList(current, tokens, i, knowledge))) {
      current.push(token);
      continue;
    }
    flush();
  }
  flush();
  return runs
    .map((run) => dropLeadingDemonym(keepsOpening(run, context) ? run : trimLeadingCommonWord(run, knowledge), knowledge))
    .filter((run) => run.length > 0 && !CONTEXT.nonEntityHeads.has(run.at(-1)!.text));
}

/**
 * "Addenbrooke's Hospital", "King's College", "People's Defence Force": a possessive inside an
 * institution's name. Not a known name's or a person's ("Kenya's Safaricom", "Biden's
 * Justice Department"); such runs are split again unless they end in a head word (`splitAtPossessives`).
 */
function canOwnInName(owner: Token, tokens: readonly Token[], i: number, knowledge: Knowledge): boolean {
  // "St Mary's Hospital", "Saint John's College": a saint's name owns institutions.
  if (/^(?:St\.?|Saint|San|Santa)$/.test(tokens[i - 2]?.text ?? '') && /^\p{Lu}/u.test(tokens[i + 1]?.text ?? '')) return true;
  // "Hawke's Bay Regional Council": a known place written with a possessive opens a longer name like any place (kept whole only before a head word).
  if (knowledge.aliases.has(`${owner.text}'s ${tokens[i + 1]?.text ?? ''}`) && /^\p{Lu}/u.test(tokens[i + 2]?.text ?? '') && tokens[i + 2]!.start === tokens[i + 1]!.end + 1) return true;
  if (knowledge.aliases.has(owner.text) || knowledge.firstNames.has(owner.text.toLowerCase()) || /^\p{Lu}{2,}$/u.test(owner.text)) return false;
  if (knowledge.commonWords.has(owner.text.toLowerCase())) return true;
  // Any other owner ("Addenbrooke's Hospital", not "Boric's Broad Front") before one head word only.
  const named = tokens[i + 1]!;
  const after = tokens[i + 2];
  const one = after === undefined || !/^\p{Lu}/u.test(after.text) || after.start > named.end + 1;
  return !knowledge.nameParts.has(owner.text) && one && (CONTEXT.orgHeads.has(named.text) || CONTEXT.placeHeads.has(named.text));
}

/** A run joined at a possessive stays whole only when it names an organization or place by its head word. */
function splitAtPossessives(run: Run): Run[] {
  if (!run.some((t) => t.text === "'s")) return [run];
  const last = run.at(-1)!.text;
  if (CONTEXT.orgHeads.has(last) || CONTEXT.placeHeads.has(last) || (CONTEXT.orgHeads.has(run.at(-2)?.text ?? '') && /^\p{Lu}{2,}$/u.test(last))) return [run];
  const parts: Run[] = [];
  let current: Token[] = [];
  for (const token of run) {
    if (token.text !== "'s") current.push(token);
    else {
      parts.push(current);
      current = [];
    }
  }
  parts.push(current);
  return parts.filter((part) => part.length > 0);
}

function joins(token: Token, previous: Token, tokens: readonly Token[], i: number, gap: (a: Token, b: Token) => string, knowledge: Knowledge): boolean {
  const next = tokens[i + 1];
  if (!next) return false;
  const previousIsName = isNameToken(previous, knowledge) || PARTICLES.test(previous.text);
  if (token.text === '-') return previousIsName && gap(previous, token) === '' && gap(token, next) === '' && isNameToken(next, knowledge);
  // "CDS–People's Party": a party's acronym joined to its name by a dash; "Ba Ria–Vung Tau": two names no list knows, one place.
  if (token.text === '–') {
    const joinable = /^\p{Lu}{2,}$/u.test(previous.text) || (!knowledge.aliases.has(previous.text) && !knowledge.aliases.has(next.text) && previous.pos === 'PROPN' && next.pos === 'PROPN');
    return joinable && gap(previous, token) === '' && gap(token, next) === '' && isNameToken(next, knowledge);
  }
  if (token.text === "'s") return gap(previous, token) === '' && gap(token, next) === ' ' && isNameToken(next, knowledge) && canOwnInName(previous, tokens, i, knowledge);
  // "Korean Metal Workers' Union", "Fonterra Shareholders' Fund": a plural's apostrophe before a body's head word is inside its name.
  if (token.text === "'" || token.text === '’') return /\p{Ll}s$/u.test(previous.text) && gap(previous, token) === '' && gap(token, next) === ' ' && CONTEXT.orgHeads.has(next.text);
  const lower = token.text.toLowerCase();
  if (gap(previous, token) !== ' ' || gap(token, next) !== ' ') return false;
  // "Gutiérrez de la Barra", "van der Berg": a chain of particles between two names.
  if (NAME_PARTICLES.has(token.text)) {
    const previousJoins = previousIsName || NAME_PARTICLES.has(previous.text);
    const nextJoins = isNameToken(next, knowledge) || (NAME_PARTICLES.has(next.text) && tokens[i + 2] !== undefined && isNameToken(tokens[i + 2]!, knowledge));
    return previousJoins && nextJoins;
  }
  if (!STRUCTURE_WORDS.has(lower) || token.text !== lower && token.text !== '&') return false;
  // "of the", "for the": a second structure word before the next name.
  const afterNext = tokens[i + 2];
  // "Monuments Board of the Slovak Republic": a demonym opens the name after "of the" as at a run's start.
  const isHead = (t: Token | undefined): boolean => t !== undefined && !t.sentenceStart && (CONTEXT.orgHeads.has(t.text) || CONTEXT.orgLeads.has(t.text));
  const afterHead = (lower === 'of' && isHead(previous)) || (lower === 'the' && previous.text === 'of' && isHead(tokens[i - 2]));
  const opensName = (at: number): boolean => isNameToken(tokens[at]!, knowledge) || (afterHead && startsWithDemonym(tokens, at, knowledge, gap));
  const nextJoins = opensName(i + 1) || (next.text === 'the' && afterNext !== undefined && opensName(i + 2));
  return (previousIsName || previous.text === 'of' || previous.text === 'for') && nextJoins && !(lower === 'the' && previousIsName);
}

/**
 * "Ministry of Economy, Trade and Industry": after "Ministry of" (or another lead word and
 * "of"), a comma list of portfolios closed by "and" is part of the name.
 */
function isPortfolioList(current: readonly Token[], tokens: readonly Token[], i: number, knowledge: Knowledge): boolean {
  if (tokens[i]?.text !== ',') return false;
  const at = current.findIndex((t, k) => CONTEXT.orgLeads.has(t.text) && current[k + 1]?.text === 'of');
  if (at < 0) return false;
  let k = i;
  // "Energy, Water Resources and Irrigation": a portfolio may take more than one word.
  while (tokens[k]?.text === ',' && tokens[k + 1] && isNameToken(tokens[k + 1]!, knowledge)) {
    k += 2;
    while (k < i + 12 && tokens[k] && tokens[k]!.start === tokens[k - 1]!.end + 1 && isNameToken(tokens[k]!, knowledge)) k++;
  }
  return k > i && tokens[k]?.text === 'and' && tokens[k + 1] !== undefined && isNameToken(tokens[k + 1]!, knowledge);
}

/**
 * Keeps "Commonwealth Scientific and Industrial Research Organisation" and "University of
 * Lagos" whole, splits "Dangote Cement and MTN Nigeria" and "Carla Mendez of the U.S.
 * District Court": "of", "for" and "the" join after a lead or head word, "and" unless
 * what stands before it is a whole name already.
 */
function splitAtStructureWords(run: Run, knowledge: Knowledge, standsAlone: (word: string) => boolean, inList: boolean): Run[] {
  const parts: Run[] = [];
  let current: Token[] = [];
  run.forEach((token, i) => {
    // "by Standard Bank, Société Générale and Rabobank": after a name and a comma, "and" closes the list.
    const listAnd = inList && token.text === 'and';
    if (!STRUCTURE_WORDS.has(token.text) || (!listAnd && isJustified(run, i, current, knowledge, standsAlone))) {
      current.push(token);
      return;
    }
    if (current.length) parts.push(current);
    current = [];
  });
  if (current.length) parts.push(current);
  return parts
    .map((part) => {
      const trimmed = [...part];
      while (trimmed.length && STRUCTURE_WORDS.has(trimmed.at(-1)!.text)) trimmed.pop();
      while (trimmed.length && STRUCTURE_WORDS.has(trimmed[0]!.text)) trimmed.shift();
      return trimmed;
    })
    .filter((part) => part.some((t) => isNameToken(t, knowledge)));
}

/** "Mercury" in "Mercury and Contact Energy" when the article also writes "Mercury, which …": the word is a name on its own there. */
function alone(text: string, word: string): boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])(?!\\s+(?:(?:and|of|&)\\s+)?\\p{Lu})`, 'gu');
  return pattern.test(text);
}

function isJustified(run: Run, i: number, before: readonly Token[], knowledge: Knowledge, standsAlone: (word: string) => boolean): boolean {
  const word = run[i]!.text;
  const previous = run[i - 1];
  if (!previous) return false;
  if (word === 'the') return previous.text === 'of' || previous.text === 'for' || previous.text === 'on';
  if (word === '&') return true;
  if (word === 'and') {
    const left = before.filter((t) => /\p{L}/u.test(t.text));
    const right = run.slice(i + 1).filter((t) => /\p{L}/u.test(t.text));
    const whole =
      (left.length >= 2 && right.length >= 2 &&
        (CONTEXT.orgHeads.has(left.at(-1)!.text) || isCompanyRun(left, knowledge) || knowledge.firstNames.has(foldAccents(left[0]!.text.toLowerCase())) ||
          // "Banco Nacional de Bolivia and Banco Mercantil Santa Cruz": two names, each with its own head word.
          ((headType(left) === 'org' || left.some((t) => CONTEXT.orgHeads.has(t.text))) && headType(right) === 'org' && !joinsFields(left, right, knowledge)))) ||
      // "JetBlue and Spirit Airlines": a known name, then another.
      (left.length === 1 && knowledge.aliases.has(left[0]!.text) && headType(right) === 'org') ||
      // "Gemadept and Saigon Newport Corporation", "Mercury and Contact Energy": a one-word name (no ordinary word, or one the
      // article writes alone elsewhere), then a company; "Maritime and Port Authority" stays one name.
      (left.length === 1 && right.length >= 2 && (headType(right) === 'org' || isCompanyRun(right, knowledge)) &&
        (!isCommon(left[0]!.text, knowledge) || standsAlone(left[0]!.text)));
    return !whole && headType(run) === 'org';
  }
  // "Secretary of State Steve Hobbs": a title, "of", its office and a name (split again at the role).
  if (word === 'of' && CONTEXT.titles.has(previous.text.toLowerCase()) && /^\p{Lu}/u.test(run[i + 1]?.text ?? '') && /^\p{Lu}/u.test(run[i + 2]?.text ?? '')) return true;
  // "Institute for the Study of War": a later "of" in a chain that a lead word opened.
  const chain = before.some((t, k) => isLeadOrHead(t.text) && STRUCTURE_WORDS.has(before[k + 1]?.text ?? ''));
  return isLeadOrHead(previous.text) || (chain && !isPersonLike(before, knowledge));
}

/**
 * "Association of the Indonesian Tours and Travel Agencies", "Ministry of Health and Social Care": after a lead
 * word and "of", two fields named by ordinary words are one name's ("Bank of Georgia and TBC Bank" are two).
 */
function joinsFields(left: readonly Token[], right: readonly Token[], knowledge: Knowledge): boolean {
  const leadOf = left.some((t, k) => CONTEXT.orgLeads.has(t.text) && left[k + 1]?.text === 'of');
  const field = left.at(-1)!.text;
  return leadOf && !CONTEXT.orgHeads.has(field) && isCommon(field, knowledge) && isCommon(right[0]!.text, knowledge);
}

function isLeadOrHead(word: string): boolean {
  return CONTEXT.orgLeads.has(word) || CONTEXT.orgHeads.has(word) || CONTEXT.placeLeads.has(word) || CONTEXT.placeHeads.has(word);
}

function isPersonLike(tokens: readonly Token[], knowledge: Knowledge): boolean {
  const first = tokens[0];
  return first !== undefined && knowledge.firstNames.has(foldAccents(first.text.toLowerCase()));
}


function isNameToken(token: Token, knowledge: Knowledge): boolean {
  if (!/^\p{Lu}/u.test(token.text)) return false;
  if (knowledge.demonyms.has(token.text) || CONTEXT.notNames.has(token.text)) return false;
  if (token.pos === 'PROPN') return true;
  // At a sentence start a capital proves nothing; a noun or verb there may still open a name
  // ending in a head word ("Hang Seng Bank"), which trimLeadingCommonWord keeps whole.
  if (token.sentenceStart) return token.pos === 'NOUN' || token.pos === 'VERB' || token.pos === 'X';
  return token.pos === 'NOUN' || token.pos === 'ADJ' || token.pos === 'X' || token.pos === 'VERB';
}

/** "Chinese Academy of Sciences", "Portuguese Communist Party": a demonym may open a name. */
function startsWithDemonym(tokens: readonly Token[], i: number, knowledge: Knowledge, gap: (a: Token, b: Token) => string): boolean {
  const [token, next] = [tokens[i], tokens[i + 1]];
  return token !== undefined && next !== undefined && knowledge.demonyms.has(token.text) && gap(token, next) === ' ' && isNameToken(next, knowledge);
}

/** "La Prensa", "Los Choneros": a Romance article, which the tagger reads as a determiner, opens the name after it. */
function startsWithArticle(tokens: readonly Token[], i: number, knowledge: Knowledge, gap: (a: Token, b: Token) => string): boolean {
  const [token, next] = [tokens[i], tokens[i + 1]];
  return token !== undefined && next !== undefined && ROMANCE_ARTICLES.has(token.text) && gap(token, next) === ' ' && isNameToken(next, knowledge);
}

/** ... but only an organization or place name: "Iraqi Kurdish leader" keeps no demonym. */
function dropLeadingDemonym(run: Run, knowledge: Knowledge): Run {
  if (!run[0] || !knowledge.demonyms.has(run[0].text) || headType(run)) return run;
  return run.slice(1);
}

/** Lower-case particles of Arabic surnames: "al-Saadi". */
function startsParticleName(tokens: readonly Token[], i: number): boolean {
  const [token, hyphen, name] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  return (
    token !== undefined && PARTICLES.test(token.text) &&
    hyphen?.text === '-' && hyphen.start === token.end &&
    name !== undefined && name.start === hyphen.end && /^\p{Lu}/u.test(name.text)
  );
}

/**
 * "Hope Mwinyimkuu, who chairs …", "Precious Banda, 34, said", "Summer Tait, a company spokeswoman,": a
 * sentence opening with an ordinary word that is also a given name, then one more name word and what only
 * follows a person (", who", an age in commas, a role in apposition), opens with that person's name, not
 * with the word.
 */
function personFollows(run: Run, context: RunContext): boolean {
  const { tokens, knowledge } = context;
  const words = run.filter((t) => /\p{L}/u.test(t.text));
  if (words.length !== 2 || !run[0]!.sentenceStart || !isPersonalNameWord(run[0]!.text, knowledge) || isCommon(words[1]!.text, knowledge)) return false;
  const last = context.indexOf.get(run.at(-1)!) ?? 0;
  if (tokens[last + 1]?.text !== ',') return false;
  const next = tokens[last + 2]?.text ?? '';
  return /^(?:who|whose)$/.test(next) || (/^(?:[1-9]|[1-9]\d)$/.test(next) && tokens[last + 3]?.text === ',') || hasRoleApposition(run, context);
}

/** A sentence's opening word that is a name by what follows it, whatever a dictionary says of it ("Hope", "Moody's"). */
function keepsOpening(run: Run, context: RunContext): boolean {
  return personFollows(run, context) || possessiveName(run, (context.indexOf.get(run.at(-1)!) ?? 0) + 1, context) !== undefined;
}

/** "Turns", "Prices" at the start of a sentence are capitalized words, not names. */
function trimLeadingCommonWord(run: Run, knowledge: Knowledge): Run {
  if (headType(run) || isCompanyRun(run.filter((t) => /\p{L}/u.test(t.text)), knowledge)) return run;
  let rest = run;
  // A title opening the sentence ("Professor Giulia Ferrante") stays: it is evidence, split off later.
  const isTitle = (t: Token): boolean => CONTEXT.titles.has(t.text.replace(/\.$/, '').toLowerCase()) && run.length > 1;
  // "Jean-Aimé Rakotomalala": a word joined by a hyphen to a capitalized one is part of a compound name, not a word of the sentence.
  const hyphenated = (r: Run): boolean => r[1]?.text === '-' && r[1].start === r[0]!.end && r[2] !== undefined && r[2].start === r[1].end && /^\p{Lu}/u.test(r[2].text);
  // "La Prensa reported": a Romance article opening the sentence opens the name.
  const article = (r: Run): boolean => ROMANCE_ARTICLES.has(r[0]!.text) && r.length > 1 && /^\p{Lu}/u.test(r[1]!.text);
  while (rest[0]?.sentenceStart && isCommon(rest[0].text, knowledge) && !knowledge.firstNames.has(rest[0].text.toLowerCase()) && !isTitle(rest[0]) && !hyphenated(rest) && !article(rest)) {
    const [, ...others] = rest;
    rest = others;
    while (rest[0] && !/^\p{Lu}/u.test(rest[0].text)) rest = rest.slice(1);
    if (rest[0]) rest = [{ ...rest[0], sentenceStart: true }, ...rest.slice(1)];
  }
  return rest;
}

function isCommon(word: string, knowledge: Knowledge): boolean {
  return knowledge.commonWords.has(word.toLowerCase());
}

/**
 * "Chief Financial Officer Wendell Huang", "Bank of England Governor Andrew Bailey": the
 * role splits the run; what follows it is a titled person, what precedes it its own name.
 */
function splitAtRoles(run: Run, context: RunContext): { run: Run; titled: boolean }[] {
  // "Universidad Mayor de San Andrés", "Estadio General Pablo Rojas": a name that opens with its head word holds no title.
  if (CONTEXT.headFirstOrgLeads.has(run[0]!.text) || CONTEXT.placeLeads.has(run[0]!.text)) return [{ run, titled: false }];
  let last = -1;
  const wordAt = (i: number): string => run[i]?.text.replace(/\.$/, '').toLowerCase() ?? '';
  run.forEach((token, i) => {
    const word = wordAt(i);
    if (i < run.length - 1 && (CONTEXT.titles.has(word) || CONTEXT.roleWords.has(word) || isCompoundTitle(wordAt(i - 1), word, wordAt(i + 1)))) last = i;
  });
  // "Secretary of State Steve Hobbs", "Minister of Finance Ana Ruiz": the office after "of" is part of the title.
  if (last >= 0 && run[last + 1]?.text === 'of' && /^\p{Lu}/u.test(run[last + 2]?.text ?? '') && last + 3 < run.length && run.slice(last + 3).every((t) => /^\p{Lu}/u.test(t.text))) last += 2;
  const before = context.tokens[(context.indexOf.get(run[0]!) ?? 0) - 1];
  const honorific = before !== undefined && CONTEXT.honorifics.has(before.text.replace(/\.$/, ''));
  const cued =
    honorific ||
    hasRoleBefore(run, context) ||
    (before !== undefined && before.text === before.text.toLowerCase() && (CONTEXT.personCues.has(before.text.replace(/\.$/, '').toLowerCase()) || (CONTEXT.reportingVerbs.has(before.text) && !isToldOutlet(run, before, context) && !opensReportedClause(run, context)))) ||
    hasRoleApposition(run, context) ||
    hasAgeApposition(run, context) ||
    hasRelativeWho(run, context);
  if (last < 0) return [{ run, titled: cued }];
  const person = run.slice(last + 1).filter((t, i) => i > 0 || /^\p{Lu}/u.test(t.text));
  // "General Staff", "Chief Justice": no name follows the role.
  const oneWord = person.filter((t) => /\p{L}/u.test(t.text));
  const isRole = (t: Token): boolean => CONTEXT.titles.has(t.text.toLowerCase()) || CONTEXT.roleWords.has(t.text.toLowerCase());
  // A personal title ("Professor", "President") before one capitalized word still makes it a name; a rank or office ("General", "Chief") needs a known name part.
  const personal = CONTEXT.personalTitles.has(run[last]!.text.replace(/\.$/, '').toLowerCase());
  const lone = oneWord[0];
  // "Ukraine's General Staff": after a rank, an ordinary word is the rest of an institution's name.
  const nameAfterRank = (t: Token): boolean => context.surnames.has(t.text) || (context.knowledge.nameParts.has(t.text) && !isCommon(t.text, context.knowledge));
  if (lone && oneWord.length === 1 && (isRole(lone) || (!personal && !nameAfterRank(lone)))) return [{ run, titled: cued }];
  // "General Court", "Premier Soccer League", "Queen Elizabeth Hospital": an institution named with a title's word.
  if (person.some((t) => CONTEXT.orgHeads.has(t.text) || CONTEXT.placeHeads.has(t.text))) return [{ run, titled: false }];
  // "Abdirahman Sheikh Nur": a title's word between a given name and a name part is part of the name.
  const opener = run[0]!;
  if (last === 1 && person.length === 1 && !opener.sentenceStart && !context.knowledge.aliases.has(opener.text) &&
    (context.knowledge.givenNames.has(opener.text.toLowerCase()) || context.knowledge.firstNames.has(opener.text.toLowerCase())) && context.knowledge.nameParts.has(person[0]!.text)) {
    return [{ run, titled: true }];
  }
  const rest = run.slice(0, last + 1);
  // The role's own words ("Chief Financial Officer") are not a name; a name before them is.
  const roleStart = rest.findIndex((t, i) => rest.slice(i).every((w) => CONTEXT.titles.has(w.text.replace(/\.$/, '').toLowerCase()) || CONTEXT.roleWords.has(w.text.toLowerCase()) || CONTEXT.roleModifiers.has(w.text.toLowerCase()) || STRUCTURE_WORDS.has(w.text)));
  const head = roleStart > 0 ? rest.slice(0, roleStart) : [];
  while (head.length && STRUCTURE_WORDS.has(head.at(-1)!.text)) head.pop();
  const parts: { run: Run; titled: boolean }[] = [];
  if (head.length) parts.push({ run: head, titled: false });
  if (person.length) parts.push({ run: person, titled: true });
  return parts;
}

function isPluralNoun(word: string, knowledge: Knowledge): boolean {
  return /\p{Ll}s$/u.test(word) && isCommon(word, knowledge) && isCommon(word.slice(0, -1), knowledge) && !knowledge.nameParts.has(word);
}

function ownsBusinessRole(run: Run, context: RunContext): boolean {
  const last = context.indexOf.get(run.at(-1)!) ?? 0;
  return context.tokens[last + 1]?.text === "'s" && /^(?:chief|ceo|cfo|chairman|chairwoman|shareholders|executives|employees|board)$/.test(context.tokens[last + 2]?.text ?? '');
}

/** "Quaye said Cocobod had cut its arrears": a name after "said" with a verb of its own is the subject of what was said, not the speaker. */
function opensReportedClause(run: Run, context: RunContext): boolean {
  const next = context.tokens[(context.indexOf.get(run.at(-1)!) ?? 0) + 1]?.text ?? '';
  return /^(?:had|has|have|was|were|is|are|would|will|could|should|might|can|did|does|do)$/.test(next);
}

/** Malay compound honorifics: "Datuk Seri", "Tan Sri", "Puan Sri" ("Tan" alone is a surname, "Sri Aman" a place). */
function isCompoundTitle(previous: string, word: string, next: string): boolean {
  const seri = (w: string): boolean => w === 'seri' || w === 'sri';
  if (seri(word)) return CONTEXT.compoundTitleOpeners.has(previous);
  return (word === 'tan' || word === 'puan') && seri(next);
}

/** "Priya Natarajan, head of Asia equity strategy", "Jean Kaseya, the director-general": a role after a comma. */
function hasRoleApposition(run: Run, context: RunContext): boolean {
  const index = context.indexOf.get(run.at(-1)!) ?? 0;
  if (context.tokens[index + 1]?.text !== ',') return false;
  for (let i = index + 2; i < index + 8; i++) {
    const token = context.tokens[i];
    // ", the director-general", ", ESA's director of science"; not ", Kenya": another name.
    const opensWithName = /^\p{Lu}/u.test(token?.text ?? '') && i === index + 2 && !/^(?:The|A|An)$/.test(token!.text) && context.tokens[i + 1]?.text !== "'s";
    if (!token || token.text === ',' || token.text === '.' || opensWithName) return false;
    const word = token.text.toLowerCase();
    if (CONTEXT.roleWords.has(word) || CONTEXT.personNouns.has(word) || CONTEXT.personCues.has(word) && !SHARED_ROLES.has(word) || /^(?:director|secretary|chief)-general$/.test(word)) return true;
  }
  return false;
}

/** Roles companies hold as well as people ("Metfone, its only remaining national rival"). */
const SHARED_ROLES = new Set(['leader', 'rival', 'partner', 'owner']);

/** "his former mentor, Evo Morales, who is barred": "who" after a name of two words or more (a one-word club may be "who" too). */
function hasRelativeWho(run: Run, context: RunContext): boolean {
  const index = context.indexOf.get(run.at(-1)!) ?? 0;
  const words = run.filter((t) => /\p{L}/u.test(t.text));
  return words.length >= 2 && context.tokens[index + 1]?.text === ',' && /^(?:who|whose)$/.test(context.tokens[index + 2]?.text ?? '');
}

/** "Oksana Melnyk, 46,": an age in commas after a name is a person's. */
function hasAgeApposition(run: Run, context: RunContext): boolean {
  const index = context.indexOf.get(run.at(-1)!) ?? 0;
  const [comma, age, close] = [context.tokens[index + 1], context.tokens[index + 2], context.tokens[index + 3]];
  return comma?.text === ',' && /^(?:[1-9]|[1-9]\d|10\d)$/.test(age?.text ?? '') && /^(?:,|\.|and|\))$/.test(close?.text ?? '');
}

/**
 * "the governor of the Dnipropetrovsk region, Serhiy Lysak", "the show's heroine, Yoon
 * Seo-jin": a role noun phrase, then the name after a comma, closed by a comma, a full stop
 * or a reporting verb.
 */
function hasRoleBefore(run: Run, context: RunContext): boolean {
  const { tokens } = context;
  const first = context.indexOf.get(run[0]!) ?? 0;
  const last = context.indexOf.get(run.at(-1)!) ?? 0;
  if (tokens[first - 1]?.text !== ',') return false;
  const after = tokens[last + 1]?.text ?? '.';
  if (!/^(?:,|\.|;|\))$/.test(after) && !CONTEXT.reportingVerbs.has(after)) return false;
  const sentence = tokens[first]!.sentence;
  for (let i = first - 2; i >= Math.max(0, first - 9); i--) {
    const token = tokens[i]!;
    if (token.sentence !== sentence || token.text === ',' || token.text === '.' || token.text === '"') return false;
    const word = token.text;
    if (word === word.toLowerCase() && (CONTEXT.personNouns.has(word) || CONTEXT.roleWords.has(word) || CONTEXT.personCues.has(word))) {
      // A determiner makes the role one person's: "the governor", "its chief", "the show's heroine".
      const determiner = tokens.slice(Math.max(0, i - 3), i).some((t) => /^(?:the|its|his|her|their|'s)$/i.test(t.text));
      // "AfDB director for East Africa, Nnenna Ibekwe,": a body's name before the role does what "its" does.
      const body = /^\p{Lu}/u.test(tokens[i - 1]?.text ?? '') && tokens[i - 1]!.sentence === sentence;
      if (determiner || body) return true;
    }
  }
  return false;
}

/** "chipmaker Infineon", "Safaricom, the telecoms operator", "shares of Meituan": organization evidence. */
function hasOrgEvidence(run: Run, context: RunContext): boolean {
  const { tokens } = context;
  const first = context.indexOf.get(run[0]!) ?? 0;
  const last = context.indexOf.get(run.at(-1)!) ?? 0;
  const before = tokens[first - 1]?.text ?? '';
  const before2 = tokens[first - 2]?.text.toLowerCase() ?? '';
  // "Dementia charity Alzheimer's Research UK": a possessive before a capital goes on with the name.
  const nameGoesOn = tokens[last + 1]?.text === "'s" && /^\p{Lu}/u.test(tokens[last + 2]?.text ?? '');
  if (before === before.toLowerCase() && !nameGoesOn && (CONTEXT.orgCues.has(before) || CONTEXT.orgCues.has(before.replace(/s$/, '')) || CONTEXT.orgCuesBefore.has(before))) return true;
  if ((before === 'of' || before === 'in') && before2 === 'shares') return true;
  // "listed on Nasdaq", "traded on the NZX": where shares trade is an exchange.
  const on = before === 'the' ? first - 2 : first - 1;
  if (tokens[on]?.text === 'on' && /^(?:listed|traded|trades|trading|listing|debut|debuted)$/.test(tokens[on - 1]?.text ?? '')) return true;
  if (CONTEXT.sportsOrgCues.has(before) && isSportsSentence(tokens, run[0]!.sentence)) return true;
  const after = tokens[last + 1]?.text ?? '';
  if (after === 'shares' || (after === "'s" && /^(?:shares|stock|profit|profits|revenue|revenues|chief|ceo|board|headquarters|founder|president|chairman|chairwoman|director)$/.test(tokens[last + 2]?.text ?? ''))) return true;
  // What only a business has or does, for a name no list holds as a person's: "Eisai's shareholders",
  // "Almarai's factories", "Nomu reported a net profit", "Cricova posted a loss".
  if (!run.some((t) => isPersonalNameWord(t.text, context.knowledge))) {
    if (after === "'s" && CONTEXT.businessPossessions.has(tokens[last + 2]?.text ?? '')) return true;
    if (CONTEXT.resultVerbs.has(after)) {
      for (let i = last + 2; i < last + 7; i++) {
        const word = tokens[i]?.text ?? '';
        if (CONTEXT.resultNouns.has(word)) return true;
        if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word) && !/^\d/.test(word) && !/^[$€£¥%.,]$/.test(word)) break;
      }
    }
  }
  if (reportsFinding(tokens, last, run, context)) return true;
  // "Mondulkiri, where Metfone built its network": a clause of where, not an apposition of what.
  if (after === ',' && !/^(?:where|when|who)$/.test(tokens[last + 2]?.text ?? '')) {
    for (let i = last + 2; i < last + 11; i++) {
      const token = tokens[i];
      if (!token || token.text === ',' || token.text === '.') return false;
      const word = token.text.toLowerCase();
      // "Safaricom, the telecoms operator"; a capitalized "Party" belongs to another name ("backed by the Socialist Party").
      // "Moushumi Begum, a sewing operator who escaped": the noun of a body, followed by "who", describes a person.
      if (CONTEXT.orgCues.has(token.text)) return tokens[i + 1]?.text !== 'who';
      if (CONTEXT.roleWords.has(word) || CONTEXT.personCues.has(word)) return false;
    }
  }
  return false;
}

/**
 * "Luka Kotor, the company that runs the pier", "Vela Brava, a firm based in Split": an apposition
 * whose head noun is a kind of organization, closed there (a relative word, a participle, a comma),
 * says what the name is, over a given name it opens with; "a company director", "the firm's
 * founder" describe a person by the body they work for, so the noun must end the phrase.
 */
function hasCompanyApposition(run: Run, context: RunContext): boolean {
  const { tokens } = context;
  const last = context.indexOf.get(run.at(-1)!) ?? 0;
  if (tokens[last + 1]?.text !== ',' || !/^(?:the|a|an)$/.test(tokens[last + 2]?.text ?? '')) return false;
  for (let i = last + 3; i <= last + 5; i++) {
    const word = tokens[i]?.text ?? '';
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(word) || CONTEXT.personCues.has(word) || CONTEXT.personNouns.has(word) || CONTEXT.roleWords.has(word)) return false;
    if (CONTEXT.orgCues.has(word)) return /^(?:that|which|whose|behind|based|owned|run|founded|,|\.|;)$/.test(tokens[i + 1]?.text ?? '.');
  }
  return false;
}

/**
 * "La Prensa reported that", "Kauppalehti reported on Thursday that", "Denník N found that": what
 * reports or finds that something is so, with no given name or name part and never a longer
 * name's surname in the article, is a newspaper or a broadcaster (people in news "said").
 */
function reportsFinding(tokens: readonly Token[], last: number, run: Run, context: RunContext): boolean {
  const { text } = context;
  if (!/^(?:reported|reports|revealed|found)$/.test(tokens[last + 1]?.text ?? '')) return false;
  const surface = text.slice(run[0]!.start, run.at(-1)!.end);
  const words = run.filter((t) => /\p{L}/u.test(t.text) && !(t === run[0] && ROMANCE_ARTICLES.has(t.text)));
  if (isSurnameInText(surface, text) || words.length === 0 || words.every((t) => isCommon(t.text, context.knowledge))) return false;
  if (words.some((t) => isPersonalNameWord(t.text, context.knowledge))) return false;
  for (let i = last + 2; i < last + 6; i++) {
    const word = tokens[i]?.text ?? '';
    if (word === 'that') return true;
    if (!/^(?:on|last|this|in|late|early|\p{Lu}\p{Ll}+day)$/u.test(word) && !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)$/.test(word)) return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------
// Typing runs

/**
 * Evidence that a run is one name even where known names cover part of it: an
 * organization or place head word ("Lagos State University"), company words ("Goldman
 * Sachs", "Toyota Motor"), a club's last word in a sentence about sport ("Coventry City"),
 * a role or first name before a person's name ("spokeswoman Mao Ning", "George
 * Washington"), a surname given with a title elsewhere ("Ms Okonjo-Iweala"), a place
 * preposition before a facility named after a place.
 */
function wholeRunType(run: Run, inside: readonly Candidate[], titled: boolean, context: RunContext): EntityType | undefined {
  const { knowledge, tokens, text } = context;
  const start = run[0]!.start;
  const end = run.at(-1)!.end;
  if (inside.some((c) => c.start < start || c.end > end || (c.start === start && c.end === end))) return undefined;
  const words = run.filter((t) => /\p{L}/u.test(t.text));
  if (words.length < 2) return undefined;
  const last = words.at(-1)!.text;
  // "the Chile Vamos alliance", "the Las Condes district": a category noun after the whole run.
  const cue = localCue(tokens, { run, first: context.indexOf.get(run[0]!) ?? 0, last: context.indexOf.get(run.at(-1)!) ?? 0 }, knowledge, text);
  if (cue === 'org' || cue === 'place') return cue;
  if (CONTEXT.clubHeads.has(last) && isSportsSentence(tokens, run[0]!.sentence)) return 'org';
  if (isNationalSportsBody(words, inside, context)) return 'org';
  // "the Kenyan Treasury", "the French Parliament": a demonym before a body known by one word describes whose it is;
  // the name is the body's (the demonym's run falls apart and the known body stands).
  if (words.length === 2 && knowledge.demonyms.has(words[0]!.text) && inside.length === 1 && inside[0]!.type === 'org' && inside[0]!.start === words[1]!.start && inside[0]!.end === end) return undefined;
  // "Shan State", "Lagos State": a known region or city and "State" is the state ("Islamic State" is a known name).
  if (words.length === 2 && last === 'State' && (knowledge.aliases.get(words[0]!.text) ?? []).some((sense) => knowledge.entries[sense.entry]!.type === 'place')) return 'place';
  // A place before a known organization ("US National Security Council") makes no new name.
  const endOrg = inside.find((c) => c.end === end && c.type === 'org' && /\s/.test(text.slice(c.start, c.end)));
  // A city before one ("Constanța Court of Appeal", "Paris Court of Appeal") names a local institution of its own.
  // A state or province before one ("Sarawak Legislative Assembly", "Ontario Court of Appeal") names its own too; a country's
  // national bodies are named without it.
  const placePrefix = endOrg !== undefined && inside.filter((c) => c !== endOrg).every((c) => c.type === 'place' && !isCity(text.slice(c.start, c.end), knowledge) && !isRegion(text.slice(c.start, c.end), knowledge)) && inside.length > 1;
  const head = placePrefix ? undefined : headType(run);
  if (head) return head === 'place' && !titled && ownsBusinessRole(run, context) ? 'org' : head;
  if (isCompanyRun(words, knowledge)) return 'org';
  // "MTN Nigeria", "Euronext Lisbon": a company's national arm.
  const endsInPlace = inside.some((c) => c.type === 'place' && c.end === end && c.start > start);
  const startsWithOrg = /^[\p{Lu}\d]{2,}$/u.test(words[0]!.text) || inside.some((c) => c.type === 'org' && c.start === start) || (isCompanyWord(words[0]!.text, knowledge) && !isCommon(words[0]!.text, knowledge));
  if (endsInPlace && startsWithOrg && words.length === 2) return 'org';
  // "Airtel Kenya", "Safaricom Ethiopia": a brand the article names again, then a country or region (its national arm).
  if (endsInPlace && words.length === 2 && isBrand(words[0]!.text, words[1]!.text, context)) return 'org';
  // "I&M Bank Rwanda", "Standard Chartered Bank Kenya": an organization by its head word, then its country.
  if (endsInPlace && words.length >= 3 && isCountryOrRegion(words.at(-1)!.text, knowledge) && headType(run.slice(0, run.indexOf(words.at(-1)!))) === 'org') return 'org';
  const previous = tokens[(context.indexOf.get(run[0]!) ?? 0) - 1]?.text;
  if (!titled && followsPlaceNounOf(tokens, context.indexOf.get(run[0]!) ?? 0)) return 'place';
  if (!titled && opensWithArticle(words, text) && hasOrgEvidence(run, context)) return 'org';
  if (!titled && hasCompanyApposition(run, context)) return 'org';
  if (!titled && isDescribedAsBody(run, context)) return 'org';
  if (previous !== 'at' && isPersonRun(words, titled, context)) return inside.some((c) => c.type === 'org' && c.name && !isCompanyWord(c.name, knowledge)) ? undefined : 'person';
  if (inside.length === 0 || inside.some((c) => c.type !== 'place')) return undefined;
  const before = tokens[(context.indexOf.get(run[0]!) ?? 0) - 1];
  if (before && CONTEXT.placePrepositions.has(before.text.toLowerCase()) && words.length <= 3) return 'place';
  return undefined;
}

/**
 * "the Ghana Football Association", "the Ghana Premier League", "Sri Lanka Cricket", "Cricket Australia": a
 * country's name before a sport and its body's head word, before its top league, or beside the sport alone,
 * names that country's own body, not a known body of another country ("Football Association", England's).
 */
function isNationalSportsBody(words: readonly Token[], inside: readonly Candidate[], { knowledge, text }: RunContext): boolean {
  const country = inside.find((c) => isCountryOrRegion(text.slice(c.start, c.end), knowledge));
  if (!country) return false;
  const atStart = country.start === words[0]!.start;
  if (!atStart && country.end !== words.at(-1)!.end) return false;
  const rest = words.filter((w) => w.start >= country.end || w.end <= country.start).map((w) => w.text);
  const [sport, ...heads] = rest;
  if (sport && CONTEXT.sportNames.has(sport)) return atStart ? heads.every((w) => CONTEXT.sportsBodyHeads.has(w)) && heads.length <= 1 : heads.length === 0;
  return atStart && /^(?:Premier|Super) League$/.test(rest.join(' '));
}

function isRegion(place: string, knowledge: Knowledge): boolean {
  const senses = knowledge.aliases.get(normalizeSurface(place)) ?? [];
  return senses[0] !== undefined && knowledge.entries[senses[0].entry]!.kind === 'region';
}

function isCity(place: string, knowledge: Knowledge): boolean {
  const senses = knowledge.aliases.get(normalizeSurface(place)) ?? [];
  return senses.length > 0 && senses.every((sense) => /^(?:city|town)$/.test(knowledge.entries[sense.entry]!.kind));
}

function isBrand(word: string, place: string, { knowledge, text }: RunContext): boolean {
  if (!isCountryOrRegion(place, knowledge)) return false;
  if (isCommon(word, knowledge) || knowledge.firstNames.has(word.toLowerCase()) || knowledge.nameParts.has(word) || knowledge.aliases.has(word) || knowledge.demonyms.has(word)) return false;
  return text.split(word).length > 2;
}

export function headType(run: Run): EntityType | undefined {
  const words = run.filter((t) => /\p{L}/u.test(t.text)).map((t) => t.text);
  if (words.length < 2) return undefined;
  const last = words.at(-1)!;
  const first = words[0]!;
  if ((last === 'Centre' || last === 'Center') && CONTEXT.facilityCentres.has(words.at(-2)!)) return 'place';
  if (CONTEXT.orgHeads.has(last) || CONTEXT.headFirstOrgLeads.has(first)) return 'org';
  // "Ministry of Livestock, Forestry and Range": a body named by its lead word and "of" ends in a field, not a place.
  if (CONTEXT.orgLeads.has(first) && words[1] === 'of' && CONTEXT.placeHeads.has(last) && !CONTEXT.placeLeads.has(first)) return 'org';
  if (CONTEXT.placeHeads.has(last) || CONTEXT.placeLeads.has(first) || (CONTEXT.placeLeadsOf.has(first) && words[1] === 'of')) return 'place';
  // "Electoral Tribunal of the Federal Judiciary", "Indonesian Forum for the Environment": a head word before "of" or "for" heads the name.
  if (words.some((w, i) => (CONTEXT.orgLeads.has(w) || (i > 0 && CONTEXT.orgHeads.has(w))) && OF_WORDS.has(words[i + 1] ?? ''))) return 'org';
  return undefined;
}

function isCompanyWord(word: string, knowledge: Knowledge): boolean {
  return knowledge.companyWords.has(word);
}

/** "Goldman Sachs", "Morgan Stanley", "Tokyo Electron": company-list words, or one with a business word. */
function isCompanyRun(words: readonly Token[], knowledge: Knowledge): boolean {
  const company = words.filter((w) => isCompanyWord(w.text, knowledge)).length;
  // The company list also holds ordinary words ("Scientific", "Advanced"): one name-like word is needed.
  if (company === 0 || words.every((w) => isCommon(w.text, knowledge))) return false;
  if (knowledge.firstNames.has(words[0]!.text.toLowerCase()) && company < words.length) return false;
  return words.every((w) => isCompanyWord(w.text, knowledge) || CONTEXT.businessWords.has(w.text)) && (company >= 2 || words.length >= 2 && company === 1 && words.some((w) => CONTEXT.businessWords.has(w.text)));
}

function isPersonRun(words: readonly Token[], titled: boolean, context: RunContext, reports = false): boolean {
  const { knowledge } = context;
  if (words.filter((w) => !NAME_PARTICLES.has(w.text)).length > 4) return false;
  // "K. Anbarasan": an initial opens a name.
  // "St. Charles Health System", "Saint Lucia": a saint names places and institutions, not people of news.
  if (/^(?:St\.?|Saint|San|Santa|São)$/.test(words[0]!.text)) return false;
  const capitalized = words.every((w, i) => /^\p{Lu}\p{Ll}/u.test(w.text) || NAME_PARTICLES.has(w.text) || PARTICLES.test(w.text) || /^\p{Lu}\p{Ll}*-\p{Lu}/u.test(w.text) || (i === 0 && words.length > 1 && /^\p{Lu}\.$/u.test(w.text)));
  if (!capitalized) return false;
  // "the Tian Shan", "the Diya Kepeema ceremony": a name right after "the" is no person's, unless a title says so.
  if (!titled && context.tokens[(context.indexOf.get(words[0]!) ?? 0) - 1]?.text === 'the') return false;
  if (opensWithArticle(words, context.text)) return false;
  const firstName = knowledge.firstNames.has(foldAccents(words[0]!.text.toLowerCase()));
  const lastWord = words.at(-1)!.text;
  const surnameEvidence =
    context.surnames.has(lastWord) || context.surnames.has(hyphenatedEnd(words, context.text)) ||
    // News names a person in full once, then by the surname alone: a two- or three-word name whose last word stands alone elsewhere.
    (words.length <= 3 && context.loneNames.has(lastWord) && !isCommon(lastWord, knowledge) && !knowledge.aliases.has(lastWord) && !knowledge.aliases.has(words[0]!.text) && !isCommon(words[0]!.text, knowledge));
  const parts = words.filter((w) => knowledge.nameParts.has(w.text)).length;
  const common = words.filter((w) => isCommon(w.text, knowledge)).length;
  // "Rohit Sharma", "Varun Chakravarthy": a given name of the many languages news quotes, opening a name of two or three words none of which is an ordinary word or a known name.
  const lower = words[0]!.text.toLowerCase();
  const givenName =
    words.length >= 2 && words.length <= 3 && common === 0 && (knowledge.givenNames.has(lower) || knowledge.givenNames.has(foldAccents(lower))) &&
    words.slice(1).every((w) => !knowledge.aliases.has(w.text) && !knowledge.demonyms.has(w.text)) &&
    // … with another name part or given name after it, the words apart ("Jalal-Abad" is a place): the lists hold no dictionary of English nouns ("Gemini Cooperation").
    words.slice(1).some((w) => knowledge.nameParts.has(w.text) || knowledge.givenNames.has(w.text.toLowerCase())) &&
    words.every((w, i) => i === 0 || context.text[w.start - 1] === ' ');
  if (titled || firstName || surnameEvidence || givenName) return common < words.length;
  // "Federated Farmers said": a speaker known only by the verb whose name ends in an ordinary plural noun is a body
  // of those people; a person's name is one person's ("the critic Ulla Bang said").
  if (reports) return common < words.length && !isPluralNoun(lastWord, knowledge);
  return parts + words.filter((w) => NAME_PARTICLES.has(w.text)).length === words.length && parts >= 2 && common === 0;
}

/**
 * "La Prensa", "Los Choneros", "El Comercio": a name opening with a Romance language's article is
 * a paper, a group, a club or a place, not a person, unless the article writes it as the end of a
 * longer name ("Marine Le Pen" … "Le Pen").
 */
function opensWithArticle(words: readonly Token[], text: string): boolean {
  if (words.length < 2 || !ROMANCE_ARTICLES.has(words[0]!.text) || text[words[0]!.end] !== ' ') return false;
  return !isSurnameInText(text.slice(words[0]!.start, words.at(-1)!.end), text);
}

function hyphenatedEnd(words: readonly Token[], text: string): string {
  const last = words.at(-1)!;
  return /\S+$/.exec(text.slice(words[0]!.start, last.end))?.[0] ?? last.text;
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
      while (from < to && !/^\p{Lu}/u.test(part[from]!.text) && !PARTICLES.test(part[from]!.text)) from++;
      while (to > from && !/^[\p{Lu}\p{N}]/u.test(part[to - 1]!.text)) to--;
      return part.slice(from, to);
    })
    .filter((part) => part.length > 0);
}

/** Evidence for an unknown name; with none, it is left out. */
function typePart(run: Run, titled: boolean, context: RunContext): Candidate | undefined {
  const { text, tokens, knowledge } = context;
  const start = run[0]!.start;
  const end = run.at(-1)!.end;
  const surface = text.slice(start, end);
  const words = run.filter((t) => /\p{L}/u.test(t.text));
  if (words.length === 0 || end - start < 2) return undefined;
  if (words.every((w) => knowledge.demonyms.has(w.text) || CONTEXT.notNames.has(w.text) || CONTEXT.titles.has(w.text.toLowerCase()))) return undefined;
  const head = headType(run);
  // "Hanwha Ocean's chief executive": a place has no chief executive or shareholders; what does is a company.
  if (head === 'place' && !titled && ownsBusinessRole(run, context)) return { start, end, type: 'org' };
  if (head) return { start, end, type: head };
  // "Route 9", "Highway 61", "Interstate 95": a road named by its number alone.
  if (words.length === 1 && CONTEXT.roadHeads.has(surface) && numberedEnd(run, 'place', context) > end) return { start, end, type: 'place' };
  // "the neighbourhoods of Sidi Moumen and Ben M'Sick", "the town of Enerhodar": what a place noun and "of" name is a place, whatever given names it holds.
  if (!titled && followsPlaceNounOf(tokens, context.indexOf.get(run[0]!) ?? 0)) return { start, end, type: 'place' };
  const orgName = shortFormOf(normalizeSurface(surface), context.knownOrgs);
  if (orgName) return { start, end, type: 'org', name: orgName, known: true };
  if (isCompanyRun(words, knowledge)) return { start, end, type: 'org' };
  if (!titled && hasOrgEvidence(run, context)) return { start, end, type: 'org' };
  if (!titled && words.length === 1 && !isCommon(surface, knowledge) && isDescribedAsBody(run, context)) return { start, end, type: 'org' };
  if (words.every((w) => /^[\p{Lu}\d]+$/u.test(w.text))) return undefined; // unknown acronyms: defined ones come back as aliases
  const afterIndex = (context.indexOf.get(run.at(-1)!) ?? 0) + 1;
  const after = tokens[afterIndex]?.text.toLowerCase() ?? '';
  const owned = possessiveName(run, afterIndex, context);
  if (owned) return { start, end: owned, type: 'org' };
  if (words.length === 1) {
    if (isCommon(surface, knowledge) && !knowledge.nameParts.has(surface)) return undefined;
    // "fighters captured near Marib", "roads around Taiz": what news places something near or around is a place, though
    // the word is a name part too, unless the article names a person by it.
    const placing = tokens[(context.indexOf.get(run[0]!) ?? 0) - 1]?.text;
    if (placing && /^(?:near|around|outside)$/.test(placing) && after !== "'s" && !isSurnameInText(surface, text) && !knowledge.commonWords.has(surface.toLowerCase())) return { start, end, type: 'place' };
    // "Lloyd's List", "Farmer's Weekly": an ordinary word owned by a name is the rest of a title, not a surname.
    if (isCommon(surface, knowledge) && tokens[(context.indexOf.get(run[0]!) ?? 0) - 1]?.text === "'s" && !context.surnames.has(surface)) return undefined;
    // "at Prince Rupert", "in San Martín": a title and a name right after "in" or "at" name a place after a person.
    const previous = tokens[(context.indexOf.get(run[0]!) ?? 0) - 2];
    if (titled && previous && CONTEXT.locationPrepositions.has(previous.text) && after !== "'s" && !context.surnames.has(surface)) return undefined;
    // "the Biden administration": a head of government's surname.
    const nameLike = knowledge.nameParts.has(surface) || context.surnames.has(surface);
    if ((titled && (nameLike || !CONTEXT.orgHeads.has(surface))) || after === 'administration' || (CONTEXT.reportingVerbs.has(after) && !run[0]!.sentenceStart && nameLike) || context.surnames.has(surface)) {
      return { start, end, type: 'person' };
    }
    return undefined;
  }
  if (!titled && hasCompanyApposition(run, context)) return { start, end, type: 'org' };
  const reports = CONTEXT.reportingVerbs.has(after);
  const atPlace = tokens[(context.indexOf.get(run[0]!) ?? 0) - 1]?.text === 'at';
  if ((titled || !atPlace) && isPersonRun(words, titled, context, reports)) return { start, end, type: 'person' };
  return undefined;
}

/** An apposition on either side that names the run a body ("KNAPK, the association of …", "the union, La Fraternidad,"). */
function isDescribedAsBody(run: Run, context: RunContext): boolean {
  const first = context.indexOf.get(run[0]!) ?? 0;
  const last = context.indexOf.get(run.at(-1)!) ?? 0;
  return hasBodyApposition(context.tokens, last) || followsBodyNoun(context.tokens, first, last);
}

/**
 * "Moody's, which raised the rating", "Sainsbury's said": a name with its possessive that owns nothing,
 * standing as a subject, is a business named after its founder (a person's possessive is followed by
 * what they own). Not the contraction of "is" or "has" ("Okafor's been"), nor a surname the article
 * writes after a given name. The end of the name, past its "'s", or undefined.
 */
function possessiveName(run: Run, afterIndex: number, context: RunContext): number | undefined {
  const { tokens, text } = context;
  if (run.length !== 1) return undefined;
  // The tokenizer keeps "Moody's" whole before a comma and splits it before a word.
  const glued = /^\p{Lu}\p{L}+'s$/u.test(run[0]!.text);
  const mark = glued ? run[0]! : tokens[afterIndex];
  if (mark === undefined || (!glued && (mark.text !== "'s" || mark.start !== run[0]!.end)) || isSurnameInText(run[0]!.text.replace(/'s$/, ''), text)) return undefined;
  const next = glued ? afterIndex : afterIndex + 1;
  const acts = (tokens[next]?.text === ',' && /^(?:which|whose)$/.test(tokens[next + 1]?.text ?? '')) || SUBJECT_VERBS.has(tokens[next]?.text ?? '');
  return acts ? mark.end : undefined;
}

const SUBJECT_VERBS = new Set(['said', 'says', 'cut', 'cuts', 'raised', 'raises', 'lowered', 'lowers', 'downgraded', 'upgraded', 'affirmed', 'rates', 'rated', 'reported', 'reports', 'expects', 'estimates', 'warned', 'warns']);

/** The name at `i` is named by a place noun and "of", alone or in a list ("the villages of Ponnagyun and Mrauk-U"). */
function followsPlaceNounOf(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  if (tokens[j]?.text !== 'of') {
    if (tokens[j]?.text !== 'and' && tokens[j]?.text !== ',') return false;
    for (let steps = 0; j >= 0 && steps < 10 && tokens[j]?.text !== 'of'; steps++, j--) {
      const t = tokens[j]!.text;
      if (!/^(?:and|,|-|'|’)$/.test(t) && !/^\p{Lu}/u.test(t)) return false;
    }
    if (tokens[j]?.text !== 'of') return false;
  }
  const noun = tokens[j - 1]?.text ?? '';
  return CONTEXT.placeNounsAfter.has(noun) || CONTEXT.placeNounsBeforeOf.has(noun);
}

const HONORIFIC_NAME = new RegExp(`(?<![\\p{L}])(?:${[...CONTEXT.honorifics].join('|')})\\.? (?:(?:Seri|Sri) )?(\\p{Lu}[\\p{L}'-]*\\p{L})`, 'gu');

/** Surnames the article gives after an honorific ("Ms Okonjo-Iweala", "Dr. Chen"). */
function titledSurnames(text: string): Set<string> {
  return new Set([...text.matchAll(HONORIFIC_NAME)].map((m) => m[1]!));
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
