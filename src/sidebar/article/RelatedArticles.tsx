import { useEffect, useState } from 'preact/hooks';
import type { ArticleEntity, CatalogEntry } from '../../shared/archive-format';
import type { ArchiveReader } from '../../shared/archive-reader';
import { t } from '../../shared/browser';
import { sendToWorker } from '../../shared/messages/to-worker';
import { formatArchiveDate } from './archive-date';

interface Props {
  archive: ArchiveReader;
  entity: ArticleEntity;
  /** The article the sidebar shows, left out of the list. */
  currentId: string;
}

const MAX_RELATED = 12;

type Related = Pick<CatalogEntry, 'id' | 'url' | 'title' | 'date' | 'host'> & { byYou?: boolean };
type State = { status: 'loading' } | { status: 'ready'; articles: Related[] } | { status: 'error'; message: string };

/** The user's captured articles that mention the entity (asked of the worker); none when it cannot answer. */
async function capturedMentions(entity: ArticleEntity): Promise<Related[]> {
  const found = await sendToWorker('sidebar/captured-mentions', { entityId: entity.id, name: entity.name }).catch(() => []);
  return found.map((article) => ({ ...article, byYou: true }));
}

/** Other archive articles that mention the selected entity: the bundled archive's entity index, then the user's captured articles. */
export function RelatedArticles({ archive, entity, currentId }: Props) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    (async () => {
      const [entry, captured] = await Promise.all([archive.entity(entity.id), capturedMentions(entity)]);
      const ids = (entry?.articles ?? []).map(([id]) => id).filter((id) => id !== currentId).slice(0, MAX_RELATED);
      const bundled = (await Promise.all(ids.map((id) => archive.catalogEntry(id)))).filter(
        (article): article is CatalogEntry => article !== null,
      );
      const articles: Related[] = [...captured.filter((article) => article.id !== currentId), ...bundled].slice(0, MAX_RELATED);
      if (live) setState({ status: 'ready', articles });
    })().catch((error: unknown) => {
      if (live) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      live = false;
    };
  }, [archive, entity.id, currentId]);

  return (
    <section class="related" aria-labelledby="related-heading" aria-busy={state.status === 'loading'}>
      <h2 id="related-heading">{t('relatedHeading', entity.name)}</h2>
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && state.articles.length === 0 && <p class="muted">{t('relatedNone')}</p>}
      {state.status === 'ready' && state.articles.length > 0 && (
        <ul>
          {state.articles.map((article) => (
            <li key={article.id}>
              <a href={article.url} target="_blank" rel="noopener noreferrer">
                {article.title}
              </a>
              <span class="muted">
                {' '}
                {article.host} · {formatArchiveDate(article.date)}
                {article.byYou && <span class="by-you"> · {t('searchArchivedByYou')}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
