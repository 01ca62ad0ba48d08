/**
 * The worker's one view of the archive: the bundled articles (packaged with the extension)
 * and the ones the user captured (./store.ts), behind the two lookups every caller needs:
 * the page lookup (src/background/matcher.ts) and the notes feature's catalog checks. A
 * captured article is found by the same URL keys (src/shared/url-key.ts) as a bundled
 * one; callers learn which it is only from `captured`, to label it or read its text from
 * the worker.
 */
import type { Article, CatalogEntry } from '../../shared/archive-format';
import { findCapturedByUrlKey, getCaptured, getCapturedSummary } from './store';

/** A catalog entry of either archive; `captured` marks the user's own. */
export type ArchiveEntry = CatalogEntry & { captured?: true };

export interface ArticleCatalog {
  articleIdForKey(key: string): Promise<string | null>;
  catalogEntry(id: string): Promise<ArchiveEntry | null>;
}

/** A catalog that also reads an article's text and entities (the notes exports and imports need them). */
export interface ArticleReader extends ArticleCatalog {
  article(id: string): Promise<Article>;
}

/** The bundled archive first (it is what shipped), then the captured one. */
export function combinedArchive(bundled: ArticleReader): ArticleReader {
  return {
    async article(id) {
      if (await bundled.catalogEntry(id)) return bundled.article(id);
      const captured = await getCaptured(id);
      if (!captured) throw new Error(`article ${id} is in neither the bundled archive nor the captured one`);
      return captured;
    },
    async articleIdForKey(key) {
      return (await bundled.articleIdForKey(key)) ?? (await findCapturedByUrlKey(key))?.id ?? null;
    },
    async catalogEntry(id) {
      const entry = await bundled.catalogEntry(id);
      if (entry) return entry;
      const captured = await getCapturedSummary(id);
      return captured && { id: captured.id, url: captured.url, title: captured.title, date: captured.date, host: captured.host, captured: true };
    },
  };
}
