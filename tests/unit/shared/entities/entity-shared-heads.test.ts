import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../scripts/archive/entities';

/** Round 10 rule in src/shared/entities/entity-shared-heads.ts (and the display name in extract.ts). */
const orgs = (body: string): string[] => extractEntities(`Headline\n\n${body}`).filter((e) => e.type === 'org').map((e) => e.name).sort();

describe('two names sharing one plural head (entity-shared-heads)', () => {
  it('reads each name before a shared plural head as a body named with the head in the singular', () => {
    expect(orgs("Voters backed the Popular Renewal and People's Unity parties on Saturday.")).toEqual(["People's Unity Party", 'Popular Renewal Party']);
    expect(orgs('Members of the Dockers and Seafarers unions walked out.')).toEqual(['Dockers Union', 'Seafarers Union']);
  });

  it('joins the short mention to the full name the article writes elsewhere', () => {
    const entities = extractEntities('Headline\n\nThe Popular Renewal and Civic Hope parties met. The Popular Renewal Party won 12 seats.');
    expect(entities.filter((e) => e.type === 'org').map((e) => [e.name, e.count]).sort()).toEqual([['Civic Hope Party', 1], ['Popular Renewal Party', 2]]);
  });
});
