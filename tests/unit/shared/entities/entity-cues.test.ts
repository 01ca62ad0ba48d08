import { describe, expect, it } from 'vitest';
import type { ArticleEntity } from '../../../../src/shared/archive-format';
import { extractEntities } from '../../../../scripts/archive/entities';

/** Round 7 rules in src/shared/entities/entity-cues.ts, on sentences written for each (invented names). */
const article = (body: string): string => `Headline\n\n${body}`;
const find = (entities: readonly ArticleEntity[], alias: string): ArticleEntity | undefined => entities.find((e) => e.aliases.includes(alias));

describe('structure around untyped names (entity-cues)', () => {
  it('reads a one-word name told something, with no name evidence, as an outlet', () => {
    const entities = extractEntities(article('Her office told Velkora that she would ask for more time.'));
    expect(find(entities, 'Velkora')).toMatchObject({ type: 'org' });
  });

  it('keeps a surname told something a person when the article gives the full name', () => {
    const entities = extractEntities(article('Amina Tessaro chairs the board. Later the mayor told Tessaro that it was fine.'));
    expect(find(entities, 'Tessaro')).toMatchObject({ type: 'person', name: 'Amina Tessaro' });
  });

  it('places a person by the body they speak for with "of"', () => {
    const entities = extractEntities(article('"The plan is late," said Petra Lindmark of Vorsana.'));
    expect(find(entities, 'Petra Lindmark')).toMatchObject({ type: 'person' });
    expect(find(entities, 'Vorsana')).toMatchObject({ type: 'org' });
  });

  it('reads a role over a field held "at" a name as a job at an organization', () => {
    const entities = extractEntities(article('"Prices will fall," said Lin Wai, head of metals research at Quarvex in London.'));
    expect(find(entities, 'Quarvex')).toMatchObject({ type: 'org' });
  });

  it('reads what is "-owned" or "-run" as an organization', () => {
    const entities = extractEntities(article("The licence went to Vietnam's state-owned Trovac, which had bid twice."));
    expect(find(entities, 'Trovac')).toMatchObject({ type: 'org' });
  });

  it('reads a facility named with one word of its kind before the noun as a place', () => {
    const entities = extractEntities(article('Engineers said the Dranok hydropower plant would hold back water in winter.'));
    expect(find(entities, 'Dranok')).toMatchObject({ type: 'place' });
  });

  it('types both names before a plural geographic noun, through the list', () => {
    const entities = extractEntities(article('Upstream, the Velka and Drosna rivers join below the gorge.'));
    expect(find(entities, 'Drosna')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Velka')).toMatchObject({ type: 'place' });
  });

  it('reads a quarter described in apposition as a place', () => {
    const entities = extractEntities(article('Boats from Guet Varn, the crowded fishing quarter of Saint-Louis, must leave.'));
    expect(find(entities, 'Guet Varn')).toMatchObject({ type: 'place' });
  });

  it('reads a name followed by "which rates" as a rating agency', () => {
    const entities = extractEntities(article('Markets barely moved. Korvath, which rates the bonds, called the deal neutral.'));
    expect(find(entities, 'Korvath')).toMatchObject({ type: 'org' });
  });
});
