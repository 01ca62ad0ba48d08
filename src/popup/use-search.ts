/**
 * The popup's search state: archive hits (with snippets fetched for the first few) and
 * note hits, for the query as typed. A newer query supersedes an older one still running.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { failureMessage } from '../shared/failures';
import type { HitDetails } from '../shared/search-engine';
import type { ArchiveResults, ArchiveSearch } from './archive-search';
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
}

/** The free words of a query, for the notes store (which knows no archive fields). */
export function notesQuery(query: string): string {
  return query.replace(/\b\w+:("[^"]*"?|\S+)/g, ' ').replace(/"/g, ' ').replace(/\s+/g, ' ').trim();
}

export function useSearch(engine: ArchiveSearch, notes: NotesSource, query: string): SearchState {
  const [state, setState] = useState<SearchState>({ query, hits: undefined, total: 0, details: new Map(), notes: null, error: null, warning: null, notesError: null });
  const latest = useRef(0);

  // A layout effect runs right after rendering; preact defers useEffect to the next frame.
  useLayoutEffect(() => {
    const run = ++latest.current;
    const current = (): boolean => run === latest.current;
    // The first few results show as soon as their rows are read; the rest follow.
    const show = ({ hits, total, warning }: ArchiveResults, details: boolean): void => {
      if (!current()) return;
      setState((previous) => ({ ...previous, query, hits, total, details: details ? new Map() : previous.details, error: null, warning: warning ?? null }));
      if (!details) return;
      performance.mark('backstory:search-results');
      for (const hit of hits.slice(0, SNIPPET_LIMIT)) {
        engine.details(hit, query).then(
          (found) => {
            if (current()) setState((previous) => ({ ...previous, details: new Map(previous.details).set(hit.id, found) }));
          },
          () => undefined, // A result without a snippet still reads well.
        );
      }
    };
    engine
      .search(query, FIRST_LIMIT)
      .then((first) => {
        show(first, true);
        return first.hits.length < FIRST_LIMIT || !current() ? null : engine.search(query, ARTICLE_LIMIT);
      })
      .then((all) => all && show(all, false))
      .catch((error: unknown) => {
        if (current()) setState((previous) => ({ ...previous, query, hits: [], total: 0, error: String(error) }));
      });
    notes.searchNotes(notesQuery(query), NOTE_LIMIT).then(
      (found) => current() && setState((previous) => ({ ...previous, notes: found, notesError: null })),
      (error: unknown) => current() && setState((previous) => ({ ...previous, notes: null, notesError: failureMessage(error) })),
    );
  }, [engine, notes, query]);

  return state;
}
