/**
 * A page's title without its site's name: "Headline | Site Name", "Headline – Site",
 * "Site: Headline" → "Headline". Readability keeps a title of four words or fewer whole
 * (it cannot tell a short headline from a site's name), so both the capture (what it stores
 * as the headline) and the live comparison (the headline it reads from the live page) take
 * the site off Readability's title with this one rule: they compare like with like, as the
 * bundled archive's headline (the seed's title line) never carries the site either.
 *
 * The site is known by its own name (og:site_name, or Readability's site name) or by its
 * host ("ledger.example" names "The Ledger", "Ledger"); only a part of the title that
 * is that name, set off by a separator, is taken off. Nothing is guessed from the title alone.
 */
import { getDomainWithoutSuffix } from 'tldts';
import { siteHost } from './url-key';

/** A separator between a title's parts: a spaced bar, dash, bullet, slash, chevron or double colon. */
const SPACED_SEPARATOR = /\s+(?:[|\u2013\u2014\-\u00b7\u2022\u00bb\u203a/]|::)\s+/u;
/** "Site: Headline": a colon after the first part. */
const COLON = /:\s+/u;

const squash = (text: string): string =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(/^the\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The host's own name: "www.the-ledger.co.uk" → "theledger", "the-ledger.github.io" →
 * "theledger": its label before the public suffix, by the Public Suffix List (tldts, private
 * suffixes included: a github.io site's name is its own label, not "github").
 */
export function hostName(host: string): string {
  const site = siteHost(host);
  return squash(getDomainWithoutSuffix(site, { allowPrivateDomains: true }) ?? site.split('.')[0] ?? '');
}

function namesTheSite(part: string, site: string | null, host: string | null): boolean {
  const name = squash(part);
  if (name === '') return false;
  if (site !== null && squash(site) === name) return true;
  if (host === null) return false;
  const own = hostName(host);
  // "Ledger" or "The Ledger" on ledger.example; "Coastal Ledger" on coastalledger.example.
  return own.length >= 3 && name === own;
}

/** The title without a leading or trailing part that names the site; the title itself when none does (or nothing else would be left). */
export function withoutSiteName(title: string, site: string | null | undefined, host: string | null | undefined): string {
  const whole = title.replace(/\s+/g, ' ').trim();
  const siteName = site?.trim() || null;
  const hostLabel = host?.trim() || null;
  if (siteName === null && hostLabel === null) return whole;
  // Parts and the separators between them: [part, separator, part, …].
  let pieces = whole.split(new RegExp(`(${SPACED_SEPARATOR.source})`, 'u'));
  // Trailing parts first ("Headline | Section | Site" keeps its section: it is not the site).
  while (pieces.length > 1 && namesTheSite(pieces.at(-1)!, siteName, hostLabel)) pieces = pieces.slice(0, -2);
  while (pieces.length > 1 && namesTheSite(pieces[0]!, siteName, hostLabel)) pieces = pieces.slice(2);
  let rest = pieces.join('').trim();
  const colon = COLON.exec(rest);
  if (colon && namesTheSite(rest.slice(0, colon.index), siteName, hostLabel) && rest.slice(colon.index + colon[0].length).trim() !== '') {
    rest = rest.slice(colon.index + colon[0].length).trim();
  }
  return rest;
}

/** Shorter site names and host labels are common words too often to be looked for in running text. */
const MIN_NAME_CHARS = 4;

/**
 * Whether a text names the site that publishes it: its own name (og:site_name or
 * Readability's, "The Sentinel": its words in their order, any case but capitalized, as names
 * are written) or its host's label as one capitalized word ("SENTINELDAILY's" on
 * sentineldaily.example). How a page's furniture speaks of the publisher in the third
 * person: "Sentinel Daily may receive compensation …", "sign up for SENTINELDAILY's newsletter".
 */
export function mentionsSite(text: string, site: string | null | undefined, host: string | null | undefined): boolean {
  // Capitalized words only, as a name is written: "time" and "post" are no mention of Time or The Post.
  const words = text
    .split(/\s+/u)
    .map((word) => word.replace(/^\P{L}+/u, ''))
    .map((word) => (/^\p{Lu}/u.test(word) ? squash(word.replace(/['\u2019]s$/iu, '')) : ''));
  const own = host ? hostName(host) : '';
  if (own.length >= MIN_NAME_CHARS && words.includes(own)) return true;
  const name = (site ?? '')
    .trim()
    .replace(/^the\s+/iu, '')
    .split(/\s+/u)
    .map(squash)
    .filter((word) => word !== '');
  if (name.join('').length < MIN_NAME_CHARS) return false;
  for (let i = 0; i + name.length <= words.length; i++) {
    if (name.every((word, k) => words[i + k] === word)) return true;
  }
  return false;
}
