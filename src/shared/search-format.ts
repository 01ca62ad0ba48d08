/**
 * The search index's files under archive/search/ (docs/archive-format.md, "Search index").
 * Written by src/shared/search-build.ts, read by src/shared/search-engine.ts. The
 * popup reads meta.json, then only the dictionary letters, postings shards and document
 * chunks a query needs: a few small files whatever the archive's size.
 */
export const SEARCH_FORMAT_VERSION = 1;

/** Documents per file of archive/search/docs/. */
export const DOCS_PER_CHUNK = 16;

/** archive/search/meta.json */
export interface SearchMeta {
  format: typeof SEARCH_FORMAT_VERSION;
  docCount: number;
  /** Number of archive/search/postings/ files (0.json, 1.json, …). */
  postingFiles: number;
  /** Names of the archive/search/dict/ files that exist. */
  dictShards: string[];
  /** Site host → the postings file holding its `host:` key. */
  hosts: Record<string, number>;
}

/**
 * archive/search/docs/<n>.json: documents n·16 … n·16+15. Document numbers follow the
 * archive's date order, newest first, so a lower number is a newer article.
 */
export type DocRow = [id: string, url: string, title: string, date: string, host: string];
export type DocChunk = DocRow[];

/**
 * archive/search/dict/<letter>.json: every indexed term starting with that letter →
 * [document frequency, the postings file holding the term and its "@term" key].
 */
export type DictShard = Record<string, DictEntry>;
export type DictEntry = [df: number, postingsFile: number];

/**
 * archive/search/postings/<n>.json: key → [doc gap, score, doc gap, score, …], ascending
 * by document. Keys are terms (any field), "@term" (entity names only) and "host:<host>".
 * Terms are cut into files in sorted order, so a word and the longer words it begins
 * mostly share one file. Scores are BM25 with field bonuses, ×100, rounded.
 */
export type PostingsShard = Record<string, number[]>;

/** archive/search/dates.json: [date, first document of that date], newest first. */
export type DateIndex = Array<[date: string, firstDoc: number]>;

/** The dictionary file holding `term`: its first letter or digit, else "other". */
export function dictShardName(term: string): string {
  const first = term[0] ?? '';
  return /^[a-z0-9]$/.test(first) ? first : 'other';
}

export const entityKey = (term: string): string => `@${term}`;
export const hostKey = (host: string): string => `host:${host}`;
