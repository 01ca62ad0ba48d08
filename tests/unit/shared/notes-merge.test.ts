import { describe, expect, it } from 'vitest';
import { mergeText, mergeTyping } from '../../../src/shared/notes-merge';

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

describe('mergeTyping (another tab’s note merged into what the user is typing, with the caret)', () => {
  // The caret is shown as "|" in `typed` and in the expected text.
  it.each<[string, string, string, string, string | null]>([
    ['a word half typed where the other tab added one beginning like it', '[t84]\n', '[t84]\n[t86]\n', '[t84]\n[t|', '[t84]\n[t86]\n[t|'],
    ['the same at the start of the note', 'Line.\n', '[t90]\nLine.\n', '[t|Line.\n', '[t90]\n[t|Line.\n'],
    ['typing at the start, the other tab’s line at the end', 'one\n', 'one\nB\n', 'Start |one\n', 'Start |one\nB\n'],
    ['typing at the end, the other tab’s line at the start', 'one\n', 'A\none\n', 'one\nmore|', 'A\none\nmore|'],
    ['the caret after the typing, in the text', 'one\ntwo\n', 'one\ntwo\nB\n', 'ONE\nt|wo\n', 'ONE\nt|wo\nB\n'],
    ['the caret before the typing', 'one\ntwo\n', 'A\none\ntwo\n', 'o|ne\ntwo, more\n', 'A\no|ne\ntwo, more\n'],
    ['nothing typed: the caret carried past the other tab’s words before it', 'one\n', 'A\none\n', 'one|\n', 'A\none|\n'],
    ['nothing typed, the other tab’s words after the caret', 'one\ntwo\n', 'one\ntwo\nB\n', 'one|\ntwo\n', 'one|\ntwo\nB\n'],
    ['both added the same words at the same place: one copy', 'one\n', 'one\nsame\n', 'one\nsame\n|', 'one\nsame\n|'],
    ['both rewrote the same words', 'the old text', 'the new text', 'the other| text', null],
  ])('%s', (_name, base, incoming, typedWithCaret, expected) => {
    const caret = typedWithCaret.indexOf('|');
    const merged = mergeTyping(base, incoming, typedWithCaret.replace('|', ''), caret);
    expect(merged && `${merged.text.slice(0, merged.caret)}|${merged.text.slice(merged.caret)}`).toBe(expected);
  });

  it('keeps every word of both sides when it merges (the word half typed is not taken for the other tab’s)', () => {
    const merged = mergeTyping('[t84]\n', '[t84]\n[t86]\n', '[t84]\n[t8', 8);
    expect(merged?.text).toBe('[t84]\n[t86]\n[t8');
    // mergeText, for two writes of one writer, takes it for a continuation: the worker's case.
    expect(mergeText('[t84]\n', '[t84]\n[t86]\n', '[t84]\n[t8')).toBe('[t84]\n[t86]\n');
  });
});
