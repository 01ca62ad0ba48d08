/** Handlers of the capture messages (src/shared/messages/capture-messages.ts). */
import type { captureMessages } from '../../shared/messages/capture-messages';
import { CodedError } from '../../shared/result';
import { browser } from '../../shared/browser';
import { activeTabId } from '../active-tab';
import type { FeatureHandlers } from '../router';
import { captureTab } from './capture';
import { mayCaptureIn } from './private-windows';
import { hasSiteAccess, siteOrigins } from './site-access';
import { getCaptured } from './store';
import { takeOutcome } from './triggers';

export const captureHandlers: FeatureHandlers<keyof typeof captureMessages> = {
  async 'popup/capture'() {
    const tabId = await activeTabId();
    return tabId === null ? { status: 'not-a-page' } : captureTab(tabId);
  },

  async 'popup/capturable'() {
    const tabId = await activeTabId();
    if (tabId === null) return { page: null, last: null };
    // The address is visible only while the user's opening the popup grants the tab.
    const tab = (await browser.tabs.get(tabId).catch(() => null)) ?? undefined;
    const last = await takeOutcome(tabId);
    // No button (and so no site request) where capture is off: a private window, unless the user turned it on.
    if (!(await mayCaptureIn(tab))) return { page: null, last: last ?? { at: Date.now(), outcome: { status: 'private-window' } } };
    const site = tab?.url === undefined ? null : siteOrigins(tab.url);
    // A private window never asks for the site (a grant would show the sidebar there in every window).
    const asks = tab?.incognito !== true;
    return { page: site && { ...site, siteAccess: asks ? await hasSiteAccess(site.origins) : true }, last };
  },

  async 'sidebar/captured-article'({ articleId }, sender) {
    // The router has checked the token, and that this is the sidebar's own article.
    if (!sender.sidebar) throw new CodedError('forbidden', 'only the sidebar frame may ask this');
    const article = await getCaptured(articleId);
    if (!article) throw new CodedError('not-found', `captured article ${articleId} is not stored`);
    return article;
  },
};
