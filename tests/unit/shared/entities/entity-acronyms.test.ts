import { describe, expect, it } from 'vitest';
import type { ArticleEntity } from '../../../../src/shared/archive-format';
import { extractEntities } from '../../../../scripts/archive/entities';

/** Round 8 rules in src/shared/entities/entity-acronyms.ts (invented names). */
const article = (body: string): string => `Headline\n\n${body}`;
const find = (entities: readonly ArticleEntity[], alias: string): ArticleEntity | undefined => entities.find((e) => e.aliases.includes(alias));

describe('names defined by an acronym (entity-acronyms)', () => {
  it('reads an organization, "in" and a place before an acronym as one name, the acronym its alias', () => {
    const entities = extractEntities(article('Money came from the Nordic Bank for Rural Renewal in Africa (BNRRA). Later BNRRA said the loan was signed.'));
    expect(find(entities, 'Nordic Bank for Rural Renewal in Africa')).toMatchObject({ type: 'org' });
    expect(find(entities, 'BNRRA')?.name).toBe('Nordic Bank for Rural Renewal in Africa');
  });
});
