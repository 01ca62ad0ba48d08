/**
 * Annotation imports and the new exports through the worker's notes handlers, over an
 * in-memory storage and an archive holding the Kirby fixture article: the preview writes
 * nothing, confirming stores the placed notes, hostile files are refused with a clear
 * error and store nothing (fast-check), and the exports the options page downloads are
 * what they say.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { articleBlocks } from '../../../../src/shared/archive-format';
import { urlKey } from '../../../../src/shared/url-key';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';
import { mustFailures } from '../../helpers/w3c-schemas';
import { KIRBY, KIRBY_ID, KIRBY_URL } from './import-helpers';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
  t: (key: string) => key,
}));

const { notesHandlers } = await import('../../../../src/background/notes/handlers');
const { readRecord } = await import('../../../../src/background/notes/store');
import { EXTENSION_PAGE } from '../../helpers/senders';
import { catalogArchiveFetch } from '../../helpers/packed-archive';

const page = EXTENSION_PAGE;
const ARTICLE = {
  format: 1,
  id: KIRBY_ID,
  url: KIRBY_URL,
  key: urlKey(KIRBY_URL),
  host: 'sputnikglobe.com',
  date: KIRBY.date,
  title: KIRBY.title,
  summary: KIRBY.summary,
  paragraphs: KIRBY.paragraphs,
  entities: [
    { id: 'person:john-kirby', type: 'person', name: 'John Kirby', aliases: ['John Kirby'], count: 2, mentions: [] },
    { id: 'date:friday', type: 'date', name: 'Friday', aliases: ['Friday'], count: 1, mentions: [] },
  ],
};

beforeEach(() => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.stubGlobal(
    'fetch',
    catalogArchiveFetch(
      { [KIRBY_ID]: { id: KIRBY_ID, url: KIRBY_URL, title: KIRBY.title, date: KIRBY.date, host: 'sputnikglobe.com' } },
      { urls: { [urlKey(KIRBY_URL)]: KIRBY_ID }, files: (url) => (url.endsWith(`/articles/${KIRBY_ID}.json`) ? ARTICLE : null) },
    ),
  );
});

const local = () => fake.browser.storage.local.data;
const hypothesis = readFileSync('tests/fixtures/hypothesis/export.json', 'utf8');

describe('importing annotations through the worker', () => {
  it('previews what the file holds without writing, then stores it when confirmed', async () => {
    expect(articleBlocks(ARTICLE).length).toBeGreaterThan(2);
    const preview = await notesHandlers['notes/import']({ content: hypothesis, apply: false }, page);
    expect(preview.found).toMatchObject({ format: 'hypothesis', highlights: 3, notes: 1, articles: 1, notInArchive: 1, unanchored: 1 });
    expect([preview.add, preview.update, preview.skip, preview.applied]).toEqual([1, 0, 0, false]);
    expect(local().size).toBe(0);

    const applied = await notesHandlers['notes/import']({ content: hypothesis, apply: true }, page);
    expect(applied.applied).toBe(true);
    const stored = await readRecord(KIRBY_ID);
    expect(stored?.highlights).toHaveLength(3);
    expect(stored?.note.text).toBe("Compare with the Pentagon's own statement.");
    expect(stored?.articleTitle).toBe(KIRBY.title);

    // The same file again changes nothing.
    const again = await notesHandlers['notes/import']({ content: hypothesis, apply: true }, page);
    expect([again.add, again.update, again.skip]).toEqual([0, 0, 1]);
  });

  it('refuses hostile files with a clear error and stores nothing (property)', async () => {
    const annotation = JSON.parse(hypothesis).annotations[1];
    const hostile = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({ export_date: fc.string(), annotations: fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }) }),
      fc.record({ '@context': fc.constant('http://www.w3.org/ns/anno.jsonld'), id: fc.webUrl(), type: fc.constant('Annotation'), target: fc.anything({ maxDepth: 3 }) }),
      fc.record({
        export_date: fc.constant('2026-01-01'),
        annotations: fc.tuple(
          fc.record({
            uri: fc.oneof(fc.constant('javascript:alert(1)'), fc.constant(KIRBY_URL), fc.string()),
            text: fc.oneof(fc.string(), fc.integer(), fc.constant('x'.repeat(100_001))),
            target: fc.constant([{ source: KIRBY_URL, selector: [{ type: 'TextPositionSelector', start: 1e9, end: -1 }] }]),
          }).map((overrides) => ({ ...annotation, ...overrides })),
        ),
      }),
      fc.integer({ min: 41, max: 3000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        const content = typeof value === 'string' ? value : JSON.stringify(value);
        fake.browser = fakeBrowser();
        try {
          const report = await notesHandlers['notes/import']({ content, apply: true }, page);
          // Accepted: only what placed on the archived article was stored.
          for (const [key] of local()) expect(key).toBe(`notes:${KIRBY_ID}`);
          expect(report.add + report.update).toBe(local().size);
        } catch (error) {
          expect((error as { code?: string }).code).toBe('invalid-import');
          expect((error as Error).message.length).toBeGreaterThan(10);
          expect(local().size).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('names the problem of a file nested too deep or of no known format', async () => {
    await expect(notesHandlers['notes/import']({ content: '['.repeat(100) + ']'.repeat(100), apply: false }, page)).rejects.toThrow(/nests deeper than 40 levels/);
    await expect(notesHandlers['notes/import']({ content: '{"hello": 1}', apply: false }, page)).rejects.toThrow(/not a Backstory backup .*W3C Web Annotations .*Hypothesis export/);
  });
});

describe('exports through the worker', () => {
  it('the Web Annotation export passes every MUST, with the archive date as TimeState, and imports back unchanged', async () => {
    await notesHandlers['notes/import']({ content: hypothesis, apply: true }, page);
    const file = await notesHandlers['notes/export']({ format: 'jsonld' }, page);
    const collection = JSON.parse(file.content);
    expect(mustFailures('collection', collection)).toEqual([]);
    expect(mustFailures('page', collection.first)).toEqual([]);
    for (const item of collection.first.items) expect(mustFailures('annotation', item)).toEqual([]);
    expect(collection.first.items[0].target.state).toEqual({ type: 'TimeState', sourceDate: `${KIRBY.date}T00:00:00Z` });
    expect(collection.first.items[0].generator).toEqual({ type: 'Software', name: 'Backstory 0.1.0' });
    const back = await notesHandlers['notes/import']({ content: file.content, apply: false }, page);
    expect(back.found).toMatchObject({ format: 'w3c', highlights: 3, notes: 1, skippedCount: 0 });
    expect([back.add, back.update, back.skip]).toEqual([0, 0, 1]);
  });

  it('the Markdown zip holds one file per article with its front matter', async () => {
    await notesHandlers['notes/import']({ content: hypothesis, apply: true }, page);
    const file = await notesHandlers['notes/export']({ format: 'markdown-zip' }, page);
    expect(file).toMatchObject({ mimeType: 'application/zip', encoding: 'base64' });
    const files = unzipSync(Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)));
    const names = Object.keys(files);
    expect(names).toEqual([expect.stringMatching(/^backstory-notes-\d{4}-\d\d-\d\d\/US Launches Strikes in Iraq and Syria, Kirby Says More to Come\.md$/)]);
    const text = strFromU8(files[names[0]!]!);
    expect(text).toContain(`url: "${KIRBY_URL}"`);
    expect(text).toContain(`archived: "${KIRBY.date}"`);
    expect(text).toContain('entities:\n  - "John Kirby"\n---');
    expect(text).toContain('> weapons depots');
  });
});
