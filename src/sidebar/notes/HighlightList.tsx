import { useState } from 'preact/hooks';
import { t } from '../../shared/browser';
import type { Highlight } from '../../shared/notes-schema';
import { Markdown } from '../../shared/ui/Markdown';
import { saveFailure } from './save-failure';

export interface PlacedHighlight {
  highlight: Highlight;
  /** Where it anchors in the full text now; null when it no longer does (orphaned). */
  anchor: { start: number; end: number } | null;
}

interface Props {
  highlights: readonly PlacedHighlight[];
  /** The highlight whose note is open for editing (e.g. just made with "Highlight + note"). */
  editingId: string | null;
  onEdit(id: string | null): void;
  onSave(id: string, note: string): Promise<void>;
  onDelete(highlight: Highlight): void;
  onShow(id: string): void;
}

const QUOTE_PREVIEW = 160;

function HighlightEditor({ initial, onSave, onCancel }: { initial: string; onSave(note: string): Promise<void>; onCancel(): void }) {
  const [note, setNote] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    try {
      await onSave(note);
    } catch (failure) {
      setError(saveFailure(failure)); // the text stays
    }
  };
  return (
    <form
      class="highlight-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <textarea aria-label={t('highlightNoteLabel')} value={note} rows={3} ref={(el) => el?.focus()} onInput={(event) => setNote(event.currentTarget.value)} />
      {error && (
        <p role="alert" class="save-error">
          {t('notesSaveFailed', error)}
        </p>
      )}
      <button type="submit">{t('highlightSave')}</button>{' '}
      <button type="button" onClick={onCancel}>
        {t('highlightCancel')}
      </button>
    </form>
  );
}

/** The article's highlights in text order, then those that no longer anchor (never dropped). */
export function HighlightList({ highlights, editingId, onEdit, onSave, onDelete, onShow }: Props) {
  const placed = highlights.filter((h) => h.anchor !== null).sort((a, b) => (a.anchor?.start ?? 0) - (b.anchor?.start ?? 0));
  const orphaned = highlights.filter((h) => h.anchor === null);
  const item = ({ highlight, anchor }: PlacedHighlight) => {
    const quote = highlight.quote.exact.length > QUOTE_PREVIEW ? `${highlight.quote.exact.slice(0, QUOTE_PREVIEW)}…` : highlight.quote.exact;
    return (
      <li key={highlight.id} class={anchor ? 'highlight-item' : 'highlight-item orphaned'} data-highlight-item={highlight.id}>
        {anchor ? (
          <button type="button" class="highlight-quote" title={t('highlightShow')} onClick={() => onShow(highlight.id)}>
            {quote}
          </button>
        ) : (
          <blockquote class="highlight-quote">{quote}</blockquote>
        )}
        {editingId === highlight.id ? (
          <HighlightEditor
            initial={highlight.note}
            onSave={async (note) => {
              await onSave(highlight.id, note);
              onEdit(null);
            }}
            onCancel={() => onEdit(null)}
          />
        ) : (
          <>
            {highlight.note !== '' && <Markdown source={highlight.note} />}
            <div class="highlight-actions">
              <button type="button" class="highlight-edit" onClick={() => onEdit(highlight.id)}>
                {highlight.note === '' ? t('highlightAddNote') : t('highlightEditNote')}
              </button>{' '}
              <button type="button" class="highlight-delete" onClick={() => onDelete(highlight)}>
                {t('highlightDelete')}
              </button>
            </div>
          </>
        )}
      </li>
    );
  };
  return (
    <section class="highlights" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">{t('highlightsHeading')}</h2>
      {highlights.length === 0 && <p class="muted">{t('highlightsNone')}</p>}
      {placed.length > 0 && <ul class="highlight-list">{placed.map(item)}</ul>}
      {orphaned.length > 0 && (
        <>
          <h3 id="orphaned-heading">{t('highlightsOrphaned')}</h3>
          <p class="muted">{t('highlightsOrphanedExplain')}</p>
          <ul class="highlight-list orphaned-list" aria-labelledby="orphaned-heading">
            {orphaned.map(item)}
          </ul>
        </>
      )}
    </section>
  );
}
