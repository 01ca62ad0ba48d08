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

  it('lists the other notes beside a damaged record, and says "Notes could not be read" when storage fails', async () => {
    const page = await browser.open(SEED_URL);
    const frame = await page.sidebar();
    await frame.waitFor('.note-text');
    await frame.evaluate(() => {
      const area = document.querySelector('.note-text') as HTMLTextAreaElement;
      area.value = 'Kept beside a damaged record.';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, null);
    expect(await eventually(() => frame.text('.save-state'), 'Saved')).toBe('Saved');
    // Another article's record damaged at rest (written by a newer version), from the extension's own context.
    const damaged = 'notes:0123456789abcdef';
    await browser.evaluateInBackground(`chrome.storage.local.set({ ${JSON.stringify(damaged)}: { schemaVersion: 99, note: { text: 'from a newer version' } } }).then(() => null)`);

    const popup = await page.openExtensionWindow('popup.html');
    await popup.waitFor('.search-box');
    await search(popup, 'damaged record');
    expect(await eventually(async () => (await popup.texts('#note-results .snippet')).join('|'), 'Kept beside a damaged record.')).toBe('Kept beside a damaged record.');
    expect(await popup.count('.notes-error')).toBe(0);
    // The damaged record was set aside as it was, not deleted.
    const asideOf = `chrome.storage.local.get(null).then((all) => JSON.stringify(Object.entries(all).filter(([key]) => key.startsWith('quarantine:')).map(([, q]) => [q.key, q.value.note.text])))`;
    expect(await eventually(() => browser.evaluateInBackground<string>(asideOf), JSON.stringify([[damaged, 'from a newer version']]))).toBe(JSON.stringify([[damaged, 'from a newer version']]));

    // Storage refuses to be read, as a broken profile does: the popup says so, the archive search goes on.
    // The storage API the extension's browser seam uses (webextension-polyfill: the native `browser` where there is one).
    const api = `(globalThis.browser?.runtime?.id ? globalThis.browser : chrome)`;
    await browser.evaluateInBackground(`(() => {
      const local = ${api}.storage.local;
      local.realGet = local.get;
      local.get = () => Promise.reject(new Error('IO error: the profile database is corrupted'));
      return null;
    })()`);
    await search(popup, 'hezbollah');
    await popup.waitFor('.notes-error');
    expect(await popup.text('.notes-error')).toMatch(/^Notes could not be read: .*the profile database is corrupted/);
    expect(await eventually(async () => (await popup.texts('#article-results .hit-title')).includes(SEED_TITLE), true)).toBe(true);
    await popup.screenshot('popup-notes-unreadable');

    // Storage back: the note is there again.
    await browser.evaluateInBackground(`(() => { const local = ${api}.storage.local; local.get = local.realGet; return null; })()`);
    await search(popup, 'kept beside');
    expect(await eventually(async () => (await popup.texts('#note-results .snippet')).join('|'), 'Kept beside a damaged record.')).toBe('Kept beside a damaged record.');
    expect(await popup.count('.notes-error')).toBe(0);
    await popup.close();
    await page.close();
  });
});
