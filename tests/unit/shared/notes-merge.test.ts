import { describe, expect, it } from 'vitest';
import { mergeText } from '../../../src/shared/notes-merge';

describe('mergeText (three-way merge of a note)', () => {
  it.each<[string, string, string, string, string | null]>([
    ['no change on either side', 'a b c', 'a b c', 'a b c', 'a b c'],
    ['only ours changed', 'a b c', 'a B c', 'a b c', 'a B c'],
    ['only theirs changed', 'a b c', 'a b c', 'a b C', 'a b C'],
    ['both made the same change', 'a b c', 'a X c', 'a X c', 'a X c'],
    ['edits of different lines', 'one\ntwo', 'one, A\ntwo', 'one\ntwo, B', 'one, A\ntwo, B'],
    ['theirs before ours', 'one\ntwo', 'one\ntwo!', 'One\ntwo', 'One\ntwo!'],
    ['both append at the end (both kept, ours first)', 'note', 'note A', 'note B', 'note A B'],
    ['one kept typing where the other stopped', 'note', 'note abc', 'note abcdef', 'note abcdef'],
    ['both rewrote the same words', 'the old text', 'the new text', 'the other text', null],
    ['a deletion overlapping an edit', 'keep this part', 'keep', 'keep THIS part', null],
    ['both replaced everything', 'Line one.', 'Rewritten by A.', 'Rewritten by B.', null],
  ])('%s', (_name, base, ours, theirs, expected) => {
    expect(mergeText(base, ours, theirs)).toBe(expected);
  });

  it('never loses either side when it merges', () => {
    const base = 'alpha\nbeta\ngamma\ndelta';
    const merged = mergeText(base, 'ALPHA\nbeta\ngamma\ndelta', 'alpha\nbeta\ngamma\nDELTA');
    expect(merged).toBe('ALPHA\nbeta\ngamma\nDELTA');
  });
});
