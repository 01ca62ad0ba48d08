import { browser } from '../shared/browser';

/**
 * The tab the user is looking at: the active tab of the last focused normal window.
 * From the toolbar popup that is the page under the popup; asking for "normal" windows
 * keeps the answer right when the popup itself is opened as a window. No "tabs"
 * permission is needed for ids.
 */
export async function activeTabId(): Promise<number | null> {
  const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  if (window.id === undefined) return null;
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  return tab?.id ?? null;
}
