/** Damaged notes records: listed with what was wrong, exported, deleted only on request, with Undo. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EXTENSION_PAGE } from '../../helpers/senders';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { ARTICLE_ID, OTHER_ARTICLE_ID, record } from '../../helpers/records';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));

const { damagedHandlers } = await import('../../../../src/background/notes/damaged-handlers');
const { readAllRecords, readQuarantined } = await import('../../../../src/background/notes/store');

const page = EXTENSION_PAGE;
const future = { ...record(), schemaVersion: 99 };
const broken = { ...record({}, OTHER_ARTICLE_ID), highlights: 'none' };

beforeEach(async () => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  fake.browser.storage.local.data.set(`notes:${ARTICLE_ID}`, future);
  fake.browser.storage.local.data.set(`notes:${OTHER_ARTICLE_ID}`, broken);
  await readAllRecords(); // sets both aside
});

describe('damaged records', () => {
  it('are exported whole, with the key they were under and what was wrong', async () => {
    const file = await damagedHandlers['notes/export-damaged']({}, page);
    expect(file).toMatchObject({ mimeType: 'application/json', filename: expect.stringMatching(/^backstory-damaged-records-\d{4}-\d\d-\d\d\.json$/) });
    const content = JSON.parse(file.content) as { format: string; records: Array<{ id: string; key: string; reason: string; value: unknown }> };
    expect(content.format).toBe('backstory-damaged-records');
    const byKey = Object.fromEntries(content.records.map((r) => [r.key, r]));
    expect(byKey[`notes:${ARTICLE_ID}`]).toMatchObject({ value: future, reason: expect.stringMatching(/schemaVersion 99 is newer/) });
    expect(byKey[`notes:${OTHER_ARTICLE_ID}`]).toMatchObject({ value: broken, reason: expect.stringMatching(/invalid record: .*highlights/) });
  });

  it('are deleted only when asked, and Undo puts one back as it was', async () => {
    const [first, second] = await readQuarantined();
    if (!first || !second) throw new Error('expected two damaged records');
    const deleted = await damagedHandlers['notes/delete-damaged']({ id: first.id }, page);
    expect(deleted).toEqual(first);
    expect((await readQuarantined()).map((r) => r.id)).toEqual([second.id]);
    await expect(damagedHandlers['notes/delete-damaged']({ id: first.id }, page)).rejects.toThrow(/no longer there/);
    await damagedHandlers['notes/restore-damaged']({ record: deleted }, page);
    expect((await readQuarantined()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([first, second].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('cannot be used to delete or write anything but a damaged record', async () => {
    fake.browser.storage.local.data.set('settings', { schemaVersion: 1 });
    await expect(damagedHandlers['notes/delete-damaged']({ id: 'settings' }, page)).rejects.toThrow();
    await expect(damagedHandlers['notes/restore-damaged']({ record: { id: 'notes:x', key: 'k', reason: 'r', at: 0, value: 1 } }, page)).rejects.toThrow();
    expect(fake.browser.storage.local.data.get('settings')).toEqual({ schemaVersion: 1 });
    expect(fake.browser.storage.local.data.has('notes:x')).toBe(false);
  });
});
