import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../../scripts/archive/entities';

/** Round 7 date patterns in src/shared/entities/entity-dates.ts. */
const dates = (body: string): string[] => extractEntities(`Headline\n\n${body}`).filter((e) => e.type === 'date').map((e) => e.name);

describe('dates of history (entity-dates)', () => {
  it('reads a decade of any century and a century alone as dates, with their article', () => {
    expect(dates('Masons worked on the lodge in the 1420s. The stone was laid in the 15th century.')).toEqual(['the 1420s', 'the 15th century']);
  });

  it('does not read a cricket century or a span of centuries as a date', () => {
    expect(dates('He scored a century. The church stood for centuries.')).toEqual([]);
  });
});

/** Round 8 date patterns in src/shared/entities/entity-dates.ts. */
describe('holidays placed by a year (entity-dates)', () => {
  it('reads a holiday and the relative year after it as one date', () => {
    expect(dates('The levy would start at Easter next year. Households will not ration during Ramadan.')).toEqual(['Easter next year', 'Ramadan']);
  });
});
