/**
 * Test build only (`npm run build -- --test-hooks`; main.ts calls this under __TEST_HOOKS__,
 * so esbuild drops it from shipped builds, which a test checks). Browser tests cannot press
 * extension shortcuts in headless browsers, and Firefox will not let a test navigate to a
 * moz-extension:// page, so tests ask through the content script (src/content/test-hooks.ts).
 */
import { browser, type Runtime } from '../shared/browser';
import { onCommand } from './commands';

interface HookRequest {
  action: 'badge' | 'command' | 'open-window' | 'menu-exists';
  argument: string;
}

async function run({ action, argument }: HookRequest, tabId: number | undefined): Promise<unknown> {
  switch (action) {
    case 'badge':
      return browser.action.getBadgeText({ tabId });
    case 'command':
      return onCommand(argument);
    case 'menu-exists':
      // No browser lists menu items; updating one succeeds only if it exists.
      return browser.contextMenus.update(argument, {}).then(
        () => true,
        () => false,
      );
    case 'open-window':
      // A popup-type window, so the page's tab stays the active tab of the last normal window.
      await browser.windows.create({ url: browser.runtime.getURL(argument), type: 'popup', focused: false, width: 420, height: 600 });
      return null;
  }
}

export function installTestHooks(): void {
  (globalThis as { backstoryTestHooks?: unknown }).backstoryTestHooks = { onCommand };
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const request = (message as { backstoryTestHook?: HookRequest } | null)?.backstoryTestHook;
    if (!request || sender.id !== browser.runtime.id) return undefined;
    return run(request, sender.tab?.id);
  });
}
