/**
 * The search index (src/shared/search-build.ts) and engine (src/shared/search-engine.ts)
 * together, over small made-up archives: ranking, prefix and typo matching, phrases, fields.
 */
import { describe, expect, it } from 'vitest';
import { compileArchive, readSeedDirectory, type CompiledArchive, type SeedSource } from '../../../scripts/archive/compile';
import type { ArticleEntity } from '../../../src/shared/archive-format';
import { SearchEngine } from '../../../src/shared/search-engine';
import { fromRoot } from '../helpers/repo';

/** Entities by a fixed list, so a test decides what is an entity. */
const KNOWN: Array<[ArticleEntity['type'], string]> = [
  ['person', 'John Kirby'],
  ['org', 'Hezbollah'],
  ['place', 'Baghdad'],
];
function fakeEntities(text: string): ArticleEntity[] {
  return KNOWN.flatMap(([type, name]) => {
    const mentions: Array<[number, number]> = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) mentions.push([at, at + name.length]);
    const id = `${type}:${name.toLowerCase().replace(/\s+/g, '-')}`;
    return mentions.length ? [{ id, type, name, aliases: [name], count: mentions.length, mentions }] : [];
  });
}

let n = 0;
function seed(date: string, title: string, body: string, host = 'example.com'): SeedSource {
  n += 1;
  return { file: `s${n}.txt`, content: ` date ${date} https://${host}/article-${n}.html\n\n${title}\n\n${body}\n\nClosing paragraph number ${n}.\n` };
}

function engineFor(archive: CompiledArchive): SearchEngine {
  const files = new Map([...archive.files, ...archive.search]);
  return new SearchEngine(async (path) => {
    if (!files.has(path)) throw new Error(`missing ${path}`);
    // Through JSON, as the popup reads the files.
    return JSON.parse(JSON.stringify(files.get(path)));
  });
}

async function titles(engine: SearchEngine, query: string): Promise<string[]> {
  return (await engine.search(query, 20)).hits.map((hit) => hit.title);
}

describe('search ranking', () => {
  const archive = compileArchive(
    [
      seed('2024-01-10', 'Harbour reopens', `The blockade ended. ${'Blockade blockade blockade talk. '.repeat(8)}`),
      seed('2024-01-05', 'Blockade of the harbour', 'Ships waited outside for days.'),
      seed('2024-01-20', 'Ministers meet', 'They spoke with John Kirby about supplies and the weather.'),
      seed('2024-01-22', 'Weather report', 'A kirby vacuum cleaner advert mentions kirby twice: kirby.'),
      seed('2024-02-01', 'Same words here', 'Identical body about ceasefire talks.'),
      seed('2024-02-03', 'Same words here', 'Identical body about ceasefire talks.'),
    ],
    { extractEntities: fakeEntities },
  );
  const engine = engineFor(archive);

  it('puts a title match above body matches, however often the body repeats the word', async () => {
    expect((await titles(engine, 'blockade'))[0]).toBe('Blockade of the harbour');
  });

  it('puts an entity match above body-only matches', async () => {
    expect(await titles(engine, 'kirby')).toEqual(['Ministers meet', 'Weather report']);
  });

  it('puts the newer article first when scores tie', async () => {
    const hits = (await engine.search('ceasefire', 20)).hits;
    expect(hits.map((h) => h.date)).toEqual(['2024-02-03', '2024-02-01']);
    expect(hits[0]?.score).toBe(hits[1]?.score);
  });

  it('lists the newest articles for an empty query', async () => {
    expect((await engine.search('', 3)).hits.map((h) => h.date)).toEqual(['2024-02-03', '2024-02-01', '2024-01-22']);
  });

  it('needs every word when some article has them all, and falls back to any word otherwise', async () => {
    expect(await titles(engine, 'ships harbour')).toEqual(['Blockade of the harbour']);
    expect((await titles(engine, 'ships zzzunknown'))).toEqual(['Blockade of the harbour']);
    expect(await titles(engine, 'zzzunknown')).toEqual([]);
  });
});

describe('a word with several expansions', () => {
  const archive = compileArchive(
    [
      seed('2024-03-01', 'Coastal notes', 'The harbourside cafe and two harbours nearby, harbourmasters agree.'),
      seed('2024-02-01', 'Port business', 'Ships left the harbour at dawn.'),
    ],
    { extractEntities: fakeEntities },
  );
  const engine = engineFor(archive);

  it('counts once in a document, with the best of its expansions, not their sum', async () => {
    // Three prefix expansions in one article do not outweigh the word itself in another.
    expect(await titles(engine, 'harbour')).toEqual(['Port business', 'Coastal notes']);
  });

  it('is one word found, however many of its expansions a document has', async () => {
    expect(await titles(engine, 'harbour ships')).toEqual(['Port business']);
  });
});

describe('the sites of the index (search/hosts.json)', () => {
  const archive = compileArchive([seed('2024-03-01', 'On one site', 'Words.', 'one.example'), seed('2024-03-02', 'On another', 'Words.', 'two.example')]);

  async function run(files: Map<string, unknown>): Promise<string[]> {
    const read: string[] = [];
    const engine = new SearchEngine(async (path) => {
      read.push(path);
      if (!files.has(path)) throw new Error(`missing ${path}`);
      return JSON.parse(JSON.stringify(files.get(path)));
    });
    expect(await titles(engine, 'words')).toHaveLength(2);
    expect(read).not.toContain('search/hosts.json');
    expect(await titles(engine, 'words host:two.example')).toEqual(['On another']);
    return read;
  }

  it('are out of meta.json, in search/hosts.json, read for a host: filter only', async () => {
    expect(archive.search.get('search/meta.json')).not.toHaveProperty('hosts');
    expect(archive.search.get('search/hosts.json')).toEqual({ 'one.example': expect.any(Number), 'two.example': expect.any(Number) });
    expect(await run(new Map([...archive.files, ...archive.search]))).toContain('search/hosts.json');
  });

  it('are still read from meta.json in an index built before hosts.json (a captured segment stored earlier)', async () => {
    const files = new Map([...archive.files, ...archive.search]);
    files.set('search/meta.json', { ...(files.get('search/meta.json') as object), hosts: files.get('search/hosts.json') });
    files.delete('search/hosts.json');
    expect(await run(files)).not.toContain('search/hosts.json');
  });
});

describe('search over the real seed and the fixture', async () => {
  const sources = [...(await readSeedDirectory(fromRoot('seeds'))), ...(await readSeedDirectory(fromRoot('tests/fixtures/seeds')))];
  const archive = compileArchive(sources);
  const engine = engineFor(archive);
  const SEED = 'Iraqi Militias Vow ‘Steadfast’ Holy War Against US Occupation After Commander’s Killing';
  const FIXTURE = 'US Launches Strikes in Iraq and Syria, Kirby Says More to Come';

  it('matches prefixes and typos', async () => {
    expect(await titles(engine, 'hezbolla')).toContain(SEED);
    expect(await titles(engine, 'kirb')).toEqual(expect.arrayContaining([SEED, FIXTURE]));
    expect(await titles(engine, 'hezbolah')).toContain(SEED); // one letter missing
    expect(await titles(engine, 'steadfsat')).toEqual([SEED]); // two letters swapped
  });

  it('checks quoted phrases against the text', async () => {
    expect(await titles(engine, '"drone strike"')).toEqual([SEED]);
    expect(await titles(engine, '"strike drone"')).toEqual([]);
  });

  it('filters by entity, host and date', async () => {
    expect(await titles(engine, 'entity:"John Kirby"')).toEqual([SEED, FIXTURE]);
    expect(await titles(engine, 'entity:"Kirby John"')).toEqual([]);
    expect(await titles(engine, 'host:sputnikglobe.com before:2024-02-05')).toEqual([FIXTURE]);
    expect(await titles(engine, 'kirby after:2024-02-03')).toEqual([SEED]);
    expect(await titles(engine, 'kirby host:example.com')).toEqual([]);
  });

  it('gives a snippet with the matched words and the matching entities', async () => {
    const [hit] = (await engine.search('kirby', 1)).hits;
    expect(hit).toBeDefined();
    const details = await engine.details(hit!, 'kirby');
    expect(details.snippet.filter((p) => p.mark).map((p) => p.text)).toContain('Kirby');
    expect(details.entities.map((e) => e.name)).toContain('John Kirby');
  });
});

describe('the compiled search index', () => {
  it('is the same for the same seeds, and fetches a few small files per query', async () => {
    const sources = await readSeedDirectory(fromRoot('seeds'));
    const a = compileArchive(sources);
    const b = compileArchive(sources);
    const searchFiles = (archive: CompiledArchive) => JSON.stringify([...archive.search]);
    expect(searchFiles(a)).toBe(searchFiles(b));

    const read: string[] = [];
    const engine = new SearchEngine(async (path) => {
      read.push(path);
      return JSON.parse(JSON.stringify(a.search.get(path) ?? a.files.get(path)));
    });
    await engine.search('hezbollah militia', 10);
    expect(read.filter((path) => path.startsWith('articles/'))).toEqual([]);
    expect(read.length).toBeLessThanOrEqual(10);
  });
});

describe('the reads of a cold search', () => {
  it("asks for the query's dictionary letters while meta.json is still on its way", async () => {
    const archive = compileArchive([seed('2024-03-01', 'Harbour reopens', 'Ships sailed at dawn.')]);
    const files = new Map([...archive.files, ...archive.search]);
    const asked: string[] = [];
    let releaseMeta!: () => void;
    const metaHeld = new Promise<void>((resolve) => (releaseMeta = resolve));
    const engine = new SearchEngine(async (path) => {
      asked.push(path);
      if (path === 'search/meta.json') await metaHeld;
      return JSON.parse(JSON.stringify(files.get(path)));
    });
    const searching = engine.search('harbour ships', 10);
    // Every read that does not wait on meta.json gets its turn before meta.json is let through.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual(expect.arrayContaining(['search/meta.json', 'search/dict/h.json', 'search/dict/s.json']));
    releaseMeta();
    expect((await searching).hits.map((hit) => hit.title)).toEqual(['Harbour reopens']);
  });
});
