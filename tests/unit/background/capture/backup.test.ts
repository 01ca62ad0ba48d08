/**
 * Captured articles in the JSON backup through the worker's handlers: exported whole,
 * restored by import with the notes written on them, a hostile or broken backup refused
 * with the reason and nothing changed; and the options page's list, delete and Undo.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { capturedArticle } from '../../helpers/captured';
import { record } from '../../helpers/records';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
  t: (key: string) => key,
}));

type NotesHandlers = typeof import('../../../../src/background/notes/handlers');
type CapturedHandlers = typeof import('../../../../src/background/capture/captured-handlers');
type Store = typeof import('../../../../src/background/capture/store');
type Backup = typeof import('../../../../src/background/capture/backup');
type NotesStore = typeof import('../../../../src/background/notes/store');
let notesHandlers: NotesHandlers['notesHandlers'];
let capturedHandlers: CapturedHandlers['capturedHandlers'];
let putCaptured: Store['putCaptured'];
let getCaptured: Store['getCaptured'];
let listCaptured: Store['listCaptured'];
let planCapturedImport: Backup['planCapturedImport'];
let readRecord: NotesStore['readRecord'];
let updateRecord: NotesStore['updateRecord'];

/** A new worker per test: its modules keep the captured index in memory for their life. */
async function loadWorker(): Promise<void> {
  vi.resetModules();
  ({ notesHandlers } = await import('../../../../src/background/notes/handlers'));
  ({ capturedHandlers } = await import('../../../../src/background/capture/captured-handlers'));
  ({ putCaptured, getCaptured, listCaptured } = await import('../../../../src/background/capture/store'));
  ({ planCapturedImport } = await import('../../../../src/background/capture/backup'));
  ({ readRecord, updateRecord } = await import('../../../../src/background/notes/store'));
}
import { EXTENSION_PAGE } from '../../helpers/senders';
import { catalogArchiveFetch } from '../../helpers/packed-archive';

const page = EXTENSION_PAGE;
const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

beforeEach(async () => {
  fake.browser = fakeBrowser();
  await loadWorker();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // A bundled archive with no articles: every article here is a captured one.
  vi.stubGlobal(
    'fetch',
    catalogArchiveFetch({}),
  );
});

const local = () => fake.browser.storage.local.data;
const storedNotes = (articleId: string, text: string) =>
  updateRecord(articleId, async () => record({ articleId, articleTitle: 'claimed', url: '' }), (current) => ({ record: { ...current, note: { ...current.note, text, revision: 1 } }, result: null }));

async function exportJson(): Promise<string> {
  return (await notesHandlers['notes/export']({ format: 'json' }, page)).content;
}

/** A backup of `captured` (and no notes), as the export writes it. */
const backupWith = (captured: unknown[], records: unknown[] = []): string =>
  JSON.stringify({ format: 'backstory-notes', schemaVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z', records, captured });

describe('captured articles in the backup', () => {
  it('exports them whole, and import brings them back with their notes after a delete', async () => {
    const article = capturedArticle(A, { title: 'Ferry strike ends', paragraphs: ['Crews returned on Monday.'] });
    await putCaptured(article);
    await storedNotes(A, 'My note on the ferry strike.');
    const backup = await exportJson();
    expect(JSON.parse(backup).captured).toEqual([article]);
    // The note's title and address come from the captured article, not from the record's claim.
    expect(JSON.parse(backup).records[0]).toMatchObject({ articleId: A, articleTitle: 'Ferry strike ends', url: article.url });

    await capturedHandlers['capture/delete']({ id: A }, page);
    local().delete(`notes:${A}`);
    expect(await listCaptured()).toEqual([]);

    const preview = await notesHandlers['notes/import']({ content: backup, apply: false }, page);
    expect(preview.captured).toEqual({ add: 1, skip: 0 });
    expect(preview.items).toEqual([expect.objectContaining({ articleId: A, inArchive: true, articleTitle: 'Ferry strike ends', action: 'add' })]);
    expect(await listCaptured()).toEqual([]);

    const applied = await notesHandlers['notes/import']({ content: backup, apply: true }, page);
    expect(applied.captured).toEqual({ add: 1, skip: 0 });
    expect(await getCaptured(A)).toEqual(article);
    expect((await readRecord(A))?.note.text).toBe('My note on the ferry strike.');
  });

  it('imports many captured articles with one update of the index, not one per article', async () => {
    const many = Array.from({ length: 60 }, (_, i) => capturedArticle(`${(i * 4).toString(16).padStart(2, '0')}${'d'.repeat(14)}`, { url: `https://news.example.org/2025/m${i}.html`, key: `news.example.org/2025/m${i}.html` }));
    const area = fake.browser.storage.local;
    const set = area.set.bind(area);
    let indexWrites = 0;
    vi.spyOn(area, 'set').mockImplementation(async (items) => {
      if (Object.keys(items).some((key) => key.startsWith('captured-index'))) indexWrites++;
      return set(items);
    });
    const report = await notesHandlers['notes/import']({ content: backupWith(many), apply: true }, page);
    expect(report.captured).toEqual({ add: 60, skip: 0 });
    expect(indexWrites).toBe(1);
    expect((await listCaptured()).length).toBe(60);
  });

  it('keeps an article already stored as it is (nothing is overwritten)', async () => {
    await putCaptured(capturedArticle(A, { title: 'Mine' }));
    const report = await notesHandlers['notes/import']({ content: backupWith([capturedArticle(A, { title: 'From the file' })]), apply: true }, page);
    expect(report.captured).toEqual({ add: 0, skip: 1 });
    expect((await getCaptured(A))?.title).toBe('Mine');
  });

  it.each([
    ['a record that is not a captured article', [{ id: A, title: 'x' }], /captured article 1 cannot be imported/],
    ['a javascript: address', [capturedArticle(A, { url: 'javascript:alert(1)', key: 'javascript:alert(1)' })], /captured article 1 cannot be imported: × the address must be http\(s\).*at url/],
    ['an address whose key is another article’s', [capturedArticle(A, { key: 'bank.example/login' })], /captured article 1 cannot be imported: its URL key or host/],
    ['a host that is not its address’s', [capturedArticle(A, { host: 'bank.example' })], /URL key or host/],
    ['the same article twice', [capturedArticle(B), capturedArticle(B)], /captured article 2 repeats article/],
    ['a second id for an address already in the file', [capturedArticle(A), capturedArticle(B, { url: capturedArticle(A).url, key: capturedArticle(A).key })], /captured article 2 repeats the address of an earlier one/],
    ['a capture time in the future', [capturedArticle(A, { capturedAt: Date.now() + 3 * 86_400_000 })], /captured article 1 cannot be imported: it says it was archived in the future/],
    ['a capture time no date can hold', [capturedArticle(A, { capturedAt: 1e17 })], /captured article 1 cannot be imported/],
    ['a title past the limit', [capturedArticle(A, { title: 'x'.repeat(5_000) })], /captured article 1 cannot be imported/],
    ['captured that is not a list', 'everything', /not a Backstory notes backup/],
  ])('refuses %s, naming it, and changes nothing', async (_name, captured, error) => {
    await putCaptured(capturedArticle('cccccccccccccccc'));
    await storedNotes('cccccccccccccccc', 'keep');
    const before = structuredClone([...local().entries()]);
    const content = JSON.stringify({ format: 'backstory-notes', schemaVersion: 1, records: [record({ articleId: 'dddddddddddddddd' })], captured });
    await expect(notesHandlers['notes/import']({ content, apply: true }, page)).rejects.toThrow(error);
    expect([...local().entries()]).toEqual(before);
  });

  it('keeps what the archive has at an address: a bundled article, or a capture stored under another id', async () => {
    const bundled = capturedArticle(A, { url: 'https://www.ledger.example/bundled.html', key: 'ledger.example/bundled.html', host: 'ledger.example' });
    await putCaptured(capturedArticle(B, { title: 'Mine' }));
    const sameAddress = capturedArticle('cccccccccccccccc', { url: capturedArticle(B).url, key: capturedArticle(B).key });
    const archive = { articleIdForKey: async (key: string) => (key === bundled.key ? 'eeeeeeeeeeeeeeee' : key === sameAddress.key ? B : null), catalogEntry: async () => null };
    const fresh = capturedArticle('dddddddddddddddd', { url: 'https://news.example.org/2025/fresh.html', key: 'news.example.org/2025/fresh.html' });
    const plan = await planCapturedImport([bundled, sameAddress, fresh], archive);
    expect(plan.skip.map((a) => a.id)).toEqual([A, 'cccccccccccccccc']);
    expect(plan.add.map((a) => a.id)).toEqual(['dddddddddddddddd']);
  });

  it('still imports an older backup that has no captured articles', async () => {
    const report = await notesHandlers['notes/import']({ content: JSON.stringify({ format: 'backstory-notes', schemaVersion: 1, records: [] }), apply: true }, page);
    expect(report.captured).toEqual({ add: 0, skip: 0 });
  });
});

describe('the options page list of captured articles', () => {
  it('lists them newest first, says which have notes, deletes and puts back with Undo', async () => {
    await putCaptured(capturedArticle(A, { capturedAt: 1 }));
    await putCaptured(capturedArticle(B, { capturedAt: 2 }));
    await storedNotes(A, 'A note.');
    const list = await capturedHandlers['capture/list']({}, page);
    expect(list.map((item) => [item.id, item.hasNotes])).toEqual([[B, false], [A, true]]);

    const deleted = await capturedHandlers['capture/delete']({ id: A }, page);
    expect((await capturedHandlers['capture/list']({}, page)).map((item) => item.id)).toEqual([B]);
    // Its notes stay: deleting the article is not deleting what the user wrote.
    expect((await readRecord(A))?.note.text).toBe('A note.');
    await capturedHandlers['capture/restore']({ article: deleted }, page);
    expect(await getCaptured(A)).toEqual(deleted);
    await expect(capturedHandlers['capture/restore']({ article: { id: A } }, page)).rejects.toThrow(/not a captured article/);
  });
});
