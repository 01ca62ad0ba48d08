/**
 * An article the user archived from a page they were reading ("Archive this page"), as
 * the worker stores it and hands it to the sidebar. It has the bundled archive's Article
 * shape (src/shared/archive-format.ts), so every view that shows an archived article shows
 * a captured one, plus what only a capture has: when it was archived, where its date came
 * from, and whether the page was too large to keep whole.
 *
 * The page it came from is untrusted: everything the page script returns passes
 * `CapturedPage` (lengths included) in the worker before anything is kept.
 */
import * as v from 'valibot';
import { ARCHIVE_FORMAT_VERSION, type Article } from './archive-format';
import { isCalendarDate } from './calendar-date';
import { ArticleId } from './notes-schema';

/** Version of the stored captured-article record; bumped with a migration step in the store. */
export const CAPTURE_SCHEMA_VERSION = 1;

/** Bounds of what one capture keeps: a long feature is ~60,000 characters; these are far above. */
export const CAPTURE_LIMITS = {
  titleChars: 1_000,
  siteChars: 200,
  paragraphChars: 20_000,
  paragraphs: 2_000,
  /** Characters of article text (summary and paragraphs) kept; the rest is cut and the article says so. */
  textChars: 400_000,
  /** Elements of the page read (as the live comparison's limit, src/shared/live-limits.ts). */
  elements: 30_000,
  urlChars: 4_096,
  dateClaimChars: 200,
} as const;

/**
 * Where the published date came from: a <meta> (article:published_time and its kin), the
 * page's JSON-LD datePublished, a <time datetime>; `capture`: the page gave none to believe.
 */
export const DATE_SOURCES = ['meta', 'json-ld', 'time', 'capture'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

const IsoDate = v.pipe(v.string(), v.check(isCalendarDate, 'not a calendar date (YYYY-MM-DD)'));
const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** Why a capture is not the whole page. */
export const TRUNCATIONS = ['elements', 'characters'] as const;
export type Truncation = (typeof TRUNCATIONS)[number];

/**
 * What the page script (src/content/capture/) reports of the page: validated in the worker
 * before use. `publishedClaim` is the page's own date claim the script refused (impossible
 * or in the future), so the user is told why the capture date is shown instead.
 */
/** An http(s) address: what the popup opens and the sidebar links to (never javascript: or data:). */
const PageAddress = v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//i, 'the address must be http(s)'), v.maxLength(CAPTURE_LIMITS.urlChars));

/** The latest time a Date can hold (ms since the epoch): a later number cannot be shown as a date. */
const LAST_TIME = 8.64e15;

export const CapturedPage = v.strictObject({
  url: PageAddress,
  title: Text(CAPTURE_LIMITS.titleChars),
  site: Text(CAPTURE_LIMITS.siteChars),
  summary: Text(CAPTURE_LIMITS.paragraphChars),
  paragraphs: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(CAPTURE_LIMITS.paragraphChars))), v.maxLength(CAPTURE_LIMITS.paragraphs)),
  published: v.strictObject({
    date: v.nullable(IsoDate),
    source: v.picklist(DATE_SOURCES),
    refused: v.nullable(Text(CAPTURE_LIMITS.dateClaimChars)),
  }),
  truncated: v.nullable(v.picklist(TRUNCATIONS)),
});
export type CapturedPage = v.InferOutput<typeof CapturedPage>;

/** What the page script answers: the page, or why there is nothing to archive. */
export const CaptureScriptReply = v.variant('ok', [
  v.strictObject({ ok: v.literal(true), page: CapturedPage }),
  v.strictObject({ ok: v.literal(false), reason: v.picklist(['no-article', 'too-large']) }),
]);
export type CaptureScriptReply = v.InferOutput<typeof CaptureScriptReply>;

const Span = v.pipe(v.tuple([v.pipe(v.number(), v.integer(), v.minValue(0)), v.pipe(v.number(), v.integer(), v.minValue(0))]), v.readonly());

const StoredEntity = v.object({
  id: Text(300),
  type: v.picklist(['person', 'org', 'place', 'date']),
  name: Text(300),
  aliases: v.array(Text(300)),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  mentions: v.array(Span),
});

/** The stored record of one captured article (`captured:<id>` in storage.local). */
export const CapturedArticle = v.object({
  schemaVersion: v.literal(CAPTURE_SCHEMA_VERSION),
  format: v.literal(ARCHIVE_FORMAT_VERSION),
  id: ArticleId,
  url: PageAddress,
  key: Text(CAPTURE_LIMITS.urlChars),
  host: Text(300),
  /** The published date (YYYY-MM-DD), or the capture date when the page gave none to believe. */
  date: IsoDate,
  title: Text(CAPTURE_LIMITS.titleChars),
  summary: Text(CAPTURE_LIMITS.paragraphChars),
  paragraphs: v.array(Text(CAPTURE_LIMITS.paragraphChars)),
  entities: v.array(StoredEntity),
  /** The site's own name (og:site_name), or its host. */
  site: Text(CAPTURE_LIMITS.siteChars),
  /** When the user archived it (ms since the epoch). */
  capturedAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LAST_TIME)),
  dateSource: v.picklist(DATE_SOURCES),
  /** The page's date claim that was not believed (shown to the user), or null. */
  refusedDate: v.nullable(Text(CAPTURE_LIMITS.dateClaimChars)),
  truncated: v.nullable(v.picklist(TRUNCATIONS)),
  /** False when the entity extractor failed or was not available at capture time. */
  entitiesExtracted: v.boolean(),
});
export type CapturedArticle = v.InferOutput<typeof CapturedArticle> & Article;

/** One captured article as lists show it (the store's index): no text. */
export interface CapturedSummary {
  id: string;
  url: string;
  key: string;
  host: string;
  title: string;
  date: string;
  site: string;
  capturedAt: number;
}

export function summaryOf(article: CapturedArticle): CapturedSummary {
  const { id, url, key, host, title, date, site, capturedAt } = article;
  return { id, url, key, host, title, date, site, capturedAt };
}
