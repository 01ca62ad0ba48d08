/**
 * Impact-ordered postings tiers (src/shared/search-build.ts writes them, the engine reads
 * a frequent term's later tiers only when the first page cannot be proven without them):
 * on random corpora and random queries, the first page and the count are exactly those of
 * the same index with every term's postings stored whole (read exhaustively). A wrong bound
 * in the index makes the comparison fail.
 */
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT_VERSION, type Article, type ArticleEntity } from '../../../src/shared/archive-format';
import { buildSearchIndex, encodePresence, impactTiers } from '../../../src/shared/search-build';
import { SearchEngine } from '../../../src/shared/search-engine';
import { random } from '../../../scripts/bench/synthetic-archive';
import { HEAD_DOCS, TIER_MIN_DOCS, presenceKey, tierKey, type DictShard, type PostingsShard, type TiersShard } from '../../../src/shared/search-format';

/** Words sharing prefixes (prefix expansions) and near misses of each other (typo expansions). */
const VOCAB = [
  'harbour', 'harbor', 'harbours', 'council', 'councils', 'counsel', 'ferry', 'ferries', 'dredging', 'dredge', 'budget',
  'budgets', 'tram', 'trams', 'tramway', 'glacier', 'orchard', 'orchards', 'tariff', 'tariffs', 'viaduct', 'storm', 'storms',
  'stormy', 'mayor', 'mayors', 'market', 'markets', 'marked', 'river', 'rivers', 'rover', 'bridge', 'bridges', 'strike',
  'striker', 'drone', 'drones', 'forces', 'force',
];
const HOSTS = ['one.example', 'two.example', 'three.example', 'four.example'];

/** A corpus where the first words are in most documents (tiered) and the rest get rarer. */
function corpus(seed: number, size: number): Article[] {
  const next = random(seed);
  const word = (): string => VOCAB[Math.floor(VOCAB.length * next() ** 2.2)]!;
  const text = (min: number, max: number): string => Array.from({ length: min + Math.floor(next() * (max - min)) }, word).join(' ');
  const articles = Array.from({ length: size }, (_, i): Article => {
    const title = text(2, 7);
    const summary = text(3, 15);
    const paragraphs = [text(5, 80), text(0, 40)];
    const entities: ArticleEntity[] = next() < 0.4 ? [{ id: `org:${i % 30}`, type: 'org', name: `${word()} ${word()}`, aliases: [], count: 1, mentions: [] }] : [];
    const host = HOSTS[Math.floor(next() * HOSTS.length)]!;
    const date = `202${Math.floor(next() * 4)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    const id = (seed * 100_000 + i).toString(16).padStart(16, '0');
    return { format: ARCHIVE_FORMAT_VERSION, id, url: `https://${host}/${i}`, key: `${host}/${i}`, host, date, title, summary, paragraphs, entities };
  });
  return articles.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

/** A random query: words, prefixes and typos of the vocabulary, sometimes a phrase, a site, dates or an entity. */
function query(next: () => number): string {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const term = (): string => {
    const w = VOCAB[Math.floor(VOCAB.length * next() ** 1.5)]!;
    const kind = next();
    if (kind < 0.5) return w;
    if (kind < 0.75) return w.slice(0, 2 + Math.floor(next() * 3));
    const at = Math.floor(next() * w.length);
    return w.slice(0, at) + pick([...'aeiorst']) + w.slice(at + 1);
  };
  const parts = Array.from({ length: 1 + Math.floor(next() * 3) }, term);
  if (next() < 0.12) parts.push(`"${pick(VOCAB)} ${pick(VOCAB)}"`);
  if (next() < 0.15) parts.push(`host:${pick(HOSTS)}`);
  if (next() < 0.15) parts.push(`${pick(['before', 'after'])}:202${Math.floor(next() * 4)}-06-01`);
  if (next() < 0.1) parts.push(`entity:${pick(VOCAB)}`);
  return parts.join(' ');
}

/** The same index with every term's postings whole in its postings file: what an exhaustive read gives. */
function untiered(files: Map<string, unknown>): Map<string, unknown> {
  const flat = new Map([...files].map(([path, value]) => [path, structuredClone(value)]));
  const decode = (gaps: readonly number[]): number[] => {
    const raw: number[] = [];
    for (let i = 0, doc = 0; i < gaps.length; i += 2) raw.push((doc += gaps[i]!), gaps[i + 1]!);
    return raw;
  };
  for (const [path, value] of flat) {
    if (!path.startsWith('search/dict/')) continue;
    for (const [term, entry] of Object.entries(value as DictShard)) {
      const [df, file, tiers] = entry;
      if (!tiers) continue;
      const shard = flat.get(`search/postings/${file}.json`) as PostingsShard;
      const entries = [shard[term] as number[], ...tiers.map(([tierFile], i) => (flat.get(`search/tiers/${tierFile}.json`) as TiersShard)[tierKey(term, i + 1)]!)].flatMap((list) => {
        const raw = decode(list);
        return Array.from({ length: raw.length / 2 }, (_, k) => [raw[2 * k]!, raw[2 * k + 1]!] as const);
      });
      entries.sort((a, b) => a[0] - b[0]);
      let previous = 0;
      shard[term] = entries.flatMap(([doc, score]) => {
        const gap = doc - previous;
        previous = doc;
        return [gap, score];
      });
      delete shard[presenceKey(term)];
      (value as DictShard)[term] = [df, file];
    }
  }
  for (const path of flat.keys()) if (path.startsWith('search/tiers/')) flat.delete(path);
  return flat;
}

function engineOf(files: Map<string, unknown>, articles: readonly Article[], read: string[] = []): SearchEngine {
  const byPath = new Map(articles.map((a) => [`articles/${a.id}.json`, a]));
  return new SearchEngine(async (path) => {
    read.push(path);
    const value = files.get(path) ?? byPath.get(path);
    if (value === undefined) throw new Error(`missing ${path}`);
    return JSON.parse(JSON.stringify(value));
  });
}

const LIMITS = [1, 8, 20];

describe('impactTiers', () => {
  it('keeps a short list whole, and cuts a long one by score, then newer first, each tier ascending by document', () => {
    const short = Array.from({ length: TIER_MIN_DOCS - 1 }, (_, doc) => [doc, 1 + (doc % 50)]).flat();
    expect(impactTiers(short)).toEqual([short]);
    const next = random(7);
    const long = Array.from({ length: 10_000 }, (_, doc) => [doc, 1 + Math.floor(next() * 400)]).flat();
    const tiers = impactTiers(long);
    expect(tiers.map((tier) => tier.length / 2)).toEqual([HEAD_DOCS, 3 * HEAD_DOCS, 10_000 - 4 * HEAD_DOCS]);
    expect(tiers.reduce((n, tier) => n + tier.length, 0)).toBe(long.length);
    const entries = tiers.map((tier) => Array.from({ length: tier.length / 2 }, (_, i) => [tier[2 * i]!, tier[2 * i + 1]!] as const));
    // Every entry of a tier comes before every entry of the next in the engine's order.
    const before = (a: readonly [number, number], b: readonly [number, number]): boolean => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
    for (let t = 1; t < entries.length; t++) {
      const worst = entries[t - 1]!.reduce((w, e) => (before(w, e) ? e : w));
      const bestLater = entries[t]!.reduce((b, e) => (before(e, b) ? e : b));
      expect(before(worst, bestLater)).toBe(true);
    }
    for (const tier of entries) expect(tier.map(([doc]) => doc)).toEqual(tier.map(([doc]) => doc).sort((a, b) => a - b));
  });

  it('cuts a list whose scores are all equal by document: the newest first', () => {
    const flat = Array.from({ length: 5000 }, (_, doc) => [doc, 100]).flat();
    const [head] = impactTiers(flat);
    expect(head!.filter((_, i) => i % 2 === 0)).toEqual(Array.from({ length: HEAD_DOCS }, (_, doc) => doc));
  });
});

describe('encodePresence', () => {
  it('is a bitmap for dense documents and gaps for sparse ones', () => {
    const dense = Array.from({ length: 5000 }, (_, i) => i * 2);
    expect(typeof encodePresence(dense, 10_000)).toBe('string');
    expect(encodePresence([3, 10, 9000], 10_000)).toEqual([3, 7, 8990]);
  });
});

describe('tiered postings give the exhaustive first page', () => {
  for (const seed of [1, 2, 3]) {
    const articles = corpus(seed, 2600 + seed * 300);
    const files = buildSearchIndex(articles);
    const flat = untiered(files);
    const next = random(seed * 31);
    const queries = Array.from({ length: 120 }, () => query(next));

    it(`corpus ${seed}: same hits, scores, matched terms and count for ${queries.length} random queries, cold and warm`, async () => {
      const tierFiles = [...files.keys()].filter((path) => path.startsWith('search/tiers/'));
      expect(tierFiles.length).toBeGreaterThan(0);
      const reference = engineOf(flat, articles);
      const warm = engineOf(files, articles);
      let answeredFromHeads = 0;
      let deepened = 0;
      for (const [i, q] of queries.entries()) {
        const limit = LIMITS[i % LIMITS.length]!;
        const expected = await reference.search(q, limit);
        const read: string[] = [];
        expect(await engineOf(files, articles, read).search(q, limit), `${q} (limit ${limit})`).toEqual(expected);
        expect(await warm.search(q, limit), `${q} (limit ${limit}, warm)`).toEqual(expected);
        const tiersRead = read.filter((path) => path.startsWith('search/tiers/')).length;
        if (tiersRead > 0) deepened += 1;
        else if (read.some((path) => path.startsWith('search/postings/'))) answeredFromHeads += 1;
      }
      // Not vacuous: many queries stop at the first tiers, and some need more.
      expect(answeredFromHeads).toBeGreaterThan(queries.length / 4);
      expect(deepened).toBeGreaterThan(0);
    }, 60_000);

    it(`corpus ${seed}: a bound below the tier's real scores gives other answers`, async () => {
      const wrong = new Map([...files].map(([path, value]) => [path, structuredClone(value)]));
      for (const [path, value] of wrong) {
        if (!path.startsWith('search/dict/')) continue;
        for (const entry of Object.values(value as DictShard)) for (const ref of entry[2] ?? []) ref[1] = Math.floor(ref[1] / 2);
      }
      const reference = engineOf(flat, articles);
      let differ = 0;
      for (const [i, q] of queries.entries()) {
        const limit = LIMITS[i % LIMITS.length]!;
        if (JSON.stringify(await engineOf(wrong, articles).search(q, limit)) !== JSON.stringify(await reference.search(q, limit))) differ += 1;
      }
      expect(differ).toBeGreaterThan(0);
    }, 60_000);
  }
});

describe('documents with no entry read yet', () => {
  it('are bounded too: a site filter leaves only low-scoring first tiers, and an unread tier holds the best', async () => {
    // "alp" expands to alpha and alpine. On site b, alpine's first tier (titles) is all that is
    // read; alpha, rarer, scores higher in the bodies of its later tier on that site.
    const filler = (n: number): string => Array.from({ length: n }, (_, i) => `filler${i % 40}`).join(' ');
    const make = (i: number, host: string, title: string, body: string): Article => ({
      format: ARCHIVE_FORMAT_VERSION,
      id: i.toString(16).padStart(16, '0'),
      url: `https://${host}/${i}`,
      key: `${host}/${i}`,
      host,
      date: '2024-01-01',
      title,
      summary: 'Summary.',
      paragraphs: [body],
      entities: [],
    });
    const articles: Article[] = [];
    for (let i = 0; i < 1000; i++) articles.push(make(articles.length, 'a.example', 'alpha report', filler(60)));
    for (let i = 0; i < 1100; i++) articles.push(make(articles.length, i < 50 ? 'b.example' : 'c.example', 'other report', `alpha alpha alpha alpha alpha ${filler(10)}`));
    for (let i = 0; i < 1000; i++) articles.push(make(articles.length, 'b.example', 'alpine report', filler(60)));
    for (let i = 0; i < 3000; i++) articles.push(make(articles.length, 'c.example', 'other report', `alpine ${filler(120)}`));
    const files = buildSearchIndex(articles);
    const read: string[] = [];
    const found = await engineOf(files, articles, read).search('alp host:b.example', 20);
    expect(found).toEqual(await engineOf(untiered(files), articles).search('alp host:b.example', 20));
    expect(found.hits[0]!.title).toBe('other report');
    expect(read.some((path) => path.startsWith('search/tiers/'))).toBe(true);
  }, 60_000);
});
