/**
 * The one owner of the URL policy of a page lookup: which address the page is at, which
 * site it belongs to, and which archived article, if any, it is. The page's own address
 * comes from the browser (sender.url), or from the content script's `href` on that same
 * origin (pushState); the page's rel=canonical / og:url claims are considered only when
 * they stay on the same site, so a page cannot ask about arbitrary other URLs. Each URL is
 * parsed once here; the key of each candidate is the shared normalizer's (url-key).
 */
import type { ArchiveEntry, ArticleCatalog } from './capture/combined-archive';
import { siteHost, tryUrlKey } from '../shared/url-key';

/** What the content script says about its page (`page/match`). */
export interface PageClaims {
  href: string;
  canonical: string | null;
  ogUrl: string | null;
}

/** A page looked up: its archived article (or null), its site, its current address. */
export interface PageLookup {
  entry: ArchiveEntry | null;
  /** siteHost of the page: the unit of the user's "closed on this site" choice. */
  site: string;
  pageUrl: string;
}

/** The site a page belongs to (siteHost of its host), from its parsed address. */
const siteOfUrl = (url: URL): string => siteHost(url.hostname);

/** The site of a page address the browser reported. */
export function siteOf(pageUrl: string): string {
  return siteOfUrl(new URL(pageUrl));
}

/** Same site: equal hosts, or one a subdomain of the other (edition.cnn.com / cnn.com). */
export function sameSite(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/**
 * The page's current address: the content script's `href` when it is on the origin the
 * browser vouches for (single-page apps change the path with pushState), else sender.url.
 */
export function currentAddress(senderUrl: string, href: string): { address: string; url: URL } {
  const vouched = new URL(senderUrl);
  const claimed = new URL(href);
  return claimed.origin === vouched.origin ? { address: href, url: claimed } : { address: senderUrl, url: vouched };
}

/** The candidate keys to look up, most trustworthy first, without duplicates. */
export function candidateKeys(page: URL, canonical: string | null, ogUrl: string | null): string[] {
  const pageSite = siteOfUrl(page);
  const keys: string[] = [];
  const add = (url: URL): void => {
    const key = tryUrlKey(url.href);
    if (key !== null && !keys.includes(key)) keys.push(key);
  };
  add(page);
  for (const claim of [canonical, ogUrl]) {
    if (!claim) continue;
    // Relative canonical links are resolved against the page, as browsers do.
    let url: URL;
    try {
      url = new URL(claim, page);
    } catch {
      continue;
    }
    if (sameSite(siteOfUrl(url), pageSite)) add(url);
  }
  return keys;
}

/** The one lookup of a page: from what the browser and the content script say to { entry, site, pageUrl }. */
export async function lookUpPage(reader: ArticleCatalog, senderUrl: string, { href, canonical, ogUrl }: PageClaims): Promise<PageLookup> {
  const { address, url: page } = currentAddress(senderUrl, href);
  let entry: ArchiveEntry | null = null;
  for (const key of candidateKeys(page, canonical, ogUrl)) {
    const id = await reader.articleIdForKey(key);
    if (id !== null) {
      entry = await reader.catalogEntry(id);
      break;
    }
  }
  return { entry, site: siteOfUrl(page), pageUrl: address };
}
