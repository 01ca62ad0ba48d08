/**
 * One search over both archives for the popup: the bundled one (its index read from the
 * package, src/shared/search-engine.ts) and the user's own captured articles (searched by
 * the worker, which alone reads them: `capture/search`). Both answer in the same shape
 * with the same scoring; a captured hit carries `byYou` and nothing else differs. When the
 * user's archive cannot be searched, the bundled results still show, with a warning.
 */
import { failureMessage } from '../shared/failures';
import { sendToWorker } from '../shared/messages/to-worker';
import type { HitDetails, SearchHit, SearchResults } from '../shared/search-engine';
import { mergeResults } from '../shared/search-merge';
import { isEmptyQuery, parseQuery } from '../shared/search-query';

export interface ArchiveHit extends SearchHit {
  /** Captured by the user ("Archived by you"), not bundled. */
  byYou?: boolean;
}

export interface ArchiveResults {
  hits: ArchiveHit[];
  total: number;
  /** Why one of the archives could not be searched (the other's results are shown). */
  warning?: string;
}

export interface ArchiveSearch {
  search(query: string, limit: number): Promise<ArchiveResults>;
  details(hit: ArchiveHit, query: string): Promise<HitDetails>;
}

/** What the bundled engine and the worker's captured search each provide. */
export interface HitSource {
  search(query: string, limit: number): Promise<SearchResults>;
  details(hit: SearchHit, query: string): Promise<HitDetails>;
}

export const workerCaptured: HitSource = {
  search: (query, limit) => sendToWorker('capture/search', { query: query.slice(0, 500), limit }),
  details: (hit, query) => sendToWorker('capture/details', { id: hit.id, query: query.slice(0, 500), matched: hit.matched.slice(0, 200) }),
};

/** Hits of both, best first (newest first for an empty query); captured ones marked. */
export function combineResults(bundled: SearchResults, captured: SearchResults, limit: number, byDate: boolean): ArchiveResults {
  return mergeResults<ArchiveHit>([bundled, { ...captured, hits: captured.hits.map((hit) => ({ ...hit, byYou: true })) }], limit, byDate);
}

const NONE: SearchResults = { hits: [], total: 0 };

export function archiveSearch(bundled: HitSource, captured: HitSource): ArchiveSearch {
  return {
    async search(query, limit) {
      const [fromBundle, fromUser] = await Promise.allSettled([bundled.search(query, limit), captured.search(query, limit)]);
      if (fromBundle.status === 'rejected' && fromUser.status === 'rejected') throw fromBundle.reason;
      const results = combineResults(
        fromBundle.status === 'fulfilled' ? fromBundle.value : NONE,
        fromUser.status === 'fulfilled' ? fromUser.value : NONE,
        limit,
        isEmptyQuery(parseQuery(query)),
      );
      const failed = fromBundle.status === 'rejected' ? fromBundle : fromUser.status === 'rejected' ? fromUser : null;
      return failed ? { ...results, warning: failureMessage(failed.reason) } : results;
    },
    details: (hit, query) => (hit.byYou ? captured : bundled).details(hit, query),
  };
}
