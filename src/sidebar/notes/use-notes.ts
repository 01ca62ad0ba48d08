/**
 * The sidebar's view of its article's notes record: loaded from the worker, refreshed
 * when the worker announces a change (another tab, the options page), and the actions
 * that change it. The record lives in the worker's store; this is only a view of it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser, type Storage } from '../../shared/browser';
import { sendToWorker } from '../../shared/messages/to-worker';
import { notesKey, type Highlight, type NotesRecord } from '../../shared/notes-schema';

export type NotesState = { status: 'loading' } | { status: 'ready'; record: NotesRecord } | { status: 'error'; message: string };

/**
 * Calls `onChange` whenever `articleId`'s stored record changes, whoever changed it (another
 * tab, the options page, an import, a sync). The sidebar watches storage's own change
 * events rather than the worker's `notes/changed` broadcast: Firefox delivers
 * runtime.sendMessage only to extension pages of their own, never to an extension frame
 * inside a web page. The change is only a signal: the record is asked of the worker.
 */
export function onNotesChanged(articleId: string, onChange: () => void): () => void {
  const key = notesKey(articleId);
  const listener = (changes: Record<string, Storage.StorageChange>, area: string): void => {
    if (area === 'local' && key in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** What orders two states of one record. */
type RecordStamp = Pick<NotesRecord, 'updatedAt'> & { note: Pick<NotesRecord['note'], 'revision'> };

/**
 * Whether `shown` is a later state of the record than `incoming`: the record's time of its
 * last change, then its note's revision for two changes in one millisecond. The worker
 * stamps each change with its clock under the key's lock, so the stamps follow the order
 * of the key's writes, also across a record set aside as damaged and made anew, whose
 * revisions count from 0 again (by revision first, every answer about the new record was
 * refused: highlights made on it were stored but never shown).
 */
export function isNewer(shown: RecordStamp, incoming: RecordStamp): boolean {
  if (shown.updatedAt !== incoming.updatedAt) return shown.updatedAt > incoming.updatedAt;
  return shown.note.revision > incoming.note.revision;
}

export interface NotesActions {
  /** Replaces the shown record with one the worker answered, unless the shown one is newer (isNewer). */
  accept(record: NotesRecord): void;
  addHighlight(highlight: Pick<Highlight, 'id' | 'note' | 'quote' | 'position'> & { createdAt?: number }): Promise<void>;
  updateHighlight(id: string, note: string): Promise<void>;
  deleteHighlight(id: string): Promise<void>;
  dismissConflict(conflictId: string): Promise<void>;
}

/** Times a failed read of the record is asked again before the sidebar says it failed. */
const REFRESH_RETRIES = 2;

export function useNotes(articleId: string): [NotesState, NotesActions] {
  const [state, setState] = useState<NotesState>({ status: 'loading' });
  // Answers can arrive out of order (a save's answer after the record another tab's later
  // write made): an older record never replaces a newer one.
  const accept = useCallback(
    (record: NotesRecord) => setState((previous) => (previous.status === 'ready' && isNewer(previous.record, record) ? previous : { status: 'ready', record })),
    [],
  );

  useEffect(() => {
    let live = true;
    const load = (retries = 0): void => {
      sendToWorker('notes/get', { articleId }).then(
        (record) => live && accept(record),
        (error: unknown) => {
          if (!live) return;
          // A refresh after a change failed (the worker stopped under it): the shown record
          // and the editor with what is typed stay; asking again wakes the next worker.
          if (retries < REFRESH_RETRIES) return load(retries + 1);
          const message = error instanceof Error ? error.message : String(error);
          setState((previous) => (previous.status === 'ready' ? previous : { status: 'error', message }));
        },
      );
    };
    load();
    const stop = onNotesChanged(articleId, () => load());
    return () => {
      live = false;
      stop();
    };
  }, [articleId, accept]);

  const actions: NotesActions = {
    accept,
    async addHighlight(highlight) {
      accept(await sendToWorker('notes/add-highlight', { articleId, highlight }));
    },
    async updateHighlight(id, note) {
      accept(await sendToWorker('notes/update-highlight', { articleId, id, note }));
    },
    async deleteHighlight(id) {
      accept(await sendToWorker('notes/delete-highlight', { articleId, id }));
    },
    async dismissConflict(conflictId) {
      accept(await sendToWorker('notes/dismiss-conflict', { articleId, conflictId }));
    },
  };
  return [state, actions];
}
