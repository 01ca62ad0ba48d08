import { t } from '../../shared/browser';
import { HighlightList } from './HighlightList';
import { NotesEditor } from './NotesEditor';
import type { ArticleNotes } from './use-article-notes';

interface Props {
  notes: ArticleNotes;
}

/** The article's note, its highlights, and the undo of a deleted highlight. */
export function NotesPanel({ notes }: Props) {
  const { state } = notes;
  if (state.status === 'loading') return <p class="muted" aria-busy="true">{t('loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('notesLoadFailed', state.message)}</p>;
  return (
    <>
      <NotesEditor record={state.record} actions={notes.actions} key={state.record.articleId} />
      <HighlightList
        highlights={notes.placed}
        editingId={notes.editingId}
        onEdit={notes.setEditingId}
        onSave={notes.actions.updateHighlight}
        onDelete={notes.remove}
        onShow={notes.show}
      />
      {notes.error && (
        <p role="alert" class="save-error">
          {t('notesSaveFailed', notes.error)}
        </p>
      )}
      {notes.deleted && (
        <div class="undo" role="status">
          <span>{t('highlightDeleted')}</span>{' '}
          <button type="button" class="undo-delete" onClick={notes.undo}>
            {t('undo')}
          </button>
        </div>
      )}
    </>
  );
}
