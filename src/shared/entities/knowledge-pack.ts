/**
 * The knowledge pack: the compiled entity knowledge (./knowledge.ts) as one compact JSON
 * file, written at build time (scripts/archive/knowledge-pack.ts) into the extension and
 * read back in the browser by the capture extractor, so a captured article is read with
 * the knowledge the build used. Decoding gives back the same Knowledge the build compiled
 * (same entries in the same order, same senses per alias in the same order, same word lists):
 * the extractor's output in the browser is the build's.
 *
 * Layout (each list is a string of lines, which gzip packs far better than JSON arrays):
 * - `entries`: one line an entry, `<type><kind><name>` then a tab-separated field per alias
 *   of that entry, `<strength><surface>`, the surface left empty when it is the name itself;
 * - `order`: the aliases whose senses are not in entry order within a strength, written in
 *   full (`surface\tentry strength,entry strength`), since the compiler lets entries listed
 *   first win ties and an entry can gain an alias after a later entry did;
 * - `capitals`: `capital\tentry`; the word lists, one word a line.
 */
import type { EntityType } from '../archive-format';
import type { AliasSense, EntryKind, Knowledge, KnowledgeEntry, Strength } from './knowledge';

export const KNOWLEDGE_PACK_FORMAT = 'backstory-entity-knowledge';
export const KNOWLEDGE_PACK_VERSION = 2;

export interface KnowledgePack {
  format: typeof KNOWLEDGE_PACK_FORMAT;
  version: number;
  /** Where the names come from and under which licences (the data packages' terms travel with their data). */
  notice: string;
  entries: string;
  order: string;
  capitals: string;
  firstNames: string;
  givenNames: string;
  nameParts: string;
  commonWords: string;
  companyWords: string;
  demonyms: string;
}

const WORD_LISTS = ['firstNames', 'givenNames', 'nameParts', 'commonWords', 'companyWords', 'demonyms'] as const;

const TYPE_CODE: Record<EntityType, string> = { person: 'p', org: 'o', place: 'l', date: 'd' };
const KIND_CODE: Record<EntryKind, string> = { country: 'c', city: 'y', town: 't', region: 'r', org: 'o', company: 'm', club: 'k' };
const STRENGTH_CODE: Record<Strength, string> = { strong: 's', weak: 'w', contextual: 'c', sports: 'x' };
const STRENGTH_RANK: Record<Strength, number> = { strong: 0, sports: 1, contextual: 2, weak: 3 };

const invert = <K extends string>(codes: Record<K, string>): Map<string, K> =>
  new Map(Object.entries(codes).map(([key, code]) => [code as string, key as K]));
const TYPE_OF = invert(TYPE_CODE);
const KIND_OF = invert(KIND_CODE);
const STRENGTH_OF = invert(STRENGTH_CODE);

export class KnowledgePackError extends Error {}

export function encodeKnowledgePack(knowledge: Knowledge, notice = ''): KnowledgePack {
  const ownAliases = knowledge.entries.map(() => [] as string[]);
  for (const [surface, senses] of knowledge.aliases) {
    for (const { entry, strength } of senses) {
      const name = knowledge.entries[entry]?.name;
      if (name === undefined) throw new KnowledgePackError(`alias "${surface}" points at entry ${entry}, which does not exist`);
      ownAliases[entry]!.push(STRENGTH_CODE[strength] + (surface === name ? '' : surface));
    }
  }
  for (const entry of knowledge.entries) {
    if (/[\t\n]/.test(entry.name)) throw new KnowledgePackError(`entry "${entry.name}" holds a tab or a line break, which the pack uses as separators`);
  }
  const entries = knowledge.entries.map(
    (entry, i) => [TYPE_CODE[entry.type] + KIND_CODE[entry.kind] + entry.name, ...ownAliases[i]!].join('\t'),
  );
  // What decoding rebuilds from the entry lines alone; the aliases it would order otherwise are written out.
  const rebuilt = sensesInEntryOrder(knowledge.entries, entries.map((line) => line.split('\t').slice(1)));
  const order: string[] = [];
  for (const [surface, senses] of knowledge.aliases) {
    const again = rebuilt.get(surface) ?? [];
    const same = again.length === senses.length && again.every((s, k) => s.entry === senses[k]!.entry && s.strength === senses[k]!.strength);
    if (!same) order.push([surface, senses.map((s) => `${s.entry} ${STRENGTH_CODE[s.strength]}`).join(',')].join('\t'));
  }
  const lines = (words: Iterable<string>): string => [...words].sort().join('\n');
  return {
    format: KNOWLEDGE_PACK_FORMAT,
    version: KNOWLEDGE_PACK_VERSION,
    notice,
    entries: entries.join('\n'),
    order: order.join('\n'),
    capitals: [...knowledge.capitals].map(([capital, entry]) => `${capital}\t${entry}`).join('\n'),
    firstNames: lines(knowledge.firstNames),
    givenNames: lines(knowledge.givenNames),
    nameParts: lines(knowledge.nameParts),
    commonWords: lines(knowledge.commonWords),
    companyWords: lines(knowledge.companyWords),
    demonyms: lines(knowledge.demonyms),
  };
}

/** The Knowledge a pack was encoded from; throws a KnowledgePackError naming what is wrong. */
export function decodeKnowledgePack(value: unknown): Knowledge {
  const pack = checkShape(value);
  const entries: KnowledgeEntry[] = [];
  const aliasFields: string[][] = [];
  for (const [n, line] of splitLines(pack.entries).entries()) {
    const [head = '', ...fields] = line.split('\t');
    const type = TYPE_OF.get(head[0] ?? '');
    const kind = KIND_OF.get(head[1] ?? '');
    const name = head.slice(2);
    if (!type || !kind || !name) throw new KnowledgePackError(`knowledge pack: entry line ${n + 1} ("${head}") has no valid type, kind and name`);
    entries.push({ type, name, kind });
    aliasFields.push(fields);
  }
  const aliases = sensesInEntryOrder(entries, aliasFields);
  for (const line of splitLines(pack.order)) {
    const [surface = '', list = ''] = line.split('\t');
    aliases.set(
      surface,
      list.split(',').map((item) => {
        const [entry, code = ''] = item.split(' ');
        return { entry: entryIndex(entry, entries.length, `alias "${surface}"`), strength: strengthOf(code, `alias "${surface}"`) };
      }),
    );
  }
  let maxWords = 1;
  for (const surface of aliases.keys()) maxWords = Math.max(maxWords, surface.split(' ').length);
  const capitals = new Map<string, number>();
  for (const line of splitLines(pack.capitals)) {
    const [capital = '', entry] = line.split('\t');
    capitals.set(capital, entryIndex(entry, entries.length, `capital "${capital}"`));
  }
  const set = (list: (typeof WORD_LISTS)[number]): Set<string> => new Set(splitLines(pack[list]));
  return {
    entries,
    aliases,
    maxWords,
    capitals,
    firstNames: set('firstNames'),
    givenNames: set('givenNames'),
    nameParts: set('nameParts'),
    commonWords: set('commonWords'),
    companyWords: set('companyWords'),
    demonyms: set('demonyms'),
  };
}

/** Senses per surface as the compiler orders them when entries gain their aliases in entry order. */
function sensesInEntryOrder(entries: readonly KnowledgeEntry[], fields: readonly (readonly string[])[]): Map<string, AliasSense[]> {
  const aliases = new Map<string, AliasSense[]>();
  fields.forEach((own, entry) => {
    for (const field of own) {
      const strength = strengthOf(field[0] ?? '', `entry ${entry + 1}`);
      const surface = field.slice(1) || entries[entry]!.name;
      const senses = aliases.get(surface);
      if (senses) senses.push({ entry, strength });
      else aliases.set(surface, [{ entry, strength }]);
    }
  });
  // Stable: equal strengths keep entry order.
  for (const senses of aliases.values()) senses.sort((a, b) => STRENGTH_RANK[a.strength] - STRENGTH_RANK[b.strength]);
  return aliases;
}

function checkShape(value: unknown): KnowledgePack {
  if (typeof value !== 'object' || value === null) throw new KnowledgePackError('knowledge pack: not an object');
  const pack = value as Record<string, unknown>;
  if (pack.format !== KNOWLEDGE_PACK_FORMAT) throw new KnowledgePackError(`knowledge pack: format is ${JSON.stringify(pack.format)}, not "${KNOWLEDGE_PACK_FORMAT}"`);
  if (pack.version !== KNOWLEDGE_PACK_VERSION) throw new KnowledgePackError(`knowledge pack: version ${JSON.stringify(pack.version)}, this extractor reads ${KNOWLEDGE_PACK_VERSION}`);
  for (const key of ['entries', 'order', 'capitals', ...WORD_LISTS]) {
    if (typeof pack[key] !== 'string') throw new KnowledgePackError(`knowledge pack: "${key}" is not a string`);
  }
  return pack as unknown as KnowledgePack;
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

function strengthOf(code: string, where: string): Strength {
  const strength = STRENGTH_OF.get(code);
  if (!strength) throw new KnowledgePackError(`knowledge pack: ${where} has an unknown strength "${code}"`);
  return strength;
}

function entryIndex(text: string | undefined, count: number, where: string): number {
  const index = Number(text);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new KnowledgePackError(`knowledge pack: ${where} points at entry "${text}", not one of ${count}`);
  return index;
}
