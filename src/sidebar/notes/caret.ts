/**
 * Where the caret goes when the note's text is replaced under the user (another tab's words
 * merged in while they type): where it was in their own text, not at the end of the note,
 * so the next key lands where they were typing.
 */
export function caretAfter(before: string, after: string, caret: number): number {
  const head = before.slice(0, caret);
  const tail = before.slice(caret);
  if (after.startsWith(head)) return caret; // the change came after the caret
  if (after.endsWith(tail)) return after.length - tail.length; // before it
  return Math.min(caret, after.length);
}
