/**
 * The user's own archive in Chromium and Firefox, on the shipped build: a backup with a
 * captured article (and a note on it) imported from the options page's file input; the
 * popup finds the article by a word of its text and labels it "Archived by you"; the
 * options page lists it, deletes it (saying it had notes) and puts it back with Undo;
 * deleted, the popup no longer finds it; the backup the export writes brings it back with
 * its note. The worker is asked only from the extension's own pages, as they ask it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT_VERSION } from '../../src/shared/archive-format';
import { CAPTURE_SCHEMA_VERSION, type CapturedArticle } from '../../src/shared/captured-article';
import { urlKey } from '../../src/shared/url-key';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser, TestFrame, TestPage } from './drivers/types';
import { FIXTURE_TITLE, FIXTURE_URL, eventually, plainPage } from './fixtures';

const ID = 'c0ffee00c0ffee00';
const URL_OF = 'https://harbour-news.example/2025/05/cranes-stall.html';
const TITLE = 'Harbour cranes stall as dockworkers walk out in Rotterdam';
const NOTE = 'Compare with the 2019 strike.';

const captured = {
  schemaVersion: CAPTURE_SCHEMA_VERSION,
  format: ARCHIVE_FORMAT_VERSION,
  id: ID,
  url: URL_OF,
  key: urlKey(URL_OF),
  host: 'harbour-news.example',
  date: '2025-05-12',
  title: TITLE,
  summary: 'Container traffic slowed on Monday.',
  paragraphs: ['Dockworkers walked out over the automation of the quay cranes, the union said.', 'Shipping lines diverted vessels to Antwerp.'],
  entities: [],
  site: 'Harbour News',
  capturedAt: 1_767_000_000_000,
  dateSource: 'meta',
  refusedDate: null,
  truncated: null,
  entitiesExtracted: false,
} satisfies CapturedArticle; // typed, so the record follows the store's schema
const note = {
  schemaVersion: 1,
  articleId: ID,
  articleTitle: TITLE,
  url: URL_OF,
  note: { text: NOTE, tags: [], revision: 1, updatedAt: 1_767_000_100_000 },
  highlights: [],
  conflicts: [],
  updatedAt: 1_767_000_100_000,
};
const BACKUP = JSON.stringify({ format: 'backstory-notes', schemaVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z', records: [note], captured: [captured] });

/** Picks a backup in the options page's import input, through the driver's file chooser. */
const importFile = (options: TestFrame, content: string): Promise<void> =>
  options.chooseFile('input[type="file"]', { name: 'backup.json', mimeType: 'application/json', content });

/** The worker's answer to a message from this extension page (as src/shared/messages/to-worker.ts sends it). */
function ask<T>(frame: TestFrame, type: string, payload: unknown): Promise<T> {
  return frame.evaluate(
    async ({ type, payload }) => {
      const api = (globalThis as { browser?: typeof chrome }).browser?.runtime?.id ? (globalThis as unknown as { browser: typeof chrome }).browser : chrome;
      const reply = (await api.runtime.sendMessage({ channel: 'backstory/1', type, payload })) as { ok: boolean; value?: T; error?: string };
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as T;
    },
    { type, payload },
  );
}

async function search(popup: TestPage, query: string): Promise<void> {
  await popup.evaluate(() => document.querySelector<HTMLInputElement>('.search-box')?.select(), null);
  await popup.type('.search-box', query);
}

const hitTitles = (popup: TestPage) => popup.texts('#article-results .hit-title');

describe.each(testBrowsers())('captured articles in %s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
    browser.serve(FIXTURE_URL, plainPage(FIXTURE_TITLE));
  });
  afterAll(() => browser?.close());

  it('imports a captured article from a backup, finds it in the popup, deletes it with Undo, and restores it from the export', async () => {
    const page = await browser.open(FIXTURE_URL);
    let options = await page.openExtensionWindow('options.html');
    await options.waitFor('.captured-articles');
    await importFile(options, BACKUP);
    await options.waitFor('.import-apply');
    expect(await options.text('.import-captured')).toMatch(/1 to add, 0 already here/);
    await options.click('.import-apply');
    expect(await eventually(async () => (await options.texts('.captured-title')).join('|'), TITLE)).toBe(TITLE);
    expect(await options.text('.captured-has-notes')).toMatch(/has your notes/);

    // The popup: found by words of its text (a prefix and a typo too), labelled as the user's.
    await options.close();
    let popup = await page.openExtensionWindow('popup.html');
    await popup.waitFor('.search-box');
    for (const query of ['dockworkers', 'automat', 'antwep']) {
      await search(popup, query);
      expect(await eventually(async () => (await hitTitles(popup)).includes(TITLE) && (await popup.count('#article-results .by-you')) === 1, true)).toBe(true);
    }
    expect(await popup.text('#article-results .by-you')).toMatch(/Archived by you/);
    await popup.screenshot('captured-popup-archived-by-you');
    // The bundled archive is searched beside it, behind the same box.
    await search(popup, 'kirby');
    expect(await eventually(async () => (await hitTitles(popup)).includes(FIXTURE_TITLE), true)).toBe(true);
    expect(await popup.count('#article-results .by-you')).toBe(0);

    // Options: filter, delete (it had notes: said), Undo.
    await popup.close();
    options = await page.openExtensionWindow('options.html');
    await options.waitFor('.captured-article');
    const exported = (await ask<{ content: string }>(options, 'notes/export', { format: 'json' })).content;
    expect(JSON.parse(exported).captured.map((a: { id: string }) => a.id)).toEqual([ID]);
    await options.type('.captured-search', 'harbour news');
    expect(await options.count('.captured-article')).toBe(1);
    await options.click('.delete-captured');
    await options.waitFor('.undo-delete-captured');
    expect(await options.text('.captured-articles .undo')).toMatch(/It had your notes: they are kept/);
    await options.screenshot('captured-options-deleted-undo');
    expect(await options.count('.captured-article')).toBe(0);
    await options.click('.undo-delete-captured');
    expect(await eventually(() => options.count('.captured-article'), 1)).toBe(1);

    // Deleted for good: the popup no longer finds it; the exported backup brings it back, with its note.
    await options.click('.delete-captured');
    await options.waitFor('.undo-delete-captured');
    await options.close();
    popup = await page.openExtensionWindow('popup.html');
    await popup.waitFor('.search-box');
    await search(popup, 'rotterdam');
    await popup.waitFor('.no-results');
    await popup.close();
    options = await page.openExtensionWindow('options.html');
    await options.waitFor('.captured-articles');
    await importFile(options, exported);
    await options.waitFor('.import-apply');
    expect(await options.text('.import-captured')).toMatch(/1 to add/);
    await options.click('.import-apply');
    expect(await eventually(async () => (await options.texts('.captured-title')).join('|'), TITLE)).toBe(TITLE);
    await options.screenshot('captured-options-restored');
    const notes = await ask<{ records: Array<{ articleId: string; note: { text: string }; articleTitle: string }> }>(options, 'notes/list', {});
    expect(notes.records.find((r) => r.articleId === ID)).toMatchObject({ articleTitle: TITLE, note: { text: NOTE } });

    // A hostile backup is refused with the reason, and nothing is lost.
    await importFile(options, JSON.stringify({ format: 'backstory-notes', schemaVersion: 1, records: [], captured: [{ ...captured, id: 'c0ffee00c0ffee01', url: 'javascript:alert(1)' }] }));
    expect(await eventually(async () => /captured article 1 cannot be imported: .*the address must be http\(s\)/.test((await options.text('.import-error')) ?? ''), true)).toBe(true);
    expect(await options.count('.captured-article')).toBe(1);
    await options.screenshot('captured-options-hostile-backup');
    await options.close();
    popup = await page.openExtensionWindow('popup.html');
    await popup.waitFor('.search-box');
    await search(popup, 'dockworkers');
    expect(await eventually(async () => (await hitTitles(popup)).includes(TITLE), true)).toBe(true);
    await popup.close();
    await page.close();
  });
});
