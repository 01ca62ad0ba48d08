import { describe, expect, it } from 'vitest';
import type { Span } from '../../../../src/shared/archive-format';
import { segmentsOf, type Segment } from '../../../../src/sidebar/article/text-segments';

// The block starts at offset 100 of the article's full text.
const BLOCK = 'John Kirby said CENTCOM struck Baghdad.';
const START = 100;
const at = (word: string): number => START + BLOCK.indexOf(word);
const span = (word: string): Span => [at(word), at(word) + word.length];

/** Segments written as [text, marked], which reads better in a table. */
function runs(segments: readonly Segment[]): Array<[string, boolean]> {
  return segments.map((segment) => [segment.text, segment.marked]);
}

describe('segmentsOf', () => {
  it.each<[string, Span[], Array<[string, boolean]>]>([
    ['no spans', [], [[BLOCK, false]]],
    [
      'one span in the middle',
      [span('CENTCOM')],
      [['John Kirby said ', false], ['CENTCOM', true], [' struck Baghdad.', false]],
    ],
    [
      'spans at the start and the end',
      [span('John Kirby'), span('Baghdad.')],
      [['John Kirby', true], [' said CENTCOM struck ', false], ['Baghdad.', true]],
    ],
    ['a span over the whole block', [[START, START + BLOCK.length]], [[BLOCK, true]]],
    ['spans wholly before and after the block', [[0, 50], [START + BLOCK.length, START + BLOCK.length + 9]], [[BLOCK, false]]],
    [
      'a span starting before the block (clipped)',
      [[START - 20, at('Kirby') + 'Kirby'.length]],
      [['John Kirby', true], [' said CENTCOM struck Baghdad.', false]],
    ],
    [
      'a span ending after the block (clipped)',
      [[at('Baghdad'), START + BLOCK.length + 30]],
      [['John Kirby said CENTCOM struck ', false], ['Baghdad.', true]],
    ],
    [
      'overlapping spans (merged)',
      [[at('said'), at('CENTCOM') + 3], [at('CENTCOM'), at('struck')]],
      [['John Kirby ', false], ['said CENTCOM ', true], ['struck Baghdad.', false]],
    ],
    [
      'a span inside another (merged)',
      [span('John Kirby'), span('Kirby')],
      [['John Kirby', true], [' said CENTCOM struck Baghdad.', false]],
    ],
    [
      'adjacent spans (one run)',
      [span('John'), [at(' Kirby'), at(' Kirby') + 6]],
      [['John Kirby', true], [' said CENTCOM struck Baghdad.', false]],
    ],
    ['an empty span', [[at('said'), at('said')]], [[BLOCK, false]]],
  ])('%s', (_name, spans, expected) => {
    expect(runs(segmentsOf(BLOCK, START, spans))).toEqual(expected);
  });

  it('gives each run its full-text offset, and the runs rebuild the block', () => {
    const segments = segmentsOf(BLOCK, START, [span('John Kirby'), span('CENTCOM'), span('Baghdad')]);
    expect(segments.map((segment) => segment.text).join('')).toBe(BLOCK);
    expect(segments.map((segment) => segment.start)).toEqual([at('John'), at(' said'), at('CENTCOM'), at(' struck'), at('Baghdad'), at('.')]);
  });

  it('handles an empty block', () => {
    expect(segmentsOf('', START, [[START, START + 5]])).toEqual([]);
  });
});
