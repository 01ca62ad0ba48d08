/**
 * Everything the sidebar does with an article's notes: the record (use-notes.ts), where
 * each highlight anchors in the text now, making highlights from a selection, and
 * deleting with undo.
 */
import { useMemo, useState } from 'preact/hooks';
import { articleFullText, type Article } from '../../shared/archive-format';
import { anchorHighlight, describeRange } from '../../shared/notes-anchor';
import { newRecordId, type Highlight } from '../../shared/notes-schema';
import type { PlacedHighlight } from './HighlightList';
import type { HighlightSpan } from '../article/text-segments';
import { saveFailure } from './save-failure';
import { useNotes, type NotesActions, type NotesState } from './use-notes';

export interface ArticleNotes {
  state: NotesState;
  actions: NotesActions;
  placed: PlacedHighlight[];
  spans: HighlightSpan[];
  editingId: string | null;
  setEditingId(id: string | null): void;
  /** The last deleted highlight, until undone or replaced. */
  deleted: Highlight | null;
  error: string | null;
  highlight(start: number, end: number, withNote: boolean): void;
  remove(highlight: Highlight): void;
  undo(): void;
  show(id: string): void;
}

export function useArticleNotes(article: Article): ArticleNotes {
  const [state, actions] = useNotes(article.id);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Highlight | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fullText = useMemo(() => articleFullText(article), [article]);
  const highlights = state.status === 'ready' ? state.record.highlights : [];
  const placed = useMemo(
    () => highlights.map((highlight) => ({ highlight, anchor: anchorHighlight(fullText, highlight.quote, highlight.position) })),
    [highlights, fullText],
  );
  const spans = useMemo(
    () => placed.flatMap(({ highlight, anchor }) => (anchor ? [{ id: highlight.id, start: anchor.start, end: anchor.end }] : [])),
    [placed],
  );
  const report = (promise: Promise<void>): void => {
    setError(null);
    promise.catch((failure: unknown) => setError(saveFailure(failure)));
  };

  return {
    state,
    actions,
    placed,
    spans,
    editingId,
    setEditingId,
    deleted,
    error,
    highlight(start, end, withNote) {
      const id = newRecordId();
      report(
        actions.addHighlight({ id, note: '', ...describeRange(fullText, start, end) }).then(() => {
          if (withNote) setEditingId(id);
        }),
      );
    },
    remove(highlight) {
      report(actions.deleteHighlight(highlight.id).then(() => setDeleted(highlight)));
    },
    undo() {
      if (!deleted) return;
      const { id, createdAt, note, quote, position } = deleted;
      report(actions.addHighlight({ id, createdAt, note, quote, position }).then(() => setDeleted(null)));
    },
    show(id) {
      const mark = document.querySelector<HTMLElement>(`mark.highlight[data-highlight="${CSS.escape(id)}"]`);
      mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      mark?.classList.add('flash');
      setTimeout(() => mark?.classList.remove('flash'), 1200);
    },
  };
}
