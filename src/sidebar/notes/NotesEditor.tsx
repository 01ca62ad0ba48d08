import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/browser';
import { sendToWorker } from '../../shared/messages/to-worker';
import { mergeText } from '../../shared/notes-merge';
import type { ArticleNote, NotesRecord } from '../../shared/notes-schema';
import { openDraftChannel, type DraftChannel } from './draft-channel';
import { Markdown } from '../../shared/ui/Markdown';
import { failureCode } from '../../shared/failures';
import type { StorageRoom } from '../../shared/storage-room';
import { caretAfter } from './caret';
import { saveFailure } from './save-failure';
import { isNewer, type NotesActions } from './use-notes';

interface Props {
  record: NotesRecord;
  actions: NotesActions;
}

/** Quiet time after the last keystroke before the note is saved. */
const AUTOSAVE_MS = 500;

type SaveState = { kind: 'saved' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'failed'; message: string; full: boolean };

function parseTags(input: string): string[] {
  return [...new Set(input.split(',').map((tag) => tag.trim()).filter(Boolean))].slice(0, 50).map((tag) => tag.slice(0, 64));
}

/**
 * The article's note: autosaved as the user types, with its saved/saving state. A failed
 * save keeps the text in the editor and says why; a change made elsewhere (another tab)
 * is merged into what the user is typing, and what cannot merge is kept by the worker as
 * a conflict copy, listed here.
 */
export function NotesEditor({ record, actions }: Props) {
  const [text, setText] = useState(record.note.text);
  const [tagInput, setTagInput] = useState(record.note.tags.join(', '));
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const [preview, setPreview] = useState(false);
  /** The worker's word, with the last save, on whether storage has room for the next one. */
  const [room, setRoom] = useState<StorageRoom>('ok');
  /** The stored note the editor's text is based on, and the worker's time of the record it came with. */
  const base = useRef<ArticleNote>(record.note);
  const baseAt = useRef(record.updatedAt);
  /** The newest stored record this sidebar has been shown (another tab's save may arrive while ours is under way). */
  const shown = useRef<NotesRecord>(record);
  shown.current = record;
  const current = useRef({ text, tags: tagInput });
  current.current = { text, tags: tagInput };
  const inFlight = useRef(false);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const drafts = useRef<DraftChannel | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once a text replaced under the user is rendered. */
  const caret = useRef<number | null>(null);

  /** The text changed by a merge, not by the user's key: their caret stays where they were typing. */
  function replaceText(next: string): void {
    const element = area.current;
    if (element && element.ownerDocument.activeElement === element && element.value !== next) caret.current = caretAfter(element.value, next, element.selectionStart);
    setText(next);
  }
  useLayoutEffect(() => {
    const at = caret.current;
    caret.current = null;
    if (at !== null) area.current?.setSelectionRange(at, at);
  }, [text]);

  const isDirty = (): boolean =>
    current.current.text !== base.current.text || parseTags(current.current.tags).join('\n') !== base.current.tags.join('\n');

  /** Tells the worker what is unsaved now (see draft-channel.ts): kept if the frame goes away before it is saved. */
  function postDraft(): void {
    const { text: typed, tags } = current.current;
    drafts.current?.post(isDirty() ? { text: typed, tags: parseTags(tags), baseRevision: base.current.revision, baseText: base.current.text } : null);
  }

  async function saveNow(): Promise<void> {
    clearTimeout(timer.current);
    if (inFlight.current) {
      again.current = true;
      return;
    }
    if (!isDirty()) {
      setSave({ kind: 'saved' });
      return;
    }
    inFlight.current = true;
    const sent = { text: current.current.text, tags: parseTags(current.current.tags) };
    setSave({ kind: 'saving' });
    try {
      const answer = await sendToWorker('notes/save-note', {
        articleId: record.articleId,
        ...sent,
        baseRevision: base.current.revision,
        baseText: base.current.text,
      });
      const stored = answer.record.note;
      // Typed more while this was saving: carry on from the stored (maybe merged) text.
      const typed = current.current.text;
      const merged = typed === sent.text ? stored.text : mergeText(sent.text, stored.text, typed);
      // The typing overlaps what the worker merged into our save (another tab's words): it
      // stays based on the text we sent, so the next save is merged by the worker or kept as
      // a conflict copy. Based on the stored text, it would be written over those words.
      base.current = merged === null ? { ...stored, text: sent.text } : stored;
      baseAt.current = answer.record.updatedAt;
      const next = merged ?? typed;
      replaceText(next);
      if (parseTags(current.current.tags).join('\n') === sent.tags.join('\n')) {
        setTagInput(stored.tags.join(', '));
        current.current = { text: next, tags: stored.tags.join(', ') };
      } else {
        current.current = { ...current.current, text: next };
      }
      actions.accept(answer.record);
      setRoom(answer.room);
      postDraft();
      setSave(isDirty() ? { kind: 'dirty' } : { kind: 'saved' });
    } catch (error) {
      // The text stays in the editor; saving again (Retry, or typing) retries. No automatic
      // retry: a full storage would otherwise be written to, and fail, every AUTOSAVE_MS.
      setSave({ kind: 'failed', message: saveFailure(error), full: failureCode(error) === 'storage-full' });
      again.current = false;
      return;
    } finally {
      inFlight.current = false;
    }
    // Another tab's save, shown while ours was under way, may be newer than our answer.
    adopt(shown.current);
    if (again.current || isDirty()) {
      again.current = false;
      if (isDirty()) schedule();
    }
  }

  function schedule(): void {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  }

  /**
   * Takes a note stored elsewhere (another tab, an import) when its record is a later state
   * than the editor's base (isNewer: the worker's time, then revision; a record made anew
   * after its damaged one was set aside counts revisions from 0 again), merged with unsaved
   * typing. Not while a save is under way: its answer moves the base, and the save calls
   * this again once it is in.
   */
  function adopt(record: NotesRecord): void {
    if (inFlight.current || !isNewer(record, { updatedAt: baseAt.current, note: base.current })) return;
    const incoming = record.note;
    const sameNote = incoming.text === base.current.text && incoming.tags.join('\n') === base.current.tags.join('\n');
    if (!isDirty() || sameNote) {
      // Unchanged note (a highlight changed the record): only the base moves, the typing goes on.
      base.current = incoming;
      baseAt.current = record.updatedAt;
      if (sameNote) return;
      replaceText(incoming.text);
      setTagInput(incoming.tags.join(', '));
      current.current = { text: incoming.text, tags: incoming.tags.join(', ') };
      return;
    }
    const merged = mergeText(base.current.text, incoming.text, current.current.text);
    if (merged === null) return; // saved on the old base: the worker keeps a conflict copy
    base.current = incoming;
    baseAt.current = record.updatedAt;
    replaceText(merged);
    current.current = { ...current.current, text: merged };
    postDraft();
    schedule();
  }
  useEffect(() => adopt(record), [record.updatedAt, record.note.revision]);

  // Save what is typed when the sidebar may go away: the tab hidden, closed or navigated,
  // the frame losing focus. The draft port covers a teardown this save cannot outlive.
  useEffect(() => {
    const channel = openDraftChannel(record.articleId);
    drafts.current = channel;
    const flush = (): void => {
      if (isDirty()) void saveNow();
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    addEventListener('pagehide', flush);
    addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', flush);
      removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(timer.current);
      // Unsaved typing is saved by the worker from the draft when the port closes.
      channel.close();
      drafts.current = null;
    };
  }, []);

  /** Typing in the note or its tags: kept as a draft at once, saved after a pause. */
  const edited = (change: Partial<typeof current.current>): void => {
    current.current = { ...current.current, ...change };
    postDraft();
    setSave({ kind: 'dirty' });
    schedule();
  };
  const onText = (value: string): void => {
    setText(value);
    edited({ text: value });
  };
  const onTags = (value: string): void => {
    setTagInput(value);
    edited({ tags: value });
  };

  return (
    <section class="notes" aria-labelledby="notes-heading">
      <div class="notes-head">
        <h2 id="notes-heading">{t('notesHeading')}</h2>
        <p class={`save-state save-${save.kind}`} role="status" aria-live="polite">
          {save.kind === 'saved' && t('notesSaved')}
          {save.kind === 'dirty' && t('notesUnsaved')}
          {save.kind === 'saving' && t('notesSaving')}
        </p>
      </div>
      {save.kind === 'failed' && (
        <div class="save-error" role="alert">
          <span>{t('notesSaveFailed', save.message)}</span>{' '}
          <button type="button" onClick={() => void saveNow()}>
            {t('notesRetry')}
          </button>
          {save.full && <p class="storage-full-hint">{t('notesStorageFullHint')}</p>}
        </div>
      )}
      {save.kind !== 'failed' && room !== 'ok' && (
        <p class="storage-warning" role="status">
          {t(room === 'full' ? 'notesStorageNoRoom' : 'notesStorageNearlyFull')}
        </p>
      )}
      {preview ? (
        <div class="note-preview" aria-label={t('notesPreview')}>
          {text.trim() === '' ? <p class="muted">{t('notesEmpty')}</p> : <Markdown source={text} />}
        </div>
      ) : (
        <textarea
          ref={area}
          class="note-text"
          aria-labelledby="notes-heading"
          placeholder={t('notesPlaceholder')}
          value={text}
          rows={5}
          onInput={(event) => onText(event.currentTarget.value)}
          onBlur={() => void saveNow()}
        />
      )}
      <div class="notes-tools">
        <label class="tags">
          <span>{t('notesTags')}</span>
          <input type="text" class="note-tags" value={tagInput} placeholder={t('notesTagsPlaceholder')} onInput={(event) => onTags(event.currentTarget.value)} onBlur={() => void saveNow()} />
        </label>
        <button type="button" class="preview-toggle" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {t('notesPreview')}
        </button>
      </div>
      {record.conflicts.length > 0 && (
        <div class="conflicts">
          <h3>{t('notesConflictsHeading')}</h3>
          <p class="muted">{t('notesConflictsExplain')}</p>
          <ul>
            {record.conflicts.map((conflict) => (
              <li key={conflict.id} class="conflict">
                <pre class="conflict-text">{conflict.text}</pre>
                <button type="button" onClick={() => void actions.dismissConflict(conflict.id)}>
                  {t('notesConflictDismiss')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
