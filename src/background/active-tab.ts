/**
 * The tab the user is looking at: the active tab of the focused normal window. From the
 * toolbar popup that is the page under the popup. When no normal window has focus (the
 * popup page opened as a window of its own, or the browser in the background), the one
 * focused last is used: the worker records it, since Firefox's windows.getLastFocused
 * ignores its windowTypes filter. No "tabs" permission is needed for ids.
 */
import * as v from 'valibot';
import { browser } from '../shared/browser';
import { readItem, storageItem, writeItem } from './storage';

const lastNormalWindow = storageItem<number | null>('session', 'lastNormalWindow', v.nullable(v.number()), () => null);

export function trackFocusedWindows(): void {
  browser.windows.onFocusChanged.addListener((windowId: number) => {
    if (windowId === browser.windows.WINDOW_ID_NONE) return;
    void browser.windows.get(windowId).then(
      (window) => (window.type === 'normal' ? writeItem(lastNormalWindow, windowId) : undefined),
      () => undefined,
    );
  });
}

export async function activeTabId(): Promise<number | null> {
  const normal = (await browser.windows.getAll()).filter((window) => window.type === 'normal');
  const remembered = await readItem(lastNormalWindow);
  const window =
    normal.find((w) => w.focused) ?? normal.find((w) => w.id === remembered) ?? normal[normal.length - 1];
  if (window?.id === undefined) return null;
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  return tab?.id ?? null;
}
