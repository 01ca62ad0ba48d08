/**
 * Import trusts the catalog, not the file (issue 15, hole 4), in Chromium and Firefox; and
 * the popup tells the truth about a tab it cannot reach (hole 6), in Chromium. A backup
 * whose record for the seed article claims another title and a javascript: address, and
 * records for articles this archive does not have: the preview lists those apart, the
 * options page then shows the seed article under the catalog's title linking to the
 * catalog's address, and the others as text without a link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser } from './drivers/types';
import { eventually } from './fixtures';
import { SEED_TITLE, SEED_URL, launchWithExtension, openPopup, screenshot, seedArticlePage, sidebarFrame, type ExtensionBrowser } from './harness';

const SEED_ID = '31f14c63a51e4b00';
const UNKNOWN_ID = '00000000deadbeef';
const OTHER_UNKNOWN_ID = '00000000cafef00d';

function hostileRecord(articleId: string, articleTitle: string, url: string, text: string) {
  return {
    schemaVersion: 1,
    articleId,
    articleTitle,
    url,
    note: { text, tags: [], revision: 1, updatedAt: 1_700_000_000_000 },
    highlights: [],
    conflicts: [],
    updatedAt: 1_700_000_000_000,
  };
}

describe.each(testBrowsers())('import against the catalog in %s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
    browser.serve(SEED_URL, seedArticlePage());
  });
  afterAll(() => browser?.close());

  it('takes title and address from the catalog, and lists notes on articles it does not have apart, never as links', async () => {
    const page = await browser.open(SEED_URL);
    const options = await page.openExtensionWindow('options.html');
    await options.waitFor('input[type="file"]');
    const backup = {
      format: 'backstory-notes',
      schemaVersion: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      records: [
        hostileRecord(SEED_ID, 'Click here to win', 'javascript:alert(document.domain)', 'My note on the seed.'),
        hostileRecord(UNKNOWN_ID, 'An article from another archive', 'javascript:alert(1)', 'Kept though not archived here.'),
        hostileRecord(OTHER_UNKNOWN_ID, 'Another one', 'https://elsewhere.example/story.html', 'Also kept.'),
      ],
    };
    await options.chooseFile('input[type="file"]', { name: 'hostile.json', mimeType: 'application/json', content: JSON.stringify(backup) });
    await options.waitFor('.import-apply');
    expect(await options.texts('.import-not-in-archive li')).toEqual([
      expect.stringContaining(`An article from another archive” (article ${UNKNOWN_ID}`),
      expect.stringContaining(`Another one” (article ${OTHER_UNKNOWN_ID}`),
    ]);
    const seedItem = await options.text('.import-report > ul > li');
    expect(seedItem).toContain(SEED_TITLE);
    expect(seedItem).toContain("the file's address for it is not this article's and is ignored: javascript:alert(document.domain)");
    await options.screenshot('notes-import-not-in-archive-preview');
    await options.click('.import-apply');
    await options.waitFor('.not-in-archive .elsewhere');

    // The seed article: the catalog's title, linking to the catalog's address.
    expect(await options.text('.article-notes:not(.elsewhere) h3 a')).toBe(SEED_TITLE);
    expect(await options.attribute('.article-notes:not(.elsewhere) h3 a', 'href')).toBe(SEED_URL);
    // The others: kept, as text, with an http(s) address shown only as text.
    expect(await options.count('.elsewhere')).toBe(2);
    expect(await options.count('.elsewhere h3 a, .elsewhere .claimed-url a')).toBe(0);
    expect(await options.texts('.elsewhere .claimed-url')).toEqual(['Address as given, unchecked: https://elsewhere.example/story.html']);
    expect(await options.evaluate(() => [...document.querySelectorAll('a')].some((a) => a.href.startsWith('javascript:')), null)).toBe(false);
    await options.evaluate(() => document.querySelector('.not-in-archive')?.scrollIntoView({ block: 'start' }), null);
    await options.screenshot('notes-options-not-in-archive');
    await options.close();

    // The sidebar shows the imported note on its article.
    await page.goto(SEED_URL);
    const sidebar = await page.sidebar();
    const noteText = () => sidebar.evaluate(() => (document.querySelector('.note-text') as HTMLTextAreaElement | null)?.value ?? null, null);
    expect(await eventually(noteText, 'My note on the seed.')).toBe('My note on the seed.');
    await page.close();
  });
});

// Chromium only: the renderer is crashed over the DevTools protocol (Page.crash).
describe.skipIf(!testBrowsers().includes('chromium'))('a tab whose page is gone (chromium)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.serve(SEED_URL, seedArticlePage());
  });
  afterAll(() => browser?.close());

  it('says it cannot reach a tab whose page is gone, instead of doing nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEED_URL);
    await sidebarFrame(page);
    const popup = await openPopup(browser);
    await popup.waitForSelector('.page-status strong');
    expect(await popup.locator('.page-status strong').innerText()).toBe(SEED_TITLE);
    // While the popup is open, the renderer goes away with the content script in it; the tab and its session stay.
    const cdp = await browser.context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined); // never answers: the page is gone
    await crashed;
    await popup.click('.toggle-sidebar');
    await popup.waitForSelector('.toggle-error');
    expect(await popup.locator('.toggle-error').innerText()).toBe('Backstory cannot reach this tab; reload it.');
    await screenshot(popup, 'popup-tab-unreachable');
    await popup.close();
    void page.close().catch(() => undefined);
  });
});
