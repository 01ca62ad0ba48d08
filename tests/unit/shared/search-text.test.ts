import { describe, expect, it } from 'vitest';
import { snippet, words } from '../../../src/shared/search-text';

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
