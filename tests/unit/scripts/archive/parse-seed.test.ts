import { describe, expect, it } from 'vitest';
import {
  dateProblem,
  parseSeed,
  splitRunTogetherParagraphs,
  type ParsedSeed,
} from '../../../../scripts/archive/parse-seed';
import { formatProblem, type SeedProblem } from '../../../../scripts/archive/seed-errors';
import { BAD_SEEDS_DIR, readRepoFile, SEED_FILE, SEED_URL } from '../../helpers/repo';

const SEED = readRepoFile(SEED_FILE);
const URL_OK = 'https://sputnikglobe.com/20240208/some-article-1116665999.html';

function parsed(content: string, file = 'seed.txt'): ParsedSeed {
  const result = parseSeed(file, content);
  if (!result.ok) throw new Error(`expected the seed to parse:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.seed;
}

function problemsOf(content: string, file = 'bad.txt'): SeedProblem[] {
  const result = parseSeed(file, content);
  if (result.ok) throw new Error(`expected problems, but ${file} parsed`);
  return result.problems;
}

/** A seed whose first line is `header`, followed by a title and a summary. */
function withHeader(header: string): string {
  return `${header}\n\nA Title\n\nA summary.\n`;
}

describe('parseSeed on the real seed', () => {
  const seed = parsed(SEED, SEED_FILE);

  it('reads the header, title and summary', () => {
    expect(seed).toMatchObject({
      file: SEED_FILE,
      headerLine: 1,
      date: '2024-02-08',
      url: SEED_URL,
      key: SEED_URL.replace('https://', ''),
      title: 'Iraqi Militias Vow ‘Steadfast’ Holy War Against US Occupation After Commander’s Killing',
    });
    expect(seed.summary).toMatch(/^The US military carried out a drone strike in Baghdad Wednesday /);
    expect(seed.summary).toMatch(/ to slam the US for violating their sovereignty\.$/);
  });

  it('splits the run-together body into paragraphs', () => {
    expect(seed.paragraphs).toHaveLength(9);
    expect(seed.paragraphs[0]).toMatch(/targeting one of its top commanders\.$/);
    expect(seed.paragraphs[1]).toMatch(/^Al-Saadi, a militia commander in charge of /);
    expect(seed.paragraphs[2]).toMatch(/^CENTCOM, the United States combatant command /);
    expect(seed.paragraphs[3]).toMatch(/^Iraqi officials, already in the middle of talks /);
    expect(seed.paragraphs.at(-2)).toMatch(/foreign terrorists overseas\.”$/);
    expect(seed.paragraphs.at(-1)).toBe(
      '* IS, also known as ISIS, ISIL and Daesh, is a terrorist group outlawed in Russia and many other countries.',
    );
  });

  it('loses no character of the body when splitting it', () => {
    const bodyLine = SEED.split('\n')[6]?.trim();
    expect(seed.paragraphs.join('')).toBe(bodyLine);
  });

  it('ends every paragraph at the end of a sentence', () => {
    for (const paragraph of seed.paragraphs) expect(paragraph).toMatch(/[.!?][’”]?$/);
  });
});

describe('parseSeed tolerates formatting variations', () => {
  const original = parsed(SEED);

  it.each<[string, (content: string) => string]>([
    ['no leading space on line 1', (c) => c.replace(/^ /, '')],
    ['several spaces and a tab before line 1', (c) => `  \t  ${c.trimStart()}`],
    ['CRLF line ends', (c) => c.replace(/\n/g, '\r\n')],
    ['lone CR line ends', (c) => c.replace(/\n/g, '\r')],
    ['a UTF-8 byte order mark', (c) => `\uFEFF${c}`],
    ['trailing blank lines', (c) => `${c}\n\n  \n\t\n`],
    ['no final newline', (c) => c.trimEnd()],
    ['extra blank lines between blocks', (c) => c.replace(/\n\n/g, '\n\n\n\n')],
    ['blank lines holding spaces and tabs', (c) => c.replace(/\n\n/g, '\n \t \n')],
    ['tabs and several spaces in the header', (c) => c.replace('date 2024-02-08 ', 'date\t 2024-02-08 \t  ')],
    ['doubled spaces everywhere', (c) => c.replace(/ /g, '  ')],
  ])('%s', (_name, vary) => {
    expect(parsed(vary(SEED))).toEqual(original);
  });

  it('accepts a title that starts with the word "Date"', () => {
    for (const title of ['Date Set for Iraq Talks', 'Date: the Movie']) {
      expect(parsed(`date 2024-02-08 ${URL_OK}\n\n${title}\n\nSummary.\n`).title).toBe(title);
    }
  });

  it('joins a block wrapped over several lines into one paragraph', () => {
    const seed = parsed(`date 2024-02-08 ${URL_OK}\n\nA Title\n\nA summary\nwrapped over\nthree lines.\n`);
    expect(seed.summary).toBe('A summary wrapped over three lines.');
  });
});

describe('splitRunTogetherParagraphs', () => {
  it.each([
    ['top commanders.Al-Saadi, a militia commander', ['top commanders.', 'Al-Saadi, a militia commander']],
    ['in the region.”Iraqi officials', ['in the region.”', 'Iraqi officials']],
    ['overseas.”* IS, also known as ISIS', ['overseas.”', '* IS, also known as ISIS']],
    ['in mid-2024.The militia', ['in mid-2024.', 'The militia']],
    ['Really?Yes!No.', ['Really?', 'Yes!', 'No.']],
    ['He said “no.”“Yes,” she said.', ['He said “no.”', '“Yes,” she said.']],
  ])('splits %j', (text, expected) => {
    expect(splitRunTogetherParagraphs(text)).toEqual(expected);
  });

  it.each([
    'The U.S.Army left the base.',
    'Two sentences. With a space between them.',
    'It cost $3.50 on sputnikglobe.com today.',
    'Version 2.0 Released',
  ])('keeps %j whole', (text) => {
    expect(splitRunTogetherParagraphs(text)).toEqual([text]);
  });
});

describe('dateProblem', () => {
  it.each(['2024-02-08', '2024-02-29', '2000-02-29', '1800-01-01', '2024-12-31'])('accepts %s', (date) => {
    expect(dateProblem(date)).toBeNull();
  });

  it.each([
    ['2024-2-8', 'bad date "2024-2-8": expected YYYY-MM-DD'],
    ['08/02/2024', 'bad date "08/02/2024": expected YYYY-MM-DD'],
    ['2024-02-08T10:00', 'bad date "2024-02-08T10:00": expected YYYY-MM-DD'],
    ['2024-02-30', 'impossible date "2024-02-30": no such calendar day'],
    ['2023-02-29', 'impossible date "2023-02-29": no such calendar day'],
    ['1900-02-29', 'impossible date "1900-02-29": no such calendar day'],
    ['2024-13-01', 'impossible date "2024-13-01": no such calendar day'],
    ['2024-00-10', 'impossible date "2024-00-10": no such calendar day'],
    ['1799-12-31', 'impossible date "1799-12-31": no such calendar day'],
  ])('rejects %s', (date, message) => {
    expect(dateProblem(date)).toBe(message);
  });
});

describe('parseSeed reports malformed seeds with their line', () => {
  it.each<[string, string, Array<[line: number, message: string]>]>([
    ['empty file', '', [[1, 'empty file: expected a first line "date YYYY-MM-DD URL"']]],
    ['only blank lines', '\n  \n\t\n', [[1, 'empty file: expected a first line "date YYYY-MM-DD URL"']]],
    ['missing date and URL', withHeader('date'), [[1, 'missing date: expected "date YYYY-MM-DD URL"'], [1, 'missing URL after the date']]],
    ['missing date before the URL', withHeader(`date ${URL_OK}`), [[1, 'missing date: expected "date YYYY-MM-DD URL"']]],
    ['date 2024-2-8', withHeader(`date 2024-2-8 ${URL_OK}`), [[1, 'bad date "2024-2-8": expected YYYY-MM-DD']]],
    ['date 08/02/2024', withHeader(`date 08/02/2024 ${URL_OK}`), [[1, 'bad date "08/02/2024": expected YYYY-MM-DD']]],
    ['date 2024-02-30', withHeader(`date 2024-02-30 ${URL_OK}`), [[1, 'impossible date "2024-02-30": no such calendar day']]],
    ['date 2023-02-29', withHeader(`date 2023-02-29 ${URL_OK}`), [[1, 'impossible date "2023-02-29": no such calendar day']]],
    ['date 2024-13-01', withHeader(`date 2024-13-01 ${URL_OK}`), [[1, 'impossible date "2024-13-01": no such calendar day']]],
    ['missing URL', withHeader('date 2024-02-08'), [[1, 'missing URL after the date']]],
    ['URL not-a-url', withHeader('date 2024-02-08 not-a-url'), [[1, 'invalid URL: not an absolute URL: "not-a-url"']]],
    ['URL ftp://x.com/a', withHeader('date 2024-02-08 ftp://x.com/a'), [[1, 'invalid URL: not an http(s) URL: "ftp://x.com/a"']]],
    [
      'URL https://localhost/a',
      withHeader('date 2024-02-08 https://localhost/a'),
      [[1, 'invalid URL: host has no domain: "https://localhost/a"']],
    ],
    [
      'text after the URL',
      withHeader(`date 2024-02-08 ${URL_OK} via Reuters`),
      [[1, 'unexpected text after the URL: "via Reuters"']],
    ],
    [
      'title on the line right after the header',
      `date 2024-02-08 ${URL_OK}\nA Title\n\nA summary.\n`,
      [[1, 'unexpected text after the URL: "A Title"'], [4, 'empty body: no text after the title']],
    ],
    [
      'bad date and invalid URL together',
      withHeader('date 2024-02-30 not-a-url'),
      [
        [1, 'impossible date "2024-02-30": no such calendar day'],
        [1, 'invalid URL: not an absolute URL: "not-a-url"'],
      ],
    ],
    [
      'a header below blank lines',
      '\n\n date 2024-02-30 not-a-url\n\n\nA Title\n\nA summary.\n',
      [
        [3, 'impossible date "2024-02-30": no such calendar day'],
        [3, 'invalid URL: not an absolute URL: "not-a-url"'],
      ],
    ],
    ['an empty body below blank lines', `date 2024-02-08 ${URL_OK}\n\n\n\nA Title\n\n\n`, [[5, 'empty body: no text after the title']]],
  ])('%s', (_name, content, expected) => {
    const problems = problemsOf(content);
    expect(problems.map(({ line, message }) => [line, message])).toEqual(expected);
    for (const problem of problems) expect(problem.file).toBe('bad.txt');
  });
});

describe('parseSeed on the files in tests/fixtures/bad-seeds', () => {
  it.each<[string, Array<[line: number, message: string]>]>([
    ['empty.txt', [[1, 'empty file: expected a first line "date YYYY-MM-DD URL"']]],
    ['not-a-header.txt', [[1, 'first line must be "date YYYY-MM-DD URL", found "US Launches Strikes in Iraq and Syria"']]],
    [
      'bad-date-and-url.txt',
      [
        [1, 'bad date "08/02/2024": expected YYYY-MM-DD'],
        [1, 'invalid URL: not an absolute URL: "sputnikglobe.com/20240208/bad-date-and-url-1116665000.html"'],
      ],
    ],
    ['no-title.txt', [[1, 'no title: expected a title line after the first line']]],
    ['no-body.txt', [[3, 'empty body: no text after the title']]],
    ['second-date-line.txt', [[3, 'no title: found a second "date" line where the title should be']]],
  ])('%s', (name, expected) => {
    const file = `${BAD_SEEDS_DIR}/${name}`;
    const problems = problemsOf(readRepoFile(file), file);
    expect(problems).toEqual(expected.map(([line, message]) => ({ file, line, message })));
  });
});

describe('formatProblem', () => {
  it('prints file:line: message, as editors link it', () => {
    expect(formatProblem({ file: 'seeds/a.txt', line: 3, message: 'empty body' })).toBe('seeds/a.txt:3: empty body');
  });
});
