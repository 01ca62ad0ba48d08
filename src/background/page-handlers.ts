/** Handlers of the page, sidebar and popup messages (src/shared/messages/page-messages.ts). */
import type { pageMessages } from '../shared/messages/page-messages';
import { callContentScript } from '../shared/messages/to-content';
import { CodedError } from '../shared/result';
import { activeTabId } from './active-tab';
import { workerArchive } from './archive';
import { showArchivedBadge } from './badge';
import { showCapturedInTab } from './capture/capture';
import { lookUpPage, siteOf } from './matcher';
import type { FeatureHandlers, SidebarSession } from './router';
import { readSettings, rememberSidebarState } from './settings';
import { endTabSession, startTabSession, tabSession, type TabSession } from './tab-sessions';

/** Messages only reach here from a content script whose page URL the browser reported. */
function requirePage(pageUrl: string | undefined, tabId: number | undefined): { pageUrl: string; tabId: number } {
  if (pageUrl === undefined || tabId === undefined) throw new Error('no page to answer about');
  return { pageUrl, tabId };
}

/** The router has verified the sidebar's token; this only narrows the type. */
function requireSidebar(session: SidebarSession | undefined): SidebarSession {
  if (!session) throw new Error('only the sidebar frame may ask this');
  return session;
}

/**
 * The tab's session, if the tab still shows its article. A tab that went on to another
 * site leaves its session behind (no content script runs there to say so, and the worker
 * has no `tabs` permission to see the address), so the tab's content script is asked
 * first: no answer, or another article, and the session is not reported or acted on. No
 * answer keeps the record, for the page may come back from the back-forward cache with
 * its sidebar and token. An answer naming no article ends it; another article means the
 * page moved on within the site, and its own page/match replaces the session.
 */
type TabArticle =
  | { state: 'none' }
  | { state: 'unreachable' | 'shown'; session: TabSession };

/** What the tab's stored session is worth now: its content script is asked what it shows. */
async function tabArticle(tabId: number | null): Promise<TabArticle> {
  const session = tabId === null ? null : await tabSession(tabId);
  if (tabId === null || !session) return { state: 'none' };
  const shown = await callContentScript(tabId, 'content/shown-article', {});
  if (shown === null) return { state: 'unreachable', session };
  if (shown.reply.articleId === null) await endTabSession(tabId);
  return shown.reply.articleId === session.articleId ? { state: 'shown', session } : { state: 'none' };
}

export async function confirmedTabSession(tabId: number | null): Promise<TabSession | null> {
  const article = await tabArticle(tabId);
  return article.state === 'shown' ? article.session : null;
}

/**
 * Opens or closes the sidebar in `tabId`. Throws not-archived when the tab shows no
 * archived article, tab-unreachable when it has a session but its content script does not
 * answer (the page crashed or went on elsewhere; the popup shows no toggle for the latter,
 * since it reports only confirmed sessions).
 */
export async function toggleSidebar(tabId: number | null): Promise<void> {
  const article = await tabArticle(tabId);
  if (article.state === 'none' || tabId === null) throw new CodedError('not-archived', 'this page is not in the archive');
  if (article.state === 'unreachable' || !(await callContentScript(tabId, 'content/toggle-sidebar', {}))) {
    throw new CodedError('tab-unreachable', 'the page does not answer Backstory');
  }
}

export const pageHandlers: FeatureHandlers<keyof typeof pageMessages> = {
  async 'page/match'({ href, canonical, ogUrl }, sender) {
    const { pageUrl: senderUrl, tabId } = requirePage(sender.pageUrl, sender.tabId);
    // The sidebar waits on this answer: independent reads go together, and the badge is
    // set beside it rather than before it.
    const [{ entry, site, pageUrl }, settings] = await Promise.all([lookUpPage(workerArchive, senderUrl, { href, canonical, ogUrl }), readSettings()]);
    showArchivedBadge(tabId, entry !== null).catch((error: unknown) => console.warn(`Backstory: badge of tab ${tabId}: ${String(error)}`));
    if (!entry) {
      await endTabSession(tabId);
      return null;
    }
    const { token } = await startTabSession(tabId, { articleId: entry.id, title: entry.title, site, pageUrl, ...(entry.captured ? { captured: true } : {}) });
    return {
      articleId: entry.id,
      title: entry.title,
      token,
      open: !settings.closedSites.includes(site),
      width: settings.sidebarWidth,
    };
  },

  async 'page/sidebar-state'({ open, width }, sender) {
    const { pageUrl } = requirePage(sender.pageUrl, sender.tabId);
    await rememberSidebarState(siteOf(pageUrl), open, width);
    return null;
  },

  async 'sidebar/context'(_request, sender) {
    const { articleId, pageUrl, captured } = requireSidebar(sender.sidebar);
    return { articleId, pageUrl, captured: captured === true };
  },

  async 'sidebar/close'(_request, sender) {
    requireSidebar(sender.sidebar);
    if (sender.tabId !== undefined) await callContentScript(sender.tabId, 'content/close-sidebar', {}).catch(() => null);
    return null;
  },

  async 'popup/toggle-sidebar'() {
    await toggleSidebar(await activeTabId());
    return { toggled: true };
  },

  async 'popup/active-article'() {
    const tabId = await activeTabId();
    const session = await confirmedTabSession(tabId);
    if (session) return { articleId: session.articleId, title: session.title };
    // A captured page on a site Backstory may not run on: opening the popup grants the tab, so the sidebar is shown now.
    return tabId === null ? null : showCapturedInTab(tabId);
  },
};
