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
import { ImportError } from '../notes/import';
import { getCaptured, listCaptured, restoreCaptured } from './store';

/** Every stored captured article, whole, newest capture first. */
export async function capturedForBackup(): Promise<CapturedArticleType[]> {
  const records = await Promise.all((await listCaptured()).map((summary) => getCaptured(summary.id)));
  return records.filter((record): record is CapturedArticleType => record !== null);
}

/** The backup's captured articles, each checked; throws an ImportError naming the first bad one. */
export function parseCapturedBackup(raw: readonly unknown[]): CapturedArticleType[] {
  const seen = new Set<string>();
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
    if (seen.has(article.id)) throw new ImportError(`${where} repeats article ${article.id}`);
    seen.add(article.id);
    return article;
  });
}

export interface CapturedImportPlan {
  add: CapturedArticleType[];
  /** Already stored under the same id: kept as stored. */
  skip: CapturedArticleType[];
}

export async function planCapturedImport(incoming: readonly CapturedArticleType[]): Promise<CapturedImportPlan> {
  const stored = new Set((await listCaptured()).map((summary) => summary.id));
  return { add: incoming.filter((a) => !stored.has(a.id)), skip: incoming.filter((a) => stored.has(a.id)) };
}

export async function applyCapturedImport(plan: CapturedImportPlan): Promise<void> {
  for (const article of plan.add) await restoreCaptured(article);
}
