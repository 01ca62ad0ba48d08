/**
 * The sidebar's view of its article's notes record: loaded from the worker, refreshed
 * when the worker announces a change (another tab, the options page), and the actions
 * that change it. The record lives in the worker's store; this is only a view of it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { browser } from '../../shared/browser';
import { Envelope } from '../../shared/messages';
import { NOTES_CHANGED, NotesChanged } from '../../shared/messages/notes-messages';
import { sendToWorker } from '../../shared/messenger';
import type { Highlight, NotesRecord } from '../../shared/notes-schema';

export type NotesState = { status: 'loading' } | { status: 'ready'; record: NotesRecord } | { status: 'error'; message: string };

/** Calls `onChange` with each validated NOTES_CHANGED announcement for `articleId`. */
export function onNotesChanged(articleId: string, onChange: (change: NotesChanged) => void): () => void {
  const listener = (message: unknown): undefined => {
    if (!v.is(Envelope, message) || message.type !== NOTES_CHANGED) return undefined;
    const change = v.safeParse(NotesChanged, message.payload);
    if (change.success && change.output.articleId === articleId) onChange(change.output);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Whether `shown` is a later state of the record than `incoming` (note revision, then time of the last change). */
export function isNewer(shown: NotesRecord, incoming: NotesRecord): boolean {
  if (shown.note.revision !== incoming.note.revision) return shown.note.revision > incoming.note.revision;
  return shown.updatedAt > incoming.updatedAt;
}

export interface NotesActions {
  /** Replaces the shown record with one the worker answered (newer revisions only win ties). */
  accept(record: NotesRecord): void;
  addHighlight(highlight: Pick<Highlight, 'id' | 'note' | 'quote' | 'position'> & { createdAt?: number }): Promise<void>;
  updateHighlight(id: string, note: string): Promise<void>;
  deleteHighlight(id: string): Promise<void>;
  dismissConflict(conflictId: string): Promise<void>;
}

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
    const load = (): void => {
      sendToWorker('notes/get', { articleId }).then(
        (record) => live && accept(record),
        (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    load();
    const stop = onNotesChanged(articleId, load);
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
