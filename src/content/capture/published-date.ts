/**
 * The published date of the page being archived, from what the page says of itself, in
 * the order a reader's tools trust it: a <meta> the publisher writes for sharing
 * (`article:published_time`, the Open Graph article property, and its common kin), the
 * JSON-LD `datePublished` of the page's Article, then a <time datetime> in the article.
 *
 * A page is untrusted: a claim that is not a real calendar date (2024-13-45, 0000-00-00,
 * a CMS default of 1970-01-01) or that lies in the future is not believed. The next source
 * is tried, and the refused claim is kept so the sidebar can say why it shows another date.
 * With nothing to believe the capture date stands (source `capture`).
 */
import { isCalendarDate, localDay } from '../../shared/calendar-date';
import type { DateSource } from '../../shared/captured-article';

export interface PublishedDate {
  /** YYYY-MM-DD as the publisher wrote it (their own day, not converted to UTC). */
  date: string;
  source: DateSource;
  /** The first claim that was refused, as the page wrote it (cut to 200 characters), or null. */
  refused: string | null;
}

/** Dates before this are a CMS default or a typo, not a news article on the web. */
const EARLIEST_YEAR = 1990;
/** A page ahead of UTC by up to 14 hours may be dated tomorrow. */
const FUTURE_SLACK_MS = 36 * 3_600_000;
/** JSON-LD blocks longer than this are not parsed (a page could put megabytes there). */
const MAX_JSON_LD_CHARS = 500_000;

/** <meta> names and properties that carry the publication time, most specific first. */
const META_SELECTORS = [
  'meta[property="article:published_time" i]',
  'meta[property="og:article:published_time" i]',
  'meta[itemprop="datePublished" i]',
  'meta[name="article:published_time" i]',
  'meta[name="parsely-pub-date" i]',
  'meta[name="publish-date" i]',
  'meta[name="pubdate" i]',
  'meta[name="dc.date.issued" i]',
  'meta[name="dcterms.created" i]',
  'meta[name="date" i]',
];

/** JSON-LD types that are articles (schema.org's Article and its subtypes that news sites use). */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|NewsArticle|LiveBlogPosting)$/;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$)/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?\d{4,6}Z?)?$/;
/** A month in English words or their usual abbreviations, captured by its first three letters. */
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\\.?';
const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)?';
/** "Thu, 08 Feb 2024 12:00 GMT", "8 February 2024", "08-Feb-2024". */
const DAY_MONTH_YEAR = new RegExp(`(?:^|[^\\d])${ORDINAL}[\\s-]+(?:of\\s+)?${MONTH}[\\s,-]+(\\d{4})\\b`, 'i');
/** "February 8, 2024", "Feb. 8 2024". */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+${ORDINAL},?\\s+(\\d{4})\\b`, 'i');
const MONTH_NUMBER = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The day a date written with a month name names, as written: no Date parsing, whose result depends on the user's time zone. */
function namedMonthDay(value: string): string | null {
  const dmy = DAY_MONTH_YEAR.exec(value);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(value);
  const [day, month, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : mdy ? [mdy[2], mdy[1], mdy[3]] : [];
  if (day === undefined || month === undefined || year === undefined) return null;
  const iso = `${year}-${String(MONTH_NUMBER.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

export type DateClaim = { value: string; date: string | null };

/** The calendar day a date claim names, as written; null when it names none. */
export function claimedDay(raw: string): string | null {
  const value = raw.trim();
  const iso = ISO.exec(value) ?? COMPACT.exec(value);
  if (iso) {
    const day = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isCalendarDate(day) ? day : null;
  }
  // A month named in words; a month without a day ("March 2023") names no day.
  return namedMonthDay(value);
}

/** Whether a claimed day could be the day this page was published, seen at `now`. */
export function believable(day: string, now: Date): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return Number(day.slice(0, 4)) >= EARLIEST_YEAR && time <= now.getTime() + FUTURE_SLACK_MS;
}

function metaClaims(doc: Document): string[] {
  const claims: string[] = [];
  for (const selector of META_SELECTORS) {
    for (const meta of doc.querySelectorAll(selector)) {
      const content = meta.getAttribute('content');
      if (content?.trim()) claims.push(content);
    }
  }
  return claims;
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Every datePublished in the page's JSON-LD, articles' first; malformed blocks are skipped. */
function jsonLdClaims(doc: Document): string[] {
  const ofArticles: string[] = [];
  const others: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 8 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node.slice(0, 200)) visit(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    const published = record.datePublished;
    const value = typeof published === 'string' ? published : Array.isArray(published) && typeof published[0] === 'string' ? published[0] : null;
    if (value) (typesOf(record).some((type) => ARTICLE_TYPE.test(type)) ? ofArticles : others).push(value);
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) visit(record[key], depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // A page's broken JSON-LD says nothing.
    }
  }
  return [...ofArticles, ...others];
}

/** <time datetime> claims: marked as the publication time first, then the article's own, then the page's first. */
function timeClaims(doc: Document): string[] {
  const selectors = [
    'time[itemprop="datePublished" i][datetime]',
    'time[pubdate][datetime]',
    'article time[datetime]',
    'main time[datetime]',
    'time[datetime]',
  ];
  for (const selector of selectors) {
    const found = doc.querySelector(selector)?.getAttribute('datetime');
    if (found?.trim()) return [found];
  }
  return [];
}

/** The page's published date, or the capture date (`now`, the user's calendar day) when none is believable. */
export function publishedDate(doc: Document, now: Date): PublishedDate {
  let refused: string | null = null;
  const sources: Array<[Exclude<DateSource, 'capture'>, string[]]> = [
    ['meta', metaClaims(doc)],
    ['json-ld', jsonLdClaims(doc)],
    ['time', timeClaims(doc)],
  ];
  for (const [source, claims] of sources) {
    for (const claim of claims) {
      const day = claimedDay(claim);
      if (day !== null && believable(day, now)) return { date: day, source, refused };
      refused ??= claim.trim().slice(0, 200);
    }
  }
  return { date: localDay(now), source: 'capture', refused };
}
