/**
 * One search over both archives for the popup: the bundled one (its index read from the
 * package, src/shared/search-engine.ts) and the user's own captured articles (searched by
 * the worker, which alone reads them: `capture/search`). Both answer in the same shape
 * with the same scoring; a captured hit carries `byYou` and nothing else differs. The view
 * merges them (use-search.ts): when one archive cannot be searched, the other's results
 * still show, with a warning.
 */
import type { CapturedSearchResults } from '../shared/messages/captured-messages';
import { sendToWorker } from '../shared/messages/to-worker';
import type { HitDetails, SearchHit, SearchResults } from '../shared/search-engine';
import { mergeResults } from '../shared/search-merge';

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
  /** Each archive on its own: the view shows the bundled hits first and merges the captured ones as they come (use-search.ts, combineResults). */
  readonly bundled: HitSource;
  /** Hits already marked `byYou`. */
  readonly captured: HitSource;
  details(hit: ArchiveHit, query: string): Promise<HitDetails>;
}

/** What the bundled engine and the worker's captured search each provide. */
export interface HitSource {
  search(query: string, limit: number): Promise<SearchResults>;
  details(hit: SearchHit, query: string): Promise<HitDetails>;
}

/**
 * The worker's captured articles, one message per query: it answers as many hits as the
 * popup lists, with the snippets of those it shows, and this keeps the answer for the
 * query's later asks (the first results, then the whole list, then each snippet).
 */
export function workerCaptured(hitsPerQuery: number, detailsPerQuery: number): HitSource {
  const answers = new Map<string, { limit: number; answer: Promise<CapturedSearchResults> }>();
  const ask = (input: string, limit: number): Promise<CapturedSearchResults> => {
    const query = input.slice(0, 500);
    const kept = answers.get(query);
    if (kept && kept.limit >= limit) return kept.answer;
    const wanted = Math.max(limit, hitsPerQuery);
    const answer = sendToWorker('capture/search', { query, limit: wanted, details: detailsPerQuery });
    answers.delete(query); // re-inserted last: the map keeps the queries asked most recently
    answers.set(query, { limit: wanted, answer });
    if (answers.size > KEPT_QUERIES) answers.delete(answers.keys().next().value!);
    answer.catch(() => answers.get(query)?.answer === answer && answers.delete(query));
    return answer;
  };
  return {
    async search(query, limit) {
      const { hits, total } = await ask(query, limit);
      return { hits: hits.slice(0, limit), total };
    },
    async details(hit, query) {
      const kept = (await ask(query, 1)).details[hit.id];
      return kept ?? sendToWorker('capture/details', { id: hit.id, query: query.slice(0, 500), matched: hit.matched.slice(0, 200) });
    },
  };
}
/** Queries whose captured answers are kept: the current one only (an older one asked again is asked anew: the archive may have changed). */
const KEPT_QUERIES = 1;

/** Hits of both, best first (newest first for an empty query); captured ones marked. */
export function combineResults(bundled: SearchResults, captured: SearchResults, limit: number, byDate: boolean): ArchiveResults {
  return mergeResults<ArchiveHit>([bundled, markByYou(captured)], limit, byDate);
}

function markByYou(captured: SearchResults): SearchResults {
  return { ...captured, hits: captured.hits.map((hit) => ({ ...hit, byYou: true })) };
}

export function archiveSearch(bundled: HitSource, captured: HitSource): ArchiveSearch {
  return {
    bundled,
    captured: { search: async (query, limit) => markByYou(await captured.search(query, limit)), details: (hit, query) => captured.details(hit, query) },
    details: (hit, query) => (hit.byYou ? captured : bundled).details(hit, query),
  };
}
