/**
 * Which archived article each tab shows, and the secret token of its sidebar frame.
 * Kept in storage.session, not in memory: the MV3 worker may be stopped between the
 * content script's match and the sidebar frame's first message.
 */
import * as v from 'valibot';
import { readItem, storageItem, updateItem } from './storage';

const TabSession = v.object({
  articleId: v.string(),
  title: v.string(),
  token: v.string(),
  site: v.string(),
  pageUrl: v.string(),
  /** The article is the user's own capture (its text comes from the worker, not the package). */
  captured: v.optional(v.boolean()),
});
export type TabSession = v.InferOutput<typeof TabSession>;

const sessionsItem = storageItem<Record<string, TabSession>>('session', 'tabSessions', v.record(v.string(), TabSession), () => ({}));

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function tabSession(tabId: number): Promise<TabSession | null> {
  return (await readItem(sessionsItem))[String(tabId)] ?? null;
}

/**
 * Records that `tabId` shows an article; the tab keeps its token across single-page-app
 * navigations to another article (its frame stays the same), else gets a new one.
 */
export async function startTabSession(tabId: number, session: Omit<TabSession, 'token'>): Promise<TabSession> {
  const sessions = await updateItem(sessionsItem, (current) => {
    const token = current[String(tabId)]?.token ?? newToken();
    return { ...current, [String(tabId)]: { ...session, token } };
  });
  const started = sessions[String(tabId)];
  if (!started) throw new Error(`the session of tab ${tabId} was not stored`);
  return started;
}

/** The tab no longer shows an archived article (or is gone). */
export async function endTabSession(tabId: number): Promise<void> {
  await updateItem(sessionsItem, (sessions) => {
    if (!Object.hasOwn(sessions, String(tabId))) return sessions;
    const next = { ...sessions };
    delete next[String(tabId)];
    return next;
  });
}

/** The tab session a sidebar frame's token belongs to, checked against the frame's own tab. */
export async function sessionForToken(tabId: number | undefined, token: string): Promise<TabSession> {
  const session = tabId === undefined ? null : await tabSession(tabId);
  if (!session || session.token !== token) throw new Error('this sidebar was not opened by Backstory in this tab');
  return session;
}
