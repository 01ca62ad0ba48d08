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
  /** Number of archive/search/tiers/ files (a frequent term's later tiers). */
  tierFiles?: number;
  /** Names of the archive/search/dict/ files that exist. */
  dictShards: string[];
  /**
   * Site host → the postings file holding its `host:` key. Only in indexes built before
   * search/hosts.json (captured segments stored by an earlier version): read on every
   * popup open, 156 KB at 100,000 articles on 5,005 sites.
   */
  hosts?: Record<string, number>;
}

/** archive/search/hosts.json: site host → the postings file holding its `host:` key (read by a `host:` query only). */
export type HostFiles = Record<string, number>;

/**
 * archive/search/docs/<n>.json: documents n·16 … n·16+15. Document numbers follow the
 * archive's date order, newest first, so a lower number is a newer article.
 */
export type DocRow = [id: string, url: string, title: string, date: string, host: string];
export type DocChunk = DocRow[];

/**
 * archive/search/dict/<letter>.json: every indexed term starting with that letter →
 * [document frequency, the postings file holding the term and its "@term" key, and for a
 * frequent term its later tiers].
 */
export type DictShard = Record<string, DictEntry>;
export type DictEntry = [df: number, postingsFile: number] | [df: number, postingsFile: number, tiers: TierRef[]];

/**
 * A later tier of a frequent term's postings: the archive/search/tiers/ file holding it
 * (under the key tierKey(term, its number)), and the highest score in it and every tier
 * after it, which bounds what the documents not read yet can add to a query.
 */
export type TierRef = [file: number, bound: number];

/**
 * archive/search/postings/<n>.json: key → [doc gap, score, doc gap, score, …], ascending
 * by document. Keys are terms (any field), "@term" (entity names only) and "host:<host>".
 * Terms are cut into files in sorted order, so a word and the longer words it begins
 * mostly share one file. Scores are BM25 with field bonuses, ×100, rounded.
 *
 * A frequent term (at least TIER_MIN_DOCS documents) is stored in impact tiers: under its
 * key here only its first tier, the documents with its highest scores (about HEAD_DOCS,
 * then newer first: the engine's order), and under presenceKey(term) which documents its later
 * tiers hold (no scores): a base64 bitmap over all documents, or doc gaps when shorter.
 * The later tiers, each about TIER_GROWTH times the entries before it, are in
 * archive/search/tiers/ (same shape, key tierKey(term, n)), read only when a query's first
 * page cannot be proven from what was read (src/shared/search-engine.ts).
 */
export type PostingsShard = Record<string, number[] | string>;

/** archive/search/tiers/<n>.json: tierKey(term, n) → [doc gap, score, …] of that tier. */
export type TiersShard = Record<string, number[]>;

/** Documents of a term's first tier. */
export const HEAD_DOCS = 1000;
/** Each later tier holds up to this many times as many entries as the tiers before it. */
export const TIER_GROWTH = 4;
/** A term in fewer documents is stored whole. */
export const TIER_MIN_DOCS = 2 * HEAD_DOCS;

/** archive/search/dates.json: [date, first document of that date], newest first. */
export type DateIndex = Array<[date: string, firstDoc: number]>;

/** The dictionary file holding `term`: its first letter or digit, else "other". */
export function dictShardName(term: string): string {
  const first = term[0] ?? '';
  return /^[a-z0-9]$/.test(first) ? first : 'other';
}

export const entityKey = (term: string): string => `@${term}`;
export const presenceKey = (term: string): string => `~${term}`;
export const tierKey = (term: string, tier: number): string => `${tier}~${term}`;
export const hostKey = (host: string): string => `host:${host}`;
