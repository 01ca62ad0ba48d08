/**
 * Decides which archived article, if any, a page is. The page's own address comes from
 * the browser (sender.url); the page's rel=canonical / og:url claims are considered only
 * when they stay on the same site, so a page cannot ask about arbitrary other URLs.
 */
import type { ArchiveReader } from '../shared/archive-reader';
import type { CatalogEntry } from '../shared/archive-format';
import { siteHost, tryUrlKey } from '../shared/url-key';

export interface PageClaims {
  pageUrl: string;
  canonical: string | null;
  ogUrl: string | null;
}

function hostOf(url: string): string | null {
  try {
    return siteHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

/** Same site: equal hosts, or one a subdomain of the other (edition.cnn.com / cnn.com). */
export function sameSite(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** The candidate keys to look up, most trustworthy first, without duplicates. */
export function candidateKeys({ pageUrl, canonical, ogUrl }: PageClaims): string[] {
  const pageHost = hostOf(pageUrl);
  if (pageHost === null) return [];
  const keys: string[] = [];
  for (const [url, claimed] of [[pageUrl, false], [canonical, true], [ogUrl, true]] as const) {
    if (!url) continue;
    // Relative canonical links are resolved against the page, as browsers do.
    let absolute: string;
    try {
      absolute = new URL(url, pageUrl).href;
    } catch {
      continue;
    }
    const host = hostOf(absolute);
    if (claimed && (host === null || !sameSite(host, pageHost))) continue;
    const key = tryUrlKey(absolute);
    if (key !== null && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

export async function matchPage(reader: ArchiveReader, claims: PageClaims): Promise<CatalogEntry | null> {
  for (const key of candidateKeys(claims)) {
    const id = await reader.articleIdForKey(key);
    if (id !== null) return reader.catalogEntry(id);
  }
  return null;
}
