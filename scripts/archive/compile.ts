import {
  ARCHIVE_FORMAT_VERSION,
  type ArchiveMeta,
  type Article,
  type CatalogEntry,
  type EntityIndexEntry,
} from '../../src/shared/archive-format';
import { shardCountFor, shardIndex, shardName } from '../../src/shared/shards';
import { extractEntities } from './entities';
import { buildSearchIndex } from '../../src/shared/search-build';
import type { ParsedSeed } from './parse-seed';
import {
  archiveOrder,
  CATALOG_PER_SHARD,
  compileArticleWith,
  ENTITIES_PER_SHARD,
  parseSeeds,
  URLS_PER_SHARD,
  type Extract,
  type SeedSource,
} from './seed-set';

export * from './seed-set';

/**
 * The compiled archive: every file under dist/<browser>/archive/, as path → JSON value (the
 * search index, archive/search/, kept apart in `search`).
 * Shard files hold UrlShard, CatalogShard and EntityShard values (src/shared/archive-format.ts).
 */
export interface CompiledArchive {
  meta: ArchiveMeta;
  /** Site hosts (see siteHost) the archive has articles on, sorted: the manifest's match patterns. */
  hosts: string[];
  articles: Article[];
  files: Map<string, unknown>;
  /** The popup's search index: archive/search/… path → JSON value (src/shared/search-build.ts). */
  search: Map<string, unknown>;
}

/** Compiler options; the defaults are what `npm run build` uses. */
export interface CompileOptions {
  /** Entity extraction (wink-nlp + build-time knowledge, scripts/archive/entities.ts); the search benchmark injects a cheap one for synthetic seeds. */
  extractEntities?: Extract;
}

export function compileArticle(seed: ParsedSeed, extract: Extract = extractEntities): Article {
  return compileArticleWith(seed, extract);
}

function shardedFiles<V>(
  folder: string,
  entries: Iterable<readonly [string, V]>,
  shardCount: number,
  files: Map<string, unknown>,
): void {
  // Every shard is written, empty ones too, so a lookup never meets a missing file.
  const shards: Array<Record<string, V>> = Array.from({ length: shardCount }, () => ({}));
  for (const [key, value] of entries) {
    const shard = shards[shardIndex(key, shardCount)];
    if (shard) shard[key] = value;
  }
  shards.forEach((shard, index) => {
    files.set(`${folder}/${shardName(index, shardCount)}.json`, shard);
  });
}

/** Pure: seeds in, archive files out. Throws ArchiveBuildError listing every problem. */
export function compileArchive(sources: readonly SeedSource[], options: CompileOptions = {}): CompiledArchive {
  const articles = parseSeeds(sources).map((seed) => compileArticle(seed, options.extractEntities)).sort(archiveOrder);
  const files = new Map<string, unknown>();

  const entityIndex = new Map<string, EntityIndexEntry>();
  for (const article of articles) {
    files.set(`articles/${article.id}.json`, article);
    for (const entity of article.entities) {
      let entry = entityIndex.get(entity.id);
      if (!entry) entityIndex.set(entity.id, (entry = { type: entity.type, name: entity.name, articles: [] }));
      entry.articles.push([article.id, entity.count]);
    }
  }
  // Articles are already newest first, and the sort is stable: ties on count stay newest first.
  for (const entry of entityIndex.values()) entry.articles.sort((a, b) => b[1] - a[1]);

  const shards = {
    urls: shardCountFor(articles.length, URLS_PER_SHARD),
    catalog: shardCountFor(articles.length, CATALOG_PER_SHARD),
    entities: shardCountFor(entityIndex.size, ENTITIES_PER_SHARD),
  };
  shardedFiles<string>('urls', articles.map((a) => [a.key, a.id] as const), shards.urls, files);
  shardedFiles<CatalogEntry>(
    'catalog',
    articles.map((a) => [a.id, { id: a.id, url: a.url, title: a.title, date: a.date, host: a.host }] as const),
    shards.catalog,
    files,
  );
  shardedFiles<EntityIndexEntry>('entities', [...entityIndex].sort(([a], [b]) => a.localeCompare(b)), shards.entities, files);

  const meta: ArchiveMeta = { format: ARCHIVE_FORMAT_VERSION, articleCount: articles.length, shards };
  files.set('meta.json', meta);
  const hosts = [...new Set(articles.map((a) => a.host))].sort();
  return { meta, hosts, articles, files, search: buildSearchIndex(articles) };
}
