/**
 * The one place that reads wink-nlp: tokens with exact offsets, part of speech and
 * sentence, and the date expressions its English model finds. Everything downstream works
 * on these plain records, so the NLP engine can be swapped without touching the rules.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const wink = winkNLP(model);
const its = wink.its;

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal POS tag ("PROPN", "NOUN", "PUNCT", ...). */
  pos: string;
  sentence: number;
  /** First word token of its sentence. */
  sentenceStart: boolean;
}

export interface DateSpan {
  start: number;
  end: number;
  /** wink's entity type: DATE, DURATION, TIME... */
  kind: string;
}

export interface Analysis {
  tokens: Token[];
  dates: DateSpan[];
}

export function analyze(text: string): Analysis {
  const doc = wink.readDoc(text);
  const values = doc.tokens().out();
  const tags = doc.tokens().out(its.pos) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const raw: { start: number; end: number; text: string; pos: string }[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    cursor += spaces[i]?.length ?? 0;
    // wink's text is lossless; indexOf only guards against a normalization it might do.
    const start = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    const at = start < 0 ? cursor : start;
    raw.push({ start: at, end: at + value.length, text: value, pos: tags[i] ?? 'X' });
    cursor = at + value.length;
  });
  // wink splits a word at some accented letters ("Marić" → "Mari" "ć"): glue letters back together.
  for (let i = raw.length - 1; i > 0; i--) {
    const previous = raw[i - 1]!;
    const token = raw[i]!;
    if (previous.end === token.start && /^\p{L}+$/u.test(token.text) && /^\p{L}+$/u.test(previous.text)) {
      raw[i - 1] = { ...previous, end: token.end, text: previous.text + token.text };
      raw[i] = { ...token, text: '', start: token.end };
    }
  }
  const sentenceOf = new Array<number>(raw.length).fill(0);
  (doc.sentences().out(its.span) as unknown as [number, number][]).forEach(([from, to], k) => {
    for (let i = from; i <= to; i++) sentenceOf[i] = k;
  });
  const tokens: Token[] = [];
  let lastSentence = -1;
  raw.forEach((token, i) => {
    if (token.text === '') return;
    const sentence = sentenceOf[i] ?? 0;
    for (const piece of splitHyphens(token)) {
      const isWord = /[\p{L}\p{N}]/u.test(piece.text);
      const sentenceStart = isWord && sentence !== lastSentence;
      if (isWord) lastSentence = sentence;
      tokens.push({ ...piece, sentence, sentenceStart });
    }
  });
  joinShortHyphenatedNames(tokens);
  const spans = doc.entities().out(its.span) as unknown as [number, number][];
  const dates = (doc.entities().out(its.detail) as unknown as { type: string }[]).map((detail, k) => {
    const span = spans[k] ?? [0, 0];
    return { start: raw[span[0]]?.start ?? 0, end: raw[span[1]]?.end ?? 0, kind: detail.type };
  });
  return { tokens, dates };
}

/** "anti-US" is one wink token; names inside it ("US") need their own boundary. */
function splitHyphens(token: { start: number; end: number; text: string; pos: string }): typeof token[] {
  if (!/\p{L}-\p{L}/u.test(token.text)) return [token];
  const pieces: (typeof token)[] = [];
  for (const match of token.text.matchAll(/[^-]+|-/g)) {
    const start = token.start + match.index;
    pieces.push({ start, end: start + match[0].length, text: match[0], pos: match[0] === '-' ? 'PUNCT' : token.pos });
  }
  return pieces;
}

/** Korean and similar given names ("Hae-won", "Jong-un"): one name, though wink splits them. */
function joinShortHyphenatedNames(tokens: Token[]): void {
  for (let i = tokens.length - 3; i >= 0; i--) {
    const [left, hyphen, right] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (
      hyphen.text === '-' && left.end === hyphen.start && hyphen.end === right.start &&
      /^\p{Lu}\p{Ll}{1,3}$/u.test(left.text) && /^\p{Ll}{1,3}$/u.test(right.text)
    ) {
      tokens.splice(i, 3, { ...left, end: right.end, text: left.text + '-' + right.text, pos: 'PROPN' });
    }
  }
}
