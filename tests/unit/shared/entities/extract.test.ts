import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../scripts/archive/entities';

/** Round 7 rules in src/shared/entities/extract.ts (merging) and scripts/archive/knowledge (demonyms). */
const article = (body: string): string => `Headline\n\n${body}`;

describe('merging and known names (extract)', () => {
  it('joins a surname whose particle is capitalized at its start to the full name written in lower case', () => {
    const entities = extractEntities(article('Pieter van Doorn won on Friday. He finished ahead of Van Doorn, who rides for a Dutch team. Van Doorn had led since Monday.'));
    const people = entities.filter((e) => e.type === 'person');
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: 'Pieter van Doorn', count: 3 });
  });

  it('finds a country that world-countries also lists as its own demonym', () => {
    const entities = extractEntities(article('Djibouti has recorded 1,340 cases. Flights to Laos resumed.'));
    expect(entities.find((e) => e.id === 'place:djibouti')).toMatchObject({ type: 'place' });
    expect(entities.find((e) => e.id === 'place:laos')).toMatchObject({ type: 'place' });
  });
});

describe('round 9: national societies (extract)', () => {
  it('reads a demonym and the Red Cross as the national society, a body of its own', () => {
    const entities = extractEntities(article('The Philippine Red Cross set up water stations on Thursday.'));
    expect(entities.find((e) => e.aliases.includes('Philippine Red Cross'))).toMatchObject({ type: 'org', id: 'org:philippine-red-cross' });
  });
});

describe('round 10: a short form the article claims (extract)', () => {
  it('reads "the Treasury" as the US department only in an article that names it in full, else as the government body', () => {
    const us = extractEntities(article('The Treasury Department imposed sanctions on Monday. The Treasury said more would follow.'));
    expect(us.filter((e) => e.type === 'org')).toMatchObject([{ name: 'Treasury Department', count: 2 }]);
    const elsewhere = extractEntities(article('Ministers said the money would reach the Treasury within weeks.'));
    expect(elsewhere.filter((e) => e.type === 'org')).toMatchObject([{ name: 'Treasury', id: 'org:treasury' }]);
  });
});
