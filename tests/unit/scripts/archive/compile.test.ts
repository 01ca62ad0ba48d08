import { existsSync, readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  articleId,
  compileArchive,
  readSeedDirectory,
  type CompiledArchive,
  type SeedSource,
} from '../../../../scripts/archive/compile';
import { ArchiveBuildError } from '../../../../scripts/archive/seed-errors';
import type { ArchiveMeta, CatalogShard, EntityShard, UrlShard } from '../../../../src/shared/archive-format';
import { shardOf } from '../../../../src/shared/shards';
import { urlKey } from '../../../../src/shared/url-key';
import {
  BAD_SEEDS_DIR,
  FIXTURE_SEED_FILE,
  FIXTURE_SEED_URL,
  fromRoot,
  readRepoFile,
  SEED_FILE,
  SEED_URL,
} from '../../helpers/repo';

const seedSource: SeedSource = { file: SEED_FILE, content: readRepoFile(SEED_FILE) };
const fixtureSource: SeedSource = { file: FIXTURE_SEED_FILE, content: readRepoFile(FIXTURE_SEED_FILE) };
const archive = compileArchive([seedSource, fixtureSource]);

/** Pinned: changing them breaks every installed archive cache and every shared link. */
const SEED_ID = '31f14c63a51e4b00';
const FIXTURE_ID = 'eaf8cd50d9c8c095';

function buildError(sources: readonly SeedSource[]): ArchiveBuildError {
  try {
    compileArchive(sources);
  } catch (error) {
    if (error instanceof ArchiveBuildError) return error;
    throw error;
  }
  throw new Error('expected compileArchive to throw an ArchiveBuildError');
}

function urlShardLookup(compiled: CompiledArchive, url: string): string | undefined {
  const key = urlKey(url);
  const shard = compiled.files.get(`urls/${shardOf(key, compiled.meta.shards.urls)}.json`) as UrlShard | undefined;
  return shard?.[key];
}

/** A small valid seed. */
function seed(file: string, url: string, date = '2024-01-15'): SeedSource {
  return { file, content: `date ${date} ${url}\n\nArticle ${basename(file)}\n\nA short summary of the article.\n` };
}

describe('compileArchive over the real seed and the fixture seed', () => {
  it('gives each article a stable 16-hex-digit id from its URL key', () => {
    expect(archive.articles.map((article) => article.id)).toEqual([SEED_ID, FIXTURE_ID]);
    for (const article of archive.articles) {
      expect(article.id).toMatch(/^[0-9a-f]{16}$/);
      expect(article.id).toBe(articleId(article.key));
    }
    expect(compileArchive([fixtureSource, seedSource]).articles.map((article) => article.id)).toEqual([SEED_ID, FIXTURE_ID]);
  });

  it('lists newest articles first', () => {
    expect(archive.articles.map((article) => article.date)).toEqual(['2024-02-08', '2024-02-03']);
  });

  it('writes meta.json, one file per article and every shard', () => {
    expect([...archive.files.keys()].sort()).toEqual([
      `articles/${SEED_ID}.json`,
      `articles/${FIXTURE_ID}.json`,
      'catalog/0.json',
      'entities/0.json',
      'meta.json',
      'urls/0.json',
    ]);
    expect(archive.files.get('meta.json')).toEqual<ArchiveMeta>({
      format: 1,
      articleCount: 2,
      shards: { urls: 1, catalog: 1, entities: 1 },
    });
    expect(archive.files.get(`articles/${SEED_ID}.json`)).toBe(archive.articles[0]);
  });

  it('lists each article in the catalog', () => {
    const catalog = archive.files.get('catalog/0.json') as CatalogShard;
    expect(catalog[SEED_ID]).toEqual({
      id: SEED_ID,
      url: SEED_URL,
      title: 'Iraqi Militias Vow ‘Steadfast’ Holy War Against US Occupation After Commander’s Killing',
      date: '2024-02-08',
      host: 'sputnikglobe.com',
    });
    expect(Object.keys(catalog).sort()).toEqual([SEED_ID, FIXTURE_ID].sort());
  });

  it('indexes every entity of every article, with its mention count', () => {
    const index = archive.files.get('entities/0.json') as EntityShard;
    for (const article of archive.articles) {
      for (const entity of article.entities) {
        expect(index[entity.id]).toMatchObject({ type: entity.type, name: entity.name });
        expect(index[entity.id]?.articles).toContainEqual([article.id, entity.count]);
      }
    }
    // John Kirby is in both articles; the article mentioning him more often comes first.
    const kirby = index['person:john-kirby']?.articles ?? [];
    expect(kirby.map(([id]) => id).sort()).toEqual([SEED_ID, FIXTURE_ID].sort());
    expect(kirby.map(([, count]) => count)).toEqual([...kirby.map(([, count]) => count)].sort((a, b) => b - a));
  });

  it.each([
    [SEED_URL, SEED_ID],
    [SEED_URL.replace('https://', 'http://www.'), SEED_ID],
    [SEED_URL.replace('https://', 'https://m.'), SEED_ID],
    [SEED_URL.replace('.html', '.amp.html'), SEED_ID],
    [`${SEED_URL}?utm_source=telegram&fbclid=abc#comments`, SEED_ID],
    [FIXTURE_SEED_URL, FIXTURE_ID],
    [FIXTURE_SEED_URL.replace('sputnikglobe.com/', 'SputnikGlobe.com/amp/'), FIXTURE_ID],
  ])('finds %s through the URL shard', (url, id) => {
    expect(urlShardLookup(archive, url)).toBe(id);
  });

  it('does not find another article of the same site', () => {
    expect(urlShardLookup(archive, 'https://sputnikglobe.com/20240208/another-article-1116665115.html')).toBeUndefined();
  });

  it('matches the committed snapshot of the seed article', async () => {
    const article = archive.articles.find((candidate) => candidate.id === SEED_ID);
    await expect(JSON.stringify(article, null, 2)).toMatchFileSnapshot('./__snapshots__/seed-article.json');
  });
});

describe('compileArchive with many articles', () => {
  const sources = Array.from({ length: 300 }, (_, i) => seed(`seeds/many_${i}.txt`, `https://example${i % 3}.com/news/story-${i}.html`));
  const many = compileArchive(sources);

  it('spreads the URL index over several shards, and writes every shard', () => {
    expect(many.meta.shards.urls).toBe(8);
    for (let i = 0; i < many.meta.shards.urls; i++) expect(many.files.has(`urls/${i}.json`)).toBe(true);
    expect(many.hosts).toEqual(['example0.com', 'example1.com', 'example2.com']);
  });

  it('finds every article, by a variant of its URL, in the shard its key names', () => {
    for (const article of many.articles) {
      expect(urlShardLookup(many, `http://www.${article.url.slice('https://'.length)}/?utm_medium=email`)).toBe(article.id);
    }
  });

  it('puts each URL key in exactly one shard', () => {
    const keys = [...many.files].filter(([path]) => path.startsWith('urls/')).flatMap(([, shard]) => Object.keys(shard as UrlShard));
    expect(keys).toHaveLength(300);
    expect(new Set(keys).size).toBe(300);
  });
});

describe('compileArchive rejects bad seed sets', () => {
  it('names both files and lines when two seeds have the same article URL', () => {
    const copy: SeedSource = { file: 'seeds/copy.txt', content: `\n\n${seedSource.content.replace(' https://', ' http://www.')}` };
    const error = buildError([seedSource, copy]);
    expect(error.problems).toEqual([
      {
        file: 'seeds/copy.txt',
        line: 3,
        message: `the same article URL is already in ${SEED_FILE}:1 (${SEED_URL.replace('https://', 'http://www.')})`,
      },
    ]);
    expect(error.message).toContain(`seeds/copy.txt:3: the same article URL is already in ${SEED_FILE}:1`);
  });

  it('reports every problem of every file, not only the first', () => {
    const error = buildError([
      seedSource,
      { file: 'seeds/bad-date.txt', content: `date 2024-02-30 https://example.com/a.html\n\nTitle\n\nSummary.\n` },
      { file: 'seeds/no-title.txt', content: 'date 2024-02-08 https://example.com/b.html\n' },
      seed('seeds/duplicate.txt', `${SEED_URL}?utm_source=x`),
      { file: 'seeds/two-problems.txt', content: `date 08/02/2024 ftp://example.com/c\n\nTitle\n\nSummary.\n` },
      fixtureSource,
    ]);
    expect(error.problems.map(({ file, line }) => `${file}:${line}`)).toEqual([
      'seeds/bad-date.txt:1',
      'seeds/no-title.txt:1',
      'seeds/duplicate.txt:1',
      'seeds/two-problems.txt:1',
      'seeds/two-problems.txt:1',
    ]);
    expect(error.message).toMatch(/^the archive has 5 problems:\n/);
    for (const file of ['bad-date.txt', 'no-title.txt', 'duplicate.txt', 'two-problems.txt']) {
      expect(error.message).toContain(`seeds/${file}:1: `);
    }
  });

  it('fails when there is no seed file at all', () => {
    const error = buildError([]);
    expect(error.problems).toEqual([{ file: '(seed folder)', line: 0, message: 'no .txt seed files found' }]);
    expect(error.message).toBe('the archive has 1 problem:\n  (seed folder):0: no .txt seed files found');
  });
});

describe('readSeedDirectory', () => {
  it('reads the .txt files of a folder, sorted, named so one can open them', async () => {
    const sources = await readSeedDirectory(fromRoot(BAD_SEEDS_DIR));
    const expected = readdirSync(fromRoot(BAD_SEEDS_DIR)).filter((name) => name.endsWith('.txt')).sort();
    expect(sources.map((source) => basename(source.file))).toEqual(expected);
    expect(expected).not.toContain('README.md');
    for (const source of sources) expect(existsSync(resolve(process.cwd(), source.file))).toBe(true);
  });

  it('makes compileArchive of tests/fixtures/bad-seeds fail naming every file', async () => {
    const sources = await readSeedDirectory(fromRoot(BAD_SEEDS_DIR));
    const error = buildError(sources);
    expect(error.problems).toHaveLength(7);
    expect(new Set(error.problems.map((problem) => basename(problem.file)))).toEqual(
      new Set(['bad-date-and-url.txt', 'empty.txt', 'no-body.txt', 'no-title.txt', 'not-a-header.txt', 'second-date-line.txt']),
    );
    for (const source of sources) expect(error.message).toContain(`${source.file}:`);
  });
});
