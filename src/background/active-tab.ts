import { browser } from '../shared/browser';

/**
 * The tab the user is looking at: the active tab of the last focused normal window. From
 * the toolbar popup that is the page under the popup. No "tabs" permission is needed for ids.
 */
export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true, windowType: 'normal' });
  return tab?.id ?? null;
}
