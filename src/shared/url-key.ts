import normalizeUrl from 'normalize-url';
import { TRACKING_PARAMETERS } from './tracking-params';

/**
 * The one URL normalizer: the archive compiler keys articles with it at build time and the
 * worker keys the visited page with it at run time, so every variant of an article's URL
 * (http/https, www./m./amp. hosts, AMP paths, trailing slash, fragment, default port,
 * percent-encoding, tracking parameters, parameter order) yields the same key.
 */

/** Host labels that mark a mobile, AMP or "www" rendering of the same site. */
const VARIANT_HOST_PREFIXES = /^(?:www\d{0,3}|m|mobile|amp)\./i;

/** AMP renderings of a path: /amp/..., .../amp, ...amp.html, ...html/amp. */
const AMP_PATH_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/amp(?=\/)/i, ''],
  [/\/amp\/?$/i, ''],
  [/\.amp(\.html?)$/i, '$1'],
  [/\.amp$/i, ''],
];

export class InvalidUrlError extends Error {
  override name = 'InvalidUrlError';
}

/** Host without the variant prefixes, lower-case: the "site" an article belongs to. */
export function siteHost(hostname: string): string {
  let host = hostname.toLowerCase().replace(/\.$/, '');
  // Strip only while a registrable-looking name remains ("m.co" stays "m.co").
  while (VARIANT_HOST_PREFIXES.test(host) && host.replace(VARIANT_HOST_PREFIXES, '').includes('.')) {
    host = host.replace(VARIANT_HOST_PREFIXES, '');
  }
  return host;
}

/**
 * The match pattern of a site: the site itself and every subdomain (www., m., amp.,
 * edition.), over http and https. The manifest names the archive's sites with it, and the
 * worker asks for a captured page's site with it.
 */
export function sitePattern(site: string): string {
  return `*://*.${site}/*`;
}

/**
 * A site pattern's site: `*://*.<site>/*` as sitePattern makes it, or the http and https
 * halves a browser may report a grant as (Chromium splits `*` into the two schemes it
 * covers); null for any other pattern.
 */
export function siteOfPattern(pattern: string): string | null {
  return /^(?:\*|https?):\/\/\*\.([^/*]+)\/\*$/.exec(pattern)?.[1] ?? null;
}

function stripAmpPath(pathname: string): string {
  let path = pathname;
  for (const [pattern, replacement] of AMP_PATH_RULES) path = path.replace(pattern, replacement);
  return path === '' ? '/' : path;
}

/**
 * Maps a URL to its article key: `host/path?sorted-query`, with no scheme.
 * Throws InvalidUrlError for anything that is not an absolute http(s) URL.
 */
export function urlKey(input: string): string {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    throw new InvalidUrlError(`not an absolute URL: ${JSON.stringify(input)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidUrlError(`not an http(s) URL: ${JSON.stringify(input)}`);
  }
  if (!parsed.hostname.includes('.')) {
    throw new InvalidUrlError(`host has no domain: ${JSON.stringify(input)}`);
  }
  const normalized = normalizeUrl(parsed.href, {
    normalizeProtocol: true,
    forceHttps: true,
    stripHash: true,
    stripWWW: true,
    stripAuthentication: true,
    removeQueryParameters: [...TRACKING_PARAMETERS],
    removeTrailingSlash: true,
    removeSingleSlash: true,
    removeDirectoryIndex: false,
    sortQueryParameters: true,
    stripTextFragment: true,
  });
  const url = new URL(normalized);
  // Collapsed here as well: decoding can leave "//" that normalize-url had no chance to
  // collapse, and a key must map to itself.
  const path = stripAmpPath(url.pathname).replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  // normalize-url has dropped default ports; any other port is another server.
  const port = url.port ? `:${url.port}` : '';
  return `${siteHost(url.hostname)}${port}${path}${url.search}`;
}

/** urlKey, or null where the URL cannot be an article's (about:, data:, malformed). */
export function tryUrlKey(input: string): string | null {
  try {
    return urlKey(input);
  } catch (error) {
    if (error instanceof InvalidUrlError) return null;
    throw error;
  }
}
