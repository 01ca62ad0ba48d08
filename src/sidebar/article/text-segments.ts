/** Cuts a block of archived text into plain and marked runs, for rendering marks as elements. */
import type { Span } from '../../shared/archive-format';

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

/** A highlight's place in the full text, as anchored now. */
export interface HighlightSpan {
  id: string;
  start: number;
  end: number;
}

export interface LayeredSegment extends Segment {
  /** The highlight this run belongs to (the earliest-starting one where they overlap). */
  highlightId: string | null;
}

/**
 * Like `segmentsOf`, with a second layer: runs also carry the highlight they fall in, so
 * entity marks and highlights combine (a run may be both).
 */
export function layeredSegmentsOf(
  block: string,
  blockStart: number,
  spans: readonly Span[],
  highlights: readonly HighlightSpan[],
): LayeredSegment[] {
  const blockEnd = blockStart + block.length;
  const cuts = new Set([blockStart, blockEnd]);
  for (const [start, end] of spans) for (const at of [start, end]) if (at > blockStart && at < blockEnd) cuts.add(at);
  for (const { start, end } of highlights) for (const at of [start, end]) if (at > blockStart && at < blockEnd) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const ordered = [...highlights].sort((a, b) => a.start - b.start);
  const segments: LayeredSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] ?? blockStart;
    const to = points[i + 1] ?? blockEnd;
    if (to <= from) continue;
    const marked = spans.some(([start, end]) => start <= from && end >= to && end > start);
    const highlightId = ordered.find((h) => h.start <= from && h.end >= to)?.id ?? null;
    const text = block.slice(from - blockStart, to - blockStart);
    const last = segments[segments.length - 1];
    if (last && last.marked === marked && last.highlightId === highlightId) last.text += text;
    else segments.push({ text, start: from, marked, highlightId });
  }
  return segments;
}
