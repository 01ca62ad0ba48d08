import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../shared/browser';
import type { SnippetPart } from '../shared/search-text';
import type { ArchiveSearch } from './archive-search';
import type { NotesSource } from './notes-source';
import { useSearch } from './use-search';

interface Props {
  engine: ArchiveSearch;
  notes: NotesSource;
  /** The query to start with (popup.html?q=…, from the context menu or omnibox). */
  initialQuery: string;
  /** Opens an address in a new tab (and closes the popup). */
  open: (url: string) => void;
}

interface Item {
  key: string;
  url: string;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

function formatDate(iso: string): string {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? iso : dateFormat.format(time);
}

function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p class="snippet">
      {parts.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}

interface ResultRowProps {
  id: string;
  /** The row the arrow keys have chosen. */
  active: boolean;
  className?: string;
  onOpen(): void;
  /** The pointer entered (true) or left (false) the row. */
  onPointer(over: boolean): void;
  children: ComponentChildren;
}

/** One option of a results list; mouse-down is swallowed so the search box keeps focus. */
function ResultRow({ id, active, className, onOpen, onPointer, children }: ResultRowProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      class={['hit', className, active ? 'active' : ''].filter(Boolean).join(' ')}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onOpen}
      onMouseEnter={() => onPointer(true)}
      onMouseLeave={() => onPointer(false)}
    >
      {children}
    </li>
  );
}

/** The search box with archive results and the user's matching notes; arrow keys and Enter work from the box. */
export function SearchView({ engine, notes, initialQuery, open }: Props) {
  const [query, setQuery] = useState(initialQuery);
  // The chosen row, for the query whose results it was chosen in: new results start at the top.
  const [active, setActive] = useState({ query: initialQuery, index: 0 });
  // The row under the pointer; with the chosen row, where results that come late may go (late-hits.ts).
  const [hovered, setHovered] = useState<string | null>(null);
  const pinned = useRef(0);
  const state = useSearch(engine, notes, query, pinned);
  const empty = query.trim() === '';

  const items = useMemo<Item[]>(
    () => [
      ...(state.hits ?? []).map((hit) => ({ key: `a-${hit.id}`, url: hit.url })),
      ...(state.notes ?? []).map((note, i) => ({ key: `n-${note.articleId}-${i}`, url: note.url })),
    ],
    [state.hits, state.notes],
  );
  const activeIndex = active.query === state.query ? Math.min(active.index, Math.max(0, items.length - 1)) : 0;
  const activeKey = items[activeIndex]?.key;
  pinned.current = Math.max(activeIndex, hovered === null ? -1 : items.findIndex((item) => item.key === hovered));
  const pointer = (key: string) => (over: boolean) => setHovered((now) => (over ? key : now === key ? null : now));

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive({ query: state.query, index: Math.max(0, Math.min(items.length - 1, activeIndex + step)) });
      const next = items[Math.max(0, Math.min(items.length - 1, activeIndex + step))];
      if (next) document.getElementById(next.key)?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      const item = items[activeIndex];
      if (item) {
        event.preventDefault();
        open(item.url);
      }
    }
  };

  // Said only once every source answered: the worker's captured hits and the notes may still come.
  // Not when the archive could not be searched: the error says so, "no results" would be untrue.
  const showNoResults = state.complete && !state.error && state.hits !== undefined && state.hits.length === 0 && !empty && (state.notes?.length ?? 0) === 0;

  return (
    <section class="search" aria-label={t('searchLabel')}>
      <input
        class="search-box"
        type="search"
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls="article-results note-results"
        aria-activedescendant={activeKey}
        aria-autocomplete="list"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        autoFocus
        autoComplete="off"
        spellcheck={false}
        onInput={(event) => {
          setQuery((event.target as HTMLInputElement).value);
        }}
        onKeyDown={onKeyDown}
      />
      {state.error && <p class="message error">{t('searchError', state.error)}</p>}
      {state.warning && <p class="message error search-warning">{t('searchPartlyFailed', state.warning)}</p>}
      {state.notesError && (
        <p class="message error notes-error" role="alert">
          {t('popupNotesFailed', state.notesError)}
        </p>
      )}
      {showNoResults && (
        <div class="message no-results" role="status">
          <p>{t('searchNoResults', query.trim())}</p>
          <p class="muted">{t('searchNoResultsHint')}</p>
        </div>
      )}
      <div class="results">
        {state.complete && state.hits?.length === 0 && !empty && !showNoResults && !state.error && <p class="message muted">{t('searchNoArticles')}</p>}
        {state.hits && state.hits.length > 0 && (
          <section aria-labelledby="articles-heading">
            <h2 id="articles-heading">
              {empty ? t('searchRecentArticles') : t('searchArticlesCount', String(state.total))}
            </h2>
            <ul id="article-results" class="hits" role="listbox" aria-labelledby="articles-heading">
              {state.hits.map((hit) => {
                const key = `a-${hit.id}`;
                const details = state.details.get(hit.id);
                return (
                  <ResultRow id={key} key={key} active={key === activeKey} onOpen={() => open(hit.url)} onPointer={pointer(key)}>
                    <span class="hit-title">{hit.title}</span>
                    <span class="hit-meta muted">
                      <time dateTime={hit.date}>{formatDate(hit.date)}</time> · {hit.host}
                      {hit.byYou && <span class="by-you"> · {t('searchArchivedByYou')}</span>}
                    </span>
                    {details && details.snippet.length > 0 && !empty && <Snippet parts={details.snippet} />}
                    {details && details.entities.length > 0 && (
                      <span class="chips">
                        {details.entities.map((entity) => (
                          <span key={entity.id} class={`chip chip-${entity.type}`}>
                            {entity.name}
                          </span>
                        ))}
                      </span>
                    )}
                  </ResultRow>
                );
              })}
            </ul>
          </section>
        )}
        {state.notes && state.notes.length > 0 && (
          <section aria-labelledby="notes-heading" class="notes-results">
            <h2 id="notes-heading">{empty ? t('searchRecentNotes') : t('searchNotesHeading')}</h2>
            <ul id="note-results" class="hits" role="listbox" aria-labelledby="notes-heading">
              {state.notes.map((note, i) => {
                const key = `n-${note.articleId}-${i}`;
                return (
                  <ResultRow id={key} key={key} active={key === activeKey} className="note" onOpen={() => open(note.url)} onPointer={pointer(key)}>
                    <span class="hit-title">{note.articleTitle}</span>
                    <span class="hit-meta muted">
                      {note.kind === 'note' ? t('searchKindNote') : t('searchKindHighlight')} ·{' '}
                      <time dateTime={new Date(note.updatedAt).toISOString()}>{formatDate(new Date(note.updatedAt).toISOString().slice(0, 10))}</time>
                    </span>
                    <p class="snippet">{note.text}</p>
                  </ResultRow>
                );
              })}
            </ul>
          </section>
        )}
      </div>
      {items.length > 0 && <p class="keys muted">{t('searchKeysHint')}</p>}
    </section>
  );
}
