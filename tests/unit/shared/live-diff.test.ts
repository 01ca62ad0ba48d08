/** The live-page comparison's normalization and word diff (src/shared/live-diff.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitRunTogetherParagraphs } from '../../../scripts/archive/parse-seed';
import { diffParagraphs, diffTexts, normalizeText, sharedShare, splitWords, wordKey } from '../../../src/shared/live-diff';

const changed = (archived: string[], live: string[]) => {
  const diff = diffTexts(archived, live);
  if (!diff) throw new Error('diff timed out');
  return { added: diff.added, removed: diff.removed };
};

describe('normalization', () => {
  it('makes typographic quotes, dashes and ellipses plain', () => {
    expect(normalizeText('Kata’ib “remain steadfast” ‘Islamic’ „quoted‟ wait…')).toBe('Kata\'ib "remain steadfast" \'Islamic\' "quoted" wait...');
    expect(normalizeText('Iraq’ – a movement')).toBe(normalizeText("Iraq'—a movement"));
    expect(normalizeText('Iraq - a movement')).toBe(normalizeText('Iraq–a movement'));
    expect(wordKey('US‑led')).toBe('US‑led'); // a non-breaking hyphen inside a word is kept as written
  });

  it('collapses any whitespace and drops invisible characters', () => {
    expect(normalizeText('  a\u00A0b\t\n c\u2009d  ')).toBe('a b c d');
    expect(normalizeText('gov\u00ADern\u200Bment')).toBe('government');
  });

  it('composes Unicode (NFC)', () => {
    expect(normalizeText('Cafe\u0301')).toBe(normalizeText('Caf\u00E9'));
  });

  it('splits run-together sentences as the archive compiler does', () => {
    expect(splitWords('commanders.Al-Saadi, a')).toEqual(['commanders.', 'Al-Saadi,', 'a']);
    expect(splitWords('overseas.”* IS, also')).toEqual(['overseas.”', '*', 'IS,', 'also']);
    expect(splitWords('U.S.Army')).toEqual(['U.S.Army']);
    const seed = readFileSync('seeds/000_59385ec765e4fea4.txt', 'utf8');
    const runTogether = seed.split('\n\n').find((block) => block.includes('commanders.Al-Saadi')) ?? '';
    expect(runTogether).not.toBe('');
    expect(normalizeText(runTogether)).toBe(normalizeText(splitRunTogetherParagraphs(runTogether).join('\n\n')));
  });
});

describe('the diff summary', () => {
  const archived = ['A Headline About Things', 'First paragraph, with “quotes” – and a dash.', 'Second one.Third one.'];

  it('never counts whitespace, quotes, dashes, paragraph breaks or run-together sentences', () => {
    const live = ['A  Headline\nAbout Things', 'First paragraph, with "quotes"—and a dash. Second one.', 'Third one.'];
    expect(changed(archived, live)).toEqual({ added: 0, removed: 0 });
  });

  it('counts words added and removed', () => {
    const live = ['A Headline About Things', 'First paragraph, with “quotes” – and a long dash.', 'Second one.Third one.'];
    expect(changed(archived, live)).toEqual({ added: 1, removed: 0 });
    expect(changed(archived, ['A Headline About Stuff', ...archived.slice(1)])).toEqual({ added: 1, removed: 1 });
    expect(changed(archived, [archived[0] ?? '', archived[2] ?? ''])).toEqual({ added: 0, removed: 8 }); // First paragraph, with “quotes” – and a dash.
  });

  it('tells how much of the archived text the live one shares', () => {
    expect(sharedShare(diffTexts(archived, archived) ?? { parts: [], added: 0, removed: 0 })).toBe(1);
    expect(sharedShare(diffTexts(archived, ['Something else entirely']) ?? { parts: [], added: 0, removed: 0 })).toBe(0);
  });

  it('gives up (null) rather than run past its time budget', () => {
    const many = (seed: number) => Array.from({ length: 20_000 }, (_, i) => `w${(i * seed) % 9973}`).join(' ');
    expect(diffTexts([many(7)], [many(13)], 1)).toBeNull();
  });
});

describe('paragraph alignment', () => {
  it('starts a paragraph wherever either text starts one, and keeps added paragraphs apart', () => {
    const diff = diffTexts(['Title here', 'One two three.', 'Four five.'], ['Title here', 'One two three.', 'Brand new paragraph.', 'Four five.']);
    expect(diff && diffParagraphs(diff.parts)).toEqual([
      [{ kind: 'same', text: 'Title here' }],
      [{ kind: 'same', text: 'One two three.' }],
      [{ kind: 'added', text: 'Brand new paragraph.' }],
      [{ kind: 'same', text: 'Four five.' }],
    ]);
  });

  it('shows an edit inside its paragraph, removed before added, same words as the live page has them', () => {
    const diff = diffTexts(['Title', 'It was “big” and red.'], ['Title', 'It was "big" and blue.']);
    expect(diff && diffParagraphs(diff.parts)).toEqual([
      [{ kind: 'same', text: 'Title' }],
      [
        { kind: 'same', text: 'It was "big" and' },
        { kind: 'removed', text: 'red.' },
        { kind: 'added', text: 'blue.' },
      ],
    ]);
  });

  it('slides an added paragraph to paragraph boundaries when the diff is ambiguous', () => {
    const archived = ['T', 'First one.', 'The leader spoke.'];
    const live = ['T', 'First one.', 'Update: The Pentagon said so.', 'The leader spoke.'];
    const diff = diffTexts(archived, live);
    expect(diff && diffParagraphs(diff.parts)).toEqual([
      [{ kind: 'same', text: 'T' }],
      [{ kind: 'same', text: 'First one.' }],
      [{ kind: 'added', text: 'Update: The Pentagon said so.' }],
      [{ kind: 'same', text: 'The leader spoke.' }],
    ]);
    const removed = diffTexts(live, archived);
    expect(removed && diffParagraphs(removed.parts)[2]).toEqual([{ kind: 'removed', text: 'Update: The Pentagon said so.' }]);
  });

  it('keeps the archive’s paragraphs where the live page runs them together', () => {
    const diff = diffTexts(['T', 'One.', 'Two.'], ['T', 'One. Two.']);
    expect(diff && diffParagraphs(diff.parts).map((runs) => runs.map((run) => run.text).join(' '))).toEqual(['T', 'One.', 'Two.']);
  });
});
