/**
 * Names that neither the knowledge nor the run's own words type, typed from the structure
 * news prose puts around them (see docs/entities.md):
 * - a lower-case category noun after the name ("the hard-right Chega party", "Guro
 *   district") or before it with "of" ("the town of Enerhodar", "the districts of Mubende");
 * - a place described in apposition ("Malaba, a border town in Kenya"), a job held at an
 *   organization ("an analyst at …") or a business noun before one ("a stake in …");
 * - an acronym acting as a speaker ("MONUSCO said", "MONUSCO spokeswoman"): people are
 *   never written in capitals;
 * - coordination: the members of one list share a type ("Nvidia, AMD and Apple", "at Busia
 *   and Malaba"), so a list with typed members types its untyped ones.
 * Each rule needs the name to look like a name (capitalized, not an ordinary word).
 */
import type { EntityType } from '../archive-format';
import type { Candidate } from './entity-candidates';
import { CONTEXT, isSportsSentence } from './entity-context';
import { isCountryOrRegion, isPersonalNameWord, type Knowledge } from './knowledge';
import type { Token } from './nlp-tokens';

type Run = readonly Token[];

export function typeByCues(
  tokens: readonly Token[],
  untyped: readonly Run[],
  typed: readonly Candidate[],
  knowledge: Knowledge,
  text?: string,
): Candidate[] {
  const indexOf = new Map(tokens.map((t, i) => [t, i]));
  const runs = untyped
    .filter((run) => isNameLike(run, knowledge))
    .map((run) => ({ run, first: indexOf.get(run[0]!) ?? 0, last: indexOf.get(run.at(-1)!) ?? 0 }));
  const found = new Map<number, Candidate>();
  const candidateOf = (item: Item, type: EntityType): Candidate => ({ start: item.run[0]!.start, end: item.run.at(-1)!.end, type });
  // Not list members: a thing owned or an owner ("ESA's Cluster", "Boric's Broad Front"), the
  // first half of a compound word ("Western-sponsored").
  const outOfLists = (item: Item): boolean =>
    tokens[item.first - 1]?.text === "'s" || tokens[item.last + 1]?.text === "'s" || (tokens[item.last + 1]?.text === '-' && tokens[item.last + 1]!.start === item.run.at(-1)!.end);
  const personEnds = new Set(typed.filter((c) => c.type === 'person').map((c) => c.end));
  runs.forEach((item, k) => {
    const type = localCue(tokens, item, knowledge, text) ?? (isAffiliation(tokens, item, personEnds, knowledge) || isCamelCaseBrand(item.run) ? 'org' : undefined);
    if (type) found.set(k, candidateOf(item, type));
  });
  // "border crossings at Rubavu and Rusizi", "voters on Bequia and Canouan": two one-word names no list
  // knows, coordinated after a preposition of location, are places (a company or a person would be known
  // or carry a cue; either word being a company word or a name part keeps the pair out).
  const startingAt = new Map(runs.map((item, k) => [item.first, k]));
  runs.forEach((item, k) => {
    const partner = tokens[item.last + 1]?.text === 'and' ? startingAt.get(item.last + 2) : undefined;
    // The first of the pair may be typed already by the preposition before it ("camps at Bulengo and Lushagala").
    if (partner === undefined || (found.has(k) && found.get(k)!.type !== 'place') || found.has(partner)) return;
    const pair = [item, runs[partner]!];
    const plain = (t: Token): boolean =>
      !knowledge.companyWords.has(t.text) && !knowledge.nameParts.has(t.text) && !knowledge.firstNames.has(t.text.toLowerCase()) && !knowledge.commonWords.has(t.text.toLowerCase());
    if (!pair.every((p) => p.run.length === 1 && plain(p.run[0]!) && !p.run[0]!.sentenceStart)) return;
    const after = tokens[runs[partner]!.last + 1];
    if (after && (/^\p{Lu}/u.test(after.text) || after.text === "'s" || after.text === '-')) return;
    if (!CONTEXT.locationPrepositions.has(tokens[item.first - 1]?.text ?? '') && tokens[item.first - 1]?.text !== 'on' && tokens[item.first - 1]?.text !== 'from') return;
    found.set(k, candidateOf(item, 'place'));
    found.set(partner, candidateOf(runs[partner]!, 'place'));
  });
  // "other suppliers, including Sandoz and Viatris", "ports such as Måløy and Ålesund": the category
  // noun an example list follows types every member.
  runs.forEach((item, k) => {
    if (found.has(k)) return;
    const type = exampleListType(tokens, item);
    if (type) found.set(k, candidateOf(item, type));
  });
  // Lists: a few passes let a type travel along "Bosch, Infineon and NXP".
  for (let pass = 0; pass < 3; pass++) {
    const spans = [...typed, ...found.values()];
    let changed = false;
    runs.forEach((item, k) => {
      if (found.has(k) || outOfLists(item)) return;
      const type = listType(tokens, item, spans, runs);
      if (type && (type !== 'person' || item.run.every((t) => !knowledge.commonWords.has(t.text.toLowerCase())))) {
        found.set(k, candidateOf(item, type));
        changed = true;
      }
    });
    if (!changed) break;
  }
  return [...found.values()];
}

interface Item {
  run: Run;
  first: number;
  last: number;
}

const TRANSFER_WORDS = new Set(['signed', 'signs', 'sign', 'signing', 'loan', 'loaned', 'transfer', 'joined', 'joins', 'contract', 'fee', 'buy-out', 'formerly']);

/** A sentence about a player's move between clubs. */
function isTransferSentence(tokens: readonly Token[], sentence: number): boolean {
  return tokens.some((t) => t.sentence === sentence && TRANSFER_WORDS.has(t.text));
}

function isNameLike(run: Run, knowledge: Knowledge): boolean {
  const words = run.filter((t) => /\p{L}/u.test(t.text));
  if (words.length === 0 || words.length > 4) return false;
  if (!words.every((t) => /^\p{Lu}/u.test(t.text))) return false;
  if (words.some((t) => knowledge.demonyms.has(t.text) || CONTEXT.notNames.has(t.text))) return false;
  // "Greens" may be a party; "Prices" opening a sentence is a word.
  return !(words.length === 1 && words[0]!.sentenceStart && knowledge.commonWords.has(words[0]!.text.toLowerCase()));
}

export function localCue(tokens: readonly Token[], { run, first, last }: Item, knowledge: Knowledge, text?: string): EntityType | undefined {
  const afterWord = tokens[last + 1]?.text ?? '';
  const before = tokens[first - 1]?.text ?? '';
  // "the Chega party" names one; "a Hutu militia" describes one.
  if (!/^(?:a|an)$/i.test(before)) {
    if (CONTEXT.orgNounsAfter.has(afterWord)) return 'org';
    if (CONTEXT.placeNounsAfter.has(afterWord) || CONTEXT.featureNounsAfter.has(afterWord)) return 'place';
    if (CONTEXT.siteNounsAfter.has(afterWord) && run.every((t) => t.pos === 'PROPN' && !knowledge.commonWords.has(t.text.toLowerCase()))) return 'place';
  }
  // "the Rogun hydropower plant", "the GigaVaasa industrial area": a facility named by its noun with one word of its kind between.
  const kindWord = tokens[last + 1];
  if (before.toLowerCase() === 'the' && kindWord && /^\p{Ll}[\p{Ll}-]+$/u.test(kindWord.text) && (kindWord.pos === 'NOUN' || kindWord.pos === 'ADJ') && (CONTEXT.featureNounsAfter.has(tokens[last + 2]?.text ?? '') || CONTEXT.siteNounsAfter.has(tokens[last + 2]?.text ?? '')) && !run.some((t) => isPersonalNameWord(t.text, knowledge) || knowledge.companyWords.has(t.text))) return 'place';
  // "slaloms in Levi, Finland, on …": a name placed by the country or region after it in commas.
  if (afterWord === ',' && /^(?:,|\.|;|on)$/.test(tokens[last + 3]?.text ?? '') && isCountryOrRegion(tokens[last + 2]?.text ?? '', knowledge) && !/^(?:said|says|told)$/.test(before)) return 'place';
  const before2 = tokens[first - 2]?.text ?? '';
  if (before === 'of' && (CONTEXT.placeNounsAfter.has(before2) || CONTEXT.placeNounsBeforeOf.has(before2))) return 'place';
  // "Malaba, a border town in Kenya", "Kasese, the district capital": a place described in apposition.
  if (afterWord === ',' && /^(?:a|an|the)$/.test(tokens[last + 2]?.text ?? '')) {
    for (let i = last + 3; i <= last + 6; i++) {
      const word = tokens[i]?.text ?? '';
      if (CONTEXT.placeNounsAfter.has(word) || CONTEXT.placeNounsBeforeOf.has(word)) {
        if (/^(?:in|of|near|on|outside|north|south|east|west)$/.test(tokens[i + 1]?.text ?? '')) return 'place';
        // "Hargeisa, the capital, where …": a settlement's noun closing the apposition says as much.
        // Only adjectives may stand between ("a fisherman from the town," describes a person).
        const described = tokens.slice(last + 3, i).every((t) => t.pos === 'ADJ');
        if (described && /^(?:capital|city|town|village|port)$/.test(word) && /^(?:,|\.|;|where)$/.test(tokens[i + 1]?.text ?? '')) return 'place';
        break;
      }
      if (word !== word.toLowerCase() || !/^\p{L}[\p{L}-]*$/u.test(word)) break;
    }
  }
  // "a stake in Zentrix", "a unit of Roche": business nouns before an organization.
  if ((before === 'in' || before === 'of' || before === 'with') && CONTEXT.orgOfNouns.has(before2)) return 'org';
  // "an analyst at Renaissance", "chief executive of Safaricom", "Economists at TD Economics said": a job held at an organization.
  // A lower-case word no dictionary holds may go on with the name ("Komerční banka"): the run is only part of it.
  const goesOnLowerCase = /^\p{Ll}+$/u.test(afterWord) && !knowledge.commonWords.has(afterWord);
  if ((before === 'at' || before === 'of' || before === 'for') && CONTEXT.jobsAtOrgs.has(before2.toLowerCase()) && !goesOnLowerCase && !(run.length === 1 && knowledge.commonWords.has(run[0]!.text.toLowerCase()))) return 'org';
  // "head of soft commodities at StoneX", "director of research at Inderes": a role over a field, then where it is held.
  if (before === 'at' && heldRoleOver(tokens, first - 2) && !goesOnLowerCase && !run.some((t) => knowledge.commonWords.has(t.text.toLowerCase()))) return 'org';
  // "Vietnam's military-owned Viettel", "the state-run Sodiam": what is owned or run is a body, a person is neither.
  // "the Singapore-based Hyflux": where a business is based, right before its name (a person based somewhere is "the London-based designer …").
  if (/^(?:owned|run|controlled|backed|funded|operated|based|headquartered|listed)$/.test(before) && tokens[first - 2]?.text === '-' && !run.some((t) => isPersonalNameWord(t.text, knowledge)) && !/^\p{Lu}/u.test(afterWord)) return 'org';
  // "owned by Axel Springer", "published by Penguin Random House": what owns, runs or publishes without a person's name is a company.
  // "the grid run by Sonelgaz", "a fund managed by Arvenne": what runs or manages a thing and no list knows as a person is a body.
  if (before === 'by' && /^(?:owned|operated|published|acquired|bought|run|managed|controlled|financed)$/.test(before2)) return 'org';
  // "broadcast by América TV", "aired by Telemundo": what broadcasts or streams a match or a show is a broadcaster.
  if (before === 'by' && /^(?:broadcast|aired|televised|streamed|screened)$/.test(before2) && !run.some((t) => isPersonalNameWord(t.text, knowledge))) return 'org';
  // "the governing Demokraatit", "the ruling Nasaka": what governs or rules, named with an article, is a party or a junta.
  if (/^(?:governing|ruling)$/.test(before) && /^the$/i.test(before2) && !run.some((t) => isPersonalNameWord(t.text, knowledge)) && !/^(?:'s|-)$/.test(afterWord)) return 'org';
  // "she told El País.": news quotes people to outlets; a person told something is followed by what ("told Ochieng that").
  if (before === 'told' && (afterWord === '.' || afterWord === '"') && !knowledge.firstNames.has(run[0]!.text.toLowerCase())) return 'org';
  if (before === 'told' && text !== undefined && isToldOutlet(run, tokens[first - 1]!, { text, knowledge })) return 'org';
  // "told the Halifax Examiner", "told the Daily Nation": what one is told with an article before it is an outlet or a body;
  // a person told something takes no article.
  if (before === 'the' && /^(?:told|telling|tells|tell)$/.test(before2) && !/^\p{Lu}/u.test(afterWord) && afterWord !== "'s") return 'org';
  // "Writing in Politiken, the critic …", "a study published in Nature": what one writes or publishes in is a paper or a journal.
  if (before === 'in' && /^(?:writing|wrote|written|writes|published|publishing|column|op-ed|editorial|interview|commentary)$/.test(before2.toLowerCase()) && run.length <= 3 && !/^\p{Lu}/u.test(afterWord) && afterWord !== "'s") return 'org';
  // "refugees in Dadaab", "a camp near Bokolmanyo", "crossing at Elegu": one capitalized word after a
  // preposition of location that no list knows as a word, a name, a language or a company is a
  // place too small for the gazetteer (people and organizations come with cues of their own).
  // After "at", only where a thing stands ("camps at", "the plant at"), not where one works or is treated ("worked at Careem").
  const located = before !== 'at' || tokens[first - 2]?.pos === 'NOUN';
  const nextIsName = /^\p{Lu}/u.test(afterWord) || goesOnLowerCase; // "Komerční banka"
  if (run.length === 1 && located && CONTEXT.locationPrepositions.has(before) && isUnlistedWord(run[0]!, knowledge) && !/^(?:'s|-)$/.test(afterWord) && !nextIsName) return 'place';
  // "ranchers near Paso de los Toros", "fields in Le Papaigalagala", "a berth in Pulau Indah": so too a name of a few
  // words, joined by a place name's particles, none of them an ordinary word, a given name or a company's word.
  if (run.length > 1 && before !== 'at' && CONTEXT.locationPrepositions.has(before) && isUnlistedName(run, knowledge) && !/^(?:'s|-)$/.test(afterWord) && !nextIsName) return 'place';
  // "said on X", "wrote on Telegram", "in a post on Weibo": what a statement is made on is a platform, a company
  // (a weekday or a month after "on" is a date and never an untyped run).
  if (before === 'on' && CONTEXT.statementsOn.has(before2.toLowerCase()) && run.length <= 2) return 'org';
  // "taking to X", "took to Telegram": the idiom of going public on a platform.
  if (before === 'to' && /^(?:taking|took|take|takes|taken)$/.test(before2) && run.length <= 2) return 'org';
  // "McCormick, which buys vanilla", "Statnett, which runs the grid", "Avianca, owned by Abra Group,": what
  // runs, makes, sells or is owned is a company or an institution; people take "who", places do not trade.
  if (afterWord === ',') {
    const next = tokens[last + 2]?.text ?? '';
    const verb = tokens[last + 3]?.text ?? '';
    if ((next === 'which' || next === 'whose') && CONTEXT.corporateVerbs.has(verb)) return 'org';
    // "Albemarle, which is based in North Carolina": what has its seat somewhere and takes "which" is a body.
    if (next === 'which' && /^(?:is|was)$/.test(verb) && /^(?:based|headquartered)$/.test(tokens[last + 4]?.text ?? '')) return 'org';
    if (/^(?:owned|controlled|run|founded|formed|backed|listed)$/.test(next) && /^(?:by|in|on|when)$/.test(verb)) return 'org';
  }
  // "Chile's Colo-Colo", "Singapore's Singtel", "Kazakhstan's Kazakhmys": what a country owns that no list holds as
  // a person's name is its company, club or body (a person would be known by a given name or a name part).
  // Not a place named with its head word ("Ethiopia's Somali Region") nor an index ("Tokyo's Nikkei 225").
  const placeOrIndex = CONTEXT.placeHeads.has(run.at(-1)!.text) || /^\d/.test(afterWord);
  if (before === "'s" && isCountryOrRegion(before2, knowledge) && !placeOrIndex && !run.some((t) => isPersonalNameWord(t.text, knowledge)) && !/^(?:'s|-)$/.test(afterWord) && !goesOnLowerCase && !/^\p{Lu}/u.test(afterWord)) return 'org';
  // "signed a three-year contract with Rytas", "on loan to Lietkabelis", "formerly of VEF Rīga": in a sentence about
  // a transfer, the name a player signs for, joins, leaves or is lent to is a club.
  if (/^(?:for|with|from|to|joined|joins|join|joining|of)$/.test(before) && isTransferSentence(tokens, run[0]!.sentence) && !run.some((t) => isPersonalNameWord(t.text, knowledge)) && !/^(?:'s|-)$/.test(afterWord) && !/^\p{Lu}/u.test(afterWord)) {
    if (before !== 'of' || /^(?:formerly|previously|currently)$/.test(before2)) return 'org';
  }
  if (text !== undefined && isCitedSource(tokens, { run, first, last }, knowledge, text)) return 'org';
  if (isTeamOfPlay(tokens, { run, first, last }, knowledge)) return 'org';
  const isAcronym = run.length === 1 && /^\p{Lu}[\p{Lu}\d]{2,7}$/u.test(run[0]!.text);
  if (isAcronym && (CONTEXT.reportingVerbs.has(afterWord) || /^(?:spokesman|spokeswoman|spokesperson|official|officials|chief|head|statement)$/.test(afterWord))) return 'org';
  // An acronym no list knows that owns, acts or is where someone works ("NOAA's budget", "MSC has added",
  // "compiled by LSEG", "at RIKEN", "part of MSC") is a body, since people and places are not written in capitals;
  // the acronyms of things news writes ("GDP", "DNA", "MRI") are listed apart.
  if (isAcronym && !CONTEXT.notNameAcronyms.has(run[0]!.text)) {
    if (afterWord === "'s" || /^(?:at|by|from|with|joined|joins|join)$/.test(before)) return 'org';
    if (before === 'of' && /^(?:part|member|members|head|chief|unit|division|arm|shareholders|customers)$/.test(before2)) return 'org';
    const next = tokens[last + 1];
    if (next && (next.pos === 'VERB' || next.pos === 'AUX') && !/^(?:a|an)$/i.test(before)) return 'org';
  }
  return undefined;
}

/**
 * "told RFM that", "told Ecuavisa that", "she told Marca.": news quotes people to outlets. The
 * one word told something is an outlet, not a person, when it holds no given name or name part
 * and the article never writes it as the surname of a longer name ("Mamadou Lamine Diop" …
 * "told Diop"): people in news are named in full before they are named alone.
 */
export function isToldOutlet(run: readonly Token[], before: Token, context: { text: string; knowledge: Knowledge }): boolean {
  if (before.text !== 'told') return false;
  const words = run.filter((t) => /\p{L}/u.test(t.text));
  if (words.length !== 1) return false;
  const word = words[0]!.text;
  if (isPersonalNameWord(word, context.knowledge) || context.knowledge.commonWords.has(word.toLowerCase())) return false;
  return !isSurnameInText(word, context.text);
}

/** The word is written after another capitalized word somewhere ("Fatou Ndiaye Sarr" for "Sarr"). */
export function isSurnameInText(word: string, text: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\p{Lu}[\\p{L}.'-]* ${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * "the opening match against the Flying Fijians", "plays in France for Bayonne", "the Moana Pasifika
 * flanker Brooklyn Sapolu": in a sentence about sport, what a side plays against, what a player plays
 * for and what stands before a player's position and name is a team, an organization. Not a name
 * holding a given name or a name part (a player faces a player too), nor one going on with a capital.
 */
function isTeamOfPlay(tokens: readonly Token[], { run, first, last }: Item, knowledge: Knowledge): boolean {
  const after = tokens[last + 1]?.text ?? '';
  // A known place's name counts as no person's ("Sale" of "Sale Sharks" is also a surname).
  if (after === "'s" || after === '-' || run.some((t) => isPersonalNameWord(t.text, knowledge) && !knowledge.aliases.has(t.text))) return false;
  const sentence = tokens[first]!.sentence;
  const positioned = CONTEXT.sportsPositions.has(after) && /^\p{Lu}/u.test(tokens[last + 2]?.text ?? '') && tokens[last + 2]!.sentence === sentence;
  if (/^\p{Lu}/u.test(after) || !isSportsSentence(tokens, sentence)) return false;
  if (positioned) return true;
  const at = tokens[first - 1]?.text === 'the' ? first - 2 : first - 1;
  if (tokens[at]?.text === 'against') return true;
  // "Racing Club host Independiente", "the leaders visit Tarvo": what a side hosts or visits is a side (a player
  // beats or faces a player too, so those verbs say nothing).
  if (/^(?:host|hosts|hosted|visit|visits)$/.test(tokens[at]?.text ?? '') && tokens[at] === tokens[first - 1]) return true;
  if (tokens[at]?.text !== 'for') return false;
  for (let i = at - 1; i >= Math.max(0, at - 6) && tokens[i]!.sentence === sentence; i--) if (/^(?:plays|played|playing|play)$/.test(tokens[i]!.text)) return true;
  return false;
}

/**
 * "CoinGecko", "ByteDance", "PetroChina", "JetBlue": a word with a capital inside it after three
 * lower-case letters or more is a brand, the name of a company or a body; people's names do that
 * only after a surname's prefix ("MacAskill", "FitzGerald", "VanDyke"). A place so written is typed
 * before, by its category noun ("the GigaVaasa industrial area").
 */
function isCamelCaseBrand(run: Run): boolean {
  if (run.length !== 1) return false;
  const word = run[0]!.text;
  return /^\p{Lu}\p{Ll}{2,}\p{Lu}[\p{L}\d]*$/u.test(word) && !SURNAME_PREFIX.test(word);
}

const SURNAME_PREFIX = /^(?:Mac|Fitz|Van|Von|Del|Della|Des|Dal|Dos|Das|Den|Der|Ter|Ten|Abu|Ben|Bin|Ibn)\p{Lu}/u;

/** Nouns of what a source publishes ("according to CoinGecko data", "according to Kpler figures"). */
const SOURCE_NOUNS = new Set(['data', 'figures', 'estimates', 'statistics', 'numbers', 'research', 'analysis', 'calculations', 'survey', 'tally', 'records', 'filings', 'tracking', 'polling']);

/**
 * "according to CoinGecko data", "according to Nation Online.": news cites a body's data by its name,
 * and a person it cites is named in full with a given name before being cited alone; so the name after
 * "according to" is an organization when its data follows, or when it ends the clause holding no given
 * name or name part and is no surname the article writes after another name.
 */
function isCitedSource(tokens: readonly Token[], { run, first, last }: Item, knowledge: Knowledge, text: string): boolean {
  if (tokens[first - 1]?.text !== 'to' || tokens[first - 2]?.text.toLowerCase() !== 'according') return false;
  const after = tokens[last + 1]?.text ?? '.';
  if (after === "'s" || /^\p{Lu}/u.test(after)) return false;
  if (SOURCE_NOUNS.has(after)) return true;
  if (!/^(?:\.|,|;|\))$/.test(after)) return false;
  const words = run.filter((t) => /\p{L}/u.test(t.text));
  if (words.some((t) => isPersonalNameWord(t.text, knowledge))) return false;
  if (words.length === 1 && (knowledge.commonWords.has(words[0]!.text.toLowerCase()) || isSurnameInText(words[0]!.text, text))) return false;
  return true;
}

/** "head of soft commodities", "director of research": a role noun, "of" and lower-case words of a field, ending at `end`. */
function heldRoleOver(tokens: readonly Token[], end: number): boolean {
  let i = end;
  while (i > end - 4 && /^\p{Ll}[\p{Ll}-]*$/u.test(tokens[i]?.text ?? '') && tokens[i]!.text !== 'of') i--;
  if (i === end || tokens[i]?.text !== 'of') return false;
  return /^(?:head|chief|director|manager|analyst|economist|strategist|professor|lecturer|researcher|editor)$/.test(tokens[i - 1]?.text ?? '');
}

/**
 * "said Petri Lindqvist of Inderes", "Santiago Quintero of Movistar": news places a person by the
 * body they speak for with "of"; a name there that no list knows, holds no given name or name part
 * and is no ordinary word is that body (a known place, "Lindqvist of Vaasa", is typed before).
 */
function isAffiliation(tokens: readonly Token[], item: Item, personEnds: ReadonlySet<number>, knowledge: Knowledge): boolean {
  if (tokens[item.first - 1]?.text !== 'of' || !personEnds.has(tokens[item.first - 2]?.end ?? -1)) return false;
  const after = tokens[item.last + 1]?.text ?? '';
  if (after === "'s" || after === '-' || /^\p{Lu}/u.test(after)) return false;
  return item.run.every((t) => !/\p{L}/u.test(t.text) || (!isPersonalNameWord(t.text, knowledge) && !knowledge.commonWords.has(t.text.toLowerCase()) && !knowledge.aliases.has(t.text)));
}

/** The type the category noun before "including", "such as" or "like" gives the list `item` is in. */
function exampleListType(tokens: readonly Token[], item: Item): EntityType | undefined {
  const sentence = tokens[item.first]!.sentence;
  let i = item.first - 1;
  while (i >= 0 && item.first - i < 16 && tokens[i]!.sentence === sentence && (/^(?:,|and|or|the|&)$/.test(tokens[i]!.text) || /^\p{Lu}/u.test(tokens[i]!.text))) i--;
  const cue = tokens[i]?.text;
  let noun = cue === 'including' || cue === 'like' ? i - 1 : cue === 'as' && tokens[i - 1]?.text === 'such' ? i - 2 : -1;
  if (noun < 0 || tokens[noun]?.sentence !== sentence) return undefined;
  if (tokens[noun]!.text === ',') noun--;
  const word = tokens[noun]?.text.toLowerCase() ?? '';
  // "companies", "agencies", "militias": the plural of the category noun.
  const singular = [word, word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/ies$/, 'y')];
  if (singular.some((w) => CONTEXT.orgCues.has(w) || CONTEXT.orgNounsAfter.has(w))) return 'org';
  if (singular.some((w) => CONTEXT.placeNounsAfter.has(w) || CONTEXT.placeNounsBeforeOf.has(w))) return 'place';
  return undefined;
}

const PLACE_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'da', 'do', 'dos', 'di', 'La', 'Le', 'Las', 'Los', 'El', 'Al', 'al']);

function isUnlistedName(run: Run, knowledge: Knowledge): boolean {
  const words = run.filter((t) => !PLACE_PARTICLES.has(t.text));
  if (run.length < 2 || words.length === 0 || words.length > 4 || run.some((t) => t.text === ',' || t.sentenceStart)) return false;
  return words.every((t) => /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(t.text) && !isListedWord(t.text, knowledge));
}

/** A word the knowledge lists as an ordinary word, a given name, a company's word or a demonym: not a name of its own. */
function isListedWord(word: string, knowledge: Knowledge): boolean {
  const lower = word.toLowerCase();
  return knowledge.commonWords.has(lower) || knowledge.firstNames.has(lower) || knowledge.givenNames.has(lower) || knowledge.companyWords.has(word) || knowledge.demonyms.has(word);
}

function isUnlistedWord(token: Token, knowledge: Knowledge): boolean {
  const word = token.text;
  return (
    /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u.test(word) && !token.sentenceStart &&
    !isListedWord(word, knowledge) && !knowledge.nameParts.has(word) && !knowledge.aliases.has(word)
  );
}

const CONJUNCTIONS = new Set(['and', 'or', '&']);

/**
 * The type shared by the typed members of the list `item` stands in: items joined by
 * commas and a final "and"/"or" ("A, B and C") or by the conjunction alone ("A and B").
 * A comma alone makes no list ("In Nairobi, Ochieng said").
 */
function listType(tokens: readonly Token[], item: Item, typed: readonly Candidate[], runs: readonly Item[]): EntityType | undefined {
  const startsAt = new Map<number, Candidate | Item>();
  const endsAt = new Map<number, Candidate | Item>();
  // A run the cues have typed counts as typed: its candidate replaces the bare run.
  for (const r of runs) {
    startsAt.set(r.run[0]!.start, r);
    endsAt.set(r.run.at(-1)!.end, r);
  }
  for (const c of typed) {
    startsAt.set(c.start, c);
    endsAt.set(c.end, c);
  }
  const sentence = tokens[item.first]!.sentence;
  const members: (Candidate | Item)[] = [];
  let conjunction = false;
  // Leftwards: "A, B and" before the item.
  for (let i = item.first - 1; i > 0; ) {
    const separator = tokens[i]!;
    if (separator.sentence !== sentence || !(separator.text === ',' || CONJUNCTIONS.has(separator.text))) break;
    const previous = tokens[i - 1]!;
    const member = endsAt.get(previous.end);
    if (!member) break;
    if (CONJUNCTIONS.has(separator.text)) conjunction = true;
    else if (members.length === 0 && !conjunction && !followedByConjunction(tokens, item)) break;
    // "In Nairobi, Ochieng and Wanjiru said": an opening phrase, not a list member.
    if (separator.text === ',' && tokens[indexBefore(tokens, member, i - 1) - 1]?.sentenceStart) break;
    members.push(member);
    i = indexBefore(tokens, member, i - 1) - 1;
  }
  // Rightwards: ", B and C" after the item.
  for (let i = item.last + 1; i < tokens.length - 1; ) {
    const separator = tokens[i]!;
    if (separator.sentence !== sentence) break;
    let next = i + 1;
    if (separator.text === ',' && CONJUNCTIONS.has(tokens[next]?.text ?? '')) next++;
    if (!(separator.text === ',' || CONJUNCTIONS.has(separator.text))) break;
    const member = startsAt.get(tokens[next]?.start ?? -1);
    if (!member) break;
    if (CONJUNCTIONS.has(tokens[next - 1]!.text)) conjunction = true;
    members.push(member);
    i = indexAfter(tokens, member, next) + 1;
    if (CONJUNCTIONS.has(tokens[next - 1]!.text)) break;
  }
  if (!conjunction) return undefined;
  const types = new Set(members.flatMap((m) => ('type' in m && 'start' in m ? [m.type] : [])));
  if (types.size !== 1) return undefined;
  const [type] = types;
  return type === 'date' ? undefined : type;
}

function followedByConjunction(tokens: readonly Token[], item: Item): boolean {
  for (let i = item.last + 1; i < Math.min(tokens.length, item.last + 16); i++) {
    const t = tokens[i]!;
    if (t.sentence !== tokens[item.last]!.sentence || t.text === '.' || t.text === ';') return false;
    if (CONJUNCTIONS.has(t.text)) return true;
  }
  return false;
}

function spanOf(member: Candidate | Item): { start: number; end: number } {
  return 'run' in member ? { start: member.run[0]!.start, end: member.run.at(-1)!.end } : member;
}

/** Index of the first token of `member`, searching left from `from`. */
function indexBefore(tokens: readonly Token[], member: Candidate | Item, from: number): number {
  const { start } = spanOf(member);
  let i = from;
  while (i > 0 && tokens[i]!.start > start) i--;
  return i;
}

/** Index of the last token of `member`, searching right from `from`. */
function indexAfter(tokens: readonly Token[], member: Candidate | Item, from: number): number {
  const { end } = spanOf(member);
  let i = from;
  while (i < tokens.length - 1 && tokens[i]!.end < end) i++;
  return i;
}
