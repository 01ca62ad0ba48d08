/** Maps a DOM selection in the archived text back to full-text offsets (see ArticleText). */

function blockOf(node: Node): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  return element?.closest<HTMLElement>('[data-block-start]') ?? null;
}

function offsetOf(node: Node, offset: number): number | null {
  const block = blockOf(node);
  const blockStart = Number(block?.dataset.blockStart);
  if (!block || !Number.isInteger(blockStart)) return null;
  const before = block.ownerDocument.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  return blockStart + before.toString().length;
}

/** The full-text [start, end) a range covers, or null when it is not inside the archived text. */
export function rangeOffsets(range: Range): { start: number; end: number } | null {
  if (range.collapsed) return null;
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
