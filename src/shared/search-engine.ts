/**
 * Searches the archive's prebuilt index (archive/search/, src/shared/search-format.ts) in
 * the popup. It reads meta.json, then per query only the dictionary letters, postings
 * shards and document chunks it needs, and keeps what it read for the next keystroke.
 *
 * Term lookup (exact, prefix, typos) uses MiniSearch's SearchableMap, a radix tree with a
 * bounded Levenshtein walk, over one dictionary letter at a time (docs/search.md).
 */
import SearchableMap from 'minisearch/SearchableMap';
import { articleBlocks, type Article, type ArticleEntity } from './archive-format';
import { cachedJson, type FetchJson } from './archive-reader';
import {
  DOCS_PER_CHUNK,
  SEARCH_FORMAT_VERSION,
  dictShardName,
  entityKey,
  hostKey,
  presenceKey,
  tierKey,
  type DateIndex,
  type DictEntry,
  type DictShard,
  type DocChunk,
  type HostFiles,
  type PostingsShard,
  type SearchMeta,
  type TierRef,
  type TiersShard,
} from './search-format';
import { RecentMap } from './recent-map';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './search-query';
import { snippet, terms as textTerms, words, type SnippetPart, type WordSpan } from './search-text';

/** Weights of a query word's expansions: the word itself, longer words it starts, near misses. */
const EXACT = 1;
const PREFIX = 0.75;
const TYPO = [1, 0.55, 0.35] as const;
const MAX_PREFIX_EXPANSIONS = 12;
const MAX_TYPO_EXPANSIONS = 6;
/** Candidates checked against the article text when the query has phrases or entity names. */
const MAX_VERIFIED = 120;

export interface SearchHit {
  id: string;
  url: string;
  title: string;
  date: string;
  host: string;
  score: number;
  /** Index terms this hit matched (the query's words after prefix/typo expansion). */
  matched: string[];
}

export interface HitDetails {
  snippet: SnippetPart[];
  /** Entities of the article that the query matched, by name. */
  entities: Array<Pick<ArticleEntity, 'id' | 'type' | 'name'>>;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Documents that matched before the limit. */
  total: number;
}

type Expansion = Map<string, number>;

/**
 * Articles whose details were asked last, with their text's words: typing a longer query
 * asks the same hits' snippets again, and splitting an article into words was most of a
 * snippet's cost. A popup shows 8 snippets a query; this keeps the last few queries' worth.
 */
export const KEPT_DETAILED = 24;

/** What a hit's details are made from, the same for every query: the article's text, its words, its entities' terms. */
interface DetailedText {
  article: Article;
  body: string;
  words: WordSpan[];
  /** Per entity (dates left out), the terms of its name and of each alias. */
  entities: Array<{ entity: ArticleEntity; names: string[][] }>;
}

export interface SearchEngineOptions {
  /** How many articles' words are kept for their next snippet (KEPT_DETAILED; 0: none). */
  keptDetailed?: number;
}

export class SearchEngine {
  private readonly dictionaries = new Map<string, Promise<SearchableMap<DictEntry>>>();
  /** Term → its dictionary entry (postings file, later tiers), learnt from the dictionary. */
  private readonly entryOf = new Map<string, DictEntry>();
  /** Postings decoded so far (a frequent term's deepen as later tiers are read). */
  private readonly decoded = new Map<string, Postings>();

  private readonly read: <T>(path: string) => Promise<T>;
  private readonly detailed: RecentMap<string, DetailedText>;

  /** `fetchJson` resolves a path under archive/ to its parsed JSON. */
  constructor(fetchJson: FetchJson, { keptDetailed = KEPT_DETAILED }: SearchEngineOptions = {}) {
    this.read = cachedJson(fetchJson);
    this.detailed = new RecentMap(keptDetailed);
  }

  async meta(): Promise<SearchMeta> {
    const meta = await this.read<SearchMeta>('search/meta.json');
    if (meta.format !== SEARCH_FORMAT_VERSION) throw new Error(`search index format ${String(meta.format)} is not ${SEARCH_FORMAT_VERSION}`);
    return meta;
  }

  /**
   * Site → the postings file of its `host:` key: search/hosts.json, read only by a query
   * with a host: filter (about 30 bytes a site: 156 KB at 100,000 articles on 5,005 sites,
   * which meta.json held before and every popup open read). A captured segment stored by
   * an earlier version has them in its meta.json.
   */
  private async hostFiles(): Promise<HostFiles> {
    const { hosts } = await this.meta();
    return hosts ?? this.read<HostFiles>('search/hosts.json');
  }

  private async dictionary(name: string): Promise<SearchableMap<DictEntry>> {
    let pending = this.dictionaries.get(name);
    if (!pending) {
      pending = (async () => {
        // Read together with meta.json (one round trip, not two); a letter no term starts with has no file.
        const [meta, shard] = await Promise.all([this.meta(), this.read<DictShard>(`search/dict/${name}.json`).catch(() => null)]);
        if (!meta.dictShards.includes(name) || shard === null) return new SearchableMap<DictEntry>();
        return SearchableMap.fromObject(shard);
      })();
      pending.catch(() => this.dictionaries.delete(name));
      this.dictionaries.set(name, pending);
    }
    return pending;
  }

  /** Index terms a query word stands for, with weights: itself, words it begins, typos of it. */
  async expand(term: string): Promise<Expansion> {
    const dict = await this.dictionary(dictShardName(term));
    const found: Expansion = new Map();
    const exact = dict.get(term);
    if (exact) {
      found.set(term, EXACT);
      this.entryOf.set(term, exact);
    }
    if (term.length >= 2) {
      const longer: Array<[string, DictEntry]> = [];
      dict.atPrefix(term).forEach((key, entry) => {
        if (key !== term) longer.push([key, entry]);
      });
      longer.sort((a, b) => b[1][0] - a[1][0] || a[0].localeCompare(b[0]));
      for (const [key, entry] of longer.slice(0, MAX_PREFIX_EXPANSIONS)) {
        found.set(key, PREFIX);
        this.entryOf.set(key, entry);
      }
    }
    if (term.length >= 4) {
      const maxEdits = term.length >= 8 ? 2 : 1;
      const typos = [...dict.fuzzyGet(term, maxEdits)]
        .filter(([key]) => !found.has(key))
        .sort((a, b) => a[1][1] - b[1][1] || b[1][0][0] - a[1][0][0] || a[0].localeCompare(b[0]))
        .slice(0, MAX_TYPO_EXPANSIONS);
      for (const [key, [entry, distance]] of typos) {
        found.set(key, TYPO[distance] ?? 0);
        this.entryOf.set(key, entry);
      }
    }
    return found;
  }

  /** The postings of each key as read so far (a frequent term: its first tier), decoded once and kept (absent keys give empty lists). */
  private async postings(keys: readonly string[]): Promise<Map<string, Postings>> {
    const result = new Map<string, Postings>();
    await Promise.all(
      keys.map(async (key) => {
        let decoded = this.decoded.get(key);
        if (!decoded) {
          // "@term" lives beside its term (its tiers are the term's); "host:" keys are listed by site (hostFiles).
          const host = key.startsWith('host:') ? key.slice(5) : null;
          const hosts = host !== null ? await this.hostFiles() : null;
          const entry = host === null ? this.entryOf.get(key.replace(/^@/, '')) : undefined;
          const file = host !== null && hosts ? (Object.hasOwn(hosts, host) ? hosts[host] : undefined) : entry?.[1];
          if (file === undefined) {
            result.set(key, EMPTY);
            return;
          }
          const shard = await this.read<PostingsShard>(`search/postings/${file}.json`);
          const tiers = entry && !key.startsWith('@') ? (entry[2] ?? []) : [];
          decoded = decodePostings(key, shard, tiers, this.read.bind(this), (await this.meta()).docCount);
          if (!this.decoded.has(key)) this.decoded.set(key, decoded);
          decoded = this.decoded.get(key)!;
        }
        result.set(key, decoded);
      }),
    );
    return result;
  }

  private async doc(doc: number): Promise<Omit<SearchHit, 'score' | 'matched'>> {
    const chunk = await this.read<DocChunk>(`search/docs/${Math.floor(doc / DOCS_PER_CHUNK)}.json`);
    const row = chunk[doc % DOCS_PER_CHUNK];
    if (!row) throw new Error(`search index has no document ${doc}`);
    const [id, url, title, date, host] = row;
    return { id, url, title, date, host };
  }

  /** The document range [from, to) dated within the query's before/after. */
  private async dateRange(query: ParsedQuery, count: number): Promise<[number, number]> {
    if (!query.before && !query.after) return [0, count];
    const dates = await this.read<DateIndex>('search/dates.json');
    let from = 0;
    let to = count;
    // Newest first: "before" drops the newest documents, "after" the oldest.
    if (query.before) from = dates.find(([date]) => date < query.before!)?.[1] ?? count;
    if (query.after) to = dates.find(([date]) => date <= query.after!)?.[1] ?? count;
    return [from, Math.max(from, to)];
  }

  async search(input: string, limit = 20): Promise<SearchResults> {
    const query = parseQuery(input);
    if (isEmptyQuery(query)) return this.recent(limit);

    // Every word (and every entity-filter word) with its expansions, then their postings.
    // The dictionary letters are asked for beside meta.json, not after it: on a cold open
    // they are the second read of a chain of four (meta, dictionary, postings, documents).
    const [meta, wordExpansions, entityExpansions] = await Promise.all([
      this.meta(),
      Promise.all(query.terms.map((term) => this.expand(term))),
      Promise.all(query.entities.flat().map((term) => this.expand(term))),
    ]);
    const count = meta.docCount;
    const keys = new Set<string>();
    for (const expansion of wordExpansions) for (const key of expansion.keys()) keys.add(key);
    for (const expansion of entityExpansions) for (const key of expansion.keys()) keys.add(entityKey(key));
    for (const host of query.hosts) keys.add(hostKey(host));
    const [postings, [from, to]] = await Promise.all([this.postings([...keys]), this.dateRange(query, count)]);
    const list = (key: string): Postings => postings.get(key) ?? EMPTY;

    // Filters as one mask over documents: date range, then every host and entity filter.
    const allowed = new Uint8Array(count);
    allowed.fill(1, from, to);
    const filters: Postings[][] = [
      ...query.hosts.map((host) => [list(hostKey(host))]),
      ...entityExpansions.map((expansion) => [...expansion.keys()].map((key) => list(entityKey(key)))),
    ];
    for (const lists of filters) {
      const hit = new Uint8Array(count);
      for (const { docs } of lists) for (const doc of docs) hit[doc] = 1;
      for (let doc = 0; doc < count; doc++) allowed[doc] = allowed[doc]! & hit[doc]!;
    }

    // Each word counts with the best of its expansions in a document. A frequent term's
    // later tiers are read only while the first page cannot be proven from what was read.
    const needsText = query.phrases.length > 0 || query.entities.some((words) => words.length > 1);
    const keep = needsText ? MAX_VERIFIED : limit;
    const wordKeys = [...new Set(wordExpansions.flatMap((expansion) => [...expansion.keys()]))];
    const wordLists = wordExpansions.map((expansion) => [...expansion].map(([key, weight]) => [list(key), weight] as const));
    let ranked = rank(wordLists, allowed, keep);
    for (let round = 1; ranked.doubtful; round++) {
      // The next tier of each key that may hold a document whose place is in doubt; from the
      // second round on, all its tiers left (a query that needs more than one more tier
      // usually needs most of them, and each round ranks again).
      const { doubtful } = ranked;
      const unread = wordKeys.map(list).filter((p) => !p.complete);
      if (unread.length === 0) throw new Error('search ranking unproven with every tier read');
      const needed = doubtful === 'unseen' ? [] : unread.filter((p) => doubtful.some((doc) => p.isPending(doc)));
      await Promise.all((needed.length > 0 ? needed : unread).map((p) => p.deepen(round > 1)));
      ranked = rank(wordLists, allowed, keep);
    }
    const { top, total, matches } = ranked;

    const matchedTerms = (doc: number): string[] =>
      wordExpansions.flatMap((expansion) => [...expansion.keys()].filter((key) => list(key).has(doc)));
    const hits: SearchHit[] = [];
    const batchSize = needsText ? 10 : limit;
    for (let i = 0; i < top.length && hits.length < limit; i += batchSize) {
      const batch = top.slice(i, i + batchSize);
      const rows = await Promise.all(batch.map((doc) => this.doc(doc)));
      const passes = needsText
        ? await Promise.all(rows.map(async (row) => this.matchesText(await this.article(row.id), query)))
        : rows.map(() => true);
      rows.forEach((row, j) => {
        const doc = batch[j]!;
        if (passes[j] && hits.length < limit) hits.push({ ...row, score: Math.round(total[doc]!), matched: matchedTerms(doc) });
      });
    }
    return { hits, total: needsText ? hits.length : matches };
  }

  /** The newest articles, for an empty query. */
  async recent(limit: number): Promise<SearchResults> {
    const meta = await this.meta();
    const count = Math.min(limit, meta.docCount);
    const rows = await Promise.all(Array.from({ length: count }, (_, doc) => this.doc(doc)));
    return { hits: rows.map((row) => ({ ...row, score: 0, matched: [] })), total: meta.docCount };
  }

  article(id: string): Promise<Article> {
    if (!/^[0-9a-f]{16}$/.test(id)) return Promise.reject(new Error(`not an article id: ${JSON.stringify(id)}`));
    return this.read<Article>(`articles/${id}.json`);
  }

  /** Phrases appear as consecutive words, and each entity filter is inside one entity's name or alias. */
  private matchesText(article: Article, query: ParsedQuery): boolean {
    const text = query.phrases.length > 0 ? foldText(articleBlocks(article).join('\n\n')) : '';
    const phrasesOk = query.phrases.every((phrase) => phrasePattern(phrase).test(text));
    const entitiesOk = query.entities.every((wanted) =>
      article.entities.some((entity) => [entity.name, ...entity.aliases].some((name) => containsRun(textTerms(name), wanted))),
    );
    return phrasesOk && entitiesOk;
  }

  /** The snippet and matching entities of a hit, from its article (fetched now, kept after). */
  async details(hit: SearchHit, input: string): Promise<HitDetails> {
    const article = await this.article(hit.id);
    const query = parseQuery(input);
    const matched = new Set([...hit.matched, ...query.entities.flat(), ...query.phrases.flat()]);
    const text = this.detailedText(hit.id, article);
    const entities = text.entities
      .filter(({ names }) => names.some((terms) => terms.some((term) => matched.has(term))))
      .slice(0, 4)
      .map(({ entity: { id, type, name } }) => ({ id, type, name }));
    return { snippet: snippet(text.body, matched, undefined, text.words), entities };
  }

  /** The article's text and words as kept from its last details, or made now (an article read again anew is split again). */
  private detailedText(id: string, article: Article): DetailedText {
    const kept = this.detailed.get(id);
    if (kept?.article === article) return kept;
    const body = [article.summary, ...article.paragraphs].join('\n\n');
    const entities = article.entities
      .filter((entity) => entity.type !== 'date')
      .map((entity) => ({ entity, names: [entity.name, ...entity.aliases].map(textTerms) }));
    const made = { article, body, words: words(body), entities };
    this.detailed.set(id, made);
    return made;
  }
}

/** Lower case without accents, as terms are (the text keeps its apostrophes). */
function foldText(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * The phrase's words next to each other in folded text: any separators between them, the
 * apostrophes and possessive "’s" that normalizeTerm drops allowed back in.
 */
function phrasePattern(phrase: readonly string[]): RegExp {
  const word = (term: string): string =>
    [...term].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join("['’ʼ]?") + "(?:['’ʼ]s)?";
  return new RegExp(`(?<![\\p{L}\\p{N}])${phrase.map(word).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u');
}

/**
 * A key's postings as read so far: the entries read (ascending documents and their
 * scores) and, for a frequent term whose later tiers are not all read, which documents
 * those tiers hold (a bitset from its presence list, without their scores) and the
 * highest score among them. `deepen` reads the next tier.
 */
class Postings {
  private next = 0;
  private deepening: Promise<void> | null = null;

  constructor(
    public docs: Int32Array,
    public scores: Float64Array,
    /** Bitsets over all documents (tiered terms only): the documents read, and those of the tiers not read yet. */
    private readonly bits: { read: Uint32Array; pending: Uint32Array } | null = null,
    private readonly tiers: readonly TierRef[] = [],
    private readonly readTier: (tier: number, ref: TierRef) => Promise<readonly number[]> = () => Promise.resolve([]),
  ) {
    if (bits) for (const doc of docs) setBit(bits.read, doc);
  }

  /** The highest score a pending document can have (0: none pending). */
  get bound(): number {
    return this.tiers[this.next]?.[1] ?? 0;
  }

  get complete(): boolean {
    return this.next >= this.tiers.length;
  }

  /** Whether the key is in this document (read or pending). */
  has(doc: number): boolean {
    return this.bits ? hasBit(this.bits.read, doc) || hasBit(this.bits.pending, doc) : contains(this.docs, doc);
  }

  isPending(doc: number): boolean {
    return !this.complete && this.bits !== null && hasBit(this.bits.pending, doc);
  }

  /** Adds every document of the key to `into` (a bitset). */
  orInto(into: Uint32Array): void {
    if (!this.bits) {
      for (const doc of this.docs) setBit(into, doc);
      return;
    }
    const { read, pending } = this.bits;
    for (let i = 0; i < into.length; i++) into[i]! |= read[i]! | pending[i]!;
  }

  /** Reads the next tier (`rest`: every tier left, fetched together): its entries join the read ones and leave the pending. */
  deepen(rest = false): Promise<void> {
    if (this.complete) return Promise.resolve();
    this.deepening ??= (async () => {
      const from = this.next;
      const lists = await Promise.all(this.tiers.slice(from, rest ? undefined : from + 1).map((ref, i) => this.readTier(from + i + 1, ref)));
      for (const list of lists) {
        const tier = decodeGaps(list);
        [this.docs, this.scores] = mergeEntries(this.docs, this.scores, tier.docs, tier.scores);
        for (const doc of tier.docs) {
          setBit(this.bits!.read, doc);
          clearBit(this.bits!.pending, doc);
        }
        this.next += 1;
      }
    })().finally(() => {
      this.deepening = null;
    });
    return this.deepening;
  }
}

const EMPTY = new Postings(new Int32Array(0), new Float64Array(0));

const bitsetOf = (count: number): Uint32Array => new Uint32Array((count + 31) >>> 5);
const hasBit = (bits: Uint32Array, doc: number): boolean => ((bits[doc >>> 5]! >>> (doc & 31)) & 1) === 1;
const setBit = (bits: Uint32Array, doc: number): void => {
  bits[doc >>> 5]! |= 1 << (doc & 31);
};
const clearBit = (bits: Uint32Array, doc: number): void => {
  bits[doc >>> 5]! &= ~(1 << (doc & 31));
};
function popcount(bits: Uint32Array): number {
  let n = 0;
  for (let v of bits) {
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** A key's first tier (or whole list) and, for a frequent term, its presence and later tiers. */
function decodePostings(key: string, shard: PostingsShard, tiers: readonly TierRef[], read: <T>(path: string) => Promise<T>, count: number): Postings {
  const value = Object.hasOwn(shard, key) ? shard[key] : undefined;
  const head = decodeGaps(Array.isArray(value) ? value : []);
  if (tiers.length === 0) return new Postings(head.docs, head.scores);
  const presence = shard[presenceKey(key)];
  if (presence === undefined) throw new Error(`search index has tiers of ${JSON.stringify(key)} but not its presence list`);
  const readTier = async (tier: number, [file]: TierRef): Promise<readonly number[]> => {
    const tierShard = await read<TiersShard>(`search/tiers/${file}.json`);
    const list = tierShard[tierKey(key, tier)];
    if (!list) throw new Error(`search index has no tier ${tier} of ${JSON.stringify(key)} in tiers/${file}.json`);
    return list;
  };
  return new Postings(head.docs, head.scores, { read: bitsetOf(count), pending: decodePresence(presence, count) }, tiers, readTier);
}

/** A presence list (a base64 bitmap over the documents, bit d of byte d/8, or doc gaps) → a bitset. */
function decodePresence(presence: string | readonly number[], count: number): Uint32Array {
  const bits = bitsetOf(count);
  if (typeof presence !== 'string') {
    let doc = 0;
    for (const gap of presence) setBit(bits, (doc += gap));
    return bits;
  }
  const bytes = atob(presence);
  for (let byte = 0; byte < bytes.length && byte < bits.length * 4; byte++) bits[byte >>> 2]! |= bytes.charCodeAt(byte) << (8 * (byte & 3));
  if (count & 31) bits[bits.length - 1]! &= (1 << (count & 31)) - 1;
  return bits;
}

/** [gap, score, gap, score, …] → ascending documents and their scores. */
function decodeGaps(encoded: readonly number[]): { docs: Int32Array; scores: Float64Array } {
  const length = Math.floor(encoded.length / 2);
  const docs = new Int32Array(length);
  const scores = new Float64Array(length);
  let doc = 0;
  for (let i = 0; i < length; i++) {
    doc += encoded[2 * i]!;
    docs[i] = doc;
    scores[i] = encoded[2 * i + 1]!;
  }
  return { docs, scores };
}

/** Two ascending entry lists with no document in both → one. */
function mergeEntries(aDocs: Int32Array, aScores: Float64Array, bDocs: Int32Array, bScores: Float64Array): [Int32Array, Float64Array] {
  const docs = new Int32Array(aDocs.length + bDocs.length);
  const scores = new Float64Array(docs.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < docs.length; k++) {
    if (j >= bDocs.length || (i < aDocs.length && aDocs[i]! < bDocs[j]!)) {
      docs[k] = aDocs[i]!;
      scores[k] = aScores[i++]!;
    } else {
      docs[k] = bDocs[j]!;
      scores[k] = bScores[j++]!;
    }
  }
  return [docs, scores];
}

type WordLists = ReadonlyArray<ReadonlyArray<readonly [Postings, number]>>;

/** Documents ranked: the first `keep`, every match counted, and whether the order is proven. */
interface Ranked {
  top: number[];
  total: Float64Array;
  matches: number;
  /**
   * Null when the first `keep` are those an exhaustive read of every tier would give, in
   * the same order. Else the documents read in doubt (one of the first without its exact
   * score, or another match whose upper bound reaches the last one's place), or 'unseen'
   * when documents none of whose entries are read yet could (or when no document is known
   * to have every word: then everything is read).
   */
  doubtful: number[] | 'unseen' | null;
}

/**
 * Scores the documents with what is read of each word's postings (`words[i]`: word i's
 * expansions with their weights), picks the first `keep` of the documents allowed that have
 * the most words (by score, then newer first), and checks that reading more could not
 * change them. With every list read whole, that is an exhaustive pass over the documents;
 * else only the entries read are scored, and the rest are bounded (rankFromTiers).
 */
function rank(words: WordLists, allowed: Uint8Array, keep: number): Ranked {
  if (words.some((lists) => lists.some(([p]) => !p.complete))) return rankFromTiers(words, allowed, keep);
  const count = allowed.length;
  const total = new Float64Array(count);
  const wordsFound = new Uint8Array(count);
  const best = words.some((lists) => lists.length > 1) ? new Float64Array(count) : null;
  for (const lists of words) addWord(lists, total, wordsFound, best);

  // Documents with every word; when none has all, those with the most. Only filters: all allowed.
  let needed = words.length;
  if (needed > 0) {
    let most = 0;
    for (let doc = 0; doc < count; doc++) if (allowed[doc] && wordsFound[doc]! > most) most = wordsFound[doc]!;
    needed = most;
  }
  const top: number[] = [];
  let matches = 0;
  if (needed > 0 || words.length === 0) {
    for (let doc = 0; doc < count; doc++) {
      if (!allowed[doc] || wordsFound[doc]! < needed) continue;
      matches += 1;
      insertTop(top, doc, total, keep);
    }
  }
  return { top, total, matches, doubtful: null };
}

/** Top `keep` by score, then newer (lower number) first, with documents offered in ascending order: a sorted insert, since keep is small. */
function insertTop(top: number[], doc: number, total: Float64Array, keep: number): void {
  const score = total[doc]!;
  if (top.length === keep && score <= total[top[keep - 1]!]!) return;
  let at = top.length;
  while (at > 0 && total[top[at - 1]!]! < score) at--;
  top.splice(at, 0, doc);
  if (top.length > keep) top.pop();
}

/**
 * The ranking while some tiers are unread. Which documents have every word is exact (each
 * key's read and pending documents are bitsets); only documents with an entry read are
 * scored: with its score so far (exact when no unread expansion of a word could beat what
 * was read) and an upper bound (each word's best unread bound where the document is
 * pending). A document with no entry read has at most the sum of the words' unread bounds.
 * The first page is proven when its documents are exact and no other match's upper bound
 * reaches the last one's place (a higher score, or the same on a newer document).
 * Needs a document with every word; when none is known to have all, everything is read.
 */
function rankFromTiers(allWords: WordLists, allowed: Uint8Array, keep: number): Ranked {
  const count = allowed.length;
  // A word found nowhere counts for no document: as in the exhaustive pass, the others decide.
  const words = allWords.filter((lists) => lists.some(([p]) => !p.complete || p.docs.length > 0));
  const none: Ranked = { top: [], total: new Float64Array(0), matches: 0, doubtful: 'unseen' };
  // Documents allowed that have every word.
  let all: Uint32Array | null = null;
  for (const lists of words) {
    const present = bitsetOf(count);
    for (const [p] of lists) p.orInto(present);
    if (all) for (let i = 0; i < all.length; i++) all[i]! &= present[i]!;
    else all = present;
  }
  if (!all) return none;
  for (let doc = 0; doc < count; doc++) if (!allowed[doc]) clearBit(all, doc);
  const matches = popcount(all);
  if (matches === 0) return none;

  // The documents with an entry read, ascending.
  const seenMark = new Uint8Array(count);
  const seenDocs: number[] = [];
  for (const lists of words) {
    for (const [p] of lists) {
      for (const doc of p.docs) {
        if (seenMark[doc] || !hasBit(all, doc)) continue;
        seenMark[doc] = 1;
        seenDocs.push(doc);
      }
    }
  }
  const seen = Int32Array.from(seenDocs).sort();

  const total = new Float64Array(count);
  const upper = new Float64Array(count);
  const inexact = new Uint8Array(count);
  const best = new Float64Array(count);
  let unseenBound = 0;
  for (const lists of words) {
    for (const [{ docs, scores }, weight] of lists) {
      for (let i = 0; i < docs.length; i++) {
        const score = scores[i]! * weight;
        if (score > best[docs[i]!]!) best[docs[i]!] = score;
      }
    }
    const unread = lists.filter(([p]) => !p.complete).map(([p, weight]) => [p, p.bound * weight] as const);
    let wordBound = 0;
    for (const [, bound] of unread) if (bound > wordBound) wordBound = bound;
    unseenBound += wordBound;
    for (const doc of seen) {
      const score = best[doc]!;
      let pending = 0;
      for (const [p, bound] of unread) if (bound > pending && p.isPending(doc)) pending = bound;
      if (score > 0) total[doc] = total[doc]! + score;
      upper[doc] = upper[doc]! + (pending > score ? pending : score);
      if (pending > score) inexact[doc] = 1;
    }
    for (const [{ docs }] of lists) for (const doc of docs) best[doc] = 0;
  }

  const top: number[] = [];
  for (const doc of seen) insertTop(top, doc, total, keep);
  const doubtful = top.filter((doc) => inexact[doc]);
  const unseen = matches > seen.length;
  if (top.length < keep) return { top, total, matches, doubtful: unseen ? 'unseen' : doubtful.length > 0 ? doubtful : null };
  const last = top[keep - 1]!;
  const threshold = total[last]!;
  if (unseen && unseenBound >= threshold) return { top, total, matches, doubtful: 'unseen' };
  for (const doc of seen) if (inexact[doc] && (upper[doc]! > threshold || (upper[doc] === threshold && doc < last))) doubtful.push(doc);
  return { top, total, matches, doubtful: doubtful.length > 0 ? doubtful : null };
}

/**
 * Adds one query word to the documents' totals: in each document, the best of its
 * expansions' weighted scores. Walks the postings only, never every document: at 100,000
 * articles a pass over all documents per word cost more than the postings themselves.
 * `best` is a zeroed scratch array (needed only for a word with several expansions), left
 * zeroed again.
 */
function addWord(lists: ReadonlyArray<readonly [Postings, number]>, total: Float64Array, wordsFound: Uint8Array, best: Float64Array | null): void {
  const [only] = lists;
  if (!only) return;
  if (lists.length === 1) {
    const [{ docs, scores }, weight] = only;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const score = scores[i]! * weight;
      if (score > 0) {
        total[doc] = total[doc]! + score;
        wordsFound[doc] = wordsFound[doc]! + 1;
      }
    }
    return;
  }
  if (!best) throw new Error('a word with several expansions needs a scratch array');
  for (const [{ docs, scores }, weight] of lists) {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const score = scores[i]! * weight;
      if (score > best[doc]!) best[doc] = score;
    }
  }
  for (const [{ docs }] of lists) {
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const score = best[doc]!;
      if (score > 0) {
        total[doc] = total[doc]! + score;
        wordsFound[doc] = wordsFound[doc]! + 1;
        best[doc] = 0;
      }
    }
  }
}

/** Binary search in ascending documents. */
function contains(docs: Int32Array, doc: number): boolean {
  let low = 0;
  let high = docs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const value = docs[mid]!;
    if (value === doc) return true;
    if (value < doc) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

function containsRun(sequence: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return true;
  outer: for (let i = 0; i + run.length <= sequence.length; i++) {
    for (let j = 0; j < run.length; j++) if (sequence[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}
