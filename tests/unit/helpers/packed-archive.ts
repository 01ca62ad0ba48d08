/** A stand-in for fetching the packaged archive: files as the build stores them (compressed, PACKED_FILE_SUFFIX). */
import { deflateRawSync } from 'node:zlib';
import { PACKED_FILE_SUFFIX } from '../../../src/shared/archive-format';

/** A fetch that answers `<url>.json` + the suffix with `file(<url>.json)` packed, or 404 when that is null. */
export function packedArchiveFetch(file: (url: string) => unknown): (url: string) => Promise<Response> {
  return async (url) => {
    const body = url.endsWith(PACKED_FILE_SUFFIX) ? file(url.slice(0, -PACKED_FILE_SUFFIX.length)) : null;
    if (body === null || body === undefined) return new Response('not found', { status: 404 });
    return new Response(deflateRawSync(JSON.stringify(body)));
  };
}

export interface CatalogEntryStub {
  id: string;
  url: string;
  title: string;
  date: string;
  host: string;
}

/**
 * The packaged archive holding `catalog` (one shard of each index): its meta, its catalog,
 * its URL index (`urls`, key → id) and any other file `files` answers (null: 404).
 */
export function catalogArchiveFetch(
  catalog: Readonly<Record<string, CatalogEntryStub>>,
  options: { urls?: Readonly<Record<string, string>>; files?: (url: string) => unknown } = {},
): (url: string) => Promise<Response> {
  return packedArchiveFetch((url) =>
    url.endsWith('meta.json')
      ? { format: 1, articleCount: Object.keys(catalog).length, shards: { urls: 1, entities: 1, catalog: 1 } }
      : url.includes('/catalog/')
        ? catalog
        : url.includes('/urls/')
          ? (options.urls ?? {})
          : (options.files?.(url) ?? null),
  );
}
