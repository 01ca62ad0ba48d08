import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../shared/browser';
import type { CapturedArticle } from '../shared/captured-article';
import { failureMessage } from '../shared/failures';
import type { CapturedListItem } from '../shared/messages/captured-messages';
import { sendToWorker } from '../shared/messages/to-worker';
import { UndoLine } from './UndoLine';

interface Props {
  /** Changes whenever the page's lists are read again (an import may have added articles). */
  refresh: unknown;
  /** A delete or an Undo changed the archive: the notes list reads it again (a note's article link goes or comes back). */
  onChange: () => void;
}

/** Whether an article's title, site or host contains every word of the filter (any case). */
export function matchesFilter(item: Pick<CapturedListItem, 'title' | 'site' | 'host'>, filter: string): boolean {
  const haystack = `${item.title}\n${item.site}\n${item.host}`.toLocaleLowerCase();
  return filter
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** The user's own archive: every captured article, filtered by title or site, deleted with Undo. */
export function CapturedArticles({ refresh, onChange }: Props) {
  const [items, setItems] = useState<CapturedListItem[] | null>(null);
  const [filter, setFilter] = useState('');
  const [deleted, setDeleted] = useState<{ article: CapturedArticle; hadNotes: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    sendToWorker('capture/list', {}).then(
      (list) => setItems(list),
      (failure: unknown) => setError(failureMessage(failure)),
    );
  useEffect(() => void load(), [refresh]);

  const shown = useMemo(() => (items ?? []).filter((item) => matchesFilter(item, filter)), [items, filter]);

  const act = async (work: () => Promise<void>): Promise<void> => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failureMessage(failure));
    }
    await load();
    onChange();
  };
  const remove = (item: CapturedListItem) =>
    act(async () => {
      const article = await sendToWorker('capture/delete', { id: item.id });
      setDeleted(article ? { article, hadNotes: item.hasNotes } : null);
    });
  const undo = (article: CapturedArticle) =>
    act(async () => {
      await sendToWorker('capture/restore', { article });
      setDeleted(null);
    });

  return (
    <section aria-labelledby="captured-heading" class="panel captured-articles">
      <h2 id="captured-heading">{t('optionsCapturedHeading')}</h2>
      {items === null && !error && <p aria-busy="true">{t('loading')}</p>}
      {items !== null && items.length === 0 && !deleted && <p class="muted">{t('optionsCapturedNone')}</p>}
      {items !== null && items.length > 0 && (
        <label class="search">
          {t('optionsCapturedSearch')}{' '}
          <input type="search" class="captured-search" value={filter} onInput={(event) => setFilter(event.currentTarget.value)} />
        </label>
      )}
      {items !== null && items.length > 0 && shown.length === 0 && <p class="muted">{t('optionsNoMatches')}</p>}
      <ul class="captured-list">
        {shown.map((item) => (
          <li key={item.id} class="captured-article">
            {/^https?:\/\//i.test(item.url) ? (
              <a href={item.url} target="_blank" rel="noopener noreferrer" class="captured-title">
                {item.title || item.url}
              </a>
            ) : (
              <span class="captured-title">{item.title || item.url}</span>
            )}
            <span class="muted captured-meta">
              {' '}
              — {item.site} · {t('optionsCapturedOn', dateFormat.format(item.capturedAt))}
              {item.hasNotes && <span class="captured-has-notes"> · {t('optionsCapturedHasNotes')}</span>}
            </span>{' '}
            <button type="button" class="delete-captured" aria-label={t('optionsCapturedDeleteLabel', item.title)} onClick={() => void remove(item)}>
              {t('optionsQuarantineDelete')}
            </button>
          </li>
        ))}
      </ul>
      <UndoLine
        message={deleted ? t(deleted.hadNotes ? 'optionsCapturedDeletedWithNotes' : 'optionsCapturedDeleted', deleted.article.title) : null}
        buttonClass="undo-delete-captured"
        onUndo={() => deleted && void undo(deleted.article)}
        error={error}
      />
    </section>
  );
}
