// @vitest-environment happy-dom
/**
 * Import and sync trust the catalog, not the record (issue 15, hole 4): a record's title
 * and address are the catalog's; a record the catalog does not have is kept and listed as
 * a note on an article this archive does not have, its claims shown as text, never a link.
 */
import fc from 'fast-check';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { checkedUrl, firstHitsInCatalog, placeAll, placeRecord, splitByCatalog } from '../../../../src/background/notes/catalog-check';
import { parseBackup, planImport, summarize } from '../../../../src/background/notes/import';
import { NotesRecord as NotesRecordSchema, type NotesRecord } from '../../../../src/shared/notes-schema';
import { useDomRoot } from '../../helpers/dom-root';
import { ARTICLE_ID, OTHER_ARTICLE_ID, highlight, record } from '../../helpers/records';
import * as v from 'valibot';

vi.mock('../../../../src/shared/browser', () => ({
  browser: {},
  t: (key: string, sub?: string | string[]) => (sub === undefined ? key : `${key}:${[sub].flat().join('|')}`),
}));
const { NotesBrowser } = await import('../../../../src/options/NotesBrowser');

const ENTRY = {
  title: 'Iraqi Militias Vow ‘Steadfast’ Holy War Against US Occupation After Commander’s Killing',
  url: 'https://sputnikglobe.com/20240208/iraqi-militias-vow-steadfast-holy-war-against-us-occupation-after-commanders-killing-1116665114.html',
};
const lookup = async (articleId: string) => (articleId === ARTICLE_ID ? ENTRY : null);

/** Addresses a hostile or careless backup might carry. */
const hostileUrl = fc.oneof(
  fc.constantFrom(
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'chrome-extension://abc/options.html',
    'moz-extension://abc/options.html',
    'https://evil.example/phish.html',
    'http://sputnikglobe.com/20240203/another-article.html',
    '//evil.example/x',
    '',
  ),
  fc.webUrl(),
  fc.string({ maxLength: 200 }),
);
const hostileTitle = fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('<img src=x onerror=alert(1)>', '[click](javascript:alert(1))', '\u202Eevil'));
const hostileRecord = fc
  .record({ articleId: fc.constantFrom(ARTICLE_ID, OTHER_ARTICLE_ID), articleTitle: hostileTitle, url: hostileUrl, text: fc.string({ maxLength: 100 }) })
  .map(({ articleId, articleTitle, url, text }) =>
    record({ articleTitle, url, note: { text, tags: [], revision: 1, updatedAt: 1 }, highlights: [highlight('h1', 'remain steadfast', 10)] }, articleId),
  );

function isHttp(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

describe('placing a record against the catalog', () => {
  it('gives an archived article the catalog’s title and address, whatever the record claims', () => {
    fc.assert(
      fc.property(hostileRecord, (hostile) => {
        const placed = placeRecord(hostile, hostile.articleId === ARTICLE_ID ? ENTRY : null);
        if (placed.inArchive) {
          expect(placed.record.articleTitle).toBe(ENTRY.title);
          expect(placed.record.url).toBe(ENTRY.url);
        } else {
          // Kept, with an address only if it is http(s); the title stays the record's claim.
          expect(placed.record.url === '' || isHttp(placed.record.url)).toBe(true);
          expect(placed.record.articleTitle).toBe(hostile.articleTitle);
        }
        // Nothing the user wrote is dropped, and the record stays a valid record.
        expect(placed.record.note).toEqual(hostile.note);
        expect(placed.record.highlights).toEqual(hostile.highlights);
        expect(v.is(NotesRecordSchema, placed.record)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['javascript:alert(1)', true],
    ['https://evil.example/phish.html', true],
    ['http://sputnikglobe.com/20240203/another-article.html', true],
    ['not a url', true],
    [ENTRY.url, false],
    // Another form of the same article's address (http, www., tracking parameter, fragment).
    [`${ENTRY.url.replace('https://', 'http://www.')}?utm_source=x#top`, false],
    ['', false],
  ])('reports the record’s address %j as not this article’s: %s', (url, wrong) => {
    const placed = placeRecord(record({ url }), ENTRY);
    expect(placed.inArchive && placed.wrongUrl !== null).toBe(wrong);
  });

  it('keeps only http(s) addresses', () => {
    expect(checkedUrl('javascript:alert(1)')).toBeNull();
    expect(checkedUrl('data:text/html,x')).toBeNull();
    expect(checkedUrl('https://example.com/a')).toBe('https://example.com/a');
  });

  it('splits stored records into archived articles and the rest, keeping both', async () => {
    const mine = record({ articleTitle: 'forged', url: 'javascript:alert(1)' });
    const elsewhere = record({ articleTitle: 'An article from another archive', url: 'javascript:alert(1)' }, OTHER_ARTICLE_ID);
    const { inArchive, notInArchive } = await splitByCatalog([mine, elsewhere], lookup);
    expect(inArchive.map((r) => [r.articleId, r.articleTitle, r.url])).toEqual([[ARTICLE_ID, ENTRY.title, ENTRY.url]]);
    expect(notInArchive.map((r) => [r.articleId, r.articleTitle, r.url])).toEqual([[OTHER_ARTICLE_ID, 'An article from another archive', '']]);
  });
});

describe('note search hits against the catalog', () => {
  const hit = (articleId: string, updatedAt: number) => ({ articleId, articleTitle: 'stored title', url: 'javascript:alert(1)', kind: 'note' as const, text: 'x', updatedAt });
  const ids = Array.from({ length: 40 }, (_, i) => `${String(i).padStart(2, '0')}${ARTICLE_ID.slice(2)}`);

  it('keeps only hits whose article the catalog has, with the catalog’s title and address, in order', async () => {
    const hits = [hit(OTHER_ARTICLE_ID, 3), hit(ARTICLE_ID, 2), hit(OTHER_ARTICLE_ID, 1), hit(ARTICLE_ID, 0)];
    expect((await firstHitsInCatalog(hits, 5, lookup)).map((h) => [h.articleId, h.articleTitle, h.url, h.updatedAt])).toEqual([
      [ARTICLE_ID, ENTRY.title, ENTRY.url, 2],
      [ARTICLE_ID, ENTRY.title, ENTRY.url, 0],
    ]);
  });

  it('looks up only as many hits as it takes to fill the limit, each article once', async () => {
    const asked: string[] = [];
    const everyId = async (articleId: string) => (asked.push(articleId), ENTRY);
    const hits = [hit(ids[0]!, 99), hit(ids[0]!, 98), ...ids.slice(1).map((id, i) => hit(id, 90 - i))];
    const found = await firstHitsInCatalog(hits, 5, everyId);
    expect(found.map((h) => h.updatedAt)).toEqual([99, 98, 90, 89, 88]);
    expect(asked.length).toBeLessThanOrEqual(10);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('goes on past hits the catalog does not have until the limit is filled', async () => {
    const onlyLast = async (articleId: string) => (articleId === ids[39] ? ENTRY : null);
    const found = await firstHitsInCatalog(ids.map((id, i) => hit(id, 100 - i)), 5, onlyLast);
    expect(found.map((h) => h.articleId)).toEqual([ids[39]]);
  });
});

describe('the import preview', () => {
  it('lists notes on articles the archive does not have apart, and says when an address was wrong', async () => {
    const backup = JSON.stringify({
      format: 'backstory-notes',
      schemaVersion: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      records: [
        record({ articleTitle: 'Forged title', url: 'javascript:alert(1)', note: { text: 'mine', tags: [], revision: 1, updatedAt: 1 } }),
        record({ articleTitle: 'Elsewhere', url: 'https://other.example/a.html', note: { text: 'theirs', tags: [], revision: 1, updatedAt: 1 } }, OTHER_ARTICLE_ID),
      ],
    });
    const placed = await placeAll(parseBackup(backup), lookup);
    const report = summarize(planImport(new Map(), placed, 0, () => 'id'));
    expect([report.add, report.notInArchive]).toEqual([2, 1]);
    expect(report.items.map((item) => [item.articleId, item.articleTitle, item.inArchive])).toEqual([
      [ARTICLE_ID, ENTRY.title, true],
      [OTHER_ARTICLE_ID, 'Elsewhere', false],
    ]);
    expect(report.items[0]?.details).toContain("the file's address for it is not this article's and is ignored: javascript:alert(1)");
    // What would be stored: the catalog's title and address.
    expect(placed[0]?.record).toMatchObject({ articleTitle: ENTRY.title, url: ENTRY.url });
  });
});

describe('the options page', () => {
  const domRoot = useDomRoot();

  it('links archived articles to the catalog’s address and never links a note on an article it does not have', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileRecord, { minLength: 1, maxLength: 4 }), async (hostile) => {
        const unique = [...new Map(hostile.map((r) => [r.articleId, r])).values()];
        const { inArchive, notInArchive } = await splitByCatalog(unique, lookup);
        const root = domRoot();
        render(<NotesBrowser records={inArchive} notInArchive={notInArchive} />, root);
        // (Links the user wrote in a note's Markdown are their own; the headings are the article's.)
        const hrefs = [...root.querySelectorAll('.article-notes h3 a')].map((a) => a.getAttribute('href'));
        expect(hrefs).toEqual(inArchive.map(() => ENTRY.url));
        expect(root.querySelectorAll('.elsewhere h3 a, .elsewhere .claimed-url a')).toHaveLength(0);
        expect(root.querySelectorAll('.elsewhere')).toHaveLength(notInArchive.length);
        render(null, root);
      }),
      { numRuns: 100 },
    );
  });

  it('shows the unchecked title and address as text', () => {
    const root = domRoot();
    const elsewhere: NotesRecord = record({ articleTitle: '<b>Elsewhere</b>', url: 'https://other.example/a.html' }, OTHER_ARTICLE_ID);
    render(<NotesBrowser records={[]} notInArchive={[elsewhere]} />, root);
    expect(root.querySelector('.elsewhere h3')?.textContent).toBe(`optionsNotInArchiveTitle:<b>Elsewhere</b>|${OTHER_ARTICLE_ID}`);
    expect(root.querySelector('.elsewhere .claimed-url')?.textContent).toBe('optionsNotInArchiveUrl:https://other.example/a.html');
    expect(root.querySelector('.elsewhere b')).toBeNull();
  });
});
