/** Handlers of the page, sidebar and popup messages (src/shared/messages/page-messages.ts). */
import { packagedArchive } from '../shared/archive-reader';
import { browser } from '../shared/browser';
import type { pageMessages } from '../shared/messages/page-messages';
import { sendToContentScript } from '../shared/messenger';
import { CodedError } from '../shared/result';
import { siteHost } from '../shared/url-key';
import { activeTabId } from './active-tab';
import { showArchivedBadge } from './badge';
import { matchPage } from './matcher';
import type { FeatureHandlers, SidebarSession } from './router';
import { readSettings, rememberSidebarState } from './settings';
import { endTabSession, startTabSession, tabSession } from './tab-sessions';

const archive = packagedArchive((path) => browser.runtime.getURL(path));

/** Messages only reach here from a content script whose page URL the browser reported. */
function requirePage(pageUrl: string | undefined, tabId: number | undefined): { pageUrl: string; tabId: number } {
  if (pageUrl === undefined || tabId === undefined) throw new Error('no page to answer about');
  return { pageUrl, tabId };
}

/**
 * The page's current address: the content script's `href` when it is on the origin the
 * browser vouches for (single-page apps change the path with pushState), else sender.url.
 */
function currentAddress(senderUrl: string, href: string): string {
  return new URL(href).origin === new URL(senderUrl).origin ? href : senderUrl;
}

/** The router has verified the sidebar's token; this only narrows the type. */
function requireSidebar(session: SidebarSession | undefined): SidebarSession {
  if (!session) throw new Error('only the sidebar frame may ask this');
  return session;
}

/**
 * Opens or closes the sidebar in `tabId`. Throws not-archived when the tab shows no
 * archived article, tab-unreachable when it does but its content script does not answer
 * (the page was open before Backstory was installed or updated, or it is gone).
 */
export async function toggleSidebar(tabId: number | null): Promise<void> {
  if (tabId === null || !(await tabSession(tabId))) throw new CodedError('not-archived', 'this page is not in the archive');
  if (!(await sendToContentScript(tabId, 'content/toggle-sidebar', {}))) {
    throw new CodedError('tab-unreachable', 'the page does not answer Backstory');
  }
}

export const pageHandlers: FeatureHandlers<keyof typeof pageMessages> = {
  async 'page/match'({ href, canonical, ogUrl }, sender) {
    const page = requirePage(sender.pageUrl, sender.tabId);
    const { tabId } = page;
    const pageUrl = currentAddress(page.pageUrl, href);
    // The sidebar waits on this answer: independent reads go together, and the badge is
    // set beside it rather than before it.
    const [entry, settings] = await Promise.all([matchPage(archive, { pageUrl, canonical, ogUrl }), readSettings()]);
    showArchivedBadge(tabId, entry !== null).catch((error: unknown) => console.warn(`Backstory: badge of tab ${tabId}: ${String(error)}`));
    if (!entry) {
      await endTabSession(tabId);
      return null;
    }
    const site = siteHost(new URL(pageUrl).hostname);
    const { token } = await startTabSession(tabId, { articleId: entry.id, title: entry.title, site, pageUrl });
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
    await rememberSidebarState(siteHost(new URL(pageUrl).hostname), open, width);
    return null;
  },

  async 'sidebar/context'(_request, sender) {
    const { articleId, pageUrl } = requireSidebar(sender.sidebar);
    return { articleId, pageUrl };
  },

  async 'sidebar/close'(_request, sender) {
    requireSidebar(sender.sidebar);
    if (sender.tabId !== undefined) await sendToContentScript(sender.tabId, 'content/close-sidebar', {});
    return null;
  },

  async 'popup/toggle-sidebar'() {
    await toggleSidebar(await activeTabId());
    return { toggled: true };
  },

  async 'popup/active-article'() {
    const tabId = await activeTabId();
    const session = tabId === null ? null : await tabSession(tabId);
    return session ? { articleId: session.articleId, title: session.title } : null;
  },
};
