import { useEffect, useState } from 'preact/hooks';
import type { ArticleEntity, CatalogEntry } from '../../shared/archive-format';
import type { ArchiveReader } from '../../shared/archive-reader';
import { t } from '../../shared/browser';
import { formatArchiveDate } from './archive-date';

interface Props {
  archive: ArchiveReader;
  entity: ArticleEntity;
  /** The article the sidebar shows, left out of the list. */
  currentId: string;
}

const MAX_RELATED = 12;

type State = { status: 'loading' } | { status: 'ready'; articles: CatalogEntry[] } | { status: 'error'; message: string };

/** Other archive articles that mention the selected entity (from the entity index). */
export function RelatedArticles({ archive, entity, currentId }: Props) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    (async () => {
      const entry = await archive.entity(entity.id);
      const ids = (entry?.articles ?? []).map(([id]) => id).filter((id) => id !== currentId).slice(0, MAX_RELATED);
      const articles = (await Promise.all(ids.map((id) => archive.catalogEntry(id)))).filter(
        (article): article is CatalogEntry => article !== null,
      );
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
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
