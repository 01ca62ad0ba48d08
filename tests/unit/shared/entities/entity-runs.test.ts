import { describe, expect, it } from 'vitest';
import type { ArticleEntity } from '../../../../src/shared/archive-format';
import { extractEntities } from '../../../../scripts/archive/entities';

/** Round 7 rules in src/shared/entities/entity-runs.ts and entity-context.ts, on sentences written for each (invented names). */
const article = (body: string): string => `Headline\n\n${body}`;
const find = (entities: readonly ArticleEntity[], alias: string): ArticleEntity | undefined => entities.find((e) => e.aliases.includes(alias));

describe('names typed by their own words and the words around them (entity-runs)', () => {
  it('reads names opening with a Romance article as no person', () => {
    const entities = extractEntities(article('The minister vowed to fight gangs such as Los Brazos and Los Tercos in the port.'));
    expect(find(entities, 'Los Brazos')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Los Tercos')).toMatchObject({ type: 'org' });
    expect(entities.filter((e) => e.type === 'person')).toEqual([]);
  });

  it('reads what reports that something is so as a paper, the article opening the sentence included', () => {
    const entities = extractEntities(article('Officials spoke. La Crónica reported that the ministry had cut its budget. Trelvik reported on Thursday that investors had been told.'));
    expect(find(entities, 'La Crónica')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Trelvik')).toMatchObject({ type: 'org' });
  });

  it('opens organizations with head words of dioceses and Spanish public bodies, and places with "Camp" and "Río"', () => {
    const entities = extractEntities(
      article('The Archdiocese of Velmora said tours were booked. The Defensoría del Ciudadano said it had 214 complaints. Camp Dorvan offered help. A reservoir on the Río Calvo is planned.'),
    );
    expect(find(entities, 'Archdiocese of Velmora')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Defensoría del Ciudadano')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Camp Dorvan')).toMatchObject({ type: 'place' });
    expect(find(entities, 'Río Calvo')).toMatchObject({ type: 'place' });
  });

  it('trims "Father" from a priest\'s name', () => {
    const entities = extractEntities(article('"It is back," said Father Tomas Veliko, the administrator. Veliko rang the bell.'));
    expect(find(entities, 'Tomas Veliko')).toMatchObject({ type: 'person' });
    expect(find(entities, 'Father Tomas Veliko')).toBeUndefined();
  });

  it('keeps a demonym inside a body named after its head word and "of the"', () => {
    const entities = extractEntities(article('The work was led by the Heritage Board of the Slovak Republic, with masons from Levoča.'));
    expect(find(entities, 'Heritage Board of the Slovak Republic')).toMatchObject({ type: 'org' });
    expect(find(entities, 'Slovak Republic')).toBeUndefined();
  });

  it('does not make a company a person for being called a rival', () => {
    const entities = extractEntities(article('The merged firm must share its towers with Qomvex, its only remaining national rival.'));
    expect(find(entities, 'Qomvex')?.type).not.toBe('person');
  });

  it('does not read an ordinary word after a possessive as a one-word person', () => {
    const entities = extractEntities(article("Forecasters expect rain, which Lloyd's List said would allow more transits."));
    expect(find(entities, 'List')).toBeUndefined();
  });

  it('does not read an organization noun in a clause of where as an apposition', () => {
    const entities = extractEntities(article('Rivals fear losing provinces such as Battambang and Kravanh, where the operator built its network first.'));
    expect(find(entities, 'Kravanh')).toMatchObject({ type: 'place' });
  });
});
