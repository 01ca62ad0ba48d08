import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../scripts/archive/entities';

/** Round 9: datelines in capitals (src/shared/entities/entity-datelines.ts). */
const article = (body: string): string => `Headline\n\n${body}`;

describe('datelines', () => {
  it('reads a city in capitals before a date and a dash as a place, with its known entry', () => {
    const entities = extractEntities(article('OSLO, Sept. 24 – The ministry approved the plan on Monday.'));
    expect(entities.find((e) => e.id === 'place:oslo')).toMatchObject({ type: 'place', aliases: ['OSLO'] });
  });

  it('reads a region no list holds after the capital city as a place, and its other mentions too', () => {
    const entities = extractEntities(article('TANGAROA, Wekelland, May 20 – Exports rose by a fifth. Wekelland shipped more goats this year.'));
    expect(entities.find((e) => e.id === 'place:tangaroa')).toMatchObject({ type: 'place' });
    expect(entities.find((e) => e.id === 'place:wekelland')).toMatchObject({ type: 'place', count: 2 });
  });

  it('leaves a shouted phrase that is no dateline alone', () => {
    const entities = extractEntities(article('BREAKING NEWS, the anchor said – and then the line went dead.'));
    expect(entities.filter((e) => e.type === 'place')).toEqual([]);
  });
});
