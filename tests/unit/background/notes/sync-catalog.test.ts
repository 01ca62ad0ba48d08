/**
 * A record synced in from another browser is a claim like an imported one (issue 15, hole
 * 4): stored under an archived article it takes the catalog's title and address, whatever
 * it says; a record for an article this archive does not have is kept, and listed apart
 * with its address only if it is http(s). Driven through the worker's own handlers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { ARTICLE_ID, OTHER_ARTICLE_ID, record } from '../../helpers/records';
import { EXTENSION_PAGE } from '../../helpers/senders';
import { catalogArchiveFetch } from '../../helpers/packed-archive';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
  t: (key: string) => key,
}));

const { notesHandlers } = await import('../../../../src/background/notes/handlers');

const ENTRY = { id: ARTICLE_ID, url: 'https://sputnikglobe.com/20240208/iraqi-militias.html', title: 'Iraqi Militias Vow', date: '2024-02-08', host: 'sputnikglobe.com' };
const sender = EXTENSION_PAGE;

describe('a record synced in from another browser', () => {
  beforeEach(() => {
    fake.browser = fakeBrowser();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal(
      'fetch',
      catalogArchiveFetch({ [ARTICLE_ID]: ENTRY }),
    );
  });
  afterEach(() => vi.restoreAllMocks());

  it('takes the catalog’s title and address, and a record the archive does not have is listed apart, never as a link', async () => {
    const forged = record({ articleTitle: 'Forged title', url: 'javascript:alert(1)', note: { text: 'synced words', tags: [], revision: 3, updatedAt: 1 } });
    const elsewhere = record({ articleTitle: 'From another archive', url: 'javascript:alert(2)', note: { text: 'elsewhere words', tags: [], revision: 1, updatedAt: 1 } }, OTHER_ARTICLE_ID);
    await fake.browser.storage.sync.set({
      [`n:${ARTICLE_ID}`]: { deviceId: 'other-browser', record: forged },
      [`n:${OTHER_ARTICLE_ID}`]: { deviceId: 'other-browser', record: elsewhere },
    });
    await notesHandlers['notes/set-sync']({ enabled: true }, sender);

    const listed = await notesHandlers['notes/list']({}, sender);
    expect(listed.records.map((r) => [r.articleId, r.articleTitle, r.url, r.note.text])).toEqual([[ARTICLE_ID, ENTRY.title, ENTRY.url, 'synced words']]);
    expect(listed.notInArchive.map((r) => [r.articleId, r.note.text])).toEqual([[OTHER_ARTICLE_ID, 'elsewhere words']]);
    expect(JSON.stringify(listed)).not.toContain('javascript:');
    // Stored as placed, not only listed so: the popup's search and the exports read the same store.
    expect(fake.browser.storage.local.data.get(`notes:${ARTICLE_ID}`)).toMatchObject({ articleTitle: ENTRY.title, url: ENTRY.url });
  });
});
