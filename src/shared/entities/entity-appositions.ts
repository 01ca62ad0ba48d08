/**
 * Appositions that say a name is a body: "KNAPK, the association of fishermen and hunters,",
 * "Ferroviário da Beira, the city's football club.", "Naalakkersuisut, Greenland's cabinet,", and
 * the other way round, "Argentina's train drivers' union, La Fraternidad, halted …". The noun must
 * close its phrase ("the union's leader", "a party official" describe a person by the body), so it
 * outweighs a given name the name may hold; nouns that people are called too ("rival", "partner",
 * "side") are not among them.
 */
import type { Token } from './nlp-tokens';

const BODY_NOUNS = new Set(
  `company firm group bank lender insurer carrier airline carmaker automaker chipmaker drugmaker operator broadcaster
  regulator club party conglomerate retailer supplier manufacturer publisher miner refiner pollster utility agency
  newspaper outlet channel watchdog militia coalition alliance union corporation subsidiary affiliate journal daily
  weekly magazine tabloid consultancy bloc ministry bourse charity cooperative gang cartel syndicate association
  federation confederation cabinet parliament legislature brokerage university institute foundation organisation
  organization league`.split(/\s+/),
);

/** Words that close the noun's phrase after it. */
const CLOSERS = /^(?:,|\.|;|of|for|that|which|whose|based|owned|run|founded|said|says)$/;

/** Between the comma and the noun: articles, lower-case words, a possessive and its owner ("Greenland's", "drivers'"). */
function isModifier(token: Token, next: Token | undefined): boolean {
  if (/^(?:the|a|an|its|'s|'|-)$/.test(token.text)) return true;
  if (/^\p{Ll}[\p{Ll}-]*$/u.test(token.text)) return token.pos !== 'VERB' && token.pos !== 'AUX';
  return /^\p{Lu}/u.test(token.text) && (next?.text === "'s" || next?.text === '-');
}

/** "NAME, the association of …": the name ending at token `last` is described as a body. */
export function hasBodyApposition(tokens: readonly Token[], last: number): boolean {
  if (tokens[last + 1]?.text !== ',') return false;
  for (let i = last + 2; i <= last + 8; i++) {
    const token = tokens[i];
    if (!token) return false;
    if (BODY_NOUNS.has(token.text) && i > last + 2) return CLOSERS.test(tokens[i + 1]?.text ?? '.');
    if (!isModifier(token, tokens[i + 1])) return false;
  }
  return false;
}

/** "… drivers' union, NAME, halted": a body's noun, a comma, then the name starting at token `first`, closed by a comma. */
export function followsBodyNoun(tokens: readonly Token[], first: number, last: number): boolean {
  return tokens[first - 1]?.text === ',' && BODY_NOUNS.has(tokens[first - 2]?.text ?? '') && tokens[last + 1]?.text === ',' && tokens[first - 3]?.text !== 'and';
}
