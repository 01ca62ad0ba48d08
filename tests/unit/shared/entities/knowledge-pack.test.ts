import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultKnowledge } from '../../../../scripts/archive/knowledge';
import { compileKnowledge } from '../../../../src/shared/entities/knowledge';
import { decodeKnowledgePack, encodeKnowledgePack, KnowledgePackError } from '../../../../src/shared/entities/knowledge-pack';

/** Two entries sharing "Georgia", the later one listed again after the other gained it: ties follow listing order. */
const small = compileKnowledge({
  entries: [
    { type: 'place', name: 'Georgia', kind: 'country', aliases: [['Sakartvelo', 'strong']] },
    { type: 'place', name: 'Georgia State', kind: 'region', aliases: [['Georgia', 'weak']] },
    { type: 'org', name: 'Tbilisi FC', kind: 'club', aliases: [['Georgia', 'weak'], ['Tbilisi', 'weak']] },
    // Entry 0 gains weak "Tbilisi" after entry 2 did: its sense comes after entry 2's, not in entry order.
    { type: 'place', name: 'Georgia', kind: 'country', aliases: [['Tbilisi', 'weak'], ['U.S. Georgia', 'contextual']] },
  ],
  capitals: [['Tbilisi', 'Georgia']],
  firstNames: ['Nino'],
  givenNames: ['Tamar'],
  nameParts: ['Beridze'],
  commonWords: ['georgia'],
  companyWords: ['Tbilisi'],
  demonyms: ['Georgian'],
});

describe('knowledge pack', () => {
  it('decodes to the knowledge it was encoded from, sense order included', () => {
    const pack = encodeKnowledgePack(small);
    expect(pack.order).not.toBe(''); // the case the order section exists for is in this knowledge
    const back = decodeKnowledgePack(JSON.parse(JSON.stringify(pack)));
    expect(back.aliases.get('Tbilisi')).toEqual(small.aliases.get('Tbilisi'));
    expect(isDeepStrictEqual(back, small)).toBe(true);
  });

  it("decodes the build's whole knowledge exactly", () => {
    const knowledge = defaultKnowledge();
    const back = decodeKnowledgePack(JSON.parse(JSON.stringify(encodeKnowledgePack(knowledge))));
    expect(back.entries.length).toBe(knowledge.entries.length);
    expect(isDeepStrictEqual(back, knowledge)).toBe(true);
  }, 30_000);

  it('names what is wrong in a damaged pack', () => {
    const pack = encodeKnowledgePack(small);
    const broken = (change: Record<string, unknown>): (() => unknown) => () => decodeKnowledgePack({ ...pack, ...change });
    expect(() => decodeKnowledgePack('nope')).toThrow(KnowledgePackError);
    expect(broken({ version: 99 })).toThrow(/version 99/);
    expect(broken({ format: 'other' })).toThrow(/format is "other"/);
    expect(broken({ nameParts: 3 })).toThrow(/"nameParts" is not a string/);
    expect(broken({ entries: 'lcGeorgia\tqAlias' })).toThrow(/unknown strength "q"/);
    expect(broken({ entries: 'zzName' })).toThrow(/entry line 1/);
    expect(broken({ capitals: 'Tbilisi\t40' })).toThrow(/capital "Tbilisi" points at entry "40"/);
  });

  it('refuses to encode a name holding its separators', () => {
    const bad = compileKnowledge({ entries: [{ type: 'org', name: 'A\tB', kind: 'org', aliases: [] }] });
    expect(() => encodeKnowledgePack(bad)).toThrow(/tab or a line break/);
  });
});
