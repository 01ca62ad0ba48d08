import type { Span } from '../shared/archive-format';
import { segmentsOf } from './text-segments';

interface Props {
  /** One block of the article's full text (title, summary or a paragraph). */
  text: string;
  /** The block's offset in the full text. */
  start: number;
  /** Full-text ranges to mark (mentions of the selected entity), sorted. */
  marks: readonly Span[];
}

/** A block of archived text, rendered as text nodes (never HTML) with <mark> runs. */
export function ArticleText({ text, start, marks }: Props) {
  return (
    <>
      {segmentsOf(text, start, marks).map((segment) =>
        segment.marked ? (
          <mark key={segment.start} data-offset={segment.start}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
