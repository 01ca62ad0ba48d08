/** What the page says about itself, and when its address changes without a page load. */

function absolute(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return null;
  }
}

export interface PageClaims {
  href: string;
  canonical: string | null;
  ogUrl: string | null;
}

/** The page's address and its rel=canonical and og:url claims (the worker checks they stay on the same site). */
export function readPageClaims(): PageClaims {
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const ogUrl = document.querySelector('meta[property="og:url" i]')?.getAttribute('content');
  return { href: location.href, canonical: absolute(canonical), ogUrl: absolute(ogUrl) };
}

/** Whether the page's <head> has been parsed, so that readPageClaims sees its links. */
export function headParsed(): boolean {
  return document.readyState !== 'loading';
}

/** Resolves once the document is parsed (at once if it is). */
export function whenParsed(): Promise<void> {
  return headParsed() ? Promise.resolve() : new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

function withoutFragment(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}

/**
 * Calls `onChange` when a single-page app moves to another address (history.pushState,
 * replaceState, back/forward). The page's own history functions are not wrapped: they
 * belong to the page and may be hostile. The Navigation API reports same-document
 * navigations where the browser has it; elsewhere a cheap address check runs on a timer.
 * Fragment changes are not navigations to another article and are ignored.
 */
export function watchAddress(onChange: () => void): void {
  let current = withoutFragment(location.href);
  const check = (): void => {
    const next = withoutFragment(location.href);
    if (next === current) return;
    current = next;
    onChange();
  };
  addEventListener('popstate', check);
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', check);
  else setInterval(check, 500);
}
