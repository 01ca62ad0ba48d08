/**
 * Builds the popup's search index (archive/search/, see src/shared/search-format.ts):
 * a term dictionary split by first letter, postings cut from the sorted terms, with
 * scores computed here so the popup only adds numbers, and the documents in chunks of 16.
 * Pure and deterministic: articles in, path → JSON value out.
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

interface DocTerms {
  title: Set<string>;
  entity: Set<string>;
  body: Map<string, number>;
  length: number;
}

function docTerms(article: Article): DocTerms {
  const body = new Map<string, number>();
  const bodyTerms = terms([article.summary, ...article.paragraphs].join('\n'));
  for (const term of bodyTerms) body.set(term, (body.get(term) ?? 0) + 1);
  const entity = new Set(article.entities.flatMap((e) => [e.name, ...e.aliases].flatMap(terms)));
  return { title: new Set(terms(article.title)), entity, body, length: bodyTerms.length };
}

/** Articles must be in archive order (newest first): their position is their document number. */
export function buildSearchIndex(articles: readonly Article[]): Map<string, unknown> {
  const files = new Map<string, unknown>();
  const docs = articles.map(docTerms);
  const count = articles.length;
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, count);

  const df = new Map<string, number>();
  for (const d of docs) {
    for (const term of new Set([...d.title, ...d.entity, ...d.body.keys()])) df.set(term, (df.get(term) ?? 0) + 1);
  }

  const postings = new Map<string, number[]>();
  const add = (key: string, doc: number, score: number): void => {
    let list = postings.get(key);
    if (!list) postings.set(key, (list = []));
    list.push(doc, score);
  };
  docs.forEach((d, doc) => {
    const all = new Set([...d.title, ...d.entity, ...d.body.keys()]);
    for (const term of [...all].sort()) {
      const n = df.get(term) ?? 1;
      const idf = Math.log(1 + (count - n + 0.5) / (n + 0.5));
      const tf = d.body.get(term) ?? 0;
      const body = tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * d.length) / Math.max(1, avgLength)));
      const score = idf * (body + (d.title.has(term) ? TITLE_BONUS : 0) + (d.entity.has(term) ? ENTITY_BONUS : 0));
      add(term, doc, Math.max(1, Math.round(score * 100)));
      if (d.entity.has(term)) add(entityKey(term), doc, 1);
    }
    add(hostKey(articles[doc]!.host), doc, 1);
  });

  // Documents were added in ascending order: store the gaps, which are small numbers.
  const encode = (list: readonly number[]): number[] => {
    const encoded: number[] = [];
    let previous = 0;
    for (let i = 0; i < list.length; i += 2) {
      encoded.push(list[i]! - previous, list[i + 1]!);
      previous = list[i]!;
    }
    return encoded;
  };
  // Postings files cut from the sorted terms (each with its "@term"), about FILE_NUMBERS numbers a file.
  const postingFiles: PostingsShard[] = [];
  let current: PostingsShard = {};
  let size = 0;
  const place = (keys: readonly string[]): number => {
    const numbers = keys.reduce((sum, key) => sum + (postings.get(key)?.length ?? 0), 0);
    if (size > 0 && size + numbers > FILE_NUMBERS) {
      postingFiles.push(current);
      current = {};
      size = 0;
    }
    for (const key of keys) {
      const list = postings.get(key);
      if (list) current[key] = encode(list);
    }
    size += numbers;
    return postingFiles.length;
  };
  const dict = new Map<string, DictShard>();
  for (const term of [...df.keys()].sort()) {
    const file = place([term, entityKey(term)]);
    const name = dictShardName(term);
    let shard = dict.get(name);
    if (!shard) dict.set(name, (shard = {}));
    shard[term] = [df.get(term)!, file];
  }
  const hosts: Record<string, number> = {};
  for (const host of [...new Set(articles.map((a) => a.host))].sort()) hosts[host] = place([hostKey(host)]);
  postingFiles.push(current);
  postingFiles.forEach((file, index) => files.set(`search/postings/${index}.json`, file));
  for (const [name, shard] of dict) files.set(`search/dict/${name}.json`, shard);

  for (let start = 0; start < count; start += DOCS_PER_CHUNK) {
    const chunk: DocChunk = articles.slice(start, start + DOCS_PER_CHUNK).map((a) => [a.id, a.url, a.title, a.date, a.host]);
    files.set(`search/docs/${start / DOCS_PER_CHUNK}.json`, chunk);
  }
  const dates: DateIndex = [];
  articles.forEach((a, doc) => {
    if (dates.at(-1)?.[0] !== a.date) dates.push([a.date, doc]);
  });
  files.set('search/dates.json', dates);

  const meta: SearchMeta = {
    format: SEARCH_FORMAT_VERSION,
    docCount: count,
    postingFiles: postingFiles.length,
    dictShards: [...dict.keys()].sort(),
    hosts,
  };
  files.set('search/meta.json', meta);
  return files;
}
