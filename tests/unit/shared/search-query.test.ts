import { describe, expect, it } from 'vitest';
import { isEmptyQuery, parseQuery } from '../../../src/shared/search-query';

describe('parseQuery', () => {
  it('normalizes words: lower case, accents, apostrophes, possessives, stopwords', () => {
    expect(parseQuery('The Kata’ib Hezbollah’s Café attacks').terms).toEqual(['kataib', 'hezbollah', 'cafe', 'attacks']);
  });

  it('reads quoted phrases as words to match and as a run to check, stopwords kept in the run', () => {
    const query = parseQuery('"holy war against the US" drone');
    expect(query.phrases).toEqual([['holy', 'war', 'against', 'the', 'us']]);
    expect(query.terms).toEqual(['holy', 'war', 'against', 'us', 'drone']);
  });

  it('does not treat a one-word quote as a phrase, and tolerates an unclosed quote', () => {
    expect(parseQuery('"kirby"').phrases).toEqual([]);
    expect(parseQuery('"drone strike').phrases).toEqual([['drone', 'strike']]);
  });

  it('reads entity:, host:, before: and after: fields, quoted or not', () => {
    const query = parseQuery('entity:"John Kirby" entity:centcom host:www.SputnikGlobe.com before:2024-03-01 after:2024-01-31 strikes');
    expect(query.entities).toEqual([['john', 'kirby'], ['centcom']]);
    expect(query.hosts).toEqual(['sputnikglobe.com']);
    expect(query.before).toBe('2024-03-01');
    expect(query.after).toBe('2024-01-31');
    expect(query.terms).toEqual(['strikes']);
  });

  it('ignores malformed dates and reads unknown fields as words', () => {
    const query = parseQuery('before:2024-13-45 after:yesterday foo:bar');
    expect(query.before).toBeNull();
    expect(query.after).toBeNull();
    expect(query.terms).toEqual(['foo', 'bar']);
  });

  it('calls a query of blanks or stopwords empty, and a lone filter not', () => {
    expect(isEmptyQuery(parseQuery('   '))).toBe(true);
    expect(isEmptyQuery(parseQuery('the of'))).toBe(true);
    expect(isEmptyQuery(parseQuery('host:sputnikglobe.com'))).toBe(false);
    expect(isEmptyQuery(parseQuery('after:2024-01-01'))).toBe(false);
  });
});
