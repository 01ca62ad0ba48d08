/**
 * Builds the popup's search index (archive/search/, see src/shared/search-format.ts):
 * a term dictionary split by first letter, postings cut from the sorted terms, with
 * scores computed here so the popup only adds numbers, and the documents in chunks of 16.
 * `buildSearchIndex` is the whole index in memory (captured articles, tests); the build's
 * streaming compiler (scripts/archive/stream-compile.ts) uses the same pieces one
 * dictionary group at a time.
 */
import type { Article } from './archive-format';
import {
  DOCS_PER_CHUNK,
  HEAD_DOCS,
  SEARCH_FORMAT_VERSION,
  TIER_GROWTH,
  TIER_MIN_DOCS,
  dictShardName,
  entityKey,
  hostKey,
  presenceKey,
  tierKey,
  type DateIndex,
  type DictEntry,
  type DictShard,
  type DocChunk,
  type DocRow,
  type HostFiles,
  type PostingsShard,
  type SearchMeta,
  type TierRef,
  type TiersShard,
} from './search-format';
import { terms } from './search-text';

/** BM25 parameters for the body. */
const K1 = 1.2;
const B = 0.75;
/**
 * Bonuses (×idf) for a term in the title or an entity name. The body part is below
 * idf·(K1+1) = 2.2·idf, so a title or entity match always outranks a body-only match.
 */
export const TITLE_BONUS = 3;
export const ENTITY_BONUS = 2.5;
/** Numbers per postings file (about 3.5 characters each in JSON): files of about 15 KB. */
const FILE_NUMBERS = 4000;

export interface DocTerms {
  title: Set<string>;
  entity: Set<string>;
  body: Map<string, number>;
  length: number;
}

export function docTerms(article: Pick<Article, 'title' | 'summary' | 'paragraphs' | 'entities'>): DocTerms {
  const body = new Map<string, number>();
  const bodyTerms = terms([article.summary, ...article.paragraphs].join('\n'));
  for (const term of bodyTerms) body.set(term, (body.get(term) ?? 0) + 1);
  const entity = new Set(article.entities.flatMap((e) => [e.name, ...e.aliases].flatMap(terms)));
  return { title: new Set(terms(article.title)), entity, body, length: bodyTerms.length };
}

/** Every term of a document, once: what its document frequency counts. */
export function distinctTerms(d: DocTerms): Set<string> {
  return new Set([...d.title, ...d.entity, ...d.body.keys()]);
}

/** What a term's score in one document depends on. */
export interface TermInDoc {
  tf: number;
  title: boolean;
  entity: boolean;
  length: number;
}

/** The archive-wide numbers every score depends on. */
export interface Collection {
  count: number;
  avgLength: number;
}

/** A term's stored score in one document: BM25 with field bonuses, ×100, rounded, at least 1. */
export function termScore(df: number, t: TermInDoc, c: Collection): number {
  const idf = Math.log(1 + (c.count - df + 0.5) / (df + 0.5));
  const body = t.tf === 0 ? 0 : (t.tf * (K1 + 1)) / (t.tf + K1 * (1 - B + (B * t.length) / Math.max(1, c.avgLength)));
  const score = idf * (body + (t.title ? TITLE_BONUS : 0) + (t.entity ? ENTITY_BONUS : 0));
  return Math.max(1, Math.round(score * 100));
}

/** [doc, score, doc, score, …] ascending by doc → the stored gaps, which are small numbers. */
function encodeGaps(list: readonly number[]): number[] {
  const encoded: number[] = [];
  let previous = 0;
  for (let i = 0; i < list.length; i += 2) {
    encoded.push(list[i]! - previous, list[i + 1]!);
    previous = list[i]!;
  }
  return encoded;
}

/**
 * A term's postings cut by impact: entries ordered by score, then newer (lower document
 * number) first, the way the engine ranks ties, and cut at HEAD_DOCS, then each time
 * TIER_GROWTH times as many; each tier's [doc, score, …] ascending by doc.
 */
export function impactTiers(list: readonly number[]): ReadonlyArray<readonly number[]> {
  const length = list.length / 2;
  if (length < TIER_MIN_DOCS) return [list as number[]];
  const order = Array.from({ length }, (_, i) => i).sort((a, b) => list[2 * b + 1]! - list[2 * a + 1]! || list[2 * a]! - list[2 * b]!);
  const tierOf = new Uint8Array(length);
  let tiers = 1;
  for (let size = HEAD_DOCS, rank = 0; rank < length; tiers++, size *= TIER_GROWTH) for (; rank < Math.min(size, length); rank++) tierOf[order[rank]!] = tiers - 1;
  const cut: number[][] = Array.from({ length: tiers - 1 }, () => []);
  for (let i = 0; i < length; i++) cut[tierOf[i]!]!.push(list[2 * i]!, list[2 * i + 1]!);
  return cut;
}

/** Documents ascending → the shorter of a base64 bitmap over `count` documents and their gaps. */
export function encodePresence(docs: readonly number[], count: number): string | number[] {
  const gaps = docs.map((doc, i) => doc - (i > 0 ? docs[i - 1]! : 0));
  const gapChars = gaps.reduce((sum, gap) => sum + String(gap).length + 1, 0);
  const bytes = new Uint8Array(Math.ceil(count / 8));
  if (4 * Math.ceil(bytes.length / 3) >= gapChars) return gaps;
  for (const doc of docs) bytes[doc >> 3]! |= 1 << (doc & 7);
  let binary = '';
  for (let at = 0; at < bytes.length; at += 8192) binary += String.fromCharCode(...bytes.subarray(at, at + 8192));
  return btoa(binary);
}

type Encoded = number[] | string;
/** About how many numbers' worth of JSON a value is (3.5 characters a number). */
const numbersOf = (value: Encoded): number => (typeof value === 'string' ? Math.ceil(value.length / 3.5) : value.length);

/**
 * Cuts files from encoded values placed in order, about FILE_NUMBERS numbers a file;
 * `emit` receives each finished file with its number.
 */
class Packer<File extends Record<string, Encoded>> {
  private current: Record<string, Encoded> = {};
  private size = 0;
  private files = 0;

  constructor(private readonly emit: (index: number, file: File) => void) {}

  /** Places the values (absent ones skipped) in one file; returns its number. */
  place(values: ReadonlyArray<readonly [key: string, value: Encoded | undefined]>): number {
    const numbers = values.reduce((sum, [, value]) => sum + (value ? numbersOf(value) : 0), 0);
    if (this.size > 0 && this.size + numbers > FILE_NUMBERS) this.flush();
    for (const [key, value] of values) if (value) this.current[key] = value;
    this.size += numbers;
    return this.files;
  }

  private flush(): void {
    this.emit(this.files++, this.current as File);
    this.current = {};
    this.size = 0;
  }

  /** Emits the last file (the postings always have one); returns the number of files. */
  finish(always: boolean): number {
    if (always || this.size > 0) this.flush();
    return this.files;
  }
}

/**
 * Writes the postings: terms placed in sorted order (each with its "@term"), a frequent
 * term's first tier and presence with them and its later tiers in archive/search/tiers/,
 * then the sites' `host:` lists. Holds one unfinished file of each folder at a time.
 */
export class PostingsWriter {
  private readonly postings: Packer<PostingsShard>;
  private readonly tiers: Packer<TiersShard>;
  private readonly hostFiles: HostFiles = {};

  constructor(
    private readonly count: number,
    write: (path: string, file: PostingsShard | TiersShard) => void,
  ) {
    this.postings = new Packer((index, file) => write(`search/postings/${index}.json`, file));
    this.tiers = new Packer((index, file) => write(`search/tiers/${index}.json`, file));
  }

  /** A term's [doc, score, …] and "@term" [doc, 1, …] lists, ascending by doc; returns its dictionary entry. */
  term(term: string, df: number, list: readonly number[], entity: readonly number[] | undefined): DictEntry {
    const [head, ...later] = impactTiers(list);
    const presence = later.length > 0 ? encodePresence(later.flatMap((tier) => tier.filter((_, i) => i % 2 === 0)).sort((a, b) => a - b), this.count) : undefined;
    const file = this.postings.place([
      [term, encodeGaps(head!)],
      [presenceKey(term), presence],
      [entityKey(term), entity && entity.length > 0 ? encodeGaps(entity) : undefined],
    ]);
    if (later.length === 0) return [df, file];
    const bounds = later.map((tier) => tier.reduce((max, value, i) => (i % 2 === 1 && value > max ? value : max), 0));
    const refs: TierRef[] = later.map((tier, i) => [this.tiers.place([[tierKey(term, i + 1), encodeGaps(tier)]]), Math.max(...bounds.slice(i))]);
    return [df, file, refs];
  }

  /** A site's `host:` list [doc, 1, …]. */
  host(host: string, list: readonly number[]): void {
    this.hostFiles[host] = this.postings.place([[hostKey(host), encodeGaps(list)]]);
  }

  /** Finishes the last files; returns their counts and the sites' files (search/hosts.json). */
  finish(): { postingFiles: number; tierFiles: number; hosts: HostFiles } {
    return { postingFiles: this.postings.finish(true), tierFiles: this.tiers.finish(false), hosts: this.hostFiles };
  }
}

/** A document's row in archive/search/docs/. */
export function docRow(a: Pick<Article, 'id' | 'url' | 'title' | 'date' | 'host'>): DocRow {
  return [a.id, a.url, a.title, a.date, a.host];
}

export function searchMeta(count: number, files: { postingFiles: number; tierFiles: number }, dictShards: Iterable<string>): SearchMeta {
  return { format: SEARCH_FORMAT_VERSION, docCount: count, postingFiles: files.postingFiles, tierFiles: files.tierFiles, dictShards: [...dictShards].sort() };
}

/** What the index keeps of an article besides its terms (its row in search/docs/, its host). */
export type IndexedArticle = Pick<Article, 'id' | 'url' | 'title' | 'date' | 'host'>;

/**
 * Articles must be in archive order (newest first): their position is their document
 * number. `terms[i]` is article i's terms when the caller has them already (docTerms of
 * its text); else the article's text is read for them.
 */
export function buildSearchIndex(articles: readonly Article[]): Map<string, unknown>;
export function buildSearchIndex(articles: readonly IndexedArticle[], terms: readonly DocTerms[]): Map<string, unknown>;
export function buildSearchIndex(articles: readonly (Article | IndexedArticle)[], terms?: readonly DocTerms[]): Map<string, unknown> {
  const steps = searchIndexSteps(articles, terms ?? (articles as readonly Article[]).map(docTerms));
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The same index, built in steps of about STEP_DOCS documents, with `pause` awaited between
 * them: the worker merging thousands of captured articles keeps answering meanwhile.
 */
export async function buildSearchIndexInSteps(articles: readonly IndexedArticle[], terms: readonly DocTerms[], pause: () => Promise<void>): Promise<Map<string, unknown>> {
  const steps = searchIndexSteps(articles, terms);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
}

/** Documents (or terms, when packing) per step of searchIndexSteps. */
const STEP_DOCS = 200;

function* searchIndexSteps(articles: readonly IndexedArticle[], docs: readonly DocTerms[]): Generator<void, Map<string, unknown>> {
  const files = new Map<string, unknown>();
  const count = articles.length;
  const collection: Collection = { count, avgLength: docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, count) };

  const df = new Map<string, number>();
  for (const [i, d] of docs.entries()) {
    for (const term of distinctTerms(d)) df.set(term, (df.get(term) ?? 0) + 1);
    if (i % STEP_DOCS === STEP_DOCS - 1) yield;
  }

  const postings = new Map<string, number[]>();
  const add = (key: string, doc: number, score: number): void => {
    let list = postings.get(key);
    if (!list) postings.set(key, (list = []));
    list.push(doc, score);
  };
  for (const [doc, d] of docs.entries()) {
    for (const term of [...distinctTerms(d)].sort()) {
      const inDoc: TermInDoc = { tf: d.body.get(term) ?? 0, title: d.title.has(term), entity: d.entity.has(term), length: d.length };
      add(term, doc, termScore(df.get(term) ?? 1, inDoc, collection));
      if (inDoc.entity) add(entityKey(term), doc, 1);
    }
    add(hostKey(articles[doc]!.host), doc, 1);
    if (doc % STEP_DOCS === STEP_DOCS - 1) yield;
  }

  const writer = new PostingsWriter(count, (path, file) => files.set(path, file));
  const dict = new Map<string, DictShard>();
  for (const [i, term] of [...df.keys()].sort().entries()) {
    const name = dictShardName(term);
    let shard = dict.get(name);
    if (!shard) dict.set(name, (shard = {}));
    shard[term] = writer.term(term, df.get(term)!, postings.get(term) ?? [], postings.get(entityKey(term)));
    if (i % (STEP_DOCS * 50) === STEP_DOCS * 50 - 1) yield;
  }
  for (const host of [...new Set(articles.map((a) => a.host))].sort()) writer.host(host, postings.get(hostKey(host)) ?? []);
  const written = writer.finish();
  for (const [name, shard] of dict) files.set(`search/dict/${name}.json`, shard);

  for (let start = 0; start < count; start += DOCS_PER_CHUNK) {
    const chunk: DocChunk = articles.slice(start, start + DOCS_PER_CHUNK).map(docRow);
    files.set(`search/docs/${start / DOCS_PER_CHUNK}.json`, chunk);
  }
  const dates: DateIndex = [];
  articles.forEach((a, doc) => {
    if (dates.at(-1)?.[0] !== a.date) dates.push([a.date, doc]);
  });
  files.set('search/dates.json', dates);
  files.set('search/hosts.json', written.hosts);
  files.set('search/meta.json', searchMeta(count, written, dict.keys()));
  return files;
}
