/**
 * Captured articles for the search benchmark: a second synthetic archive (its own names
 * and words, the real seed's vocabulary), compiled as the build does, as the store keeps
 * them (src/shared/captured-article.ts), and a way to put them into a running extension's
 * storage.local from one of its pages, as the store would have written them. The worker
 * then builds their search index itself (its storage.onChanged listener), and the bench
 * times that.
 */
import type { Page } from 'playwright-core';
import { compileArchive } from '../archive/compile';
import { CAPTURE_SCHEMA_VERSION, summaryOf, type CapturedArticle } from '../../src/shared/captured-article';
import { shardEntries } from '../../src/background/capture/index-layout';
import { urlKey } from '../../src/shared/url-key';
import { syntheticArchive, syntheticExtractor } from './synthetic-archive';

export function capturedArticles(realSeed: string, count: number): CapturedArticle[] {
  const synthetic = syntheticArchive(`${realSeed}\ncaptured by the user`, count);
  const sources = [...synthetic.files].map(([file, content]) => ({ file, content }));
  const { articles } = compileArchive(sources, { extractEntities: syntheticExtractor(synthetic.entities) });
  return articles.map((article, i) => ({
    ...article,
    // Ids of their own: the bundled archive derives ids from URLs on the same five hosts.
    id: `c${article.id.slice(1)}`,
    url: article.url.replace('://', '://captured.'),
    key: urlKey(article.url.replace('://', '://captured.')),
    host: `captured.${article.host}`,
    schemaVersion: CAPTURE_SCHEMA_VERSION,
    site: article.host,
    capturedAt: 1_760_000_000_000 + i * 60_000,
    dateSource: 'meta',
    refusedDate: null,
    truncated: null,
    entitiesExtracted: true,
  })) as CapturedArticle[];
}

/**
 * The store's index of these articles (src/background/capture/index-layout.ts): its shards'
 * keys and values; with BENCH_CAPTURED_LAYOUT=1, the single key of index schema 1 (to
 * measure a build from before the shards in the same way; the store splits it on first read).
 */
export const indexShards = (articles: readonly CapturedArticle[]): Record<string, unknown> =>
  process.env.BENCH_CAPTURED_LAYOUT === '1'
    ? { 'captured-index': { schemaVersion: CAPTURE_SCHEMA_VERSION, articles: Object.fromEntries(articles.map((a) => [a.id, summaryOf(a)])) } }
    : shardEntries(articles.map(summaryOf));

/** In a page: how many articles a search pointer (`captured-search`, either schema) indexes. */
export const POINTER_COUNT = `((pointer) => (pointer?.base?.count ?? Object.keys(pointer?.base?.articles ?? {}).length) + Object.keys(pointer?.recent?.articles ?? {}).length)`;

/**
 * Writes the records from `from` on, then the store's index of them all (its shards, in
 * one write: src/background/capture/store.ts), from an extension page; resolves when the worker's
 * search index names every article, with the time from the index write to then (ms).
 */
export async function storeCaptured(page: Page, articles: readonly CapturedArticle[], from = 0): Promise<number> {
  for (let i = from; i < articles.length; i += 250) {
    const batch = Object.fromEntries(articles.slice(i, i + 250).map((a) => [`captured:${a.id}`, a]));
    await page.evaluate((entries) => chrome.storage.local.set(entries), batch);
  }
  const index = indexShards(articles);
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  return page.evaluate(`(async () => {
    const count = ${articles.length};
    const started = performance.now();
    const indexed = new Promise((resolve) => {
      chrome.storage.local.onChanged.addListener((changes) => {
        const pointer = changes['captured-search']?.newValue;
        const n = ${POINTER_COUNT}(pointer);
        if (n >= count) resolve();
      });
    });
    await chrome.storage.local.set(${JSON.stringify(index)});
    await indexed;
    return performance.now() - started;
  })()`) as Promise<number>;
}
