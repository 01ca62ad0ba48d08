/**
 * A tab's session ends with its article (#15 hole 3): after the tab goes from an archived
 * article to another site, the popup no longer reports the article and neither its toggle
 * nor the keyboard command pretends to act; back on the article, both work again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser, TestPage } from './drivers/types';
import { SEED_TITLE, SEED_URL, eventually, hasSidebarHost, plainPage, seedArticlePage, sidebarOpen } from './fixtures';

const OTHER_SITE = 'https://www.example.org/elsewhere.html';

/** What the popup, opened beside `page`, says about it: the archived title, or its "not archived" line. */
async function popupStatus(page: TestPage, screenshot?: string): Promise<{ text: string; toggle: number }> {
  const popup = await page.openExtensionWindow('popup.html');
  await popup.waitFor('.page-status');
  if (screenshot) await popup.screenshot(screenshot);
  const status = { text: (await popup.text('.page-status'))?.trim() ?? '', toggle: await popup.count('.page-status button') };
  await popup.close();
  return status;
}

describe.each(testBrowsers())('a tab that leaves its article (%s)', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
    browser.serve(SEED_URL, seedArticlePage());
    browser.serve(OTHER_SITE, plainPage('Another site'));
  });
  afterAll(() => browser?.close());

  it('is no longer reported by the popup, and its toggle and command do not pretend', async () => {
    const page = await browser.open(SEED_URL);
    await page.sidebar();
    const onArticle = await popupStatus(page);
    expect(onArticle.text).toContain(SEED_TITLE);
    expect(onArticle.toggle).toBe(1);

    await page.goto(OTHER_SITE);
    expect(await page.evaluate(() => document.title, null)).toBe('Another site');
    const elsewhere = await popupStatus(page, 'tab-session-popup-on-other-site');
    expect(elsewhere).toEqual({ text: 'This page is not in the archive.', toggle: 0 });
    expect(await page.badge()).toBe('');
    // The command reaches no sidebar and changes nothing a later visit would see.
    const settings = (): Promise<unknown> => browser.evaluateInBackground('chrome.storage.local.get("settings")');
    const before = await settings();
    await page.runCommand('toggle-sidebar');
    expect(await settings()).toEqual(before);

    // Back on the article (from the back-forward cache or loaded again), it is reported and toggles.
    // history.back() rather than the drivers' goBack: puppeteer waits in vain for a navigation event when Firefox restores from the cache.
    await page.evaluate(() => void setTimeout(() => history.back(), 0), null);
    const restored = (): Promise<boolean> => page.evaluate((url) => location.href === url && document.readyState === 'complete', SEED_URL);
    expect(await eventually(restored, true)).toBe(true);
    // (After a restore from the cache puppeteer no longer lists the frame: the host is looked for instead.)
    expect(await eventually(() => hasSidebarHost(page), true)).toBe(true);
    const back = await popupStatus(page);
    expect(back.text).toContain(SEED_TITLE);
    await page.runCommand('toggle-sidebar');
    expect(await eventually(() => sidebarOpen(page), false)).toBe(false);
    await page.runCommand('toggle-sidebar');
    expect(await eventually(() => sidebarOpen(page), true)).toBe(true);
    await page.close();
  });
});
