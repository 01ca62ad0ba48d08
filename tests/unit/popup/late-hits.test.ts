/** Hits that arrive after the list is on screen never move the rows the user is on. */
import { describe, expect, it } from 'vitest';
import { placeLateHits } from '../../../src/popup/late-hits';

const rows = (...ids: string[]) => ids.map((id) => ({ id }));
const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);

describe('placeLateHits', () => {
  it('lists the ranked hits as they are when nothing is on screen yet', () => {
    expect(ids(placeLateHits([], rows('c1', 'b1', 'b2'), 0, 2))).toEqual(['c1', 'b1']);
  });

  it('keeps the rows on screen in their order and puts a late hit in its place by rank below the pinned row', () => {
    const shown = rows('b1', 'b2', 'b3', 'b4');
    // c1 ranks second: below the pinned top row it is where its rank says.
    expect(ids(placeLateHits(shown, rows('b1', 'c1', 'b2', 'b3', 'b4'), 0, 20))).toEqual(['b1', 'c1', 'b2', 'b3', 'b4']);
    // c2 ranks last: after every row.
    expect(ids(placeLateHits(shown, rows('b1', 'b2', 'b3', 'b4', 'c2'), 0, 20))).toEqual(['b1', 'b2', 'b3', 'b4', 'c2']);
  });

  it('never puts a late hit above the pinned row, even the best one', () => {
    const shown = rows('b1', 'b2', 'b3', 'b4');
    const ranked = rows('c1', 'b1', 'b2', 'c2', 'b3', 'b4');
    const placed = ids(placeLateHits(shown, ranked, 2, 20));
    expect(placed.slice(0, 3)).toEqual(['b1', 'b2', 'b3']);
    expect(placed).toEqual(['b1', 'b2', 'b3', 'c1', 'c2', 'b4']);
    // The top row is pinned when the user has not moved: the best late hit goes second.
    expect(ids(placeLateHits(shown, ranked, 0, 20))).toEqual(['b1', 'c1', 'b2', 'c2', 'b3', 'b4']);
  });

  it('cuts the list to the limit, but never at or above the pinned row', () => {
    const shown = rows('b1', 'b2', 'b3');
    expect(ids(placeLateHits(shown, rows('c1', 'c2', 'b1', 'b2', 'b3'), 0, 3))).toEqual(['b1', 'c1', 'c2']);
    expect(ids(placeLateHits(shown, rows('c1', 'c2', 'b1', 'b2', 'b3'), 2, 3))).toEqual(['b1', 'b2', 'b3']);
  });

  it('holds every late hit back while a row below the articles (a note) is pinned', () => {
    expect(ids(placeLateHits(rows('b1', 'b2'), rows('c1', 'b1', 'b2'), 3, 20))).toEqual(['b1', 'b2']);
  });

  it('fills an empty list whatever is pinned', () => {
    expect(ids(placeLateHits([], rows('c1'), 4, 20))).toEqual(['c1']);
  });
});
