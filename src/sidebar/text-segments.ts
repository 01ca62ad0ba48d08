/** Cuts a block of archived text into plain and marked runs, for rendering marks as elements. */
import type { Span } from '../shared/archive-format';

export interface Segment {
  text: string;
  /** Offset of this run in the article's full text. */
  start: number;
  marked: boolean;
}

/**
 * `blockStart` is the block's offset in the full text; `spans` are full-text ranges, sorted
 * by start. Spans outside the block are ignored, overlapping ones merged, partial ones clipped.
 */
export function segmentsOf(block: string, blockStart: number, spans: readonly Span[]): Segment[] {
  const blockEnd = blockStart + block.length;
  const segments: Segment[] = [];
  let cursor = blockStart;
  const push = (from: number, to: number, marked: boolean): void => {
    if (to <= from) return;
    const last = segments[segments.length - 1];
    if (last && last.marked === marked) last.text += block.slice(from - blockStart, to - blockStart);
    else segments.push({ text: block.slice(from - blockStart, to - blockStart), start: from, marked });
  };
  for (const [spanStart, spanEnd] of spans) {
    const from = Math.max(spanStart, cursor);
    const to = Math.min(spanEnd, blockEnd);
    if (to <= from) continue;
    push(cursor, from, false);
    push(from, to, true);
    cursor = to;
  }
  push(cursor, blockEnd, false);
  return segments;
}
