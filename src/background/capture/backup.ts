/**
 * Captured articles in the JSON backup (src/background/notes/export.ts writes the file,
 * import.ts reads it): the export carries every stored record whole; an import checks
 * every one before anything is written and adds only the articles this browser does not
 * have (one it has, under the same id, is kept as it is: nothing is overwritten).
 *
 * A backup is a file from anywhere: beyond the record's schema, its address must be an
 * http(s) article address whose URL key is the record's own `key` and whose host is its
 * `host` (the popup opens it, the page lookup matches by it).
 */
import * as v from 'valibot';
import { CapturedArticle, type CapturedArticle as CapturedArticleType } from '../../shared/captured-article';
import { siteHost, tryUrlKey } from '../../shared/url-key';
import { workerArchive } from '../archive';
import { ImportError } from '../notes/import';
import type { ArticleCatalog } from './combined-archive';
import { getCaptured, listCaptured, restoreManyCaptured } from './store';

/** Every stored captured article, whole, newest capture first. */
export async function capturedForBackup(): Promise<CapturedArticleType[]> {
  const records = await Promise.all((await listCaptured()).map((summary) => getCaptured(summary.id)));
  return records.filter((record): record is CapturedArticleType => record !== null);
}

/** A backup from a browser whose clock is ahead by up to a day is still believed. */
const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** The backup's captured articles, each checked; throws an ImportError naming the first bad one. */
export function parseCapturedBackup(raw: readonly unknown[], now = Date.now()): CapturedArticleType[] {
  const seen = new Set<string>();
  const seenKeys = new Set<string>();
  return raw.map((item, index) => {
    const where = `captured article ${index + 1}`;
    const parsed = v.safeParse(CapturedArticle, item);
    if (!parsed.success) throw new ImportError(`${where} cannot be imported: ${v.summarize(parsed.issues).replace(/\n/g, '; ')}`);
    const article = parsed.output as CapturedArticleType;
    const key = tryUrlKey(article.url);
    if (key === null) throw new ImportError(`${where} cannot be imported: its address is not an http(s) article address`);
    if (key !== article.key || siteHost(new URL(article.url).hostname) !== siteHost(article.host)) {
      throw new ImportError(`${where} cannot be imported: its URL key or host is not its address's`);
    }
    if (article.capturedAt > now + CLOCK_SKEW_MS) throw new ImportError(`${where} cannot be imported: it says it was archived in the future (${new Date(article.capturedAt).toISOString()})`);
    if (seen.has(article.id)) throw new ImportError(`${where} repeats article ${article.id}`);
    // One article per address: a second id for the same key would leave the page lookup to pick one.
    if (seenKeys.has(key)) throw new ImportError(`${where} repeats the address of an earlier one (${article.url})`);
    seen.add(article.id);
    seenKeys.add(key);
    return article;
  });
}

export interface CapturedImportPlan {
  add: CapturedArticleType[];
  /** Already in the archive (stored under the same id, or its address is a bundled or captured article's): kept as it is. */
  skip: CapturedArticleType[];
}

export async function planCapturedImport(incoming: readonly CapturedArticleType[], archive: ArticleCatalog = workerArchive): Promise<CapturedImportPlan> {
  const stored = new Set((await listCaptured()).map((summary) => summary.id));
  const plan: CapturedImportPlan = { add: [], skip: [] };
  for (const article of incoming) {
    // An address the archive has already (a newer build may bundle what was captured) keeps what is there: the bundled
    // article would hide the restored one, and a second captured id for one address would split its notes.
    const known = stored.has(article.id) || (await archive.articleIdForKey(article.key)) !== null;
    (known ? plan.skip : plan.add).push(article);
  }
  return plan;
}

/** Adds the plan's articles: their records, then one index update for them all (and so one search index update). */
export async function applyCapturedImport(plan: CapturedImportPlan): Promise<void> {
  await restoreManyCaptured(plan.add);
}
