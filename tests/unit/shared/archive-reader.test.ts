/** Reading the packaged archive: files stored packed (raw DEFLATE) and inflated as they are fetched. */
import { deflateRawSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ArchiveError, packagedArchive } from '../../../src/shared/archive-reader';
import { packJson } from '../../../scripts/archive/archive-files';

const META = { format: 1, articleCount: 1, shards: { urls: 1, entities: 1, catalog: 1 } };
const CATALOG = { '0123456789abcdef': { id: '0123456789abcdef', url: 'https://example.org/a.html', title: 'Ä title “quoted”', date: '2024-01-02', host: 'example.org' } };

function serve(files: Record<string, Uint8Array>): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const body = files[url];
    return body ? new Response(new Uint8Array(body)) : new Response('missing', { status: 404 });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('packagedArchive', () => {
  it('fetches <path>.deflate and reads it back as the JSON the build packed', async () => {
    const asked = serve({ 'ext:/archive/meta.json.deflate': packJson(META), 'ext:/archive/catalog/0.json.deflate': packJson(CATALOG) });
    const reader = packagedArchive((path) => `ext:/${path}`);
    expect(await reader.catalogEntry('0123456789abcdef')).toEqual(CATALOG['0123456789abcdef']);
    expect(asked).toEqual(['ext:/archive/meta.json.deflate', 'ext:/archive/catalog/0.json.deflate']);
  });

  it('names the file when it is missing or damaged', async () => {
    serve({ 'ext:/archive/meta.json.deflate': gzipSync(JSON.stringify(META)) });
    await expect(packagedArchive((path) => `ext:/${path}`).meta()).rejects.toThrow(/^archive\/meta\.json\.deflate is damaged/);
    serve({ 'ext:/archive/meta.json.deflate': packJson(META), 'ext:/archive/urls/0.json.deflate': deflateRawSync('{"cut') });
    const reader = packagedArchive((path) => `ext:/${path}`);
    const damaged = reader.articleIdForKey('example.org/a.html');
    await expect(damaged).rejects.toBeInstanceOf(ArchiveError);
    await expect(damaged).rejects.toThrow(/^archive\/urls\/0\.json\.deflate is damaged/);
    await expect(reader.article('0123456789abcdef')).rejects.toThrow('archive/articles/0123456789abcdef.json.deflate: HTTP 404');
  });
});
