/**
 * The popup shows the bundled archive's hits without waiting on the worker, and the user's
 * captured hits join them when the worker answers (Chromium). Here the worker's answer is
 * held back by the test (the popup page's own runtime.sendMessage, wrapped from outside),
 * so that the captured hit arrives after the bundled ones have painted and the user has
 * chosen a row: it still appears, labelled "Archived by you", below the chosen row, which
 * stays where it was.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT_VERSION } from '../../src/shared/archive-format';
import { CAPTURE_SCHEMA_VERSION, type CapturedArticle } from '../../src/shared/captured-article';
import { urlKey } from '../../src/shared/url-key';
import { FIXTURE_TITLE, launchWithExtension, openPopup, type ExtensionBrowser } from './harness';

const URL_OF = 'https://briefings.example/2024/02/kirby-briefing.html';
const TITLE = 'Kirby briefing: Kirby says Kirby expects more strikes';
const captured = {
  schemaVersion: CAPTURE_SCHEMA_VERSION,
  format: ARCHIVE_FORMAT_VERSION,
  id: 'c0ffee00beef0001',
  url: URL_OF,
  key: urlKey(URL_OF),
  host: 'briefings.example',
  date: '2026-01-01', // newer than every bundled article
  title: TITLE,
  summary: 'John Kirby spoke to reporters.',
  paragraphs: ['John Kirby told reporters that Kirby and the council expected more strikes.', 'Kirby would not say where.'],
  entities: [],
  site: 'Briefings',
  capturedAt: 1_767_000_000_000,
  dateSource: 'meta',
  refusedDate: null,
  truncated: null,
  entitiesExtracted: false,
} satisfies CapturedArticle;
const BACKUP = JSON.stringify({ format: 'backstory-notes', schemaVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z', records: [], captured: [captured] });

/** Sends a worker message from an extension page, as src/shared/messages/to-worker.ts does. */
function ask(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(async ({ type, payload }) => {
    const reply = (await chrome.runtime.sendMessage({ channel: 'backstory/1', type, payload })) as { ok: boolean; value?: unknown; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }, { type, payload });
}

const titles = (page: Page): Promise<string[]> => page.locator('#article-results .hit-title').allTextContents();

describe('popup: captured hits that arrive late', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    const page = await openPopup(browser);
    await ask(page, 'notes/import', { content: BACKUP, apply: true });
    // The worker indexes the import in the background: wait until its search names it.
    await page.waitForFunction(async () => {
      const reply = (await chrome.runtime.sendMessage({ channel: 'backstory/1', type: 'capture/search', payload: { query: 'kirby', limit: 5 } })) as { value?: { total: number } };
      return (reply.value?.total ?? 0) > 0;
    }, null, { polling: 100, timeout: 20_000 });
    await page.close();
  });
  afterAll(() => browser?.close());

  it('paints the bundled hits first; a captured hit joins below the chosen row, which does not move', async () => {
    const popup = await openPopup(browser);
    await popup.waitForSelector('.hit-title');
    // Hold every captured search this page sends until the test lets it go.
    await popup.evaluate(() => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      (globalThis as { releaseCaptured?: () => void }).releaseCaptured = release;
      // The polyfill uses the browser's own browser namespace where there is one, else chrome.
      const runtimes = new Set([chrome.runtime, (globalThis as { browser?: { runtime?: typeof chrome.runtime } }).browser?.runtime].filter(Boolean));
      for (const runtime of runtimes as Set<{ sendMessage: (...args: unknown[]) => unknown }>) {
        const original = runtime.sendMessage.bind(runtime);
        runtime.sendMessage = (...args: unknown[]) =>
          (args[0] as { type?: string } | undefined)?.type === 'capture/search' ? gate.then(() => original(...args)) : original(...args);
      }
    });
    const marks = (name: string): Promise<number> => popup.evaluate((mark) => performance.getEntriesByName(mark).length, name);
    const painted = async (typed: string): Promise<void> => {
      const before = await marks('backstory:search-results');
      await popup.fill('.search-box', typed);
      await popup.waitForFunction((count) => performance.getEntriesByName('backstory:search-results').length > count, before);
    };
    // A query: the bundled hits paint while the worker's answer is held.
    const merged = await marks('backstory:search-merged');
    await painted('kirby');
    expect(await titles(popup)).toContain(FIXTURE_TITLE);
    expect(await titles(popup)).not.toContain(TITLE);
    // Back to the recent articles (asked anew, held too): the captured one is the newest of all, so by date it comes first.
    await painted('');
    const before = await titles(popup);
    expect(before).not.toContain(TITLE);
    expect(await popup.locator('#article-results .by-you').count()).toBe(0);
    expect(await marks('backstory:search-merged')).toBe(merged);
    // The top row is the chosen one until the user moves (Enter opens it).
    expect(await popup.locator('.hit.active .hit-title').textContent()).toBe(before[0]);

    await popup.evaluate(() => (globalThis as unknown as { releaseCaptured: () => void }).releaseCaptured());
    await popup.waitForSelector('#article-results .by-you');
    const after = await titles(popup);
    // Held back, it goes right below the chosen row, not above it; the other rows keep their order.
    expect(after).toEqual([before[0], TITLE, ...before.slice(1)]);
    expect(await popup.locator('#article-results .hit').nth(1).locator('.by-you').textContent()).toMatch(/Archived by you/);
    expect(await popup.locator('.hit.active .hit-title').textContent()).toBe(before[0]);
    // The second mark: every source merged.
    await popup.waitForFunction((count) => performance.getEntriesByName('backstory:search-merged').length > count, merged);
    await popup.close();
  });
});
