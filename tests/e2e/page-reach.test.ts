/**
 * The build the browser tests load is the shipped build (tests/e2e/shipped-build.test.ts):
 * no hook of any kind. This proves it from the page's side, in both browsers: a page that
 * posts every message shape it could guess — the old test-build relay's
 * `{ backstoryTestHook }`, every envelope the worker and content script speak, to itself,
 * its frames and its parent — runs no command, opens no window and changes no storage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser } from './drivers/types';
import { SEED_URL, seedArticlePage, sidebarOpen } from './fixtures';

const MESSAGE_TYPES = [
  'content/close-sidebar', 'content/live-page', 'content/toggle-sidebar',
  'notes/add-highlight', 'notes/delete-highlight', 'notes/dismiss-conflict', 'notes/export', 'notes/get', 'notes/import',
  'notes/list', 'notes/save-note', 'notes/search', 'notes/set-sync', 'notes/update-highlight',
  'page/match', 'page/sidebar-state', 'popup/active-article', 'popup/toggle-sidebar', 'sidebar/close', 'sidebar/context', 'sidebar/live-page',
];
const HOOK_ACTIONS = ['command', 'open-window', 'badge', 'menu-exists'];

/** What the extension holds: both storage areas and its windows' tabs. */
const STATE = `(async () => ({
  local: await browser.storage.local.get(null),
  session: await browser.storage.session.get(null),
  windows: (await browser.windows.getAll({ populate: true })).map((w) => w.type + ':' + w.tabs.length),
}))()`;

describe.each(testBrowsers())('a page posting every message shape it could guess (%s, shipped build)', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
    browser.serve(SEED_URL, seedArticlePage());
  });
  afterAll(() => browser?.close());

  it('runs no command, opens no window and changes no storage', async () => {
    const page = await browser.open(SEED_URL);
    await page.sidebar();
    // The worker is Chromium's `chrome`, Firefox's `browser`; both expose `chrome` there.
    const state = (): Promise<unknown> => browser.evaluateInBackground(STATE.replaceAll('browser.', 'chrome.'));
    const before = { open: await sidebarOpen(page), badge: await page.badge(), state: await state() };
    expect(before.open).toBe(true);

    const delivered = await page.evaluate(
      ([types, actions]) =>
        new Promise<number>((resolve) => {
          const shapes: unknown[] = [];
          for (const action of actions) {
            for (const argument of ['toggle-sidebar', 'popup.html', 'options.html', '']) shapes.push({ backstoryTestHook: { id: Math.random(), action, argument } });
          }
          for (const type of types) {
            for (const payload of [{}, { open: false }, { articleId: 'x', text: 'planted', baseRevision: 0, baseText: '' }, { enabled: true }]) {
              shapes.push({ channel: 'backstory/1', type, payload });
              shapes.push({ channel: 'backstory/1', type, payload, token: 'a'.repeat(32) });
              shapes.push({ type, payload });
            }
          }
          const targets = [window, window.parent, window.top, ...Array.from({ length: window.frames.length }, (_, i) => window.frames[i])];
          let posted = 0;
          for (const shape of shapes) {
            for (const target of targets) {
              target?.postMessage(shape, '*');
              posted++;
            }
            document.dispatchEvent(new CustomEvent('backstory', { detail: shape }));
          }
          // Messages are delivered in order: once this one arrives, every listener has had the others.
          addEventListener('message', (event) => {
            if ((event.data as { sentinel?: boolean } | null)?.sentinel) resolve(posted);
          });
          postMessage({ sentinel: true }, '*');
        }),
      [MESSAGE_TYPES, HOOK_ACTIONS] as const,
    );
    expect(delivered).toBeGreaterThan(MESSAGE_TYPES.length * 4);
    // A relay would have messaged the worker by now; give what it started time to land.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // And the page has no extension API of its own to call.
    expect(
      await page.evaluate(() => {
        const g = globalThis as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: unknown };
        return [typeof g.chrome?.runtime?.sendMessage, typeof g.browser];
      }, null),
    ).toEqual(['undefined', 'undefined']);
    expect({ open: await sidebarOpen(page), badge: await page.badge(), state: await state() }).toEqual(before);
    await page.close();
  });

  it('is checked by a probe that does see a change: the real command, run in the extension', async () => {
    const page = await browser.open(SEED_URL);
    await page.sidebar();
    const state = (): Promise<unknown> => browser.evaluateInBackground(STATE.replaceAll('browser.', 'chrome.'));
    const before = await state();
    await page.runCommand('toggle-sidebar');
    await expect.poll(() => sidebarOpen(page)).toBe(false);
    // Closing is remembered per site: storage changed, which the probe sees.
    await expect.poll(state).not.toEqual(before);
    await page.runCommand('toggle-sidebar');
    await expect.poll(() => sidebarOpen(page)).toBe(true);
    await page.close();
  });
});
