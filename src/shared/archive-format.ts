/**
 * The compiled archive's JSON shapes, shared by the archive compiler (Node, build time)
 * and the extension (worker, sidebar, popup). docs/archive-format.md describes the same
 * files for people; keep the two in step.
 */

/** Bumped whenever a file's shape changes, so stale caches are never misread. */
export const ARCHIVE_FORMAT_VERSION = 1;

/**
 * How a file of archive/ is stored in the package: its JSON compressed with raw DEFLATE
 * (RFC 1951, no gzip header: 18 bytes less a file), at `<path>` + this suffix
 * (`articles/<id>.json` is `archive/articles/<id>.json.deflate`). The text of an article
 * is most of the package, and compressed it takes well under half the bytes;
 * DecompressionStream('deflate-raw') reads it back (src/shared/archive-reader.ts).
 */
export const PACKED_FILE_SUFFIX = '.deflate';

export type EntityType = 'person' | 'org' | 'place' | 'date';
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'org', 'place', 'date'];

/** A [start, end) range of UTF-16 code units in an article's full text (see `articleFullText`). */
export type Span = readonly [start: number, end: number];

export interface ArticleEntity {
  /** Stable across articles, e.g. "org:kataib-hezbollah": the key of the entity index. */
  id: string;
  type: EntityType;
  /** Display name: the known name the article writes ("Islamic State" for IS / ISIS / ISIL / Daesh), else its fullest or only form ("IS"). */
  name: string;
  /** Every surface form seen in this article, canonical name included. */
  aliases: string[];
  /** Number of mentions (equals mentions.length). */
  count: number;
  mentions: Span[];
}

export interface Article {
  format: typeof ARCHIVE_FORMAT_VERSION;
  /** 16 hex digits: the first 64 bits of SHA-256 of the normalized URL key. */
  id: string;
  /** The URL exactly as the seed file gives it. */
  url: string;
  /** Normalized URL key (see src/shared/url-key.ts): what every variant of the URL maps to. */
  key: string;
  /** Host of `url`, lower-case, without www./m./amp. */
  host: string;
  /** ISO calendar date, YYYY-MM-DD: the date the article was archived. */
  date: string;
  title: string;
  summary: string;
  paragraphs: string[];
  entities: ArticleEntity[];
}

/** Separator between the title, summary and paragraphs in an article's full text. */
export const BLOCK_SEPARATOR = '\n\n';

/** The text that entity mention offsets (and highlight anchors) index into. */
export function articleBlocks(article: Pick<Article, 'title' | 'summary' | 'paragraphs'>): string[] {
  return [article.title, article.summary, ...article.paragraphs];
}

export function articleFullText(article: Pick<Article, 'title' | 'summary' | 'paragraphs'>): string {
  return articleBlocks(article).join(BLOCK_SEPARATOR);
}

/** Start offset of each block in the full text, in block order. */
export function blockStarts(blocks: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.length + BLOCK_SEPARATOR.length;
  }
  return starts;
}

/**
 * archive/meta.json: what the extension needs to find anything else in the archive. Its
 * size does not grow with the archive: the sites are in the manifest, not here.
 */
export interface ArchiveMeta {
  format: typeof ARCHIVE_FORMAT_VERSION;
  articleCount: number;
  /** Shard counts of archive/urls/, archive/entities/ and archive/catalog/. */
  shards: { urls: number; entities: number; catalog: number };
}

/** archive/urls/<shard>.json: normalized URL key → article id. */
export type UrlShard = Record<string, string>;

/** One article as other views list it (related articles, search results). */
export interface CatalogEntry {
  id: string;
  url: string;
  title: string;
  date: string;
  host: string;
}

/** archive/catalog/<shard>.json: article id → its catalog entry. */
export type CatalogShard = Record<string, CatalogEntry>;

/** archive/entities/<shard>.json: entity id → the entity and the articles mentioning it. */
export type EntityShard = Record<string, EntityIndexEntry>;

export interface EntityIndexEntry {
  type: EntityType;
  name: string;
  /** [article id, mention count], most mentions first, then newest first. */
  articles: Array<[id: string, count: number]>;
}
