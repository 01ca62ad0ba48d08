/**
 * The seeds as a set: listing and reading them, checking them all together, an article's
 * id and place in the archive, and the article compiled from its seed with a given entity
 * extractor. Imports no extractor, so the streaming compiler's own thread loads none.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ARCHIVE_FORMAT_VERSION, articleFullText, type Article } from '../../src/shared/archive-format';
import { siteHost } from '../../src/shared/url-key';
import { parseSeed, type ParsedSeed, type SeedParseResult } from './parse-seed';
import { ArchiveBuildError, type SeedProblem } from './seed-errors';

/** Entries per shard: small enough that one shard fetch stays well under 10 KB. */
export const URLS_PER_SHARD = 64;
export const CATALOG_PER_SHARD = 64;
export const ENTITIES_PER_SHARD = 128;

export interface SeedSource {
  file: string;
  content: string;
}

/** The seed files of a folder, sorted, named relative to the working folder (so an error message points at a file one can open). */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return names.map((name) => relative(process.cwd(), join(dir, name)));
}

export async function readSeedDirectory(dir: string): Promise<SeedSource[]> {
  // One file at a time: opening 50,000 at once runs out of file handles (EMFILE).
  const sources: SeedSource[] = [];
  for (const file of await listSeedFiles(dir)) sources.push({ file, content: await readFile(file, 'utf8') });
  return sources;
}

export function articleId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Collects every problem of every seed, duplicate URLs included, in file order; `finish`
 * throws them together. Seeds are added one at a time, so the caller need not hold them.
 */
export class SeedChecker {
  private readonly problems: SeedProblem[] = [];
  private readonly firstByKey = new Map<string, { file: string; headerLine: number }>();
  private seen = 0;

  /** Returns the seed if it is valid and its URL is new. */
  add(file: string, result: SeedParseResult): ParsedSeed | null {
    this.seen += 1;
    if (!result.ok) {
      this.problems.push(...result.problems);
      return null;
    }
    const earlier = this.firstByKey.get(result.seed.key);
    if (earlier) {
      this.problems.push({
        file,
        line: result.seed.headerLine,
        message: `the same article URL is already in ${earlier.file}:${earlier.headerLine} (${result.seed.url})`,
      });
      return null;
    }
    this.firstByKey.set(result.seed.key, { file, headerLine: result.seed.headerLine });
    return result.seed;
  }

  finish(): void {
    if (this.seen === 0) this.problems.unshift({ file: '(seed folder)', line: 0, message: 'no .txt seed files found' });
    if (this.problems.length > 0) throw new ArchiveBuildError(this.problems);
  }
}

/** Parses every seed and reports all problems of all files together, duplicates included. */
export function parseSeeds(sources: readonly SeedSource[]): ParsedSeed[] {
  const checker = new SeedChecker();
  const seeds: ParsedSeed[] = [];
  for (const { file, content } of sources) {
    const seed = checker.add(file, parseSeed(file, content));
    if (seed) seeds.push(seed);
  }
  checker.finish();
  return seeds;
}

/** Archive order: newest first, then by id. */
export function archiveOrder(a: Pick<Article, 'date' | 'id'>, b: Pick<Article, 'date' | 'id'>): number {
  return b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}

export type Extract = (fullText: string) => Article['entities'];

export function compileArticleWith(seed: ParsedSeed, extract: Extract): Article {
  const base = {
    format: ARCHIVE_FORMAT_VERSION,
    id: articleId(seed.key),
    url: seed.url,
    key: seed.key,
    host: siteHost(new URL(seed.url).hostname),
    date: seed.date,
    title: seed.title,
    summary: seed.summary,
    paragraphs: seed.paragraphs,
  } as const;
  return { ...base, entities: extract(articleFullText(base)) };
}

