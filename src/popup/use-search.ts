/**
 * The popup's search state: archive hits (with snippets fetched for the first few) and
 * note hits, for the query as typed. A newer query supersedes an older one still running.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { failureMessage } from '../shared/failures';
import type { HitDetails } from '../shared/search-engine';
import type { SearchResults } from '../shared/search-engine';
import { isEmptyQuery, parseQuery } from '../shared/search-query';
import { combineResults, type ArchiveHit, type ArchiveResults, type ArchiveSearch } from './archive-search';
import { placeLateHits } from './late-hits';
import type { NoteHit, NotesSource } from './notes-source';

/** Articles listed, and how many of them get a snippet (one small article fetch each). */
export const ARTICLE_LIMIT = 20;
export const SNIPPET_LIMIT = 8;
/** Results shown first, before the rest of the list is read. */
export const FIRST_LIMIT = SNIPPET_LIMIT;
export const NOTE_LIMIT = 5;

export interface SearchState {
  query: string;
  /** Undefined until the first answer for this query. */
  hits: ArchiveResults['hits'] | undefined;
  total: number;
  details: ReadonlyMap<string, HitDetails>;
  /** Null until the notes store answered (or when it failed). */
  notes: NoteHit[] | null;
  error: string | null;
  /** Why one archive (bundled or the user's own) could not be searched; the other's results show. */
  warning: string | null;
  /** Why the user's notes could not be read, if they could not. */
  notesError: string | null;
  /** Every source (bundled, captured, notes) has answered this query: "no results" can be said. */
  complete: boolean;
}

/** The free words of a query, for the notes store (which knows no archive fields). */
export function notesQuery(query: string): string {
  return query.replace(/\b\w+:("[^"]*"?|\S+)/g, ' ').replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Marks set once the rows they name are in the DOM (a layout effect: the same frame's paint shows them). */
export const FIRST_RESULTS_MARK = 'backstory:search-results';
export const ALL_MERGED_MARK = 'backstory:search-merged';

const TOP_ROW = { current: 0 };

/**
 * `pinned` (read when an answer arrives): the lowest row the user is on (late-hits.ts).
 * The first results paint as soon as the bundled engine answers; the worker's captured
 * hits and the notes join them when they come, without moving the rows on screen.
 */
export function useSearch(engine: ArchiveSearch, notes: NotesSource, query: string, pinned: { readonly current: number } = TOP_ROW): SearchState {
  const [state, setState] = useState<SearchState>({ query, hits: undefined, total: 0, details: new Map(), notes: null, error: null, warning: null, notesError: null, complete: false });
  const latest = useRef(0);
  const marks = useRef<string[]>([]);

  useLayoutEffect(() => {
    for (const name of marks.current.splice(0)) performance.mark(name);
  });

  // A layout effect runs right after rendering; preact defers useEffect to the next frame.
  useLayoutEffect(() => {
    const run = ++latest.current;
    const current = (): boolean => run === latest.current;
    const byDate = isEmptyQuery(parseQuery(query));
    type Answer = { ok: true; value: SearchResults } | { ok: false; error: unknown } | undefined;
    let firstBundled: Answer, allBundled: Answer, captured: Answer;
    let notesIn = false;
    let shown: ArchiveHit[] | undefined;
    let merged = false;
    const snippetsAsked = new Set<string>();

    const bundledAnswer = (): Answer => allBundled ?? firstBundled;
    /** True once no more article hits will come for this query. */
    const articlesDone = (): boolean => captured !== undefined && (allBundled !== undefined || (firstBundled !== undefined && (!firstBundled.ok || firstBundled.value.hits.length < FIRST_LIMIT)));
    const update = (): void => {
      if (!current()) return;
      const bundled = bundledAnswer();
      // The first paint waits for the bundled engine (local, fast); on its own the worker's answer waits for it, unless it failed.
      if (bundled === undefined || (!bundled.ok && captured === undefined)) return;
      const failed = [bundled, captured].find((answer) => answer?.ok === false) as { error: unknown } | undefined;
      if (!bundled.ok && !captured?.ok) {
        setState((previous) => ({ ...previous, query, hits: [], total: 0, error: String(failed?.error), warning: null, complete: merged }));
      } else {
        const none: SearchResults = { hits: [], total: 0 };
        const all = combineResults(bundled.ok ? bundled.value : none, captured?.ok ? captured.value : none, ARTICLE_LIMIT, byDate);
        const limit = allBundled !== undefined || !bundled.ok ? ARTICLE_LIMIT : FIRST_LIMIT;
        const hits = placeLateHits(shown ?? [], all.hits, shown ? pinned.current : -1, limit);
        const first = shown === undefined;
        shown = hits;
        setState((previous) => ({ ...previous, query, hits, total: all.total, details: first ? new Map() : previous.details, error: null, warning: failed ? failureMessage(failed.error) : null, complete: merged }));
        if (first) marks.current.push(FIRST_RESULTS_MARK);
        for (const hit of hits.slice(0, SNIPPET_LIMIT)) {
          if (snippetsAsked.has(hit.id)) continue;
          snippetsAsked.add(hit.id);
          engine.details(hit, query).then(
            (found) => {
              if (current()) setState((previous) => ({ ...previous, details: new Map(previous.details).set(hit.id, found) }));
            },
            () => undefined, // A result without a snippet still reads well.
          );
        }
      }
      markMerged();
    };
    const markMerged = (): void => {
      if (merged || !notesIn || !articlesDone() || shown === undefined && !(bundledAnswer()?.ok === false && captured?.ok === false)) return;
      merged = true;
      marks.current.push(ALL_MERGED_MARK);
      setState((previous) => ({ ...previous, complete: true }));
    };
    const settle = <T>(promise: Promise<T>, keep: (answer: { ok: true; value: T } | { ok: false; error: unknown }) => void): Promise<void> =>
      promise.then(
        (value) => keep({ ok: true, value }),
        (error: unknown) => keep({ ok: false, error }),
      );

    void settle(engine.bundled.search(query, FIRST_LIMIT), (answer) => {
      firstBundled = answer;
      update();
      if (answer.ok && answer.value.hits.length >= FIRST_LIMIT && current()) {
        void settle(engine.bundled.search(query, ARTICLE_LIMIT), (all) => {
          // The whole list failing after its first part did is no failure of the search.
          allBundled = all.ok ? all : answer;
          update();
        });
      }
    });
    // The notes before the captured articles: the worker takes its messages in the order
    // they came, and the notes search is the cheaper, so it no longer waits behind the
    // captured search and its snippets, and the whole list is in sooner.
    notes.searchNotes(notesQuery(query), NOTE_LIMIT).then(
      (found) => current() && setState((previous) => ({ ...previous, notes: found, notesError: null })),
      (error: unknown) => current() && setState((previous) => ({ ...previous, notes: null, notesError: failureMessage(error) })),
    ).finally(() => {
      if (!current()) return;
      notesIn = true;
      markMerged();
    });
    void settle(engine.captured.search(query, ARTICLE_LIMIT), (answer) => {
      captured = answer;
      update();
    });
  }, [engine, notes, query, pinned]);

  return state;
}
