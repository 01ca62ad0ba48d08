import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { articleBlocks, blockStarts, type Article, type ArticleEntity } from '../shared/archive-format';
import type { ArchiveReader } from '../shared/archive-reader';
import { t } from '../shared/browser';
import { sendToWorker } from '../shared/messages/to-worker';
import { ArticleText } from './article/ArticleText';
import { EntityList } from './article/EntityList';
import { LiveStatus } from './live/LiveStatus';
import { RelatedArticles } from './article/RelatedArticles';
import { SelectionMenu } from './article/SelectionMenu';
import { SourceLine } from './article/SourceLine';
import { loadSidebarArticle } from './sidebar-context';
import { useArticleNotes } from './notes/use-article-notes';
import { WithExtras } from './WithExtras';

interface Props {
  archive: ArchiveReader;
  /** The load main.tsx started for the frame's first address. */
  first: { hash: string; article: Promise<Article> };
}

type State =
  | { status: 'loading' }
  | { status: 'ready'; article: Article }
  | { status: 'error'; message: string };

function useArticle(archive: ArchiveReader, first: Props['first']): State {
  const [hash, setHash] = useState(location.hash);
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const onHashChange = (): void => setHash(location.hash);
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  // A layout effect, so an article that has already arrived is in the first paint.
  useLayoutEffect(() => {
    let live = true;
    const article = hash === first.hash ? first.article : loadSidebarArticle(hash, archive);
    article.then(
      (loaded) => live && setState({ status: 'ready', article: loaded }),
      (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [archive, first, hash]);
  return state;
}

/** The sidebar: the archived article beside the live page, with its entities. */
export function App({ archive, first }: Props) {
  const state = useArticle(archive, first);
  if (state.status === 'loading') return <p class="status" aria-busy="true">{t('loading')}</p>;
  if (state.status === 'error') return <p class="status" role="alert">{t('sidebarError', state.message)}</p>;
  return <ArticleView archive={archive} article={state.article} key={state.article.id} />;
}

interface ArticleViewProps {
  archive: ArchiveReader;
  article: Article;
}

function ArticleView({ archive, article }: ArticleViewProps) {
  const [selected, setSelected] = useState<ArticleEntity | null>(null);
  const textRef = useRef<HTMLElement>(null);
  const [title, summary, ...paragraphs] = useMemo(() => articleBlocks(article), [article]);
  const starts = useMemo(() => blockStarts(articleBlocks(article)), [article]);
  const marks = selected?.mentions ?? [];
  const notes = useArticleNotes(article);

  useEffect(() => {
    if (!selected) return;
    textRef.current?.ownerDocument.querySelector('mark:not(.highlight)')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [selected]);

  return (
    <>
      <header class="sidebar-header">
        <p class="brand">Backstory</p>
        <button type="button" class="close" aria-label={t('sidebarClose')} title={t('sidebarClose')} onClick={() => void sendToWorker('sidebar/close', {})}>
          ×
        </button>
      </header>
      <LiveStatus article={article} />
      <main class="article" aria-labelledby="article-title" ref={textRef}>
        <h1 id="article-title" elementtiming="article-title">
          <ArticleText text={title ?? ''} start={starts[0] ?? 0} marks={marks} highlights={notes.spans} />
        </h1>
        <SourceLine article={article} />
        {/* The notes UI carries the Markdown parser: it arrives after the article has painted. */}
        <WithExtras render={({ NotesPanel }) => <NotesPanel notes={notes} />} failure={(message) => t('notesLoadFailed', message)} />
        <EntityList entities={article.entities} selectedId={selected?.id ?? null} onSelect={setSelected} />
        {selected && <RelatedArticles archive={archive} entity={selected} currentId={article.id} />}
        <section class="text" aria-labelledby="text-heading">
          <h2 id="text-heading">{t('archivedTextHeading')}</h2>
          <p class="summary">
            <ArticleText text={summary ?? ''} start={starts[1] ?? 0} marks={marks} highlights={notes.spans} />
          </p>
          {paragraphs.map((paragraph, index) => (
            <p key={index}>
              <ArticleText text={paragraph} start={starts[index + 2] ?? 0} marks={marks} highlights={notes.spans} />
            </p>
          ))}
        </section>
      </main>
      <SelectionMenu onHighlight={notes.highlight} />
    </>
  );
}
