/**
 * Date mentions: the date expressions of wink-nlp's English model, plus patterns it leaves
 * out (years, named parts of a year, relative periods), trimmed and filtered to what
 * tests/fixtures/entities/CONVENTIONS.md calls a date: an expression that points at a time,
 * without its leading preposition; not a duration, an age or a vague span.
 */
import type { Span } from '../archive-format';
import { addNonOverlapping, type Candidate } from './entity-candidates';
import type { DateSpan } from './nlp-tokens';

const LEADING_WORDS = new Set(['in', 'on', 'at', 'by', 'after', 'before', 'since', 'until', 'during', 'from', 'of', 'to', 'for', 'and', 'or', 'as', 'till', 'between']);
/** Spans that do not point at a time ("a decade ago", "days earlier", "in recent months"). */
const VAGUE = /\b(?:ago|earlier|later|recent|recently|past few|coming|decades?|centuries|century|years|months|weeks|days)\b/i;
/** "the first nine months of 2025", "the end of the decade", "the early 20th century" point at a time, though "months", "decade" or "century" alone is a span. */
const COUNTED_MONTHS = /^the (?:first \p{L}+ months of |(?:start|beginning|middle|end) of the decade$|(?:(?:early|mid|late)[- ])?\d{1,2}(?:st|nd|rd|th) century$|(?:first|second|third|fourth|final|last) days? of )/u;
/** Ages and temperatures written as decades ("in her 20s", "the mid-30s"). */
const AGE = /^(?:(?:early|mid|late)-?\s?)?\d0s$/i;
/** A date in lower case only is a named relative period ("last week", "yesterday"). */
const RELATIVE = /^(?:(?:early|late|mid)[- ])?(?:(?:last|next|this|past) \p{L}+|yesterday|today|tomorrow|tonight|(?:the )?day before yesterday)$/iu;
const MONTH = '(?:January|February|March|April|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const PERIOD = `(?:week(?:end)?|month|year|season|night|morning|afternoon|evening|quarter|spring|summer|autumn|fall|winter|${WEEKDAY})`;

/**
 * Named holidays of the major religions and calendars (Islamic, Hindu, Buddhist, Jewish, East
 * Asian, Persian, Christian beyond Christmas and Easter), one word or fixed words each: news
 * dates events by them as by months.
 */
const HOLIDAYS = [
  'Ramadan', 'Eid al-Fitr', 'Eid al-Adha', 'Eid ul-Fitr', 'Eid ul-Adha', 'Ashura', 'Mawlid', 'Nowruz', 'Muharram',
  'Diwali', 'Deepavali', 'Holi', 'Dashain', 'Tihar', 'Navratri', 'Durga Puja', 'Onam', 'Pongal', 'Vesak', 'Losar',
  'Tet', 'Songkran', 'Tsagaan Sar', 'Seollal', 'Chuseok', 'Golden Week',
  'Hanukkah', 'Passover', 'Yom Kippur', 'Rosh Hashanah', 'Purim', 'Thanksgiving', 'Pentecost',
].join('|');

const PATTERNS: readonly RegExp[] = [
  // "early next year", "late Sunday", "mid-October": a period with its part.
  new RegExp(`(?<![\\p{L}\\p{N}])(?:early|late|mid)[- ](?:(?:last|next|this) ${PERIOD}|${MONTH}(?: \\d{4})?|${WEEKDAY}|\\d{4})(?![\\p{L}\\p{N}])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}])(?:last|next|this) ${PERIOD}(?![\\p{L}\\p{N}])`, 'giu'),
  // "last December", "next March": a month named relative to now.
  /(?<![\p{L}\p{N}])(?:last|next|this) (?:January|February|March|April|June|July|August|September|October|November|December)(?![\p{L}\p{N}])/gu,
  // "the second quarter", "the first half of 2024", "the summer of 2022".
  /(?<![\p{L}\p{N}])the (?:(?:first|second|third|fourth|final|last) (?:quarter|half) of (?:\d{4}|the year|(?:January|February|March|April|May|June|July|August|September|October|November|December))|(?:first|second|third|fourth|final) quarter|(?:spring|summer|autumn|fall|winter) of \d{4}|(?:start|beginning|middle|end) of (?:the year|\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)))(?![\p{L}\p{N}])/giu,
  // A month with a day or a year ("3 June", "Jan. 28", "March 2024"), or alone ("since February"; "May" is also a verb).
  new RegExp(`(?<![\\p{L}\\p{N}])(?:\\d{1,2} ${MONTH}(?:,? \\d{4})?|${MONTH} \\d{1,2}(?:st|nd|rd|th)?(?:, \\d{4})?|${MONTH},? \\d{4}|${MONTH})(?![\\p{L}\\p{N}])`, 'gu'),
  // "until May 2026", "on 3 May": the verb is never written before a year or after a day.
  /(?<![\p{L}\p{N}])(?:\d{1,2} May(?:,? \d{4})?|May,? \d{4})(?![\p{L}\p{N}])/gu,
  // A year on its own: four digits from 1900 to 2099, not an amount or a count.
  /(?<![\p{L}\p{N}$€£¥.,-])(?:19|20)\d{2}(?![\p{L}\p{N}%]|[.,]\d| (?:people|tonnes|tons|troops|jobs|units|votes|cases|deaths|km|miles|metres|meters|feet)\b)/gu,
  /(?<![\p{L}\p{N}-])\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}-])/gu,
  // A decade of a century ("the 2040s"; the article joins it in withNamedPeriodArticle).
  // Any century's decade: history writes "the 1420s" as news writes "the 1990s".
  /(?<![\p{L}\p{N}$€£¥.,-])(?:1\d|20)\d0s(?![\p{L}\p{N}])/gu,
  // A day with its part, written as one time ("Thursday evening", "tomorrow morning", "Tonight").
  new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:${WEEKDAY}|[Yy]esterday|[Tt]oday|[Tt]omorrow) (?:morning|afternoon|evening|night)|[Tt]onight)(?![\\p{L}\\p{N}])`, 'gu'),
  // A month placed by a relative year ("November last year"), and the months of a year counted from its start ("the first nine months of 2025").
  new RegExp(`(?<![\\p{L}\\p{N}])${MONTH} (?:last|next|this) year(?![\\p{L}\\p{N}])`, 'gu'),
  /(?<![\p{L}\p{N}])the first (?:two|three|four|five|six|seven|eight|nine|ten|eleven) months of (?:\d{4}|the year)(?![\p{L}\p{N}])/gu,
  // "in the spring": a coming or past season named with its article ("every spring" is a habit, "earlier in the spring" vague).
  /(?<!(?:earlier|later) in )(?<=\bin )the (?:spring|summer|autumn|fall|winter)(?! of)(?![\p{L}\p{N}])/gu,
  // A season of sport or a farming, fiscal or school year written by its two years ("the 2027–28 season", "the 2026-27
  // campaign"), named without the article, as "last season" is: "2027–28 season".
  /(?<![\p{L}\p{N}])(?<=the )(?:19|20)\d{2}[–-](?:\d{2}|(?:19|20)\d{2}) (?:season|campaign|harvest|financial year|fiscal year|school year|academic year|crop year)(?![\p{L}\p{N}])/gu,
  // A week or weekend of a month, and the end of a named stretch of time ("the second week of February", "the last weekend of October", "the end of the decade", "the end of the winter semester").
  new RegExp(`(?<![\\p{L}\\p{N}])the (?:first|second|third|fourth|final|last) (?:week|weekend|days?) of ${MONTH}(?![\\p{L}\\p{N}])`, 'gu'),
  /(?<![\p{L}\p{N}])the (?:start|beginning|middle|end) of the (?:decade|month|week|season|(?:(?:spring|summer|autumn|fall|winter) )?(?:semester|term|session))(?![\p{L}\p{N}])/gu,
  // A season with its year ("spring 2027", "the summer 2026 transfer window": "summer 2026").
  /(?<![\p{L}\p{N}])(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter) (?:19|20)\d{2}(?![\p{L}\p{N}])/gu,
  // A century with its part ("the early 20th century").
  // A century with its part ("the early 20th century") or alone ("laid in the 15th century"): a named period, not a span.
  /(?<![\p{L}\p{N}])the (?:(?:early|mid|late)[- ])?\d{1,2}(?:st|nd|rd|th) century(?![\p{L}\p{N}])/gu,
  // A weekday with its date, written as one ("Saturday 14 February", "Friday, March 3").
  new RegExp(`(?<![\\p{L}\\p{N}])${WEEKDAY},? (?:\\d{1,2} ${MONTH}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?)(?![\\p{L}\\p{N}])`, 'gu'),
  // The holidays of the world's calendars, which news dates things by ("before Eid al-Fitr", "after Lunar New Year"),
  // with the year that places them when one follows ("at Easter next year": one date, as written).
  new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:Orthodox |Catholic )?(?:Christmas(?: Eve| Day)?|Easter(?: Sunday| Monday)?)|Good Friday|New Year's (?:Day|Eve)|(?:Lunar|Chinese) New Year|${HOLIDAYS})(?: (?:next|last|this) year)?(?![\\p{L}\\p{N}])(?! Islands?\\b)`, 'gu'),
  // A weekday, which the model sometimes reads as a duration ("since Wednesday").
  new RegExp(`(?<![\\p{L}\\p{N}])${WEEKDAY}(?![\\p{L}\\p{N}])`, 'gu'),
];

export function dateCandidates(text: string, modelDates: readonly DateSpan[]): Candidate[] {
  const fromModel = modelDates.filter((d) => d.kind === 'DATE').flatMap((d) => spanToDate(text, d.start, d.end));
  const fromPatterns = PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].flatMap((m) => spanToDate(text, m.index, m.index + m[0].length)));
  // The longer reading wins: "August 6" over "August", "early next year" over "next year".
  const byLength = [...fromModel, ...fromPatterns].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return addNonOverlapping([], byLength);
}

function spanToDate(text: string, start: number, end: number): Candidate[] {
  const span = trimDate(text, start, end);
  if (!span) return [];
  const [s, e] = withNamedPeriodArticle(text, span);
  const surface = text.slice(s, e);
  if ((VAGUE.test(surface) && !COUNTED_MONTHS.test(surface)) || AGE.test(surface) || !/[\p{L}\d]/u.test(surface)) return [];
  // "the March 23 Movement": a date inside a name.
  if (/\d/.test(surface) && /^ \p{Lu}\p{Ll}/u.test(text.slice(e, e + 3)) && !/^ (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)/.test(text.slice(e, e + 4))) return [];
  if (!/[\p{Lu}\d]/u.test(surface) && !RELATIVE.test(surface) && !/^the /.test(surface)) return [];
  return [{ start: s, end: e, type: 'date' }];
}

function trimDate(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  for (;;) {
    const word = /^\S+/.exec(text.slice(s, e))?.[0] ?? '';
    if (!LEADING_WORDS.has(word.toLowerCase()) || s + word.length >= e) break;
    s += word.length;
    while (s < e && /\s/.test(text.charAt(s))) s++;
  }
  while (e > s && /[\s,;:'"]/.test(text.charAt(e - 1))) e--;
  // A full stop ends the date unless it ends an abbreviation ("Jan.").
  if (text.charAt(e - 1) === '.' && !/\b\p{Lu}\p{Ll}{2,3}\.$/u.test(text.slice(s, e))) e--;
  if (text.slice(s, e).endsWith("'s")) e -= 2;
  return e - s >= 2 ? [s, e] : null;
}

/** "the first quarter", "the summer of 2022": a named part of a period keeps its article. */
function withNamedPeriodArticle(text: string, [s, e]: Span): Span {
  const surface = text.slice(s, e);
  // "the 1990s", "the early 1990s": a decade is written with its article.
  if (/^(?:first|second|third|fourth|final) (?:quarter|half)\b|^(?:spring|summer|autumn|fall|winter) of\b|^(?:start|beginning|middle|end) of\b|^(?:(?:early|mid|late)[- ]?)?\d{4}s$/i.test(surface) && /\bthe $/i.test(text.slice(Math.max(0, s - 4), s))) {
    return [s - 4, e];
  }
  return [s, e];
}
