/**
 * Notes and highlights in a real browser (Chromium: stopping the worker needs the
 * DevTools protocol): they survive reloads, the worker being stopped, storage
 * failures, and export → import into a fresh profile.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SEED_URL,
  launchWithExtension,
  screenshot,
  seedArticlePage,
  sidebarFrame,
  serviceWorkerTargets,
  stopServiceWorker,
  storageReader,
  type ExtensionBrowser,
} from './harness';

const SEED_ID_KEY_PREFIX = 'notes:';

async function openSeed(browser: ExtensionBrowser): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.context.newPage();
  await page.goto(SEED_URL);
  const frame = await sidebarFrame(page);
  await frame.waitForSelector('.note-text');
  return { page, frame };
}

type StoredRecord = { note: { text: string }; highlights: Array<{ quote: { exact: string }; note: string }>; conflicts: Array<{ text: string }> };

/** Every stored notes record, read from storage.local by an extension page. */
async function storedNotes(reader: Page): Promise<StoredRecord[]> {
  return reader.evaluate(async (prefix) => {
    const all = await chrome.storage.local.get(null);
    return Object.entries(all).filter(([key]) => key.startsWith(prefix)).map(([, value]) => value) as never;
  }, SEED_ID_KEY_PREFIX);
}

async function waitSaved(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => document.querySelector('.save-state')?.textContent === 'Saved', null, { timeout: 10_000 });
}

/** Selects `phrase` in the archived text as a user would, then picks a selection-menu action. */
async function highlightPhrase(frame: Frame, phrase: string, action: '.make-highlight' | '.make-highlight-note'): Promise<void> {
  await frame.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('.text') as Node, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${text}" is not in the archived text`);
  }, phrase);
  await frame.click(action);
}

describe('notes and highlights (chromium)', () => {
  let browser: ExtensionBrowser;
  let reader: Page;
  beforeAll(async () => {
    browser = await launchWithExtension();
    browser.serve(SEED_URL, seedArticlePage());
    reader = await storageReader(browser);
  });
  afterAll(() => browser?.close());

  it('keeps a note and a highlight across a reload', async () => {
    const { page, frame } = await openSeed(browser);
    await frame.fill('.note-text', 'First **impression**: a drone strike in Baghdad.');
    await waitSaved(frame);
    await highlightPhrase(frame, 'remain steadfast', '.make-highlight-note');
    await frame.waitForSelector('.highlight-editor textarea');
    await frame.fill('.highlight-editor textarea', 'The militia’s own words.');
    await frame.click('.highlight-editor button[type="submit"]');
    await frame.waitForSelector('.highlight-item .markdown');

    await page.reload();
    const again = await sidebarFrame(page);
    await again.waitForSelector('mark.highlight');
    expect(await again.inputValue('.note-text')).toBe('First **impression**: a drone strike in Baghdad.');
    expect(await again.locator('mark.highlight').allTextContents()).toEqual(['remain steadfast']);
    expect(await again.locator('.highlight-item .markdown').innerText()).toBe('The militia’s own words.');
    await again.click('.preview-toggle');
    expect(await again.locator('.note-preview strong').innerText()).toBe('impression');
    await again.click('.preview-toggle');
    await screenshot(page, 'notes-sidebar-with-note-and-highlight');
    // Clicking a highlight in the list scrolls the text to it.
    await again.click('.highlight-item .highlight-quote');
    await again.waitForSelector('mark.highlight.flash');
    await again.waitForFunction(() => {
      const box = document.querySelector('mark.highlight')?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= innerHeight;
    });
    await screenshot(page, 'notes-sidebar-highlight-shown');
    await page.close();
  });

  it('deletes a highlight with undo', async () => {
    const { page, frame } = await openSeed(browser);
    await highlightPhrase(frame, 'blatant violation', '.make-highlight');
    await frame.waitForSelector('mark.highlight >> text=blatant violation');
    const item = frame.locator('.highlight-item', { hasText: 'blatant violation' });
    await item.locator('.highlight-delete').click();
    await frame.waitForSelector('.undo-delete');
    expect(await frame.locator('mark.highlight', { hasText: 'blatant violation' }).count()).toBe(0);
    await frame.click('.undo-delete');
    await frame.waitForSelector('mark.highlight >> text=blatant violation');
    expect((await storedNotes(reader))[0]?.highlights.map((h) => h.quote.exact)).toContain('blatant violation');
    await page.close();
  });

  it('loses nothing when the service worker is stopped between writes', async () => {
    const { page, frame } = await openSeed(browser);
    await frame.fill('.note-text', 'Written before the stop.');
    await expect.poll(async () => (await storedNotes(reader))[0]?.note.text, { timeout: 10_000 }).toBe('Written before the stop.');

    await browser.worker.evaluate(() => {
      (globalThis as { stopMarker?: string }).stopMarker = 'old instance';
    });
    await stopServiceWorker(browser, page);
    expect(await serviceWorkerTargets(browser, page)).toEqual([]);

    // The next autosave wakes a new worker instance, which stores it.
    await frame.fill('.note-text', 'Written before the stop.\nWritten after it.');
    await expect.poll(async () => (await storedNotes(reader))[0]?.note.text, { timeout: 10_000 }).toBe('Written before the stop.\nWritten after it.');
    expect(await browser.worker.evaluate(() => (globalThis as { stopMarker?: string }).stopMarker ?? 'new instance')).toBe('new instance');

    await highlightPhrase(frame, 'Popular Mobilization Forces', '.make-highlight');
    await frame.waitForSelector('mark.highlight >> text=Popular Mobilization Forces');
    await stopServiceWorker(browser, page);
    await page.reload();
    const again = await sidebarFrame(page);
    await again.waitForSelector('mark.highlight >> text=Popular Mobilization Forces');
    expect(await again.inputValue('.note-text')).toBe('Written before the stop.\nWritten after it.');
    await page.close();
  });

  it('shows a refused write, keeps the text, and saves it on retry', async () => {
    const { page, frame } = await openSeed(browser);
    await waitSaved(frame);
    // With unlimitedStorage no amount of data fills storage.local; a full disk still does. The
    // worker's storage is made to refuse writes as Chromium does then (its own error text),
    // from the extension's own context over the DevTools protocol: no page can do this.
    const worker = (await browser.context.serviceWorkers().at(-1)) ?? (await browser.context.waitForEvent('serviceworker'));
    await worker.evaluate(() => {
      const local = chrome.storage.local as unknown as { set: unknown; realSet?: unknown };
      local.realSet = local.set;
      local.set = () => {
        throw new Error('Resource::kQuotaBytes quota exceeded');
      };
    });
    await frame.fill('.note-text', 'Typed while storage is full: a longer note than before, which needs more room.');
    await frame.waitForSelector('.save-error');
    expect(await frame.locator('.save-error').innerText()).toMatch(/^Not saved: the browser's storage for Backstory is full \(.*quota.*\)\. Your text is still here\./);
    expect(await frame.inputValue('.note-text')).toBe('Typed while storage is full: a longer note than before, which needs more room.');
    await screenshot(page, 'notes-storage-full');

    await worker.evaluate(() => {
      const local = chrome.storage.local as unknown as { set: unknown; realSet?: unknown };
      local.set = local.realSet;
    });
    await frame.click('.save-error button');
    await waitSaved(frame);
    await expect.poll(async () => (await storedNotes(reader))[0]?.note.text, { timeout: 10_000 }).toBe('Typed while storage is full: a longer note than before, which needs more room.');
    expect(await frame.locator('.save-error').count()).toBe(0);
    await page.close();
  });

  it('saves past the 10 MB quota that would have refused it (unlimitedStorage), and the options page shows the use', async () => {
    const { page, frame } = await openSeed(browser);
    await waitSaved(frame);
    // Fill storage.local to Chromium's quota without unlimitedStorage, as years of other data might.
    const quota = await reader.evaluate(async () => {
      const used = await chrome.storage.local.getBytesInUse(null);
      await chrome.storage.local.set({ filler: 'x'.repeat(chrome.storage.local.QUOTA_BYTES - used - 'filler'.length - 2) });
      return chrome.storage.local.QUOTA_BYTES;
    });
    await frame.fill('.note-text', 'Typed while storage is past the old quota: a longer note than before, which needs more room.');
    await waitSaved(frame);
    await expect.poll(async () => (await storedNotes(reader))[0]?.note.text, { timeout: 10_000 }).toBe('Typed while storage is past the old quota: a longer note than before, which needs more room.');
    expect(await frame.locator('.save-error').count()).toBe(0);
    // No quota to foresee: no warning.
    expect(await frame.locator('.storage-warning').count()).toBe(0);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('.storage-usage .usage');
    expect(await options.locator('.storage-usage .usage').innerText()).toMatch(/^Your notes and settings use 10(\.\d)? MB of this browser's storage \(1 note\(s\), \d+ highlight\(s\)\)\.$/);
    expect(quota).toBe(10 * 1024 * 1024);
    await screenshot(options, 'notes-options-storage-usage');
    await reader.evaluate(() => chrome.storage.local.remove('filler'));
    await options.close();
    await page.close();
  });

  it('lists, searches and exports every note on the options page; import restores them in a fresh profile', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('.article-notes');
    const before = await storedNotes(reader);
    expect(before).toHaveLength(1);
    await options.fill('.notes-search', 'steadfast');
    expect(await options.locator('.article-notes').count()).toBe(1);
    await options.fill('.notes-search', 'no such words anywhere');
    expect(await options.locator('.article-notes').count()).toBe(0);
    await options.fill('.notes-search', '');
    await screenshot(options, 'notes-options-page');

    const exported = async (button: string): Promise<string> => {
      const [download] = await Promise.all([options.waitForEvent('download'), options.click(button)]);
      return readFileSync(await download.path(), 'utf8');
    };
    const markdown = await exported('.export-markdown');
    expect(markdown).toContain('> remain steadfast');
    const jsonLd = JSON.parse(await exported('.export-jsonld')) as { type: string; first: { items: Array<{ type: string; target: unknown }> } };
    expect(jsonLd.type).toBe('AnnotationCollection');
    expect(jsonLd.first.items.length).toBe(1 + (before[0]?.highlights.length ?? 0));
    const backup = await exported('.export-json');

    const fresh = await launchWithExtension();
    try {
      fresh.serve(SEED_URL, seedArticlePage());
      const freshOptions = await fresh.context.newPage();
      await freshOptions.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      await freshOptions.waitForSelector('h1');

      // A malformed file: a clear error, nothing imported.
      await freshOptions.setInputFiles('input[type="file"]', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"backstory-notes","schemaVersion":1,"records":[{"articleId":"nope"}]}') });
      await freshOptions.waitForSelector('.import-error');
      expect(await freshOptions.locator('.import-error').innerText()).toMatch(/Nothing was imported: record 1 cannot be imported/);

      await freshOptions.setInputFiles('input[type="file"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
      await freshOptions.waitForSelector('.import-apply');
      expect(await freshOptions.locator('.import-summary').innerText()).toMatch(/add 1, update 0 and skip 0/);
      await freshOptions.click('.import-apply');
      await freshOptions.waitForSelector('text=Imported: 1 added');
      await freshOptions.waitForSelector('.article-notes');

      const page = await fresh.context.newPage();
      await page.goto(SEED_URL);
      const frame = await sidebarFrame(page);
      await frame.waitForSelector('mark.highlight');
      expect(await frame.inputValue('.note-text')).toBe(before[0]?.note.text);
      expect((await frame.locator('mark.highlight').allTextContents()).sort()).toEqual(before[0]?.highlights.map((h) => h.quote.exact).sort());
      expect(await frame.locator('.conflict-text').allTextContents()).toEqual(before[0]?.conflicts.map((c) => c.text));

      // Importing the same backup again adds nothing.
      await freshOptions.setInputFiles('input[type="file"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
      await freshOptions.waitForSelector('.import-summary >> text=skip 1');
    } finally {
      await fresh.close();
    }
    await options.close();
  });

  it('answers notes/search for the popup, and syncs what fits when the user turns sync on', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.waitForSelector('.article-notes');
    const search = (query: string) =>
      options.evaluate(
        (payload) => chrome.runtime.sendMessage({ channel: 'backstory/1', type: 'notes/search', payload }),
        { query, limit: 5 },
      ) as Promise<{ ok: boolean; value: Array<{ kind: string; text: string; articleTitle: string }> }>;
    const recent = await search('');
    expect(recent.ok).toBe(true);
    expect(recent.value.length).toBeGreaterThan(1);
    expect((await search('own words')).value.map((r) => [r.kind, r.text])).toEqual([['highlight', '“remain steadfast” — The militia’s own words.']]);

    expect(await options.locator('.sync-toggle').isChecked()).toBe(false);
    expect(await reader.evaluate(() => chrome.storage.sync.get(null))).toEqual({});
    await options.check('.sync-toggle');
    await options.waitForSelector('.sync-count');
    const synced = await reader.evaluate(() => chrome.storage.sync.get(null));
    expect(Object.keys(synced)).toEqual([expect.stringMatching(/^n:[0-9a-f]{16}$/)]);

    // A note too large for one sync item stays local, and the options page says so.
    const { page, frame } = await openSeed(browser);
    await frame.fill('.note-text', 'Long note. '.repeat(900));
    await expect.poll(async () => (await storedNotes(reader))[0]?.note.text.length, { timeout: 10_000 }).toBe('Long note. '.length * 900);
    await options.waitForSelector('.not-synced li');
    expect(await options.locator('.not-synced li').innerText()).toMatch(/too large for one sync item/);
    expect(await reader.evaluate(() => chrome.storage.sync.get(null))).toEqual({});
    await screenshot(options, 'notes-options-sync');
    await page.close();
    await options.close();
  });

  it('re-anchors a highlight whose text changed a little, and lists one whose text is gone as orphaned', async () => {
    const fresh = await launchWithExtension();
    try {
      fresh.serve(SEED_URL, seedArticlePage());
      const options = await fresh.context.newPage();
      await options.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      await options.waitForSelector('h1');
      const highlight = (id: string, exact: string, start: number) => ({
        id,
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
        note: `note on ${id}`,
        quote: { type: 'TextQuoteSelector', exact, prefix: 'has vowed to “', suffix: '” in the militia’s' },
        position: { type: 'TextPositionSelector', start, end: start + exact.length },
      });
      // As if made on an earlier build of the archive text: one quote slightly different, one gone.
      const backup = {
        format: 'backstory-notes',
        schemaVersion: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
        records: [
          {
            schemaVersion: 1,
            articleId: '31f14c63a51e4b00',
            articleTitle: 'Iraqi Militias Vow',
            url: SEED_URL,
            note: { text: '', tags: [], revision: 1, updatedAt: 1_700_000_000_000 },
            highlights: [highlight('fuzzy', 'remain stedfast', 9000), highlight('gone', 'a passage the archive no longer has at all', 20)],
            conflicts: [],
            updatedAt: 1_700_000_000_000,
          },
        ],
      };
      await options.setInputFiles('input[type="file"]', { name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
      await options.click('.import-apply');
      await options.waitForSelector('text=Imported: 1 added');

      const page = await fresh.context.newPage();
      await page.goto(SEED_URL);
      const frame = await sidebarFrame(page);
      await frame.waitForSelector('mark.highlight');
      expect(await frame.locator('mark.highlight').allTextContents()).toEqual(['remain steadfast']);
      expect(await frame.locator('.orphaned-list .highlight-quote').allTextContents()).toEqual(['a passage the archive no longer has at all']);
      expect(await frame.locator('.orphaned-list .markdown').innerText()).toBe('note on gone');
      await page.close();
    } finally {
      await fresh.close();
    }
  });
});
