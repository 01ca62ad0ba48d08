import { describe, expect, it } from 'vitest';
import { compileKnowledge, isCountryOrRegion } from '../../../../src/shared/entities/knowledge';

/** Round 8 rule in src/shared/entities/knowledge.ts. */
describe('knowledge (knowledge.ts)', () => {
  it('holds the plural of each "-an" and "-i" demonym, made at compile time', () => {
    const knowledge = compileKnowledge({ entries: [], demonyms: ['Tanzanian', 'Bangladeshi', 'French'] });
    expect(knowledge.demonyms.has('Tanzanians')).toBe(true);
    expect(knowledge.demonyms.has('Bangladeshis')).toBe(true);
    expect(knowledge.demonyms.has('Frenchs')).toBe(false);
  });

  it('tells a country or region by any of its senses, not a city or a body', () => {
    const knowledge = compileKnowledge({
      entries: [
        { type: 'place', name: 'Finland', kind: 'country', aliases: [] },
        { type: 'place', name: 'Texas', kind: 'region', aliases: [] },
        { type: 'place', name: 'Georgia', kind: 'region', aliases: [] },
        { type: 'place', name: 'Georgia', kind: 'country', aliases: [] },
        { type: 'place', name: 'Levi', kind: 'town', aliases: [] },
        { type: 'org', name: 'World Bank', kind: 'org', aliases: [] },
      ],
    });
    expect(['Finland', 'Texas', 'Georgia'].map((word) => isCountryOrRegion(word, knowledge))).toEqual([true, true, true]);
    expect(['Levi', 'World Bank', 'Atlantis'].map((word) => isCountryOrRegion(word, knowledge))).toEqual([false, false, false]);
  });
});
