/**
 * The popup's query language: words (prefix and typo tolerant), "quoted phrases", and
 * fields: entity:"John Kirby" (or entity:kirby), host:sputnikglobe.com, before:2024-03-01,
 * after:2024-01-01. Unknown fields are read as words; malformed dates are ignored.
 */
import { terms, words } from './search-text';

export interface ParsedQuery {
  /** Normalized terms of the free text and of the phrases, in order, without stopwords. */
  terms: string[];
  /** Each quoted phrase as its normalized words (stopwords kept), to check in the text. */
  phrases: string[][];
  /** Each entity filter as its normalized words: an entity name or alias must contain them. */
  entities: string[][];
  /** Site hosts, lower-case, without www. */
  hosts: string[];
  /** Articles dated strictly before this ISO date. */
  before: string | null;
  /** Articles dated strictly after this ISO date. */
  after: string | null;
}

/** field:"quoted value" | field:value | "phrase" | word */
const TOKEN = /(\w+):"([^"]*)"?|(\w+):(\S+)|"([^"]*)"?|(\S+)/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function phraseWords(text: string): string[] {
  return words(text).map((w) => w.term);
}

function validDate(value: string): string | null {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}

export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { terms: [], phrases: [], entities: [], hosts: [], before: null, after: null };
  const free: string[] = [];
  for (const match of input.matchAll(TOKEN)) {
    const field = (match[1] ?? match[3])?.toLowerCase();
    const value = match[2] ?? match[4];
    if (field !== undefined && value !== undefined) {
      if (field === 'entity') {
        const entityTerms = terms(value);
        if (entityTerms.length > 0) query.entities.push(entityTerms);
        continue;
      }
      if (field === 'host' || field === 'site') {
        const host = value.toLowerCase().replace(/^(www|m|amp)\./, '').replace(/\/.*$/, '');
        if (host) query.hosts.push(host);
        continue;
      }
      if (field === 'before' || field === 'after') {
        const date = validDate(value);
        if (date) query[field] = date;
        continue;
      }
      free.push(match[0]);
      continue;
    }
    if (match[5] !== undefined) {
      const phrase = phraseWords(match[5]);
      if (phrase.length > 1) query.phrases.push(phrase);
      free.push(match[5]);
      continue;
    }
    free.push(match[6] ?? '');
  }
  query.terms = terms(free.join(' '));
  return query;
}

/** Whether the query asks for anything: with nothing, the popup shows recent articles. */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.terms.length === 0 && query.entities.length === 0 && query.hosts.length === 0 && !query.before && !query.after;
}
