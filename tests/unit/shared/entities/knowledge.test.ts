import { describe, expect, it } from 'vitest';
import { compileKnowledge } from '../../../../src/shared/entities/knowledge';

/** Round 8 rule in src/shared/entities/knowledge.ts. */
describe('knowledge (knowledge.ts)', () => {
  it('holds the plural of each "-an" and "-i" demonym, made at compile time', () => {
    const knowledge = compileKnowledge({ entries: [], demonyms: ['Tanzanian', 'Bangladeshi', 'French'] });
    expect(knowledge.demonyms.has('Tanzanians')).toBe(true);
    expect(knowledge.demonyms.has('Bangladeshis')).toBe(true);
    expect(knowledge.demonyms.has('Frenchs')).toBe(false);
  });
});
