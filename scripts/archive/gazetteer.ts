/**
 * A small hand-kept list of names that compromise misses or types wrongly in news about
 * the Middle East and US politics: acronyms (CENTCOM, IS), militias, US institutions,
 * regions and some places. Matches are exact and case-sensitive on word boundaries, and
 * `extractEntities` lets them win over compromise's guesses, so every entry here should be
 * unambiguous in news text. Each entry also fixes the canonical name of its aliases, which
 * is how "IS", "ISIS", "ISIL" and "Daesh" become one entity.
 */
import type { EntityType } from '../../src/shared/archive-format';

/** An alias that only counts when the text right after it does not match `unlessFollowedBy`. */
interface GuardedAlias {
  text: string;
  unlessFollowedBy: RegExp;
}

interface GazetteerEntry {
  type: EntityType;
  /** Canonical display name; matched as an alias too. */
  name: string;
  aliases?: readonly (string | GuardedAlias)[];
}

export interface GazetteerMatch {
  start: number;
  end: number;
  type: EntityType;
  /** Canonical name of the entry that matched. */
  name: string;
}

/** Same-length replacement of typographic quotes, so offsets survive normalization. */
export function straightenQuotes(text: string): string {
  return text.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"');
}

const ORGS: readonly GazetteerEntry[] = [
  { type: 'org', name: 'United Nations', aliases: ['UN', 'U.N.'] },
  { type: 'org', name: 'UN Security Council', aliases: ['U.N. Security Council', 'United Nations Security Council'] },
  { type: 'org', name: 'NATO' },
  { type: 'org', name: 'European Union', aliases: ['EU', 'E.U.'] },
  { type: 'org', name: 'CENTCOM', aliases: ['US Central Command', 'U.S. Central Command', 'Central Command'] },
  { type: 'org', name: 'Pentagon', aliases: ['Department of Defense', 'Defense Department'] },
  { type: 'org', name: 'State Department', aliases: ['Department of State'] },
  { type: 'org', name: 'White House' },
  { type: 'org', name: 'Congress' },
  { type: 'org', name: 'National Security Council' },
  { type: 'org', name: 'CIA' },
  { type: 'org', name: 'FBI' },
  { type: 'org', name: 'Kremlin' },
  { type: 'org', name: 'IAEA' },
  { type: 'org', name: 'Hamas' },
  { type: 'org', name: 'Hezbollah', aliases: ['Hizballah', 'Hizbollah'] },
  { type: 'org', name: 'Kata’ib Hezbollah', aliases: ["Kata'ib Hezbollah", 'Kataib Hezbollah', 'Kata’ib Hizballah'] },
  {
    type: 'org',
    name: 'Popular Mobilization Forces',
    aliases: ['Popular Mobilisation Forces', 'Popular Mobilization Units', 'PMF', 'PMU', 'Hashd al-Shaabi'],
  },
  { type: 'org', name: 'Islamic Resistance in Iraq', aliases: ['Islamic Resistance'] },
  { type: 'org', name: 'Islamic State', aliases: ['IS', 'ISIS', 'ISIL', 'Daesh'] },
  { type: 'org', name: 'al-Qaeda', aliases: ['Al-Qaeda', 'al-Qaida', 'Al-Qaida', 'al Qaeda', 'Al Qaeda'] },
  { type: 'org', name: 'Taliban' },
  { type: 'org', name: 'Houthis', aliases: ['Ansar Allah'] },
  { type: 'org', name: 'Islamic Revolutionary Guard Corps', aliases: ['IRGC', 'Revolutionary Guards'] },
  { type: 'org', name: 'Israel Defense Forces', aliases: ['IDF'] },
];

/** "Washington" alone means the US government in news; the city and the state say so. */
const NOT_THE_GOVERNMENT = /^,? ?(?:D\.? ?C\.?|[Ss]tate)(?![\p{L}\p{N}])/u;

const PLACES: readonly GazetteerEntry[] = [
  {
    type: 'place',
    name: 'United States',
    aliases: [
      'US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America',
      { text: 'Washington', unlessFollowedBy: NOT_THE_GOVERNMENT },
    ],
  },
  { type: 'place', name: 'Washington, D.C.', aliases: ['Washington D.C.', 'Washington, DC', 'Washington DC'] },
  { type: 'place', name: 'Washington State', aliases: ['Washington state'] },
  // Listed so that "America" inside them is not read as the United States.
  { type: 'place', name: 'Latin America' },
  { type: 'place', name: 'Central America' },
  { type: 'place', name: 'North America' },
  { type: 'place', name: 'South America' },
  { type: 'place', name: 'United Kingdom', aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'] },
  { type: 'place', name: 'Russia', aliases: ['Russian Federation'] },
  { type: 'place', name: 'Turkey', aliases: ['Türkiye'] },
  ...names('place', [
    // Countries and territories that recur in this archive.
    'Afghanistan', 'Bahrain', 'China', 'Egypt', 'France', 'Germany', 'Gaza', 'Gaza Strip', 'India',
    'Iran', 'Iraq', 'Israel', 'Kuwait', 'Lebanon', 'Libya', 'Oman', 'Pakistan', 'Palestine', 'Qatar',
    'Saudi Arabia', 'Syria', 'Ukraine', 'United Arab Emirates', 'West Bank', 'Yemen',
    // Cities.
    'Aleppo', 'Amman', 'Ankara', 'Baghdad', 'Basra', 'Beirut', 'Cairo', 'Damascus', 'Doha', 'Erbil',
    'Jerusalem', 'Kyiv', 'Moscow', 'Mosul', 'Riyadh', 'Sanaa', 'Tehran', 'Tel Aviv',
    // Regions.
    'Middle East', 'Central Asia', 'Persian Gulf', 'Red Sea', 'Gulf of Aden', 'Levant', 'Kurdistan',
  ]),
];

/** US states by full name and AP abbreviation (Georgia and Washington left out: ambiguous). */
const US_STATES: readonly GazetteerEntry[] = (
  [
    ['Alabama', 'Ala.'], ['Alaska'], ['Arizona', 'Ariz.'], ['Arkansas', 'Ark.'], ['California', 'Calif.'],
    ['Colorado', 'Colo.'], ['Connecticut', 'Conn.'], ['Delaware', 'Del.'], ['Florida', 'Fla.'], ['Hawaii'],
    ['Idaho'], ['Illinois', 'Ill.'], ['Indiana', 'Ind.'], ['Iowa'], ['Kansas', 'Kan.'], ['Kentucky', 'Ky.'],
    ['Louisiana', 'La.'], ['Maine'], ['Maryland', 'Md.'], ['Massachusetts', 'Mass.'], ['Michigan', 'Mich.'],
    ['Minnesota', 'Minn.'], ['Mississippi', 'Miss.'], ['Missouri', 'Mo.'], ['Montana', 'Mont.'],
    ['Nebraska', 'Neb.'], ['Nevada', 'Nev.'], ['New Hampshire', 'N.H.'], ['New Jersey', 'N.J.'],
    ['New Mexico', 'N.M.'], ['New York', 'N.Y.'], ['North Carolina', 'N.C.'], ['North Dakota', 'N.D.'],
    ['Ohio'], ['Oklahoma', 'Okla.'], ['Oregon', 'Ore.'], ['Pennsylvania', 'Pa.'], ['Rhode Island', 'R.I.'],
    ['South Carolina', 'S.C.'], ['South Dakota', 'S.D.'], ['Tennessee', 'Tenn.'], ['Texas'], ['Utah'],
    ['Vermont', 'Vt.'], ['Virginia', 'Va.'], ['West Virginia', 'W.Va.'], ['Wisconsin', 'Wis.'],
    ['Wyoming', 'Wyo.'],
  ] as const
).map(([name, ...aliases]) => ({ type: 'place', name, aliases }));

function names(type: EntityType, list: readonly string[]): GazetteerEntry[] {
  return list.map((name) => ({ type, name }));
}

export const GAZETTEER: readonly GazetteerEntry[] = [...ORGS, ...PLACES, ...US_STATES];

/**
 * Short acronyms that are also English words in capitals ("IS", "US"): in an all-caps
 * run ("WHAT IS NEXT") they are just words, so a match next to another all-caps word
 * that is not itself a known alias is skipped.
 */
const SHOUTABLE = new Set(['IS', 'US']);

interface CompiledAlias {
  entry: GazetteerEntry;
  text: string;
  pattern: RegExp;
  unlessFollowedBy?: RegExp;
}

const COMPILED: readonly CompiledAlias[] = GAZETTEER.flatMap((entry) =>
  [entry.name, ...(entry.aliases ?? [])].map((alias) => compileAlias(entry, alias)),
);
const KNOWN_ALIASES = new Set(COMPILED.map((alias) => alias.text));

function compileAlias(entry: GazetteerEntry, alias: string | GuardedAlias): CompiledAlias {
  const text = straightenQuotes(typeof alias === 'string' ? alias : alias.text);
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Word boundaries that understand non-ASCII letters; "-" and "*" count as boundaries,
  // so "anti-US" and the footnoted "IS*" still match.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
  const compiled: CompiledAlias = { entry, text, pattern };
  if (typeof alias !== 'string') compiled.unlessFollowedBy = alias.unlessFollowedBy;
  return compiled;
}

/**
 * Every gazetteer match in `text` (which should already have straight quotes). Where
 * matches overlap, the longest wins ("Kata'ib Hezbollah" over "Hezbollah"); ties go to
 * the entry listed first. The result is sorted by start.
 */
export function findGazetteerMatches(text: string): GazetteerMatch[] {
  const all: GazetteerMatch[] = [];
  for (const alias of COMPILED) {
    for (const match of text.matchAll(alias.pattern)) {
      const start = match.index;
      const end = start + alias.text.length;
      if (alias.unlessFollowedBy?.test(text.slice(end, end + 12))) continue;
      if (SHOUTABLE.has(alias.text) && inShoutedRun(text, start, end)) continue;
      all.push({ start, end, type: alias.entry.type, name: alias.entry.name });
    }
  }
  return keepLongestNonOverlapping(all);
}

function inShoutedRun(text: string, start: number, end: number): boolean {
  const before = /([\p{L}]+)\P{L}*$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  const after = /^\P{L}*([\p{L}]+)/u.exec(text.slice(end, end + 30))?.[1];
  return [before, after].some(
    (word) => word !== undefined && word.length >= 2 && word === word.toUpperCase() && !KNOWN_ALIASES.has(word),
  );
}

function keepLongestNonOverlapping(matches: GazetteerMatch[]): GazetteerMatch[] {
  // Stable sort: equal lengths keep list order, so the first-listed entry wins ties.
  const byLength = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: GazetteerMatch[] = [];
  for (const match of byLength) {
    if (!kept.some((other) => match.start < other.end && other.start < match.end)) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}
