/**
 * Property-based tests (fast-check) for the code that reads untrusted text: seed files,
 * URLs, search queries and notes backups. They must never throw an unexpected error, never hang, and be stable where they should.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSeed, splitRunTogetherParagraphs } from '../../scripts/archive/parse-seed';
import { toJsonBackup } from '../../src/background/notes/export';
import { ImportError, parseBackup } from '../../src/background/notes/import';
import { parseQuery } from '../../src/shared/search-query';
import { InvalidUrlError, siteHost, tryUrlKey, urlKey } from '../../src/shared/url-key';

/** A fixed seed keeps CI repeatable; change it (or drop it locally) to explore new inputs. */
const RUNS = { numRuns: 400, seed: 20261125 };

/** Seed-like text: header-ish first lines, blank lines, markup, control and bidi characters. */
const seedLine = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '\t', 'date', 'date 2024-02-08', 'date 2024-02-30 https://x.com/a', '<script>x</script>', '\u202E', '\uFEFF'),
  fc.tuple(fc.date({ noInvalidDate: true }), fc.webUrl()).map(([d, u]) => ` date ${d.toISOString().slice(0, 10)} ${u}`),
);
const seedText = fc.array(seedLine, { maxLength: 12 }).chain((lines) =>
  fc.constantFrom('\n', '\r\n', '\r').map((eol) => lines.join(eol)),
);

describe('parseSeed on arbitrary text', () => {
  it('always returns a result: a seed, or problems that each name a line of the file', () => {
    fc.assert(
      fc.property(seedText, (content) => {
        const result = parseSeed('arbitrary.txt', content);
        if (result.ok) {
          expect(result.seed.title).not.toBe('');
          expect(result.seed.summary).not.toBe('');
          expect(() => urlKey(result.seed.url)).not.toThrow();
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          const lines = Math.max(1, content.split(/\r\n|\r|\n/).length);
          for (const problem of result.problems) {
            expect(problem.file).toBe('arbitrary.txt');
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.line).toBeLessThanOrEqual(lines);
            expect(problem.message).not.toBe('');
          }
        }
      }),
      RUNS,
    );
  });

  it('reads a well-formed seed the same whatever its line ends, BOM and trailing blank lines', () => {
    const block = fc.stringMatching(/^[A-Za-z][A-Za-z ,.’“”]{0,60}[a-z.]$/);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.webUrl({ validSchemes: ['https'] }),
        block,
        fc.array(block, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        (date, url, title, body, eol, bom) => {
          const iso = date.toISOString().slice(0, 10);
          const plain = [`date ${iso} ${url}`, '', title, '', body.join('\n\n')].join('\n');
          const varied = `${bom ? '\uFEFF' : ''} ${plain.replace(/\n/g, eol)}${eol}${eol}`;
          const a = parseSeed('a.txt', plain);
          const b = parseSeed('a.txt', varied);
          expect(b).toEqual(a);
        },
      ),
      RUNS,
    );
  });

  it('splits run-together paragraphs without losing or adding a non-space character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const strip = (s: string): string => s.replace(/\s+/g, '');
        expect(strip(splitRunTogetherParagraphs(text).join(''))).toBe(strip(text));
      }),
      RUNS,
    );
  });
});

describe('urlKey on arbitrary input', () => {
  it('either returns a key or throws InvalidUrlError, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })), (input) => {
        try {
          expect(typeof urlKey(input)).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidUrlError);
        }
      }),
      RUNS,
    );
  });

  it('is idempotent over its own keys and ignores scheme, fragment and tracking parameters', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.constantFrom('utm_source=x', 'fbclid=1', 'gclid=2', 'mc_cid=3'),
        (url, tracking) => {
          const key = tryUrlKey(url);
          if (key === null) return;
          expect(urlKey(`https://${key}`)).toBe(key);
          const parsed = new URL(url);
          parsed.protocol = parsed.protocol === 'https:' ? 'http:' : 'https:';
          parsed.hash = 'elsewhere';
          parsed.search = parsed.search ? `${parsed.search}&${tracking}` : `?${tracking}`;
          expect(tryUrlKey(parsed.href)).toBe(key);
        },
      ),
      RUNS,
    );
  });

  it('keeps a site host free of variant prefixes, and stable', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        const host = siteHost(domain);
        expect(siteHost(host)).toBe(host);
        expect(siteHost(`www.${host}`)).toBe(host);
        expect(siteHost(`m.${host}`)).toBe(host);
      }),
      RUNS,
    );
  });
});

describe('parseQuery on arbitrary input', () => {
  it('always returns a well-formed query, with valid dates only', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.constantFrom('entity:', 'host:', 'before:', 'after:', '"', 'kirb', '2024-02-30', '2024-03-01', ' ', '\u202E'), { maxLength: 12 }).map((parts) => parts.join('')),
        ),
        (input) => {
          const query = parseQuery(input);
          for (const list of [query.terms, query.hosts]) for (const item of list) expect(typeof item).toBe('string');
          for (const date of [query.before, query.after]) {
            if (date !== null) expect(Number.isNaN(Date.parse(`${date}T00:00:00Z`))).toBe(false);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('parseBackup on arbitrary and damaged input', () => {
  const good = readFileSync(join(import.meta.dirname, '../fixtures/backups/good-v1.json'), 'utf8');

  it('round-trips a backup through export and import', () => {
    const records = parseBackup(good);
    expect(parseBackup(JSON.stringify(toJsonBackup(records, new Date(0))))).toEqual(records);
  });

  it('returns records or throws an ImportError naming the problem, for any JSON or text', () => {
    const damaged = fc.oneof(
      fc.string(),
      fc.json(),
      fc.nat({ max: good.length }).map((cut) => good.slice(0, cut)),
      fc.tuple(fc.nat({ max: good.length - 1 }), fc.string({ maxLength: 3 })).map(([at, junk]) => good.slice(0, at) + junk + good.slice(at + 1)),
      fc.anything().map((record) => JSON.stringify({ ...JSON.parse(good), records: [record] })),
    );
    fc.assert(
      fc.property(damaged, (content) => {
        try {
          expect(Array.isArray(parseBackup(content))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          expect((error as Error).message).not.toBe('');
        }
      }),
      RUNS,
    );
  });
});
