/**
 * Test build only (see src/background/test-hooks.ts): relays a test's window.postMessage
 * request to the worker and posts the answer back to the page.
 */
import { browser } from '../shared/browser';

export function installTestHooks(): void {
  addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { backstoryTestHook?: { id: number } } | null;
    if (event.source !== window || !data?.backstoryTestHook) return;
    const { id } = data.backstoryTestHook;
    void browser.runtime.sendMessage({ backstoryTestHook: data.backstoryTestHook }).then(
      (result: unknown) => postMessage({ backstoryTestHookReply: id, result }, '*'),
      (error: unknown) => postMessage({ backstoryTestHookReply: id, error: String(error) }, '*'),
    );
  });
}
