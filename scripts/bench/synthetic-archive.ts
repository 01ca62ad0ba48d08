/**
 * A deterministic synthetic archive for the search benchmark: seed files in the seed
 * format, seeded by the real seed's text. Words follow a Zipf distribution over the real
 * seed's vocabulary plus generated words (about 25,000 in all at 10,000 articles); each
 * article has ~3,500 characters, a 6–14 word title and 5–25 entities drawn from a list of
 * generated names, and a date between 2019 and 2024. Entities are found again by a cheap
 * exact-name extractor (the real one, compromise, costs ~30 ms an article).
 */
import type { ArticleEntity, EntityType } from '../../src/shared/archive-format';
import { fnv1a } from '../../src/shared/shards';

/** mulberry32: a small seeded PRNG, the same numbers on every run (also drives the chaos test). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka to ri mo sa lin der ven bar tal mi chel ro an us gor ash ef ul bek nas dim tor ris zan qu ha el ov ski'.split(' ');
const HOSTS = ['sputnikglobe.com', 'example-news.org', 'dailywire.example', 'globalpost.example', 'newsdesk.example'];

export interface SyntheticArchive {
  /** Seed files: name → content. */
  files: Map<string, string>;
  /** Names the extractor knows, with their type. */
  entities: Map<string, EntityType>;
  /** Queries for the benchmark: words, prefixes, typos, phrases, fields. */
  queries: string[];
}

export interface SyntheticOptions {
  /**
   * Half the articles on the five hosts above, half spread over one more site per 20
   * articles (2,500 sites at 50,000), drawn from a random stream of their own so that
   * everything else is the same archive as with five hosts.
   */
  manyHosts?: boolean;
}

/** Site names for the many-hosts archive: `<syllables>-news.example`, all different. */
function generatedHosts(seed: number, count: number): string[] {
  const rand = random(seed);
  const hosts = new Set<string>();
  while (hosts.size < count) {
    hosts.add(`${Array.from({ length: 3 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('')}-news.example`);
  }
  return [...hosts];
}

export function syntheticArchive(realSeed: string, count: number, options: SyntheticOptions = {}): SyntheticArchive {
  const rand = random(fnv1a(realSeed));
  const hostRand = random(fnv1a(`hosts:${realSeed}`));
  const moreHosts = options.manyHosts ? generatedHosts(fnv1a(`host names:${realSeed}`), Math.ceil(count / 20)) : [];
  const hostOf = (main: string): string => (moreHosts.length > 0 && hostRand() < 0.5 ? moreHosts[Math.floor(hostRand() * moreHosts.length)]! : main);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const word = (parts: number): string => Array.from({ length: parts }, () => pick(SYLLABLES)).join('');
  const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

  const seedWords = [...new Set(realSeed.split('\n').slice(2).join(' ').toLowerCase().match(/[a-z]+/g) ?? [])];
  const generated = new Set<string>();
  while (generated.size < 24_000) generated.add(word(2 + Math.floor(rand() * 3)));
  // Real words first: they become the most frequent, as function words are in news text.
  const vocabulary = [...seedWords, ...generated];
  // Zipf (s ≈ 1): rank r drawn with probability ∝ 1/r, by inverting the harmonic CDF approximately.
  const zipf = (): string => vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(rand() * Math.log(vocabulary.length + 1))) - 1)]!;

  const entities = new Map<string, EntityType>();
  const names: Array<[string, EntityType]> = [];
  while (names.length < 3000) {
    const type: EntityType = pick(['person', 'person', 'org', 'place']);
    const name = type === 'person' ? `${capital(word(2))} ${capital(word(2))}` : type === 'org' ? `${capital(word(3))} ${pick(['Council', 'Ministry', 'Forces', 'Group', 'Agency'])}` : capital(word(3));
    if (entities.has(name)) continue;
    entities.set(name, type);
    names.push([name, type]);
  }
  // A few famous names appear often (skewed draw), most rarely.
  const entityName = (): string => names[Math.floor(rand() * rand() * names.length)]![0];

  const sentence = (extra: string[]): string => {
    const length = 12 + Math.floor(rand() * 14);
    const parts = Array.from({ length }, zipf);
    for (const name of extra) parts.splice(Math.floor(rand() * parts.length), 0, name);
    const text = parts.join(' ');
    return `${capital(text)}.`;
  };

  const files = new Map<string, string>();
  const start = Date.UTC(2019, 0, 1);
  const days = 6 * 365;
  for (let i = 0; i < count; i++) {
    const date = new Date(start + Math.floor(rand() * days) * 86_400_000).toISOString().slice(0, 10);
    const host = hostOf(pick(HOSTS));
    const mentioned = Array.from({ length: 5 + Math.floor(rand() * 21) }, entityName);
    const title = `${capital(Array.from({ length: 5 + Math.floor(rand() * 8) }, zipf).join(' '))} ${mentioned[0]}`;
    const summary = sentence(mentioned.slice(0, 2));
    const paragraphs: string[] = [];
    let length = title.length + summary.length;
    let next = 1;
    while (length < 3300) {
      const paragraph = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(next < mentioned.length && rand() < 0.7 ? [mentioned[next++]!] : [])).join(' ');
      paragraphs.push(paragraph);
      length += paragraph.length;
    }
    const url = `https://${host}/${date.replace(/-/g, '')}/${word(3)}-${i}.html`;
    files.set(`synthetic_${String(i).padStart(5, '0')}.txt`, ` date ${date} ${url}\n\n${title}\n\n${summary}\n\n${paragraphs.join('\n\n')}\n`);
  }

  const famous = names.slice(0, 40);
  const queryRand = random(fnv1a(`queries:${realSeed}`));
  const pickQ = <T>(list: readonly T[]): T => list[Math.floor(queryRand() * list.length)]!;
  const [person] = famous.find(([, type]) => type === 'person') ?? names[0]!;
  const someWord = (): string => vocabulary[200 + Math.floor(queryRand() * 3000)]!;
  const typo = (w: string): string => (w.length > 4 ? w.slice(0, 2) + w.slice(3) : w);
  const queries = [
    'hezbollah', 'kirb', 'militia', 'drone strike', '"us forces"', someWord(), someWord(), `${someWord()} ${someWord()}`,
    typo(someWord()), someWord().slice(0, 3), pickQ(famous)[0].split(' ')[0]!.toLowerCase(),
    `entity:"${person}"`, `host:sputnikglobe.com ${someWord()}`, `${someWord()} before:2021-06-01`, `${someWord()} after:2023-01-01`,
    'iraq syria', 'baghd', 'washington', 'the', `${typo(pickQ(famous)[0].split(' ').at(-1)!.toLowerCase())}`,
  ];
  return { files, entities, queries };
}

/** Finds the synthetic names again, with their offsets: the benchmark's cheap entity extractor. */
export function syntheticExtractor(entities: ReadonlyMap<string, EntityType>): (text: string) => ArticleEntity[] {
  return (text) => {
    const found = new Map<string, ArticleEntity>();
    for (const match of text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b/g)) {
      const candidates = [match[0], match[0].split(' ')[0]!];
      for (const name of candidates) {
        const type = entities.get(name);
        if (!type) continue;
        const id = `${type}:${name.toLowerCase().replace(/\s+/g, '-')}`;
        let entity = found.get(id);
        if (!entity) found.set(id, (entity = { id, type, name, aliases: [name], count: 0, mentions: [] }));
        entity.mentions.push([match.index, match.index + name.length]);
        entity.count += 1;
        break;
      }
    }
    return [...found.values()].sort((a, b) => a.type.localeCompare(b.type) || b.count - a.count || a.name.localeCompare(b.name));
  };
}
