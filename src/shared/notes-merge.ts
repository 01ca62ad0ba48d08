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

/** The merged text, or null when both sides changed the same region differently. */
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
  const [first, second] = a.start < b.start || (a.start === b.start && a.end <= b.end) ? [a, b] : [b, a];
  // Two insertions at the same point both apply (ours first); other edits must not overlap.
  const bothInsertAtSamePoint = first.start === first.end && second.start === second.end && first.start === second.start;
  if (!bothInsertAtSamePoint && (first.start === second.start || first.end > second.start)) return null;
  return base.slice(0, first.start) + first.insert + base.slice(first.end, second.start) + second.insert + base.slice(second.end);
}
