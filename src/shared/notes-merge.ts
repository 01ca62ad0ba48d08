/**
 * Three-way merge of two edits of the same note text. Each side's edit is reduced to the
 * one region of `base` it changed (common prefix and suffix trimmed); edits of disjoint
 * regions both apply, overlapping ones do not merge (the caller keeps a conflict copy).
 * Used by the worker (a write based on an old revision) and by the sidebar (a remote
 * change arriving while the user types), so both sides merge the same way.
 */

interface Edit {
  /** The replaced region of base: [start, end). */
  start: number;
  end: number;
  insert: string;
}

function editOf(base: string, changed: string): Edit {
  const max = Math.min(base.length, changed.length);
  let prefix = 0;
  while (prefix < max && base.charCodeAt(prefix) === changed.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    base.charCodeAt(base.length - 1 - suffix) === changed.charCodeAt(changed.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start: prefix, end: base.length - suffix, insert: changed.slice(prefix, changed.length - suffix) };
}

/** Where each side's edit lands in a merge, or null when the two overlap. */
function placeEdits(a: Edit, b: Edit): { first: Edit; second: Edit } | null {
  const [first, second] = a.start < b.start || (a.start === b.start && a.end <= b.end) ? [a, b] : [b, a];
  // Two insertions at the same point both apply (ours first); other edits must not overlap.
  const bothInsertAtSamePoint = first.start === first.end && second.start === second.end && first.start === second.start;
  if (!bothInsertAtSamePoint && (first.start === second.start || first.end > second.start)) return null;
  return { first, second };
}

function applyPlaced(base: string, { first, second }: { first: Edit; second: Edit }): string {
  return base.slice(0, first.start) + first.insert + base.slice(first.end, second.start) + second.insert + base.slice(second.end);
}

/**
 * The merged text, or null when both sides changed the same region differently. For two
 * writes of one note (the worker): an edit that continues the other's (same region, its
 * text starting with the other's) is taken as the same writer who kept typing, e.g. a
 * write retried after its answer was lost.
 */
export function mergeText(base: string, ours: string, theirs: string): string | null {
  if (ours === theirs || theirs === base) return ours;
  if (ours === base) return theirs;
  const a = editOf(base, ours);
  const b = editOf(base, theirs);
  // One side kept typing where the other stopped (e.g. a write retried after its answer was
  // lost): the longer edit already holds the shorter one.
  if (a.start === b.start && a.end === b.end) {
    if (b.insert.startsWith(a.insert)) return theirs;
    if (a.insert.startsWith(b.insert)) return ours;
  }
  const placed = placeEdits(a, b);
  return placed && applyPlaced(base, placed);
}

/**
 * Another tab's note (`incoming`) merged into what the user is typing (`typed`), both
 * changed from `base`, with the user's caret (a position in `typed`) carried to the same
 * place in the result. Unlike mergeText, the user's typing is never taken for part of the
 * other tab's words because those begin with it: a word half typed ("[t") where another
 * tab added "[t86]" is kept, after the other tab's words, with the caret after it (taken
 * for a continuation, the user's letters were dropped and the caret landed inside the
 * other tab's word, whose next keys then broke it apart). Null when the two overlap.
 */
export function mergeTyping(base: string, incoming: string, typed: string, caret: number): { text: string; caret: number } | null {
  if (incoming === typed || incoming === base) return { text: typed, caret };
  const a = editOf(base, incoming);
  if (typed === base) return { text: incoming, caret: throughEdit(a, caret) };
  const b = editOf(base, typed);
  // Both added the same text at the same place: one copy.
  if (a.start === b.start && a.end === b.end && a.insert === b.insert) return { text: typed, caret };
  const placed = placeEdits(a, b);
  if (!placed) return null;
  const text = applyPlaced(base, placed);
  // Where the user's edit starts in the result: after the incoming edit when that comes first.
  const shift = placed.first === a ? a.insert.length - (a.end - a.start) : 0;
  const typedEnd = b.start + b.insert.length;
  if (caret >= b.start && caret <= typedEnd) return { text, caret: caret + shift };
  // Outside the user's own edit: a place of the base text, moved by each edit before it.
  const inBase = caret < b.start ? caret : caret - b.insert.length + (b.end - b.start);
  return { text, caret: throughEdit(a, inBase) + (caret > typedEnd ? b.insert.length - (b.end - b.start) : 0) };
}

/** A position in the base text carried through `edit` (after an insertion made there; inside a replaced region: after its new text). */
function throughEdit(edit: Edit, at: number): number {
  if (at < edit.start || (at === edit.start && edit.end > edit.start)) return at;
  if (at >= edit.end) return at + edit.insert.length - (edit.end - edit.start);
  return edit.start + edit.insert.length;
}
