/**
 * Where hits that arrive after the list is on screen go (the worker's captured hits, the
 * rest of the bundled list), so that the list never moves under the user: the rows on
 * screen keep their order, and no new row goes above the pinned row (the one chosen with
 * the arrow keys, the top one until the user moves, or the one under the pointer,
 * whichever is lower). Below it a new hit takes its place by rank. A hit ranked above the
 * pinned row therefore shows just below it: the order is then not the score's, by design
 * (a reorder under a pointer that is about to click, or an Enter about to open the top
 * row, opens the wrong article).
 */

/**
 * `shown`: the rows on screen, in their order; `ranked`: every hit known now, best first
 * (the merge of all answers so far). `pinned`: index of the lowest row that must not move;
 * one past the list or more (a note row below the articles is chosen) holds every new hit
 * back, since any row added would push that note down. Rows at or above `pinned` are never
 * cut by `limit`.
 */
export function placeLateHits<H extends { id: string }>(shown: readonly H[], ranked: readonly H[], pinned: number, limit: number): H[] {
  if (shown.length === 0) return ranked.slice(0, limit);
  if (pinned >= shown.length) return [...shown];
  const rank = new Map(ranked.map((hit, i) => [hit.id, i]));
  const rankOf = (hit: H): number => rank.get(hit.id) ?? Infinity;
  const onScreen = new Set(shown.map((hit) => hit.id));
  const rows = [...shown];
  for (const hit of ranked) {
    if (onScreen.has(hit.id)) continue;
    const own = rankOf(hit);
    // Only rows below the pinned one are compared: those above it may be out of rank order.
    let at = rows.findIndex((row, i) => i > pinned && rankOf(row) > own);
    if (at < 0) at = rows.length;
    rows.splice(at, 0, hit);
  }
  return rows.slice(0, Math.max(limit, pinned + 1));
}
