/**
 * The sidebar's end of the draft port (NOTES_DRAFT_PORT): every change to the editor is
 * posted at once (one structured-clone message, no storage write), so when the frame is
 * torn down, however abruptly, the worker holds the last words typed and saves them.
 */
import { browser, type Runtime } from '../../shared/browser';
import { NOTES_DRAFT_PORT, type DraftMessage, type NoteDraft } from '../../shared/messages/notes-messages';
import { sidebarToken } from '../../shared/messenger';

export interface DraftChannel {
  /** What the editor holds unsaved now; null once everything is saved. */
  post(draft: NoteDraft | null): void;
  /** Closes the port: the worker saves the last draft posted, if any. */
  close(): void;
}

/** Reconnections in a row without a new post: the worker refusing the port must not make a loop. */
const MAX_RECONNECTS = 3;

export function openDraftChannel(articleId: string, connect: (name: string) => Runtime.Port = (name) => browser.runtime.connect({ name })): DraftChannel {
  let port: Runtime.Port | null = null;
  let last: DraftMessage | null = null;
  let reconnects = 0;
  let closed = false;

  const send = (): void => {
    if (closed || last === null) return;
    if (!port) {
      try {
        port = connect(NOTES_DRAFT_PORT);
      } catch {
        return; // The extension was reloaded: this frame can no longer reach it.
      }
      port.onDisconnect.addListener(() => {
        port = null;
        // The worker stopped (it may, any time) while something is unsaved: it lost the
        // draft with its memory, so the draft goes to the next instance.
        if (!closed && last?.draft && reconnects < MAX_RECONNECTS) {
          reconnects++;
          send();
        }
      });
    }
    port.postMessage(last);
  };

  return {
    post(draft) {
      const token = sidebarToken();
      if (token === undefined) return;
      reconnects = 0;
      last = { token, articleId, draft };
      // Nothing unsaved and no port: no need to wake the worker.
      if (draft === null && !port) return;
      send();
    },
    close() {
      closed = true;
      port?.disconnect();
      port = null;
    },
  };
}
