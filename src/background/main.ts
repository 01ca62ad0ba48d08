/**
 * The background worker (an MV3 service worker in Chromium, an event page in Firefox).
 * It holds no state in memory that matters: everything lives in storage, because the
 * browser may stop it at any moment.
 */
import { browser } from '../shared/browser';
import { activeTabId } from './active-tab';
import { pageHandlers, toggleSidebar } from './page-handlers';
import { listen } from './router';
import { sessionForToken, setTabSession } from './tab-sessions';

listen(
  {
    ...pageHandlers,
  },
  sessionForToken,
);

async function onCommand(command: string): Promise<void> {
  if (command === 'toggle-sidebar') await toggleSidebar(await activeTabId());
}
browser.commands.onCommand.addListener((command: string) => void onCommand(command));

if (__TEST_HOOKS__) {
  // Headless Chromium has no keyboard accelerators for extension commands: browser tests
  // run the command through this hook, which exists only in the test build.
  (globalThis as { backstoryTestHooks?: unknown }).backstoryTestHooks = { onCommand };
}

browser.tabs.onRemoved.addListener((tabId: number) => {
  void setTabSession(tabId, null);
});
