/**
 * Datelines: "SEOUL, Sept. 24 –", "BERBERA, Somaliland, May 20 –", "LABUAN BAJO, Indonesia –". A
 * paragraph that opens with a name in capitals, a comma and, before a dash, a region or a date
 * says where the report was filed: the name is a place, and so is the region named after it. The
 * capitals are looked up in title case, so a known city keeps its entry (one entity with its other
 * mentions); a name no list holds is a place all the same, since the structure says so.
 */
import type { Knowledge } from './knowledge';
import type { Candidate } from './entity-candidates';

const DATELINE = /(?:^|\n)[ \t]*(\p{Lu}[\p{Lu}'’.-]*(?: \p{Lu}[\p{Lu}'’.-]*){0,3}),((?: \p{Lu}[\p{L}.'’-]*){1,3},)?([^\n—–]{0,40}?) [—–-] /gu;
const MONTH_OR_DAY = /^ (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\p{L}*\.? ?\d{0,2}$/u;

export function datelinePlaces(text: string, knowledge: Knowledge): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(DATELINE)) {
    const city = match[1]!;
    const region = match[2]?.slice(0, -1);
    const rest = match[3]!;
    // After the comma: a date ("Sept. 24"), a region then a date, or a region alone before the dash.
    const restIsRegion = region === undefined && /^(?: \p{Lu}[\p{L}.'’-]*){1,3}$/u.test(rest) && !MONTH_OR_DAY.test(rest);
    if (!(MONTH_OR_DAY.test(rest) || restIsRegion || (region !== undefined && (rest === '' || MONTH_OR_DAY.test(rest))))) continue;
    if (city.replace(/[^\p{Lu}]/gu, '').length < 3) continue;
    const start = match.index + match[0].indexOf(city);
    found.push(placeAt(start, city, knowledge, titleCase(city)));
    const regionText = (region ?? (restIsRegion ? rest : undefined))?.trim();
    if (regionText) {
      const regionStart = match.index + match[0].indexOf(regionText, match[0].indexOf(city) + city.length);
      found.push(placeAt(regionStart, regionText, knowledge, regionText));
    }
  }
  return found;
}

function placeAt(start: number, surface: string, knowledge: Knowledge, lookup: string): Candidate {
  const sense = knowledge.aliases.get(lookup)?.find((s) => knowledge.entries[s.entry]!.type === 'place');
  const entry = sense === undefined ? undefined : knowledge.entries[sense.entry]!;
  return { start, end: start + surface.length, type: 'place', ...(entry ? { name: entry.name, known: true } : {}) };
}

function titleCase(capitals: string): string {
  return capitals.replace(/\p{Lu}+/gu, (word) => word.charAt(0) + word.slice(1).toLowerCase());
}
