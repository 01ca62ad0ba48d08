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
  SEARCH_FORMAT_VERSION,
  dictShardName,
  entityKey,
  hostKey,
  type DateIndex,
  type DictShard,
  type DocChunk,
  type DocRow,
  type PostingsShard,
  type SearchMeta,
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
 * Cuts postings files from keys placed in sorted term order (each term with its "@term"),
 * about FILE_NUMBERS numbers a file; `emit` receives each finished file with its number.
 */
export class PostingsPacker {
  private current: PostingsShard = {};
  private size = 0;
  private files = 0;

  constructor(private readonly emit: (index: number, file: PostingsShard) => void) {}

  /** Places the lists (raw [doc, score, …], absent keys skipped) in one file; returns its number. */
  place(lists: ReadonlyArray<readonly [key: string, list: readonly number[] | undefined]>): number {
    const numbers = lists.reduce((sum, [, list]) => sum + (list?.length ?? 0), 0);
    if (this.size > 0 && this.size + numbers > FILE_NUMBERS) {
      this.emit(this.files++, this.current);
      this.current = {};
      this.size = 0;
    }
    for (const [key, list] of lists) if (list) this.current[key] = encodeGaps(list);
    this.size += numbers;
    return this.files;
  }

  /** Emits the last file; returns the number of files. */
  finish(): number {
    this.emit(this.files++, this.current);
    return this.files;
  }
}

/** A document's row in archive/search/docs/. */
export function docRow(a: Pick<Article, 'id' | 'url' | 'title' | 'date' | 'host'>): DocRow {
  return [a.id, a.url, a.title, a.date, a.host];
}

export function searchMeta(count: number, postingFiles: number, dictShards: Iterable<string>, hosts: Record<string, number>): SearchMeta {
  return { format: SEARCH_FORMAT_VERSION, docCount: count, postingFiles, dictShards: [...dictShards].sort(), hosts };
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

  const packer = new PostingsPacker((index, file) => files.set(`search/postings/${index}.json`, file));
  const place = (keys: readonly string[]): number => packer.place(keys.map((key) => [key, postings.get(key)] as const));
  const dict = new Map<string, DictShard>();
  for (const [i, term] of [...df.keys()].sort().entries()) {
    const file = place([term, entityKey(term)]);
    const name = dictShardName(term);
    let shard = dict.get(name);
    if (!shard) dict.set(name, (shard = {}));
    shard[term] = [df.get(term)!, file];
    if (i % (STEP_DOCS * 50) === STEP_DOCS * 50 - 1) yield;
  }
  const hosts: Record<string, number> = {};
  for (const host of [...new Set(articles.map((a) => a.host))].sort()) hosts[host] = place([hostKey(host)]);
  const postingFiles = packer.finish();
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
  files.set('search/meta.json', searchMeta(count, postingFiles, dict.keys(), hosts));
  return files;
}
