/** Every note, quarantined record and the sync status, kept current as the worker announces changes. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { browser } from '../shared/browser';
import { Envelope, type WorkerResponse } from '../shared/messages';
import { NOTES_CHANGED, NotesChanged } from '../shared/messages/notes-messages';
import { sendToWorker } from '../shared/messenger';

export type NotesList = WorkerResponse<'notes/list'>;
export type ListState = { status: 'loading' } | { status: 'ready'; list: NotesList } | { status: 'error'; message: string };

export function useNotesList(): [ListState, () => void] {
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const reload = useCallback(() => {
    sendToWorker('notes/list', {}).then(
      (list) => setState({ status: 'ready', list }),
      (error: unknown) => setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  useEffect(() => {
    reload();
    const listener = (message: unknown): undefined => {
      if (v.is(Envelope, message) && message.type === NOTES_CHANGED && v.is(NotesChanged, message.payload)) reload();
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [reload]);
  return [state, reload];
}
