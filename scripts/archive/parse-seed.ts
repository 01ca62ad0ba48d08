import { InvalidUrlError, urlKey } from '../../src/shared/url-key';
import type { SeedProblem } from './seed-errors';

/**
 * Reads one seed file:
 *
 *      date 2024-02-08 https://host/path.html     (first line; may start with spaces)
 *
 *     Title line
 *
 *     Summary paragraph
 *
 *     Body paragraphs (scraped text: sentences of separate paragraphs may run together)
 */

export interface ParsedSeed {
  file: string;
  /** 1-based line of the header, for duplicate-URL reports. */
  headerLine: number;
  date: string;
  url: string;
  key: string;
  title: string;
  summary: string;
  paragraphs: string[];
}

export type SeedParseResult =
  | { ok: true; seed: ParsedSeed }
  | { ok: false; problems: SeedProblem[] };

const HEADER = /^date\b\s*(.*)$/i;
/** A line that is certainly a header (a title may well start with the word "Date"). */
const FULL_HEADER = /^date\s+\S+\s+\S+:\/\/\S+$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Line {
  number: number;
  text: string;
}

/** Splits file content into lines, dropping a BOM and normalizing CR/CRLF. */
function readLines(content: string): Line[] {
  return content
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((text, index) => ({ number: index + 1, text: text.replace(/\s+/g, ' ').trim() }));
}

/** Groups consecutive non-blank lines into blocks (a block = one paragraph of the seed). */
function blocksOf(lines: readonly Line[]): Line[] {
  const blocks: Line[] = [];
  let current: Line | undefined;
  for (const line of lines) {
    if (line.text === '') {
      current = undefined;
    } else if (current) {
      current.text += ` ${line.text}`;
    } else {
      current = { number: line.number, text: line.text };
      blocks.push(current);
    }
  }
  return blocks;
}

/** Why an ISO date is not a real calendar day, or null if it is one. */
export function dateProblem(date: string): string | null {
  const match = ISO_DATE.exec(date);
  if (!match) return `bad date ${JSON.stringify(date)}: expected YYYY-MM-DD`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  const real =
    parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
  if (!real || year < 1800) return `impossible date ${JSON.stringify(date)}: no such calendar day`;
  return null;
}

/**
 * Where scraping lost a paragraph break, one sentence runs into the next with no space:
 * "...top commanders.Al-Saadi, a militia commander". A sentence end (a lower-case letter
 * or digit, then . ! or ?; or any . ! ? then a closing quote) directly followed by a
 * capital, an opening quote or a footnote marker is such a break. Abbreviations like
 * "U.S.Army" stay whole because the character before the point is a capital.
 */
const RUN_TOGETHER_BREAK = /(?:(?<=[\p{Ll}\d)][.!?])|(?<=[.!?]['"’”]))(?=[\p{Lu}“"*])/gu;

export function splitRunTogetherParagraphs(text: string): string[] {
  return text
    .split(RUN_TOGETHER_BREAK)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function parseSeed(file: string, content: string): SeedParseResult {
  const problems: SeedProblem[] = [];
  const problem = (line: number, message: string): void => {
    problems.push({ file, line, message });
  };

  const blocks = blocksOf(readLines(content));
  const [header, titleBlock, ...bodyBlocks] = blocks;
  if (!header) {
    problem(1, 'empty file: expected a first line "date YYYY-MM-DD URL"');
    return { ok: false, problems };
  }

  let date = '';
  let url = '';
  let key = '';
  const headerMatch = HEADER.exec(header.text);
  if (!headerMatch) {
    problem(header.number, `first line must be "date YYYY-MM-DD URL", found ${JSON.stringify(header.text.slice(0, 80))}`);
  } else {
    const fields = (headerMatch[1] ?? '').split(' ').filter(Boolean);
    // "date https://…": the date was forgotten, not malformed.
    if (fields[0]?.includes('://')) fields.unshift('');
    const [dateField = '', urlField = '', ...extra] = fields;
    date = dateField;
    url = urlField;
    if (!dateField) problem(header.number, 'missing date: expected "date YYYY-MM-DD URL"');
    else {
      const why = dateProblem(dateField);
      if (why) problem(header.number, why);
    }
    if (!urlField) problem(header.number, 'missing URL after the date');
    else {
      try {
        key = urlKey(urlField);
      } catch (error) {
        if (!(error instanceof InvalidUrlError)) throw error;
        problem(header.number, `invalid URL: ${error.message}`);
      }
    }
    if (extra.length > 0) problem(header.number, `unexpected text after the URL: ${JSON.stringify(extra.join(' '))}`);
  }

  if (!titleBlock) {
    problem(header.number, 'no title: expected a title line after the first line');
  } else if (FULL_HEADER.test(titleBlock.text)) {
    problem(titleBlock.number, 'no title: found a second "date" line where the title should be');
  }

  const [summaryBlock, ...paragraphBlocks] = bodyBlocks;
  if (titleBlock && !summaryBlock) {
    problem(titleBlock.number, 'empty body: no text after the title');
  }

  if (problems.length > 0 || !titleBlock || !summaryBlock) return { ok: false, problems };
  return {
    ok: true,
    seed: {
      file,
      headerLine: header.number,
      date,
      url,
      key,
      title: titleBlock.text,
      summary: summaryBlock.text,
      paragraphs: paragraphBlocks.flatMap((block) => splitRunTogetherParagraphs(block.text)),
    },
  };
}
