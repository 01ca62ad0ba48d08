import { browser } from '../shared/browser';

/**
 * The tab the user is looking at: the active tab of the last focused normal window. From
 * the toolbar popup that is the page under the popup; filtering on "normal" keeps the
 * answer right when the popup page itself is open as a window. No "tabs" permission is
 * needed for ids.
 */
export async function activeTabId(): Promise<number | null> {
  // Both browsers accept windowTypes here; the polyfill's type declaration lacks it.
  const getInfo = { windowTypes: ['normal'] } as Parameters<typeof browser.windows.getLastFocused>[0];
  const window = await browser.windows.getLastFocused(getInfo);
  if (window.id === undefined) return null;
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  return tab?.id ?? null;
}
