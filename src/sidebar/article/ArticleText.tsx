import type { Span } from '../../shared/archive-format';
import { layeredSegmentsOf, type HighlightSpan } from './text-segments';

interface Props {
  /** One block of the article's full text (title, summary or a paragraph). */
  text: string;
  /** The block's offset in the full text. */
  start: number;
  /** Full-text ranges to mark (mentions of the selected entity), sorted. */
  marks: readonly Span[];
  /** The user's highlights, as anchored in the full text now. */
  highlights?: readonly HighlightSpan[];
}

const NO_HIGHLIGHTS: readonly HighlightSpan[] = [];

/**
 * A block of archived text, rendered as text nodes (never HTML) with <mark> runs. The
 * wrapper carries the block's full-text offset, so a selection maps back to offsets
 * (see selection-offsets.ts).
 */
export function ArticleText({ text, start, marks, highlights = NO_HIGHLIGHTS }: Props) {
  return (
    <span class="block-text" data-block-start={start}>
      {layeredSegmentsOf(text, start, marks, highlights).map((segment) => {
        const content = segment.marked ? (
          <mark key={segment.start} data-offset={segment.start}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        );
        return segment.highlightId === null ? (
          content
        ) : (
          <mark key={`h${segment.start}`} class="highlight" data-highlight={segment.highlightId} data-offset={segment.start}>
            {content}
          </mark>
        );
      })}
    </span>
  );
}
