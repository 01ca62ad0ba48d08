import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  ARCHIVE_FORMAT_VERSION,
  articleFullText,
  type ArchiveMeta,
  type Article,
  type CatalogEntry,
  type EntityIndexEntry,
} from '../../src/shared/archive-format';
import { shardCountFor, shardIndex, shardName } from '../../src/shared/shards';
import { siteHost } from '../../src/shared/url-key';
import { extractEntities } from './entities';
import { buildSearchIndex } from './search-index';
import { parseSeed, type ParsedSeed, type SeedParseResult } from './parse-seed';
import { ArchiveBuildError, type SeedProblem } from './seed-errors';

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
  /** The popup's search index: archive/search/… path → JSON value (scripts/archive/search-index.ts). */
  search: Map<string, unknown>;
}

/** Entries per shard: small enough that one shard fetch stays well under 10 KB. */
export const URLS_PER_SHARD = 64;
export const CATALOG_PER_SHARD = 64;
export const ENTITIES_PER_SHARD = 128;

export interface SeedSource {
  file: string;
  content: string;
}

/** The seed files of a folder, sorted, named relative to the working folder (so an error message points at a file one can open). */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return names.map((name) => relative(process.cwd(), join(dir, name)));
}

export async function readSeedDirectory(dir: string): Promise<SeedSource[]> {
  // One file at a time: opening 50,000 at once runs out of file handles (EMFILE).
  const sources: SeedSource[] = [];
  for (const file of await listSeedFiles(dir)) sources.push({ file, content: await readFile(file, 'utf8') });
  return sources;
}

export function articleId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Collects every problem of every seed, duplicate URLs included, in file order; `finish`
 * throws them together. Seeds are added one at a time, so the caller need not hold them.
 */
export class SeedChecker {
  private readonly problems: SeedProblem[] = [];
  private readonly firstByKey = new Map<string, { file: string; headerLine: number }>();
  private seen = 0;

  /** Returns the seed if it is valid and its URL is new. */
  add(file: string, result: SeedParseResult): ParsedSeed | null {
    this.seen += 1;
    if (!result.ok) {
      this.problems.push(...result.problems);
      return null;
    }
    const earlier = this.firstByKey.get(result.seed.key);
    if (earlier) {
      this.problems.push({
        file,
        line: result.seed.headerLine,
        message: `the same article URL is already in ${earlier.file}:${earlier.headerLine} (${result.seed.url})`,
      });
      return null;
    }
    this.firstByKey.set(result.seed.key, { file, headerLine: result.seed.headerLine });
    return result.seed;
  }

  finish(): void {
    if (this.seen === 0) this.problems.unshift({ file: '(seed folder)', line: 0, message: 'no .txt seed files found' });
    if (this.problems.length > 0) throw new ArchiveBuildError(this.problems);
  }
}

/** Parses every seed and reports all problems of all files together, duplicates included. */
export function parseSeeds(sources: readonly SeedSource[]): ParsedSeed[] {
  const checker = new SeedChecker();
  const seeds: ParsedSeed[] = [];
  for (const { file, content } of sources) {
    const seed = checker.add(file, parseSeed(file, content));
    if (seed) seeds.push(seed);
  }
  checker.finish();
  return seeds;
}

/** Compiler options; the defaults are what `npm run build` uses. */
export interface CompileOptions {
  /** Entity extraction (wink-nlp + build-time knowledge, scripts/archive/entities.ts); the search benchmark injects a cheap one for synthetic seeds. */
  extractEntities?: (fullText: string) => Article['entities'];
}

export function compileArticle(seed: ParsedSeed, extract: CompileOptions['extractEntities'] = extractEntities): Article {
  const base = {
    format: ARCHIVE_FORMAT_VERSION,
    id: articleId(seed.key),
    url: seed.url,
    key: seed.key,
    host: siteHost(new URL(seed.url).hostname),
    date: seed.date,
    title: seed.title,
    summary: seed.summary,
    paragraphs: seed.paragraphs,
  } as const;
  return { ...base, entities: extract(articleFullText(base)) };
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

/** Archive order: newest first, then by id. */
export function archiveOrder(a: Pick<Article, 'date' | 'id'>, b: Pick<Article, 'date' | 'id'>): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
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
