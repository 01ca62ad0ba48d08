/**
 * The popup's search, in Chromium and Firefox alike (the Chromium-only file
 * popup-search.test.ts also covers Enter opening the article and the context menu).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser, TestPage } from './drivers/types';
import { FIXTURE_TITLE, FIXTURE_URL, SEED_TITLE, SEED_URL, eventually, plainPage, seedArticlePage } from './fixtures';

/** Replaces the query as a user does: select what is in the box, type over it. */
async function search(popup: TestPage, query: string): Promise<void> {
  await popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-box')?.select(), null);
  await popup.type('.search-box', query);
  expect(await eventually(() => popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-box')?.value ?? '', null), query)).toBe(query);
}

describe.each(testBrowsers())('popup search in %s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
    browser.serve(SEED_URL, seedArticlePage());
    browser.serve(FIXTURE_URL, plainPage(FIXTURE_TITLE));
  });
  afterAll(() => browser?.close());

  it('finds articles by prefix, typo and entity field as the user types, and explains no results', async () => {
    const page = await browser.open(FIXTURE_URL);
    await page.sidebar();
    const popup = await page.openExtensionWindow('popup.html');
    await popup.waitFor('.search-box');
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('search-box') ?? false, null)).toBe(true);

    await search(popup, 'hezbolla');
    expect(await eventually(async () => (await popup.texts('#article-results .hit-title')).includes(SEED_TITLE), true)).toBe(true);

    await search(popup, 'entity:"John Kirby"');
    expect(
      await eventually(async () => JSON.stringify((await popup.texts('#article-results .hit-title')).sort()), JSON.stringify([SEED_TITLE, FIXTURE_TITLE].sort())),
    ).toBe(JSON.stringify([SEED_TITLE, FIXTURE_TITLE].sort()));

    await search(popup, 'zzqxv');
    await popup.waitFor('.no-results');
    expect(await popup.count('#article-results .hit-title')).toBe(0);
    await popup.screenshot('popup-no-results');
    await popup.close();
    await page.close();
  });

  it('registers the "Search Backstory for …" selection menu', async () => {
    const page = await browser.open(FIXTURE_URL);
    await page.sidebar();
    expect(await page.menuExists('backstory-search-selection')).toBe(true);
    expect(await page.menuExists('no-such-menu')).toBe(false);
    await page.close();
  });
});
