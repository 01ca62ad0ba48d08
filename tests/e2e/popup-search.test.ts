/**
 * Searching from the toolbar popup (Chromium): type, see the seed article with a marked
 * snippet, press Enter, and the article opens in a new tab with its sidebar. The same page
 * works as a tab with a query (what the context menu and the omnibox open).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_TITLE,
  SEED_TITLE,
  SEED_URL,
  launchWithExtension,
  openPopup,
  screenshot,
  seedArticlePage,
  seriousAxeViolations,
  sidebarFrame,
  type ExtensionBrowser,
} from './harness';
import { serveHttpsPages, type HttpsPages } from './popup-helpers';

/** Presses a key that may close the popup (opening a result does): its closing is no error. */
async function pressClosing(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key).catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
}

/** The seed article's id (tests/unit/scripts/archive/compile.test.ts pins it). */
const SEED_ID = '31f14c63a51e4b00';

const titles = (page: Page): Promise<string[]> => page.locator('.hit-title').allTextContents();

describe('popup search', () => {
  let browser: ExtensionBrowser;
  let server: HttpsPages;
  beforeAll(async () => {
    server = await serveHttpsPages(new Map([[SEED_URL, seedArticlePage()]]));
    browser = await launchWithExtension({ routePages: false, args: server.chromiumArgs(['sputnikglobe.com']) });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with the cursor in the search box and the most recent articles listed', async () => {
    const popup = await openPopup(browser);
    await popup.waitForSelector('.hit-title');
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('search-box'))).toBe(true);
    expect(await popup.locator('#articles-heading').textContent()).toBe('Recent articles');
    const listed = await titles(popup);
    // Newest first: the seed (February 8) before the fixture (February 3).
    expect(listed.indexOf(SEED_TITLE)).toBeGreaterThanOrEqual(0);
    expect(listed.indexOf(SEED_TITLE)).toBeLessThan(listed.indexOf(FIXTURE_TITLE));
    await popup.close();
  });

  it('finds the seed article as the user types, with a marked snippet, and Enter opens it with the sidebar', async () => {
    const popup = await openPopup(browser);
    await popup.waitForSelector('.hit-title');
    await popup.keyboard.type('steadfst militia', { delay: 20 });
    await popup.waitForFunction(() => [...document.querySelectorAll('.hit mark')].some((m) => /^militia/i.test(m.textContent ?? '')));
    expect((await titles(popup))[0]).toBe(SEED_TITLE);
    const marked = await popup.locator('.hit').first().locator('mark').allTextContents();
    expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['steadfast', expect.stringMatching(/^militia/)]));
    expect(await seriousAxeViolations(popup.mainFrame())).toEqual([]);
    await screenshot(popup, 'popup-search-results');

    const [opened] = await Promise.all([browser.context.waitForEvent('page'), pressClosing(popup, 'Enter')]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe(SEED_URL);
    await expect.poll(() => popup.isClosed()).toBe(true);
    const frame = await sidebarFrame(opened);
    expect(await frame.locator('#article-title').textContent()).toBe(SEED_TITLE);
    await opened.close();
  });

  it('moves through results with the arrow keys and opens the chosen one', async () => {
    const popup = await openPopup(browser);
    await popup.waitForSelector('.hit-title');
    await popup.keyboard.type('kirb');
    // Results of the whole word typed: every listed article has its "Kirby" marked.
    await popup.waitForFunction(() => {
      const hits = [...document.querySelectorAll('.hit')];
      return hits.length > 0 && hits.every((hit) => [...hit.querySelectorAll('mark')].some((m) => /^kirby/i.test(m.textContent ?? '')));
    });
    const listed = await titles(popup);
    expect(listed).toEqual(expect.arrayContaining([SEED_TITLE, FIXTURE_TITLE]));
    const seedIndex = listed.indexOf(SEED_TITLE);
    for (let i = 0; i < seedIndex; i++) await popup.keyboard.press('ArrowDown');
    expect(await popup.locator('.hit.active .hit-title').textContent()).toBe(SEED_TITLE);
    expect(await popup.locator('.search-box').getAttribute('aria-activedescendant')).toBe(
      await popup.locator('.hit.active').getAttribute('id'),
    );
    const [opened] = await Promise.all([browser.context.waitForEvent('page'), pressClosing(popup, 'Enter')]);
    await opened.waitForLoadState('domcontentloaded');
    expect(opened.url()).toBe(SEED_URL);
    await opened.close();
  });

  it('explains when nothing matches instead of showing an empty box', async () => {
    const popup = await openPopup(browser);
    await popup.waitForSelector('.hit-title');
    await popup.keyboard.type('qwxzvbnm');
    await popup.waitForSelector('.no-results');
    expect(await popup.locator('.no-results').textContent()).toContain('qwxzvbnm');
    expect(await popup.locator('.hit').count()).toBe(0);
    await popup.close();
  });

  it('works as a tab with a query, as the context menu opens it, fields included', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html?view=tab&q=${encodeURIComponent('entity:"John Kirby" before:2024-02-05')}`);
    await page.waitForFunction(() => document.querySelector('#articles-heading')?.textContent?.startsWith('Articles'));
    expect(await titles(page)).toEqual([FIXTURE_TITLE]);
    expect(await page.locator('.hit .chip').allTextContents()).toContain('John Kirby');
    expect(await page.locator('.search-box').inputValue()).toBe('entity:"John Kirby" before:2024-02-05');
    await screenshot(page, 'popup-search-tab');
    await page.close();
  });

  it('lists matching notes in a second section, and the most recent ones for an empty query', async () => {
    const popup = await openPopup(browser);
    await popup.waitForSelector('.hit-title');
    // A note written as the sidebar would (the popup is an extension page, which may send it).
    const saved = await popup.evaluate(
      (articleId) =>
        chrome.runtime.sendMessage({
          channel: 'backstory/1',
          type: 'notes/save-note',
          payload: { articleId, text: 'Compare with the Tower 22 attack in Jordan', tags: [], baseRevision: 0, baseText: '' },
        }),
      SEED_ID,
    );
    expect(saved).toMatchObject({ ok: true });
    await popup.keyboard.type('tower');
    await popup.waitForSelector('.notes-results .hit');
    expect(await popup.locator('#notes-heading').textContent()).toBe('In my notes and highlights');
    expect(await popup.locator('.notes-results .hit-title').allTextContents()).toEqual([SEED_TITLE]);
    expect(await popup.locator('.notes-results .snippet').first().textContent()).toContain('Tower 22');
    await screenshot(popup, 'popup-search-notes');

    await popup.locator('.search-box').fill('');
    await popup.waitForFunction(() => document.querySelector('#notes-heading')?.textContent === 'My recent notes');
    await popup.close();
  });

  it('registers the selection context menu on install', async () => {
    // Chromium has no API to list menu items; creating the same id again fails only if it exists.
    const error = await browser.worker.evaluate(
      () =>
        new Promise<string>((resolve) => {
          chrome.contextMenus.create({ id: 'backstory-search-selection', title: 'x', contexts: ['selection'] }, () =>
            resolve(chrome.runtime.lastError?.message ?? ''),
          );
        }),
    );
    expect(error).toMatch(/duplicate id/i);
  });
});
