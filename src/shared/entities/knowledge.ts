/**
 * The knowledge the entity extractor reads: names with their type, canonical form and how
 * much a bare match of them can be trusted, plus the word lists that decide ambiguity
 * (first names, ordinary English words, demonyms), and how a list of names is compiled into
 * the lookup form. Pure, so the same extractor runs at build time (scripts/archive/knowledge
 * reads the data packages) and in the browser (on a compact knowledge object).
 */
import type { EntityType } from '../archive-format';

/**
 * How far a bare match can be trusted:
 * - `strong`: a match is the entity wherever it appears as a name;
 * - `weak`: only with evidence around it (a place preposition, being a whole proper-noun run);
 * - `contextual`: only in an article that also names the entity by a strong alias;
 * - `sports`: a name shared with a place; the entity only with sports words nearby.
 */
export type Strength = 'strong' | 'weak' | 'contextual' | 'sports';

export type EntryKind = 'country' | 'city' | 'town' | 'region' | 'org' | 'company' | 'club';

export interface KnowledgeEntry {
  type: EntityType;
  name: string;
  kind: EntryKind;
}

export interface AliasSense {
  /** Index into `Knowledge.entries`. */
  entry: number;
  strength: Strength;
}

export interface Knowledge {
  entries: readonly KnowledgeEntry[];
  /** Exact surface form (straight quotes, single spaces) → its senses, most trusted first. */
  aliases: ReadonlyMap<string, readonly AliasSense[]>;
  /** Longest alias, in words. */
  maxWords: number;
  /** A capital's name → the country entry it stands for when it acts ("Beijing warned"). */
  capitals: ReadonlyMap<string, number>;
  /** Lower case. */
  firstNames: ReadonlySet<string>;
  /**
   * Lower case: given names of many languages (far more than `firstNames`, whose English list
   * also decides which places and companies are ambiguous), as evidence only: one opening a
   * name of two or three words that holds no ordinary word makes it a person's.
   */
  givenNames: ReadonlySet<string>;
  /** Parts of people's names in many cultures, as written ("Okafor", "Seo-jin"); includes words that are also places. */
  nameParts: ReadonlySet<string>;
  /** Lower case: ordinary English words, which make a capitalized match ambiguous. */
  commonWords: ReadonlySet<string>;
  /** Every word of the company list, ambiguous ones too ("Morgan"): read only inside longer names. */
  companyWords: ReadonlySet<string>;
  /** Demonyms and adjectives of place ("Nigerian", "British"): never entities. */
  demonyms: ReadonlySet<string>;
}

export interface KnowledgeInput {
  entries: readonly { type: EntityType; name: string; kind: EntryKind; aliases: readonly (readonly [string, Strength])[] }[];
  capitals?: readonly (readonly [string, string])[];
  firstNames?: Iterable<string>;
  givenNames?: Iterable<string>;
  nameParts?: Iterable<string>;
  companyWords?: Iterable<string>;
  commonWords?: Iterable<string>;
  demonyms?: Iterable<string>;
}

const STRENGTH_RANK: Record<Strength, number> = { strong: 0, sports: 1, contextual: 2, weak: 3 };

/** Compiles entries into the lookup form; entries listed first win ties between equal senses. */
export function compileKnowledge(input: KnowledgeInput): Knowledge {
  const entries: KnowledgeEntry[] = [];
  const byName = new Map<string, number>();
  const aliases = new Map<string, AliasSense[]>();
  let maxWords = 1;
  for (const { type, name, kind, aliases: forms } of input.entries) {
    const key = `${type}\u0000${name}`;
    let index = byName.get(key);
    if (index === undefined) {
      index = entries.push({ type, name, kind }) - 1;
      byName.set(key, index);
    }
    // The name counts as an alias, as trusted as the input says (a weak city's own name is weak too).
    const listed = forms.some(([form]) => form === name);
    for (const [form, strength] of listed ? forms : [[name, 'strong'] as const, ...forms]) {
      const surface = normalizeSurface(form);
      if (!surface) continue;
      const senses = aliases.get(surface) ?? [];
      const own = senses.find((sense) => sense.entry === index);
      if (own) {
        if (STRENGTH_RANK[strength] < STRENGTH_RANK[own.strength]) own.strength = strength;
      } else {
        senses.push({ entry: index, strength });
      }
      senses.sort((a, b) => STRENGTH_RANK[a.strength] - STRENGTH_RANK[b.strength]);
      aliases.set(surface, senses);
      maxWords = Math.max(maxWords, surface.split(' ').length);
    }
  }
  const capitals = new Map<string, number>();
  for (const [capital, country] of input.capitals ?? []) {
    const index = byName.get(`place\u0000${country}`);
    if (index !== undefined && !capitals.has(capital)) capitals.set(capital, index);
  }
  return {
    entries,
    aliases,
    maxWords,
    capitals,
    firstNames: new Set([...(input.firstNames ?? [])].map((w) => w.toLowerCase())),
    givenNames: new Set([...(input.givenNames ?? [])].map((w) => w.toLowerCase())),
    nameParts: new Set(input.nameParts ?? []),
    companyWords: new Set(input.companyWords ?? []),
    commonWords: new Set([...(input.commonWords ?? [])].map((w) => w.toLowerCase())),
    demonyms: withPlurals(input.demonyms ?? []),
  };
}

/**
 * "Tanzanians", "Nigerians": the people of a place, named by its demonym's plural, are no name
 * either; the lists hold some plurals and not others, so each "-an" or "-i" demonym gets its "-s"
 * ("Bangladeshis"), made here rather than stored in the pack.
 */
function withPlurals(demonyms: Iterable<string>): Set<string> {
  const all = new Set(demonyms);
  for (const word of [...all]) if (/(?:an|i)$/.test(word)) all.add(`${word}s`);
  return all;
}

/** Straight quotes and single spaces: the form aliases are stored and looked up in. */
export function normalizeSurface(text: string): string {
  return text.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

/** Marks taken off ("Aimé": "Aime"), the form some lists write names in. */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** A given name or a part of people's names in any of the knowledge's lists ("Ngozi", "Okafor"). */
export function isPersonalNameWord(word: string, knowledge: Knowledge): boolean {
  const lower = word.toLowerCase();
  return knowledge.firstNames.has(lower) || knowledge.firstNames.has(foldAccents(lower)) || knowledge.givenNames.has(lower) || knowledge.nameParts.has(word);
}

/** "Finland", "Texas": whether a name is, in any of its senses, a country or a region of one. */
export function isCountryOrRegion(word: string, knowledge: Knowledge): boolean {
  return knowledge.aliases.get(word)?.some((sense) => /^(?:country|region)$/.test(knowledge.entries[sense.entry]!.kind)) ?? false;
}
