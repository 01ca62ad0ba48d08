/**
 * Importing W3C Web Annotations: the Working Group's correct samples are accepted and its
 * incorrect ones refused with a reason naming the fault (read from each sample's label);
 * other tools' annotations are placed on archived articles by URL and quote; Backstory's
 * own export round-trips.
 */
import { describe, expect, it } from 'vitest';
import { ImportError, readImportFile } from '../../../../src/background/notes/import';
import { recordsFromAnnotations } from '../../../../src/background/notes/import-annotations';
import { samples } from '../../helpers/w3c-schemas';
import { KIRBY_ID, KIRBY_TEXT, KIRBY_URL, fakeLookup, foreign } from './import-helpers';

/** Each incorrect sample's fault, from its label (the group's own words) and content. */
const FAULTS: Record<string, RegExp> = {
  'anno2.json': /is not a Backstory backup.*W3C Web Annotations.*Hypothesis/,
  'anno3.json': /has no @context/,
  'anno4.json': /@context must include http:\/\/www\.w3\.org\/ns\/anno\.jsonld/,
  'anno5.json': /@context must include/,
  'anno6.json': /id: must be an IRI/,
  'anno7.json': /id: must be an IRI/,
  'anno8.json': /type: is missing/,
  'anno9.json': /type must include 'Annotation'/,
  'anno10.json': /target: is missing/,
  'anno11.json': /target: must be an IRI or an object/,
  'anno12.json': /body: must be an IRI/,
  'anno13.json': /body\.id: must be an IRI/,
  'anno14.json': /body\.format: must be one string/,
  'anno15.json': /id: must be an IRI/, // its fault is a misspelt key ("langauage"), which the model ignores; its id list is refused
  'anno16.json': /body\.textDirection: textDirection must be ltr, rtl or auto/,
  'anno17.json': /body: a TextualBody needs one string value/,
  'anno18.json': /body\.value: must be one string/,
  'anno19.json': /has both body and bodyValue/,
  'anno20.json': /bodyValue: must be one string/,
  'anno21.json': /bodyValue: must be one string/,
  'anno22.json': /body: names more than one of Choice, Composite, List and Independents/,
  'anno23.json': /body\.processingLanguage: must be one string/,
  'anno24.json': /body\.textDirection: textDirection must be/,
  'anno25.json': /body: has items but is not a Choice, Composite, List or Independents/,
  'anno26.json': /creator: must be an IRI or an agent object/,
  'anno27.json': /generator: must be an IRI or an agent object/,
  'anno28.json': /created: must be an xsd:dateTime/,
  'anno29.json': /modified: must be an xsd:dateTime/,
  'anno30.json': /generated: must be an xsd:dateTime/,
  'anno31.json': /modified: must be one xsd:dateTime/,
  'anno32.json': /created: must be one xsd:dateTime/,
  'anno33.json': /generated: must be one xsd:dateTime/,
  'anno34.json': /rights: must be an IRI/,
  'anno35.json': /via: must be an IRI/,
  'anno36.json': /canonical: must be an IRI/,
  'anno37.json': /target: a SpecificResource needs a source/,
  'anno38.json': /target\.selector: a Fragment, CSS or XPath selector needs one string value/,
  'anno39.json': /target\.selector\.value: must be one string/,
};

const refusal = (content: string): string => {
  try {
    readImportFile(content);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};
const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('the W3C Working Group’s samples', () => {
  const correct = samples('correct');
  const incorrect = samples('incorrect');

  it('are all there', () => {
    expect(correct.length).toBeGreaterThanOrEqual(40);
    expect(incorrect.length).toBeGreaterThanOrEqual(39);
    expect(incorrect.map(([name]) => name).filter((name) => name !== 'anno1.json')).toEqual(Object.keys(FAULTS).filter((name) => incorrect.some(([n]) => n === name)));
  });

  it.each(correct)('accepts correct %s, and reports why nothing of it lands on this archive', async (_name, content) => {
    const file = readImportFile(content);
    expect(file.kind).toBe('annotations');
    if (file.kind !== 'annotations') return;
    const { records, tally } = await recordsFromAnnotations(file.annotations, file.format, fakeLookup());
    expect(records).toEqual([]);
    // Every annotation (or linked page) is accounted for, with a reason.
    expect(tally.skippedCount).toBeGreaterThanOrEqual(file.annotations.filter((a) => a.replyTo === null).length);
    for (const skip of tally.skipped) expect(skip.reason).toMatch(/this archive does not have|not a web address|only links to this page|no quote|neither a comment/);
  });

  it.each(incorrect)('refuses incorrect %s with a reason naming its fault', (name, content) => {
    if (!isJson(content)) {
      expect(refusal(content)).toMatch(/^the file is not JSON/);
      // The sample's own fault is found too once its stray comma is removed.
      if (name !== 'anno1.json') expect(refusal(content.replace(/,(\s*[}\]])/g, '$1'))).toMatch(FAULTS[name]!);
      return;
    }
    expect(refusal(content)).toMatch(FAULTS[name]!);
  });
});

describe('annotations from other tools', () => {
  const annotation = (target: unknown, extra: Record<string, unknown> = {}) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'http://example.org/anno/1',
    type: 'Annotation',
    created: '2023-05-01T10:00:00Z',
    body: [
      { type: 'TextualBody', value: 'Worth checking.', purpose: 'commenting' },
      { type: 'TextualBody', value: 'strikes', purpose: 'tagging' },
    ],
    target,
    ...extra,
  });

  it('matches the archived article by its normalized URL and anchors the quote in the archived text', async () => {
    const content = JSON.stringify(
      annotation({
        // Another rendering of the article's address: http, www., a tracking parameter, a fragment.
        source: 'http://www.sputnikglobe.com/20240203/us-strikes-iraq-syria-kirby-1116600000.html?utm_source=feed#top',
        selector: [
          { type: 'TextPositionSelector', start: 9000, end: 9014 }, // the live page's offsets, not the archive's
          { type: 'TextQuoteSelector', exact: 'weapons depots', prefix: 'command centers and ', suffix: ' used by' },
        ],
      }),
    );
    const file = readImportFile(content);
    if (file.kind !== 'annotations') throw new Error('not read as annotations');
    const { records, tally } = await recordsFromAnnotations(file.annotations, file.format, fakeLookup());
    expect(tally).toMatchObject({ format: 'w3c', highlights: 1, articles: 1, notInArchive: 0, unanchored: 0, skippedCount: 0 });
    const [record] = records;
    expect(record?.articleId).toBe(KIRBY_ID);
    expect(record?.url).toBe(KIRBY_URL);
    expect(record?.note.tags).toEqual(['strikes']);
    const highlight = record!.highlights[0]!;
    const start = KIRBY_TEXT.indexOf('weapons depots');
    expect(highlight.position).toEqual({ type: 'TextPositionSelector', start, end: start + 'weapons depots'.length });
    expect(highlight.quote.prefix).toBe(KIRBY_TEXT.slice(start - 32, start));
    expect(highlight.note).toBe('Worth checking.');
    expect(highlight.createdAt).toBe(Date.parse('2023-05-01T10:00:00Z'));
    // An id that is not a record id is named by a stable UUID: importing again finds the same highlight.
    const again = readImportFile(content);
    if (again.kind !== 'annotations') throw new Error('not read as annotations');
    expect((await recordsFromAnnotations(again.annotations, 'w3c', fakeLookup())).records[0]!.highlights[0]!.id).toBe(highlight.id);
  });

  it('keeps a replying annotation as text under the one it answers, and a page annotation as the article note', async () => {
    const list = [
      annotation(KIRBY_URL, { id: 'http://example.org/anno/page', body: { type: 'TextualBody', value: 'A note on the whole page.' } }),
      annotation(
        { source: KIRBY_URL, selector: { type: 'TextQuoteSelector', exact: 'a claim he later withdrew' } },
        { id: 'http://example.org/anno/claim' },
      ),
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'http://example.org/anno/reply',
        type: 'Annotation',
        motivation: 'replying',
        creator: { id: 'http://example.org/people/ada', name: 'Ada' },
        created: '2023-05-02T10:00:00Z',
        bodyValue: 'He withdrew it the next day.',
        target: 'http://example.org/anno/claim',
      },
    ];
    const file = readImportFile(JSON.stringify(list));
    if (file.kind !== 'annotations') throw new Error('not read as annotations');
    const { records, tally } = await recordsFromAnnotations(file.annotations, file.format, fakeLookup());
    expect(tally).toMatchObject({ highlights: 1, notes: 1, replies: 1, skippedCount: 0 });
    expect(records[0]!.note.text).toBe('A note on the whole page.');
    expect(records[0]!.highlights[0]!.note).toBe('Worth checking.\n\n> **Reply** (Ada, 2023-05-02):\n> He withdrew it the next day.');
  });

  it('reports what it cannot place: another site, a quote not in the text, no quote, a javascript: address', async () => {
    const list = [
      annotation({ source: 'https://elsewhere.example/story.html', selector: { type: 'TextQuoteSelector', exact: 'weapons depots' } }, { id: 'urn:x:1' }),
      annotation({ source: KIRBY_URL, selector: { type: 'TextQuoteSelector', exact: 'a sentence the archived article never had in it at all' } }, { id: 'urn:x:2' }),
      annotation({ source: KIRBY_URL, selector: { type: 'CssSelector', value: '#main > p' } }, { id: 'urn:x:3' }),
      annotation('javascript:alert(1)', { id: 'urn:x:4' }),
    ];
    const file = readImportFile(JSON.stringify(list));
    if (file.kind !== 'annotations') throw new Error('not read as annotations');
    const { records, tally } = await recordsFromAnnotations(file.annotations, file.format, fakeLookup());
    expect(records).toEqual([]);
    expect(tally).toMatchObject({ highlights: 0, notInArchive: 1, unanchored: 1, skippedCount: 4 });
    expect(tally.skipped.map((skip) => skip.reason).sort()).toEqual([
      'on a page this archive does not have: https://elsewhere.example/story.html',
      'it could not be anchored in the archived text: “a sentence the archived article never had in it at all”',
      'it has no quote to anchor by (only CssSelector)',
      'its document is not a web address of an article: javascript:alert(1)',
    ].sort());
  });

  it('reads the annotations of a collection’s embedded pages, and names pages it only links to', async () => {
    const collection = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/collection',
      type: 'AnnotationCollection',
      first: {
        id: 'http://example.org/collection/1',
        type: 'AnnotationPage',
        items: [{ ...annotation(KIRBY_URL), '@context': undefined }],
        next: 'http://example.org/collection/2',
      },
    };
    const file = readImportFile(JSON.stringify(collection));
    if (file.kind !== 'annotations') throw new Error('not read as annotations');
    expect(file.unreadPages).toEqual(['http://example.org/collection/2']);
    const { tally } = await recordsFromAnnotations(file.annotations, file.format, fakeLookup(), file.unreadPages);
    expect(tally).toMatchObject({ notes: 1, articles: 1, skippedCount: 1 });
    expect(foreign(file)).toHaveLength(1);
  });
});
