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
