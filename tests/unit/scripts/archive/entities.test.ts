import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, articleFullText, type ArticleEntity } from '../../../../src/shared/archive-format';
import { entityId, extractEntities } from '../../../../scripts/archive/entities';
import { parseGold, readCorpus } from '../../../../scripts/archive/entity-corpus';
import { scoreCorpus, scoreEntities } from '../../../../scripts/archive/entity-score';
import { parseSeed } from '../../../../scripts/archive/parse-seed';

const SEED = '000_59385ec765e4fea4';
const fromRoot = (path: string): string => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));

const parsed = parseSeed(`${SEED}.txt`, readFileSync(fromRoot(`seeds/${SEED}.txt`), 'utf8'));
if (!parsed.ok) throw new Error(`the seed does not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
const text = articleFullText(parsed.seed);
const goldPath = fromRoot(`tests/fixtures/entities-gold/${SEED}.json`);
const gold = parseGold(goldPath, readFileSync(goldPath, 'utf8'));
const entities = extractEntities(text);


function entityWithAlias(alias: string): ArticleEntity | undefined {
  return entities.find((entity) => entity.aliases.includes(alias));
}

describe('entityId', () => {
  it('slugs the name: lower case, no accents or apostrophes, dashes between words', () => {
    expect(entityId('org', 'Kata’ib Hezbollah')).toBe('org:kataib-hezbollah');
    expect(entityId('place', 'Türkiye')).toBe('place:turkiye');
    expect(entityId('place', 'Washington, D.C.')).toBe('place:washington-d-c');
  });
});

describe('scoreEntities', () => {
  it('scores a tiny hand-made case per type and pooled', () => {
    const score = scoreEntities(
      [
        { type: 'person', name: 'John Kirby' },
        { type: 'person', name: 'Kirby' },
        { type: 'org', name: 'kataib hezbollah' },
        { type: 'place', name: 'Baghdad' },
      ],
      { person: ['John Kirby', 'al-Saadi'], org: ['Kata’ib Hezbollah'], place: [], date: ['Tuesday'] },
    );
    expect(score.perType.person).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(score.perType.person.falsePositives).toEqual(['Kirby']);
    expect(score.perType.person.falseNegatives).toEqual(['al-Saadi']);
    expect(score.perType.org).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(score.perType.place).toMatchObject({ tp: 0, fp: 1, fn: 0, precision: 0, recall: 1, f1: 0 });
    expect(score.perType.date).toMatchObject({ tp: 0, fp: 0, fn: 1, precision: 1, recall: 0, f1: 0 });
    expect(score.micro).toMatchObject({ tp: 2, fp: 2, fn: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('matches any of an entry\'s names, and counts a second match of one entry as a false positive', () => {
    const score = scoreEntities(
      [
        { type: 'org', name: 'IMF' },
        { type: 'org', name: 'International Monetary Fund' },
        { type: 'place', name: 'Beijing' },
        { type: 'place', name: 'Manchester' },
      ],
      { person: [], org: [['International Monetary Fund', 'IMF']], place: [['China', 'Beijing'], 'Manchester'], date: [] },
    );
    expect(score.perType.org).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(score.perType.org.falsePositives).toEqual(['International Monetary Fund (not merged)']);
    expect(score.perType.place).toMatchObject({ tp: 2, fp: 0, fn: 0 });
  });
});

describe(`extractEntities on seed ${SEED}`, () => {
  it('gives well-formed entities whose mentions index into the text', () => {
    expect(entities.length).toBeGreaterThan(0);
    for (const entity of entities) {
      // The id is the slug of the name, or of the known name an article shows by its own short form ("IS").
      expect(entity.id).toMatch(new RegExp(`^${entity.type}:[a-z0-9]+(?:-[a-z0-9]+)*$`));
      if (!/^[\p{Lu}.]+$/u.test(entity.name)) expect(entity.id).toBe(entityId(entity.type, entity.name));
      expect(entity.count).toBe(entity.mentions.length);
      expect(entity.aliases).toContain(entity.name);
      expect(entity.aliases).toEqual([...new Set(entity.aliases)].sort());
      const starts = entity.mentions.map(([start]) => start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      for (const [start, end] of entity.mentions) {
        // One letter only for a capital that names something ("X", the platform).
        expect(end - start >= 2 || /^\p{Lu}$/u.test(text.slice(start, end))).toBe(true);
        expect(entity.aliases).toContain(text.slice(start, end));
      }
    }
    expect(new Set(entities.map((entity) => entity.id)).size).toBe(entities.length);
  });

  it('is deterministic', () => {
    expect(extractEntities(text)).toEqual(entities);
  });

  it('merges aliases into one entity', () => {
    const islamicState = entityWithAlias('IS');
    // The seed writes only "IS" and "ISIS": shown as it writes it, with the known name's id.
    expect(islamicState).toMatchObject({ type: 'org', name: 'IS', id: 'org:islamic-state' });
    expect(islamicState?.aliases).toEqual(expect.arrayContaining(['IS', 'ISIS', 'ISIL', 'Daesh']));

    const kirby = entityWithAlias('Kirby');
    expect(kirby).toMatchObject({ type: 'person', name: 'John Kirby' });

    const saadi = entities.filter((entity) => entity.id === 'person:al-saadi');
    expect(saadi).toHaveLength(1);
    expect(saadi[0]?.aliases).toEqual(['Al-Saadi', 'al-Saadi']);

    const us = entityWithAlias('US');
    expect(us).toMatchObject({ type: 'place', name: 'United States' });
    expect(us?.aliases).toEqual(expect.arrayContaining(['United States', 'Washington']));

    expect(entityWithAlias('CENTCOM')?.type).toBe('org');
    expect(entityWithAlias('Kata’ib Hezbollah')).toMatchObject({ type: 'org', id: 'org:kataib-hezbollah' });
  });

  it('keeps mentions clear of footnote stars and possessives', () => {
    for (const entity of entities) {
      for (const alias of entity.aliases) expect(alias).not.toMatch(/\*|’s$|'s$/);
    }
  });

  it('scores at least as well as the last measure (typed F1 1.00, 30 of 30; the seed-tuned extractor had 29)', () => {
    const score = scoreEntities(entities, gold);
    expect(score.micro.tp).toBeGreaterThanOrEqual(30);
    expect(score.micro.fp).toBe(0);
  });
});

// Issue 14's target is typed micro F1 >= 0.90 and >= 0.85 for each type on the held-out
// halves; the extractor does not reach it yet (docs/entities.md). Until it does, each corpus is
// gated at the figures measured after the last tuning, less a margin of 0.005, so that no
// change makes any half worse. Raise these as the extractor improves; never lower one, and
// never tune on a held-out half (test4, test11) to raise it.
const MEASURED_FLOORS = [
  { corpus: 'dev', minArticles: 15, floor: { micro: 0.965, person: 0.995, org: 0.941, place: 0.961, date: 0.992 } },
  // Held out in the first two rounds, tune material from the third.
  { corpus: 'test', minArticles: 15, floor: { micro: 0.941, person: 0.949, org: 0.91, place: 0.929, date: 0.989 } },
  // Held out in the second and third rounds, tune material from the fourth.
  { corpus: 'test2', minArticles: 12, floor: { micro: 0.934, person: 0.924, org: 0.928, place: 0.906, date: 0.984 } },
  // Written fresh for the third round, held out in the third and fourth, tune material from the fifth.
  { corpus: 'test3', minArticles: 12, floor: { micro: 0.937, person: 0.945, org: 0.888, place: 0.941, date: 0.983 } },
  // Written fresh for the fourth round; held out (only its figures are read). Its floor is the round-11 figure rounded down.
  { corpus: 'test4', minArticles: 12, floor: { micro: 0.89, person: 0.823, org: 0.833, place: 0.883, date: 0.991 } },
  // Written fresh for the fifth round and measured once at its end; tune material from the sixth.
  { corpus: 'test5', minArticles: 12, floor: { micro: 0.917, person: 0.916, org: 0.896, place: 0.879, date: 0.987 } },
  // Written fresh for the sixth round and measured once at its end; tune material from the seventh.
  { corpus: 'test6', minArticles: 12, floor: { micro: 0.944, person: 0.984, org: 0.884, place: 0.939, date: 0.99 } },
  // Written fresh for the seventh round: tune material in round 8; measured once in round 7.
  { corpus: 'test7', minArticles: 12, floor: { micro: 0.935, person: 0.975, org: 0.892, place: 0.921, date: 0.981 } },
  // Written fresh for the eighth round and measured once, after its last change; tune material from the ninth.
  { corpus: 'test8', minArticles: 12, floor: { micro: 0.918, person: 0.879, org: 0.884, place: 0.894, date: 0.982 } },
  // Written fresh for the ninth round and measured once, after its last change; tune material from the tenth.
  { corpus: 'test9', minArticles: 12, floor: { micro: 0.909, person: 0.944, org: 0.863, place: 0.882, date: 0.96 } },
  // Written fresh for the tenth round and measured once, after its last change; tune material from the eleventh.
  { corpus: 'test10', minArticles: 12, floor: { micro: 0.947, person: 0.915, org: 0.909, place: 0.965, date: 0.983 } },
  // Written fresh for the eleventh round and measured once, after its last change; held out. Its floor is that measure rounded down.
  { corpus: 'test11', minArticles: 12, floor: { micro: 0.919, person: 0.885, org: 0.871, place: 0.914, date: 0.989 } },
] as const;

describe.each(MEASURED_FLOORS)('extractEntities on the $corpus corpus (tests/fixtures/entities/$corpus)', ({ corpus, minArticles, floor }) => {
  // Fails, naming what is missing, when the corpus is not there: the gate is on it.
  const articles = readCorpus(fromRoot(`tests/fixtures/entities/${corpus}`));
  const score = scoreCorpus(articles.map((article) => ({ predicted: extractEntities(article.text), gold: article.gold })));

  it(`holds at least ${minArticles} articles`, () => {
    expect(articles.length).toBeGreaterThanOrEqual(minArticles);
  });

  it(`keeps typed micro F1 at or above the measured ${floor.micro} (target 0.90)`, () => {
    expect(score.micro.f1).toBeGreaterThanOrEqual(floor.micro);
  });

  it.each(ENTITY_TYPES)('keeps F1 on %s at or above its measured floor (target 0.85)', (type) => {
    expect(score.perType[type].f1).toBeGreaterThanOrEqual(floor[type]);
  });
});
