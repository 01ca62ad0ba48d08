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

/** Round 10 rules in src/shared/entities/entity-dates.ts and extract.ts. */
describe('seasons and quarters of play (entity-dates, extract)', () => {
  it('names a season written by its two years without the article, as "last season" is', () => {
    expect(dates('He joined before the 2024-25 season and left after the 2026–27 campaign.')).toEqual(['2024-25 season', '2026–27 campaign']);
  });

  it('reads a quarter in a sentence of an article about sport as a period of play, a quarter of a year elsewhere as a date', () => {
    const game = 'Quimbo beat the champions 88-80 on Friday. The visitors led at half-time after 12 points from their captain. A 14-2 run early in the third quarter swung the game, and the coach said the club had played its best basketball.';
    expect(dates(game)).toEqual(['Friday']);
    expect(dates('The company reported record profit for the third quarter on Friday.').sort()).toEqual(['Friday', 'the third quarter']);
  });
});

/** Round 11 date patterns in src/shared/entities/entity-dates.ts. */
describe('halves of a month and "May" with a year or a day (entity-dates)', () => {
  it('reads the half of a month as one date', () => {
    expect(dates('Forecasters warned of another hot spell in the second half of July.')).toEqual(['the second half of July']);
  });

  it('reads "May" before a year or after a day as the month, and leaves the verb', () => {
    expect(dates('The programme runs until May 2026. It may end sooner.')).toEqual(['May 2026']);
    expect(dates('Voting opens on 3 May. Officials may extend it.')).toEqual(['3 May']);
  });
});
