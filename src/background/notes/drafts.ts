/**
 * The worker's end of the sidebar's draft port (NOTES_DRAFT_PORT in
 * src/shared/messages/notes-messages.ts): it keeps the last unsaved draft each sidebar sent
 * and, when that sidebar's port closes (tab closed or navigated, sidebar gone), saves it.
 * Only the sidebar frame may open one, and its token must belong to its own tab, as for
 * every sidebar message; a draft for another article than the tab's is ignored.
 */
import * as v from 'valibot';
import { browser, type Runtime } from '../../shared/browser';
import { DraftMessage, NOTES_DRAFT_PORT, type NoteDraft } from '../../shared/messages/notes-messages';
import { senderRole, type SidebarSession, type SidebarVerifier } from '../router';

export type DraftSaver = (articleId: string, draft: NoteDraft) => Promise<void>;

/** Follows one port: remembers its last draft, saves it once the port closes. */
export function followDraftPort(port: Runtime.Port, ownId: string, verify: SidebarVerifier, save: DraftSaver): void {
  if (port.name !== NOTES_DRAFT_PORT) return;
  const sender = port.sender;
  if (!sender || senderRole(sender, ownId) !== 'sidebar') {
    port.disconnect();
    return;
  }
  let token: string | undefined;
  let session: Promise<SidebarSession> | undefined;
  let last: DraftMessage | undefined;
  port.onMessage.addListener((message: unknown) => {
    const parsed = v.safeParse(DraftMessage, message);
    if (!parsed.success) return;
    if (token === undefined) {
      // Checked at once, while the tab's session surely exists (closing the tab ends it).
      token = parsed.output.token;
      session = verify(sender.tab?.id, token);
      session.catch(() => port.disconnect());
    } else if (parsed.output.token !== token) {
      return;
    }
    last = parsed.output;
  });
  port.onDisconnect.addListener(() => {
    const pending = last;
    if (!pending?.draft || !session) return;
    const draft = pending.draft;
    session
      .then((verified) => (verified.articleId === pending.articleId ? save(pending.articleId, draft) : undefined))
      .catch((error: unknown) => console.warn(`Backstory: the last draft of ${pending.articleId} was not saved`, error));
  });
}

/** Called once at the worker's top level (src/background/main.ts), so a connect wakes the worker. */
export function listenForDrafts(verify: SidebarVerifier, save: DraftSaver): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => followDraftPort(port, browser.runtime.id, verify, save));
}
