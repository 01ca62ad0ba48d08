import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTerm, snippet, words } from '../../../src/shared/search-text';

/** The normalization spelled out in full, every step on every word: normalizeTerm must agree with it. */
function normalizedInFull(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’ʼ]s$/, '')
    .replace(/['’ʼ]/g, '');
}

describe('normalizeTerm', () => {
  it.each([
    ['Baghdad', 'baghdad'],
    ["Biden's", 'biden'],
    ["O'Neill", 'oneill'],
    ["rock'n'roll", 'rocknroll'],
    ["'s", ''],
    ['Hezbollah’s', 'hezbollah'],
    ['Kata’ib', 'kataib'],
    ['Erdoğan', 'erdogan'],
    ['Zürich', 'zurich'],
    ['İstanbul', 'istanbul'],
    ['ﬁnance', 'finance'],
    ['Ｇ７', 'g7'],
    ['ΑΘΗΝΑ', 'αθηνα'],
    ['Москва', 'москва'],
    ['2024', '2024'],
    ['', ''],
  ])('%s → %s, as the full normalization gives it', (word, expected) => {
    expect(normalizeTerm(word)).toBe(expected);
    expect(normalizeTerm(word)).toBe(normalizedInFull(word));
  });

  it('agrees with the full normalization on any mix of ASCII, accents, apostrophes and other scripts', () => {
    const piece = fc.constantFrom('a', 'Z', '7', "'", "'s", '’', 'ʼs', 'é', 'e\u0301', 'İ', 'ﬁ', 'ß', 'Ω', 'ǅ', 'Ｇ', '\u00a0', '-');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme' })), { maxLength: 8 }), (pieces) => {
        const word = pieces.join('');
        expect(normalizeTerm(word)).toBe(normalizedInFull(word));
      }),
      { numRuns: 2000 },
    );
  });
});

const text = (parts: ReturnType<typeof snippet>): string => parts.map((p) => p.text).join('');
const marks = (parts: ReturnType<typeof snippet>): string[] => parts.filter((p) => p.mark).map((p) => p.text);

describe('words', () => {
  it('keeps offsets into the original text while normalizing', () => {
    const source = 'Kata’ib Hezbollah’s leader';
    expect(words(source).map((w) => [w.term, source.slice(w.start, w.end)])).toEqual([
      ['kataib', 'Kata’ib'],
      ['hezbollah', 'Hezbollah’s'],
      ['leader', 'leader'],
    ]);
  });
});

describe('snippet', () => {
  const long = `${'Filler words about nothing in particular. '.repeat(10)}The drone strike in Baghdad killed a commander. ${'More filler text follows here. '.repeat(10)}`;

  it('centres on the matched words, marks them as written, and shows where it cut', () => {
    const parts = snippet(long, new Set(['drone', 'baghdad']), 120);
    expect(marks(parts)).toEqual(['drone', 'Baghdad']);
    expect(text(parts).startsWith('… ')).toBe(true);
    expect(text(parts).endsWith(' …')).toBe(true);
    expect(text(parts).length).toBeLessThan(140);
  });

  it('prefers the window with the most distinct matched words', () => {
    const source = `Kirby spoke. ${'x '.repeat(200)} Kirby said the Baghdad strike was not the last.`;
    const parts = snippet(source, new Set(['kirby', 'baghdad']), 80);
    expect(marks(parts)).toEqual(['Kirby', 'Baghdad']);
  });

  it('starts at the beginning, unmarked, when nothing matches', () => {
    const parts = snippet(long, new Set(['absent']), 60);
    expect(marks(parts)).toEqual([]);
    expect(text(parts).startsWith('Filler words')).toBe(true);
  });

  it('reads paragraph breaks as spaces and never cuts a word', () => {
    const parts = snippet('First paragraph.\n\nSecond paragraph with target word inside it.', new Set(['target']), 30);
    expect(text(parts)).not.toContain('\n');
    for (const piece of text(parts).replace(/…/g, '').trim().split(/\s+/)) {
      expect('First paragraph. Second paragraph with target word inside it.').toContain(piece);
    }
  });
});
