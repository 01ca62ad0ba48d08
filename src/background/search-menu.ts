/**
 * Ways into search from outside the popup: the "Search Backstory for '…'" context menu on
 * selected text, and the omnibox keyword ("bs"). Both open popup.html as a tab with the
 * query (action.openPopup is not available everywhere).
 */
import { browser, t } from '../shared/browser';

const MENU_ID = 'backstory-search-selection';
/** Longer selections are cut: a query is a few words, not a page. */
const MAX_QUERY_LENGTH = 200;

/** The search page's address for a query. */
export function searchPageUrl(query: string): string {
  const q = query.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  return browser.runtime.getURL(`popup.html?view=tab&q=${encodeURIComponent(q)}`);
}

async function openSearch(query: string): Promise<void> {
  await browser.tabs.create({ url: searchPageUrl(query) });
}

/**
 * Registers listeners on every start of the worker; the menu items themselves only on
 * install/update (they persist): this one and the other features' (`otherMenus`), all
 * after one removeAll, so that none is created before it and removed by it.
 */
export function installSearchEntryPoints(otherMenus: ReadonlyArray<() => void> = []): void {
  browser.runtime.onInstalled.addListener(() => {
    // removeAll first: an update must not fail on an item that already exists.
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: MENU_ID, title: t('searchMenuSelection'), contexts: ['selection'] });
      for (const create of otherMenus) create();
    });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID && info.selectionText) void openSearch(info.selectionText);
  });
  if (browser.omnibox) {
    browser.omnibox.onInputStarted.addListener(() => {
      browser.omnibox.setDefaultSuggestion({ description: t('searchOmniboxHint', '%s') });
    });
    browser.omnibox.onInputEntered.addListener((text: string) => void openSearch(text));
  }
}
