/**
 * Anchoring highlights in an article's full text (`articleFullText`), after the W3C Web
 * Annotation selectors: a TextPositionSelector is tried first, then the exact quote with
 * its context, then a fuzzy search for the quote (approx-string-match, as Hypothesis
 * does), so a highlight survives the archive text being rebuilt with small changes.
 */
import search from 'approx-string-match';
import { QUOTE_CONTEXT_LENGTH, type TextPositionSelector, type TextQuoteSelector } from './notes-schema';

export interface Anchor {
  start: number;
  end: number;
}

/** The selectors that describe [start, end) of `text`. */
export function describeRange(text: string, start: number, end: number): { quote: TextQuoteSelector; position: TextPositionSelector } {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** 1 when `pattern` occurs in `text` exactly, down to 0 at `pattern.length` errors. */
function contextScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0.5;
  const matches = search(text, pattern, Math.floor(pattern.length / 2));
  if (matches.length === 0) return 0;
  return 1 - Math.min(...matches.map((match) => match.errors)) / pattern.length;
}

/** Up to this share of a quote's characters may differ for it to still anchor. */
const MAX_ERROR_RATE = 0.25;

/**
 * Where the highlight is in `text` now, or null when it no longer anchors (the caller
 * lists it as orphaned; it is never dropped).
 */
export function anchorHighlight(text: string, quote: TextQuoteSelector, position: TextPositionSelector): Anchor | null {
  const { exact, prefix, suffix } = quote;
  if (text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end };

  const maxErrors = Math.min(256, Math.floor(exact.length * MAX_ERROR_RATE));
  const candidates = search(text, exact, maxErrors);
  if (candidates.length === 0) return null;
  let best: Anchor | null = null;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const quoteScore = 1 - candidate.errors / exact.length;
    const prefixScore = contextScore(text.slice(Math.max(0, candidate.start - prefix.length - 8), candidate.start), prefix);
    const suffixScore = contextScore(text.slice(candidate.end, candidate.end + suffix.length + 8), suffix);
    const positionScore = 1 - Math.abs(candidate.start - position.start) / Math.max(1, text.length);
    // Weights as in Hypothesis's match-quote: the quote matters most, then its context.
    const score = 50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore;
    if (score > bestScore) {
      bestScore = score;
      best = { start: candidate.start, end: candidate.end };
    }
  }
  return best;
}
