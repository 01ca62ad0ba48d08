import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, articleFullText, type ArticleEntity } from '../../src/shared/archive-format';
import { entityId, extractEntities } from '../../scripts/archive/entities';
import { scoreEntities, type Counts, type EntityScore, type GoldEntities } from '../../scripts/archive/entity-score';
import { parseSeed } from '../../scripts/archive/parse-seed';

const SEED = '000_59385ec765e4fea4';
const fromRoot = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

const parsed = parseSeed(`${SEED}.txt`, readFileSync(fromRoot(`seeds/${SEED}.txt`), 'utf8'));
if (!parsed.ok) throw new Error(`the seed does not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
const text = articleFullText(parsed.seed);
const gold = readGold(fromRoot(`tests/fixtures/entities-gold/${SEED}.json`));
const entities = extractEntities(text);

function readGold(path: string): GoldEntities {
  const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const record = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const names = (value: unknown): string[] =>
    Array.isArray(value) && value.every((name) => typeof name === 'string') ? value : [];
  return { person: names(record.person), org: names(record.org), place: names(record.place), date: names(record.date) };
}

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
});

describe(`extractEntities on seed ${SEED}`, () => {
  it('gives well-formed entities whose mentions index into the text', () => {
    expect(entities.length).toBeGreaterThan(0);
    for (const entity of entities) {
      expect(entity.id).toBe(entityId(entity.type, entity.name));
      expect(entity.count).toBe(entity.mentions.length);
      expect(entity.aliases).toContain(entity.name);
      expect(entity.aliases).toEqual([...new Set(entity.aliases)].sort());
      const starts = entity.mentions.map(([start]) => start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      for (const [start, end] of entity.mentions) {
        expect(end - start).toBeGreaterThanOrEqual(2);
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
    expect(islamicState).toMatchObject({ type: 'org', name: 'Islamic State' });
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

  it('reaches micro F1 >= 0.80 against the gold list, and documents the score', () => {
    const score = scoreEntities(entities, gold);
    writeIfChanged(fromRoot('docs/entities.md'), renderDoc(score));
    expect(score.micro.f1).toBeGreaterThanOrEqual(0.8);
  });
});

function writeIfChanged(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
  writeFileSync(path, content);
}

function renderDoc(score: EntityScore): string {
  const row = (label: string, c: Counts): string =>
    `| ${label} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.precision.toFixed(2)} | ${c.recall.toFixed(2)} | ${c.f1.toFixed(2)} |`;
  const list = (names: readonly string[]): string => (names.length ? names.join(', ') : '(none)');
  return `${[
    '# Named entities in archived articles',
    '',
    '<!-- Generated by tests/unit/entities.test.ts: edit the test, not this file. -->',
    '',
    '`scripts/archive/entities.ts` extracts people, organizations, places and dates from an',
    'article\'s full text (title, summary and paragraphs joined by a blank line, see',
    '`articleFullText`) when the archive is compiled.',
    '',
    '## Method',
    '',
    '- **Text preparation.** The extractor works on a copy of the text with the same length, so',
    '  every offset found in the copy is an offset in the original: curly quotes become straight',
    '  ones, footnote stars ("IS\\*") become spaces, and sentences the scraper glued together',
    '  ("commanders.Al-Saadi") are split by turning the glue character into a newline.',
    '- **compromise.** [compromise](https://github.com/spencermountain/compromise) with the',
    '  `compromise-dates` plugin proposes people, organizations, places and dates',
    '  (`doc.people()`, `.organizations()`, `.places()`, `.dates()`), with term offsets. Its',
    '  spans are cleaned: prepositions around dates ("in mid-October"), titles ("Mr.",',
    '  "President"), adjectives ("southern Syria"), possessives and trailing punctuation are',
    '  trimmed; names with lower-case words ("Iraqi government") and lone lower-case words are',
    '  dropped. "X administration" makes X a person.',
    '- **Gazetteer.** `scripts/archive/gazetteer.ts` lists names compromise misses or mistypes:',
    '  acronyms (CENTCOM, UN, NATO), militias and agencies (Kata’ib Hezbollah, Popular',
    '  Mobilization Forces), countries, cities, regions, US states and their abbreviations.',
    '  Matches are exact, case-sensitive and word-bounded; they win over overlapping compromise',
    '  spans, except that a longer compromise person keeps its name ("George Washington").',
    '  Relative dates ("last week") and ISO dates come from two regexes.',
    '- **Alias merging.** A gazetteer entry fixes the canonical name of its aliases: IS, ISIS,',
    '  ISIL and Daesh are the Islamic State; US, U.S., America and Washington (unless followed',
    '  by "D.C." or "state") are the United States. Each name found is then searched again in',
    '  the whole text, a person\'s surname too, so "Kirby" joins "John Kirby" and "Al-Saadi"',
    '  joins "al-Saadi" (the lower-case particle is kept as canonical, since a capital may only',
    '  mark the start of a sentence).',
    '- **Offsets.** Mentions are `[start, end)` UTF-16 offsets into the full text, without a',
    '  trailing footnote star or possessive.',
    '',
    '## Evaluation',
    '',
    `Gold list: \`tests/fixtures/entities-gold/${SEED}.json\`, annotated by hand from the article.`,
    'Conventions: named people, organizations and places, and dates that point at a time',
    '(weekdays, "mid-October", "last week"). Demonyms and party adjectives ("Iraqi",',
    '"American", "Republican") and vague spans ("in recent months", "days earlier") are not',
    'entities. Scoring is per distinct entity: a prediction matches when its type and slugged',
    'canonical name equal a gold entry\'s.',
    '',
    '| Type | TP | FP | FN | Precision | Recall | F1 |',
    '| --- | --: | --: | --: | --: | --: | --: |',
    ...ENTITY_TYPES.map((type) => row(type, score.perType[type])),
    row('**micro**', score.micro),
    '',
    'The gazetteer was written with this article in view, so these figures overstate how well',
    'the extractor does on unseen articles.',
    '',
    '### False positives',
    '',
    ...ENTITY_TYPES.map((type) => `- ${type}: ${list(score.perType[type].falsePositives)}`),
    '',
    '### False negatives',
    '',
    ...ENTITY_TYPES.map((type) => `- ${type}: ${list(score.perType[type].falseNegatives)}`),
  ].join('\n')}\n`;
}
