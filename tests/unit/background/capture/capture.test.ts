/**
 * The worker's side of "Archive this page" over fakes of the browser: what the page script
 * answers is untrusted and checked; the article is stored under the archive's id for its
 * URL key, found again on its URL's variants; an article already archived is not
 * captured again; a failing entity extractor does not lose the capture.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { urlKey } from '../../../../src/shared/url-key';
import { catalogArchiveFetch } from '../../helpers/packed-archive';

const fake: { browser: FakeBrowser & Record<string, unknown> } = vi.hoisted(() => ({ browser: undefined as never }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
  t: (key: string) => key,
}));
const extract = vi.hoisted(() => ({ fn: vi.fn(async (_text: string): Promise<unknown[]> => []) }));
vi.mock('../../../../src/background/capture/entities', () => ({ extractCapturedEntities: (text: string) => extract.fn(text) }));

type Capture = typeof import('../../../../src/background/capture/capture');
type Store = typeof import('../../../../src/background/capture/store');
type Archive = typeof import('../../../../src/background/archive');
let capture: Capture;
let store: Store;
let archive: Archive;

const PAGE_URL = 'https://www.ledger.example/news/2024/harbour-plan?utm_source=feed';
const TAB = 7;
const PARAGRAPHS = ['The council voted on Tuesday evening to approve the new harbour plan.', 'Supporters said the plan would bring jobs to the waterfront.'];

const page = (overrides: Record<string, unknown> = {}) => ({
  ok: true,
  page: {
    url: PAGE_URL,
    title: 'Harbour plan approved',
    site: 'The Coastal Ledger',
    summary: 'A long debate ended in a vote.',
    paragraphs: PARAGRAPHS,
    published: { date: '2024-02-08', source: 'meta', refused: null },
    truncated: null,
    ...overrides,
  },
});

let scriptAnswer: unknown;
const injected: string[] = [];

beforeEach(async () => {
  const base = fakeBrowser();
  fake.browser = {
    ...base,
    tabs: { get: vi.fn(async (id: number) => ({ id, url: PAGE_URL })), sendMessage: vi.fn(async () => Promise.reject(new Error('Receiving end does not exist'))) },
    scripting: {
      executeScript: vi.fn(async ({ files }: { files: string[] }) => {
        injected.push(...files);
        return files[0] === 'capture.js' ? [{ result: scriptAnswer }] : [{ result: undefined }];
      }),
    },
    action: { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined), setTitle: vi.fn(async () => undefined) },
  };
  injected.length = 0;
  scriptAnswer = page();
  extract.fn.mockReset().mockResolvedValue([]);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // The bundled archive: one article, on another address.
  vi.stubGlobal(
    'fetch',
    catalogArchiveFetch(
      { '31f14c63a51e4b00': { id: '31f14c63a51e4b00', url: 'https://sputnikglobe.com/a.html', title: 'Bundled', date: '2024-02-08', host: 'sputnikglobe.com' } },
      { urls: { 'sputnikglobe.com/a.html': '31f14c63a51e4b00' } },
    ),
  );
  vi.resetModules();
  capture = await import('../../../../src/background/capture/capture');
  store = await import('../../../../src/background/capture/store');
  archive = await import('../../../../src/background/archive');
});

describe('captureTab', () => {
  it('stores the page as an article under the archive’s id for its URL key, and shows its sidebar', async () => {
    const outcome = await capture.captureTab(TAB, new Date('2025-06-01T12:00:00Z'));
    const key = urlKey(PAGE_URL);
    const id = await capture.articleIdOf(key);
    expect(outcome).toEqual({ status: 'archived', articleId: id, title: 'Harbour plan approved', truncated: null, refusedDate: null });
    const stored = await store.getCaptured(id);
    expect(stored).toMatchObject({ key: 'ledger.example/news/2024/harbour-plan', host: 'ledger.example', date: '2024-02-08', dateSource: 'meta', site: 'The Coastal Ledger', paragraphs: PARAGRAPHS, entitiesExtracted: true });
    expect(injected).toEqual(['capture.js', 'content.js']);
    // The URL index finds it on every variant of its address, as a bundled article.
    for (const variant of ['http://ledger.example/news/2024/harbour-plan/', 'https://m.ledger.example/news/2024/harbour-plan#comments', 'https://amp.ledger.example/amp/news/2024/harbour-plan']) {
      expect(await archive.workerArchive.articleIdForKey(urlKey(variant)), variant).toBe(id);
    }
    expect(await archive.workerArchive.catalogEntry(id)).toMatchObject({ id, title: 'Harbour plan approved', captured: true });
    // Its text too, for the notes exports and the annotation imports.
    expect((await archive.workerArchive.article(id)).paragraphs).toEqual(PARAGRAPHS);
    expect(await archive.workerArchive.catalogEntry('31f14c63a51e4b00')).toMatchObject({ title: 'Bundled' });
  });

  it('stores the ids the archive compiler gives (first 64 bits of SHA-256 of the key)', async () => {
    const { createHash } = await import('node:crypto');
    const key = 'ledger.example/news/2024/harbour-plan';
    expect(await capture.articleIdOf(key)).toBe(createHash('sha256').update(key).digest('hex').slice(0, 16));
  });

  it('does not capture an article already archived, bundled or captured: it shows its sidebar', async () => {
    (fake.browser.tabs as { get: unknown }).get = vi.fn(async () => ({ id: TAB, url: 'https://www.sputnikglobe.com/a.html' }));
    expect(await capture.captureTab(TAB)).toEqual({ status: 'already-archived', articleId: '31f14c63a51e4b00', title: 'Bundled' });
    expect(injected).toEqual(['content.js']);
  });

  it('answers no-article and too-large as the page script says, storing nothing', async () => {
    scriptAnswer = { ok: false, reason: 'no-article' };
    expect(await capture.captureTab(TAB)).toEqual({ status: 'no-article' });
    scriptAnswer = { ok: false, reason: 'too-large' };
    expect(await capture.captureTab(TAB)).toEqual({ status: 'too-large' });
    expect(await store.listCaptured()).toEqual([]);
  });

  it('refuses what a hostile page script could answer: wrong shapes, oversized text, bad dates', async () => {
    const hostile: unknown[] = [
      undefined,
      'a string',
      { ok: true, page: { ...page().page, extra: 'field' } },
      page({ paragraphs: ['x'.repeat(20_001)] }),
      page({ paragraphs: Array.from({ length: 2_001 }, () => 'p') }),
      page({ title: 'x'.repeat(1_001) }),
      page({ published: { date: '2024-02-30', source: 'meta', refused: null } }),
      page({ published: { date: '2024-02-08', source: 'a server', refused: null } }),
      page({ url: 'javascript:alert(1)' }),
    ];
    for (const answer of hostile) {
      scriptAnswer = answer;
      await expect(capture.captureTab(TAB), JSON.stringify(answer)?.slice(0, 80)).rejects.toMatchObject({ code: 'page-unreadable' });
    }
    expect(await store.listCaptured()).toEqual([]);
  });

  it('stores nothing when the page moved to another address while it was read', async () => {
    scriptAnswer = page({ url: 'https://www.ledger.example/news/2024/another-story' });
    await expect(capture.captureTab(TAB)).rejects.toMatchObject({ code: 'page-unreadable', message: expect.stringContaining('changed its address') });
    expect(await store.listCaptured()).toEqual([]);
  });

  it('gives up on a page that never answers (its scripts hold the thread), saying so', async () => {
    // Only the timers the capture's wait uses: the archive reader's decompression runs on real ones.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const hangs = vi.fn(() => new Promise(() => undefined));
      (fake.browser.scripting as { executeScript: unknown }).executeScript = hangs;
      const outcome = capture.captureTab(TAB);
      // The wait starts when the page script is injected (after the archive lookups).
      await vi.waitFor(() => expect(hangs).toHaveBeenCalled());
      const checked = expect(outcome).rejects.toMatchObject({ code: 'page-unreadable', message: expect.stringContaining('did not answer within 15 s') });
      await vi.advanceTimersByTimeAsync(capture.PAGE_ANSWER_MS);
      await checked;
    } finally {
      vi.useRealTimers();
    }
    expect(await store.listCaptured()).toEqual([]);
  });

  it('keeps the capture without entities when the extractor fails', async () => {
    extract.fn.mockRejectedValue(new Error('the entity extractor could not be loaded'));
    const outcome = await capture.captureTab(TAB);
    expect(outcome.status).toBe('archived');
    const [summary] = await store.listCaptured();
    expect(await store.getCaptured(summary!.id)).toMatchObject({ entities: [], entitiesExtracted: false });
  });

  it('says the page cannot be read when the browser refuses the tab (no user action granted it)', async () => {
    (fake.browser.scripting as { executeScript: unknown }).executeScript = vi.fn(async () => Promise.reject(new Error('Cannot access contents of the page')));
    await expect(capture.captureTab(TAB)).rejects.toMatchObject({ code: 'tab-unreachable', message: expect.stringContaining('Cannot access contents of the page') });
  });

  it('answers not-a-page for what is not an http(s) page', async () => {
    (fake.browser.tabs as { get: unknown }).get = vi.fn(async () => ({ id: TAB, url: 'chrome://settings/' }));
    expect(await capture.captureTab(TAB)).toEqual({ status: 'not-a-page' });
    (fake.browser.tabs as { get: unknown }).get = vi.fn(async () => ({ id: TAB }));
    expect(await capture.captureTab(TAB)).toEqual({ status: 'not-a-page' });
  });

  it('captures nothing in a private window until the user turns capture on there', async () => {
    (fake.browser.tabs as { get: unknown }).get = vi.fn(async (id: number) => ({ id, url: PAGE_URL, incognito: true }));
    expect(await capture.captureTab(TAB)).toEqual({ status: 'private-window' });
    expect(injected).toEqual([]);
    expect(await store.listCaptured()).toEqual([]);
    const { setCaptureInPrivateWindows } = await import('../../../../src/background/capture/private-windows');
    await setCaptureInPrivateWindows(true);
    expect(await capture.captureTab(TAB)).toMatchObject({ status: 'archived' });
  });
});
