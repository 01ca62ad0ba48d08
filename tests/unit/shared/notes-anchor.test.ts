import { describe, expect, it } from 'vitest';
import { anchorHighlight, describeRange } from '../../../src/shared/notes-anchor';

const TEXT =
  'The leader of the Kata’ib Hezbollah movement has vowed to “remain steadfast” in the militia’s holy war against US forces in the region in the wake of Wednesday’s drone attack.';

function selectorsFor(phrase: string, text = TEXT) {
  const start = text.indexOf(phrase);
  return describeRange(text, start, start + phrase.length);
}

describe('describeRange', () => {
  it('records the quote with 32 characters of context and the position', () => {
    const { quote, position } = selectorsFor('remain steadfast');
    expect(quote.exact).toBe('remain steadfast');
    expect(quote.prefix).toBe(TEXT.slice(TEXT.indexOf('remain') - 32, TEXT.indexOf('remain')));
    expect(quote.suffix).toBe(TEXT.slice(TEXT.indexOf('steadfast') + 9, TEXT.indexOf('steadfast') + 9 + 32));
    expect(position).toEqual({ type: 'TextPositionSelector', start: TEXT.indexOf('remain'), end: TEXT.indexOf('remain') + 16 });
  });
});

describe('anchorHighlight', () => {
  it('anchors at its position when the text is unchanged', () => {
    const { quote, position } = selectorsFor('holy war');
    expect(anchorHighlight(TEXT, quote, position)).toEqual({ start: position.start, end: position.end });
  });

  it('follows the quote when text before it was added (position stale)', () => {
    const { quote, position } = selectorsFor('holy war');
    const rebuilt = `A new first sentence was added. ${TEXT}`;
    const at = rebuilt.indexOf('holy war');
    expect(anchorHighlight(rebuilt, quote, position)).toEqual({ start: at, end: at + 'holy war'.length });
  });

  it('picks the occurrence whose context matches when the quote repeats', () => {
    const text = 'in the region. Drones struck the region again. The region';
    const start = text.indexOf('region', 20);
    const { quote, position } = describeRange(text, start, start + 6);
    const rebuilt = `Prefix text. ${text}`;
    expect(anchorHighlight(rebuilt, quote, position)).toEqual({ start: rebuilt.indexOf('region', 30), end: rebuilt.indexOf('region', 30) + 6 });
  });

  it('re-anchors fuzzily when the quoted passage itself changed a little', () => {
    const phrase = 'against US forces in the region in the wake';
    const { quote, position } = selectorsFor(phrase);
    const rebuilt = TEXT.replace('against US forces', 'against U.S. forces');
    const anchor = anchorHighlight(rebuilt, quote, position);
    expect(anchor).not.toBeNull();
    expect(rebuilt.slice(anchor?.start, anchor?.end)).toMatch(/^against U\.S\. forces in the region in the wak/);
  });

  it('is orphaned (null) when the passage is gone', () => {
    const { quote, position } = selectorsFor('remain steadfast');
    expect(anchorHighlight('A completely different article about something else entirely.', quote, position)).toBeNull();
  });
});
