/**
 * Importing a Hypothesis export (tests/fixtures/hypothesis/export.json, written by hand
 * from the client's export format and the h API's annotation shape): highlights and page
 * notes land on the archived article, replies are kept under their annotation, and what
 * cannot be placed is listed with the reason. Expected values are read from the fixture.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, readImportFile } from '../../../../src/background/notes/import';
import { recordsFromAnnotations } from '../../../../src/background/notes/import-annotations';
import { KIRBY_ID, KIRBY_TEXT, KIRBY_URL, fakeLookup, foreign } from './import-helpers';

const content = readFileSync('tests/fixtures/hypothesis/export.json', 'utf8');
const exported = JSON.parse(content) as { annotations: Array<Record<string, unknown>> };

async function imported(text: string) {
  const file = readImportFile(text);
  if (file.kind !== 'annotations') throw new Error('not read as annotations');
  return recordsFromAnnotations(file.annotations, file.format, fakeLookup());
}

describe('a Hypothesis export', () => {
  it('is read as one, in each of its shapes: the client’s export, a search API answer, a plain list', () => {
    const shapes = [content, JSON.stringify({ total: exported.annotations.length, rows: exported.annotations }), JSON.stringify(exported.annotations)];
    for (const shape of shapes) {
      const file = readImportFile(shape);
      expect(file).toMatchObject({ kind: 'annotations', format: 'hypothesis' });
      expect(foreign(file)).toHaveLength(12);
    }
  });

  it('places highlights and the page note on the archived article, matched by its normalized URL', async () => {
    const { records, tally } = await imported(content);
    expect(tally).toMatchObject({ format: 'hypothesis', highlights: 3, notes: 1, replies: 2, articles: 1, notInArchive: 1, unanchored: 1, skippedCount: 6 });
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record!.articleId).toBe(KIRBY_ID);
    expect(record!.url).toBe(KIRBY_URL);
    expect(record!.note.text).toBe("Compare with the Pentagon's own statement.");
    expect(record!.note.tags).toEqual(['strikes', 'kirby', 'corrections']);
    expect(record!.note.createdAt).toBe(Date.parse('2024-02-04T07:55:00Z'));
    expect(record!.highlights.map((h) => h.quote.exact)).toEqual([
      'weapons depots',
      'a claim he later withdrew',
      // Anchored though the file's quote has a typo ("strike"): the archived words are kept.
      'Officials in Iraq condemned the strikes as a violation of sovereignty',
    ]);
    for (const h of record!.highlights) expect(KIRBY_TEXT.slice(h.position.start, h.position.end)).toBe(h.quote.exact);
    expect(record!.highlights.map((h) => h.id)).toEqual(['hyp-depots-0001', 'hyp-claim-0002', 'hyp-fuzzy-0006']);
  });

  it('keeps replies, in order, as text under the annotation they answer, naming who and when', async () => {
    const { records } = await imported(content);
    const claim = records[0]!.highlights.find((h) => h.id === 'hyp-claim-0002')!;
    expect(claim.note).toBe(
      'Did he really **withdraw** it? <script>alert(1)</script>\n\n> **Reply** (Bob, 2024-02-06):\n> Yes, the next day.\n\n> **Reply** (carol, 2024-02-07):\n> Source?',
    );
    expect([claim.createdAt, claim.updatedAt]).toEqual([Date.parse('2024-02-04T08:05:00Z'), Date.parse('2024-02-05T11:30:00Z')]);
  });

  it('lists what it left out, and why', async () => {
    const { tally } = await imported(content);
    expect(tally.skipped.map((skip) => [skip.annotation.replace(/ \(.*\)$/, ''), skip.reason]).sort()).toEqual(
      [
        ['annotation 7', 'on a page this archive does not have: https://www.example.com/blog/2024/03/another-story.html'],
        ['annotation 8', 'it could not be anchored in the archived text: “Subscribe to our newsletter for daily briefings”'],
        ['annotation 9', 'it has no quote to anchor by (only RangeSelector)'],
        ['annotation 10', 'it replies to an annotation that is not in the file'],
        ['annotation 11', 'its document is not a web address of an article: javascript:alert(document.cookie)'],
        ['annotation 12', 'its document is not a web address of an article: urn:x-pdf:6ff5ab1a8c0f4f6f9d1b0b5a4d6c2e11'],
      ].sort(),
    );
  });

  it('importing the same file again makes the same records (stable ids and dates)', async () => {
    expect((await imported(content)).records).toEqual((await imported(content)).records);
  });

  it('anchors by the quote a highlight whose position is beyond the archived text', async () => {
    const far = { ...exported.annotations[0], target: [{ source: KIRBY_URL, selector: [{ type: 'TextPositionSelector', start: 1e9, end: 1e9 + 14 }, { type: 'TextQuoteSelector', exact: 'weapons depots' }] }] };
    const { records } = await imported(JSON.stringify({ ...exported, annotations: [far] }));
    const start = KIRBY_TEXT.indexOf('weapons depots');
    expect(records[0]!.highlights[0]!.position).toEqual({ type: 'TextPositionSelector', start, end: start + 14 });
  });

  it.each<[string, unknown, RegExp]>([
    ['an annotation without uri', { ...exported, annotations: [{ id: 'x', text: 'no uri' }] }, /annotation 1 is not a Hypothesis annotation: uri: /],
    ['text that is not a string', { ...exported, annotations: [{ ...exported.annotations[1], text: 42 }] }, /annotation 1 is not a Hypothesis annotation: text: must be a string/],
    ['tags that are not a list', { ...exported, annotations: [{ ...exported.annotations[1], tags: 'kirby' }] }, /tags: /],
    ['a selector out of range', { ...exported, annotations: [{ ...exported.annotations[0], target: [{ source: KIRBY_URL, selector: [{ type: 'TextPositionSelector', start: 50, end: 10 }] }] }] }, /a position ends before it starts/],
    ['a negative offset', { ...exported, annotations: [{ ...exported.annotations[0], target: [{ source: KIRBY_URL, selector: [{ type: 'TextPositionSelector', start: -5, end: 10 }] }] }] }, /must not be negative/],
    ['a huge note', { ...exported, annotations: [{ ...exported.annotations[1], text: 'x'.repeat(100_001) }] }, /text: is longer than 100,000 characters/],
  ])('refuses %s, naming the annotation and the problem', (_name, file, message) => {
    expect(() => readImportFile(JSON.stringify(file))).toThrow(ImportError);
    expect(() => readImportFile(JSON.stringify(file))).toThrow(message);
  });
});
