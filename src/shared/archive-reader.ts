/**
 * Reads the compiled archive that ships inside the extension (dist/<browser>/archive/).
 * Used by the worker (URL lookups, catalog checks), the sidebar and, through packagedJson,
 * the popup's search index; each caches what it read, so a lookup costs at most one small
 * shard fetch after meta.json.
 */
import {
  ARCHIVE_FORMAT_VERSION,
  PACKED_FILE_SUFFIX,
  type ArchiveMeta,
  type Article,
  type CatalogEntry,
  type CatalogShard,
  type EntityIndexEntry,
  type EntityShard,
  type UrlShard,
} from './archive-format';
import { shardOf } from './shards';

export type FetchJson = (path: string) => Promise<unknown>;

export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

/** Reads each path at most once while it succeeds; a failed read is retried on the next call. */
export function cachedJson(fetchJson: FetchJson): <T>(path: string) => Promise<T> {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(path: string): Promise<T> => {
    let pending = cache.get(path);
    if (!pending) {
      pending = fetchJson(path);
      pending.catch(() => cache.delete(path));
      cache.set(path, pending);
    }
    return pending as Promise<T>;
  };
}

export class ArchiveReader {
  private readonly read: <T>(path: string) => Promise<T>;

  /** `fetchJson` resolves a path under archive/ to its parsed JSON. */
  constructor(fetchJson: FetchJson) {
    this.read = cachedJson(fetchJson);
  }

  async meta(): Promise<ArchiveMeta> {
    const meta = await this.read<ArchiveMeta>('meta.json');
    if (meta.format !== ARCHIVE_FORMAT_VERSION) {
      throw new ArchiveError(`archive format ${String(meta.format)} is not the supported ${ARCHIVE_FORMAT_VERSION}`);
    }
    return meta;
  }

  private async shard<T>(folder: keyof ArchiveMeta['shards'], key: string): Promise<T> {
    const meta = await this.meta();
    return this.read<T>(`${folder}/${shardOf(key, meta.shards[folder])}.json`);
  }

  /** The id of the article with this normalized URL key, or null. */
  async articleIdForKey(key: string): Promise<string | null> {
    const shard = await this.shard<UrlShard>('urls', key);
    return Object.hasOwn(shard, key) ? shard[key] ?? null : null;
  }

  async catalogEntry(id: string): Promise<CatalogEntry | null> {
    const shard = await this.shard<CatalogShard>('catalog', id);
    return Object.hasOwn(shard, id) ? shard[id] ?? null : null;
  }

  async entity(entityId: string): Promise<EntityIndexEntry | null> {
    const shard = await this.shard<EntityShard>('entities', entityId);
    return Object.hasOwn(shard, entityId) ? shard[entityId] ?? null : null;
  }

  async article(id: string): Promise<Article> {
    if (!/^[0-9a-f]{16}$/.test(id)) throw new ArchiveError(`not an article id: ${JSON.stringify(id)}`);
    return this.read<Article>(`articles/${id}.json`);
  }
}

/**
 * Reads archive files as package resources: `getUrl` names an extension file (its origin
 * differs by context). Each is stored compressed (PACKED_FILE_SUFFIX in archive-format.ts)
 * and inflated as it streams in.
 */
export function packagedJson(getUrl: (path: string) => string): FetchJson {
  return async (path) => {
    const file = `archive/${path}${PACKED_FILE_SUFFIX}`;
    const response = await fetch(getUrl(file));
    if (!response.ok || !response.body) throw new ArchiveError(`${file}: HTTP ${response.status}`);
    try {
      return await new Response(response.body.pipeThrough(new DecompressionStream('deflate-raw'))).json();
    } catch (error) {
      throw new ArchiveError(`${file} is damaged: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** The reader for code running inside the extension (the worker's: src/background/archive.ts). */
export function packagedArchive(getUrl: (path: string) => string): ArchiveReader {
  return new ArchiveReader(packagedJson(getUrl));
}
