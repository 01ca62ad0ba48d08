/**
 * "the Democratic Action and People's Justice parties", "the Transport and General Workers unions": two
 * names that share one plural head noun after "and" are two bodies, each named with the head in the
 * singular ("Democratic Action Party", "People's Justice Party"), though neither full name is written.
 */
import { overlaps, type Candidate } from './entity-candidates';

const HEADS: Readonly<Record<string, string>> = {
  parties: 'Party',
  unions: 'Union',
  federations: 'Federation',
  associations: 'Association',
  alliances: 'Alliance',
  movements: 'Movement',
  fronts: 'Front',
  councils: 'Council',
};

const NAME = "\\p{Lu}[\\p{L}'-]*(?: \\p{Lu}[\\p{L}'-]*){0,3}";
const SHARED = new RegExp(`(?<![\\p{L}'-])(${NAME}) and (${NAME}) (${Object.keys(HEADS).join('|')})(?![\\p{L}])`, 'gu');
/** Words that open a sentence or a name without being part of it. */
const OPENERS = /^(?:The|A|An|Both|Its|Their|His|Her) /;

/** The pairs' mentions, each with its full name, in place of whatever the earlier steps found inside them. */
export function withSharedHeads(text: string, named: readonly Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(SHARED)) {
    const head = HEADS[match[3]!]!;
    const opener = OPENERS.exec(match[1]!)?.[0].length ?? 0;
    const first = { start: match.index + opener, end: match.index + match[1]!.length };
    const secondStart = first.end + ' and '.length;
    const second = { start: secondStart, end: secondStart + match[2]!.length };
    for (const span of [first, second]) {
      if (span.end > span.start) found.push({ ...span, type: 'org', name: `${text.slice(span.start, span.end)} ${head}` });
    }
  }
  if (found.length === 0) return [...named];
  return [...named.filter((c) => !found.some((f) => overlaps(c, f))), ...found].sort((a, b) => a.start - b.start);
}
