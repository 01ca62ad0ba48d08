/** Every note, quarantined record and the sync status, kept current as the worker announces changes. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { onBroadcast } from '../shared/messages/broadcasts';
import type { NotesList } from '../shared/messages/notes-messages';
import { sendToWorker } from '../shared/messages/to-worker';

export type { NotesList };
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
    return onBroadcast('notes/changed', reload);
  }, [reload]);
  return [state, reload];
}
